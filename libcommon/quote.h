/*
 * GNU's quoting styles, for file names and values in messages and for
 * utilities that print names (ls, printf %q ...).
 *
 * The style decides the quote characters, whether quotes appear only when
 * needed, and how characters that cannot be shown as they are (control
 * characters, bytes that are not valid in the locale's encoding) are
 * written: as \ooo / \n escapes, or $'...' segments in the shell-escape
 * styles. In a UTF-8 locale printable multibyte characters pass through.
 */
#ifndef COREBOX_QUOTE_H
#define COREBOX_QUOTE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum quote_style {
	QUOTE_LITERAL,
	QUOTE_SHELL,
	QUOTE_SHELL_ALWAYS,
	QUOTE_SHELL_ESCAPE,
	QUOTE_SHELL_ESCAPE_ALWAYS,
	QUOTE_C,
	QUOTE_C_MAYBE,
	QUOTE_ESCAPE,  /* GNU ls also escapes ' ': it adds it to extra */
	QUOTE_LOCALE,
	QUOTE_CLOCALE,
};

struct quote_opts {
	enum quote_style style;
	/* Also quote/escape these ASCII characters (bit per character). */
	uint32_t extra[4];
};

/* The style named NAME ("shell-escape" ...), or -1 when unknown. */
int quote_style_from_name(const char *name);
const char *quote_style_name(enum quote_style style);

/* Quote LEN bytes of SRC into DST (at most SIZE bytes, NUL-terminated when
   SIZE > 0). Returns the length the full result has, as snprintf does. */
size_t quote_buf(char *dst, size_t size, const char *src, size_t len, const struct quote_opts *o);
/* The quoted form of SRC (malloc'd); *OUTLEN gets its length if not NULL. */
char *quote_alloc(const char *src, size_t len, const struct quote_opts *o, size_t *outlen);

/* For messages. Each returns a buffer from a small ring, so up to eight
   results can be used in one message.
   quote():   a value: 'x' (‘x’ in a UTF-8 locale), the locale style.
   quotef():  a file name leading a message ("PROG: NAME: error"): shell
              escape quoting, only when needed, ':' also quoted.
   quoteaf(): a file name inside a sentence: always shell-escape quoted. */
const char *quote(const char *s);
const char *quote_mem(const char *s, size_t len);
const char *quotef(const char *s);
const char *quoteaf(const char *s);
const char *quote_style_str(const char *s, enum quote_style style);

#endif
