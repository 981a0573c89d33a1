/*
 * Windows backend: the command line. Windows hands a program one string;
 * it is split here with the rules of Microsoft's C runtime (so programs
 * agree on what the arguments are) while remembering which characters
 * were quoted, and then, as a POSIX shell would have done before exec,
 * unquoted wildcards are expanded:
 *
 *  - '*', '?' and '[...]' ('[!...]' or '[^...]' negated, ranges) in the
 *    unquoted part of a word; quoting any part suppresses its wildcards;
 *  - names match without regard to case, as Windows names compare; a
 *    leading '.' must be matched by a '.' in the pattern, "." and ".."
 *    never are;
 *  - the matches of one word are sorted as bash sorts them in the C
 *    locale (by bytes), and keep the separators the user typed:
 *    src\*.c gives src\a.c, and the same typed with '/' gives src/a.c;
 *  - a word that matches nothing stays as typed (without its quotes).
 */
#include "sys.h"
#include "w32.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* A word of the command line: its characters and which were quoted. */
struct word {
	wchar_t *s;
	bool *q;
	size_t len, cap;
};

static bool word_add(struct word *w, wchar_t c, bool quoted)
{
	if (w->len + 1 >= w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 64;
		wchar_t *s = realloc(w->s, cap * sizeof *s);
		if (!s)
			return false;
		w->s = s;
		bool *q = realloc(w->q, cap * sizeof *q);
		if (!q)
			return false;
		w->q = q;
		w->cap = cap;
	}
	w->s[w->len] = c;
	w->q[w->len++] = quoted;
	w->s[w->len] = 0;
	return true;
}

/* Split CMD into words (the MSVC runtime's rules, 2008 and later). */
static struct word *split(const wchar_t *cmd, size_t *nwords)
{
	struct word *words = NULL;
	size_t n = 0, cap = 0;
	const wchar_t *p = cmd;
	bool first = true;
	for (;;) {
		if (!first)
			while (*p == L' ' || *p == L'\t')
				p++;
		if (!*p && !first)
			break;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			struct word *nw = realloc(words, cap * sizeof *nw);
			if (!nw)
				goto fail;
			words = nw;
		}
		struct word *w = &words[n++];
		*w = (struct word){ 0 };
		if (!word_add(w, 0, false))
			goto fail;
		w->len = 0;
		if (first) {
			/* The program name: quotes group, nothing escapes. */
			first = false;
			bool inq = false;
			for (; *p && (inq || (*p != L' ' && *p != L'\t')); p++) {
				if (*p == L'"')
					inq = !inq;
				else if (!word_add(w, *p, true))
					goto fail;
			}
			continue;
		}
		bool inq = false;
		while (*p && (inq || (*p != L' ' && *p != L'\t'))) {
			if (*p == L'\\') {
				size_t k = 0;
				while (p[k] == L'\\')
					k++;
				if (p[k] == L'"') {
					for (size_t i = 0; i < k / 2; i++)
						if (!word_add(w, L'\\', inq))
							goto fail;
					if (k % 2) {
						if (!word_add(w, L'"', true))
							goto fail;
						p += k + 1;
					} else {
						p += k;
					}
				} else {
					for (size_t i = 0; i < k; i++)
						if (!word_add(w, L'\\', inq))
							goto fail;
					p += k;
				}
			} else if (*p == L'"') {
				if (inq && p[1] == L'"') {
					if (!word_add(w, L'"', true))
						goto fail;
					p += 2;
				} else {
					inq = !inq;
					p++;
				}
			} else {
				if (!word_add(w, *p, inq))
					goto fail;
				p++;
			}
		}
	}
	*nwords = n;
	return words;
fail:
	for (size_t i = 0; i < n; i++) {
		free(words[i].s);
		free(words[i].q);
	}
	free(words);
	return NULL;
}

/* ---- matching -------------------------------------------------------- */

/* ntdll's upper-casing, the one NTFS names compare with. */
WCHAR NTAPI RtlUpcaseUnicodeChar(WCHAR c);

static wchar_t fold(wchar_t c)
{
	if (c < 0x80)
		return c >= L'a' && c <= L'z' ? (wchar_t)(c - 32) : c;
	return RtlUpcaseUnicodeChar(c);
}

static bool unquoted_wild(wchar_t c, bool quoted)
{
	return !quoted && (c == L'*' || c == L'?' || c == L'[');
}

/* Match the bracket expression at P (after '['); returns its length
   through *LEN (0 when it is not closed, and '[' is then literal). */
static bool bracket(const wchar_t *p, const bool *q, size_t n, wchar_t c, size_t *len)
{
	size_t i = 0;
	bool neg = false;
	if (i < n && !q[i] && (p[i] == L'!' || p[i] == L'^')) {
		neg = true;
		i++;
	}
	bool hit = false;
	size_t start = i;
	for (; i < n; i++) {
		if (p[i] == L']' && !q[i] && i > start) {
			*len = i + 1;
			return hit != neg;
		}
		wchar_t lo = p[i], hi = p[i];
		if (i + 2 < n && p[i + 1] == L'-' && !q[i + 1] && !(p[i + 2] == L']' && !q[i + 2])) {
			hi = p[i + 2];
			i += 2;
		}
		wchar_t fc = fold(c);
		if ((c >= lo && c <= hi) || (fc >= fold(lo) && fc <= fold(hi)))
			hit = true;
	}
	*len = 0;
	return false;
}

/* Whether NAME matches the pattern P/Q (N characters). */
static bool match(const wchar_t *p, const bool *q, size_t n, const wchar_t *name)
{
	size_t i = 0;
	const wchar_t *star_name = NULL;
	size_t star_i = 0;
	while (*name || i < n) {
		if (i < n) {
			if (p[i] == L'*' && !q[i]) {
				star_i = ++i;
				star_name = name;
				continue;
			}
			if (*name) {
				size_t blen = 0;
				if (p[i] == L'?' && !q[i]) {
					i++;
					name++;
					continue;
				}
				if (p[i] == L'[' && !q[i]) {
					bool ok = bracket(p + i + 1, q + i + 1, n - i - 1, *name, &blen);
					if (blen) {
						if (ok) {
							i += blen + 1;
							name++;
							continue;
						}
						goto backtrack;
					}
				}
				if (fold(p[i]) == fold(*name)) {
					i++;
					name++;
					continue;
				}
			}
		}
backtrack:
		if (star_name && *star_name) {
			name = ++star_name;
			i = star_i;
			continue;
		}
		return false;
	}
	return true;
}

/* ---- expansion ------------------------------------------------------- */

struct comp {
	size_t start, len;   /* the component in the word */
	size_t sep, seplen;  /* the separators typed after it */
	bool wild;
};

struct results {
	char **v;
	size_t n, cap;
	bool failed;
};

/* Append S (taking it) to R; on failure S is freed and R marked. */
static void push_result(struct results *r, char *s)
{
	if (!r->failed && r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 16;
		char **v = realloc(r->v, cap * sizeof *v);
		if (v) {
			r->v = v;
			r->cap = cap;
		} else {
			r->failed = true;
		}
	}
	if (r->failed || !s) {
		r->failed = true;
		free(s);
		return;
	}
	r->v[r->n++] = s;
}

static void add_result(struct results *r, const wchar_t *w)
{
	if (!r->failed)
		push_result(r, w32_utf8(w, -1, NULL));
}

struct expansion {
	const struct word *w;
	const struct comp *c;
	size_t nc;
	struct results *out;
};

static bool is_dir_attr(DWORD a)
{
	return a != INVALID_FILE_ATTRIBUTES && (a & FILE_ATTRIBUTE_DIRECTORY);
}

/* PATH (LEN characters used, room for more) with component I onwards. */
static void expand_from(const struct expansion *e, wchar_t **path, size_t *cap, size_t len, size_t i,
			bool check)
{
	if (e->out->failed)
		return;
	if (i == e->nc) {
		(*path)[len] = 0;
		if (!check) {
			add_result(e->out, *path);
			return;
		}
		DWORD a = GetFileAttributesW(*path);
		bool trailing = e->nc > 0 && e->c[e->nc - 1].seplen > 0;
		if (a != INVALID_FILE_ATTRIBUTES && (!trailing || is_dir_attr(a)))
			add_result(e->out, *path);
		return;
	}
	const struct comp *c = &e->c[i];
	const wchar_t *ws = e->w->s;
	size_t need = len + c->len + c->seplen + MAX_PATH + 4;
	if (need > *cap) {
		wchar_t *np = realloc(*path, need * 2 * sizeof *np);
		if (!np) {
			e->out->failed = true;
			return;
		}
		*path = np;
		*cap = need * 2;
	}
	if (!c->wild) {
		memcpy(*path + len, ws + c->start, c->len * sizeof **path);
		memcpy(*path + len + c->len, ws + c->sep, c->seplen * sizeof **path);
		expand_from(e, path, cap, len + c->len + c->seplen, i + 1, check);
		return;
	}
	/* List the directory so far. */
	wchar_t *pat = malloc((len + 3) * sizeof *pat);
	if (!pat) {
		e->out->failed = true;
		return;
	}
	memcpy(pat, *path, len * sizeof *pat);
	pat[len] = L'*';
	pat[len + 1] = 0;
	WIN32_FIND_DATAW fd;
	HANDLE h = FindFirstFileExW(pat, FindExInfoBasic, &fd, FindExSearchNameMatch, NULL, FIND_FIRST_EX_LARGE_FETCH);
	if (h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_INVALID_PARAMETER)
		h = FindFirstFileW(pat, &fd);
	free(pat);
	if (h == INVALID_HANDLE_VALUE)
		return;
	bool dot_ok = ws[c->start] == L'.';
	bool need_dir = i + 1 < e->nc || c->seplen > 0;
	do {
		const wchar_t *n = fd.cFileName;
		if (n[0] == L'.' && (!dot_ok || n[1] == 0 || (n[1] == L'.' && n[2] == 0)))
			continue;
		if (!match(ws + c->start, e->w->q + c->start, c->len, n))
			continue;
		size_t nl = wcslen(n);
		if (len + nl + c->seplen + 1 > *cap) {
			wchar_t *np = realloc(*path, (len + nl + c->seplen + 1) * 2 * sizeof *np);
			if (!np) {
				e->out->failed = true;
				break;
			}
			*path = np;
			*cap = (len + nl + c->seplen + 1) * 2;
		}
		memcpy(*path + len, n, nl * sizeof **path);
		memcpy(*path + len + nl, ws + c->sep, c->seplen * sizeof **path);
		(*path)[len + nl + c->seplen] = 0;
		if (need_dir && !(fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)) {
			/* A link to a directory is one too. */
			if (!(fd.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT) || !is_dir_attr(GetFileAttributesW(*path)))
				continue;
		}
		/* Literal components after this one must be checked. */
		expand_from(e, path, cap, len + nl + c->seplen, i + 1, i + 1 < e->nc);
	} while (FindNextFileW(h, &fd));
	FindClose(h);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_wsep(wchar_t c)
{
	return c == L'/' || c == L'\\';
}

/* The expansions of W appended to OUT; false when there are none. */
static bool glob_word(const struct word *w, struct results *out)
{
	bool wild = false;
	for (size_t i = 0; i < w->len; i++)
		wild |= unquoted_wild(w->s[i], w->q[i]);
	if (!wild)
		return false;
	/* The root: a drive ("C:"), leading separators, or both. */
	size_t root = 0;
	if (w->len >= 2 && w->s[1] == L':' && ((w->s[0] | 32) >= L'a' && (w->s[0] | 32) <= L'z'))
		root = 2;
	while (root < w->len && is_wsep(w->s[root]))
		root++;
	struct comp *comps = malloc((w->len + 1) * sizeof *comps);
	if (!comps)
		return false;
	size_t nc = 0;
	for (size_t i = root; i < w->len;) {
		struct comp c = { .start = i };
		while (i < w->len && !is_wsep(w->s[i])) {
			c.wild |= unquoted_wild(w->s[i], w->q[i]);
			i++;
		}
		c.len = i - c.start;
		c.sep = i;
		while (i < w->len && is_wsep(w->s[i]))
			i++;
		c.seplen = i - c.sep;
		comps[nc++] = c;
	}
	struct results found = { 0 };
	struct expansion e = { w, comps, nc, &found };
	size_t cap = root + MAX_PATH + 8;
	wchar_t *path = malloc(cap * sizeof *path);
	if (path) {
		memcpy(path, w->s, root * sizeof *path);
		expand_from(&e, &path, &cap, root, 0, false);
	}
	free(path);
	free(comps);
	if (found.failed || found.n == 0) {
		for (size_t i = 0; i < found.n; i++)
			free(found.v[i]);
		free(found.v);
		return false;
	}
	qsort(found.v, found.n, sizeof *found.v, cmp_str);
	for (size_t i = 0; i < found.n; i++)
		push_result(out, found.v[i]);
	free(found.v);
	return true;
}

char **w32_args(int *argc)
{
	size_t nw;
	struct word *words = split(GetCommandLineW(), &nw);
	if (!words)
		return NULL;
	struct results out = { 0 };
	for (size_t i = 0; i < nw && !out.failed; i++) {
		if (i == 0 || !glob_word(&words[i], &out))
			add_result(&out, words[i].s);
	}
	for (size_t i = 0; i < nw; i++) {
		free(words[i].s);
		free(words[i].q);
	}
	free(words);
	if (out.failed || out.n > INT32_MAX - 1)
		return NULL;
	char **v = realloc(out.v, (out.n + 1) * sizeof *v);
	if (!v)
		return NULL;
	v[out.n] = NULL;
	*argc = (int)out.n;
	return v;
}
