/* nl: number the lines of files, by logical pages made of a header, a
   body and a footer. */
#include "common.h"
#include "rx.h"

#define OPTIONS(O) \
	O("body-numbering", 'b', OPT_REQ, "STYLE", "number body lines as STYLE says (default t)") \
	O("section-delimiter", 'd', OPT_REQ, "CC", "the characters that make section delimiter lines") \
	O("footer-numbering", 'f', OPT_REQ, "STYLE", "number footer lines as STYLE says (default n)") \
	O("header-numbering", 'h', OPT_REQ, "STYLE", "number header lines as STYLE says (default n)") \
	O("line-increment", 'i', OPT_REQ, "NUMBER", "add NUMBER to the line number after each numbered line") \
	O("join-blank-lines", 'l', OPT_REQ, "NUMBER", "with style a, number only every NUMBERth empty line\nof a run") \
	O("number-format", 'n', OPT_REQ, "FORMAT", "lay line numbers out as FORMAT says (default rn)") \
	O("no-renumber", 'p', OPT_NONE, "", "keep counting across sections instead of restarting") \
	O("number-separator", 's', OPT_REQ, "STRING", "put STRING after each line number (default TAB)") \
	O("starting-line-number", 'v', OPT_REQ, "NUMBER", "the number of the first line of each section") \
	O("number-width", 'w', OPT_REQ, "NUMBER", "line numbers take NUMBER columns (default 6)")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "nl",
	.text = CMD_USAGE("[OPTION]... [FILE]...")
		CMD_SUMMARY("Copy each FILE to standard output with numbers in front of its lines.\n"
		            "\n"
		            "With no FILE, or when FILE is -, read standard input.\n"
		            "Arguments required by long options are required by short ones too.")
		CMD_DETAILS("Without options nl behaves as with: -bt -d'\\:' -fn -hn -i1 -l1 -n'rn' -s<TAB> -v1 -w6\n"
		            "\n"
		            "Input is divided into logical pages; a line holding only CC three times\n"
		            "starts a page's header, CC twice its body, CC once its footer. A missing\n"
		            "second character of CC means ':'. CC may also be longer than two characters,\n"
		            "and an empty CC turns section delimiters off.\n"
		            "\n"
		            "STYLE is one of:\n"
		            "  a      number every line\n"
		            "  t      number the lines that are not empty\n"
		            "  n      number no line\n"
		            "  pBRE   number the lines holding a match of the basic regular expression BRE\n"
		            "\n"
		            "FORMAT is one of:\n"
		            "  ln     left aligned\n"
		            "  rn     right aligned\n"
		            "  rz     right aligned, padded with zeros"),
};

enum section { S_HEADER, S_BODY, S_FOOTER, S_TEXT };

struct style {
	char kind;     /* 'a', 't', 'n' or 'p' */
	struct rx *re; /* for 'p' */
};

static struct style styles[3] = { { 'n', NULL }, { 't', NULL }, { 'n', NULL } };
static struct style *current = &styles[S_BODY];
static char delim_buf[3] = "\\:";
static const char *delim = delim_buf;
static char *header_del;
static size_t header_len, body_len, footer_len;
static const char *separator = "\t";
static char *blank_prefix;
static const char *format = "%*jd%s";
static intmax_t start_number = 1, increment = 1, blank_join = 1, line_no, blank_run;
static int width = 6;
static bool renumber = true, overflow;

/* Parse a -b/-f/-h argument: false when the style is unknown. A bad
   regular expression is fatal. */
static bool parse_style(struct style *st, const char *arg)
{
	const char *err;
	switch (arg[0]) {
	case 'a':
	case 't':
	case 'n':
		st->kind = arg[0];
		return true;
	case 'p':
		st->kind = 'p';
		st->re = rx_compile(arg + 1, strlen(arg + 1),
				    RX_SYNTAX_POSIX_BASIC & ~(RX_CONTEXT_INVALID_DUP | RX_NO_EMPTY_RANGES),
				    RX_F_NEWLINE_ANCHOR, &err);
		if (!st->re)
			diag_die(EXIT_FAILURE, 0, "%s", err);
		return true;
	}
	return false;
}

static void print_number(void)
{
	if (overflow)
		diag_die(EXIT_FAILURE, 0, "line number overflow");
	out_printf(format, width, line_no, separator);
	if (increment > 0 ? line_no > INTMAX_MAX - increment : line_no < INTMAX_MIN - increment)
		overflow = true;
	else
		line_no += increment;
}

static void new_section(enum section s)
{
	current = &styles[s];
	if (renumber) {
		line_no = start_number;
		overflow = false;
	}
	out_putc('\n');
}

/* What LINE (LEN bytes, no newline) is: a delimiter line or text. */
static enum section classify(const char *line, size_t len)
{
	if (len < 2 || footer_len < 2 || memcmp(line, delim, 2))
		return S_TEXT;
	if (len == header_len && !memcmp(line, header_del, len))
		return S_HEADER;
	if (len == body_len && !memcmp(line, header_del + footer_len, len))
		return S_BODY;
	if (len == footer_len && !memcmp(line, header_del + body_len, len))
		return S_FOOTER;
	return S_TEXT;
}

static void number_line(const char *line, size_t len)
{
	bool number = false;
	switch (current->kind) {
	case 'a':
		if (blank_join > 1 && len == 0) {
			number = ++blank_run == blank_join;
			if (number)
				blank_run = 0;
		} else {
			number = true;
			blank_run = 0;
		}
		break;
	case 't':
		number = len > 0;
		break;
	case 'p': {
		int r = rx_search(current->re, line, len, 0, 0, NULL, 0);
		if (r < 0)
			diag_die(EXIT_FAILURE, 0, "error in regular expression search");
		number = r > 0;
		break;
	}
	}
	if (number)
		print_number();
	else
		out_puts(blank_prefix);
	out_write(line, len);
	out_putc('\n');
}

static bool nl_file(const char *name)
{
	int fd = in_open(name);
	if (fd < 0) {
		diag_error(errno, "%s", quotef(name));
		return false;
	}
	struct in_rec r;
	char *rec;
	size_t len;
	int got;
	inrec_init(&r, fd);
	sys_advise_sequential(fd);
	while ((got = inrec_next(&r, '\n', &rec, &len)) > 0) {
		if (len && rec[len - 1] == '\n')
			len--;
		enum section s = classify(rec, len);
		if (s == S_TEXT)
			number_line(rec, len);
		else
			new_section(s);
	}
	int err = got < 0 ? errno : 0;
	inrec_free(&r);
	if (in_close(fd) < 0 && !err)
		err = errno;
	if (err) {
		diag_error(err, "%s", quotef(name));
		return false;
	}
	return true;
}

int main_nl(int argc, char **argv)
{
	struct opt_parser p;
	bool ok = true;
	int c;

	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		switch (c) {
		case 'h':
		case 'b':
		case 'f': {
			enum section s = c == 'h' ? S_HEADER : c == 'b' ? S_BODY : S_FOOTER;
			if (!parse_style(&styles[s], p.arg)) {
				diag_error(0, "invalid %s numbering style: %s",
					   c == 'h' ? "header" : c == 'b' ? "body" : "footer", quote(p.arg));
				ok = false;
			}
			break;
		}
		case 'v':
			start_number = num_xparse_imax(p.arg, NULL, INTMAX_MIN, INTMAX_MAX,
						       "invalid starting line number");
			break;
		case 'i':
			increment = num_xparse_imax(p.arg, NULL, INTMAX_MIN, INTMAX_MAX,
						    "invalid line number increment");
			break;
		case 'p':
			renumber = false;
			break;
		case 'l':
			blank_join = num_xparse_imax_flags(p.arg, NULL, 1, INTMAX_MAX,
							   "invalid line number of blank lines",
							   NUM_X_MIN_RANGE | NUM_X_MAX_QUIET);
			break;
		case 's':
			separator = p.arg;
			break;
		case 'w':
			width = (int)num_xparse_imax_flags(p.arg, NULL, 1, INT32_MAX,
							   "invalid line number field width", NUM_X_MIN_RANGE);
			break;
		case 'n':
			if (!strcmp(p.arg, "ln"))
				format = "%-*jd%s";
			else if (!strcmp(p.arg, "rn"))
				format = "%*jd%s";
			else if (!strcmp(p.arg, "rz"))
				format = "%0*jd%s";
			else {
				diag_error(0, "invalid line numbering format: %s", quote(p.arg));
				ok = false;
			}
			break;
		case 'd': {
			size_t n = strlen(p.arg);
			if (n == 1 || n == 2)
				memcpy(delim_buf, p.arg, n);
			else
				delim = p.arg;
			break;
		}
		default:
			diag_usage_error(NULL);
		}
	}
	if (!ok)
		diag_usage_error(NULL);

	size_t n = strlen(delim);
	header_len = 3 * n;
	body_len = 2 * n;
	footer_len = n;
	header_del = xmalloc(header_len + 1);
	for (int i = 0; i < 3; i++)
		memcpy(header_del + i * n, delim, n);
	header_del[header_len] = '\0';
	size_t seplen = strlen(separator);
	blank_prefix = xmalloc((size_t)width + seplen + 1);
	memset(blank_prefix, ' ', (size_t)width + seplen);
	blank_prefix[(size_t)width + seplen] = '\0';
	line_no = start_number;

	static char *stdin_only[] = { "-", NULL };
	char **files = p.noperands ? p.operands : stdin_only;
	bool read_stdin = false;
	for (char **f = files; *f; f++) {
		read_stdin |= in_is_stdin(*f);
		ok &= nl_file(*f);
	}
	if (read_stdin && sys_close(0) < 0)
		diag_die(EXIT_FAILURE, errno, "-");
	return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
