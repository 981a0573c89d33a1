/* head: print the first part of files, or all but their last part. */
#include "common.h"
#include "ioramp.h"
#include "lastn.h"
#include "memcount.h"

enum { OPT_PRESUME_PIPE = OPT_LONG };

#define OPTIONS(O) \
	O("bytes", 'c', OPT_REQ, "[-]NUM", \
	  "print the first NUM bytes of each file; with a\nleading '-', print all but the last NUM bytes") \
	O("lines", 'n', OPT_REQ, "[-]NUM", \
	  "print the first NUM lines (default 10); with a\nleading '-', print all but the last NUM lines") \
	O("quiet", 'q', OPT_NONE, "", "never print headers with file names") \
	O("silent", 'q', OPT_NONE, "", OPT_ALIAS) \
	O("verbose", 'v', OPT_NONE, "", "always print headers with file names") \
	O("zero-terminated", 'z', OPT_NONE, "", "lines end with a NUL byte, not a newline") \
	O("-presume-input-pipe", OPT_PRESUME_PIPE, OPT_NONE, "", OPT_ALIAS)
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "head",
	.text = CMD_USAGE("[OPTION]... [FILE]...")
		CMD_SUMMARY("Print the first 10 lines of each FILE on standard output.\n"
		            "Each FILE is preceded by a header with its name when there are several.\n"
		            "\n"
		            "Without FILE, or when FILE is -, read standard input.\n"
		            "Arguments required by long options are required by short ones too.")
		CMD_DETAILS(NUM_SUFFIX_HELP),
	.flags = OPT_F_DIGITS,
};

enum { BUFSIZE = 128 * 1024 };

static _Alignas(4096) char iobuf[BUFSIZE];
static char delim = '\n';
static bool print_headers;
static bool presume_pipe;
static uintmax_t written; /* bytes written by count_write() */

static const char suffixes[] = "bkKmMGTPEZYRQ0";

/* NUM of -c / -n: too large a value means "all"; junk is fatal. */
static uintmax_t parse_count(const char *s, bool lines)
{
	uintmax_t v;
	int st = num_parse_umax(s, suffixes, &v);
	if (st != NUM_OK && st != NUM_OVERFLOW)
		diag_die(EXIT_FAILURE, 0, "%s: %s",
			 lines ? "invalid number of lines" : "invalid number of bytes", quote(s));
	return v;
}

static void write_header(const char *name)
{
	static bool first = true;
	out_printf("%s==> %s <==\n", first ? "" : "\n", name);
	first = false;
}

static void count_write(const void *p, size_t n)
{
	written += n;
	out_write_block(p, n);
}

static void read_error(const char *name)
{
	diag_error(errno, "error reading %s", quoteaf(name));
}

/* Copy up to N bytes of FD to the output. With EXACT, running out of
   input first is an error (the file shrank). */
static bool copy_bytes(const char *name, int fd, uintmax_t n, bool exact)
{
	for (uintmax_t done = 0; done < n;) {
		size_t want = io_ramp(done, BUFSIZE);
		if (n - done < want)
			want = (size_t)(n - done);
		sys_ssize r = sys_read(fd, iobuf, want);
		if (r < 0) {
			read_error(name);
			return false;
		}
		if (r == 0) {
			if (!exact)
				break;
			diag_error(0, "%s: file has shrunk too much", quotef(name));
			return false;
		}
		out_write_block(iobuf, (size_t)r);
		done += (uintmax_t)r;
	}
	return true;
}

/* The first N lines; a seekable input is left just after them. */
static bool head_lines(const char *name, int fd, uintmax_t n)
{
	for (uintmax_t done = 0; n;) {
		sys_ssize r = sys_read(fd, iobuf, io_ramp(done, BUFSIZE));
		if (r < 0) {
			read_error(name);
			return false;
		}
		if (r == 0)
			break;
		size_t len = (size_t)r;
		done += len;
		size_t count = mem_count(iobuf, len, (unsigned char)delim);
		if (count < n) {
			n -= count;
			out_write_block(iobuf, len);
			continue;
		}
		const char *p = iobuf, *end = iobuf + len;
		while (n) {
			p = (const char *)memchr(p, delim, (size_t)(end - p)) + 1;
			n--;
		}
		out_write_block(iobuf, (size_t)(p - iobuf));
		sys_off back = -(sys_off)(end - p);
		if (back && sys_lseek(fd, back, SYS_SEEK_CUR) < 0) {
			struct sys_stat st;
			if (sys_fstat(fd, &st) != 0 || SYS_S_ISREG(st.mode))
				diag_error(errno, "%s: cannot seek to relative offset %jd",
					   quotef(name), (intmax_t)back);
		}
		break;
	}
	return true;
}

/* All but the last N units of a stream, kept in memory. When the input
   is a regular file at offset POS (>= 0), leave it just after the output. */
static bool elide_stream(const char *name, int fd, uintmax_t n, bool lines, sys_off pos)
{
	struct lastn q;
	lastn_init(&q, n, lines ? (unsigned char)delim : -1);
	written = 0;
	bool ok = true;
	if (lastn_read(&q, fd, count_write, NULL) < 0) {
		read_error(name);
		ok = false;
	} else {
		lastn_finish(&q, count_write, NULL);
	}
	lastn_free(&q);
	if (ok && pos >= 0 && sys_lseek(fd, pos + (sys_off)written, SYS_SEEK_SET) < 0) {
		diag_error(errno, "%s: cannot seek to offset %jd", quotef(name),
			   (intmax_t)(pos + (sys_off)written));
		ok = false;
	}
	return ok;
}

static bool elide_lines_seekable(const char *name, int fd, uintmax_t n, sys_off start, sys_off size)
{
	int64_t cut;
	int r = lastn_find_lines(fd, start, size, n, (unsigned char)delim, iobuf, BUFSIZE, &cut);
	if (r == -1) {
		read_error(name);
		return false;
	}
	if (r == -2) {
		diag_error(errno, "%s: cannot seek to offset %jd", quotef(name), (intmax_t)cut);
		return false;
	}
	/* Copy from the start; with nothing to copy, leave the input there. */
	if (sys_lseek(fd, start, SYS_SEEK_SET) < 0) {
		diag_error(errno, "%s: cannot seek to offset %jd", quotef(name), (intmax_t)start);
		return false;
	}
	return copy_bytes(name, fd, (uintmax_t)(cut - start), true);
}

/* All but the last N lines or bytes of FD. */
static bool head_elide(const char *name, int fd, uintmax_t n, bool lines)
{
	if (n == UINTMAX_MAX)
		return true;
	struct sys_stat st;
	if (sys_fstat(fd, &st) != 0) {
		diag_error(errno, "cannot fstat %s", quoteaf(name));
		return false;
	}
	sys_off pos = -1;
	if (!presume_pipe && SYS_S_ISREG(st.mode)) {
		pos = sys_lseek(fd, 0, SYS_SEEK_CUR);
		if (pos < 0) {
			diag_error(errno, "%s: cannot seek to relative offset %jd", quotef(name), (intmax_t)0);
			return false;
		}
	}
	/* A small size may be made up (/proc), so read those as streams. */
	int64_t blksize = st.blksize > 0 ? st.blksize : 512;
	if (pos < 0 || st.size <= blksize)
		return elide_stream(name, fd, n, lines, pos);
	if (pos >= st.size)
		return true;
	if (!lines)
		return (uintmax_t)(st.size - pos) <= n || copy_bytes(name, fd, (uintmax_t)(st.size - pos) - n, true);
	if (n == 0)
		return copy_bytes(name, fd, (uintmax_t)(st.size - pos), false);
	return elide_lines_seekable(name, fd, n, pos, st.size);
}

static bool head_file(const char *file, uintmax_t n, bool lines, bool elide, bool *used_stdin)
{
	const char *name = file;
	int fd;
	bool is_stdin = in_is_stdin(file);
	if (is_stdin) {
		*used_stdin = true;
		name = "standard input";
		fd = 0;
	} else {
		fd = sys_open(file, SYS_O_RDONLY, 0);
		if (fd < 0) {
			diag_error(errno, "cannot open %s for reading", quoteaf(file));
			return false;
		}
	}
	if (print_headers)
		write_header(name);
	bool ok;
	if (elide)
		ok = head_elide(name, fd, n, lines);
	else if (lines)
		ok = head_lines(name, fd, n);
	else
		ok = copy_bytes(name, fd, n, false);
	if (!is_stdin && sys_close(fd) != 0) {
		diag_error(errno, "failed to close %s", quoteaf(name));
		ok = false;
	}
	return ok;
}

enum header_mode { HEADERS_MULTI, HEADERS_ALWAYS, HEADERS_NEVER };

/* The obsolete "-NUM[bkm][cbklqvz]..." first argument. */
static void parse_obsolete(const char *arg, uintmax_t *n, bool *lines, enum header_mode *hm)
{
	char *num = xstrdup(arg + 1);
	size_t len = strspn(num, "0123456789");
	char mult = 0;
	for (const char *p = arg + 1 + len; *p; p++) {
		switch (*p) {
		case 'c': *lines = false; mult = 0; break;
		case 'b': case 'k': case 'm': *lines = false; mult = *p; break;
		case 'l': *lines = true; break;
		case 'q': *hm = HEADERS_NEVER; break;
		case 'v': *hm = HEADERS_ALWAYS; break;
		case 'z': delim = 0; break;
		default: diag_usage_error("invalid trailing option -- %c", *p);
		}
	}
	num[len] = mult;
	if (mult)
		num[len + 1] = 0;
	*n = parse_count(num, *lines);
	free(num);
}

int main_head(int argc, char **argv)
{
	uintmax_t n = 10;
	bool lines = true, elide = false, used_stdin = false, ok = true;
	enum header_mode hm = HEADERS_MULTI;
	struct opt_parser p;
	int c;

	if (argc > 1 && argv[1][0] == '-' && argv[1][1] >= '0' && argv[1][1] <= '9') {
		parse_obsolete(argv[1], &n, &lines, &hm);
		argv[1] = argv[0];
		argv++;
		argc--;
	}
	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		switch (c) {
		case 'c':
		case 'n':
			lines = c == 'n';
			elide = p.arg[0] == '-';
			n = parse_count(p.arg + elide, lines);
			break;
		case 'q': hm = HEADERS_NEVER; break;
		case 'v': hm = HEADERS_ALWAYS; break;
		case 'z': delim = 0; break;
		case OPT_PRESUME_PIPE: presume_pipe = true; break;
		default:
			diag_usage_error("invalid trailing option -- %c", c);
		}
	}
	print_headers = hm == HEADERS_ALWAYS || (hm == HEADERS_MULTI && p.noperands > 1);
	static char *const stdin_only[] = { "-", NULL };
	char *const *files = p.noperands ? p.operands : stdin_only;
	for (; *files; files++)
		ok &= head_file(*files, n, lines, elide, &used_stdin);
	free(p.operands);
	if (used_stdin && sys_close(0) != 0)
		diag_die(EXIT_FAILURE, errno, "-");
	return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
