/* GNU-style diagnostics on standard error. */
#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out.h"
#include "sys.h"

const char *diag_prog = "corebox";
const char *diag_util = "corebox";
int diag_fail_status = 1;
int diag_usage_status = 1;

void diag_set_prog(const char *display, const char *util)
{
	diag_prog = display;
	diag_util = util;
}

/* Messages are assembled in one buffer and written with one call, so
   concurrent writers do not interleave mid-line. */
struct msgbuf {
	char small[1024];
	char *p;
	size_t len, cap;
};

static void mb_add(struct msgbuf *m, const char *s, size_t n)
{
	if (m->len + n + 1 > m->cap) {
		size_t cap = (m->len + n + 1) * 2;
		char *np = malloc(cap);
		if (!np)
			return;
		memcpy(np, m->p, m->len);
		if (m->p != m->small)
			free(m->p);
		m->p = np;
		m->cap = cap;
	}
	memcpy(m->p + m->len, s, n);
	m->len += n;
}

static void mb_adds(struct msgbuf *m, const char *s)
{
	mb_add(m, s, strlen(s));
}

void diag_verror(int errnum, const char *fmt, va_list ap)
{
	out_flush_quiet();
	struct msgbuf m = { .p = NULL, .len = 0, .cap = sizeof m.small };
	m.p = m.small;
	mb_adds(&m, diag_prog);
	mb_adds(&m, ": ");
	char tmp[512];
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	if (n >= 0 && (size_t)n < sizeof tmp) {
		mb_add(&m, tmp, (size_t)n);
	} else if (n >= 0) {
		char *big = malloc((size_t)n + 1);
		if (big) {
			vsnprintf(big, (size_t)n + 1, fmt, ap2);
			mb_add(&m, big, (size_t)n);
			free(big);
		}
	}
	va_end(ap2);
	if (errnum) {
		mb_adds(&m, ": ");
		mb_adds(&m, sys_strerror(errnum));
	}
	mb_add(&m, "\n", 1);
	(void)sys_write_all(2, m.p, m.len);
	if (m.p != m.small)
		free(m.p);
}

void diag_error(int errnum, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_verror(errnum, fmt, ap);
	va_end(ap);
}

void diag_die(int status, int errnum, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_verror(errnum, fmt, ap);
	va_end(ap);
	exit(status);
}

void diag_try_help(void)
{
	out_flush_quiet();
	char buf[512];
	int n = snprintf(buf, sizeof buf, "Try '%s --help' for more information.\n", diag_prog);
	if (n > 0)
		(void)sys_write_all(2, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

void diag_usage_error(const char *fmt, ...)
{
	if (fmt) {
		va_list ap;
		va_start(ap, fmt);
		diag_verror(0, fmt, ap);
		va_end(ap);
	}
	diag_try_help();
	exit(diag_usage_status);
}
