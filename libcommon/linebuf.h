/*
 * Lines kept past the next read: comm, join and uniq compare a line with
 * the one before it, so each line is copied out of the reader's buffer.
 */
#ifndef COREBOX_LINEBUF_H
#define COREBOX_LINEBUF_H

#include <stdbool.h>
#include <stddef.h>

#include "in.h"

struct linebuf {
	char *p;
	size_t len;   /* with the delimiter */
	size_t cap;
};

/* Read R's next record into LB, adding DELIM when the input's last
   record lacks it, so that LB->len >= 1 and LB->p[LB->len - 1] == DELIM.
   Returns 1, 0 at the end of input, or -1 with errno after a read error. */
int linebuf_read(struct linebuf *lb, struct in_rec *r, int delim);
void linebuf_free(struct linebuf *lb);

/* A record reader for NAME, hinted for sequential reading. Every "-"
   gets the same reader of standard input, so that they take turns at its
   lines as GNU's utilities sharing stdin do. NULL with errno when NAME
   cannot be opened. */
struct in_rec *inrec_open(const char *name);
/* True for the shared reader of standard input. */
bool inrec_is_stdin(const struct in_rec *r);
/* Free a reader from inrec_open() and close its file (standard input
   stays open); sys_close's result. */
int inrec_close(struct in_rec *r);

#endif
