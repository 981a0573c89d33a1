/* Allocation that cannot fail: on exhaustion the program ends with GNU's
   "memory exhausted" message. */
#ifndef COREBOX_XALLOC_H
#define COREBOX_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array of N elements of SIZE bytes to at least N+1 elements,
   doubling; updates *N to the new capacity. */
void *xgrow(void *p, size_t *n, size_t size);
char *xstrdup(const char *s);
char *xmemdup(const void *p, size_t n);
/* A malloc'd string made from the printf-style FMT. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
