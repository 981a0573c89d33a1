/*
 * tail: what its parts share. tail.c reads the command line and prints
 * the last part of each file (last.c does the reading); follow.c keeps
 * printing what is appended with -f / -F.
 */
#ifndef COREBOX_TAIL_H
#define COREBOX_TAIL_H

#include "common.h"

enum { TAIL_BUFSIZE = 64 * 1024 };

struct tail_options {
	bool lines;         /* count lines, not bytes */
	bool from_start;    /* +NUM: start at that unit instead of the end */
	bool forever;       /* -f, -F */
	bool by_name;       /* --follow=name */
	bool retry;         /* --retry */
	bool headers;       /* print "==> NAME <==" headers */
	bool presume_pipe;  /* ---presume-input-pipe: never seek */
	bool no_watch;      /* ---disable-inotify: always poll */
	bool debug;         /* --debug */
	char delim;         /* line delimiter */
	intmax_t max_unchanged; /* --max-unchanged-stats */
	long double sleep;  /* -s, in seconds */
	int *pids;          /* --pid values still alive */
	size_t npids;
	bool pids_given;
};

extern struct tail_options tail_opt;

/* One FILE operand, while following. */
struct tail_file {
	const char *name;      /* the operand; "-" is standard input */
	const char *pretty;    /* the name shown: "standard input" for "-" */
	int fd;                /* -1 when not open */
	int errnum;            /* 0 when fine, else the last errno, or -1 */
	bool ignore;           /* never look at this name again */
	bool tailable;         /* exists, readable, and of a tailable type */
	int blocking;          /* 1 blocking reads, 0 non-blocking, -1 unknown */
	uint32_t mode;
	uint64_t dev, ino;
	struct sys_time mtime;
	sys_off pos;           /* read offset of a regular file */
	intmax_t unchanged;    /* polls in a row that saw no change */
	int watch, dir_watch;  /* change notification ids, -1 for none */
	char *dir;             /* the watched parent directory (malloc'd) */
	uint64_t dir_dev, dir_ino;
};

/* tail.c */
/* Open NAME for reading on a descriptor above the standard ones (as GNU's
   open_safer does), so that a closed standard output is not taken over.
   NONBLOCK: do not wait for a FIFO's writer. */
int tail_open(const char *name, bool nonblock);

/* last.c */
void tail_header(const char *pretty);
/* Copy FD from its offset to the output: at most MAX bytes, at most one
   read with ONE_READ. HEADER (when not NULL) is printed before the first
   byte. A read error other than EAGAIN ends the program. Returns the
   number of bytes copied. */
uintmax_t tail_copy(const char *pretty, int fd, uintmax_t max, bool one_read, const char *header);
/* Print the last (or, with +NUM, all but the first) N units of FD, whose
   status is ST. *POS gets the offset reached, or -1 when unknown.
   Returns 0, or the errno of a failure that was reported. */
int tail_last(const char *pretty, int fd, const struct sys_stat *st, uintmax_t n, sys_off *pos);
/* True for the types of file whose end can be followed. */
bool tail_followable(uint32_t mode);

/* follow.c */
/* Note that F is open on FD at offset POS (-1: ask), with status ST. */
void tail_record_open(struct tail_file *f, int fd, sys_off pos, const struct sys_stat *st, int blocking);
/* Follow the N files of F after their initial output (OK: all of it went
   well). Returns the exit status when following ends. */
int tail_follow(struct tail_file *f, int n, bool ok);

#endif
