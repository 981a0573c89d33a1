/*
 * Keeping the last N lines or bytes of a stream whose length is not known
 * in advance (a pipe): head -n -N / -c -N print everything before them,
 * tail -n N / -c N prints them. Input is read into a chain of large
 * chunks; a chunk that can no longer hold any of the last N units is
 * handed to a spill function (or dropped) and reused, so memory stays
 * near the size of the last N units and nothing is allocated up front.
 * A seekable file is searched backwards from its end instead.
 */
#ifndef COREBOX_LASTN_H
#define COREBOX_LASTN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct lastn_chunk;

/* Where data goes: out_write fits. */
typedef void lastn_sink(const void *p, size_t len);

struct lastn {
	uintmax_t n;      /* units to keep */
	int delim;        /* line delimiter, or -1 to count bytes */
	struct lastn_chunk *first, *last, *spare;
	uintmax_t units;  /* delimiters (or bytes) in the chain */
	char lastbyte;
	bool any;         /* some input was read */
};

void lastn_init(struct lastn *q, uintmax_t n, int delim);
/* Read FD to its end, passing data that cannot be among the last N units
   to SPILL (dropped when NULL). Returns 0 at end of input, or -1 with
   errno after a failed read (what was read before is kept). *NREAD, when
   not NULL, is increased by the bytes read. */
int lastn_read(struct lastn *q, int fd, lastn_sink *spill, uintmax_t *nread);
/* At the end: the kept data before the last N units goes to BEFORE, the
   last N units to AFTER (either may be NULL). A last line without a
   delimiter counts as a line. */
void lastn_finish(struct lastn *q, lastn_sink *before, lastn_sink *after);
void lastn_free(struct lastn *q);

/* The seekable counterpart: where the last N lines (N > 0) of the part
   [START, END) of FD begin, read backwards into BUF (SIZE bytes) in
   blocks that grow from small to SIZE; START when that
   part has no more than N lines. A delimiter at END - 1 ends the last
   line. Returns 0 with *CUT set; -1 with errno after a failed read; -2
   with errno after a failed seek, *CUT then holding the offset that
   could not be reached. FD's offset is left anywhere. */
int lastn_find_lines(int fd, int64_t start, int64_t end, uintmax_t n, int delim,
		     char *buf, size_t size, int64_t *cut);

#endif
