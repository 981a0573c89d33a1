/* Option arguments chosen from a list of words. */
#include "argmatch.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "out.h"
#include "quote.h"
#include "sys.h"

/* Walk the words of a list: for (w = words, i = 0; *w; w = next_word(w), i++). */
static const char *next_word(const char *w)
{
	return w + strlen(w) + 1;
}

const char *argmatch_word(const char *words, size_t i)
{
	for (; i; i--)
		words = next_word(words);
	return words;
}

ptrdiff_t argmatch(const char *arg, const char *words, const int *vals)
{
	size_t len = strlen(arg);
	ptrdiff_t found = ARGMATCH_INVALID;
	bool ambiguous = false;
	ptrdiff_t i = 0;
	for (const char *w = words; *w; w = next_word(w), i++) {
		if (strncmp(w, arg, len) != 0)
			continue;
		if (strlen(w) == len)
			return i;
		if (found == ARGMATCH_INVALID)
			found = i;
		else if (!vals || vals[found] != vals[i])
			ambiguous = true;
	}
	return ambiguous ? ARGMATCH_AMBIGUOUS : found;
}

/* "Valid arguments are:" and the words, synonyms on one line. */
static void list_valid(const char *words, const int *vals)
{
	size_t cap = 256, len = 0;
	char *msg = malloc(cap);
	if (!msg)
		return;
	const char *head = "Valid arguments are:";
	const char *w = words;
	for (ptrdiff_t i = -1; i < 0 || *w; i++) {
		const char *piece;
		const char *sep = "";
		if (i < 0) {
			piece = head;
		} else {
			piece = quote(w);
			sep = (i > 0 && vals && vals[i] == vals[i - 1]) ? ", " : "\n  - ";
			w = next_word(w);
		}
		size_t need = len + strlen(sep) + strlen(piece) + 2;
		if (need > cap) {
			char *n = realloc(msg, need * 2);
			if (!n) {
				free(msg);
				return;
			}
			msg = n;
			cap = need * 2;
		}
		memcpy(msg + len, sep, strlen(sep));
		len += strlen(sep);
		memcpy(msg + len, piece, strlen(piece));
		len += strlen(piece);
	}
	msg[len++] = '\n';
	(void)sys_write_all(2, msg, len);
	free(msg);
}

static _Noreturn void argmatch_die(ptrdiff_t i, const char *option, const char *arg,
                                   const char *words, const int *vals)
{
	out_flush_quiet();
	diag_error(0, "%s argument %s for %s", i == ARGMATCH_AMBIGUOUS ? "ambiguous" : "invalid",
		   quote(arg), quote(option));
	list_valid(words, vals);
	diag_usage_error(NULL);
}

ptrdiff_t xargmatch(const char *option, const char *arg, const char *words, const int *vals)
{
	ptrdiff_t i = argmatch(arg, words, vals);
	if (i < 0)
		argmatch_die(i, option, arg, words, vals);
	return i;
}

ptrdiff_t xargmatch_exact(const char *option, const char *arg, const char *words)
{
	ptrdiff_t i = 0;
	for (const char *w = words; *w; w = next_word(w), i++)
		if (strcmp(w, arg) == 0)
			return i;
	argmatch_die(ARGMATCH_INVALID, option, arg, words, NULL);
}
