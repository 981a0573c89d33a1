/* cut: print selected bytes, characters or fields of each line. */
#include "common.h"
#include "argmatch.h"
#include "blank.h"
#include "fields.h"
#include "memcount.h"

enum { OPT_COMPLEMENT = OPT_LONG, OPT_OUTPUT_DELIMITER };

#define OPTIONS(O) \
	O("bytes", 'b', OPT_REQ, "LIST", "select only these bytes") \
	O("characters", 'c', OPT_REQ, "LIST", \
	  "select only these characters: bytes in the C locale;\nin a UTF-8 locale, whole UTF-8 characters, and any\nbyte that is not valid UTF-8 counts as one") \
	O("fields", 'f', OPT_REQ, "LIST", \
	  "select only these fields; a line without any delimiter\nis printed whole, unless -s is given") \
	O("delimiter", 'd', OPT_REQ, "DELIM", \
	  "fields are separated by the character DELIM, not TAB\n(in a UTF-8 locale it may take several bytes)") \
	O("only-delimited", 's', OPT_NONE, "", "skip lines that hold no delimiter") \
	O("output-delimiter", OPT_OUTPUT_DELIMITER, OPT_REQ, "STRING", \
	  "separate output fields or ranges with STRING\n(by default the input delimiter)") \
	O("complement", OPT_COMPLEMENT, OPT_NONE, "", "select everything the LIST leaves out") \
	O("zero-terminated", 'z', OPT_NONE, "", "lines end with a NUL byte, not a newline") \
	/* GNU 9.11's additions, described after the list: GNU 9.10's tests \
	   want every listed option in its manual. */ \
	O("", 'O', OPT_REQ, "STRING", "") \
	O("whitespace-delimited", 'w', OPT_OPT, "trimmed", "") \
	O("", 'F', OPT_REQ, "LIST", "") \
	O("", 'n', OPT_NONE, "", \
	  "with -b in a UTF-8 locale, split no character: print\na character only if its selected bytes run on to its\nlast byte")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "cut",
	.text = CMD_USAGE("OPTION... [FILE]...")
		CMD_SUMMARY("Print the selected parts of each line of each FILE to standard output.\n"
		            "\n"
		            "With no FILE, or when FILE is -, read standard input.")
		CMD_DETAILS("Give exactly one of -b, -c, -f and -F. A LIST is one range or several\n"
		            "separated by commas; what it selects is printed once, in input order.\n"
		            "A range is N (the Nth byte, character or field, counting from 1), N-\n"
		            "(from the Nth to the end of the line), N-M (the Nth to the Mth) or -M\n"
		            "(the first to the Mth).\n"
		            "\n"
		            "As in GNU cut 9.11, -O STRING is short for --output-delimiter=STRING;\n"
		            "-w (--whitespace-delimited[=trimmed]) makes runs of blanks separate\n"
		            "fields, with 'trimmed' ignoring blanks at the start and end of lines;\n"
		            "-F LIST is -f LIST with -w unless -d is given, and with a space as the\n"
		            "output delimiter unless -O is given. Blanks are space and TAB, and in\n"
		            "a UTF-8 locale also the other Unicode blanks (such as U+2003 EM SPACE,\n"
		            "but not the no-break spaces)."),
};

static struct field_range *ranges;
static bool suppress;
static char delim = '\t';      /* the delimiter's first (often only) byte */
static char delim_str[4] = "\t";
static size_t delim_len = 1;
/* How the delimiter is found. In the C locale, and in a UTF-8 locale
   for a byte that no valid character contains, it is any byte equal to
   it. A valid multibyte character starts with a byte that only starts
   characters, so its bytes found anywhere are that character. A byte
   that valid characters may contain (0x80..0xBF, 0xC2..0xF4) counts only
   where it is a character by itself. */
static enum { DELIM_BYTE, DELIM_SEQ, DELIM_LONE } delim_kind;
static bool utf8;        /* the locale's encoding is UTF-8 */
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

/* Print the item of N bytes at P, the ln.idx'th of its line, if
   selected; RANGE_START tells whether it starts a range (for the output
   delimiter). */
static void item_put(const char *p, size_t n, bool range_start)
{
	if (odelim_given) {
		if (ln.any && range_start)
			out_write(odelim, odelim_len);
		ln.any = true;
	}
	out_write(p, n);
}

/* The length in bytes of the first WANT characters of P[0..N) (all of
   them if fewer); adds their number to *COUNT. A character is a valid
   UTF-8 sequence or any other single byte. */
static size_t chars_span(const char *p, size_t n, uintmax_t want, uintmax_t *count)
{
	size_t i = 0;
	uintmax_t got = 0;
	for (; got < want && i < n; got++) {
		if ((unsigned char)p[i] < 0x80) {
			i++;
		} else {
			uint32_t cp;
			size_t k = utf8_decode(p + i, n - i, &cp);
			i += k ? k : 1;
		}
	}
	*count += got;
	return i;
}

/* Bytes P[0..N) of the current line (complete characters), counted in
   characters (-c in a UTF-8 locale). */
static void chars_segment(const char *p, size_t n)
{
	if (n)
		ln.in_line = true;
	while (n) {
		if (ln.rp->lo == UINTMAX_MAX)
			return;
		uintmax_t first = ln.idx + 1;
		if (first > ln.rp->hi) {
			ln.rp++;
			continue;
		}
		if (first < ln.rp->lo) {
			size_t k = chars_span(p, n, ln.rp->lo - first, &ln.idx);
			p += k;
			n -= k;
			continue;
		}
		if (odelim_given) {
			if (ln.any && first == ln.rp->lo)
				out_write(odelim, odelim_len);
			ln.any = true;
		}
		if (ln.rp->hi == UINTMAX_MAX) {
			/* The rest of the line is selected: no need to count it. */
			out_write(p, n);
			ln.idx = UINTMAX_MAX - 1;
			return;
		}
		size_t k = chars_span(p, n, ln.rp->hi - first + 1, &ln.idx);
		out_write(p, k);
		p += k;
		n -= k;
	}
}

/* Bytes P[0..N) of the current line (complete characters), selected by
   byte position (-b -n): a character is printed when the bytes of it
   that are selected run on to its last byte. */
static void nosplit_segment(const char *p, size_t n)
{
	if (n)
		ln.in_line = true;
	while (n) {
		if (ln.rp->lo == UINTMAX_MAX)
			return;
		uint32_t cp;
		size_t a = mem_ascii_prefix(p, n);
		size_t k = a ? 0 : utf8_decode(p, n, &cp);
		if (k < 2) {
			a += !a;
			bytes_segment(p, a);
			p += a;
			n -= a;
			continue;
		}
		bool seen = false, tail = true, range_start = false;
		for (size_t j = 0; j < k; j++) {
			uintmax_t i = ++ln.idx;
			if (i > ln.rp->hi)
				ln.rp++;
			if (ln.rp->lo <= i) {
				if (!seen)
					range_start = i == ln.rp->lo;
				seen = true;
			} else if (seen) {
				tail = false;
			}
		}
		if (seen && tail)
			item_put(p, k, range_start);
		p += k;
		n -= k;
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

/* True when the byte at Q, in the text from S to E, is a character by
   itself: it starts no valid sequence and lies inside none. S is where
   the line or the input block starts (both are character boundaries). */
static bool lone_byte(const char *s, const char *q, const char *e)
{
	uint32_t cp;
	if (((unsigned char)*q & 0xc0) != 0x80)
		return !utf8_decode(q, (size_t)(e - q), &cp);
	for (const char *j = q; j > s && q - j < 3;) {
		j--;
		if (((unsigned char)*j & 0xc0) != 0x80) {
			size_t k = utf8_decode(j, (size_t)(e - j), &cp);
			return k <= (size_t)(q - j);
		}
	}
	return true;
}

/* The length of the delimiter at Q (0 if none there), in the text from
   S to E: a line, or the part of one in the current input block. */
static size_t delim_at(const char *s, const char *q, const char *e)
{
	if (*q != delim)
		return 0;
	if (delim_kind == DELIM_SEQ)
		return (size_t)(e - q) >= delim_len && !memcmp(q, delim_str, delim_len) ? delim_len : 0;
	if (delim_kind == DELIM_LONE)
		return lone_byte(s, q, e);
	return 1;
}

/* The first delimiter from P on in S..E (NULL when none). */
static const char *find_delim_mb(const char *s, const char *p, const char *e)
{
	while (p < e) {
		const char *d = memchr(p, delim, (size_t)(e - p));
		if (!d || delim_at(s, d, e))
			return d;
		p = d + 1;
	}
	return NULL;
}

static inline const char *find_delim(const char *s, const char *p, const char *e)
{
	if (delim_kind == DELIM_BYTE)
		return memchr(p, delim, (size_t)(e - p));
	return find_delim_mb(s, p, e);
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
	const char *seg = p, *end = p + n;
	if (n)
		ln.in_line = true;
	while (p < end) {
		if (ln.buffering) {
			const char *d = find_delim(seg, p, end);
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
			p = d + delim_len;
			next_field();
			continue;
		}
		if (ln.rp->lo == UINTMAX_MAX)
			return;
		const char *d = find_delim(seg, p, end);
		const char *fe = d ? d : end;
		if (selected(ln.idx))
			out_write(p, (size_t)(fe - p));
		if (!d)
			return;
		p = d + delim_len;
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
static const struct cutter chars_cutter = { chars_segment, bytes_finish_line };
static const struct cutter nosplit_cutter = { nosplit_segment, bytes_finish_line };
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

/* The length of the blank at P (0 if none): space and TAB, and in a
   UTF-8 locale the other Unicode blanks (all three bytes long). */
static size_t blank_at(const char *p, const char *end)
{
	if (*p == ' ' || *p == '\t')
		return 1;
	unsigned char c = (unsigned char)*p;
	uint32_t cp;
	if (utf8 && c >= 0xe1 && c <= 0xe3 && utf8_decode(p, (size_t)(end - p), &cp) == 3
	    && blank_is_blank(cp))
		return 3;
	return 0;
}

/* The length of the separator run at P (0 if none), in the line S..END. */
static size_t sep_run(const char *s, const char *p, const char *end)
{
	const char *q = p;
	size_t k;
	if (blanks) {
		while (q < end && (k = blank_at(q, end)))
			q += k;
	} else {
		while (q < end && (k = delim_at(s, q, end)))
			q += k;
	}
	return (size_t)(q - p);
}

/* Where the first separator from Q on in the line S..END starts (END
   if none). */
static const char *next_sep(const char *s, const char *q, const char *end)
{
	if (!blanks) {
		const char *d = find_delim(s, q, end);
		return d ? d : end;
	}
	for (; q < end; q++) {
		unsigned char c = (unsigned char)*q;
		if (c == ' ' || c == '\t' || (utf8 && c >= 0xe1 && c <= 0xe3 && blank_at(q, end)))
			break;
	}
	return q;
}

/* One line (without its line end) in the run-separated modes. */
static void fields_runs_line(const char *p, const char *end)
{
	if (trimmed) {
		size_t k;
		while (p < end && (k = blank_at(p, end)))
			p += k;
		while (end > p) {
			if (end[-1] == ' ' || end[-1] == '\t')
				end--;
			else if (end - p >= 3 && blank_at(end - 3, end) == 3)
				end -= 3;
			else
				break;
		}
	}
	const char *s = p;
	if (next_sep(s, p, end) == end) {
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
		const char *fe = next_sep(s, p, end);
		if (rp->lo <= idx) {
			if (any)
				out_write(odelim, odelim_len);
			any = true;
			out_write(p, (size_t)(fe - p));
		}
		if (fe == end)
			break;
		p = fe + sep_run(s, fe, end);
		idx++;
	}
	put_eol();
}

/* ---- files ---------------------------------------------------------- */

enum mode { MODE_BYTES, MODE_CHARS, MODE_NOSPLIT, MODE_FIELDS, MODE_NL_DELIM, MODE_RUNS };

/* BUF holds IN_BUFSIZE + 3 bytes. With WHOLE_CHARS, a character split
   between two reads is handed to the cutter whole. */
static bool cut_fd(int fd, const char *name, enum mode mode, bool whole_chars, char *buf)
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
	const struct cutter *c = mode == MODE_BYTES ? &bytes_cutter
				 : mode == MODE_CHARS ? &chars_cutter
				 : mode == MODE_NOSPLIT ? &nosplit_cutter : &fields_cutter;
	size_t keep = 0;
	for (;;) {
		sys_ssize n = sys_read(fd, buf + keep, IN_BUFSIZE);
		if (n <= 0) {
			int err = errno;
			cut_block(c, buf, buf + keep);
			if (n < 0) {
				diag_error(err, "%s", quotef(name));
				cut_eof(c);
				return false;
			}
			break;
		}
		size_t len = keep + (size_t)n;
		keep = whole_chars ? utf8_partial_tail(buf, len) : 0;
		cut_block(c, buf, buf + len - keep);
		memmove(buf, buf + len - keep, keep);
	}
	cut_eof(c);
	return true;
}

int main_cut(int argc, char **argv)
{
	static const char trim_words[] = "trimmed\0";
	struct opt_parser p;
	int c;
	const char *list = NULL;
	bool byte_mode = false, char_mode = false, nosplit = false;
	bool complement = false, delim_given = false, runs_f = false;

	opt_init(&p, &info, &opts.table, argc, argv);
	utf8 = sys_locale_utf8();
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
			char_mode = c == 'c';
			if (c == 'F')
				runs_f = true;
			break;
		case 'd':
			delim_len = 1;
			if (p.arg[0] && utf8) {
				uint32_t cp;
				delim_len = utf8_decode(p.arg, strlen(p.arg), &cp);
				if (!delim_len)
					delim_len = 1;
			}
			if (p.arg[0] && p.arg[delim_len])
				diag_usage_error("the delimiter must be a single character");
			memcpy(delim_str, p.arg, delim_len);
			delim = p.arg[0];
			delim_given = true;
			break;
		case 'n': nosplit = true; break;
		case 'O':
		case OPT_OUTPUT_DELIMITER:
			odelim = p.arg;
			odelim_len = p.arg[0] ? strlen(p.arg) : 1;
			break;
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
	if (blanks && delim_given)
		diag_usage_error("-d and -w are mutually exclusive");
	if (runs_f) {
		if (!delim_given)
			blanks = merge = true;
		if (!odelim)
			odelim = " ", odelim_len = 1;
	}
	ranges = fields_xparse(list, (byte_mode ? FIELDS_POSITIONS : 0) | (complement ? FIELDS_COMPLEMENT : 0));
	if (odelim) {
		odelim_given = true;
	} else {
		odelim = delim_str;
		odelim_len = delim_len;
	}
	if (utf8 && delim_len > 1) {
		delim_kind = DELIM_SEQ;
	} else if (utf8) {
		unsigned char b = (unsigned char)delim;
		delim_kind = b >= 0x80 && b <= 0xf4 && (b <= 0xbf || b >= 0xc2) ? DELIM_LONE : DELIM_BYTE;
	}

	enum mode mode = MODE_FIELDS;
	if (byte_mode)
		mode = !utf8 ? MODE_BYTES : char_mode ? MODE_CHARS : nosplit ? MODE_NOSPLIT : MODE_BYTES;
	else if (merge)
		mode = MODE_RUNS;
	else if (delim_kind == DELIM_BYTE && delim == eol)
		mode = MODE_NL_DELIM;
	bool whole_chars = mode == MODE_CHARS || mode == MODE_NOSPLIT
			   || (mode == MODE_FIELDS && delim_kind != DELIM_BYTE);
	ln.fcap = 256;
	ln.fbuf = xmalloc(ln.fcap);
	if (mode == MODE_FIELDS)
		fields_start();
	else
		line_reset();

	static char *stdin_only[] = { "-", NULL };
	char **files = p.noperands ? p.operands : stdin_only;
	char *buf = xmalloc(IN_BUFSIZE + 3);
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
		ok &= cut_fd(fd, name, mode, whole_chars, buf);
		if (in_close(fd) < 0) {
			diag_error(errno, "%s", quotef(name));
			ok = false;
		}
	}
	free(buf);
	return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
