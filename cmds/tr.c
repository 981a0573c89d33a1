/* tr: translate, squeeze and delete bytes read from standard input.

   Each STRING is parsed into a list of elements (characters, ranges,
   classes, [=c=], [c*n]); walking a list yields its bytes in order. The
   walk reports when a byte comes from [:lower:] or [:upper:] so that
   case classes in the two strings can be paired as wholes. The work
   itself is a 256-entry table applied to large blocks. */
#include <stdio.h>

#include "common.h"
#include "escape.h"

#define OPTIONS(O) \
	O("complement", 'c', OPT_NONE, "", "use every byte NOT in ARRAY1 instead of ARRAY1") \
	O("", 'C', OPT_NONE, "", "the same as -c") \
	O("delete", 'd', OPT_NONE, "", "remove the bytes of ARRAY1 instead of translating") \
	O("squeeze-repeats", 's', OPT_NONE, "", \
	  "shrink every run of one repeated byte that belongs\n" \
	  "to the last ARRAY given down to a single byte") \
	O("truncate-set1", 't', OPT_NONE, "", "cut ARRAY1 down to the length of ARRAY2 first") \
	O("", 'A', OPT_NONE, "", "")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "tr",
	.text = CMD_USAGE("[OPTION]... STRING1 [STRING2]")
		CMD_SUMMARY("Copy standard input to standard output, translating, squeezing and/or\n"
		            "deleting bytes. STRING1 and STRING2 describe the arrays ARRAY1 and ARRAY2.")
		CMD_DETAILS("In the strings, a byte stands for itself, except for these forms:\n"
		            "  \\NNN            the byte with octal value NNN (one to three digits)\n"
		            "  \\\\              a backslash\n"
		            "  \\a \\b \\f \\n     bell, backspace, form feed, newline\n"
		            "  \\r \\t \\v        carriage return, tab, vertical tab\n"
		            "  X-Y             every byte from X up to Y\n"
		            "  [X*]            in ARRAY2: X repeated to make it as long as ARRAY1\n"
		            "  [X*N]           N copies of X (N is octal when it starts with 0)\n"
		            "  [:alnum:]       letters and digits\n"
		            "  [:alpha:]       letters\n"
		            "  [:blank:]       space and tab\n"
		            "  [:cntrl:]       control characters\n"
		            "  [:digit:]       digits\n"
		            "  [:graph:]       printable characters other than space\n"
		            "  [:lower:]       lower case letters\n"
		            "  [:print:]       printable characters and space\n"
		            "  [:punct:]       punctuation\n"
		            "  [:space:]       white space, horizontal and vertical\n"
		            "  [:upper:]       upper case letters\n"
		            "  [:xdigit:]      hexadecimal digits\n"
		            "  [=X=]           the bytes equivalent to X (X itself)\n"
		            "\n"
		            "Without -d and with both strings, tr translates: ARRAY1's bytes become\n"
		            "ARRAY2's at the same place; ARRAY2 is padded with its last byte when it\n"
		            "is shorter (unless -t) and its extra bytes are ignored. -t only matters\n"
		            "when translating. Classes expand in an unspecified order, but\n"
		            "[:lower:] and [:upper:] at the same place in both strings convert case.\n"
		            "Squeezing happens after translating or deleting. Quote strings with\n"
		            "brackets so that the shell does not expand them."),
	.flags = OPT_F_NO_PERMUTE,
};

enum kind { K_CHAR, K_RANGE, K_CLASS, K_EQUIV, K_REPEAT };

struct elem {
	enum kind kind;
	unsigned char lo, hi;  /* the byte; K_RANGE: first and last */
	int cls;               /* K_CLASS: index in class_names */
	uintmax_t count;       /* K_REPEAT: copies, 0 for [c*] */
};

struct set {
	struct elem *e;
	size_t n, cap;
	uintmax_t length;      /* bytes the walk yields */
	size_t indefinite;     /* number of [c*] */
	size_t last_indefinite;
	bool has_equiv, has_class, has_restricted;
};

/* A position in the walk over a set's bytes. */
struct walk {
	const struct set *s;
	size_t i;
	uintmax_t state;
	bool fresh;            /* element i has not yielded anything yet */
};

enum { CASE_NONE, CASE_LOWER, CASE_UPPER };

static const char *const class_names[] = {
	"alnum", "alpha", "blank", "cntrl", "digit", "graph",
	"lower", "print", "punct", "space", "upper", "xdigit",
};
enum { CL_LOWER = 6, CL_UPPER = 10, N_CLASSES = 12 };

enum { IO_SIZE = 128 * 1024, REPEAT_MAX = UINTMAX_MAX - 1 };

static bool complement, delete, squeeze, truncate1, translating;

static bool is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static bool is_lower(int c) { return c >= 'a' && c <= 'z'; }
static bool is_digit(int c) { return c >= '0' && c <= '9'; }
static bool is_alpha(int c) { return is_upper(c) || is_lower(c); }
static bool is_graph(int c) { return c > ' ' && c < 127; }

/* Whether byte C is in class CLS (the C locale's classes). */
static bool in_class(int cls, int c)
{
	switch (cls) {
	case 0: return is_alpha(c) || is_digit(c);
	case 1: return is_alpha(c);
	case 2: return c == ' ' || c == '\t';
	case 3: return c < ' ' || c == 127;
	case 4: return is_digit(c);
	case 5: return is_graph(c);
	case CL_LOWER: return is_lower(c);
	case 7: return is_graph(c) || c == ' ';
	case 8: return is_graph(c) && !is_alpha(c) && !is_digit(c);
	case 9: return c == ' ' || (c >= '\t' && c <= '\r');
	case CL_UPPER: return is_upper(c);
	default: return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}
}

/* ---- parsing ------------------------------------------------------- */

/* A string after its escapes are decoded; esc[i] marks bytes written
   as escapes, which never act as syntax. */
struct text {
	unsigned char *b;
	bool *esc;
	size_t len;
};

static void decode(const char *s, struct text *t)
{
	size_t n = strlen(s);
	t->b = xmalloc(n + 1);
	t->esc = xcalloc(n + 1, 1);
	t->len = 0;
	while (*s) {
		if (*s != '\\') {
			t->b[t->len++] = (unsigned char)*s++;
			continue;
		}
		struct esc e;
		size_t used = esc_decode(s, ESC_TR, &e);
		if (s[1] == 0) {
			diag_error(0, "warning: an unescaped backslash at end of string is not portable");
		} else {
			t->esc[t->len] = true;
			if (used == 3 && s[1] >= '0' && s[1] <= '7' && s[3] >= '0' && s[3] <= '7')
				diag_error(0, "warning: the ambiguous octal escape \\%c%c%c is being\n"
					   "\tinterpreted as the 2-byte sequence \\0%c%c, %c",
					   s[1], s[2], s[3], s[1], s[2], s[3]);
		}
		t->b[t->len++] = (unsigned char)e.buf[0];
		s += used;
	}
}

/* Is byte I of T the unescaped character C? */
static bool is(const struct text *t, size_t i, char c)
{
	return i < t->len && t->b[i] == (unsigned char)c && !t->esc[i];
}

/* LEN bytes of P made printable for a message: \n style escapes for the
   usual controls, \ooo for other unprintable bytes. */
static char *printable(const unsigned char *p, size_t len)
{
	static const char controls[] = "\a\b\f\n\r\t\v", letters[] = "abfnrtv";
	char *out = xmalloc(len * 4 + 1), *o = out;
	for (size_t i = 0; i < len; i++) {
		const char *k = p[i] ? strchr(controls, p[i]) : NULL;
		if (k) {
			*o++ = '\\';
			*o++ = letters[k - controls];
		} else if (p[i] >= ' ' && p[i] < 127) {
			*o++ = (char)p[i];
		} else {
			o += snprintf(o, 5, "\\%03o", p[i]);
		}
	}
	*o = 0;
	return out;
}

static struct elem *add(struct set *s, enum kind kind, unsigned char lo)
{
	if (s->n == s->cap)
		s->e = xgrow(s->e, &s->cap, sizeof *s->e);
	struct elem *e = &s->e[s->n++];
	memset(e, 0, sizeof *e);
	e->kind = kind;
	e->lo = e->hi = lo;
	return e;
}

/* The first I >= FROM where T has the unescaped pair C ']'. */
static bool find_close(const struct text *t, size_t from, char c, size_t *at)
{
	for (size_t i = from; i + 1 < t->len; i++)
		if (is(t, i, c) && is(t, i + 1, ']')) {
			*at = i;
			return true;
		}
	return false;
}

/* Does T continue at I with "*", digits, "]"? */
static bool star_digits_close(const struct text *t, size_t i)
{
	if (!is(t, i, '*'))
		return false;
	for (i++; i < t->len; i++)
		if (t->esc[i] || !is_digit(t->b[i]))
			return is(t, i, ']');
	return false;
}

/* Parse the [c*n] count in P (LEN bytes): octal when it starts with 0. */
static bool parse_count(const unsigned char *p, size_t len, uintmax_t *out)
{
	const unsigned char *end = p + len;
	unsigned base = *p == '0' ? 8 : 10;
	while (p < end && (*p == ' ' || (*p >= '\t' && *p <= '\r')))
		p++;
	if (p < end && *p == '+')
		p++;
	if (p == end)
		return false;
	uintmax_t v = 0;
	for (; p < end; p++) {
		unsigned d = (unsigned)(*p - '0');
		if (*p < '0' || d >= base)
			return false;
		if (v > (UINTMAX_MAX - d) / base)
			return false;
		v = v * base + d;
	}
	if (v > REPEAT_MAX)
		return false;
	*out = v;
	return true;
}

/* [c*n] with c at I: 1 and *NEXT past it when it is one, 0 when it is
   not, -1 after an error message. */
static int parse_repeat(const struct text *t, size_t i, struct set *s, size_t *next)
{
	if (!is(t, i + 1, '*'))
		return 0;
	for (size_t j = i + 2; j < t->len && !t->esc[j]; j++) {
		if (t->b[j] != ']')
			continue;
		uintmax_t count = 0;
		if (j > i + 2 && !parse_count(t->b + i + 2, j - i - 2, &count)) {
			char *p = printable(t->b + i + 2, j - i - 2);
			diag_error(0, "invalid repeat count %s in [c*n] construct", quote(p));
			free(p);
			return -1;
		}
		add(s, K_REPEAT, t->b[i])->count = count;
		*next = j + 1;
		return 1;
	}
	return 0;
}

/* [:class:] or [=c=] at I (the '['): 1 when parsed, 0 when it is not one
   (it may still be a repeat), -1 after an error message. */
static int parse_class(const struct text *t, size_t i, struct set *s, size_t *next)
{
	char kind = (char)t->b[i + 1];
	size_t close;
	if (!(is(t, i + 1, ':') || is(t, i + 1, '=')) || !find_close(t, i + 2, kind, &close))
		return 0;
	const unsigned char *name = t->b + i + 2;
	size_t len = close - (i + 2);
	if (len == 0) {
		if (kind == ':')
			diag_error(0, "missing character class name '[::]'");
		else
			diag_error(0, "missing equivalence class character '[==]'");
		return -1;
	}
	if (kind == ':') {
		int cls = -1;
		for (int k = 0; k < N_CLASSES; k++)
			if (strlen(class_names[k]) == len && memcmp(class_names[k], name, len) == 0)
				cls = k;
		if (cls < 0) {
			if (star_digits_close(t, i + 2))
				return 0;
			char *p = printable(name, len);
			diag_error(0, "invalid character class %s", quote(p));
			free(p);
			return -1;
		}
		add(s, K_CLASS, 0)->cls = cls;
	} else {
		if (len != 1) {
			if (star_digits_close(t, i + 2))
				return 0;
			char *p = printable(name, len);
			diag_error(0, "%s: equivalence class operand must be a single character", p);
			free(p);
			return -1;
		}
		add(s, K_EQUIV, name[0]);
	}
	*next = close + 2;
	return 1;
}

static char *printable_byte(unsigned char c)
{
	char *p = xmalloc(5);
	if (c >= ' ' && c < 127)
		snprintf(p, 5, "%c", c);
	else
		snprintf(p, 5, "\\%03o", c);
	return p;
}

/* Parse STR into S; false after an error message. */
static bool parse_set(const char *str, struct set *s)
{
	struct text t;
	bool ok = true;
	size_t i = 0;
	decode(str, &t);
	while (ok && i + 2 < t.len) {
		if (is(&t, i, '[')) {
			size_t next;
			int r = parse_class(&t, i, s, &next);
			if (r == 0)
				r = parse_repeat(&t, i + 1, s, &next);
			if (r < 0) {
				ok = false;
				break;
			}
			if (r > 0) {
				i = next;
				continue;
			}
		}
		if (is(&t, i + 1, '-')) {
			unsigned char lo = t.b[i], hi = t.b[i + 2];
			if (hi < lo) {
				char *a = printable_byte(lo), *b = printable_byte(hi);
				diag_error(0, "range-endpoints of '%s-%s' are in reverse collating sequence order", a, b);
				free(a);
				free(b);
				ok = false;
				break;
			}
			add(s, K_RANGE, lo)->hi = hi;
			i += 3;
		} else {
			add(s, K_CHAR, t.b[i++]);
		}
	}
	for (; ok && i < t.len; i++)
		add(s, K_CHAR, t.b[i]);
	free(t.b);
	free(t.esc);
	return ok;
}

/* ---- walking ------------------------------------------------------- */

static void walk_start(struct walk *w, const struct set *s)
{
	w->s = s;
	w->i = 0;
	w->state = 0;
	w->fresh = true;
}

static void walk_skip(struct walk *w)
{
	w->i++;
	w->fresh = true;
}

/* The next byte of the walk, or -1 at its end. *CASECLS (when not NULL)
   tells whether it came from [:lower:] or [:upper:]. */
static int walk_next(struct walk *w, int *casecls)
{
	if (casecls)
		*casecls = CASE_NONE;
	for (;;) {
		if (w->i >= w->s->n)
			return -1;
		const struct elem *e = &w->s->e[w->i];
		int c;
		switch (e->kind) {
		case K_CHAR:
		case K_EQUIV:
			walk_skip(w);
			return e->lo;
		case K_RANGE:
			w->state = w->fresh ? e->lo : w->state + 1;
			w->fresh = false;
			c = (int)w->state;
			if (c == e->hi)
				walk_skip(w);
			return c;
		case K_CLASS:
			if (casecls && e->cls == CL_LOWER)
				*casecls = CASE_LOWER;
			if (casecls && e->cls == CL_UPPER)
				*casecls = CASE_UPPER;
			if (w->fresh) {
				w->state = 0;
				while (!in_class(e->cls, (int)w->state))
					w->state++;
				w->fresh = false;
			}
			c = (int)w->state;
			do
				w->state++;
			while (w->state < 256 && !in_class(e->cls, (int)w->state));
			if (w->state >= 256)
				walk_skip(w);
			return c;
		case K_REPEAT:
			if (e->count == 0) {
				walk_skip(w);
				continue;
			}
			w->state = w->fresh ? 1 : w->state + 1;
			w->fresh = false;
			if (w->state == e->count)
				walk_skip(w);
			return e->lo;
		}
	}
}

/* ---- checks -------------------------------------------------------- */

static uintmax_t class_size(int cls)
{
	uintmax_t n = 0;
	for (int c = 0; c < 256; c++)
		n += in_class(cls, c);
	return n;
}

static void set_stats(struct set *s)
{
	uintmax_t length = 0;
	s->indefinite = 0;
	s->has_equiv = s->has_class = s->has_restricted = false;
	for (size_t i = 0; i < s->n; i++) {
		struct elem *e = &s->e[i];
		uintmax_t len = 0;
		switch (e->kind) {
		case K_CHAR:
		case K_EQUIV:
			len = 1;
			s->has_equiv |= e->kind == K_EQUIV;
			break;
		case K_RANGE:
			len = (uintmax_t)(e->hi - e->lo) + 1;
			break;
		case K_CLASS:
			len = class_size(e->cls);
			s->has_class = true;
			if (e->cls != CL_LOWER && e->cls != CL_UPPER)
				s->has_restricted = true;
			break;
		case K_REPEAT:
			len = e->count;
			if (e->count == 0) {
				s->last_indefinite = i;
				s->indefinite++;
			}
			break;
		}
		if (length > REPEAT_MAX - len)
			diag_die(EXIT_FAILURE, 0, "too many characters in set");
		length += len;
	}
	s->length = length;
}

/* The bytes of S as a membership table. */
static void set_members(const struct set *s, bool *in)
{
	memset(in, 0, 256 * sizeof *in);
	for (size_t i = 0; i < s->n; i++) {
		const struct elem *e = &s->e[i];
		if (e->kind == K_CLASS) {
			for (int c = 0; c < 256; c++)
				in[c] |= in_class(e->cls, c);
		} else if (e->kind != K_REPEAT || e->count) {
			for (int c = e->lo; c <= e->hi; c++)
				in[c] = true;
		}
	}
}

static void invert(bool *in)
{
	for (int c = 0; c < 256; c++)
		in[c] = !in[c];
}

/* Make sure the case classes of S2 sit where S1 has case classes too,
   and count each pair as one byte of length. */
static void check_case_classes(struct set *s1, struct set *s2)
{
	if (complement || !s2->has_class)
		return;
	uintmax_t n_upper = class_size(CL_UPPER), n_lower = class_size(CL_LOWER);
	struct walk w1, w2;
	walk_start(&w1, s1);
	walk_start(&w2, s2);
	bool new1 = true, new2 = true;
	int c1 = 0, c2 = 0;
	while (c1 != -1 && c2 != -1) {
		int k1, k2;
		c1 = walk_next(&w1, &k1);
		c2 = walk_next(&w2, &k2);
		if (new2 && k2 != CASE_NONE && !(new1 && k1 != CASE_NONE))
			diag_die(EXIT_FAILURE, 0, "misaligned [:upper:] and/or [:lower:] construct");
		if (k2 != CASE_NONE) {
			walk_skip(&w1);
			walk_skip(&w2);
			s1->length -= (k1 == CASE_UPPER ? n_upper : n_lower) - 1;
			s2->length -= (k2 == CASE_UPPER ? n_upper : n_lower) - 1;
		}
		new1 = w1.fresh;
		new2 = w2.fresh;
	}
}

/* Pad S2 with copies of its last byte up to S1's length. */
static void extend_set2(const struct set *s1, struct set *s2)
{
	const struct elem *last = &s2->e[s2->n - 1];
	unsigned char c = last->kind == K_RANGE ? last->hi : last->lo;
	if (last->kind == K_CLASS)
		diag_die(EXIT_FAILURE, 0, "when translating with string1 longer than string2,\n"
			 "the latter string must not end with a character class");
	add(s2, K_REPEAT, c)->count = s1->length - s2->length;
	s2->length = s1->length;
}

/* Does S yield at least one byte, and always the same one? */
static bool single_byte(const struct set *s)
{
	struct walk w;
	walk_start(&w, s);
	int first = walk_next(&w, NULL), c;
	if (first < 0)
		return false;
	while ((c = walk_next(&w, NULL)) >= 0)
		if (c != first)
			return false;
	return true;
}

static void validate(struct set *s1, struct set *s2)
{
	set_stats(s1);
	if (complement) {
		bool in[256];
		set_members(s1, in);
		uintmax_t n = 0;
		for (int c = 0; c < 256; c++)
			n += !in[c];
		s1->length = n;
	}
	if (s1->indefinite)
		diag_die(EXIT_FAILURE, 0, "the [c*] repeat construct may not appear in string1");
	if (!s2)
		return;
	set_stats(s2);
	if (s2->indefinite == 1 && s1->length >= s2->length) {
		s2->e[s2->last_indefinite].count = s1->length - s2->length;
		s2->length = s1->length;
	}
	if (s2->indefinite > 1)
		diag_die(EXIT_FAILURE, 0, "only one [c*] repeat construct may appear in string2");
	if (!translating) {
		if (s2->indefinite)
			diag_die(EXIT_FAILURE, 0, "the [c*] construct may appear in string2 only when translating");
		return;
	}
	if (s2->has_equiv)
		diag_die(EXIT_FAILURE, 0, "[=c=] expressions may not appear in string2 when translating");
	if (s2->has_restricted)
		diag_die(EXIT_FAILURE, 0, "when translating, the only character classes that may appear in\n"
			 "string2 are 'upper' and 'lower'");
	check_case_classes(s1, s2);
	if (s1->length > s2->length && !truncate1) {
		if (s2->length == 0)
			diag_die(EXIT_FAILURE, 0, "when not truncating set1, string2 must be non-empty");
		extend_set2(s1, s2);
	}
	if (complement && s1->has_class && !(s2->length == s1->length && single_byte(s2)))
		diag_die(EXIT_FAILURE, 0, "when translating with complemented character classes,\n"
			 "string2 must map all characters in the domain to one");
}

/* ---- tables -------------------------------------------------------- */

static void build_translation(const struct set *s1, const struct set *s2, unsigned char *map)
{
	struct walk w1, w2;
	for (int c = 0; c < 256; c++)
		map[c] = (unsigned char)c;
	walk_start(&w2, s2);
	if (complement) {
		bool in[256];
		set_members(s1, in);
		for (int c = 0; c < 256; c++) {
			if (in[c])
				continue;
			int to = walk_next(&w2, NULL);
			if (to < 0)
				break;
			map[c] = (unsigned char)to;
		}
		return;
	}
	walk_start(&w1, s1);
	for (;;) {
		int k1, k2;
		int c1 = walk_next(&w1, &k1);
		int c2 = walk_next(&w2, &k2);
		if (k1 == CASE_LOWER && k2 == CASE_UPPER) {
			for (int c = 'a'; c <= 'z'; c++)
				map[c] = (unsigned char)(c - 'a' + 'A');
		} else if (k1 == CASE_UPPER && k2 == CASE_LOWER) {
			for (int c = 'A'; c <= 'Z'; c++)
				map[c] = (unsigned char)(c - 'A' + 'a');
		} else {
			if (c1 < 0 || c2 < 0)
				break;
			map[c1] = (unsigned char)c2;
		}
		if (k2 != CASE_NONE) {
			walk_skip(&w1);
			walk_skip(&w2);
		}
	}
}

/* ---- filtering ----------------------------------------------------- */

static unsigned char iobuf[IO_SIZE];
static unsigned char map[256];
static bool del[256], sq[256];

static size_t read_block(void)
{
	sys_ssize n = sys_read(0, iobuf, sizeof iobuf);
	if (n < 0)
		diag_die(EXIT_FAILURE, errno, "read error");
	return (size_t)n;
}

static void translate(unsigned char *p, size_t n)
{
	size_t i = 0;
	for (; i + 4 <= n; i += 4) {
		unsigned char a = map[p[i]], b = map[p[i + 1]], c = map[p[i + 2]], d = map[p[i + 3]];
		p[i] = a;
		p[i + 1] = b;
		p[i + 2] = c;
		p[i + 3] = d;
	}
	for (; i < n; i++)
		p[i] = map[p[i]];
}

/* Drop the bytes of the delete set from P; returns the new length. */
static size_t remove_deleted(unsigned char *p, size_t n)
{
	size_t i = 0;
	while (i < n && !del[p[i]])
		i++;
	size_t o = i;
	for (; i < n; i++) {
		p[o] = p[i];
		o += !del[p[i]];
	}
	return o;
}

/* Collapse runs of a squeezed byte, *LAST carrying the previous byte
   from block to block (-1 at the start). */
static size_t squeeze_runs(unsigned char *p, size_t n, int *last)
{
	size_t o = 0;
	int prev = *last;
	for (size_t i = 0; i < n; i++) {
		int c = p[i];
		if (c == prev && sq[c])
			continue;
		p[o++] = (unsigned char)c;
		prev = c;
	}
	*last = prev;
	return o;
}

static void filter(bool xlate)
{
	int last = -1;
	size_t n;
	while ((n = read_block()) > 0) {
		if (xlate)
			translate(iobuf, n);
		if (delete)
			n = remove_deleted(iobuf, n);
		if (squeeze)
			n = squeeze_runs(iobuf, n, &last);
		if (n)
			out_write(iobuf, n);
	}
}

/* A line of explanation on standard error, after a diagnostic. */
static void say(const char *line)
{
	(void)sys_write_all(2, line, strlen(line));
}

int main_tr(int argc, char **argv)
{
	struct opt_parser p;
	int c;

	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		switch (c) {
		case 'c':
		case 'C':
			complement = true;
			break;
		case 'd':
			delete = true;
			break;
		case 's':
			squeeze = true;
			break;
		case 't':
			truncate1 = true;
			break;
		case 'A':
			break;
		default:
			diag_usage_error(NULL);
		}
	}

	int n = p.noperands;
	int min = 1 + (delete == squeeze), max = 1 + (delete <= squeeze);
	translating = n == 2 && !delete;
	if (n < min) {
		if (n == 0)
			diag_usage_error("missing operand");
		diag_error(0, "missing operand after %s", quote(p.operands[n - 1]));
		say(squeeze ? "Two strings must be given when both deleting and squeezing repeats.\n"
		    : "Two strings must be given when translating.\n");
		diag_usage_error(NULL);
	}
	if (n > max) {
		diag_error(0, "extra operand %s", quote(p.operands[max]));
		if (n == 2)
			say("Only one string may be given when deleting without squeezing repeats.\n");
		diag_usage_error(NULL);
	}

	static struct set s1, s2;
	if (!parse_set(p.operands[0], &s1))
		return EXIT_FAILURE;
	if (n == 2 && !parse_set(p.operands[1], &s2))
		return EXIT_FAILURE;
	validate(&s1, n == 2 ? &s2 : NULL);

	sys_advise_sequential(0);
	if (delete) {
		set_members(&s1, del);
		if (complement)
			invert(del);
		if (squeeze)
			set_members(&s2, sq);
		filter(false);
	} else if (translating) {
		build_translation(&s1, &s2, map);
		if (squeeze)
			set_members(&s2, sq);
		filter(true);
	} else {
		set_members(&s1, sq);
		if (complement)
			invert(sq);
		filter(false);
	}
	if (sys_close(0) < 0)
		diag_die(EXIT_FAILURE, errno, "standard input");
	return EXIT_SUCCESS;
}
