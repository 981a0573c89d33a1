/* tac: write files with their records (lines by default) in reverse order. */
#include "common.h"
#include "fdsafer.h"
#include "memscan.h"
#include "rx.h"

#define OPTIONS(O) \
	O("before", 'b', OPT_NONE, "", "the separator goes before its record instead of after it") \
	O("regex", 'r', OPT_NONE, "", "the separator is a regular expression") \
	O("separator", 's', OPT_REQ, "STRING", "records end with STRING instead of a newline")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "tac",
	.text = CMD_USAGE("[OPTION]... [FILE]...")
		CMD_SUMMARY("Write each FILE to standard output, its last record first.\n"
		            "\n"
		            "With no FILE, or when FILE is -, read standard input.\n"
		            "Arguments required by long options are required by short ones too.")
		CMD_DETAILS("Input that cannot be read backwards (a pipe) is copied to a temporary\n"
		            "file in $TMPDIR, or /tmp when it is not set."),
};

/* The input is read backwards in blocks of read_size bytes into buf,
   pending data before it moving up as blocks arrive. With a regular
   expression the blocks follow GNU's sizes exactly, since where a block
   starts is where the text to match starts (^ and \` can match there);
   a fixed separator is found the same whatever the blocks. */
enum { REGEX_READSIZE = 8192, FIXED_READSIZE = 128 * 1024 };

static const char *separator = "\n";
static size_t seplen;          /* fixed separator: its length */
static struct rx *re;          /* regex separator */
static bool before;
static size_t read_size;
static char *buf;
static size_t bufsize;         /* bytes usable from buf on */
static int tmp_fd = -1;

/* Make room for two blocks of read_size and a separator. */
static void size_buffer(void)
{
	size_t want = 2 * read_size + seplen + 2;
	if (buf && want <= bufsize)
		return;
	if (want < read_size)
		diag_die(EXIT_FAILURE, 0, "memory exhausted");
	buf = xrealloc(buf, want);
	bufsize = want;
}

/* The start of the rightmost separator that starts below HI (an offset
   in buf) and ends by END, or -1. Sets *LEN. */
static ptrdiff_t find_fixed(ptrdiff_t hi, ptrdiff_t end, size_t *len)
{
	unsigned char first = (unsigned char)separator[0];
	*len = seplen;
	if (hi > end - (ptrdiff_t)seplen + 1)
		hi = end - (ptrdiff_t)seplen + 1;
	while (hi > 0) {
		char *p = mem_rchr(buf, first, (size_t)hi);
		if (!p)
			return -1;
		if (seplen == 1 || !memcmp(p + 1, separator + 1, seplen - 1))
			return p - buf;
		hi = p - buf;
	}
	return -1;
}

/* The regex match with the highest start below I, the text being
   buf[0..I), or -1. */
static ptrdiff_t find_regex(ptrdiff_t i, size_t *len)
{
	struct rx_match m;
	if (i > INT32_MAX)
		diag_die(EXIT_FAILURE, 0, "record too large");
	if (i <= 0)
		return -1;
	int r = rx_search_back(re, buf, (size_t)i, (size_t)i - 1, 0, 0, &m, 1);
	if (r < 0)
		diag_die(EXIT_FAILURE, 0, "error in regular expression search");
	if (r == 0)
		return -1;
	*len = m.end - m.start;
	return (ptrdiff_t)m.start;
}

/* Read up to N bytes, retrying short reads. */
static sys_ssize read_full(int fd, char *p, size_t n)
{
	size_t got = 0;
	while (got < n) {
		sys_ssize r = sys_read(fd, p + got, n - got);
		if (r < 0)
			return got ? (sys_ssize)got : -1;
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (sys_ssize)got;
}

/* Reverse FD, a seekable file whose end is near POS. */
static bool tac_seekable(int fd, const char *name, sys_off pos)
{
	bool first_time = true;
	if (!re)
		read_size = FIXED_READSIZE;
	while (seplen >= read_size / 2)
		read_size *= 2;
	size_buffer();

	sys_off rem = pos % (sys_off)read_size;
	if (rem) {
		pos -= rem;
		if (sys_lseek(fd, pos, SYS_SEEK_SET) < 0)
			diag_error(errno, "%s: seek failed", quotef(name));
	}
	/* The size may be only an estimate (/proc): back up to data, then
	   read on to the real end. */
	sys_ssize got;
	while ((got = sys_read(fd, buf, read_size)) == 0 && pos != 0) {
		if (sys_lseek(fd, -(sys_off)read_size, SYS_SEEK_CUR) < 0)
			diag_error(errno, "%s: seek failed", quotef(name));
		pos -= (sys_off)read_size;
	}
	while (got == (sys_ssize)read_size) {
		sys_ssize n = sys_read(fd, buf, read_size);
		if (n == 0)
			break;
		got = n;
		if (n < 0)
			break;
		pos += n;
	}
	if (got < 0) {
		diag_error(errno, "%s: read error", quotef(name));
		return false;
	}

	ptrdiff_t past_end = got, match_start = got;
	if (!re)
		match_start -= (ptrdiff_t)seplen - 1;
	for (;;) {
		size_t len = 0;
		ptrdiff_t m = re ? find_regex(match_start, &len) : find_fixed(match_start, past_end, &len);
		if (m >= 0) {
			if (before) {
				out_write(buf + m, (size_t)(past_end - m));
				past_end = m;
			} else {
				ptrdiff_t end = m + (ptrdiff_t)len;
				if (!first_time || end != past_end)
					out_write(buf + end, (size_t)(past_end - end));
				past_end = end;
				first_time = false;
			}
			match_start = re ? m : m - (ptrdiff_t)seplen + 1;
			continue;
		}
		if (pos == 0) {
			out_write(buf, (size_t)past_end);
			return true;
		}
		/* No separator in what is held: read the block before it. */
		size_t held = (size_t)past_end;
		if (held > read_size) {
			read_size *= 2;
			size_buffer();
		}
		if (pos >= (sys_off)read_size) {
			pos -= (sys_off)read_size;
		} else {
			read_size = (size_t)pos;
			pos = 0;
		}
		if (sys_lseek(fd, pos, SYS_SEEK_SET) < 0)
			diag_error(errno, "%s: seek failed", quotef(name));
		memmove(buf + read_size, buf, held);
		past_end = (ptrdiff_t)(read_size + held);
		match_start = re ? past_end : (ptrdiff_t)read_size;
		if (read_full(fd, buf, read_size) != (sys_ssize)read_size) {
			diag_error(errno, "%s: read error", quotef(name));
			return false;
		}
	}
}

/* Copy FD, which cannot seek, to the temporary file and reverse that. */
static bool tac_nonseekable(int fd, const char *name)
{
	const char *dir = sys_getenv("TMPDIR");
	if (!dir || !*dir)
		dir = "/tmp";
	if (tmp_fd < 0) {
		tmp_fd = fd_safer(sys_tmpfile());
		if (tmp_fd < 0 && strcmp(dir, "/tmp")) {
			/* A $TMPDIR that cannot be used: /tmp then. */
			int e = errno;
			char *saved = xstrdup(dir);
			sys_unsetenv("TMPDIR");
			tmp_fd = fd_safer(sys_tmpfile());
			sys_setenv("TMPDIR", saved);
			free(saved);
			dir = sys_getenv("TMPDIR");
			if (tmp_fd < 0)
				errno = e;
		}
		if (tmp_fd < 0) {
			diag_error(errno, "failed to create temporary file in %s", quoteaf(dir));
			return false;
		}
	} else if (sys_lseek(tmp_fd, 0, SYS_SEEK_SET) < 0 || sys_ftruncate(tmp_fd, 0) < 0) {
		diag_error(errno, "failed to rewind the temporary file in %s", quoteaf(dir));
		return false;
	}
	if (!re)
		read_size = FIXED_READSIZE;
	size_buffer();
	sys_off copied = 0;
	for (;;) {
		sys_ssize n = sys_read(fd, buf, read_size);
		if (n == 0)
			break;
		if (n < 0) {
			diag_error(errno, "%s: read error", quotef(name));
			return false;
		}
		if (sys_write_all(tmp_fd, buf, (size_t)n) < 0) {
			diag_error(errno, "%s: write error", quotef(dir));
			return false;
		}
		copied += n;
	}
	return tac_seekable(tmp_fd, name, copied);
}

static bool tac_file(const char *name)
{
	bool is_stdin = in_is_stdin(name);
	int fd = in_open(name);
	if (is_stdin)
		name = "standard input";
	if (fd < 0) {
		diag_error(errno, "failed to open %s for reading", quoteaf(name));
		return false;
	}
	sys_off size = sys_lseek(fd, 0, SYS_SEEK_END);
	bool ok = size < 0 || sys_isatty(fd) ? tac_nonseekable(fd, name) : tac_seekable(fd, name, size);
	if (!is_stdin && sys_close(fd) < 0) {
		diag_error(errno, "%s: read error", quotef(name));
		ok = false;
	}
	return ok;
}

int main_tac(int argc, char **argv)
{
	struct opt_parser p;
	bool regex = false;
	int c;

	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		switch (c) {
		case 'b':
			before = true;
			break;
		case 'r':
			regex = true;
			break;
		case 's':
			separator = p.arg;
			break;
		default:
			diag_usage_error(NULL);
		}
	}
	if (regex) {
		const char *err;
		if (!*separator)
			diag_die(EXIT_FAILURE, 0, "separator cannot be empty");
		re = rx_compile(separator, strlen(separator), RX_SYNTAX_GNU, RX_F_NEWLINE_ANCHOR, &err);
		if (!re)
			diag_die(EXIT_FAILURE, 0, "%s", err);
		read_size = REGEX_READSIZE;
	} else {
		/* An empty separator is a NUL byte. */
		seplen = *separator ? strlen(separator) : 1;
		read_size = FIXED_READSIZE;
	}

	static char *stdin_only[] = { "-", NULL };
	char **files = p.noperands ? p.operands : stdin_only;
	bool ok = true, read_stdin = false;
	for (char **f = files; *f; f++) {
		read_stdin |= in_is_stdin(*f);
		ok &= tac_file(*f);
	}
	if (read_stdin && sys_close(0) < 0) {
		diag_error(errno, "-");
		ok = false;
	}
	return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
