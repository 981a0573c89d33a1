/* Buffered standard output with a checked close. */
#include "out.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "startup.h"
#include "sys.h"

static char buf[OUT_BUFSIZE];
/* out_write_block() writes blocks this big directly. */
enum { OUT_BLOCK_DIRECT = 4096 };
/* Read by out_atexit() when every program exits. */
STARTUP_DATA static size_t used;
STARTUP_DATA static bool unbuffered;
STARTUP_DATA static int saved_errno; /* first write error, 0 if none */

static bool push(const void *p, size_t n)
{
	if (saved_errno)
		return false;
	if (sys_write_all(1, p, n) < 0) {
		saved_errno = errno ? errno : EIO;
		return false;
	}
	return true;
}

void out_write_error(int errnum)
{
	diag_error(errnum, "write error");
	sys_exit_now(diag_fail_status);
}

void out_flush_quiet(void)
{
	if (used) {
		size_t n = used;
		used = 0;
		push(buf, n);
	}
}

void out_flush(void)
{
	out_flush_quiet();
	if (saved_errno)
		out_write_error(saved_errno);
}

void out_write(const void *p, size_t n)
{
	if (n <= sizeof buf - used) {
		memcpy(buf + used, p, n);
		used += n;
		if (unbuffered)
			out_flush();
		return;
	}
	out_flush();
	if (n >= sizeof buf / 2) {
		if (!push(p, n))
			out_write_error(saved_errno);
		return;
	}
	memcpy(buf, p, n);
	used = n;
	if (unbuffered)
		out_flush();
}

void out_puts(const char *s)
{
	out_write(s, strlen(s));
}

void out_putc(char c)
{
	if (used >= sizeof buf)
		out_flush();
	buf[used++] = c;
	if (unbuffered)
		out_flush();
}

void out_printf(const char *fmt, ...)
{
	char small[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof small) {
		out_write(small, (size_t)n);
		return;
	}
	char *big = malloc((size_t)n + 1);
	if (!big)
		diag_die(diag_fail_status, 0, "memory exhausted");
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	out_write(big, (size_t)n);
	free(big);
}

void out_set_unbuffered(bool on)
{
	unbuffered = on;
	if (on)
		out_flush();
}

bool out_failed(void)
{
	return saved_errno != 0;
}

void out_atexit(void)
{
	out_flush_quiet();
	if (saved_errno) {
		diag_error(saved_errno, "write error");
		sys_exit_now(diag_fail_status);
	}
}

void out_write_block(const void *p, size_t n)
{
	out_flush_quiet();
	if (!saved_errno) {
		if (n < OUT_BLOCK_DIRECT) {
			out_write(p, n);
			return;
		}
		/* Copying a big block would touch as many fresh pages of the
		   buffer, and a page fault costs more than a write. */
		if (push(p, n))
			return;
	}
	diag_error(saved_errno, "error writing 'standard output'");
	sys_exit_now(diag_fail_status);
}
