/* paste: join corresponding lines of files, or the lines of each file. */
#include "common.h"
#include "blank.h"

#define OPTIONS(O) \
	O("serial", 's', OPT_NONE, "", "join the lines of one file at a time instead of\nlines of all files side by side") \
	O("delimiters", 'd', OPT_REQ, "LIST", \
	  "put the characters of LIST in turn between the joined lines\ninstead of TABs; LIST may hold backslash escapes") \
	O("zero-terminated", 'z', OPT_NONE, "", "lines end with a NUL byte, not a newline")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "paste",
	.text = CMD_USAGE("[OPTION]... [FILE]...")
		CMD_SUMMARY("Write lines made of the corresponding lines of each FILE, separated\n"
		            "by TABs, to standard output: every line but the last file's loses its\n"
		            "line end to a TAB.\n"
		            "\n"
		            "With no FILE, or when FILE is -, read standard input.")
		CMD_DETAILS("In LIST, \\0 stands for no delimiter at all, and \\n, \\t, \\b, \\f, \\r,\n"
		            "\\v and \\\\ for what they mean in C; a backslash before anything else\n"
		            "stands for that character."),
};

static char eol = '\n';

/* The delimiters: each is DELIMS[OFF[i]..OFF[i]+LEN[i]), possibly empty. */
static char *delims;
static size_t *doff, *dlen;
static size_t ndelims;

/* Decode LIST into the delimiter table; false when it ends in a lone
   backslash. */
static bool parse_delims(const char *list)
{
	size_t n = strlen(list);
	delims = xmalloc(n + 1);
	doff = xmalloc((n + 1) * sizeof *doff);
	dlen = xmalloc((n + 1) * sizeof *dlen);
	size_t used = 0;
	const char *s = list, *end = list + n;
	while (*s) {
		doff[ndelims] = used;
		if (*s == '\\') {
			s++;
			char c;
			switch (*s) {
			case 0: return false;
			case '0': dlen[ndelims++] = 0; s++; continue;
			case 'b': c = '\b'; break;
			case 'f': c = '\f'; break;
			case 'n': c = '\n'; break;
			case 'r': c = '\r'; break;
			case 't': c = '\t'; break;
			case 'v': c = '\v'; break;
			case '\\': c = '\\'; break;
			default: goto copy;
			}
			delims[used++] = c;
			dlen[ndelims++] = 1;
			s++;
			continue;
		}
copy:;
		size_t k = blank_char_len(s, end);
		memcpy(delims + used, s, k);
		used += k;
		dlen[ndelims++] = k;
		s += k;
	}
	if (ndelims == 0) {
		doff[0] = dlen[0] = 0;
		ndelims = 1;
	}
	return true;
}

/* ---- -s ------------------------------------------------------------- */

static bool paste_serial(char **files, char *buf)
{
	bool ok = true;
	for (; *files; files++) {
		const char *name = *files;
		int fd = in_open(name);
		if (fd < 0) {
			diag_error(errno, "%s", quotef(name));
			ok = false;
			continue;
		}
		size_t di = 0;
		bool pending = false;  /* a line end was read; is it the last byte? */
		int err = 0;
		for (;;) {
			sys_ssize n = sys_read(fd, buf, IN_BUFSIZE);
			if (n < 0) {
				err = errno;
				break;
			}
			if (n == 0)
				break;
			const char *p = buf, *end = buf + n;
			while (p < end) {
				if (pending) {
					out_write(delims + doff[di], dlen[di]);
					if (++di == ndelims)
						di = 0;
					pending = false;
				}
				const char *nl = memchr(p, eol, (size_t)(end - p));
				if (!nl) {
					out_write(p, (size_t)(end - p));
					break;
				}
				out_write(p, (size_t)(nl - p));
				pending = true;
				p = nl + 1;
			}
		}
		out_putc(eol);
		if (in_close(fd) < 0 && !err)
			err = errno;
		if (err) {
			diag_error(err, "%s", quotef(name));
			ok = false;
		}
	}
	return ok;
}

/* ---- side by side --------------------------------------------------- */

/* A block reader; lines are copied out as they come, never held whole. */
struct reader {
	int fd;
	char *buf;
	size_t start, end;
	bool eof;
	int err;
};

struct input {
	const char *name;
	struct reader *r;  /* every "-" shares one */
	bool open;
};

/* Make sure R has unread bytes; false at the end of input or on an
   error (kept in R->err). */
static bool fill(struct reader *r)
{
	if (r->start < r->end)
		return true;
	if (r->eof)
		return false;
	sys_ssize n = sys_read(r->fd, r->buf, IN_BUFSIZE);
	if (n <= 0) {
		if (n < 0)
			r->err = errno;
		r->eof = true;
		return false;
	}
	r->start = 0;
	r->end = (size_t)n;
	return true;
}

/* Copy the rest of the current line of R to the output, without its end. */
static void copy_line(struct reader *r)
{
	do {
		const char *p = r->buf + r->start;
		const char *nl = memchr(p, eol, r->end - r->start);
		if (nl) {
			out_write(p, (size_t)(nl - p));
			r->start += (size_t)(nl - p) + 1;
			return;
		}
		out_write(p, r->end - r->start);
		r->start = r->end;
	} while (fill(r));
}

static struct reader *new_reader(int fd)
{
	struct reader *r = xcalloc(1, sizeof *r);
	r->fd = fd;
	r->buf = xmalloc(IN_BUFSIZE);
	return r;
}

/* An input has ended: report a read error, close it. */
static bool close_input(struct input *in, struct reader *stdin_r)
{
	bool ok = true;
	int err = in->r->err;
	if (in->r == stdin_r) {
		/* Like clearerr(stdin): the next "-" reads again. */
		in->r->eof = false;
		in->r->err = 0;
	} else {
		if (sys_close(in->r->fd) < 0 && !err)
			err = errno;
		free(in->r->buf);
		free(in->r);
	}
	if (err) {
		diag_error(err, "%s", quotef(in->name));
		ok = false;
	}
	in->r = NULL;
	in->open = false;
	return ok;
}

static bool paste_parallel(char **files, int nfiles)
{
	struct input *in = xcalloc((size_t)nfiles, sizeof *in);
	struct reader *stdin_r = NULL;
	size_t open_count = 0;
	bool ok = true;

	for (int i = 0; i < nfiles; i++) {
		in[i].name = files[i];
		if (in_is_stdin(files[i])) {
			if (!stdin_r)
				stdin_r = new_reader(0);
			in[i].r = stdin_r;
		} else {
			int fd = in_open(files[i]);
			if (fd < 0)
				diag_die(EXIT_FAILURE, errno, "%s", quotef(files[i]));
			sys_advise_sequential(fd);
			in[i].r = new_reader(fd);
		}
		in[i].open = true;
		open_count++;
	}

	/* Delimiters owed to files that had nothing this round: written only
	   if a later file has something. */
	size_t owed_cap = 64, owed = 0;
	char *owed_buf = xmalloc(owed_cap);

	while (open_count) {
		bool some = false;
		size_t di = 0;
		owed = 0;
		for (int i = 0; i < nfiles && open_count; i++) {
			bool has_line = false;
			if (in[i].open) {
				has_line = fill(in[i].r);
				if (!has_line) {
					ok &= close_input(&in[i], stdin_r);
					open_count--;
				}
			}
			if (has_line) {
				if (owed) {
					out_write(owed_buf, owed);
					owed = 0;
				}
				copy_line(in[i].r);
				some = true;
				if (i + 1 < nfiles) {
					out_write(delims + doff[di], dlen[di]);
					if (++di == ndelims)
						di = 0;
				} else {
					out_putc(eol);
				}
				continue;
			}
			if (i + 1 == nfiles) {
				if (some) {
					out_write(owed_buf, owed);
					owed = 0;
					out_putc(eol);
				}
				continue;
			}
			while (owed + dlen[di] > owed_cap)
				owed_buf = xgrow(owed_buf, &owed_cap, 1);
			memcpy(owed_buf + owed, delims + doff[di], dlen[di]);
			owed += dlen[di];
			if (++di == ndelims)
				di = 0;
		}
	}
	free(owed_buf);
	if (stdin_r) {
		free(stdin_r->buf);
		free(stdin_r);
	}
	free(in);
	return ok;
}

int main_paste(int argc, char **argv)
{
	struct opt_parser p;
	int c;
	const char *list = "\t";
	bool serial = false;

	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		switch (c) {
		case 'd': list = p.arg[0] ? p.arg : "\\0"; break;
		case 's': serial = true; break;
		case 'z': eol = 0; break;
		default: diag_usage_error(NULL);
		}
	}
	if (!parse_delims(list)) {
		struct quote_opts qo = { .style = QUOTE_C_MAYBE };
		qo.extra[':' / 32] |= 1u << (':' % 32);
		char *q = quote_alloc(list, strlen(list), &qo, NULL);
		diag_die(EXIT_FAILURE, 0, "delimiter list ends with an unescaped backslash: %s", q);
	}

	static char *stdin_only[] = { "-", NULL };
	char **files = p.noperands ? p.operands : stdin_only;
	int nfiles = p.noperands ? p.noperands : 1;
	bool ok;
	if (serial) {
		char *buf = xmalloc(IN_BUFSIZE);
		ok = paste_serial(files, buf);
		free(buf);
	} else {
		ok = paste_parallel(files, nfiles);
	}
	return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
