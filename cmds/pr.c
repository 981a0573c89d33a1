/* pr: paginate or columnate files for printing. */
#include "common.h"
#include "timefmt.h"

#include <ctype.h>
#include <inttypes.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>

enum { OPT_PAGES = OPT_LONG, OPT_COLUMNS };

/* In GNU's order of long options: it decides the ambiguity messages. */
#define OPTIONS(O) \
	O("pages", OPT_PAGES, OPT_REQ, "FIRST[:LAST]", "start printing with page FIRST, stop after page LAST;\nthe same as +FIRST[:LAST]") \
	O("columns", OPT_COLUMNS, OPT_REQ, "COLS", "print COLS columns, filled down unless -a is given,\nwith balanced lengths; the same as -COLS") \
	O("across", 'a', OPT_NONE, "", "with columns, fill them across rather than down") \
	O("show-control-chars", 'c', OPT_NONE, "", "show control characters as ^G and other\nnonprinting bytes as \\ooo") \
	O("double-space", 'd', OPT_NONE, "", "leave an empty line after each line") \
	O("date-format", 'D', OPT_REQ, "FORMAT", "format the date in page headers with FORMAT (as date)") \
	O("expand-tabs", 'e', OPT_OPT, "CHAR[WIDTH]", "turn input CHARs (tabs) into spaces, tab stops every\nWIDTH (8) columns") \
	O("", 'F', OPT_NONE, "", "end pages with a form feed rather than newlines") \
	O("form-feed", 'f', OPT_NONE, "", "the same as -F (3-line headers with either, 5-line\nheaders and footers without)") \
	O("header", 'h', OPT_REQ, "HEADER", "print HEADER in the middle of page headers instead of\nthe file name; -h \"\" leaves it empty") \
	O("output-tabs", 'i', OPT_OPT, "CHAR[WIDTH]", "write runs of spaces as CHARs (tabs), tab stops every\nWIDTH (8) columns") \
	O("join-lines", 'J', OPT_NONE, "", "with columns, print whole lines: no truncation by -W,\nno alignment; --sep-string sets the separator") \
	O("length", 'l', OPT_REQ, "PAGE_LENGTH", "make pages PAGE_LENGTH (66) lines long, 56 of them\ntext (63 with -F); 10 or less implies -t") \
	O("merge", 'm', OPT_NONE, "", "print the files side by side, one column each,\ntruncating lines unless -J is given") \
	O("number-lines", 'n', OPT_OPT, "SEP[DIGITS]", "number lines with DIGITS (5) digits followed by SEP\n(a tab); numbers count from the first input line") \
	O("first-line-number", 'N', OPT_REQ, "NUMBER", "number the first line printed NUMBER (see +FIRST)") \
	O("indent", 'o', OPT_REQ, "MARGIN", "put MARGIN (0) spaces before every line; they do not\ncount in -w or -W") \
	O("no-file-warnings", 'r', OPT_NONE, "", "say nothing about files that cannot be opened") \
	O("separator", 's', OPT_OPT, "CHAR", "separate columns with the single CHAR (a tab, or\nnothing with -w) and do not truncate lines, unless -w") \
	O("sep-string", 'S', OPT_OPT, "STRING", "separate columns with STRING (a space, or a tab with\n-J); leaves truncation alone") \
	O("omit-header", 't', OPT_NONE, "", "print no page headers or footers") \
	O("omit-pagination", 'T', OPT_NONE, "", "print no page headers or footers, and drop the form\nfeeds of the input") \
	O("show-nonprinting", 'v', OPT_NONE, "", "show nonprinting bytes as \\ooo") \
	O("width", 'w', OPT_REQ, "PAGE_WIDTH", "with columns, make pages PAGE_WIDTH (72) characters\nwide; -s turns that off") \
	O("page-width", 'W', OPT_REQ, "PAGE_WIDTH", "make pages PAGE_WIDTH (72) characters wide always,\ntruncating lines unless -J is given") \
	O("", 'b', OPT_NONE, "", "")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "pr",
	.text = CMD_USAGE("[OPTION]... [FILE]...")
		CMD_SUMMARY("Lay out the FILEs in pages, with headers, for printing.\n"
		            "\n"
		            "Without FILE, or when FILE is -, read standard input.\n"
		            "Arguments required by long options are required by short ones too.\n"
		            "\n"
		            "  +FIRST[:LAST]           the same as --pages=FIRST[:LAST]\n"
		            "  -COLS                   the same as --columns=COLS"),
	.flags = OPT_F_DIGITS | OPT_F_IN_ORDER,
};

/* Where a column may start when lines are not truncated. */
enum { ANYWHERE = 0 };
enum { LINES_PER_HEADER = 5, LINES_PER_FOOTER = 5 };
enum { INBUF_SIZE = 64 * 1024 };

/* An input file read a byte at a time, with one byte of push-back. The
   columns of one file share it. */
struct input {
	int fd;
	char *buf;
	size_t pos, len;
	bool eof;
	int err;        /* errno of a failed read */
};

static int in_getc(struct input *in)
{
	if (in->pos < in->len)
		return (unsigned char)in->buf[in->pos++];
	if (in->eof || in->err)
		return EOF;
	sys_ssize n = sys_read(in->fd, in->buf, INBUF_SIZE);
	if (n <= 0) {
		if (n < 0)
			in->err = errno;
		else
			in->eof = true;
		return EOF;
	}
	in->len = (size_t)n;
	in->pos = 1;
	return (unsigned char)in->buf[0];
}

static void in_ungetc(struct input *in, int c)
{
	if (c != EOF)
		in->pos--;
}

enum col_status {
	OPEN,
	FF_FOUND,       /* storing columns: a form feed was read */
	ON_HOLD,        /* a form feed was read: wait for the next page */
	CLOSED,
};

/* One column of the page. All columns of one file share its input; with
   -m each file is a column. A stored column is read into BUFF first
   (one file printed down in several columns) and printed from there;
   the others are printed as they are read. */
struct column {
	struct input *in;
	const char *name;
	enum col_status status;
	bool stored;
	int current_line;       /* index in line_vector of its next stored line */
	int lines_stored;
	int lines_to_print;     /* stored lines left, or room left on the page */
	int start_position;     /* where the column starts, or ANYWHERE */
	bool numbered;
	/* A full page was printed without meeting a form feed: a form feed
	   right at the start of the next line then makes no empty page. */
	bool full_page_printed;
};

static struct column *column_vector;
static struct input stdin_input;

/* Stored columns: lines one after another in BUFF; LINE_VECTOR[i] is
   where line i starts (one more entry marks the end), END_VECTOR[i] the
   horizontal position after it. */
static char *buff;
static size_t buff_current, buff_allocated;
static size_t *line_vector;
static int *end_vector;

static bool parallel_files;             /* -m */
static bool align_empty_cols;           /* -m: the line starts with empty columns */
static bool empty_line;                 /* -m: nothing printed on this line yet */
static bool ff_only;                    /* -m: a column had just a form feed */
static bool explicit_columns;
static bool extremities = true;         /* headers and footers (not -t, -T) */
static bool keep_ff;                    /* -t: keep the input's form feeds */
static bool print_a_ff;
static bool print_a_header;
static bool use_form_feed;              /* -F */
static bool have_read_stdin;
static bool print_across_flag;          /* -a */
static bool storing_columns = true;
static bool balance_columns;            /* -b, and whenever storing */
static int lines_per_page = 66;
static int lines_per_body;
static int chars_per_line = 72;         /* -w, -W */
static bool truncate_lines;
static bool join_lines;                 /* -J */
static int chars_per_column;
static bool untabify_input;             /* -e */
static char input_tab_char = '\t';
static int chars_per_input_tab = 8;
static bool tabify_output;              /* -i */
static char output_tab_char = '\t';
static int chars_per_output_tab = 8;
static int spaces_not_printed;          /* white space held back for tabbing */
static int chars_per_margin;            /* -o */
static int output_position;             /* column of the next output byte */
static int input_position;              /* column in the input line */
static bool failed_opens;
static int columns = 1;
static uintmax_t first_page_number;
static uintmax_t last_page_number = UINTMAX_MAX;
static int files_ready_to_read;
static uintmax_t page_number;
static int line_number;
static bool numbered_lines;             /* -n */
static char number_separator = '\t';
static int line_count = 1;
static bool skip_count = true;          /* count skipped lines (no -N) */
static int start_line_num = 1;          /* -N */
static int chars_per_number = 5;
static int number_width;                /* the number and its separator */
static bool use_esc_sequence;           /* -v */
static bool use_cntrl_prefix;           /* -c */
static bool double_space;               /* -d */
static int total_files;
static bool ignore_failed_opens;        /* -r */
static bool use_col_separator;
static const char *col_sep_string = "";
static int col_sep_length;
static const char *const column_separator = " ";
static const char *const line_separator = "\t";
static int separators_not_printed;
static int padding_not_printed;
static bool pad_vertically;
static const char *custom_header;       /* -h */
static const char *date_format;         /* -D */
static char *date_text;
static const char *file_text;
static int header_width_available;
static char *clump_buff;
static char *number_buff;
static size_t number_buff_size;
static bool last_line;                  /* skip_read is reading a page's last line */

#define TAB_WIDTH(c, h) ((c) - ((h) % (c)))
#define POS_AFTER_TAB(c, h) ((h) + TAB_WIDTH(c, h))

static bool read_line(struct column *p);
static void read_rest_of_line(struct column *p);
static void print_char(char c);

static bool is_print(unsigned char c)
{
	return c >= 0x20 && c < 0x7f;
}

/* The number of columns S takes on a terminal, as GNU's mbswidth. */
static int text_width(const char *s)
{
	size_t len = strlen(s);
	int w = 0;
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80 || !sys_locale_utf8()) {
			w += is_print(c) || c >= 0x80;
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			w++;
			i++;
			continue;
		}
		int cw = utf8_width(cp);
		w += cw >= 0 ? cw : !(cp < 0x20 || (cp >= 0x7f && cp < 0xa0));
		i += n;
	}
	return w;
}

static void put(char c)
{
	out_putc(c);
}

/* The columns that have an open file or stored lines left. */
static int cols_ready_to_print(void)
{
	int n = 0;
	struct column *q = column_vector;
	for (int i = 0; i < columns; i++, q++)
		if (q->status == OPEN || q->status == FF_FOUND
		    || (storing_columns && q->lines_stored > 0 && q->lines_to_print > 0))
			n++;
	return n;
}

/* GNU's message for a bad number in +FIRST[:LAST] or --pages. */
static _Noreturn void pages_number_error(int st, bool plus, const char *arg)
{
	const char *fmt = st == NUM_OVERFLOW ? "%s%s argument '%s' too large"
			: st & NUM_INVALID_SUFFIX ? "invalid suffix in %s%s argument '%s'"
			: "invalid %s%s argument '%s'";
	diag_die(EXIT_FAILURE, 0, fmt, plus ? "" : "--", plus ? "+" : "pages", arg);
}

/* strtoumax() with xstrtoumax's verdict, no suffixes; *END after the
   digits. */
static int parse_page(const char *s, char **end, uintmax_t *v)
{
	const char *q = s;
	while (isspace((unsigned char)*q))
		q++;
	*end = (char *)s;
	if (*q == '-')
		return NUM_INVALID;
	errno = 0;
	*v = strtoumax(s, end, 10);
	if (*end == s)
		return NUM_INVALID;
	int st = errno == ERANGE ? NUM_OVERFLOW : NUM_OK;
	if (**end)
		st |= NUM_INVALID_SUFFIX;
	return st;
}

/* FIRST[:LAST]: false when it is no page range (a file name for +). */
static bool first_last_page(bool plus, const char *pages)
{
	char *p;
	uintmax_t first, last = UINTMAX_MAX;
	int st = parse_page(pages, &p, &first);
	if (st != NUM_OK && st != NUM_INVALID_SUFFIX)
		pages_number_error(st, plus, pages);
	if (p == pages || !first)
		return false;
	if (*p == ':') {
		const char *p1 = p + 1;
		st = parse_page(p1, &p, &last);
		if (st != NUM_OK)
			pages_number_error(st, plus, pages);
		if (p1 == p || last < first)
			return false;
	}
	if (*p)
		return false;
	first_page_number = first;
	last_page_number = last;
	return true;
}

/* A number for an option: MIN to INT_MAX. */
static int getoptnum(const char *s, int min, const char *what)
{
	return (int)num_xparse_imax_flags(s, "", min, INT_MAX, what, min <= 0 ? 0 : NUM_X_MIN_RANGE);
}

/* The CHAR[NUMBER] argument of -e, -i, -n. */
static void getoptarg(const char *arg, char opt, char *character, int *number)
{
	if (!*arg)
		diag_usage_error("'-%c': Invalid argument: %s", opt, quote(arg));
	if (!(*arg >= '0' && *arg <= '9'))
		*character = *arg++;
	if (*arg) {
		char *end;
		errno = 0;
		long v = strtol(arg, &end, 10);
		int st = end == arg ? NUM_INVALID : errno == ERANGE ? NUM_OVERFLOW : NUM_OK;
		if (st != NUM_INVALID && *end)
			st |= NUM_INVALID_SUFFIX;
		if (st == NUM_OK && v <= 0)
			st = NUM_INVALID;
		else if (st == NUM_OK && v > INT_MAX)
			st = NUM_OVERFLOW;
		if (st != NUM_OK) {
			const char *q = quote(arg);
			if (st & NUM_OVERFLOW)
				diag_usage_error("'-%c' extra characters or invalid number in the argument: %s: %s",
						 opt, q, sys_strerror(EOVERFLOW));
			diag_usage_error("'-%c' extra characters or invalid number in the argument: %s", opt, q);
		}
		*number = (int)v;
	}
}

static void parse_column_count(const char *s)
{
	columns = getoptnum(s, 1, "invalid number of columns");
	explicit_columns = true;
}

static void separator_string(const char *s)
{
	size_t len = strlen(s);
	if (len > INT_MAX)
		diag_die(EXIT_FAILURE, 0, "integer overflow");
	col_sep_length = (int)len;
	col_sep_string = s;
}

/* Settings that depend on the options and on the number of files. */
static void init_parameters(int number_of_files)
{
	int chars_used_by_number = 0;
	lines_per_body = lines_per_page - LINES_PER_HEADER - LINES_PER_FOOTER;
	if (lines_per_body <= 0) {
		extremities = false;
		keep_ff = true;
	}
	if (!extremities)
		lines_per_body = lines_per_page;
	if (double_space)
		lines_per_body = lines_per_body / 2 > 1 ? lines_per_body / 2 : 1;
	if (number_of_files == 0)
		parallel_files = false;
	if (parallel_files)
		columns = number_of_files;
	if (storing_columns)
		balance_columns = true;

	if (columns > 1) {
		if (!use_col_separator) {
			col_sep_string = join_lines ? line_separator : column_separator;
			col_sep_length = 1;
			use_col_separator = true;
		} else if (!join_lines && col_sep_length == 1 && *col_sep_string == '\t') {
			/* A tab separator makes no sense with aligned columns. */
			col_sep_string = column_separator;
		}
		truncate_lines = true;
		if (!(col_sep_length == 1 && *col_sep_string == '\t'))
			untabify_input = true;
		tabify_output = true;
	} else {
		storing_columns = false;
	}
	if (join_lines)
		truncate_lines = false;

	if (numbered_lines) {
		line_count = start_line_num;
		if (number_separator == '\t')
			number_width = chars_per_number + TAB_WIDTH(8, chars_per_number);
		else
			number_width = chars_per_number + 1;
		if (parallel_files)
			chars_used_by_number = number_width;
	}

	long long sep_chars = (long long)(columns - 1) * col_sep_length;
	long long useful = (long long)chars_per_line - chars_used_by_number - sep_chars;
	if (sep_chars > INT_MAX || useful < INT_MIN)
		useful = 0;
	chars_per_column = (int)(useful / columns);
	if (chars_per_column < 1)
		diag_die(EXIT_FAILURE, 0, "page width too narrow");

	if (numbered_lines) {
		free(number_buff);
		number_buff_size = (size_t)chars_per_number + 16;
		number_buff = xmalloc(number_buff_size);
	}
	free(clump_buff);
	clump_buff = xmalloc(chars_per_input_tab > 8 ? (size_t)chars_per_input_tab : 8);
}

/* The header's date, of file FD when it is one (-1: now), and its name. */
static void init_header(const char *filename, int fd)
{
	static struct sys_time now;
	struct sys_time t;
	struct sys_stat st;
	if (strcmp(filename, "-") == 0)
		fd = -1;
	if (fd >= 0 && sys_fstat(fd, &st) == 0) {
		t = st.mtime;
	} else {
		if (!now.sec)
			now = sys_now();
		t = now;
	}
	char *text = time_format_local(date_format, t.sec, t.nsec);
	if (!text)
		text = xasprintf("%jd.%09d", (intmax_t)t.sec, (int)t.nsec);
	free(date_text);
	date_text = text;
	file_text = custom_header ? custom_header : fd < 0 ? "" : filename;
	header_width_available = chars_per_line - text_width(date_text) - text_width(file_text);
}

static struct input *new_input(int fd)
{
	struct input *in = xcalloc(1, sizeof *in);
	in->fd = fd;
	in->buf = xmalloc(INBUF_SIZE);
	return in;
}

/* Open NAME for column P; false (reported unless -r) when it cannot be. */
static bool open_file(const char *name, struct column *p)
{
	if (strcmp(name, "-") == 0) {
		p->name = "standard input";
		p->in = &stdin_input;
		have_read_stdin = true;
	} else {
		p->name = name;
		int fd = sys_open(name, SYS_O_RDONLY, 0);
		if (fd < 0) {
			failed_opens = true;
			if (!ignore_failed_opens)
				diag_error(errno, "%s", quotef(name));
			return false;
		}
		sys_advise_sequential(fd);
		p->in = new_input(fd);
	}
	p->status = OPEN;
	p->full_page_printed = false;
	total_files++;
	return true;
}

/* Close P's file; without -m every column of it is done. */
static void close_file(struct column *p)
{
	if (p->status == CLOSED)
		return;
	struct input *in = p->in;
	int err = in->err;
	if (in == &stdin_input) {
		in->eof = false;
		in->err = 0;
	} else {
		if (sys_close(in->fd) != 0 && !err)
			err = errno;
		free(in->buf);
		free(in);
	}
	if (err)
		diag_die(EXIT_FAILURE, err, "%s", quotef(p->name));
	if (!parallel_files) {
		struct column *q = column_vector;
		for (int i = columns; i; i--, q++) {
			q->status = CLOSED;
			if (q->lines_stored == 0)
				q->lines_to_print = 0;
		}
	} else {
		p->status = CLOSED;
		p->lines_to_print = 0;
	}
	files_ready_to_read--;
}

/* A form feed: P's file waits for the next page. */
static void hold_file(struct column *p)
{
	if (!parallel_files) {
		struct column *q = column_vector;
		for (int i = columns; i; i--, q++)
			q->status = storing_columns ? FF_FOUND : ON_HOLD;
	} else {
		p->status = ON_HOLD;
	}
	p->lines_to_print = 0;
	files_ready_to_read--;
}

/* At the end of a page, the files on hold read on. */
static void reset_status(void)
{
	struct column *p = column_vector;
	for (int i = columns; i; i--, p++)
		if (p->status == ON_HOLD) {
			p->status = OPEN;
			files_ready_to_read++;
		}
	if (storing_columns)
		files_ready_to_read = column_vector->status == CLOSED ? 0 : 1;
}

/* Set up the columns for NUMBER_OF_FILES files (0: standard input).
   False when no file could be opened. */
static bool init_fps(int number_of_files, char **av)
{
	total_files = 0;
	free(column_vector);
	column_vector = xcalloc((size_t)columns, sizeof *column_vector);
	struct column *p = column_vector;
	if (parallel_files) {
		for (int left = number_of_files; left--; av++) {
			if (open_file(*av, p))
				p++;
			else
				columns--;
		}
		if (columns == 0)
			return false;
		init_header("", -1);
	} else {
		if (number_of_files > 0) {
			if (!open_file(*av, p))
				return false;
			init_header(*av, p->in->fd);
		} else {
			p->name = "standard input";
			p->in = &stdin_input;
			have_read_stdin = true;
			p->status = OPEN;
			p->full_page_printed = false;
			total_files++;
			init_header("", -1);
		}
		p->lines_stored = 0;
		for (int i = columns - 1; i; i--) {
			struct column *q = ++p;
			q->name = column_vector->name;
			q->in = column_vector->in;
			q->status = OPEN;
			q->full_page_printed = false;
			q->lines_stored = 0;
		}
	}
	files_ready_to_read = total_files;
	return true;
}

/* How each column prints, and where it starts. */
static void init_funcs(void)
{
	int h = chars_per_margin, h_next;
	if (!truncate_lines)
		h_next = ANYWHERE;
	else if (parallel_files && numbered_lines)
		h_next = h + chars_per_column + number_width;
	else
		h_next = h + chars_per_column;
	/* The first column starts after a separator, like the others. */
	h += col_sep_length;

	struct column *p = column_vector;
	int i;
	for (i = 1; i < columns; p++, i++) {
		p->stored = storing_columns;
		p->numbered = numbered_lines && (!parallel_files || i == 1);
		p->start_position = h;
		if (!truncate_lines) {
			h = ANYWHERE;
			h_next = ANYWHERE;
		} else {
			h = h_next + col_sep_length;
			h_next = h + chars_per_column;
		}
	}
	p->stored = storing_columns && balance_columns;
	p->numbered = numbered_lines && (!parallel_files || i == 1);
	p->start_position = h;
}

/* Room for the lines of the stored columns of a page. */
static void init_store_cols(void)
{
	long long total_lines = (long long)lines_per_body * columns;
	long long chars = total_lines * ((long long)chars_per_column + 1) * (use_col_separator + 1);
	if (total_lines >= INT_MAX || chars > INT_MAX)
		diag_die(EXIT_FAILURE, 0, "integer overflow");
	free(line_vector);
	line_vector = xmalloc(((size_t)total_lines + 1) * sizeof *line_vector);
	free(end_vector);
	end_vector = xmalloc(((size_t)total_lines + 1) * sizeof *end_vector);
	free(buff);
	buff_allocated = chars < 64 * 1024 ? (size_t)chars : 64 * 1024;
	if (buff_allocated == 0)
		buff_allocated = 1;
	buff = xmalloc(buff_allocated);
}

static void store_char(char c)
{
	if (buff_current >= buff_allocated)
		buff = xgrow(buff, &buff_allocated, 1);
	buff[buff_current++] = c;
}

static void column_char(struct column *p, char c)
{
	if (p->stored)
		store_char(c);
	else
		print_char(c);
}

/* Share the stored lines out among the columns, the first ones getting
   one more when they do not divide evenly. */
static void balance(int total_stored)
{
	int first_line = 0;
	struct column *p = column_vector;
	for (int i = 1; i <= columns; i++, p++) {
		int lines = total_stored / columns + (i <= total_stored % columns);
		p->lines_stored = lines;
		p->current_line = first_line;
		first_line += lines;
	}
}

/* Read the lines of a page's stored columns into BUFF. */
static void store_columns(void)
{
	int line = 0;
	size_t buff_start = 0;
	int last_col = balance_columns ? columns : columns - 1;
	struct column *p;
	int i;

	buff_current = 0;
	for (i = 1, p = column_vector; i <= last_col; i++, p++)
		p->lines_stored = 0;
	for (i = 1, p = column_vector; i <= last_col && files_ready_to_read; i++, p++) {
		p->current_line = line;
		for (int j = lines_per_body; j && files_ready_to_read; j--) {
			if (p->status != OPEN)
				continue;
			input_position = 0;
			if (!read_line(p))
				read_rest_of_line(p);
			if (p->status == OPEN || buff_start != buff_current) {
				p->lines_stored++;
				line_vector[line] = buff_start;
				end_vector[line++] = input_position;
				buff_start = buff_current;
			}
		}
	}
	line_vector[line] = buff_start;
	if (balance_columns)
		balance(line);
}

/* Which columns print on this page, and how many lines each. */
static void init_page(void)
{
	struct column *p = column_vector;
	if (storing_columns) {
		store_columns();
		for (int j = columns - 1; j; j--, p++)
			p->lines_to_print = p->lines_stored;
		if (balance_columns)
			p->lines_to_print = p->lines_stored;
		else
			p->lines_to_print = p->status == OPEN ? lines_per_body : 0;
	} else {
		for (int j = columns; j; j--, p++)
			p->lines_to_print = p->status == OPEN ? lines_per_body : 0;
	}
}

/* Print the white space held back, as tabs where they fit. */
static void print_white_space(void)
{
	int h_old = output_position, h_new;
	int goal = h_old + spaces_not_printed;
	while (goal - h_old > 1 && (h_new = POS_AFTER_TAB(chars_per_output_tab, h_old)) <= goal) {
		put(output_tab_char);
		h_old = h_new;
	}
	while (++h_old <= goal)
		put(' ');
	output_position = goal;
	spaces_not_printed = 0;
}

/* Pad to column POSITION (held back when tabbing). */
static void pad_across_to(int position)
{
	if (tabify_output) {
		spaces_not_printed = position - output_position;
	} else {
		for (int h = output_position; ++h <= position;)
			put(' ');
		output_position = position;
	}
}

/* The column separators that were held back until this line had
   something to print. */
static void print_sep_string(void)
{
	const char *s = col_sep_string;
	int l = col_sep_length;
	if (separators_not_printed <= 0) {
		if (spaces_not_printed > 0)
			print_white_space();
		return;
	}
	for (; separators_not_printed > 0; separators_not_printed--) {
		while (l-- > 0) {
			if (*s == ' ') {
				/* Spaces may become tabs. */
				s++;
				spaces_not_printed++;
			} else {
				if (spaces_not_printed > 0)
					print_white_space();
				put(*s++);
				output_position++;
			}
		}
		if (spaces_not_printed > 0)
			print_white_space();
	}
}

static void print_char(char c)
{
	if (tabify_output) {
		if (c == ' ') {
			spaces_not_printed++;
			return;
		}
		if (spaces_not_printed > 0)
			print_white_space();
		if (!is_print((unsigned char)c)) {
			if (c == '\b')
				output_position--;
		} else {
			output_position++;
		}
	}
	put(c);
}

static void add_line_number(struct column *p)
{
	int len = snprintf(number_buff, number_buff_size, "%*d", chars_per_number, line_number);
	line_number++;
	/* Too long a number loses its leading digits. */
	const char *s = number_buff + (len - chars_per_number);
	for (int i = chars_per_number; i > 0; i--)
		column_char(p, *s++);
	if (columns > 1) {
		if (number_separator == '\t') {
			for (int i = number_width - chars_per_number; i > 0; i--)
				column_char(p, ' ');
		} else {
			column_char(p, number_separator);
		}
	} else {
		column_char(p, number_separator);
		if (number_separator == '\t')
			output_position = POS_AFTER_TAB(chars_per_output_tab, output_position);
	}
	if (truncate_lines && !parallel_files)
		input_position += number_width;
}

/* An empty column of -m: pad to it, separate, number. */
static void align_column(struct column *p)
{
	padding_not_printed = p->start_position;
	if (col_sep_length < padding_not_printed) {
		pad_across_to(padding_not_printed - col_sep_length);
		padding_not_printed = ANYWHERE;
	}
	if (use_col_separator)
		print_sep_string();
	if (p->numbered)
		add_line_number(p);
}

static void pad_down(int lines)
{
	if (use_form_feed)
		put('\f');
	else
		for (int i = lines; i > 0; i--)
			put('\n');
}

/* Skip the rest of a truncated line. */
static void read_rest_of_line(struct column *p)
{
	struct input *in = p->in;
	int c;
	while ((c = in_getc(in)) != '\n') {
		if (c == '\f') {
			if ((c = in_getc(in)) != '\n')
				in_ungetc(in, c);
			if (keep_ff)
				print_a_ff = true;
			hold_file(p);
			break;
		}
		if (c == EOF) {
			close_file(p);
			break;
		}
	}
}

/* Read a line of a page being skipped, counting it for -n. */
static void skip_read(struct column *p, int column_number)
{
	struct input *in = p->in;
	bool single_ff = false;
	int c = in_getc(in);
	if (c == '\f' && p->full_page_printed)
		if ((c = in_getc(in)) == '\n')
			c = in_getc(in);
	p->full_page_printed = false;
	if (c == '\f')
		single_ff = true;
	if (last_line)
		p->full_page_printed = true;
	while (c != '\n') {
		if (c == '\f') {
			if (last_line) {
				if (!parallel_files) {
					struct column *q = column_vector;
					for (int i = columns; i; i--, q++)
						q->full_page_printed = false;
				} else {
					p->full_page_printed = false;
				}
			}
			if ((c = in_getc(in)) != '\n')
				in_ungetc(in, c);
			hold_file(p);
			break;
		}
		if (c == EOF) {
			close_file(p);
			break;
		}
		c = in_getc(in);
	}
	if (skip_count && (!parallel_files || column_number == 1) && !single_ff)
		line_count++;
}

/* Skip the pages before PAGE; false when the input ends first. */
static bool skip_to_page(uintmax_t page)
{
	for (uintmax_t n = 1; n < page; n++) {
		struct column *p;
		int j;
		for (int i = 1; i < lines_per_body; i++)
			for (j = 1, p = column_vector; j <= columns; j++, p++)
				if (p->status == OPEN)
					skip_read(p, j);
		last_line = true;
		for (j = 1, p = column_vector; j <= columns; j++, p++)
			if (p->status == OPEN)
				skip_read(p, j);
		if (storing_columns)
			for (j = 1, p = column_vector; j <= columns; j++, p++)
				if (p->status != CLOSED)
					p->status = ON_HOLD;
		reset_status();
		last_line = false;
		if (files_ready_to_read < 1) {
			diag_error(0, "starting page number %ju exceeds page count %ju", page, n);
			break;
		}
	}
	return files_ready_to_read > 0;
}

static void print_header(void)
{
	output_position = 0;
	pad_across_to(chars_per_margin);
	print_white_space();
	if (page_number == 0)
		diag_die(EXIT_FAILURE, 0, "page number overflow");
	char page_text[64];
	snprintf(page_text, sizeof page_text, "Page %ju", page_number);
	int available = header_width_available - text_width(page_text);
	if (available < 0)
		available = 0;
	int lhs = available >> 1, rhs = available - lhs;
	out_printf("\n\n%*s%s%*s%s%*s%s\n\n\n", chars_per_margin, "", date_text, lhs, " ",
		   file_text, rhs, " ", page_text);
	print_a_header = false;
	output_position = 0;
}

/* Turn C into what is printed for it (in CLUMP_BUFF): tabs expanded with
   -e, nonprinting bytes escaped with -v or -c. Returns the number of
   bytes; INPUT_POSITION moves by the clump's width. */
static int char_to_clump(char c)
{
	unsigned char uc = (unsigned char)c;
	char *s = clump_buff;
	int width, chars;
	int chars_per_c = 8;
	if (c == input_tab_char)
		chars_per_c = chars_per_input_tab;
	if (c == input_tab_char || c == '\t') {
		width = TAB_WIDTH(chars_per_c, input_position);
		if (untabify_input) {
			for (int i = width; i; i--)
				*s++ = ' ';
			chars = width;
		} else {
			*s = c;
			chars = 1;
		}
	} else if (!is_print(uc)) {
		if (use_esc_sequence || (use_cntrl_prefix && uc >= 0200)) {
			width = chars = 4;
			snprintf(s, 5, "\\%03o", uc);
		} else if (use_cntrl_prefix) {
			width = chars = 2;
			s[0] = '^';
			s[1] = (char)(c ^ 0100);
		} else if (c == '\b') {
			width = -1;
			chars = 1;
			*s = c;
		} else {
			width = 0;
			chars = 1;
			*s = c;
		}
	} else {
		width = chars = 1;
		*s = c;
	}
	/* Backspaces never take us left of the first column. */
	if (width < 0 && input_position == 0) {
		chars = 0;
		input_position = 0;
	} else if (width < 0 && input_position <= -width) {
		input_position = 0;
	} else {
		input_position += width;
	}
	return chars;
}

static void print_clump(struct column *p, int n, const char *clump)
{
	while (n--)
		column_char(p, *clump++);
}

/* Print (or store) a line of column P. False when the line was cut at
   the column's width: the caller skips the rest of it. */
static bool read_line(struct column *p)
{
	struct input *in = p->in;
	int chars = 0;
	int c = in_getc(in);
	int last_input_position = input_position;
	if (c == '\f' && p->full_page_printed)
		if ((c = in_getc(in)) == '\n')
			c = in_getc(in);
	p->full_page_printed = false;

	switch (c) {
	case '\f':
		if ((c = in_getc(in)) != '\n')
			in_ungetc(in, c);
		ff_only = true;
		if (print_a_header && !storing_columns) {
			pad_vertically = true;
			print_header();
		} else if (keep_ff) {
			print_a_ff = true;
		}
		hold_file(p);
		return true;
	case EOF:
		close_file(p);
		return true;
	case '\n':
		break;
	default:
		chars = char_to_clump((char)c);
	}

	if (truncate_lines && input_position > chars_per_column) {
		input_position = last_input_position;
		return false;
	}

	if (!p->stored) {
		pad_vertically = true;
		if (print_a_header && !storing_columns)
			print_header();
		if (parallel_files && align_empty_cols) {
			/* Empty columns at the start of the line get aligned. */
			int k = separators_not_printed;
			separators_not_printed = 0;
			struct column *q = column_vector;
			for (int j = 1; j <= k; j++, q++) {
				align_column(q);
				separators_not_printed++;
			}
			padding_not_printed = p->start_position;
			spaces_not_printed = truncate_lines ? chars_per_column : 0;
			align_empty_cols = false;
		}
		if (col_sep_length < padding_not_printed) {
			pad_across_to(padding_not_printed - col_sep_length);
			padding_not_printed = ANYWHERE;
		}
		if (use_col_separator)
			print_sep_string();
	}

	if (p->numbered)
		add_line_number(p);
	empty_line = false;
	if (c == '\n')
		return true;
	print_clump(p, chars, clump_buff);

	for (;;) {
		c = in_getc(in);
		switch (c) {
		case '\n':
			return true;
		case '\f':
			if ((c = in_getc(in)) != '\n')
				in_ungetc(in, c);
			if (keep_ff)
				print_a_ff = true;
			hold_file(p);
			return true;
		case EOF:
			close_file(p);
			return true;
		}
		last_input_position = input_position;
		chars = char_to_clump((char)c);
		if (truncate_lines && input_position > chars_per_column) {
			input_position = last_input_position;
			return false;
		}
		print_clump(p, chars, clump_buff);
	}
}

/* Print a stored line of column P. */
static bool print_stored(struct column *p)
{
	int line = p->current_line++;

	pad_vertically = true;
	if (print_a_header)
		print_header();
	if (p->status == FF_FOUND) {
		struct column *q = column_vector;
		for (int i = 1; i <= columns; i++, q++)
			q->status = ON_HOLD;
		if (column_vector->lines_to_print <= 0) {
			if (!extremities)
				pad_vertically = false;
			return true;    /* just the header */
		}
	}
	if (col_sep_length < padding_not_printed) {
		pad_across_to(padding_not_printed - col_sep_length);
		padding_not_printed = ANYWHERE;
	}
	if (use_col_separator)
		print_sep_string();
	for (size_t i = line_vector[line]; i < line_vector[line + 1]; i++)
		print_char(buff[i]);
	if (spaces_not_printed == 0) {
		output_position = p->start_position + end_vector[line];
		if (p->start_position - col_sep_length == chars_per_margin)
			output_position -= col_sep_length;
	}
	return true;
}

/* Print one page; false when there is nothing (more) to print. */
static bool print_page(void)
{
	init_page();
	if (cols_ready_to_print() == 0)
		return false;
	if (extremities)
		print_a_header = true;

	/* PV tells whether any line was printed, to pad the page down. */
	pad_vertically = false;
	bool pv = false;
	int lines_left_on_page = lines_per_body;
	if (double_space)
		lines_left_on_page *= 2;

	while (lines_left_on_page > 0 && cols_ready_to_print() > 0) {
		output_position = 0;
		spaces_not_printed = 0;
		separators_not_printed = 0;
		pad_vertically = false;
		align_empty_cols = false;
		empty_line = true;
		struct column *p = column_vector;
		for (int j = 1; j <= columns; j++, p++) {
			input_position = 0;
			if (p->lines_to_print > 0 || p->status == FF_FOUND) {
				ff_only = false;
				padding_not_printed = p->start_position;
				if (!(p->stored ? print_stored(p) : read_line(p)))
					read_rest_of_line(p);
				pv |= pad_vertically;
				p->lines_to_print--;
				if (p->lines_to_print <= 0 && cols_ready_to_print() == 0)
					break;
				/* The file reached a form feed or its end. */
				if (parallel_files && p->status != OPEN) {
					if (empty_line)
						align_empty_cols = true;
					else if (p->status == CLOSED || (p->status == ON_HOLD && ff_only))
						align_column(p);
				}
			} else if (parallel_files) {
				if (empty_line)
					align_empty_cols = true;
				else
					align_column(p);
			}
			if (use_col_separator)
				separators_not_printed++;
		}
		if (pad_vertically) {
			put('\n');
			lines_left_on_page--;
		}
		if (cols_ready_to_print() == 0 && !extremities)
			break;
		if (double_space && pv) {
			put('\n');
			lines_left_on_page--;
		}
	}

	if (lines_left_on_page == 0) {
		struct column *p = column_vector;
		for (int j = 1; j <= columns; j++, p++)
			if (p->status == OPEN)
				p->full_page_printed = true;
	}
	pad_vertically = pv;
	if (pad_vertically && extremities) {
		pad_down(lines_left_on_page + LINES_PER_FOOTER);
	} else if (keep_ff && print_a_ff) {
		put('\f');
		print_a_ff = false;
	}
	if (last_page_number < ++page_number)
		return false;
	reset_status();
	return true;
}

/* Let go of the files still open when printing stops early. */
static void release_inputs(void)
{
	int n = parallel_files ? columns : columns > 0;
	for (int i = 0; i < n; i++) {
		struct column *p = &column_vector[i];
		if (p->status != CLOSED && p->in && p->in != &stdin_input) {
			sys_close(p->in->fd);
			free(p->in->buf);
			free(p->in);
		}
		p->in = NULL;
	}
}

/* Print one file, or with -m all of them side by side. */
static void print_files(int number_of_files, char **av)
{
	init_parameters(number_of_files);
	if (!init_fps(number_of_files, av))
		return;
	if (storing_columns)
		init_store_cols();
	if (first_page_number > 1) {
		if (!skip_to_page(first_page_number)) {
			release_inputs();
			return;
		}
		page_number = first_page_number;
	} else {
		page_number = 1;
	}
	init_funcs();
	line_number = line_count;
	while (print_page())
		;
	release_inputs();
}

int main_pr(int argc, char **argv)
{
	bool old_options = false, old_w = false, old_s = false;
	char *column_count = NULL;      /* digits of -NUM options */
	size_t n_digits = 0;
	char **files = xmalloc(((size_t)argc + 1) * sizeof *files);
	int n_files = 0;
	struct opt_parser p;
	int c;

	stdin_input.fd = 0;
	stdin_input.buf = xmalloc(INBUF_SIZE);
	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		if (c >= '0' && c <= '9') {
			column_count = xrealloc(column_count, n_digits + 2);
			column_count[n_digits++] = (char)c;
			column_count[n_digits] = 0;
			continue;
		}
		n_digits = 0;
		switch (c) {
		case OPT_OPERAND:
			if (p.after_dashdash ||
			    !(first_page_number == 0 && p.arg[0] == '+' && first_last_page(true, p.arg + 1)))
				files[n_files++] = (char *)p.arg;
			break;
		case OPT_PAGES:
			if (!first_last_page(false, p.arg))
				diag_die(EXIT_FAILURE, 0, "invalid page range %s", quote(p.arg));
			break;
		case OPT_COLUMNS:
			parse_column_count(p.arg);
			free(column_count);
			column_count = NULL;
			break;
		case 'a':
			print_across_flag = true;
			storing_columns = false;
			break;
		case 'b':
			balance_columns = true;
			break;
		case 'c':
			use_cntrl_prefix = true;
			break;
		case 'd':
			double_space = true;
			break;
		case 'D':
			date_format = p.arg;
			break;
		case 'e':
			if (p.arg)
				getoptarg(p.arg, 'e', &input_tab_char, &chars_per_input_tab);
			untabify_input = true;
			break;
		case 'f':
		case 'F':
			use_form_feed = true;
			break;
		case 'h':
			custom_header = p.arg;
			break;
		case 'i':
			if (p.arg)
				getoptarg(p.arg, 'i', &output_tab_char, &chars_per_output_tab);
			tabify_output = true;
			break;
		case 'J':
			join_lines = true;
			break;
		case 'l':
			lines_per_page = getoptnum(p.arg, 1, "'-l PAGE_LENGTH' invalid number of lines");
			break;
		case 'm':
			parallel_files = true;
			storing_columns = false;
			break;
		case 'n':
			numbered_lines = true;
			if (p.arg)
				getoptarg(p.arg, 'n', &number_separator, &chars_per_number);
			break;
		case 'N':
			skip_count = false;
			start_line_num = getoptnum(p.arg, INT_MIN, "'-N NUMBER' invalid starting line number");
			break;
		case 'o':
			chars_per_margin = getoptnum(p.arg, 0, "'-o MARGIN' invalid line offset");
			break;
		case 'r':
			ignore_failed_opens = true;
			break;
		case 's':
			old_options = true;
			old_s = true;
			if (!use_col_separator && p.arg)
				separator_string(p.arg);
			break;
		case 'S':
			old_s = false;
			col_sep_string = "";
			col_sep_length = 0;
			use_col_separator = true;
			if (p.arg)
				separator_string(p.arg);
			break;
		case 't':
			extremities = false;
			keep_ff = true;
			break;
		case 'T':
			extremities = false;
			keep_ff = false;
			break;
		case 'v':
			use_esc_sequence = true;
			break;
		case 'w': {
			old_options = true;
			old_w = true;
			int w = getoptnum(p.arg, 1, "'-w PAGE_WIDTH' invalid number of characters");
			if (!truncate_lines)
				chars_per_line = w;
			break;
		}
		case 'W':
			old_w = false;
			truncate_lines = true;
			chars_per_line = getoptnum(p.arg, 1, "'-W PAGE_WIDTH' invalid number of characters");
			break;
		}
	}
	if (column_count) {
		parse_column_count(column_count);
		free(column_count);
	}

	if (!date_format) {
		const char *lc = setlocale(LC_TIME, NULL);
		date_format = sys_getenv("POSIXLY_CORRECT") && (!lc || !strcmp(lc, "C") || !strcmp(lc, "POSIX"))
			? "%b %e %H:%M %Y" : "%Y-%m-%d %H:%M";
	}
	if (first_page_number == 0)
		first_page_number = 1;
	if (parallel_files && explicit_columns)
		diag_die(EXIT_FAILURE, 0, "cannot specify number of columns when printing in parallel");
	if (parallel_files && print_across_flag)
		diag_die(EXIT_FAILURE, 0, "cannot specify both printing across and printing in parallel");

	/* The historical -w and -s in terms of -W, -J and -S. */
	if (old_options) {
		if (old_w) {
			if (parallel_files || explicit_columns) {
				truncate_lines = true;
				if (old_s)
					use_col_separator = true;
			} else {
				join_lines = true;
			}
		} else if (!use_col_separator) {
			if (old_s && (parallel_files || explicit_columns)) {
				if (!truncate_lines) {
					join_lines = true;
					if (col_sep_length > 0)
						use_col_separator = true;
				} else {
					use_col_separator = true;
				}
			}
		}
	}

	for (int i = 0; i < p.noperands; i++)
		files[n_files++] = p.operands[i];
	if (n_files == 0)
		print_files(0, NULL);
	else if (parallel_files)
		print_files(n_files, files);
	else
		for (int i = 0; i < n_files; i++)
			print_files(1, &files[i]);

	free(clump_buff);
	free(number_buff);
	free(column_vector);
	free(line_vector);
	free(end_vector);
	free(buff);
	free(date_text);
	free(files);
	free(stdin_input.buf);
	free(p.operands);
	if (have_read_stdin && sys_close(0) != 0)
		diag_die(EXIT_FAILURE, errno, "standard input");
	return failed_opens ? EXIT_FAILURE : EXIT_SUCCESS;
}
