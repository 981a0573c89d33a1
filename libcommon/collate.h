/*
 * Comparing text the way the locale orders it (comm, join). In the C and
 * POSIX locales (and their codeset variants such as C.UTF-8) that is byte
 * order, decided without any library. Elsewhere it is ICU's collation
 * for the locale (lib_icu.h, loaded on the first comparison), with
 * variable characters (spaces, punctuation, symbols) shifted to the last
 * level as in ISO 14651 and glibc. Without ICU the system's own
 * collation answers: strcoll() on POSIX, CompareStringEx on Windows
 * (sys_strcoll()). Either way, two strings that collate alike but differ
 * in bytes (with ICU invalid UTF-8 reads as U+FFFD and some controls are
 * ignored) are ordered by their bytes, as GNU sort's last resort does:
 * only equal bytes are equal.
 */
#ifndef COREBOX_COLLATE_H
#define COREBOX_COLLATE_H

#include <stdbool.h>
#include <stddef.h>

/* True when the collation locale is neither C nor POSIX (nor C.UTF-8...),
   so that byte order is not the locale's order. */
bool text_collate_hard(void);
/* Compare A[0..ALEN) with B[0..BLEN) in the locale's order (NUL bytes
   inside the strings allowed: the pieces between them are compared in
   turn): <0, 0 or >0. */
int text_collate(const char *a, size_t alen, const char *b, size_t blen);
/* Compare A[0..ALEN) with B[0..BLEN) as bytes, a prefix first. */
int text_memcmp(const char *a, size_t alen, const char *b, size_t blen);
/* Compare N bytes ignoring case (the locale's toupper on each byte). */
int text_casecmp(const char *a, const char *b, size_t n);
/* The language and territory of the POSIX or Windows locale NAME
   ("en_US.UTF-8", "de_DE@euro", "en-US") joined by SEP ("en_US" for ICU
   with '_', "en-US" for Windows with '-'): codeset and modifier dropped.
   False when NAME is empty, holds other characters than letters, digits,
   '_' and '-' before them, or does not fit in SIZE bytes. */
bool collate_locale_name(const char *name, char sep, char *buf, size_t size);

#endif
