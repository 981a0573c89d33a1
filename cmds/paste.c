/* paste: join corresponding lines of files, or the lines of each file. */
#include "common.h"
#include "blank.h"
#include "linebuf.h"

static const struct opt opts[] = {
	{ "serial", 's', OPT_NONE, NULL, "join the lines of one file at a time instead of\nlines of all files side by side" },
	{ "delimiters", 'd', OPT_REQ, "LIST",
	  "put the characters of LIST in turn between the joined lines\ninstead of TABs; LIST may hold backslash escapes" },
	{ "zero-terminated", 'z', OPT_NONE, NULL, "lines end with a NUL byte, not a newline" },
	{ 0 },
};

static const struct cmd_info info = {
	.name = "paste",
	.usage = "[OPTION]... [FILE]...",
	.summary = "Write lines made of the corresponding lines of each FILE, separated\n"
		   "by TABs, to standard output: every line but the last file's loses its\n"
		   "line end to a TAB.\n"
		   "\n"
		   "With no FILE, or when FILE is -, read standard input.",
	.opts = opts,
	.details = "In LIST, \\0 stands for no delimiter at all, and \\n, \\t, \\b, \\f, \\r,\n"
		   "\\v and \\\\ for what they mean in C; a backslash before anything else\n"
		   "stands for that character.",
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

struct input {
	const char *name;
	struct in_rec *rec;
	bool open;
};

static bool paste_parallel(char **files, int nfiles)
{
	struct input *in = xcalloc((size_t)nfiles, sizeof *in);
	size_t open_count = 0;
	bool ok = true;

	for (int i = 0; i < nfiles; i++) {
		in[i].name = files[i];
		in[i].rec = inrec_open(files[i]);
		if (!in[i].rec)
			diag_die(EXIT_FAILURE, errno, "%s", quotef(files[i]));
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
			char *line = NULL;
			size_t len = 0;
			if (in[i].open) {
				int rc = inrec_next(in[i].rec, eol, &line, &len);
				if (rc <= 0) {
					if (rc < 0) {
						diag_error(errno, "%s", quotef(in[i].name));
						ok = false;
					}
					line = NULL;
					in[i].open = false;
					open_count--;
					if (inrec_close(in[i].rec) < 0 && rc == 0) {
						diag_error(errno, "%s", quotef(in[i].name));
						ok = false;
					}
					in[i].rec = NULL;
				}
			}
			if (line) {
				if (owed) {
					out_write(owed_buf, owed);
					owed = 0;
				}
				if (line[len - 1] == eol)
					len--;
				out_write(line, len);
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
	free(in);
	return ok;
}

int main_paste(int argc, char **argv)
{
	struct opt_parser p;
	int c;
	const char *list = "\t";
	bool serial = false;

	opt_init(&p, &info, argc, argv);
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
