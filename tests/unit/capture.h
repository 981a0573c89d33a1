/* Test helper: send file descriptor 1 (and optionally 2) to a temporary
   file and read back what was written there (out.c's buffer is flushed
   first). */
#ifndef COREBOX_TEST_CAPTURE_H
#define COREBOX_TEST_CAPTURE_H

#include <stdio.h>
#include <stdlib.h>

#include "out.h"
#include "sys.h"

struct capture {
	char path[64];
	int saved, saved2;
};

static inline void capture_start(struct capture *c, const char *tag)
{
	c->saved2 = -1;
	snprintf(c->path, sizeof c->path, "capture-%s-%d.tmp", tag, sys_getpid());
	int fd = sys_open(c->path, SYS_O_WRONLY | SYS_O_CREAT | SYS_O_TRUNC, 0600);
	if (fd < 0) {
		perror(c->path);
		abort();
	}
	c->saved = sys_dup(1);
	if (c->saved < 0 || sys_dup2(fd, 1) < 0)
		abort();
	sys_close(fd);
}

/* Capture standard error into the same file too. */
static inline void capture_start_both(struct capture *c, const char *tag)
{
	capture_start(c, tag);
	c->saved2 = sys_dup(2);
	if (c->saved2 < 0 || sys_dup2(1, 2) < 0)
		abort();
}

/* Stop capturing; the bytes written (malloc'd, NUL-terminated), length
   in *LEN when LEN is not NULL. */
static inline char *capture_end(struct capture *c, size_t *len)
{
	out_flush_quiet();
	sys_dup2(c->saved, 1);
	sys_close(c->saved);
	if (c->saved2 >= 0) {
		sys_dup2(c->saved2, 2);
		sys_close(c->saved2);
	}
	int fd = sys_open(c->path, SYS_O_RDONLY, 0);
	if (fd < 0)
		abort();
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap + 1);
	for (;;) {
		if (n == cap) {
			cap *= 2;
			buf = realloc(buf, cap + 1);
		}
		sys_ssize r = sys_read(fd, buf + n, cap - n);
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	sys_close(fd);
	sys_unlink(c->path);
	buf[n] = 0;
	if (len)
		*len = n;
	return buf;
}

#endif
