/* Whole-file block input. */
#include "feed.h"

#include <errno.h>
#include <string.h>

#include "diag.h"
#include "in.h"
#include "out.h"
#include "quote.h"
#include "sys.h"

static bool stdin_read;

bool feed_file(const char *name, feed_fn fn, void *ctx)
{
	static char buf[IN_BUFSIZE];
	int fd = in_open(name);
	stdin_read |= fd == 0;
	if (fd < 0) {
		diag_error(errno, "%s", quotef(name));
		return false;
	}
	sys_advise_sequential(fd);
	int err = 0;
	for (;;) {
		sys_ssize n = sys_read(fd, buf, sizeof buf);
		if (n < 0)
			err = errno;
		if (n <= 0)
			break;
		fn(ctx, buf, (size_t)n);
	}
	fn(ctx, buf, 0);
	if (in_close(fd) < 0 && !err)
		err = errno;
	if (err)
		diag_error(err, "%s", quotef(name));
	return !err;
}

bool feed_files(char **names, int n, feed_fn fn, void *ctx)
{
	if (n == 0)
		return feed_file("-", fn, ctx);
	bool ok = true;
	for (int i = 0; i < n; i++)
		ok &= feed_file(names[i], fn, ctx);
	return ok;
}

const char *feed_copy_line(const char *p, const char *end, bool *newline)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	const char *stop = nl ? nl + 1 : end;
	out_write(p, (size_t)(stop - p));
	*newline = nl != NULL;
	return stop;
}

void feed_close_stdin(const char *what)
{
	if (stdin_read && sys_close(0) < 0)
		diag_die(1, errno, "%s", what);
}
