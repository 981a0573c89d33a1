/*
 * Comparing text the way the locale orders it (comm, join). In the C and
 * POSIX locales that is byte order; elsewhere it is, for now, the C
 * library's strcoll() (ICU collation is to come).
 */
#ifndef COREBOX_COLLATE_H
#define COREBOX_COLLATE_H

#include <stdbool.h>
#include <stddef.h>

/* True when LC_COLLATE is neither C nor POSIX, so that byte order is not
   the locale's order. */
bool text_collate_hard(void);
/* Compare A[0..ALEN) with B[0..BLEN) in the locale's order (NUL bytes
   inside the strings allowed): <0, 0 or >0. */
int text_collate(const char *a, size_t alen, const char *b, size_t blen);
/* Compare A[0..ALEN) with B[0..BLEN) as bytes, a prefix first. */
int text_memcmp(const char *a, size_t alen, const char *b, size_t blen);
/* Compare N bytes ignoring case (the locale's toupper on each byte). */
int text_casecmp(const char *a, const char *b, size_t n);

#endif
