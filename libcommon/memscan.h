/*
 * Searching a buffer backwards for a byte: memrchr, which is a GNU
 * extension and missing from some C libraries, word at a time.
 */
#ifndef COREBOX_MEMSCAN_H
#define COREBOX_MEMSCAN_H

#include <stddef.h>

/* The last of the N bytes at P that equals C, or NULL (like memrchr). */
void *mem_rchr(const void *p, int c, size_t n);

#endif
