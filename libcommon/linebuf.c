/* Owned copies of input lines. */
#include "linebuf.h"

#include <stdlib.h>
#include <string.h>

#include "sys.h"
#include "xalloc.h"

int linebuf_read(struct linebuf *lb, struct in_rec *r, int delim)
{
	char *rec;
	size_t len;
	int rc = inrec_next(r, delim, &rec, &len);
	if (rc <= 0)
		return rc;
	if (len + 1 > lb->cap) {
		lb->cap = len + 1 > 64 ? (len + 1) * 2 : 128;
		free(lb->p);
		lb->p = xmalloc(lb->cap);
	}
	memcpy(lb->p, rec, len);
	if (rec[len - 1] != (char)delim)
		lb->p[len++] = (char)delim;
	lb->len = len;
	return 1;
}

void linebuf_free(struct linebuf *lb)
{
	free(lb->p);
	lb->p = NULL;
	lb->len = lb->cap = 0;
}

static struct in_rec *stdin_rec;

struct in_rec *inrec_open(const char *name)
{
	if (in_is_stdin(name)) {
		if (!stdin_rec) {
			stdin_rec = xmalloc(sizeof *stdin_rec);
			inrec_init(stdin_rec, 0);
		}
		return stdin_rec;
	}
	int fd = in_open(name);
	if (fd < 0)
		return NULL;
	sys_advise_sequential(fd);
	struct in_rec *r = xmalloc(sizeof *r);
	inrec_init(r, fd);
	return r;
}

bool inrec_is_stdin(const struct in_rec *r)
{
	return r == stdin_rec;
}

int inrec_close(struct in_rec *r)
{
	if (r == stdin_rec)
		return 0;
	int rc = sys_close(r->fd);
	inrec_free(r);
	free(r);
	return rc;
}
