/* rx.c: GNU regular expressions parsed with GNU's rules, run by PCRE2 (rx.h). */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib_pcre2.h"
#include "rx.h"
#include "sys.h"
#include "utf8.h"
#include "xalloc.h"

enum { RX_CARET_HERE = 1ul << 23, DUP_MAX = 0x7fff, NAME_MAX_LEN = 32 };

enum rx_err {
	E_OK,
	E_BADPAT,
	E_ECOLLATE,
	E_ECTYPE,
	E_EESCAPE,
	E_ESUBREG,
	E_EBRACK,
	E_EPAREN,
	E_EBRACE,
	E_BADBR,
	E_ERANGE,
	E_ESPACE,
	E_BADRPT,
	E_ESIZE,
	E_ERPAREN,
};

static const char *const err_text[] = {
	[E_OK] = "Success",
	[E_BADPAT] = "Invalid regular expression",
	[E_ECOLLATE] = "Invalid collation character",
	[E_ECTYPE] = "Invalid character class name",
	[E_EESCAPE] = "Trailing backslash",
	[E_ESUBREG] = "Invalid back reference",
	[E_EBRACK] = "Unmatched [, [^, [:, [., or [=",
	[E_EPAREN] = "Unmatched ( or \\(",
	[E_EBRACE] = "Unmatched \\{",
	[E_BADBR] = "Invalid content of \\{\\}",
	[E_ERANGE] = "Invalid range end",
	[E_ESPACE] = "Memory exhausted",
	[E_BADRPT] = "Invalid preceding regular expression",
	[E_ESIZE] = "Regular expression too big",
	[E_ERPAREN] = "Unmatched ) or \\)",
};

/* ---- tokens ---------------------------------------------------------- */

enum tok_type {
	T_END, T_CHAR, T_BACKSLASH, T_ALT, T_BACKREF, T_ANCHOR,
	T_WORD, T_NOTWORD, T_SPACE, T_NOTSPACE,
	T_OPEN, T_CLOSE, T_STAR, T_PLUS, T_QUESTION, T_OPEN_DUP, T_CLOSE_DUP,
	T_BRACKET, T_PERIOD,
	/* inside a bracket expression */
	T_B_CLOSE, T_B_NOT, T_B_RANGE, T_B_COLL, T_B_EQUIV, T_B_CLASS,
};

enum anchor {
	A_LINE_FIRST, A_LINE_LAST, A_BUF_FIRST, A_BUF_LAST,
	A_WORD_FIRST, A_WORD_LAST, A_WORD_DELIM, A_NOT_WORD_DELIM,
};

struct token {
	enum tok_type type;
	uint32_t c;   /* the character: a byte, or a code point in UTF-8 */
	bool bad;     /* C is a byte that is not valid UTF-8 */
	int arg;      /* anchor kind, or back-reference number */
	size_t len;   /* bytes the token takes */
};

struct sbuf {
	char *s;
	size_t len, cap;
};

struct parser {
	const unsigned char *pat;
	size_t len, pos;
	unsigned long syn;
	bool utf;
	struct sbuf out;
	size_t nsub;
	unsigned completed; /* groups 1-9 whose closing parenthesis was seen */
	bool backrefs, complex;
	enum rx_err err;
};

static void sb_add(struct sbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void sb_str(struct sbuf *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

/* Insert S at offset AT. */
static void sb_insert(struct sbuf *b, size_t at, const char *s)
{
	size_t n = strlen(s);
	sb_add(b, s, n);
	memmove(b->s + at + n, b->s + at, b->len - n - at);
	memcpy(b->s + at, s, n);
}

/* The character at POS: its length, *C and *BAD. */
static size_t char_at(const struct parser *P, size_t pos, uint32_t *c, bool *bad)
{
	*bad = false;
	*c = P->pat[pos];
	if (!P->utf || *c < 0x80)
		return 1;
	size_t n = utf8_decode((const char *)P->pat + pos, P->len - pos, c);
	if (n)
		return n;
	*c = P->pat[pos];
	*bad = true;
	return 1;
}

/* Classify the token at P->pos (outside brackets) without consuming it. */
static void peek(const struct parser *P, struct token *t, unsigned long syn)
{
	size_t pos = P->pos;
	memset(t, 0, sizeof *t);
	if (pos >= P->len) {
		t->type = T_END;
		return;
	}
	t->type = T_CHAR;
	unsigned char c = P->pat[pos];
	if (c == '\\') {
		if (pos + 1 >= P->len) {
			t->type = T_BACKSLASH;
			t->len = 1;
			return;
		}
		t->len = 1 + char_at(P, pos + 1, &t->c, &t->bad);
		if (t->len > 2)
			return;
		bool gnu = !(syn & RX_NO_GNU_OPS);
		switch (t->c) {
		case '|':
			if (!(syn & RX_LIMITED_OPS) && !(syn & RX_NO_BK_VBAR))
				t->type = T_ALT;
			break;
		case '1': case '2': case '3': case '4': case '5':
		case '6': case '7': case '8': case '9':
			if (!(syn & RX_NO_BK_REFS)) {
				t->type = T_BACKREF;
				t->arg = (int)(t->c - '0');
			}
			break;
		case '<': case '>': case 'b': case 'B': case '`': case '\'':
			if (gnu) {
				t->type = T_ANCHOR;
				t->arg = t->c == '<' ? A_WORD_FIRST : t->c == '>' ? A_WORD_LAST
				       : t->c == 'b' ? A_WORD_DELIM : t->c == 'B' ? A_NOT_WORD_DELIM
				       : t->c == '`' ? A_BUF_FIRST : A_BUF_LAST;
			}
			break;
		case 'w':
			if (gnu)
				t->type = T_WORD;
			break;
		case 'W':
			if (gnu)
				t->type = T_NOTWORD;
			break;
		case 's':
			if (gnu)
				t->type = T_SPACE;
			break;
		case 'S':
			if (gnu)
				t->type = T_NOTSPACE;
			break;
		case '(':
			if (!(syn & RX_NO_BK_PARENS))
				t->type = T_OPEN;
			break;
		case ')':
			if (!(syn & RX_NO_BK_PARENS))
				t->type = T_CLOSE;
			break;
		case '+':
			if (!(syn & RX_LIMITED_OPS) && (syn & RX_BK_PLUS_QM))
				t->type = T_PLUS;
			break;
		case '?':
			if (!(syn & RX_LIMITED_OPS) && (syn & RX_BK_PLUS_QM))
				t->type = T_QUESTION;
			break;
		case '{':
			if ((syn & RX_INTERVALS) && !(syn & RX_NO_BK_BRACES))
				t->type = T_OPEN_DUP;
			break;
		case '}':
			if ((syn & RX_INTERVALS) && !(syn & RX_NO_BK_BRACES))
				t->type = T_CLOSE_DUP;
			break;
		}
		return;
	}
	t->len = char_at(P, pos, &t->c, &t->bad);
	if (t->len > 1 || t->bad)
		return;
	switch (c) {
	case '\n':
		if (syn & RX_NEWLINE_ALT)
			t->type = T_ALT;
		break;
	case '|':
		if (!(syn & RX_LIMITED_OPS) && (syn & RX_NO_BK_VBAR))
			t->type = T_ALT;
		break;
	case '*':
		t->type = T_STAR;
		break;
	case '+':
		if (!(syn & RX_LIMITED_OPS) && !(syn & RX_BK_PLUS_QM))
			t->type = T_PLUS;
		break;
	case '?':
		if (!(syn & RX_LIMITED_OPS) && !(syn & RX_BK_PLUS_QM))
			t->type = T_QUESTION;
		break;
	case '{':
		if ((syn & RX_INTERVALS) && (syn & RX_NO_BK_BRACES))
			t->type = T_OPEN_DUP;
		break;
	case '}':
		if ((syn & RX_INTERVALS) && (syn & RX_NO_BK_BRACES))
			t->type = T_CLOSE_DUP;
		break;
	case '(':
		if (syn & RX_NO_BK_PARENS)
			t->type = T_OPEN;
		break;
	case ')':
		if (syn & RX_NO_BK_PARENS)
			t->type = T_CLOSE;
		break;
	case '[':
		t->type = T_BRACKET;
		break;
	case '.':
		t->type = T_PERIOD;
		break;
	case '^':
		if (!(syn & (RX_CONTEXT_INDEP_ANCHORS | RX_CARET_HERE)) && pos != 0
		    && (!(syn & RX_NEWLINE_ALT) || P->pat[pos - 1] != '\n'))
			break;
		t->type = T_ANCHOR;
		t->arg = A_LINE_FIRST;
		break;
	case '$':
		if (!(syn & RX_CONTEXT_INDEP_ANCHORS) && pos + 1 != P->len) {
			struct parser q = *P;
			struct token next;
			q.pos = pos + 1;
			peek(&q, &next, syn);
			if (next.type != T_ALT && next.type != T_CLOSE)
				break;
		}
		t->type = T_ANCHOR;
		t->arg = A_LINE_LAST;
		break;
	}
}

static void fetch(struct parser *P, struct token *t, unsigned long syn)
{
	peek(P, t, syn);
	P->pos += t->len;
}

/* Classify the token at P->pos inside a bracket expression. */
static void peek_bracket(const struct parser *P, struct token *t)
{
	size_t pos = P->pos;
	memset(t, 0, sizeof *t);
	if (pos >= P->len) {
		t->type = T_END;
		return;
	}
	t->type = T_CHAR;
	unsigned char c = P->pat[pos];
	if (c == '\\' && (P->syn & RX_BACKSLASH_ESCAPE_IN_LISTS) && pos + 1 < P->len) {
		t->len = 1 + char_at(P, pos + 1, &t->c, &t->bad);
		return;
	}
	t->len = char_at(P, pos, &t->c, &t->bad);
	if (t->len > 1 || t->bad)
		return;
	if (c == '[' && pos + 1 < P->len) {
		unsigned char c2 = P->pat[pos + 1];
		if (c2 == '.' || c2 == '=' || (c2 == ':' && (P->syn & RX_CHAR_CLASSES))) {
			t->type = c2 == '.' ? T_B_COLL : c2 == '=' ? T_B_EQUIV : T_B_CLASS;
			t->c = c2;
			t->len = 2;
		}
		return;
	}
	if (c == ']')
		t->type = T_B_CLOSE;
	else if (c == '^')
		t->type = T_B_NOT;
	else if (c == '-') {
		if (pos + 2 < P->len && P->pat[pos + 1] == '-' && P->pat[pos + 2] == '-')
			t->len = 3; /* "---" stands for one '-' */
		else
			t->type = T_B_RANGE;
	}
}

/* ---- output -------------------------------------------------------- */

static void emit_char(struct parser *P, uint32_t c)
{
	char tmp[16];
	if (c < 0x80 && isalnum((int)c))
		snprintf(tmp, sizeof tmp, "%c", (char)c);
	else
		snprintf(tmp, sizeof tmp, "\\x{%x}", (unsigned)c);
	sb_str(&P->out, tmp);
}

/* A byte set as a PCRE2 class (byte mode). */
static void emit_byteset(struct parser *P, const bool set[256])
{
	char tmp[32];
	int n = 0;
	for (int i = 0; i < 256; i++)
		n += set[i];
	if (n == 0) {
		sb_str(&P->out, "[^\\x{0}-\\x{ff}]");
		return;
	}
	sb_str(&P->out, "[");
	for (int i = 0; i < 256;) {
		if (!set[i]) {
			i++;
			continue;
		}
		int j = i;
		while (j + 1 < 256 && set[j + 1])
			j++;
		if (j == i)
			snprintf(tmp, sizeof tmp, "\\x{%x}", (unsigned)i);
		else
			snprintf(tmp, sizeof tmp, "\\x{%x}-\\x{%x}", (unsigned)i, (unsigned)j);
		sb_str(&P->out, tmp);
		i = j + 1;
	}
	sb_str(&P->out, "]");
}

static const char *const class_names[] = {
	"alpha", "upper", "lower", "digit", "xdigit", "space",
	"print", "punct", "graph", "cntrl", "blank", "alnum", NULL,
};

static bool in_class(const char *name, int c)
{
	switch (name[0] == 'a' ? (name[2] == 'p' ? 'A' : 'N') : name[0]) {
	case 'A': return isalpha(c);
	case 'N': return isalnum(c);
	case 'u': return isupper(c);
	case 'l': return islower(c);
	case 'd': return isdigit(c);
	case 'x': return isxdigit(c);
	case 's': return isspace(c);
	case 'p': return name[1] == 'r' ? isprint(c) : ispunct(c);
	case 'g': return isgraph(c);
	case 'c': return iscntrl(c);
	case 'b': return isblank(c);
	}
	return false;
}

static int fold(const struct parser *P, uint32_t c)
{
	return (P->syn & RX_ICASE) && c < 0x80 ? toupper((int)c) : (int)c;
}

/* A bracket expression being built: a byte set, or PCRE2 class text in
   UTF-8 mode. */
struct bracket {
	bool set[256];
	struct sbuf items;
	bool any;
};

static void br_char(struct parser *P, struct bracket *b, uint32_t c, bool bad)
{
	if (!P->utf) {
		b->set[c & 0xff] = true;
		return;
	}
	if (bad)
		return;
	char tmp[16];
	snprintf(tmp, sizeof tmp, "\\x{%x}", (unsigned)c);
	sb_str(&b->items, tmp);
	b->any = true;
}

static void br_class(struct parser *P, struct bracket *b, const char *name)
{
	if (!P->utf) {
		for (int c = 0; c < 256; c++)
			if (in_class(name, c))
				b->set[c] = true;
		return;
	}
	char tmp[48];
	snprintf(tmp, sizeof tmp, "[:%s:]", name);
	sb_str(&b->items, tmp);
	b->any = true;
}

struct elem {
	enum { EL_CHAR, EL_COLL, EL_EQUIV, EL_CLASS } type;
	uint32_t c;
	bool bad;
	char name[NAME_MAX_LEN + 1];
	size_t namelen;
};

/* [.x.], [=x=] or [:name:] after its opening token. */
static enum rx_err parse_bracket_symbol(struct parser *P, struct elem *e, const struct token *t)
{
	unsigned char delim = (unsigned char)t->c;
	size_t i;
	if (P->pos >= P->len)
		return E_EBRACK;
	for (i = 0;; i++) {
		if (i >= NAME_MAX_LEN)
			return E_EBRACK;
		unsigned char ch = P->pat[P->pos++];
		if (P->pos >= P->len)
			return E_EBRACK;
		if (ch == delim && P->pat[P->pos] == ']')
			break;
		e->name[i] = (char)(t->type == T_B_CLASS ? ch : fold(P, ch));
	}
	P->pos++;
	e->name[i] = '\0';
	e->namelen = i;
	e->type = t->type == T_B_COLL ? EL_COLL : t->type == T_B_EQUIV ? EL_EQUIV : EL_CLASS;
	return E_OK;
}

static enum rx_err parse_bracket_elem(struct parser *P, struct elem *e, const struct token *t,
				      bool accept_hyphen)
{
	uint32_t c;
	bool bad;
	size_t n = char_at(P, P->pos, &c, &bad);
	if (n > 1) {
		e->type = EL_CHAR;
		e->c = c;
		e->bad = false;
		P->pos += n;
		return E_OK;
	}
	P->pos += t->len;
	if (t->type == T_B_COLL || t->type == T_B_EQUIV || t->type == T_B_CLASS)
		return parse_bracket_symbol(P, e, t);
	if (t->type == T_B_RANGE && !accept_hyphen) {
		struct token t2;
		peek_bracket(P, &t2);
		if (t2.type != T_B_CLOSE)
			return E_ERANGE;
	}
	e->type = EL_CHAR;
	e->c = t->bad ? t->c : (uint32_t)fold(P, t->c);
	e->bad = t->bad;
	return E_OK;
}

/* The one character a collating symbol or equivalence class names. */
static bool symbol_char(struct parser *P, const struct elem *e, uint32_t *c, bool *bad)
{
	*bad = false;
	if (!P->utf) {
		if (e->namelen != 1)
			return false;
		*c = (unsigned char)e->name[0];
		return true;
	}
	if (e->namelen == 0)
		return false;
	size_t n = utf8_decode(e->name, e->namelen, c);
	if (n == 0 && e->namelen == 1) {
		*c = (unsigned char)e->name[0];
		*bad = true;
		return true;
	}
	return n == e->namelen;
}

static enum rx_err add_elem(struct parser *P, struct bracket *b, const struct elem *e)
{
	uint32_t c;
	bool bad;
	switch (e->type) {
	case EL_CHAR:
		br_char(P, b, e->c, e->bad);
		return E_OK;
	case EL_COLL:
	case EL_EQUIV:
		if (!symbol_char(P, e, &c, &bad))
			return E_ECOLLATE;
		br_char(P, b, c, bad);
		return E_OK;
	case EL_CLASS:
		for (int i = 0; class_names[i]; i++)
			if (!strcmp(e->name, class_names[i])) {
				const char *name = e->name;
				if ((P->syn & RX_ICASE) && (!strcmp(name, "upper") || !strcmp(name, "lower")))
					name = "alpha";
				br_class(P, b, name);
				return E_OK;
			}
		return E_ECTYPE;
	}
	return E_OK;
}

static enum rx_err add_range(struct parser *P, struct bracket *b, const struct elem *s,
			     const struct elem *e)
{
	uint32_t lo, hi;
	bool badlo = false, badhi = false;
	if (s->type == EL_EQUIV || s->type == EL_CLASS || e->type == EL_EQUIV || e->type == EL_CLASS)
		return E_ERANGE;
	if (s->type == EL_COLL) {
		if (!symbol_char(P, s, &lo, &badlo))
			return E_ECOLLATE;
	} else {
		lo = s->c;
		badlo = s->bad;
	}
	if (e->type == EL_COLL) {
		if (!symbol_char(P, e, &hi, &badhi))
			return E_ECOLLATE;
	} else {
		hi = e->c;
		badhi = e->bad;
	}
	if (badlo || badhi)
		return E_ECOLLATE;
	if (lo > hi) {
		if (P->syn & RX_NO_EMPTY_RANGES)
			return E_ERANGE;
		return E_OK;
	}
	if (!P->utf) {
		for (uint32_t c = lo; c <= hi; c++)
			b->set[c] = true;
		return E_OK;
	}
	char tmp[40];
	snprintf(tmp, sizeof tmp, "\\x{%x}-\\x{%x}", (unsigned)lo, (unsigned)hi);
	sb_str(&b->items, tmp);
	b->any = true;
	return E_OK;
}

/* A bracket expression; P->pos is just after '['. */
static enum rx_err parse_bracket(struct parser *P)
{
	struct bracket b;
	struct token t, t2;
	struct elem s, e;
	bool neg = false, first = true;
	enum rx_err err = E_OK;

	memset(&b, 0, sizeof b);
	peek_bracket(P, &t);
	if (t.type == T_END)
		return E_BADPAT;
	if (t.type == T_B_NOT) {
		neg = true;
		if (P->syn & RX_HAT_LISTS_NOT_NEWLINE)
			br_char(P, &b, '\n', false);
		P->pos += t.len;
		peek_bracket(P, &t);
		if (t.type == T_END)
			return E_BADPAT;
	}
	if (t.type == T_B_CLOSE)
		t.type = T_CHAR;
	for (;;) {
		bool range = false;
		if ((err = parse_bracket_elem(P, &s, &t, first)) != E_OK)
			goto out;
		first = false;
		peek_bracket(P, &t);
		if (s.type != EL_CLASS && s.type != EL_EQUIV) {
			if (t.type == T_END) {
				err = E_EBRACK;
				goto out;
			}
			if (t.type == T_B_RANGE) {
				P->pos += t.len;
				peek_bracket(P, &t2);
				if (t2.type == T_END) {
					err = E_EBRACK;
					goto out;
				}
				if (t2.type == T_B_CLOSE) {
					P->pos -= t.len;
					t.type = T_CHAR;
				} else {
					range = true;
				}
			}
		}
		if (range) {
			if ((err = parse_bracket_elem(P, &e, &t2, true)) != E_OK)
				goto out;
			peek_bracket(P, &t);
			err = add_range(P, &b, &s, &e);
		} else {
			err = add_elem(P, &b, &s);
		}
		if (err != E_OK)
			goto out;
		if (t.type == T_END) {
			err = E_EBRACK;
			goto out;
		}
		if (t.type == T_B_CLOSE)
			break;
	}
	P->pos += t.len;

	if (!P->utf) {
		bool final[256];
		for (int c = 0; c < 256; c++) {
			int k = (P->syn & RX_ICASE) ? toupper(c) : c;
			final[c] = b.set[k] != neg;
		}
		emit_byteset(P, final);
	} else if (!b.any) {
		sb_str(&P->out, neg ? "[\\x{0}-\\x{10ffff}]" : "[^\\x{0}-\\x{10ffff}]");
	} else {
		sb_str(&P->out, neg ? "[^" : "[");
		sb_add(&P->out, b.items.s, b.items.len);
		sb_str(&P->out, "]");
	}
out:
	free(b.items.s);
	return err;
}

/* \w \W \s \S */
static void emit_class_op(struct parser *P, enum tok_type type)
{
	if (P->utf) {
		sb_str(&P->out, type == T_WORD ? "\\w" : type == T_NOTWORD ? "\\W"
			       : type == T_SPACE ? "[[:space:]]" : "[^[:space:]]");
		return;
	}
	bool set[256];
	for (int c = 0; c < 256; c++) {
		bool in = type == T_WORD || type == T_NOTWORD ? isalnum(c) || c == '_' : isspace(c);
		set[c] = in != (type == T_NOTWORD || type == T_NOTSPACE);
	}
	emit_byteset(P, set);
}

static void emit_period(struct parser *P)
{
	bool nl = P->syn & RX_DOT_NEWLINE, nul = !(P->syn & RX_DOT_NOT_NULL);
	if (P->utf) {
		sb_str(&P->out, nl && nul ? "[\\x{0}-\\x{10ffff}]" : nl ? "[^\\x{0}]"
			       : nul ? "[^\\n]" : "[^\\n\\x{0}]");
		return;
	}
	bool set[256];
	for (int c = 0; c < 256; c++)
		set[c] = (nl || c != '\n') && (nul || c != 0);
	emit_byteset(P, set);
}

static void emit_anchor(struct parser *P, int kind)
{
	static const char *const text[] = {
		[A_LINE_FIRST] = "^", [A_LINE_LAST] = "$",
		[A_BUF_FIRST] = "\\A", [A_BUF_LAST] = "\\z",
		[A_WORD_FIRST] = "\\b(?=\\w)", [A_WORD_LAST] = "\\b(?<=\\w)",
		[A_WORD_DELIM] = "\\b", [A_NOT_WORD_DELIM] = "\\B",
	};
	sb_str(&P->out, text[kind]);
}

/* ---- the grammar ------------------------------------------------------ */

static bool parse_reg_exp(struct parser *P, struct token *t, int nest);

/* {m,n} after its opening token: -1 for an empty number, -2 when not a
   number; stops at ',' or the closing token. */
static long fetch_number(struct parser *P, struct token *t)
{
	long num = -1;
	for (;;) {
		fetch(P, t, P->syn);
		if (t->type == T_END)
			return -2;
		if (t->type == T_CLOSE_DUP || t->c == ',')
			break;
		num = t->type != T_CHAR || t->c < '0' || t->c > '9' || num == -2 ? -2
		    : num == -1 ? (long)(t->c - '0')
		    : num * 10 + (long)(t->c - '0') > DUP_MAX + 1 ? DUP_MAX + 1
		    : num * 10 + (long)(t->c - '0');
	}
	return num;
}

/* A repetition operator for the expression emitted from offset AT.
   Returns false on error; *LITERAL when an invalid interval turned out to
   be literal text (RX_INVALID_INTERVAL_ORD). */
static bool parse_dup(struct parser *P, struct token *t, size_t at, bool atom, bool *literal,
		      char *lastq)
{
	long lo, hi;
	char q[48];
	*literal = false;
	if (t->type == T_OPEN_DUP) {
		size_t start_pos = P->pos;
		struct token start_tok = *t;
		hi = 0;
		lo = fetch_number(P, t);
		if (lo == -1) {
			if (t->type == T_CHAR && t->c == ',') {
				lo = 0;
			} else {
				P->err = E_BADBR;
				return false;
			}
		}
		if (lo != -2)
			hi = t->type == T_CLOSE_DUP ? lo
			   : t->type == T_CHAR && t->c == ',' ? fetch_number(P, t) : -2;
		if (lo == -2 || hi == -2) {
			if (!(P->syn & RX_INVALID_INTERVAL_ORD)) {
				P->err = t->type == T_END ? E_EBRACE : E_BADBR;
				return false;
			}
			P->pos = start_pos;
			*t = start_tok;
			t->type = T_CHAR;
			*literal = true;
			return true;
		}
		if ((hi != -1 && lo > hi) || t->type != T_CLOSE_DUP) {
			P->err = E_BADBR;
			return false;
		}
		if ((hi == -1 ? lo : hi) > DUP_MAX) {
			P->err = E_ESIZE;
			return false;
		}
		if (hi == -1)
			snprintf(q, sizeof q, "{%ld,}", lo);
		else if (lo == hi)
			snprintf(q, sizeof q, "{%ld}", lo);
		else
			snprintf(q, sizeof q, "{%ld,%ld}", lo, hi);
	} else {
		strcpy(q, t->type == T_STAR ? "*" : t->type == T_PLUS ? "+" : "?");
	}
	fetch(P, t, P->syn);
	P->complex = true;
	/* X** and the like mean X* (and backtrack badly as written). */
	if (q[1] == '\0' && *lastq && strchr("*+?", *lastq)) {
		char c = *lastq == q[0] && q[0] != '*' ? q[0] : '*';
		P->out.s[P->out.len - 1] = c;
		*lastq = c;
		return true;
	}
	if (!atom) {
		sb_insert(&P->out, at, "(?:");
		sb_str(&P->out, ")");
	}
	sb_str(&P->out, q);
	*lastq = q[1] == '\0' ? q[0] : '{';
	return true;
}

static bool parse_expression(struct parser *P, struct token *t, int nest)
{
	size_t at = P->out.len;
	bool atom = true;

	switch (t->type) {
	case T_CHAR:
		if (t->bad)
			sb_str(&P->out, "(?!)");
		else
			emit_char(P, t->c);
		atom = !t->bad;
		break;
	case T_OPEN: {
		size_t n = ++P->nsub;
		sb_str(&P->out, "(");
		fetch(P, t, P->syn | RX_CARET_HERE);
		if (t->type != T_CLOSE) {
			if (!parse_reg_exp(P, t, nest + 1))
				return false;
			if (t->type != T_CLOSE) {
				P->err = E_EPAREN;
				return false;
			}
		}
		sb_str(&P->out, ")");
		if (n <= 9)
			P->completed |= 1u << n;
		break;
	}
	case T_BRACKET:
		if ((P->err = parse_bracket(P)) != E_OK)
			return false;
		break;
	case T_BACKREF: {
		char tmp[16];
		if (!(P->completed & (1u << t->arg))) {
			P->err = E_ESUBREG;
			return false;
		}
		snprintf(tmp, sizeof tmp, "\\g{%d}", t->arg);
		sb_str(&P->out, tmp);
		P->backrefs = true;
		break;
	}
	case T_OPEN_DUP:
		if (P->syn & RX_CONTEXT_INVALID_DUP) {
			P->err = E_BADRPT;
			return false;
		}
		/* fall through */
	case T_STAR:
	case T_PLUS:
	case T_QUESTION:
		if (P->syn & RX_CONTEXT_INVALID_OPS) {
			P->err = E_BADRPT;
			return false;
		}
		if (P->syn & RX_CONTEXT_INDEP_OPS) {
			fetch(P, t, P->syn);
			return parse_expression(P, t, nest);
		}
		/* fall through */
	case T_CLOSE:
		if (t->type == T_CLOSE && !(P->syn & RX_UNMATCHED_RIGHT_PAREN_ORD)) {
			P->err = E_ERPAREN;
			return false;
		}
		/* fall through */
	case T_CLOSE_DUP:
		emit_char(P, t->c);
		break;
	case T_ANCHOR:
		emit_anchor(P, t->arg);
		fetch(P, t, P->syn);
		return true;
	case T_PERIOD:
		emit_period(P);
		break;
	case T_WORD:
	case T_NOTWORD:
	case T_SPACE:
	case T_NOTSPACE:
		emit_class_op(P, t->type);
		break;
	case T_ALT:
	case T_END:
		return true;
	case T_BACKSLASH:
		P->err = E_EESCAPE;
		return false;
	default:
		P->err = E_BADPAT;
		return false;
	}
	fetch(P, t, P->syn);

	char lastq = 0;
	while (t->type == T_STAR || t->type == T_PLUS || t->type == T_QUESTION
	       || t->type == T_OPEN_DUP) {
		bool literal;
		if (!parse_dup(P, t, at, atom, &literal, &lastq))
			return false;
		if (literal)
			break;
		atom = false;
		if ((P->syn & RX_CONTEXT_INVALID_DUP) && (t->type == T_STAR || t->type == T_OPEN_DUP)) {
			P->err = E_BADRPT;
			return false;
		}
	}
	return true;
}

static bool parse_branch(struct parser *P, struct token *t, int nest)
{
	if (!parse_expression(P, t, nest))
		return false;
	while (t->type != T_ALT && t->type != T_END && (nest == 0 || t->type != T_CLOSE))
		if (!parse_expression(P, t, nest))
			return false;
	return true;
}

static bool parse_reg_exp(struct parser *P, struct token *t, int nest)
{
	unsigned initial = P->completed;
	if (!parse_branch(P, t, nest))
		return false;
	while (t->type == T_ALT) {
		sb_str(&P->out, "|");
		P->complex = true;
		fetch(P, t, P->syn | RX_CARET_HERE);
		if (t->type != T_ALT && t->type != T_END && (nest == 0 || t->type != T_CLOSE)) {
			unsigned accumulated = P->completed;
			P->completed = initial;
			if (!parse_branch(P, t, nest))
				return false;
			P->completed |= accumulated;
		}
	}
	return true;
}

/* ---- compiled expressions ---------------------------------------------- */

enum cb_mode { CB_LONGEST, CB_END_AT };

struct rx {
	pcre2_code *code;     /* the pattern, JIT-compiled */
	pcre2_code *anchored; /* the same, anchored (made on first need) */
	pcre2_code *dfa;      /* for pcre2_dfa_match (UTF-8: without MATCH_INVALID_UTF) */
	pcre2_code *cb;       /* anchored, with a callout at its end */
	pcre2_match_data *md, *dmd, *cbmd;
	pcre2_match_context *mctx;
	char *body;           /* the translated pattern */
	uint32_t opts;
	size_t nsub;
	bool utf, backrefs, simple;
	int *ws;
	size_t wsn;
	enum cb_mode mode;
	size_t target, best;
};

static pcre2_code *compile_text(const char *body, const char *prefix, const char *suffix,
				uint32_t opts, bool jit)
{
	size_t n = strlen(prefix) + strlen(body) + strlen(suffix) + 1;
	char *text = xmalloc(n);
	int errcode;
	PCRE2_SIZE erroff;
	snprintf(text, n, "%s%s%s", prefix, body, suffix);
	pcre2_code *code = libpcre2.pcre2_compile((PCRE2_SPTR)text, PCRE2_ZERO_TERMINATED, opts,
						  &errcode, &erroff, NULL);
	free(text);
	if (code && jit)
		libpcre2.pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
	return code;
}

void rx_free(struct rx *re)
{
	if (!re)
		return;
	pcre2_code *codes[] = { re->code, re->anchored, re->dfa != re->code ? re->dfa : NULL, re->cb };
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
		if (codes[i])
			libpcre2.pcre2_code_free(codes[i]);
	if (re->md)
		libpcre2.pcre2_match_data_free(re->md);
	if (re->dmd)
		libpcre2.pcre2_match_data_free(re->dmd);
	if (re->cbmd)
		libpcre2.pcre2_match_data_free(re->cbmd);
	if (re->mctx)
		libpcre2.pcre2_match_context_free(re->mctx);
	free(re->body);
	free(re->ws);
	free(re);
}

struct rx *rx_compile(const char *pat, size_t len, unsigned long syntax, unsigned flags,
		      const char **err)
{
	struct parser P;
	struct token t;

	memset(&P, 0, sizeof P);
	P.pat = (const unsigned char *)pat;
	P.len = len;
	P.syn = syntax & ~(unsigned long)RX_CARET_HERE;
	P.utf = flags & RX_F_UTF8 ? true : flags & RX_F_BYTES ? false : sys_locale_utf8();
	sb_str(&P.out, "");
	fetch(&P, &t, P.syn | RX_CARET_HERE);
	if (!parse_reg_exp(&P, &t, 0)) {
		free(P.out.s);
		*err = err_text[P.err];
		return NULL;
	}
	if (!libpcre2_load()) {
		static char why[320];
		snprintf(why, sizeof why, "cannot load PCRE2 for regular expressions: %s", lazylib_error());
		free(P.out.s);
		*err = why;
		return NULL;
	}

	struct rx *re = xcalloc(1, sizeof *re);
	re->body = P.out.s;
	re->nsub = P.nsub;
	re->utf = P.utf;
	re->backrefs = P.backrefs;
	re->simple = !P.complex;
	re->opts = flags & RX_F_NEWLINE_ANCHOR ? PCRE2_MULTILINE | PCRE2_ALT_CIRCUMFLEX
					       : PCRE2_DOLLAR_ENDONLY;
	if (syntax & RX_ICASE)
		re->opts |= PCRE2_CASELESS;
	if (P.utf)
		re->opts |= PCRE2_UTF | PCRE2_UCP;
	re->code = compile_text(re->body, "(*LF)", "",
				re->opts | (P.utf ? PCRE2_MATCH_INVALID_UTF : 0), true);
	if (!re->code) {
		rx_free(re);
		*err = err_text[E_ESIZE];
		return NULL;
	}
	re->md = libpcre2.pcre2_match_data_create_from_pattern(re->code, NULL);
	if (!re->md) {
		rx_free(re);
		*err = err_text[E_ESPACE];
		return NULL;
	}
	return re;
}

size_t rx_nsub(const struct rx *re)
{
	return re->nsub;
}

const char *rx_pcre_pattern(const struct rx *re)
{
	return re->body;
}

static uint32_t match_opts(unsigned eflags)
{
	return (eflags & RX_NOTBOL ? PCRE2_NOTBOL : 0) | (eflags & RX_NOTEOL ? PCRE2_NOTEOL : 0);
}

/* pcre2_match, falling back to the interpreter when JIT's stack is short. */
static int run(const pcre2_code *code, const char *buf, size_t len, size_t start, uint32_t opts,
	       pcre2_match_data *md, pcre2_match_context *mctx)
{
	int rc = libpcre2.pcre2_match(code, (PCRE2_SPTR)buf, len, start, opts, md, mctx);
	if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
		rc = libpcre2.pcre2_match(code, (PCRE2_SPTR)buf, len, start, opts | PCRE2_NO_JIT, md, mctx);
	return rc;
}

static int callout(pcre2_callout_block *b, void *data)
{
	struct rx *re = data;
	size_t pos = b->current_position;
	if (re->mode == CB_LONGEST) {
		if (re->best == RX_NOPOS || pos > re->best)
			re->best = pos;
		return 1;
	}
	return pos == re->target ? 0 : 1;
}

static bool need_cb(struct rx *re)
{
	if (re->cb)
		return re->cbmd && re->mctx;
	re->cb = compile_text(re->body, "(*LF)(?:", ")(?C1)",
			      re->opts | PCRE2_ANCHORED | PCRE2_NO_AUTO_POSSESS | PCRE2_NO_START_OPTIMIZE
				      | PCRE2_NO_DOTSTAR_ANCHOR | (re->utf ? PCRE2_MATCH_INVALID_UTF : 0),
			      true);
	if (!re->cb)
		return false;
	re->cbmd = libpcre2.pcre2_match_data_create_from_pattern(re->cb, NULL);
	re->mctx = libpcre2.pcre2_match_context_create(NULL);
	if (!re->cbmd || !re->mctx)
		return false;
	libpcre2.pcre2_set_callout(re->mctx, callout, re);
	return true;
}

/* The longest end of a match at S, by trying every way to match there. */
static size_t longest_by_callout(struct rx *re, const char *buf, size_t len, size_t s, uint32_t opts,
				 size_t e0)
{
	if (!need_cb(re))
		return e0;
	re->mode = CB_LONGEST;
	re->best = e0;
	run(re->cb, buf, len, s, opts, re->cbmd, re->mctx);
	return re->best;
}

/* pcre2_dfa_match on BUF[0..LEN) from START: its return value; the
   longest match is then in re->dmd. */
static int dfa_run(struct rx *re, const char *buf, size_t len, size_t start, uint32_t opts)
{
	if (!re->dfa) {
		re->dfa = re->utf ? compile_text(re->body, "(*LF)", "", re->opts, false) : re->code;
		if (!re->dfa)
			return PCRE2_ERROR_NOMEMORY;
	}
	if (!re->dmd) {
		re->dmd = libpcre2.pcre2_match_data_create(1, NULL);
		if (!re->dmd)
			return PCRE2_ERROR_NOMEMORY;
		re->wsn = 1000;
		re->ws = xmalloc(re->wsn * sizeof *re->ws);
	}
	for (;;) {
		int rc = libpcre2.pcre2_dfa_match(re->dfa, (PCRE2_SPTR)buf, len, start, opts, re->dmd,
						  NULL, re->ws, re->wsn);
		if (rc != PCRE2_ERROR_DFA_WSSIZE || re->wsn >= (1u << 22))
			return rc;
		re->wsn *= 4;
		re->ws = xrealloc(re->ws, re->wsn * sizeof *re->ws);
	}
}

/* The longest end of a match that starts at S; E0 is one such end. */
static size_t longest_end(struct rx *re, const char *buf, size_t len, size_t s, uint32_t opts,
			  size_t e0)
{
	if (re->backrefs)
		return longest_by_callout(re, buf, len, s, opts, e0);
	/* In UTF-8 the subject is checked from S to its end on every call:
	   look at a window only, made larger while some way to match is still
	   alive at its end (a partial match). */
	size_t window = 2 * (e0 - s) + 256;
	for (;;) {
		size_t cut = len;
		uint32_t o = opts | PCRE2_ANCHORED;
		if (re->utf && len - s > window) {
			cut = s + window;
			while (cut > e0 && ((unsigned char)buf[cut] & 0xc0) == 0x80)
				cut--;
			o |= PCRE2_PARTIAL_HARD;
		}
		int rc = dfa_run(re, buf, cut, s, o);
		if (rc == PCRE2_ERROR_PARTIAL && cut < len) {
			window *= 4;
			continue;
		}
		if (rc >= 0) {
			size_t e = libpcre2.pcre2_get_ovector_pointer(re->dmd)[1];
			return e > e0 ? e : e0;
		}
		return longest_by_callout(re, buf, len, s, opts, e0);
	}
}

/* A match found: [s, e0), e0 the end of the first way to match, which is
   in re->md when MD_VALID; LONGEST when e0 is known to be the longest. */
struct found {
	size_t s, e0;
	bool md_valid, longest;
};

/* The leftmost match from START. When backtracking gives up on a pattern
   without back-references, the DFA engine (which cannot blow up) runs. */
static int find(struct rx *re, const pcre2_code *code, const char *buf, size_t len, size_t start,
		uint32_t opts, struct found *f)
{
	int rc = run(code, buf, len, start, opts, re->md, NULL);
	if (rc >= 0) {
		PCRE2_SIZE *ov = libpcre2.pcre2_get_ovector_pointer(re->md);
		f->s = ov[0];
		f->e0 = ov[1];
		f->md_valid = true;
		f->longest = re->simple || f->e0 == len;
		return 1;
	}
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (re->backrefs || (rc != PCRE2_ERROR_MATCHLIMIT && rc != PCRE2_ERROR_DEPTHLIMIT
			     && rc != PCRE2_ERROR_HEAPLIMIT && rc != PCRE2_ERROR_JIT_STACKLIMIT))
		return -1;
	if (code != re->code)
		opts |= PCRE2_ANCHORED;
	rc = dfa_run(re, buf, len, start, opts);
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc < 0)
		return -1;
	PCRE2_SIZE *ov = libpcre2.pcre2_get_ovector_pointer(re->dmd);
	f->s = ov[0];
	f->e0 = ov[1];
	f->md_valid = false;
	f->longest = true;
	return 1;
}

static int finish(struct rx *re, const char *buf, size_t len, uint32_t opts, const struct found *f,
		  struct rx_match *m, size_t nm)
{
	size_t s = f->s, e = f->e0;
	if (!f->longest)
		e = longest_end(re, buf, len, s, opts, f->e0);
	m[0].start = s;
	m[0].end = e;
	if (nm < 2)
		return 1;
	PCRE2_SIZE *ov = NULL;
	if (e == f->e0 && f->md_valid) {
		ov = libpcre2.pcre2_get_ovector_pointer(re->md);
	} else if (need_cb(re)) {
		re->mode = CB_END_AT;
		re->target = e;
		if (run(re->cb, buf, len, s, opts, re->cbmd, re->mctx) >= 0)
			ov = libpcre2.pcre2_get_ovector_pointer(re->cbmd);
	}
	for (size_t i = 1; i < nm; i++) {
		m[i].start = m[i].end = RX_NOPOS;
		if (ov && i <= re->nsub && ov[2 * i] != PCRE2_UNSET) {
			m[i].start = ov[2 * i];
			m[i].end = ov[2 * i + 1];
		}
	}
	return 1;
}

static const pcre2_code *anchored_code(struct rx *re)
{
	if (!re->anchored)
		re->anchored = compile_text(re->body, "(*LF)", "",
					    re->opts | PCRE2_ANCHORED | (re->utf ? PCRE2_MATCH_INVALID_UTF : 0),
					    true);
	return re->anchored ? re->anchored : re->code;
}

int rx_search(struct rx *re, const char *buf, size_t len, size_t start, unsigned eflags,
	      struct rx_match *m, size_t nm)
{
	uint32_t opts = match_opts(eflags);
	const pcre2_code *code = re->code;
	struct found f;
	if (start > len)
		return 0;
	if (eflags & RX_ANCHORED) {
		code = anchored_code(re);
		if (code == re->code)
			opts |= PCRE2_ANCHORED;
	}
	int rc = find(re, code, buf, len, start, opts, &f);
	if (rc <= 0 || !m || nm == 0)
		return rc;
	return finish(re, buf, len, opts & ~PCRE2_ANCHORED, &f, m, nm);
}

/* Bytes of the character at P (1 for an invalid byte). */
static size_t char_len(const struct rx *re, const char *buf, size_t len, size_t p)
{
	uint32_t c;
	if (!re->utf || p >= len || (unsigned char)buf[p] < 0x80)
		return 1;
	size_t n = utf8_decode(buf + p, len - p, &c);
	return n ? n : 1;
}

int rx_search_back(struct rx *re, const char *buf, size_t len, size_t high, size_t low,
		   unsigned eflags, struct rx_match *m, size_t nm)
{
	uint32_t opts = match_opts(eflags);
	size_t window = 256;
	struct found f;
	if (high > len)
		high = len;
	if (low > high)
		return 0;
	/* Find the match starts in a window below HIGH, from its bottom up;
	   double the window while it has none. */
	for (;;) {
		size_t from = high - low + 1 > window ? high + 1 - window : low;
		if (re->utf)
			while (from > low && ((unsigned char)buf[from] & 0xc0) == 0x80)
				from--;
		size_t best = RX_NOPOS;
		for (size_t o = from; o <= high;) {
			int rc = find(re, re->code, buf, len, o, opts, &f);
			if (rc < 0)
				return -1;
			if (rc == 0 || f.s > high)
				break;
			best = f.s;
			if (f.s >= len)
				break;
			o = f.s + char_len(re, buf, len, f.s);
		}
		if (best != RX_NOPOS) {
			if (!m || nm == 0)
				return 1;
			const pcre2_code *code = anchored_code(re);
			int rc = find(re, code, buf, len, best, opts | (code == re->code ? PCRE2_ANCHORED : 0), &f);
			if (rc <= 0)
				return -1;
			return finish(re, buf, len, opts, &f, m, nm);
		}
		if (from == low)
			return 0;
		high = from - 1;
		window *= 2;
	}
}
