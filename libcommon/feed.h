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
   FN, then calling FN with a LEN of 0 once when the data ends. An open or
   read error is reported as "PROG: NAME: reason" (a read error after that
   last call) and makes the result false. */
bool feed_file(const char *name, feed_fn fn, void *ctx);
/* feed_file() for each of the N names in NAMES, or for "-" when N is 0.
   False when any of them failed. */
bool feed_files(char **names, int n, feed_fn fn, void *ctx);

/* After the last feed_file(): when standard input was read, close it, and
   end the program with "PROG: WHAT: reason" (status 1) if that fails, as
   GNU's filters do. */
void feed_close_stdin(const char *what);

/* Write the bytes from P up to END, stopping after the first newline.
   Returns where it stopped; *NEWLINE tells whether a newline ended it. */
const char *feed_copy_line(const char *p, const char *end, bool *newline);

#endif
