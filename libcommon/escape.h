/*
 * Backslash escapes as echo -e and printf interpret them.
 *
 * The three dialects differ in small ways:
 *   ESC_ECHO    echo -e: \0NNN (the 0 plus up to three octal digits) or
 *               \NNN starting with 1-7; \x with no hex digit and any other
 *               unknown escape stay as written; no \", \u or \U.
 *   ESC_FORMAT  printf's FORMAT: \NNN of up to three octal digits, a
 *               leading 0 included; \x needs a hex digit; \", \u, \U.
 *   ESC_ARG     printf %b: like ESC_FORMAT, but octal as in ESC_ECHO.
 *   ESC_TR      tr's strings: \\ \a \b \f \n \r \t \v, and \NNN of up to
 *               three octal digits, the third only when the value stays
 *               below \400; any other escaped character stands for itself.
 * The first three know \\ \a \b \c \e \f \n \r \t \v. \uHHHH and \UHHHHHHHH
 * take exactly 4 and 8 hex digits and produce the character in UTF-8
 * when ESC_UTF8 is given; a character that cannot be shown in the
 * locale's encoding (or above U+10FFFF) is written as \uHHHH or
 * \UHHHHHHHH in upper case instead.
 */
#ifndef COREBOX_ESCAPE_H
#define COREBOX_ESCAPE_H

#include <stddef.h>
#include <stdint.h>

enum esc_mode {
	ESC_ECHO = 0,
	ESC_FORMAT = 1,
	ESC_ARG = 2,
	ESC_TR = 3,
	ESC_MODE_MASK = 3,
	ESC_UTF8 = 4,       /* flag: the locale's encoding is UTF-8 */
};

enum esc_status {
	ESC_OK,
	ESC_STOP,     /* \c: no further output at all */
	ESC_NO_HEX,   /* \x, \u or \U without the hex digits it needs */
	ESC_BAD_UCN,  /* \u or \U naming a surrogate (D800-DFFF) */
};

struct esc {
	enum esc_status status;
	size_t len;        /* bytes of buf that the escape stands for */
	char buf[12];
	char letter;       /* ESC_BAD_UCN: 'u' or 'U' */
	uint32_t code;     /* ESC_BAD_UCN: the value named */
};

/* Decode the escape that starts with the backslash at S[0] in dialect
   MODE (an esc_mode, optionally | ESC_UTF8). Fills E and returns how many
   bytes of S the escape spans (at least 1). S is NUL-terminated. */
size_t esc_decode(const char *s, int mode, struct esc *e);

/* The value of hexadecimal digit C, or -1. */
int esc_hex_value(char c);

/* Decode all of the NUL-terminated S into DST, which needs room for
   strlen(S) bytes (no escape is longer than what it stands for); *DSTLEN
   gets the number of bytes stored. Stops at the first \c or error and
   returns its status (E describes it), with DST holding what came
   before; ESC_OK at the end of S. */
enum esc_status esc_string(const char *s, int mode, char *dst, size_t *dstlen, struct esc *e);

#endif
