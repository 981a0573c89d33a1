/*
 * Whole-file input in large blocks, for filters that keep their own
 * state from block to block (expand, unexpand, fold ...).
 */
#ifndef COREBOX_FEED_H
#define COREBOX_FEED_H

#include <stdbool.h>
#include <stddef.h>

typedef void (*feed_fn)(void *ctx, const char *buf, size_t len);

/* Read NAME ("-": standard input) to its end, handing each block read to
   FN, then calling FN with (NULL, 0) once when the data ends. An open or
   read error is reported as "PROG: NAME: reason" (a read error after that
   last call) and makes the result false. */
bool feed_file(const char *name, feed_fn fn, void *ctx);

#endif
