/* Backslash escapes of echo -e, printf's FORMAT and printf %b. */
#include "escape.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

int esc_hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static bool is_octal(char c)
{
	return c >= '0' && c <= '7';
}

static void set_byte(struct esc *e, unsigned char c)
{
	e->buf[0] = (char)c;
	e->len = 1;
}

/* The character CODE as the locale shows it, or its \u / \U spelling. */
static void set_unicode(struct esc *e, uint32_t code, bool utf8)
{
	if (code < 0x80) {
		set_byte(e, (unsigned char)code);
		return;
	}
	if (utf8) {
		size_t n = utf8_encode(code, e->buf);
		if (n) {
			e->len = n;
			return;
		}
	}
	int n;
	if (code < 0x10000)
		n = snprintf(e->buf, sizeof e->buf, "\\u%04X", (unsigned)code);
	else
		n = snprintf(e->buf, sizeof e->buf, "\\U%08lX", (unsigned long)code);
	e->len = n > 0 ? (size_t)n : 0;
}

/* \uHHHH or \UHHHHHHHH, with P at the letter. Returns the bytes used
   after the backslash. */
static size_t decode_ucn(const char *p, bool utf8, struct esc *e)
{
	char letter = *p;
	int digits = letter == 'u' ? 4 : 8;
	uint32_t code = 0;
	size_t i = 1;
	for (int k = 0; k < digits; k++, i++) {
		int v = esc_hex_value(p[i]);
		if (v < 0) {
			e->status = ESC_NO_HEX;
			return i;
		}
		code = code * 16 + (uint32_t)v;
	}
	if (code >= 0xd800 && code <= 0xdfff) {
		e->status = ESC_BAD_UCN;
		e->letter = letter;
		e->code = code;
		return i;
	}
	set_unicode(e, code, utf8);
	return i;
}

/* An escape in tr's dialect, S at the backslash. */
static size_t decode_tr(const char *s, struct esc *e)
{
	static const char letters[] = "\\\\a\ab\bf\fn\nr\rt\tv\v";
	char c = s[1];
	if (c == 0) {
		set_byte(e, '\\');
		return 1;
	}
	if (is_octal(c)) {
		unsigned value = 0;
		size_t i = 1;
		while (i <= 3 && is_octal(s[i]) && value * 8 + (unsigned)(s[i] - '0') < 256)
			value = value * 8 + (unsigned)(s[i++] - '0');
		set_byte(e, (unsigned char)value);
		return i;
	}
	for (const char *l = letters; *l; l += 2)
		if (*l == c) {
			set_byte(e, (unsigned char)l[1]);
			return 2;
		}
	set_byte(e, (unsigned char)c);
	return 2;
}

size_t esc_decode(const char *s, int mode, struct esc *e)
{
	int dialect = mode & ESC_MODE_MASK;
	bool printf_like = dialect != ESC_ECHO;
	const char *p = s + 1;
	char c = *p;

	e->status = ESC_OK;
	e->len = 0;
	if (dialect == ESC_TR)
		return decode_tr(s, e);
	switch (c) {
	case 0:
		set_byte(e, '\\');
		return 1;
	case 'a': set_byte(e, '\a'); return 2;
	case 'b': set_byte(e, '\b'); return 2;
	case 'e': set_byte(e, 0x1b); return 2;
	case 'f': set_byte(e, '\f'); return 2;
	case 'n': set_byte(e, '\n'); return 2;
	case 'r': set_byte(e, '\r'); return 2;
	case 't': set_byte(e, '\t'); return 2;
	case 'v': set_byte(e, '\v'); return 2;
	case '\\': set_byte(e, '\\'); return 2;
	case 'c':
		e->status = ESC_STOP;
		return 2;
	case '"':
		if (!printf_like)
			break;
		set_byte(e, '"');
		return 2;
	case 'x': {
		int v = esc_hex_value(p[1]);
		if (v < 0) {
			if (printf_like) {
				e->status = ESC_NO_HEX;
				return 2;
			}
			break;
		}
		int w = esc_hex_value(p[2]);
		if (w < 0) {
			set_byte(e, (unsigned char)v);
			return 3;
		}
		set_byte(e, (unsigned char)(v * 16 + w));
		return 4;
	}
	case 'u':
	case 'U':
		if (!printf_like)
			break;
		return 1 + decode_ucn(p, mode & ESC_UTF8, e);
	default:
		if (!is_octal(c))
			break;
		/* Echo and %b write \0NNN: the leading 0 is not one of the
		   three digits. */
		if (c == '0' && dialect != ESC_FORMAT)
			p++;
		unsigned value = 0;
		for (int k = 0; k < 3 && is_octal(*p); k++, p++)
			value = value * 8 + (unsigned)(*p - '0');
		set_byte(e, (unsigned char)(value & 0xff));
		return (size_t)(p - s);
	}
	e->buf[0] = '\\';
	e->buf[1] = c;
	e->len = 2;
	return 2;
}

enum esc_status esc_string(const char *s, int mode, char *dst, size_t *dstlen, struct esc *e)
{
	size_t n = 0;
	for (;;) {
		const char *bs = strchr(s, '\\');
		size_t run = bs ? (size_t)(bs - s) : strlen(s);
		memcpy(dst + n, s, run);
		n += run;
		if (!bs)
			break;
		s = bs + esc_decode(bs, mode, e);
		if (e->status != ESC_OK) {
			*dstlen = n;
			return e->status;
		}
		memcpy(dst + n, e->buf, e->len);
		n += e->len;
	}
	*dstlen = n;
	e->status = ESC_OK;
	return ESC_OK;
}
