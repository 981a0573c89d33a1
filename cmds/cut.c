/* cut: print selected bytes, characters or fields of each line. */
#include "common.h"
#include "argmatch.h"
#include "blank.h"
#include "fields.h"

enum { OPT_COMPLEMENT = OPT_LONG, OPT_OUTPUT_DELIMITER };

static const struct opt opts[] = {
	{ "bytes", 'b', OPT_REQ, "LIST", "select only these bytes" },
	{ "characters", 'c', OPT_REQ, "LIST", "select only these characters (the same as bytes here)" },
	{ "fields", 'f', OPT_REQ, "LIST",
	  "select only these fields; a line without any delimiter\nis printed whole, unless -s is given" },
	{ "delimiter", 'd', OPT_REQ, "DELIM", "fields are separated by DELIM instead of TAB" },
	{ "only-delimited", 's', OPT_NONE, NULL, "skip lines that hold no delimiter" },
	{ "output-delimiter", OPT_OUTPUT_DELIMITER, OPT_REQ, "STRING",
	  "separate output fields or ranges with STRING\n(by default the input delimiter)" },
	{ "complement", OPT_COMPLEMENT, OPT_NONE, NULL, "select everything the LIST leaves out" },
	{ "zero-terminated", 'z', OPT_NONE, NULL, "lines end with a NUL byte, not a newline" },
	/* GNU 9.11's additions, described after the list: GNU 9.10's tests
	   want every listed option in its manual. */
	{ NULL, 'O', OPT_REQ, "STRING", "" },
	{ "whitespace-delimited", 'w', OPT_OPT, "trimmed", "" },
	{ NULL, 'F', OPT_REQ, "LIST", "" },
	{ NULL, 'n', OPT_NONE, NULL, "accepted and ignored" },
	{ 0 },
};

static const struct cmd_info info = {
	.name = "cut",
	.usage = "OPTION... [FILE]...",
	.summary = "Print the selected parts of each line of each FILE to standard output.\n"
		   "\n"
		   "With no FILE, or when FILE is -, read standard input.",
	.opts = opts,
	.details = "Give exactly one of -b, -c, -f and -F. A LIST is one range or several\n"
		   "separated by commas; what it selects is printed once, in input order.\n"
		   "A range is N (the Nth byte, character or field, counting from 1), N-\n"
		   "(from the Nth to the end of the line), N-M (the Nth to the Mth) or -M\n"
		   "(the first to the Mth).\n"
		   "\n"
		   "As in GNU cut 9.11, -O STRING is short for --output-delimiter=STRING;\n"
		   "-w (--whitespace-delimited[=trimmed]) makes runs of blanks separate\n"
		   "fields, with 'trimmed' ignoring blanks at the start and end of lines;\n"
		   "-F LIST is -f LIST where runs of delimiters count as one, blanks are\n"
		   "the delimiter unless -d is given, and the output delimiter is a space\n"
		   "unless -O is given.",
};

static struct field_range *ranges;
static bool suppress;
static char delim = '\t';
static char eol = '\n';
static const char *odelim;
static size_t odelim_len;
static bool odelim_given;
static bool merge;       /* runs of delimiters count as one */
static bool blanks;      /* the delimiter is any blank */
static bool trimmed;     /* with blanks: leading and trailing ones do not count */

/* The state of the current line, kept from one input block to the next. */
static struct {
	const struct field_range *rp; /* the first range not wholly behind us */
	uintmax_t idx;                /* bytes (or the field number) so far */
	bool in_line;                 /* some of the line has been read */
	bool any;                     /* something selected was printed */
	bool buffering;               /* collecting field 1 to see how it ends */
	char *fbuf;
	size_t flen, fcap;
} ln;

static void line_reset(void)
{
	ln.rp = ranges;
	ln.idx = 0;
	ln.in_line = false;
	ln.any = false;
	ln.flen = 0;
}

static void put_eol(void)
{
	out_putc(eol);
}

/* ---- bytes ---------------------------------------------------------- */

/* Bytes P[0..N) of the current line, which holds no line end. */
static void bytes_segment(const char *p, size_t n)
{
	if (n)
		ln.in_line = true;
	while (n) {
		if (ln.rp->lo == UINTMAX_MAX) {
			ln.idx += n;
			return;
		}
		uintmax_t first = ln.idx + 1;
		if (first > ln.rp->hi) {
			ln.rp++;
			continue;
		}
		size_t k;
		if (first < ln.rp->lo) {
			uintmax_t gap = ln.rp->lo - first;
			k = gap < n ? (size_t)gap : n;
		} else {
			if (odelim_given) {
				if (ln.any && first == ln.rp->lo)
					out_write(odelim, odelim_len);
				ln.any = true;
			}
			uintmax_t left = ln.rp->hi - first;
			k = left < n - 1 ? (size_t)left + 1 : n;
			out_write(p, k);
		}
		p += k;
		n -= k;
		ln.idx += k;
	}
}

static void bytes_finish_line(void)
{
	put_eol();
	line_reset();
}

/* ---- fields, one delimiter byte ------------------------------------- */

static bool selected(uintmax_t field)
{
	return ln.rp->lo <= field;
}

/* Move to the next field; print the output delimiter if it is selected
   and follows another selected field. */
static void next_field(void)
{
	ln.idx++;
	if (ln.idx > ln.rp->hi)
		ln.rp++;
	if (selected(ln.idx)) {
		if (ln.any)
			out_write(odelim, odelim_len);
		ln.any = true;
	}
}

/* Start a line at field 1. */
static void fields_start(void)
{
	line_reset();
	ln.idx = 0;
	ln.rp = ranges;
	/* Field 1 must be read whole first when how the line ends decides
	   whether it is printed: it is selected but undelimited lines are
	   suppressed, or it is not selected but undelimited lines print. */
	ln.buffering = suppress != !selected(1);
	if (!ln.buffering) {
		ln.idx = 1;
		if (selected(1))
			ln.any = true;
	}
}

static void fbuf_add(const char *p, size_t n)
{
	if (!n)
		return;
	if (ln.flen + n > ln.fcap) {
		ln.fcap = (ln.flen + n) * 2;
		ln.fbuf = xrealloc(ln.fbuf, ln.fcap);
	}
	memcpy(ln.fbuf + ln.flen, p, n);
	ln.flen += n;
}

/* The end of a line whose field 1 was not being buffered. */
static void fields_line_end(void)
{
	if (ln.any || !(suppress && ln.idx == 1))
		put_eol();
}

/* Bytes P[0..N) of the current line, which holds no line end. */
static void fields_segment(const char *p, size_t n)
{
	const char *end = p + n;
	if (n)
		ln.in_line = true;
	while (p < end) {
		if (ln.buffering) {
			const char *d = memchr(p, delim, (size_t)(end - p));
			if (!d) {
				fbuf_add(p, (size_t)(end - p));
				return;
			}
			fbuf_add(p, (size_t)(d - p));
			ln.buffering = false;
			ln.idx = 1;
			if (selected(1)) {
				out_write(ln.fbuf, ln.flen);
				ln.any = true;
			}
			p = d + 1;
			next_field();
			continue;
		}
		if (ln.rp->lo == UINTMAX_MAX)
			return;
		const char *d = memchr(p, delim, (size_t)(end - p));
		const char *fe = d ? d : end;
		if (selected(ln.idx))
			out_write(p, (size_t)(fe - p));
		if (!d)
			return;
		p = d + 1;
		next_field();
	}
}

static void fields_finish_line(void)
{
	if (ln.buffering) {
		if (!suppress) {
			out_write(ln.fbuf, ln.flen);
			put_eol();
		}
	} else {
		fields_line_end();
	}
	fields_start();
}

/* How one mode handles the bytes of a line and its end. */
struct cutter {
	void (*segment)(const char *p, size_t n);
	void (*finish_line)(void);
};

static const struct cutter bytes_cutter = { bytes_segment, bytes_finish_line };
static const struct cutter fields_cutter = { fields_segment, fields_finish_line };

/* Feed the block P..END to C, line by line. */
static void cut_block(const struct cutter *c, const char *p, const char *end)
{
	while (p < end) {
		const char *nl = memchr(p, eol, (size_t)(end - p));
		if (!nl) {
			c->segment(p, (size_t)(end - p));
			return;
		}
		c->segment(p, (size_t)(nl - p));
		c->finish_line();
		p = nl + 1;
	}
}

/* The end of an input: a last line without its line end still counts. */
static void cut_eof(const struct cutter *c)
{
	if (ln.in_line)
		c->finish_line();
}

enum { INPUT_END = -1 };

/* ---- fields when the delimiter is the line end (-d '\n') ------------- */

/* All of the input is one line whose fields are separated by line ends;
   one at the very end closes the line instead. BUF[0..N) is the whole
   input. This follows GNU cut's byte-by-byte logic, quirks included. */
static void fields_nl_delim(const char *buf, size_t n)
{
	size_t i = 0;
	if (n == 0)
		return;
	uintmax_t idx = 1;
	const struct field_range *rp = ranges;
	bool any = false;
	int c = 0;
	bool buffer_first = suppress != !(rp->lo <= 1);
	for (;;) {
		if (idx == 1 && buffer_first) {
			if (i >= n)
				break;
			const char *d = memchr(buf + i, delim, n - i);
			size_t len = d ? (size_t)(d - (buf + i)) + 1 : n - i;
			const char *f = buf + i;
			i += len;
			c = 0;
			if ((unsigned char)f[len - 1] != (unsigned char)delim) {
				if (!suppress) {
					out_write(f, len);
					out_putc(eol);
					c = eol;
				}
				continue;
			}
			if (rp->lo <= 1) {
				out_write(f, len - 1);
				if (i < n)
					any = true;
			}
			idx++;
			if (idx > rp->hi)
				rp++;
		}
		bool sel = rp->lo <= idx;
		if (sel) {
			if (any)
				out_write(odelim, odelim_len);
			any = true;
		}
		size_t start = i;
		while (i < n && buf[i] != delim)
			i++;
		if (sel)
			out_write(buf + start, i - start);
		if (i < n) {
			c = (unsigned char)buf[i++];
			if (i >= n)
				c = INPUT_END;
		} else {
			c = INPUT_END;
		}
		if (c != INPUT_END) {
			idx++;
			if (idx > rp->hi)
				rp++;
			continue;
		}
		if (any || !(suppress && idx == 1))
			out_putc(eol);
		break;
	}
}

/* ---- fields separated by runs of delimiters (-w, -F) ---------------- */

/* The length of the separator run at P (0 if none). */
static size_t sep_run(const char *p, const char *end)
{
	const char *q = p;
	if (blanks) {
		while (q < end && (*q == ' ' || *q == '\t'))
			q++;
	} else {
		while (q < end && *q == delim)
			q++;
	}
	return (size_t)(q - p);
}

/* One line (without its line end) in the run-separated modes. */
static void fields_runs_line(const char *p, const char *end)
{
	if (trimmed) {
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
	}
	const char *q = p;
	while (q < end && !sep_run(q, end))
		q++;
	if (q == end) {
		if (!suppress) {
			out_write(p, (size_t)(end - p));
			put_eol();
		}
		return;
	}
	const struct field_range *rp = ranges;
	uintmax_t idx = 1;
	bool any = false;
	for (;;) {
		if (idx > rp->hi)
			rp++;
		if (rp->lo == UINTMAX_MAX)
			break;
		const char *fe = p;
		while (fe < end && !sep_run(fe, end))
			fe++;
		if (rp->lo <= idx) {
			if (any)
				out_write(odelim, odelim_len);
			any = true;
			out_write(p, (size_t)(fe - p));
		}
		if (fe == end)
			break;
		p = fe + sep_run(fe, end);
		idx++;
	}
	put_eol();
}

/* ---- files ---------------------------------------------------------- */

enum mode { MODE_BYTES, MODE_FIELDS, MODE_NL_DELIM, MODE_RUNS };

static bool cut_fd(int fd, const char *name, enum mode mode, char *buf)
{
	if (mode == MODE_NL_DELIM) {
		size_t len;
		char *all = in_read_all(fd, &len);
		if (!all) {
			diag_error(errno, "%s", quotef(name));
			return false;
		}
		fields_nl_delim(all, len);
		free(all);
		return true;
	}
	if (mode == MODE_RUNS) {
		struct in_rec r;
		inrec_init(&r, fd);
		int rc;
		char *rec;
		size_t len;
		while ((rc = inrec_next(&r, eol, &rec, &len)) > 0) {
			if (rec[len - 1] == eol)
				len--;
			fields_runs_line(rec, rec + len);
		}
		int err = errno;
		inrec_free(&r);
		if (rc < 0) {
			diag_error(err, "%s", quotef(name));
			return false;
		}
		return true;
	}
	const struct cutter *c = mode == MODE_BYTES ? &bytes_cutter : &fields_cutter;
	for (;;) {
		sys_ssize n = sys_read(fd, buf, IN_BUFSIZE);
		if (n < 0) {
			diag_error(errno, "%s", quotef(name));
			cut_eof(c);
			return false;
		}
		if (n == 0)
			break;
		cut_block(c, buf, buf + n);
	}
	cut_eof(c);
	return true;
}

int main_cut(int argc, char **argv)
{
	static const char *const trim_words[] = { "trimmed", NULL };
	struct opt_parser p;
	int c;
	const char *list = NULL;
	bool byte_mode = false, complement = false, delim_given = false, runs_f = false;

	opt_init(&p, &info, argc, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		switch (c) {
		case 'b':
		case 'c':
		case 'f':
		case 'F':
			if (list)
				diag_usage_error("only one list may be specified");
			list = p.arg;
			byte_mode = c == 'b' || c == 'c';
			if (c == 'F')
				runs_f = true;
			break;
		case 'd':
			if (p.arg[0] && p.arg[1])
				diag_usage_error("the delimiter must be a single character");
			delim = p.arg[0];
			delim_given = true;
			break;
		case 'O':
		case OPT_OUTPUT_DELIMITER:
			odelim = p.arg;
			odelim_len = p.arg[0] ? strlen(p.arg) : 1;
			break;
		case 'n': break;
		case 's': suppress = true; break;
		case 'z': eol = 0; break;
		case OPT_COMPLEMENT: complement = true; break;
		case 'w':
			blanks = merge = true;
			if (p.arg)
				trimmed = xargmatch("--whitespace-delimited", p.arg, trim_words, NULL) == 0;
			break;
		default: diag_usage_error(NULL);
		}
	}
	if (!list)
		diag_usage_error("you must specify a list of bytes, characters, or fields");
	if (byte_mode) {
		if (delim_given || blanks)
			diag_usage_error("an input delimiter may be specified only when operating on fields");
		if (suppress)
			diag_usage_error("suppressing non-delimited lines makes sense\n"
					 "\tonly when operating on fields");
	}
	if (runs_f) {
		merge = true;
		if (!delim_given)
			blanks = true;
		if (!odelim)
			odelim = " ", odelim_len = 1;
	} else if (blanks && delim_given) {
		diag_usage_error("the -d and -w options are mutually exclusive");
	}
	ranges = fields_xparse(list, (byte_mode ? FIELDS_POSITIONS : 0) | (complement ? FIELDS_COMPLEMENT : 0));
	if (odelim) {
		odelim_given = true;
	} else {
		odelim = &delim;
		odelim_len = 1;
	}

	enum mode mode = byte_mode ? MODE_BYTES : merge ? MODE_RUNS : delim == eol ? MODE_NL_DELIM : MODE_FIELDS;
	ln.fcap = 256;
	ln.fbuf = xmalloc(ln.fcap);
	if (mode == MODE_FIELDS)
		fields_start();
	else
		line_reset();

	static char *stdin_only[] = { "-", NULL };
	char **files = p.noperands ? p.operands : stdin_only;
	char *buf = xmalloc(IN_BUFSIZE);
	bool ok = true;
	for (; *files; files++) {
		const char *name = *files;
		int fd = in_open(name);
		if (fd < 0) {
			diag_error(errno, "%s", quotef(name));
			ok = false;
			continue;
		}
		sys_advise_sequential(fd);
		ok &= cut_fd(fd, name, mode, buf);
		if (in_close(fd) < 0) {
			diag_error(errno, "%s", quotef(name));
			ok = false;
		}
	}
	free(buf);
	return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
