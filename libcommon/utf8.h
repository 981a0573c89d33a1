/* UTF-8 decoding and character classes that do not depend on the C
   library's locale tables (msvcrt has none for UTF-8). */
#ifndef COREBOX_UTF8_H
#define COREBOX_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decode one character at S (LEN bytes available). Returns its length, or
   0 when the bytes are not a valid, complete, shortest-form sequence. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encode CP into BUF (4 bytes); returns the length, 0 if CP is invalid. */
size_t utf8_encode(uint32_t cp, char *buf);
/* The length of the valid but unfinished UTF-8 sequence that ends
   P[0..N) (0 if none): the bytes a following block may complete. */
size_t utf8_partial_tail(const char *p, size_t n);
/* True for characters that are shown as themselves: assigned, and not
   controls or line/paragraph separators (glibc's iswprint in C.UTF-8). */
bool utf8_isprint(uint32_t cp);
/* True for white space characters (Unicode White_Space). */
bool utf8_isspace(uint32_t cp);
/* True for horizontal white space: white space other than line ends and
   vertical motion (glibc's iswblank in C.UTF-8). */
bool utf8_isblank(uint32_t cp);
/* Number of columns CP takes on a terminal: 0, 1 or 2; -1 when it is not
   printable (glibc's wcwidth in C.UTF-8). */
int utf8_width(uint32_t cp);

#endif
