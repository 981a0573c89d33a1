/* tail: printing the last part of one file, or all of it after a start. */
#include "tail.h"
#include "ioramp.h"
#include "lastn.h"
#include "memcount.h"

static _Alignas(4096) char buf[TAIL_BUFSIZE];

void tail_header(const char *pretty)
{
	static bool first = true;
	out_printf("%s==> %s <==\n", first ? "" : "\n", pretty);
	first = false;
}

bool tail_followable(uint32_t mode)
{
	return SYS_S_ISREG(mode) || SYS_S_ISFIFO(mode) || SYS_S_ISSOCK(mode) || SYS_S_ISCHR(mode);
}

static void read_error(const char *pretty)
{
	diag_error(errno, "error reading %s", quoteaf(pretty));
}

/* Seek or end the program with GNU's message. */
static sys_off xseek(int fd, sys_off off, int whence, const char *pretty)
{
	sys_off r = sys_lseek(fd, off, whence);
	if (r >= 0)
		return r;
	static const char *const what[] = {
		"%s: cannot seek to offset %jd",
		"%s: cannot seek to relative offset %jd",
		"%s: cannot seek to end-relative offset %jd",
	};
	diag_die(EXIT_FAILURE, errno, what[whence], quotef(pretty), (intmax_t)off);
}

uintmax_t tail_copy(const char *pretty, int fd, uintmax_t max, bool one_read, const char *header)
{
	uintmax_t done = 0;
	while (done < max) {
		size_t want = io_ramp(done, sizeof buf);
		if (max - done < want)
			want = (size_t)(max - done);
		sys_ssize r = sys_read(fd, buf, want);
		if (r < 0) {
			if (errno != EAGAIN)
				diag_die(EXIT_FAILURE, errno, "error reading %s", quoteaf(pretty));
			break;
		}
		if (r == 0)
			break;
		if (header) {
			tail_header(header);
			header = NULL;
		}
		out_write_block(buf, (size_t)r);
		done += (uintmax_t)r;
		if (one_read)
			break;
	}
	return done;
}

/* Read and drop the first N units of FD, printing what follows them in
   the last block read. Returns 0, 1 at the end of input, or the errno of
   a reported read error. */
static int skip_start(const char *pretty, int fd, uintmax_t n)
{
	while (n) {
		sys_ssize r = sys_read(fd, buf, sizeof buf);
		if (r < 0) {
			int e = errno;
			read_error(pretty);
			return e;
		}
		if (r == 0)
			return 1;
		size_t len = (size_t)r;
		if (!tail_opt.lines) {
			if (n >= len) {
				n -= len;
				continue;
			}
			out_write_block(buf + n, len - (size_t)n);
			return 0;
		}
		size_t count = mem_count(buf, len, (unsigned char)tail_opt.delim);
		if (count < n) {
			n -= count;
			continue;
		}
		const char *p = buf, *end = buf + len;
		while (n--)
			p = (const char *)memchr(p, tail_opt.delim, (size_t)(end - p)) + 1;
		out_write_block(p, (size_t)(end - p));
		return 0;
	}
	return 0;
}

/* The last N units of a stream, kept in memory. START is its offset when
   known (-1 otherwise); *POS gets the offset reached. */
static int last_of_stream(const char *pretty, int fd, uintmax_t n, sys_off start, sys_off *pos)
{
	struct lastn q;
	uintmax_t nread = 0;
	lastn_init(&q, n, tail_opt.lines ? (unsigned char)tail_opt.delim : -1);
	int r = lastn_read(&q, fd, NULL, &nread);
	int err = r < 0 && errno != EAGAIN ? errno : 0;
	if (err)
		read_error(pretty);
	else if (n)
		lastn_finish(&q, NULL, out_write_block);
	lastn_free(&q);
	*pos = start >= 0 && !tail_opt.lines ? start + (sys_off)nread : -1;
	return err;
}

static int last_bytes(const char *pretty, int fd, const struct sys_stat *st, uintmax_t n, sys_off *pos)
{
	sys_off cur = -1;
	if (!tail_opt.presume_pipe)
		cur = sys_lseek(fd, tail_opt.from_start ? (n < INT64_MAX ? (sys_off)n : INT64_MAX) : 0,
				SYS_SEEK_CUR);
	if (tail_opt.from_start) {
		if (cur < 0) {
			int r = skip_start(pretty, fd, n);
			if (r) {
				*pos = -1;
				return r == 1 ? 0 : r;
			}
		}
		uintmax_t nr = tail_copy(pretty, fd, UINTMAX_MAX, false, NULL);
		*pos = cur < 0 ? -1 : cur + (sys_off)nr;
		return 0;
	}
	sys_off initial = cur, end = -1;
	if (cur >= 0) {
		if (SYS_S_ISREG(st->mode)) {
			/* A small size may be made up (/proc): read those to the end. */
			if (st->blksize < st->size)
				end = st->size;
		} else {
			sys_off back = n < INT64_MAX ? (sys_off)n : INT64_MAX;
			sys_off at = sys_lseek(fd, -back, SYS_SEEK_END);
			if (at >= 0) {
				cur = at;
				end = at + back;
			} else {
				/* The file may be shorter than N: try its end. */
				at = sys_lseek(fd, 0, SYS_SEEK_END);
				if (at >= 0)
					cur = end = at;
			}
		}
	}
	sys_off target = initial;
	if (initial < end && n < (uintmax_t)(end - initial))
		target = end - (sys_off)n;
	if (target != cur)
		cur = xseek(fd, target, SYS_SEEK_SET, pretty);
	if (end < 0)
		return last_of_stream(pretty, fd, n, cur, pos);
	uintmax_t nr = tail_copy(pretty, fd, n, false, NULL);
	*pos = cur < 0 ? -1 : cur + (sys_off)nr;
	return 0;
}

/* The last N lines of the part [START, END) of a regular file. */
static int last_lines_seekable(const char *pretty, int fd, uintmax_t n, sys_off start, sys_off end, sys_off *pos)
{
	if (n == 0) {
		*pos = end;
		return 0;
	}
	int64_t cut;
	int r = lastn_find_lines(fd, start, end, n, (unsigned char)tail_opt.delim, buf, sizeof buf, &cut);
	if (r == -1) {
		int e = errno;
		read_error(pretty);
		*pos = -1;
		return e;
	}
	if (r == -2)
		diag_die(EXIT_FAILURE, errno, "%s: cannot seek to offset %jd", quotef(pretty), (intmax_t)cut);
	xseek(fd, cut, SYS_SEEK_SET, pretty);
	*pos = cut + (sys_off)tail_copy(pretty, fd, (uintmax_t)(end - cut), false, NULL);
	return 0;
}

static int last_lines(const char *pretty, int fd, const struct sys_stat *st, uintmax_t n, sys_off *pos)
{
	if (tail_opt.from_start) {
		*pos = -1;
		if (n >= INT64_MAX) {
			sys_off e = sys_lseek(fd, 0, SYS_SEEK_END);
			if (e >= 0) {
				*pos = e;
				return 0;
			}
		}
		int r = skip_start(pretty, fd, n);
		if (r)
			return r == 1 ? 0 : r;
		tail_copy(pretty, fd, UINTMAX_MAX, false, NULL);
		return 0;
	}
	sys_off start = -1, end = -1;
	if (!tail_opt.presume_pipe && SYS_S_ISREG(st->mode))
		start = sys_lseek(fd, 0, SYS_SEEK_CUR);
	if (start >= 0)
		end = sys_lseek(fd, 0, SYS_SEEK_END);
	if (end < 0)
		return last_of_stream(pretty, fd, n, -1, pos);
	if (start < end)
		return last_lines_seekable(pretty, fd, n, start, end, pos);
	/* Never read from before the start, even if the file shrank. */
	if (start != end)
		xseek(fd, start, SYS_SEEK_SET, pretty);
	*pos = start;
	return 0;
}

int tail_last(const char *pretty, int fd, const struct sys_stat *st, uintmax_t n, sys_off *pos)
{
	if (tail_opt.lines)
		return last_lines(pretty, fd, st, n, pos);
	return last_bytes(pretty, fd, st, n, pos);
}
