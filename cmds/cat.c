/* cat: write files one after another to standard output, optionally
   numbering lines and making invisible characters visible. */
#include "common.h"

/* Long options in GNU's order, which shows in ambiguity messages. */
#define OPTIONS(O) \
	O("number-nonblank", 'b', OPT_NONE, "", "number only the lines that are not empty (beats -n)") \
	O("number", 'n', OPT_NONE, "", "number every output line") \
	O("squeeze-blank", 's', OPT_NONE, "", "print each run of empty lines as a single one") \
	O("show-nonprinting", 'v', OPT_NONE, "", \
	  "show control characters and bytes above 127 in ^X and\nM-X notation; newline and TAB stay as they are") \
	O("show-ends", 'E', OPT_NONE, "", "mark each line end with $ (a CR LF shows as ^M$)") \
	O("show-tabs", 'T', OPT_NONE, "", "show TAB characters as ^I") \
	O("show-all", 'A', OPT_NONE, "", "the same as -vET") \
	O("", 'e', OPT_NONE, "", "the same as -vE") \
	O("", 't', OPT_NONE, "", "the same as -vT") \
	O("", 'u', OPT_NONE, "", "accepted and ignored (output is never held back)")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "cat",
	.text = CMD_USAGE("[OPTION]... [FILE]...")
		CMD_SUMMARY("Write each FILE, in order, to standard output.\n"
		            "\n"
		            "With no FILE, or when FILE is -, read standard input.")
		CMD_DETAILS("Examples:\n"
		            "  cat a - b   print a, then what standard input holds, then b\n"
		            "  cat         copy standard input to standard output"),
};

enum {
	IN_SIZE = 128 * 1024,
	/* Each input byte becomes at most 4 output bytes ("M-^X"); the rest
	   is room for a line number and a line end. */
	OUT_SIZE = 4 * IN_SIZE + 4096,
	NUM_DIGITS = 29,
};

/* The options and the state that carries over from one buffer, and one
   file, to the next. */
static struct {
	bool number, nonblank, squeeze, ends, nonprint, tabs;
	/* -1 inside a line; at a line start, how many empty lines came just
	   before (0, 1, or 2 for "two or more"). The input starts as if after
	   a line end. */
	int newlines;
	bool pending_cr;  /* a CR was held back: it is ^M if a newline follows */
	char lnum[NUM_DIGITS + 1]; /* the line number, right-aligned, then TAB */
	int lfirst;       /* index of its first digit */
	unsigned char *out;
	size_t used;
} st;

/* The -v form of each byte, and its length. */
static char vis[256][4];
static unsigned char vislen[256];

static void make_vis_table(void)
{
	for (int b = 0; b < 256; b++) {
		char *v = vis[b];
		int n = 0;
		int c = b;
		if (c >= 128) {
			v[n++] = 'M';
			v[n++] = '-';
			c -= 128;
		}
		if (c < 32 && !(b == '\t' && !st.tabs) && b != '\n') {
			v[n++] = '^';
			v[n++] = (char)(c + 64);
		} else if (c == 127) {
			v[n++] = '^';
			v[n++] = '?';
		} else {
			v[n++] = (char)c;
		}
		vislen[b] = (unsigned char)n;
	}
}

static void flush_out(void)
{
	if (st.used && sys_write_all(1, st.out, st.used) < 0)
		out_write_error(errno);
	st.used = 0;
}

static void room(size_t n)
{
	if (OUT_SIZE - st.used < n)
		flush_out();
}

static void put(const void *p, size_t n)
{
	memcpy(st.out + st.used, p, n);
	st.used += n;
}

static void put_line_number(void)
{
	int i = NUM_DIGITS - 1;
	while (i >= 0 && st.lnum[i] == '9') {
		st.lnum[i] = '0';
		i--;
	}
	if (i < st.lfirst) {
		if (i < 0) {
			i = 0;
			st.lnum[0] = '>';
		} else {
			st.lnum[i] = '1';
		}
		st.lfirst = i;
	} else {
		st.lnum[i]++;
	}
	int from = st.lfirst < NUM_DIGITS - 6 ? st.lfirst : NUM_DIGITS - 6;
	put(st.lnum + from, (size_t)(NUM_DIGITS + 1 - from));
}

/* End the current line (its newline was just read). */
static void end_line(void)
{
	room(64);
	if (st.ends) {
		if (st.pending_cr)
			put("^M", 2);
		put("$", 1);
	}
	st.pending_cr = false;
	put("\n", 1);
	st.newlines = 0;
}

/* An empty line: its newline came at a line start. */
static void blank_line(void)
{
	if (++st.newlines >= 2) {
		st.newlines = 2;
		if (st.squeeze)
			return;
	}
	room(64);
	if (st.number && !st.nonblank)
		put_line_number();
	if (st.ends)
		put("$", 1);
	put("\n", 1);
}

static const uint64_t ONES = 0x0101010101010101u;
static const uint64_t HIGH = 0x8080808080808080u;

/* The high bit of every byte of X that is not printable ASCII (' ' to
   '~'); bits above the lowest such byte may also be set. */
static uint64_t unprintable8(uint64_t x)
{
	uint64_t below_space = (x - ONES * 0x20) & ~x;
	uint64_t y = x ^ (ONES * 0x7f);
	uint64_t is_del = (y - ONES) & ~y;
	return (below_space | is_del | x) & HIGH;
}

/* Copy text from P with -v notation up to the first newline (not
   copied) or END, and return where it stopped. Runs of printable ASCII go
   eight bytes at a time; other bytes go by table, each entry copied whole
   and the pointer moved by its length. With STOP_AT_NL false newlines are
   copied like other bytes. */
static const unsigned char *put_visible(const unsigned char *p, const unsigned char *end, bool stop_at_nl)
{
	unsigned char *o = st.out + st.used;
	while (end - p >= 8) {
		uint64_t x;
		memcpy(&x, p, 8);
		if (!unprintable8(x)) {
			memcpy(o, p, 8);
			o += 8;
			p += 8;
			continue;
		}
		for (const unsigned char *stop = p + 8; p < stop; p++) {
			if (*p == '\n' && stop_at_nl)
				goto done;
			memcpy(o, vis[*p], 4);
			o += vislen[*p];
		}
	}
	for (; p < end; p++) {
		if (*p == '\n' && stop_at_nl)
			break;
		memcpy(o, vis[*p], 4);
		o += vislen[*p];
	}
done:
	st.used = (size_t)(o - st.out);
	return p;
}

/* Copy P[0..N) showing TABs as ^I. */
static void put_tabs(const unsigned char *p, size_t n)
{
	const unsigned char *end = p + n;
	while (p < end) {
		const unsigned char *t = memchr(p, '\t', (size_t)(end - p));
		const unsigned char *stop = t ? t : end;
		put(p, (size_t)(stop - p));
		if (!t)
			break;
		put("^I", 2);
		p = t + 1;
	}
}

/* Output text inside a line: P[0..N) holds no newline; no -v. */
static void line_text(const unsigned char *p, size_t n)
{
	if (n == 0)
		return;
	room(n + 16);
	if (st.pending_cr) {
		put("\r", 1);
		st.pending_cr = false;
	}
	/* With -E a CR just before a newline is shown as ^M; hold a final CR
	   back until the next byte is known. */
	if (st.ends && p[n - 1] == '\r') {
		st.pending_cr = true;
		n--;
	}
	if (st.tabs) {
		room(2 * n + 16);
		put_tabs(p, n);
	} else {
		put(p, n);
	}
}

/* Format one buffer of input into st.out. */
static void format_block(const unsigned char *p, const unsigned char *end)
{
	if (st.nonprint && !st.number && !st.ends && !st.squeeze) {
		/* Lines need no attention of their own. */
		room(4 * (size_t)(end - p) + 16);
		put_visible(p, end, false);
		st.newlines = end[-1] == '\n' ? 0 : -1;
		return;
	}
	while (p < end) {
		if (st.newlines >= 0) {
			if (*p == '\n') {
				p++;
				blank_line();
				continue;
			}
			if (st.number) {
				room(64);
				put_line_number();
			}
			st.newlines = -1;
		}
		const unsigned char *nl;
		if (st.nonprint) {
			room(4 * (size_t)(end - p) + 16);
			nl = put_visible(p, end, true);
		} else {
			nl = memchr(p, '\n', (size_t)(end - p));
			if (!nl)
				nl = end;
			line_text(p, (size_t)(nl - p));
		}
		if (nl == end)
			break;
		end_line();
		p = nl + 1;
	}
}

/* The formatting cat: read FD, format, write after every read so that
   output keeps up with slow input. */
static bool cat_format(int fd, const char *name, unsigned char *buf)
{
	for (;;) {
		sys_ssize n = sys_read(fd, buf, IN_SIZE);
		if (n < 0) {
			diag_error(errno, "%s", quotef(name));
			return false;
		}
		if (n == 0)
			return true;
		format_block(buf, buf + n);
		flush_out();
	}
}

/* The plain cat: kernel copy where the system offers it, else big
   read/write blocks. */
static bool cat_plain(int fd, const char *name, unsigned char *buf)
{
	bool copied = false;
	for (;;) {
		sys_ssize n = sys_copy_range(fd, 1, (size_t)1 << 30);
		if (n > 0) {
			copied = true;
			continue;
		}
		/* 0 before any data may be a file whose size the system does
		   not know (/proc): read it. On errors the loop below finds out
		   whether reading or writing fails, and says so. */
		if (n == 0 && copied)
			return true;
		break;
	}
	for (;;) {
		sys_ssize n = sys_read(fd, buf, IN_SIZE);
		if (n < 0) {
			diag_error(errno, "%s", quotef(name));
			return false;
		}
		if (n == 0)
			return true;
		if (sys_write_all(1, buf, (size_t)n) < 0)
			out_write_error(errno);
	}
}

/* True when reading FD would read what is being written: the same file,
   with output ahead of where input stands. */
static bool input_is_output(int fd, const struct sys_stat *in, const struct sys_stat *out)
{
	if (SYS_S_ISFIFO(in->mode) || SYS_S_ISSOCK(in->mode) || !sys_same_file(in, out))
		return false;
	sys_off in_pos = sys_lseek(fd, 0, SYS_SEEK_CUR);
	if (in_pos < 0)
		return false;
	static int append = -2;
	if (append == -2)
		append = sys_fd_is_append(1);
	return in_pos < sys_lseek(1, 0, append > 0 ? SYS_SEEK_END : SYS_SEEK_CUR);
}

int main_cat(int argc, char **argv)
{
	struct opt_parser p;
	int c;

	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		switch (c) {
		case 'A': st.nonprint = st.ends = st.tabs = true; break;
		case 'b': st.number = st.nonblank = true; break;
		case 'e': st.nonprint = st.ends = true; break;
		case 'E': st.ends = true; break;
		case 'n': st.number = true; break;
		case 's': st.squeeze = true; break;
		case 't': st.nonprint = st.tabs = true; break;
		case 'T': st.tabs = true; break;
		case 'u': break;
		case 'v': st.nonprint = true; break;
		default: diag_usage_error(NULL);
		}
	}

	struct sys_stat ost;
	if (sys_fstat(1, &ost) < 0)
		diag_die(EXIT_FAILURE, errno, "standard output");
	out_flush();

	bool formatting = st.number || st.ends || st.squeeze || st.nonprint || st.tabs;
	unsigned char *buf = xmalloc(IN_SIZE);
	if (formatting) {
		make_vis_table();
		st.out = xmalloc(OUT_SIZE);
		memset(st.lnum, ' ', NUM_DIGITS);
		st.lnum[NUM_DIGITS - 1] = '0';
		st.lnum[NUM_DIGITS] = '\t';
		st.lfirst = NUM_DIGITS - 1;
	}

	static char *stdin_only[] = { "-", NULL };
	char **files = p.noperands ? p.operands : stdin_only;
	bool ok = true, read_stdin = false;
	for (; *files; files++) {
		const char *name = *files;
		read_stdin |= in_is_stdin(name);
		int fd = in_open(name);
		if (fd < 0) {
			diag_error(errno, "%s", quotef(name));
			ok = false;
			continue;
		}
		struct sys_stat ist;
		if (sys_fstat(fd, &ist) < 0) {
			diag_error(errno, "%s", quotef(name));
			ok = false;
		} else if (input_is_output(fd, &ist, &ost)) {
			diag_error(0, "%s: input file is output file", quotef(name));
			ok = false;
		} else {
			sys_advise_sequential(fd);
			ok &= formatting ? cat_format(fd, name, buf) : cat_plain(fd, name, buf);
		}
		if (in_close(fd) < 0) {
			diag_error(errno, "%s", quotef(name));
			ok = false;
		}
	}
	if (st.pending_cr && sys_write_all(1, "\r", 1) < 0)
		out_write_error(errno);
	free(buf);
	free(st.out);
	free(p.operands);
	if (read_stdin && sys_close(0) < 0)
		diag_die(EXIT_FAILURE, errno, "closing standard input");
	return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
