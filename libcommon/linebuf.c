/* Owned copies of input lines. */
#include "linebuf.h"

#include <stdlib.h>
#include <string.h>

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
