/*
 * Input: opening operands ("-" is standard input), reading in large
 * blocks, and splitting input into records of any length separated by
 * '\n' or '\0'.
 */
#ifndef COREBOX_IN_H
#define COREBOX_IN_H

#include <stdbool.h>
#include <stddef.h>

enum { IN_BUFSIZE = 128 * 1024 };

/* Open NAME for reading ("-": standard input, fd 0). -1 with errno. */
int in_open(const char *name);
/* Close FD unless it is standard input. Returns sys_close's result. */
int in_close(int fd);
/* True when NAME means standard input. */
bool in_is_stdin(const char *name);

struct in_rec {
	int fd;
	char *buf;
	size_t cap, start, end;
	bool eof;
};

void inrec_init(struct in_rec *r, int fd);
/* The next record, ending with DELIM unless it is the last record of input
   and has none: *REC points into the reader's buffer (valid until the
   next call) and *LEN counts the delimiter. Returns 1, 0 at end of input,
   or -1 on a read error (errno). */
int inrec_next(struct in_rec *r, int delim, char **rec, size_t *len);
void inrec_free(struct in_rec *r);

/* All that remains to be read from FD (malloc'd, NUL-terminated; *LEN
   its length), or NULL with errno after a read error. */
char *in_read_all(int fd, size_t *len);

#endif
