/* Block and record input. */
#include "in.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sys.h"
#include "xalloc.h"

bool in_is_stdin(const char *name)
{
	return name[0] == '-' && name[1] == 0;
}

int in_open(const char *name)
{
	if (in_is_stdin(name))
		return 0;
	return sys_open(name, SYS_O_RDONLY, 0);
}

int in_close(int fd)
{
	return fd == 0 ? 0 : sys_close(fd);
}

void inrec_init(struct in_rec *r, int fd)
{
	r->fd = fd;
	r->cap = IN_BUFSIZE;
	r->buf = xmalloc(r->cap);
	r->start = r->end = 0;
	r->eof = false;
}

int inrec_next(struct in_rec *r, int delim, char **rec, size_t *len)
{
	size_t scanned = r->start;
	for (;;) {
		char *hit = memchr(r->buf + scanned, delim, r->end - scanned);
		if (hit) {
			*rec = r->buf + r->start;
			*len = (size_t)(hit + 1 - *rec);
			r->start += *len;
			return 1;
		}
		if (r->eof) {
			if (r->start == r->end)
				return 0;
			*rec = r->buf + r->start;
			*len = r->end - r->start;
			r->start = r->end;
			return 1;
		}
		scanned = r->end;
		/* Make room: slide the partial record to the front, or grow. */
		if (r->start > 0) {
			memmove(r->buf, r->buf + r->start, r->end - r->start);
			scanned -= r->start;
			r->end -= r->start;
			r->start = 0;
		}
		if (r->end == r->cap)
			r->buf = xgrow(r->buf, &r->cap, 1);
		sys_ssize n = sys_read(r->fd, r->buf + r->end, r->cap - r->end);
		if (n < 0)
			return -1;
		if (n == 0)
			r->eof = true;
		r->end += (size_t)n;
	}
}

void inrec_free(struct in_rec *r)
{
	free(r->buf);
	r->buf = NULL;
}

char *in_read_all(int fd, size_t *len)
{
	size_t cap = IN_BUFSIZE, n = 0;
	char *buf = xmalloc(cap);
	for (;;) {
		if (cap - n < IN_BUFSIZE / 2)
			buf = xgrow(buf, &cap, 1);
		sys_ssize r = sys_read(fd, buf + n, cap - n - 1);
		if (r < 0) {
			int err = errno;
			free(buf);
			errno = err;
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	buf[n] = 0;
	*len = n;
	return buf;
}
