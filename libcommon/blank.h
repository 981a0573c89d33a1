/*
 * Blank characters as the locale sees them, for utilities that split
 * lines into blank-separated fields (join, uniq, numfmt): space and TAB
 * in every locale, and in a UTF-8 locale also the other characters
 * glibc's iswblank() accepts (U+1680, U+2000..U+2006, U+2008..U+200A,
 * U+205F, U+3000). No-break spaces are not blanks.
 */
#ifndef COREBOX_BLANK_H
#define COREBOX_BLANK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Read the locale once (call after the locale is set; cheap to repeat). */
void blank_init(void);
/* The length of the blank character (or newline) at P, which is before
   END; 0 when P holds something else. */
size_t blank_len(const char *p, const char *end);
/* The first byte from P on that is not a blank or newline (END if none). */
const char *blank_skip(const char *p, const char *end);
/* The first blank or newline from P on (END if none). */
const char *blank_skip_non(const char *p, const char *end);
/* The length of the character at P in the locale: 1 in a single-byte
   locale or for a byte that starts no valid UTF-8 sequence. */
size_t blank_char_len(const char *p, const char *end);
/* True for the no-break spaces U+00A0, U+2007, U+202F and U+2060. */
bool blank_is_nbsp(uint32_t cp);
/* True when CP is a blank (in the UTF-8 sense above). */
bool blank_is_blank(uint32_t cp);

#endif
