/* GNU quoting styles. */
#include "quote.h"

#include <stdlib.h>
#include <string.h>

#include "sys.h"
#include "utf8.h"
#include "xalloc.h"

static const char *const style_names[] = {
	"literal", "shell", "shell-always", "shell-escape", "shell-escape-always",
	"c", "c-maybe", "escape", "locale", "clocale",
};

int quote_style_from_name(const char *name)
{
	for (size_t i = 0; i < sizeof style_names / sizeof style_names[0]; i++)
		if (strcmp(name, style_names[i]) == 0)
			return (int)i;
	return -1;
}

const char *quote_style_name(enum quote_style style)
{
	return style_names[style];
}

/* Output with truncation, counting the full length. */
struct sink {
	char *dst;
	size_t size, len;
};

static void put(struct sink *s, char c)
{
	if (s->len + 1 < s->size)
		s->dst[s->len] = c;
	s->len++;
}

static void puts_(struct sink *s, const char *str)
{
	while (*str)
		put(s, *str++);
}

static bool in_extra(const struct quote_opts *o, unsigned char c)
{
	return c < 128 && (o->extra[c / 32] >> (c % 32) & 1);
}

/* Length of the printable character at P (0 when it is not printable: a
   control character, or bytes invalid in the locale's encoding). */
static size_t printable_len(const unsigned char *p, size_t left, bool utf8)
{
	if (*p < 0x80)
		return (*p >= 0x20 && *p < 0x7f) ? 1 : 0;
	if (!utf8)
		return 0;
	uint32_t cp;
	size_t n = utf8_decode((const char *)p, left, &cp);
	if (n == 0 || !utf8_isprint(cp))
		return 0;
	return n;
}

/* Characters that make a shell word need quotes. '#' and '~' matter only
   at the start of a word, '{' and '}' only as the whole word (ONE). */
static bool shell_special(unsigned char c, size_t i, bool one)
{
	if (c == '#' || c == '~')
		return i == 0;
	if (c == '{' || c == '}')
		return one;
	return c && strchr(" \t\n\r!\"$&'()*;<=>?[\\^`|", c) != NULL;
}

/* Characters GNU lets stand between double quotes when a word's only
   awkward character is a single quote: "it's". */
static bool dq_plain(unsigned char c, size_t i)
{
	if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
		return true;
	if (c == '#' || c == '~')
		return i == 0;
	return c && strchr(" %+,-./:@]_'", c) != NULL;
}

static const char *c_escape(unsigned char c)
{
	switch (c) {
	case '\a': return "\\a";
	case '\b': return "\\b";
	case '\f': return "\\f";
	case '\n': return "\\n";
	case '\r': return "\\r";
	case '\t': return "\\t";
	case '\v': return "\\v";
	default: return NULL;
	}
}

/* C's escape for C: \n ..., \ooo, and \0 for NUL (\000 when a digit
   follows, DIGIT_NEXT). */
static void put_escape(struct sink *s, unsigned char c, bool digit_next)
{
	const char *e = c_escape(c);
	if (e) {
		puts_(s, e);
		return;
	}
	if (c == 0 && !digit_next) {
		puts_(s, "\\0");
		return;
	}
	put(s, '\\');
	put(s, (char)('0' + (c >> 6)));
	put(s, (char)('0' + ((c >> 3) & 7)));
	put(s, (char)('0' + (c & 7)));
}

/* The shell styles: single quotes, or double quotes for a word whose only
   awkward character is a single quote. Without ESCAPE unprintable bytes
   are copied as they are (only \n, \r and \t force quotes); with it they
   become $'\ooo' segments. */
static void quote_shell(struct sink *s, const unsigned char *p, size_t len, bool always, bool escape,
			const struct quote_opts *o, bool utf8)
{
	bool need = always || len == 0;
	bool has_sq = false, dq_ok = true;
	for (size_t i = 0; i < len;) {
		size_t n = printable_len(p + i, len - i, utf8);
		if (n == 0) {
			if (escape || p[i] == '\n' || p[i] == '\r' || p[i] == '\t')
				need = true;
			dq_ok = false;
			i++;
			continue;
		}
		if (n == 1) {
			if (p[i] == '\'')
				has_sq = true;
			if (!dq_plain(p[i], i))
				dq_ok = false;
			if (shell_special(p[i], i, len == 1) || in_extra(o, p[i]))
				need = true;
		}
		i += n;
	}
	if (!need) {
		for (size_t i = 0; i < len; i++)
			put(s, (char)p[i]);
		return;
	}
	if (has_sq && dq_ok) {
		put(s, '"');
		for (size_t i = 0; i < len; i++)
			put(s, (char)p[i]);
		put(s, '"');
		return;
	}
	bool in_dollar = false;
	put(s, '\'');
	for (size_t i = 0; i < len;) {
		size_t n = escape ? printable_len(p + i, len - i, utf8) : 1;
		if (n == 0) {
			if (!in_dollar) {
				puts_(s, "'$'");
				in_dollar = true;
			}
			put_escape(s, p[i], false);
			i++;
			continue;
		}
		if (p[i] == '\'') {
			/* Its first quote also ends a $'...' segment. */
			puts_(s, "'\\''");
			in_dollar = false;
			i++;
			continue;
		}
		if (in_dollar) {
			puts_(s, "''");
			in_dollar = false;
		}
		for (size_t k = 0; k < n; k++)
			put(s, (char)p[i + k]);
		i += n;
	}
	put(s, '\'');
}

/* The backslash-escaping styles: c, c-maybe, escape, locale, clocale.
   LQ and RQ surround the result; RQ inside it gets a backslash. */
static void quote_backslash(struct sink *s, const unsigned char *p, size_t len, const char *lq, const char *rq,
			    const struct quote_opts *o, bool utf8)
{
	size_t rqlen = strlen(rq);
	puts_(s, lq);
	for (size_t i = 0; i < len;) {
		size_t n = printable_len(p + i, len - i, utf8);
		if (n == 0) {
			put_escape(s, p[i], i + 1 < len && p[i + 1] >= '0' && p[i + 1] <= '9');
			i++;
			continue;
		}
		if (rqlen && len - i >= rqlen && memcmp(p + i, rq, rqlen) == 0)
			put(s, '\\');
		else if (n == 1 && (p[i] == '\\' || in_extra(o, p[i])))
			put(s, '\\');
		for (size_t k = 0; k < n; k++)
			put(s, (char)p[i + k]);
		i += n;
	}
	puts_(s, rq);
}

static bool c_maybe_needed(const unsigned char *p, size_t len, const struct quote_opts *o, bool utf8)
{
	for (size_t i = 0; i < len;) {
		size_t n = printable_len(p + i, len - i, utf8);
		if (n == 0 || (n == 1 && (p[i] == '"' || in_extra(o, p[i]))))
			return true;
		i += n;
	}
	return false;
}

size_t quote_buf(char *dst, size_t size, const char *src, size_t len, const struct quote_opts *o)
{
	struct sink s = { dst, size, 0 };
	const unsigned char *p = (const unsigned char *)src;
	bool utf8 = sys_locale_utf8();

	switch (o->style) {
	case QUOTE_LITERAL:
		for (size_t i = 0; i < len; i++)
			put(&s, src[i]);
		break;
	case QUOTE_SHELL:
	case QUOTE_SHELL_ALWAYS:
	case QUOTE_SHELL_ESCAPE:
	case QUOTE_SHELL_ESCAPE_ALWAYS:
		quote_shell(&s, p, len, o->style == QUOTE_SHELL_ALWAYS || o->style == QUOTE_SHELL_ESCAPE_ALWAYS,
			    o->style == QUOTE_SHELL_ESCAPE || o->style == QUOTE_SHELL_ESCAPE_ALWAYS, o, utf8);
		break;
	case QUOTE_C:
		quote_backslash(&s, p, len, "\"", "\"", o, utf8);
		break;
	case QUOTE_C_MAYBE:
		if (c_maybe_needed(p, len, o, utf8)) {
			static const struct quote_opts plain = { .style = QUOTE_C };
			quote_backslash(&s, p, len, "\"", "\"", &plain, utf8);
		} else {
			for (size_t i = 0; i < len; i++)
				put(&s, src[i]);
		}
		break;
	case QUOTE_ESCAPE:
		quote_backslash(&s, p, len, "", "", o, utf8);
		break;
	case QUOTE_LOCALE:
	case QUOTE_CLOCALE:
		if (utf8)
			quote_backslash(&s, p, len, "\xe2\x80\x98", "\xe2\x80\x99", o, utf8);
		else if (o->style == QUOTE_LOCALE)
			quote_backslash(&s, p, len, "'", "'", o, utf8);
		else
			quote_backslash(&s, p, len, "\"", "\"", o, utf8);
		break;
	}
	if (size > 0)
		dst[s.len < size ? s.len : size - 1] = 0;
	return s.len;
}

char *quote_alloc(const char *src, size_t len, const struct quote_opts *o, size_t *outlen)
{
	char small[256];
	size_t n = quote_buf(small, sizeof small, src, len, o);
	char *r = xmalloc(n + 1);
	if (n < sizeof small)
		memcpy(r, small, n + 1);
	else
		quote_buf(r, n + 1, src, len, o);
	if (outlen)
		*outlen = n;
	return r;
}

enum { RING = 8 };
static char *ring[RING];
static int ring_next;

static const char *ring_store(char *s)
{
	free(ring[ring_next]);
	ring[ring_next] = s;
	ring_next = (ring_next + 1) % RING;
	return s;
}

const char *quote_mem(const char *s, size_t len)
{
	struct quote_opts o = { .style = QUOTE_LOCALE };
	return ring_store(quote_alloc(s, len, &o, NULL));
}

const char *quote(const char *s)
{
	return quote_mem(s, strlen(s));
}

const char *quotef(const char *s)
{
	struct quote_opts o = { .style = QUOTE_SHELL_ESCAPE };
	o.extra[':' / 32] |= 1u << (':' % 32);
	return ring_store(quote_alloc(s, strlen(s), &o, NULL));
}

const char *quoteaf(const char *s)
{
	struct quote_opts o = { .style = QUOTE_SHELL_ESCAPE_ALWAYS };
	return ring_store(quote_alloc(s, strlen(s), &o, NULL));
}

const char *quote_style_str(const char *s, enum quote_style style)
{
	struct quote_opts o = { .style = style };
	return ring_store(quote_alloc(s, strlen(s), &o, NULL));
}
