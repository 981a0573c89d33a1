/* csplit: split a file into pieces at line numbers or at lines that
   match regular expressions, printing each piece's size. */
#include <ctype.h>
#include <stdio.h>

#include "common.h"
#include "rx.h"

enum { OPT_SUPPRESS_MATCHED = OPT_LONG };

#define OPTIONS(O) \
	O("suffix-format", 'b', OPT_REQ, "FORMAT", "name pieces with the printf FORMAT (of an int) instead of %02d") \
	O("prefix", 'f', OPT_REQ, "PREFIX", "name pieces PREFIX... instead of xx...") \
	O("keep-files", 'k', OPT_NONE, "", "keep the pieces made so far when an error stops the split") \
	O("suppress-matched", OPT_SUPPRESS_MATCHED, OPT_NONE, "", "leave the lines that match a PATTERN out of the pieces") \
	O("digits", 'n', OPT_REQ, "DIGITS", "number pieces with DIGITS digits instead of 2") \
	O("quiet", 's', OPT_NONE, "", "do not print the size of each piece") \
	O("silent", 's', OPT_NONE, "", OPT_ALIAS) \
	O("elide-empty-files", 'z', OPT_NONE, "", "remove pieces that come out empty") \
	O("", 'q', OPT_NONE, "", "")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "csplit",
	.text = CMD_USAGE("[OPTION]... FILE PATTERN...")
		CMD_SUMMARY("Cut FILE into pieces named xx00, xx01, ... at the places the PATTERNs\n"
		            "say, and print the size in bytes of each piece.\n"
		            "\n"
		            "When FILE is -, read standard input.\n"
		            "Arguments required by long options are required by short ones too.")
		CMD_DETAILS("A PATTERN is one of:\n"
		            "  INTEGER            the piece ends just before line INTEGER\n"
		            "  /REGEXP/[OFFSET]   the piece ends just before the next line matching REGEXP\n"
		            "  %REGEXP%[OFFSET]   the same, but what comes before that line is dropped\n"
		            "  {INTEGER}          apply the pattern before this one INTEGER more times\n"
		            "  {*}                apply the pattern before this one as long as it can be\n"
		            "\n"
		            "OFFSET is a whole number, possibly signed: the cut moves that many lines\n"
		            "down (or up) from the matching line."),
};

/* One PATTERN operand. */
struct control {
	intmax_t offset;         /* lines from the match to the cut */
	intmax_t lines_required; /* a line number pattern */
	intmax_t repeat;
	int argnum;              /* its index in argv */
	bool repeat_forever, ignore, regexpr;
	struct rx *re;
};

/* The input, kept as chunks of whole lines; a chunk is freed once its
   last line has been used. */
struct line {
	char *str;
	size_t len;
};

struct chunk {
	char *data;
	struct line *lines;
	size_t nlines, taken;    /* lines held, lines removed */
	intmax_t start_line;     /* number of its first line */
	struct chunk *next;
};

enum { READ_SIZE = 128 * 1024, OUT_SIZE = 64 * 1024 };

static char **args;
static struct control *controls;
static size_t ncontrols;
static int in_fd;
static struct chunk *head, *tail;
static char *hold;               /* a partial line read ahead */
static size_t hold_len;
static bool eof;
static intmax_t last_line, current_line;

static const char *prefix = "xx";
static char *suffix;             /* -b FORMAT, made ready for snprintf */
static int digits = 2;
static char *name_buf;
static size_t name_size;
static int files_created;
static bool keep_files, quiet, elide_empty, suppress_matched;

static int out_fd = -1;          /* the piece being written */
static char out_buf[OUT_SIZE];
static size_t out_used;
static intmax_t bytes_written;

/* ---- output pieces ---------------------------------------------------- */

static const char *piece_name(int n)
{
	size_t plen = strlen(prefix);
	memcpy(name_buf, prefix, plen);
	if (suffix)
		snprintf(name_buf + plen, name_size - plen, suffix, n);
	else
		snprintf(name_buf + plen, name_size - plen, "%0*d", digits, n);
	return name_buf;
}

static void delete_all_files(void)
{
	if (keep_files)
		return;
	for (int i = files_created; --i >= 0;) {
		const char *name = piece_name(i);
		if (sys_unlink(name) != 0 && errno != ENOENT)
			diag_error(errno, "%s", quotef(name));
	}
	files_created = 0;
}

static void close_output_file(void);

static _Noreturn void cleanup_fatal(void)
{
	close_output_file();
	delete_all_files();
	exit(EXIT_FAILURE);
}

/* A message that, as GNU's, does not flush the sizes printed so far. */
static void raw_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void raw_error(const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	int n = snprintf(msg, sizeof msg, "%s: ", diag_prog);
	va_start(ap, fmt);
	if (n >= 0 && (size_t)n < sizeof msg)
		vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
	va_end(ap);
	sys_write_all(2, msg, strlen(msg));
}

static bool flush_piece(int fd)
{
	bool ok = sys_write_all(fd, out_buf, out_used) == 0;
	out_used = 0;
	return ok;
}

static void create_output_file(void)
{
	const char *name = piece_name(files_created);
	int fd = -1, err = EOVERFLOW;
	if (files_created != INT32_MAX) {
		fd = sys_open(name, SYS_O_WRONLY | SYS_O_CREAT | SYS_O_TRUNC, 0666);
		err = errno;
		if (fd >= 0)
			files_created++;
	}
	if (fd < 0) {
		diag_error(err, "%s", quotef(name));
		cleanup_fatal();
	}
	out_fd = fd;
	out_used = 0;
	bytes_written = 0;
}

static void close_output_file(void)
{
	if (out_fd < 0)
		return;
	int fd = out_fd;
	out_fd = -1;
	const char *name = piece_name(files_created - 1);
	if (!flush_piece(fd) || sys_close(fd) != 0) {
		int e = errno;
		sys_close(fd);
		diag_error(e, "%s", quotef(name));
		cleanup_fatal();
	}
	if (bytes_written == 0 && elide_empty) {
		int ok = sys_unlink(name) == 0, e = errno;
		files_created--;
		if (!ok && e != ENOENT)
			diag_error(e, "%s", quotef(name));
	} else if (!quiet) {
		out_printf("%jd\n", bytes_written);
	}
}

static void save_line(const struct line *l)
{
	const char *p = l->str;
	size_t n = l->len;
	while (n) {
		if (out_used == OUT_SIZE && !flush_piece(out_fd)) {
			int e = errno;
			diag_error(e, "write error for %s", quoteaf(piece_name(files_created - 1)));
			sys_close(out_fd);
			out_fd = -1;
			cleanup_fatal();
		}
		size_t k = OUT_SIZE - out_used < n ? OUT_SIZE - out_used : n;
		memcpy(out_buf + out_used, p, k);
		out_used += k;
		p += k;
		n -= k;
	}
	bytes_written += (intmax_t)l->len;
}

/* ---- input lines ------------------------------------------------------ */

/* Read another chunk holding at least one whole line: false at the end. */
static bool load_chunk(void)
{
	if (eof)
		return false;
	size_t cap = hold_len + READ_SIZE, used = hold_len;
	char *data = xmalloc(cap);
	if (hold_len)
		memcpy(data, hold, hold_len);
	free(hold);
	hold = NULL;
	hold_len = 0;
	size_t scan = used;
	for (;;) {
		if (used == cap)
			data = xgrow(data, &cap, 1);
		sys_ssize n = sys_read(in_fd, data + used, cap - used);
		if (n < 0) {
			diag_error(errno, "read error");
			free(data);
			cleanup_fatal();
		}
		if (n == 0) {
			eof = true;
			break;
		}
		used += (size_t)n;
		if (memchr(data + scan, '\n', used - scan))
			break;
		scan = used;
	}

	struct chunk *c = xcalloc(1, sizeof *c);
	size_t cap_lines = 0;
	char *p = data, *end = data + used;
	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl && !eof) {
			hold_len = (size_t)(end - p);
			hold = xmemdup(p, hold_len);
			break;
		}
		if (c->nlines == cap_lines)
			c->lines = xgrow(c->lines, &cap_lines, sizeof *c->lines);
		c->lines[c->nlines].str = p;
		c->lines[c->nlines].len = nl ? (size_t)(nl + 1 - p) : (size_t)(end - p);
		p += c->lines[c->nlines].len;
		c->nlines++;
	}
	if (c->nlines == 0) {
		free(data);
		free(c->lines);
		free(c);
		return false;
	}
	c->data = data;
	c->start_line = last_line + 1;
	last_line += (intmax_t)c->nlines;
	if (tail)
		tail->next = c;
	else
		head = c;
	tail = c;
	return true;
}

static void free_chunk(struct chunk *c)
{
	free(c->data);
	free(c->lines);
	free(c);
}

/* The number of the first line not yet removed, or 0 at the end. */
static intmax_t first_line_left(void)
{
	if (!head && !load_chunk())
		return 0;
	return head->start_line + (intmax_t)head->taken;
}

/* Take the first line left (valid until the next call), or NULL. */
static struct line *remove_line(void)
{
	static struct chunk *done;
	if (done) {
		free_chunk(done);
		done = NULL;
	}
	if (!head && !load_chunk())
		return NULL;
	intmax_t first = head->start_line + (intmax_t)head->taken;
	if (current_line < first)
		current_line = first;
	struct line *l = &head->lines[head->taken++];
	if (head->taken == head->nlines) {
		done = head;
		head = head->next;
		if (!head)
			tail = NULL;
	}
	return l;
}

/* Line N, reading on as needed; NULL past the end. */
static struct line *find_line(intmax_t n)
{
	if (!head && !load_chunk())
		return NULL;
	if (n < head->start_line)
		return NULL;
	for (struct chunk *c = head;;) {
		if (n < c->start_line + (intmax_t)c->nlines)
			return &c->lines[n - c->start_line];
		if (!c->next && !load_chunk())
			return NULL;
		c = c->next;
	}
}

static bool no_more_lines(void)
{
	return find_line(current_line + 1) == NULL;
}

/* ---- splitting --------------------------------------------------------- */

static void line_range_error(int argnum)
{
	diag_error(0, "%s: line number out of range", quote(args[argnum]));
	cleanup_fatal();
}

/* Move the lines before LAST to the piece (or drop them with IGNORE). */
static void write_to_file(intmax_t last, bool ignore, int argnum)
{
	intmax_t first = first_line_left();
	if (!first || first > last)
		line_range_error(argnum);
	for (intmax_t i = 0; i < last - first; i++) {
		struct line *l = remove_line();
		if (!l)
			line_range_error(argnum);
		if (!ignore)
			save_line(l);
	}
}

static void dump_rest(void)
{
	struct line *l;
	while ((l = remove_line()))
		save_line(l);
}

static _Noreturn void handle_line_error(const struct control *p, intmax_t repetition)
{
	char num[32];
	snprintf(num, sizeof num, "%jd", p->lines_required);
	if (repetition)
		raw_error("%s: line number out of range on repetition %jd\n", quote(num), repetition);
	else
		raw_error("%s: line number out of range\n", quote(num));
	cleanup_fatal();
}

static void process_line_count(const struct control *p, intmax_t repetition)
{
	intmax_t last_to_save = p->lines_required * (repetition + 1);
	intmax_t n;

	create_output_file();
	if (suppress_matched && no_more_lines())
		handle_line_error(p, repetition);
	if (!(n = first_line_left()))
		handle_line_error(p, repetition);
	while (n++ < last_to_save) {
		struct line *l = remove_line();
		if (!l)
			handle_line_error(p, repetition);
		save_line(l);
	}
	close_output_file();
	if (suppress_matched)
		remove_line();
	if (!suppress_matched && no_more_lines())
		handle_line_error(p, repetition);
}

static _Noreturn void regexp_error(const struct control *p, intmax_t repetition, bool ignore)
{
	const char *q = quote(args[p->argnum]);
	if (repetition)
		raw_error("%s: match not found on repetition %jd\n", q, repetition);
	else
		raw_error("%s: match not found\n", q);
	if (!ignore) {
		dump_rest();
		close_output_file();
	}
	cleanup_fatal();
}

static bool line_matches(const struct control *p, const struct line *l)
{
	size_t len = l->len;
	if (len && l->str[len - 1] == '\n')
		len--;
	int r = rx_search(p->re, l->str, len, 0, 0, NULL, 0);
	if (r < 0) {
		diag_error(0, "error in regular expression search");
		cleanup_fatal();
	}
	return r > 0;
}

/* At the end of input: {*} ends the split there, anything else fails. */
static void regexp_eof(const struct control *p, intmax_t repetition, bool ignore)
{
	if (!p->repeat_forever)
		regexp_error(p, repetition, ignore);
	if (!ignore) {
		dump_rest();
		close_output_file();
	}
	exit(EXIT_SUCCESS);
}

static void process_regexp(const struct control *p, intmax_t repetition)
{
	bool ignore = p->ignore;
	struct line *l;

	if (!ignore)
		create_output_file();
	for (;;) {
		l = find_line(++current_line);
		if (!l)
			regexp_eof(p, repetition, ignore);
		if (line_matches(p, l))
			break;
		/* Unless the cut may come before the match, the lines before
		   it can go out as they are read. */
		if (p->offset >= 0) {
			l = remove_line();
			if (!ignore)
				save_line(l);
		}
	}
	intmax_t break_line = current_line + p->offset;
	write_to_file(break_line, ignore, p->argnum);
	if (!ignore)
		close_output_file();
	if (p->offset > 0)
		current_line = break_line;
	if (suppress_matched)
		remove_line();
}

static void split_file(void)
{
	for (size_t i = 0; i < ncontrols; i++) {
		struct control *c = &controls[i];
		for (intmax_t j = 0; c->repeat_forever || j <= c->repeat; j++) {
			if (c->regexpr)
				process_regexp(c, j);
			else
				process_line_count(c, j);
		}
	}
	create_output_file();
	dump_rest();
	close_output_file();
}

/* ---- operands ---------------------------------------------------------- */

static struct control *new_control(int argnum)
{
	static size_t cap;
	if (ncontrols == cap)
		controls = xgrow(controls, &cap, sizeof *controls);
	struct control *p = &controls[ncontrols++];
	memset(p, 0, sizeof *p);
	p->argnum = argnum;
	return p;
}

static struct control *extract_regexp(int argnum, bool ignore, const char *str)
{
	char delim = str[0];
	const char *close = strrchr(str + 1, delim);
	const char *err;
	if (!close)
		diag_die(EXIT_FAILURE, 0, "%s: closing delimiter '%c' missing", str, delim);
	struct control *p = new_control(argnum);
	p->ignore = ignore;
	p->regexpr = true;
	p->re = rx_compile(str + 1, (size_t)(close - str - 1),
			   RX_SYNTAX_POSIX_BASIC & ~(RX_CONTEXT_INVALID_DUP | RX_NO_EMPTY_RANGES),
			   RX_F_NEWLINE_ANCHOR, &err);
	if (!p->re) {
		diag_error(0, "%s: invalid regular expression: %s", quote(str), err);
		cleanup_fatal();
	}
	if (close[1] && num_parse_imax(close + 1, NULL, &p->offset) != NUM_OK)
		diag_die(EXIT_FAILURE, 0, "%s: integer expected after delimiter", quote(str));
	return p;
}

static void parse_repeat_count(int argnum, struct control *p, const char *str)
{
	size_t n = strlen(str);
	if (str[n - 1] != '}')
		diag_die(EXIT_FAILURE, 0, "%s: '}' is required in repeat count", quote(str));
	char *inner = xmemdup(str + 1, n - 1);
	inner[n - 2] = '\0';
	uintmax_t v;
	if (!strcmp(inner, "*")) {
		p->repeat_forever = true;
	} else if (num_parse_umax(inner, NULL, &v) != NUM_OK || v > INTMAX_MAX) {
		char *shown = xmemdup(args[argnum], n);
		shown[n - 1] = '\0';
		diag_die(EXIT_FAILURE, 0, "%s}: integer required between '{' and '}'", quote(shown));
	} else {
		p->repeat = (intmax_t)v;
	}
	free(inner);
}

static void parse_patterns(int argc, int start)
{
	static intmax_t last_val;
	for (int i = start; i < argc; i++) {
		struct control *p;
		if (args[i][0] == '/' || args[i][0] == '%') {
			p = extract_regexp(i, args[i][0] == '%', args[i]);
		} else {
			uintmax_t v;
			p = new_control(i);
			if (num_parse_umax(args[i], NULL, &v) != NUM_OK || v > INTMAX_MAX)
				diag_die(EXIT_FAILURE, 0, "%s: invalid pattern", quote(args[i]));
			if (v == 0)
				diag_die(EXIT_FAILURE, 0, "%s: line number must be greater than zero", args[i]);
			if ((intmax_t)v < last_val)
				diag_die(EXIT_FAILURE, 0, "line number %s is smaller than preceding line number, %jd",
					 quote(args[i]), last_val);
			if ((intmax_t)v == last_val)
				diag_error(0, "warning: line number %s is the same as preceding line number",
					   quote(args[i]));
			last_val = (intmax_t)v;
			p->lines_required = (intmax_t)v;
		}
		if (i + 1 < argc && args[i + 1][0] == '{') {
			i++;
			parse_repeat_count(i, p, args[i]);
		}
	}
}

/* Check the -b FORMAT as GNU does (one int conversion: d i u o x X, with
   flags - 0 ' #, a width and a precision) and make it ready for
   snprintf. Returns the longest name part it can make. */
static size_t check_suffix(char *fmt)
{
	bool seen = false;
	for (char *f = fmt; *f; f++) {
		if (*f != '%' || *++f == '%')
			continue;
		if (seen)
			diag_die(EXIT_FAILURE, 0, "too many %% conversion specifications in suffix");
		seen = true;
		bool thousands = false, alt = false;
		for (;; f++) {
			if (*f == '\'')
				thousands = true;
			else if (*f == '#')
				alt = true;
			else if (*f != '-' && *f != '0')
				break;
		}
		while (isdigit((unsigned char)*f))
			f++;
		if (*f == '.')
			while (isdigit((unsigned char)*++f))
				continue;
		unsigned char ch = (unsigned char)*f;
		bool numeric_alt = false;
		switch (ch) {
		case 'd':
		case 'i':
			break;
		case 'u':
			*f = 'd';
			break;
		case 'o':
		case 'x':
		case 'X':
			numeric_alt = true;
			break;
		case 0:
			diag_die(EXIT_FAILURE, 0, "missing conversion specifier in suffix");
		default:
			if (isprint(ch))
				diag_die(EXIT_FAILURE, 0, "invalid conversion specifier in suffix: %c", ch);
			diag_die(EXIT_FAILURE, 0, "invalid conversion specifier in suffix: \\%.3o", ch);
		}
		if (numeric_alt ? thousands : alt)
			diag_die(EXIT_FAILURE, 0, "invalid flags in conversion specification: %%%c%c",
				 numeric_alt ? '\'' : '#', ch);
	}
	if (!seen)
		diag_die(EXIT_FAILURE, 0, "missing %% conversion specification in suffix");
	int n = snprintf(NULL, 0, fmt, INT32_MAX);
	if (n < 0)
		diag_die(EXIT_FAILURE, 0, "memory exhausted");
	return (size_t)n;
}

int main_csplit(int argc, char **argv)
{
	struct opt_parser p;
	int c;

	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		switch (c) {
		case 'f':
			prefix = p.arg;
			break;
		case 'b':
			suffix = xstrdup(p.arg);
			break;
		case 'k':
			keep_files = true;
			break;
		case 'n':
			digits = (int)num_xparse_imax(p.arg, NULL, 0, INT32_MAX, "invalid number");
			break;
		case 's':
		case 'q':
			quiet = true;
			break;
		case 'z':
			elide_empty = true;
			break;
		case OPT_SUPPRESS_MATCHED:
			suppress_matched = true;
			break;
		default:
			diag_usage_error(NULL);
		}
	}
	if (p.noperands < 2) {
		opt_missing_operand(p.noperands ? p.operands[0] : NULL);
	}
	args = p.operands;

	size_t part = suffix ? check_suffix(suffix) : (size_t)(digits > 11 ? digits : 11);
	name_size = strlen(prefix) + part + 1;
	name_buf = xmalloc(name_size);

	const char *file = args[0];
	in_fd = in_open(file);
	if (in_fd < 0)
		diag_die(EXIT_FAILURE, errno, "cannot open %s for reading", quoteaf(file));
	parse_patterns(p.noperands, 1);
	split_file();
	if (sys_close(in_fd) != 0) {
		diag_error(errno, "read error");
		cleanup_fatal();
	}
	return EXIT_SUCCESS;
}
