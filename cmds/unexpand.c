/* unexpand: turn runs of blanks that reach a tab stop into tabs. Blanks
   are held back until it is known whether they end at a tab stop. The
   files are one stream, as for expand. */
#include "common.h"
#include "feed.h"
#include "tabstops.h"

enum { OPT_FIRST_ONLY = OPT_LONG };

#define OPTIONS(O) \
	O("tabs", 't', OPT_REQ, "LIST", \
	  "tab stops every N columns instead of every 8 (-t N),\n" \
	  "or at the columns of a list separated by commas or\n" \
	  "blanks, whose last entry may be /N (then stops at\n" \
	  "multiples of N) or +N (then stops every N columns\n" \
	  "on); implies -a") \
	O("all", 'a', OPT_NONE, "", "convert blanks anywhere on a line, not only at its\nstart") \
	O("first-only", OPT_FIRST_ONLY, OPT_NONE, "", "convert only the blanks that start a line (beats\n-a and -t)") \
	O("", ',', OPT_NONE, "", "")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "unexpand",
	.text = CMD_USAGE("[OPTION]... [FILE]...")
		CMD_SUMMARY("Write each FILE to standard output with runs of blanks replaced by tabs.\n"
		            "\n"
		            "With no FILE, or when FILE is -, read standard input.")
		CMD_DETAILS("-N (a number) is an old spelling of --first-only -t N; -N,M,... of\n"
		            "--first-only -t N,M,..."),
	.flags = OPT_F_DIGITS,
};

static struct tabstops tabs;
static bool all_blanks;

/* Where the current line stands. */
static struct {
	bool convert;          /* still converting on this line */
	intmax_t column;
	intmax_t next_stop;
	size_t index;          /* place in the tab stop list */
	bool one_before_stop;  /* the first held blank ended just at a stop */
	bool prev_blank;       /* the byte before was a blank (true at the start) */
	char *held;            /* blanks held back */
	size_t nheld, cap;
} st;

static void new_line(void)
{
	st.convert = true;
	st.column = 0;
	st.next_stop = 0;
	st.index = 0;
	st.one_before_stop = false;
	st.prev_blank = true;
	st.nheld = 0;
}

static void hold(char c)
{
	if (st.nheld == st.cap)
		st.held = xgrow(st.held, &st.cap, 1);
	st.held[st.nheld++] = c;
}

static void release_held(void)
{
	if (!st.nheld)
		return;
	if (st.nheld > 1 && st.one_before_stop)
		st.held[0] = '\t';
	out_write(st.held, st.nheld);
	st.nheld = 0;
	st.one_before_stop = false;
}

/* One byte C (or -1 at the end of input) while converting. Returns the
   byte to write, or -2 when C was held back. */
static int convert_byte(int c)
{
	bool blank = c == ' ' || c == '\t';
	if (blank) {
		bool past_end;
		st.next_stop = tabs_next(&tabs, st.column, &st.index, &past_end);
		if (past_end)
			st.convert = false;
		if (st.convert) {
			if (c == '\t') {
				st.column = st.next_stop;
				if (st.nheld)
					st.held[0] = '\t';
			} else {
				st.column++;
				if (!(st.prev_blank && st.column == st.next_stop)) {
					if (st.column == st.next_stop)
						st.one_before_stop = true;
					hold((char)c);
					st.prev_blank = true;
					return -2;
				}
				if (st.nheld)
					st.held[0] = '\t';
				c = '\t';
			}
			st.nheld = st.one_before_stop;
		}
	} else if (c == '\b') {
		st.column -= st.column > 0;
		st.next_stop = st.column;
		st.index -= st.index > 0;
	} else {
		if (st.column == INTMAX_MAX)
			diag_die(EXIT_FAILURE, 0, "input line is too long");
		st.column++;
	}
	release_held();
	st.prev_blank = blank;
	if (!all_blanks && !blank)
		st.convert = false;
	return c;
}

static void unexpand_block(void *ctx, const char *buf, size_t len)
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
		if (!st.nheld) {
			/* A run of ordinary bytes only moves the column. */
			const char *q = p;
			while (q < end && *q != ' ' && *q != '\t' && *q != '\b' && *q != '\n')
				q++;
			if (q > p) {
				if (!all_blanks)
					q = p + 1;
				if (st.column > INTMAX_MAX - (q - p))
					diag_die(EXIT_FAILURE, 0, "input line is too long");
				st.column += q - p;
				st.prev_blank = false;
				if (!all_blanks)
					st.convert = false;
				out_write(p, (size_t)(q - p));
				p = q;
				continue;
			}
		}
		int c = convert_byte((unsigned char)*p++);
		if (c == -2)
			continue;
		out_putc((char)c);
		if (c == '\n')
			new_line();
	}
}

int main_unexpand(int argc, char **argv)
{
	struct opt_parser p;
	int c;
	bool first_only = false, have_value = false;
	intmax_t value = 0;

	tabs_init(&tabs);
	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		switch (c) {
		case 'a':
			all_blanks = true;
			break;
		case 't':
			all_blanks = true;
			tabs_parse(&tabs, p.arg);
			break;
		case OPT_FIRST_ONLY:
			first_only = true;
			break;
		case ',':
			if (have_value)
				tabs_add(&tabs, value);
			have_value = false;
			break;
		default:
			if (c < '0' || c > '9')
				diag_usage_error(NULL);
			if (!have_value) {
				value = 0;
				have_value = true;
			}
			if (value > (INTMAX_MAX - (c - '0')) / 10)
				diag_die(EXIT_FAILURE, 0, "tab stop value is too large");
			value = value * 10 + (c - '0');
		}
	}
	if (first_only)
		all_blanks = false;
	if (have_value)
		tabs_add(&tabs, value);
	tabs_finish(&tabs);

	new_line();
	bool ok = feed_files(p.operands, p.noperands, unexpand_block, NULL);
	if (st.convert)
		convert_byte(-1);
	feed_close_stdin("-");
	return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
