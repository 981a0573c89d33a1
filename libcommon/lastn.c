/* The last N units of a stream, kept in a chain of chunks. */
#include "lastn.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ioramp.h"
#include "memcount.h"
#include "memscan.h"
#include "sys.h"
#include "xalloc.h"

enum {
	CHUNK_SIZE = 64 * 1024,
	MIN_READ = 8 * 1024, /* read into the last chunk while this much is free */
};

struct lastn_chunk {
	struct lastn_chunk *next;
	size_t len;
	uintmax_t units;
	char data[CHUNK_SIZE];
};

void lastn_init(struct lastn *q, uintmax_t n, int delim)
{
	memset(q, 0, sizeof *q);
	q->n = n;
	q->delim = delim;
}

static struct lastn_chunk *new_chunk(struct lastn *q)
{
	struct lastn_chunk *c = q->spare;
	if (c)
		q->spare = NULL;
	else
		c = xmalloc(sizeof *c);
	c->next = NULL;
	c->len = 0;
	c->units = 0;
	return c;
}

/* True when the chunks after the first hold all of the last N units. */
static bool first_is_surplus(const struct lastn *q)
{
	if (q->first == q->last)
		return false;
	uintmax_t rest = q->units - q->first->units;
	/* With lines, the delimiter before the last N lines must be in the rest. */
	return q->delim < 0 ? rest >= q->n : rest > q->n;
}

int lastn_read(struct lastn *q, int fd, lastn_sink *spill, uintmax_t *nread)
{
	for (;;) {
		if (!q->last)
			q->first = q->last = new_chunk(q);
		else if (CHUNK_SIZE - q->last->len < MIN_READ)
			q->last = q->last->next = new_chunk(q);
		struct lastn_chunk *c = q->last;
		sys_ssize got = sys_read(fd, c->data + c->len, CHUNK_SIZE - c->len);
		if (got < 0)
			return -1;
		if (got == 0)
			return 0;
		size_t len = (size_t)got;
		if (nread)
			*nread += len;
		uintmax_t units = q->delim < 0 ? len : mem_count(c->data + c->len, len, (unsigned char)q->delim);
		c->len += len;
		c->units += units;
		q->units += units;
		q->lastbyte = c->data[c->len - 1];
		q->any = true;
		while (first_is_surplus(q)) {
			struct lastn_chunk *old = q->first;
			q->first = old->next;
			q->units -= old->units;
			if (spill)
				spill(old->data, old->len);
			if (q->spare)
				free(old);
			else
				q->spare = old;
		}
	}
}

void lastn_finish(struct lastn *q, lastn_sink *before, lastn_sink *after)
{
	if (!q->any)
		return;
	uintmax_t total = q->units;
	if (q->delim >= 0 && q->lastbyte != (char)q->delim)
		total++;
	uintmax_t skip = total > q->n ? total - q->n : 0;
	struct lastn_chunk *c = q->first;
	for (; c && skip; c = c->next) {
		if (q->delim < 0 ? skip >= c->len : skip > c->units) {
			if (before)
				before(c->data, c->len);
			skip -= q->delim < 0 ? c->len : c->units;
			continue;
		}
		size_t cut;
		if (q->delim < 0) {
			cut = (size_t)skip;
		} else {
			const char *p = c->data, *end = c->data + c->len;
			while (skip--)
				p = (const char *)memchr(p, q->delim, (size_t)(end - p)) + 1;
			cut = (size_t)(p - c->data);
		}
		if (before)
			before(c->data, cut);
		if (after)
			after(c->data + cut, c->len - cut);
		skip = 0;
		c = c->next;
		break;
	}
	for (; c && after; c = c->next)
		after(c->data, c->len);
}

void lastn_free(struct lastn *q)
{
	struct lastn_chunk *c = q->first;
	while (c) {
		struct lastn_chunk *next = c->next;
		free(c);
		c = next;
	}
	free(q->spare);
	q->first = q->last = q->spare = NULL;
}

/* Read until LEN bytes or the end of input. */
static sys_ssize read_full(int fd, char *buf, size_t len)
{
	size_t got = 0;
	while (got < len) {
		sys_ssize r = sys_read(fd, buf + got, len - got);
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (sys_ssize)got;
}

int lastn_find_lines(int fd, int64_t start, int64_t end, uintmax_t n, int delim,
		     char *buf, size_t size, int64_t *cut)
{
	bool last_block = true;
	int ret = 0;
	uintmax_t scanned = 0;
	*cut = start;
	while (end > start) {
		/* Small blocks first (a small N reads little), aligned on START:
		   a block is short only where the size changes. */
		size_t len = io_ramp(scanned, size);
		if ((end - start) % (int64_t)len)
			len = (size_t)((end - start) % (int64_t)len);
		int64_t at = end - (int64_t)len;
		if (sys_lseek(fd, at, SYS_SEEK_SET) < 0) {
			*cut = at;
			ret = -2;
			break;
		}
		sys_ssize got = read_full(fd, buf, len);
		if (got < 0) {
			ret = -1;
			break;
		}
		size_t scan = (size_t)got;
		if (last_block && scan && buf[scan - 1] == (char)delim)
			scan--;
		last_block = false;
		const char *hit;
		while ((hit = mem_rchr(buf, delim, scan))) {
			if (--n == 0) {
				*cut = at + (hit - buf) + 1;
				return 0;
			}
			scan = (size_t)(hit - buf);
		}
		end = at;
		scanned += (uintmax_t)got;
	}
	return ret;
}
