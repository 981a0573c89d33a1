/* expand: turn tabs into the spaces that reach the same column. The
   files are one stream: a line may run on from one file into the next. */
#include "common.h"
#include "feed.h"
#include "tabstops.h"

#define OPTIONS(O) \
	O("initial", 'i', OPT_NONE, "", "leave the tabs that follow other characters than\nblanks on their line") \
	O("tabs", 't', OPT_REQ, "LIST", \
	  "tab stops every N columns instead of every 8 (-t N),\n" \
	  "or at the columns of a list separated by commas or\n" \
	  "blanks, whose last entry may be /N (then stops at\n" \
	  "multiples of N) or +N (then stops every N columns on)")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "expand",
	.text = CMD_USAGE("[OPTION]... [FILE]...")
		CMD_SUMMARY("Write each FILE to standard output with its tabs replaced by spaces.\n"
		            "\n"
		            "With no FILE, or when FILE is -, read standard input.")
		CMD_DETAILS("-N (a number) is an old spelling of -t N; -N,M,... of -t N,M,..."),
	.flags = OPT_F_DIGITS | OPT_F_DIGIT_ARG,
};

static struct tabstops tabs;
static bool initial_only;

/* Where the current line stands. */
static struct {
	intmax_t column;
	size_t index;     /* place in the tab stop list */
	bool convert;     /* still expanding tabs on this line */
} st = { 0, 0, true };

static void put_spaces(intmax_t n)
{
	static const char spaces[64] = "                                                                ";
	while (n > 0) {
		size_t k = n < (intmax_t)sizeof spaces ? (size_t)n : sizeof spaces;
		out_write(spaces, k);
		n -= (intmax_t)k;
	}
}

static void new_line(void)
{
	st.column = 0;
	st.index = 0;
	st.convert = true;
}

/* Bytes that need a look of their own while tabs are being expanded. */
static bool special(unsigned char c)
{
	return c == '\t' || c == '\b' || c == '\n';
}

static void expand_block(void *ctx, const char *buf, size_t len)
{
	const char *p = buf, *end = buf + len;
	(void)ctx;
	while (p < end) {
		if (!st.convert) {
			bool nl;
			p = feed_copy_line(p, end, &nl);
			if (nl)
				new_line();
			continue;
		}
		if (!initial_only) {
			const char *q = p;
			while (q < end && !special((unsigned char)*q))
				q++;
			if (q > p) {
				if (st.column > INTMAX_MAX - (q - p))
					diag_die(EXIT_FAILURE, 0, "input line is too long");
				st.column += q - p;
				out_write(p, (size_t)(q - p));
				p = q;
				continue;
			}
		}
		unsigned char c = (unsigned char)*p++;
		if (c == '\t') {
			bool past_end;
			intmax_t next = tabs_next(&tabs, st.column, &st.index, &past_end);
			put_spaces(next - st.column);
			st.column = next;
			continue;
		}
		if (c == '\b') {
			st.column -= st.column > 0;
			st.index -= st.index > 0;
		} else {
			if (st.column == INTMAX_MAX)
				diag_die(EXIT_FAILURE, 0, "input line is too long");
			st.column++;
		}
		out_putc((char)c);
		if (c == '\n')
			new_line();
		else if (initial_only && c != ' ')
			st.convert = false;
	}
}

int main_expand(int argc, char **argv)
{
	struct opt_parser p;
	int c;

	tabs_init(&tabs);
	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		switch (c) {
		case 'i':
			initial_only = true;
			break;
		case 't':
			tabs_parse(&tabs, p.arg);
			break;
		default:
			if (c >= '0' && c <= '9') {
				tabs_parse(&tabs, p.arg);
				break;
			}
			diag_usage_error(NULL);
		}
	}
	tabs_finish(&tabs);

	bool ok = feed_files(p.operands, p.noperands, expand_block, NULL);
	feed_close_stdin("-");
	return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
