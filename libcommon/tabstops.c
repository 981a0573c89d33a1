/* Tab stop lists of expand and unexpand. */
#include "tabstops.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "quote.h"
#include "xalloc.h"

void tabs_init(struct tabstops *t)
{
	memset(t, 0, sizeof *t);
}

static void note_gap(struct tabstops *t, intmax_t gap)
{
	if (gap > t->max_gap)
		t->max_gap = gap;
}

void tabs_add(struct tabstops *t, intmax_t stop)
{
	intmax_t prev = t->n ? t->list[t->n - 1] : 0;
	if (t->n == t->cap)
		t->list = xgrow(t->list, &t->cap, sizeof *t->list);
	t->list[t->n++] = stop;
	note_gap(t, prev <= stop ? stop - prev : 0);
}

/* Record the "/N" or "+N" rule; false (after saying so) when one was
   already given. */
static bool set_rule(struct tabstops *t, intmax_t *rule, char mark, intmax_t value)
{
	bool ok = true;
	if (*rule) {
		diag_error(0, "'%c' specifier only allowed with the last value", mark);
		ok = false;
	}
	*rule = value;
	note_gap(t, value);
	return ok;
}

/* Store the number just read, as a stop or as the rule MARK names. */
static bool store(struct tabstops *t, char mark, intmax_t value)
{
	if (mark == '/')
		return set_rule(t, &t->extend, '/', value);
	if (mark == '+')
		return set_rule(t, &t->increment, '+', value);
	tabs_add(t, value);
	return true;
}

void tabs_parse(struct tabstops *t, const char *spec)
{
	const char *s = spec;
	const char *digits = NULL;  /* start of the number being read */
	intmax_t value = 0;
	char mark = 0;              /* '/' or '+' before the number, or 0 */
	bool ok = true;

	for (; *s; s++) {
		if (*s == ',' || *s == ' ' || *s == '\t') {
			if (digits && !store(t, mark, value)) {
				ok = false;
				break;
			}
			digits = NULL;
		} else if (*s == '/' || *s == '+') {
			if (digits) {
				diag_error(0, "'%c' specifier not at start of number: %s", *s, quote(s));
				ok = false;
			}
			mark = *s;
		} else if (*s >= '0' && *s <= '9') {
			if (!digits) {
				digits = s;
				value = 0;
			}
			int d = *s - '0';
			if (value > (INTMAX_MAX - d) / 10) {
				size_t len = strspn(digits, "0123456789");
				diag_error(0, "tab stop is too large %s", quote_mem(digits, len));
				ok = false;
				s = digits + len - 1;
			} else {
				value = value * 10 + d;
			}
		} else {
			diag_error(0, "tab size contains invalid character(s): %s", quote(s));
			ok = false;
			break;
		}
	}
	if (ok && digits)
		ok = store(t, mark, value);
	if (!ok)
		exit(EXIT_FAILURE);
}

void tabs_finish(struct tabstops *t)
{
	intmax_t prev = 0;
	for (size_t i = 0; i < t->n; i++) {
		if (t->list[i] == 0)
			diag_die(EXIT_FAILURE, 0, "tab size cannot be 0");
		if (t->list[i] <= prev)
			diag_die(EXIT_FAILURE, 0, "tab sizes must be ascending");
		prev = t->list[i];
	}
	if (t->extend && t->increment)
		diag_die(EXIT_FAILURE, 0, "'/' specifier is mutually exclusive with '+'");
	if (t->n == 0)
		t->size = t->max_gap = t->extend ? t->extend : t->increment ? t->increment : 8;
	else if (t->n == 1 && !t->extend && !t->increment)
		t->size = t->list[0];
	else
		t->size = 0;
}

intmax_t tabs_next(const struct tabstops *t, intmax_t column, size_t *index, bool *past_end)
{
	intmax_t step;
	*past_end = false;
	if (t->size) {
		step = t->size - column % t->size;
	} else {
		for (; *index < t->n; ++*index)
			if (column < t->list[*index])
				return t->list[*index];
		if (t->extend) {
			step = t->extend - column % t->extend;
		} else if (t->increment) {
			intmax_t last = t->list[t->n - 1];
			step = t->increment - (column - last) % t->increment;
		} else {
			*past_end = true;
			step = 1;
		}
	}
	if (column > INTMAX_MAX - step)
		diag_die(EXIT_FAILURE, 0, "input line is too long");
	return column + step;
}
