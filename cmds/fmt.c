/* fmt: fill and join lines into paragraphs of a chosen width.

   A paragraph is a run of lines with the same indentation (and prefix,
   with -p); its words are laid out by choosing the break points with the
   least total cost, computed backwards from the paragraph's end (dynamic
   programming, after Knuth and Plass). A line's cost grows with the
   square of its distance from the goal width and with the difference in
   length from the next line; breaks at sentence ends and after
   punctuation earn bonuses, breaks just after a sentence's first word or
   before its last one cost extra. The constants and the limits on a
   paragraph held at once (1000 words, 5000 bytes) are GNU fmt's, so the
   same input gives the same output. */
#include <limits.h>

#include "common.h"

#define OPTIONS(O) \
	O("crown-margin", 'c', OPT_NONE, "", "keep the indentation of the first two lines") \
	O("prefix", 'p', OPT_REQ, "STRING", \
	  "format only the lines that start with STRING, and put\n" \
	  "STRING back at the start of the lines written") \
	O("split-only", 's', OPT_NONE, "", "break long lines but never join short ones") \
	O("tagged-paragraph", 't', OPT_NONE, "", "the first line is indented differently from the\nsecond") \
	O("uniform-spacing", 'u', OPT_NONE, "", "one space between words, two after a sentence") \
	O("width", 'w', OPT_REQ, "WIDTH", "make lines at most WIDTH columns wide (75 by\ndefault)") \
	O("goal", 'g', OPT_REQ, "WIDTH", "aim for lines of WIDTH columns (by default 93% of\nthe maximum width)")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "fmt",
	.text = CMD_USAGE("[-WIDTH] [OPTION]... [FILE]...")
		CMD_SUMMARY("Refill the paragraphs of each FILE and write them to standard output.\n"
		            "\n"
		            "With no FILE, or when FILE is -, read standard input.")
		CMD_DETAILS("A first argument -WIDTH (a dash and digits) means --width=WIDTH."),
	.flags = OPT_F_DIGITS,
};

typedef long cost_t;

#define COST_MAX LONG_MAX
#define EQUIV(n) ((cost_t)(n) * (cost_t)(n))
#define SHORT_COST(n) EQUIV((n) * 10)
#define RAGGED_COST(n) (SHORT_COST(n) / 2)
#define LINE_COST EQUIV(70)
#define WIDOW_COST(n) (EQUIV(200) / ((n) + 2))
#define ORPHAN_COST(n) (EQUIV(150) / ((n) + 2))
#define SENTENCE_BONUS EQUIV(50)
#define NOBREAK_COST EQUIV(600)
#define PAREN_BONUS EQUIV(40)
#define PUNCT_BONUS EQUIV(40)
#define LINE_CREDIT EQUIV(3)

enum {
	DEFAULT_WIDTH = 75,
	LEEWAY = 7,        /* the goal is this many percent below the width */
	DEFAULT_INDENT = 3,
	MAX_WORDS = 1000,
	MAX_CHARS = 5000,
	TAB_WIDTH = 8,
	END = -1,          /* what next_byte() returns at the end of input */
};

struct word {
	const char *text;
	int length;
	int space;            /* spaces after it */
	bool paren;           /* starts with an opening bracket or quote */
	bool period;          /* ends with [.?!], closing marks aside */
	bool punct;           /* ends with punctuation */
	bool final;           /* ends a sentence */
	int line_length;      /* of the best line starting here */
	cost_t best_cost;     /* of the best layout of the rest from here */
	struct word *next_break;
};

/* Options. */
static bool crown, tagged, split, uniform;
static const char *prefix = "";
static int prefix_full_length;  /* the prefix without its leading spaces */
static int prefix_lead_space;
static int prefix_length;       /* without leading and trailing spaces */
static int max_width, goal_width;

/* Input. */
static struct {
	int fd;
	unsigned char *buf;
	size_t pos, len;
	int err;
	bool eof;
} in;

static int in_column;           /* column of the byte just read */
static int out_column;
static bool tabs;               /* the file has tabs: use them for output */

/* The paragraph being read. */
static char parabuf[MAX_CHARS];
static char *wptr;
static struct word words[MAX_WORDS];
static struct word *word_limit;
static int prefix_indent, first_indent, other_indent;
static int next_char;           /* lookahead: first byte after the next line's prefix */
static int next_prefix_indent;
static int last_line_length;

static int next_byte(void)
{
	if (in.pos < in.len)
		return in.buf[in.pos++];
	if (in.eof)
		return END;
	sys_ssize n = sys_read(in.fd, in.buf, IN_BUFSIZE);
	if (n <= 0) {
		if (n < 0)
			in.err = errno;
		in.eof = true;
		return END;
	}
	in.len = (size_t)n;
	in.pos = 1;
	return in.buf[0];
}

static bool is_space(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static bool is_punct(int c)
{
	return c > ' ' && c < 127 && !(c >= '0' && c <= '9') && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* strchr's answer, NUL included, as GNU fmt asks it. */
static bool one_of(const char *set, char c)
{
	return strchr(set, c) != NULL;
}

/* ---- output -------------------------------------------------------- */

static void put_space(int space)
{
	int target = out_column + space;
	if (tabs) {
		int tab_target = target / TAB_WIDTH * TAB_WIDTH;
		if (out_column + 1 < tab_target)
			while (out_column < tab_target) {
				out_putc('\t');
				out_column = (out_column / TAB_WIDTH + 1) * TAB_WIDTH;
			}
	}
	while (out_column < target) {
		out_putc(' ');
		out_column++;
	}
}

static void put_word(const struct word *w)
{
	out_write(w->text, (size_t)w->length);
	out_column += w->length;
}

/* The line of words from W to its break, starting at column INDENT. */
static void put_line(struct word *w, int indent)
{
	out_column = 0;
	put_space(prefix_indent);
	out_puts(prefix);
	out_column += prefix_length;
	put_space(indent - out_column);
	struct word *last = w->next_break - 1;
	for (; w != last; w++) {
		put_word(w);
		put_space(w->space);
	}
	put_word(w);
	last_line_length = out_column;
	out_putc('\n');
}

/* The paragraph's lines up to the one starting with FINISH. */
static void put_paragraph(struct word *finish)
{
	put_line(words, first_indent);
	for (struct word *w = words->next_break; w != finish; w = w->next_break)
		put_line(w, other_indent);
}

/* ---- line breaking ------------------------------------------------- */

/* The part of the cost of breaking before THIS that does not depend on
   the line's length. */
static cost_t base_cost(const struct word *this)
{
	cost_t cost = LINE_COST;
	if (this > words) {
		const struct word *prev = this - 1;
		if (prev->period) {
			if (prev->final)
				cost -= SENTENCE_BONUS;
			else
				cost += NOBREAK_COST;
		} else if (prev->punct) {
			cost -= PUNCT_BONUS;
		} else if (this > words + 1 && (this - 2)->final) {
			cost += WIDOW_COST(prev->length);
		}
	}
	if (this->paren)
		cost -= PAREN_BONUS;
	else if (this->final)
		cost += ORPHAN_COST(this->length);
	return cost;
}

/* The part of the cost of breaking before NEXT that depends on LEN, the
   length of the line ending there. */
static cost_t line_cost(const struct word *next, int len)
{
	if (next == word_limit)
		return 0;
	cost_t cost = SHORT_COST(goal_width - len);
	if (next->next_break != word_limit)
		cost += RAGGED_COST(len - next->line_length);
	return cost;
}

/* Find the best breaks for every suffix of the paragraph, the shortest
   first. */
static void fmt_paragraph(void)
{
	int saved = word_limit->length;
	word_limit->best_cost = 0;
	word_limit->length = max_width;  /* a sentinel that stops the scan */
	for (struct word *start = word_limit - 1; start >= words; start--) {
		cost_t best = COST_MAX;
		int len = (start == words ? first_indent : other_indent) + start->length;
		struct word *w = start;
		do {
			w++;
			cost_t c = line_cost(w, len) + w->best_cost;
			if (start == words && last_line_length > 0)
				c += RAGGED_COST(len - last_line_length);
			if (c < best) {
				best = c;
				start->next_break = w;
				start->line_length = len;
			}
			if (w == word_limit)
				break;
			len += (w - 1)->space + w->length;
		} while (len <= max_width);
		start->best_cost = best + base_cost(start);
	}
	word_limit->length = saved;
}

static void set_other_indent(bool same_paragraph);

/* The paragraph has filled the buffers: write its first lines, up to a
   good break near the end, and keep the rest. */
static void flush_paragraph(void)
{
	if (word_limit == words) {
		out_write(parabuf, (size_t)(wptr - parabuf));
		wptr = parabuf;
		return;
	}
	fmt_paragraph();
	struct word *split_point = word_limit;
	cost_t best_break = COST_MAX;
	for (struct word *w = words->next_break; w != word_limit; w = w->next_break) {
		if (w->best_cost - w->next_break->best_cost < best_break) {
			split_point = w;
			best_break = w->best_cost - w->next_break->best_cost;
		}
		if (best_break <= COST_MAX - LINE_CREDIT)
			best_break += LINE_CREDIT;
	}
	put_paragraph(split_point);

	ptrdiff_t shift = split_point->text - parabuf;
	memmove(parabuf, split_point->text, (size_t)(wptr - split_point->text));
	wptr -= shift;
	for (struct word *w = split_point; w <= word_limit; w++)
		w->text -= shift;
	memmove(words, split_point, (size_t)(word_limit - split_point + 1) * sizeof *words);
	word_limit -= split_point - words;
}

/* ---- input --------------------------------------------------------- */

/* Skip blanks starting with C, keeping in_column; the first other byte. */
static int skip_blanks(int c)
{
	for (;; c = next_byte()) {
		if (c == ' ')
			in_column++;
		else if (c == '\t') {
			tabs = true;
			in_column = (in_column / TAB_WIDTH + 1) * TAB_WIDTH;
		} else
			return c;
	}
}

/* Read the start of a line through the prefix. Returns the first byte
   that does not match the prefix, or the first non-blank after it. */
static int read_prefix(void)
{
	in_column = 0;
	int c = skip_blanks(next_byte());
	if (prefix_length == 0) {
		next_prefix_indent = prefix_lead_space < in_column ? prefix_lead_space : in_column;
		return c;
	}
	next_prefix_indent = in_column;
	for (const char *p = prefix; *p; p++) {
		if (c != (unsigned char)*p)
			return c;
		in_column++;
		c = next_byte();
	}
	return skip_blanks(c);
}

static void check_punctuation(struct word *w)
{
	const char *start = w->text;
	const char *finish = start + (w->length - 1);
	w->paren = one_of("(['`\"", *start);
	w->punct = is_punct((unsigned char)*finish);
	while (start < finish && one_of(")]'\"", *finish))
		finish--;
	w->period = one_of(".?!", *finish);
}

/* Read the words of a line whose first non-blank byte is C. Returns the
   first non-blank byte of the next line (after its prefix). */
static int read_line(int c)
{
	char *end_of_buf = parabuf + MAX_CHARS;
	struct word *end_of_words = words + MAX_WORDS - 2;
	do {
		word_limit->text = wptr;
		do {
			if (wptr == end_of_buf) {
				set_other_indent(true);
				flush_paragraph();
			}
			*wptr++ = (char)c;
			c = next_byte();
		} while (c != END && !is_space(c));
		word_limit->length = (int)(wptr - word_limit->text);
		in_column += word_limit->length;
		check_punctuation(word_limit);

		int start = in_column;
		c = skip_blanks(c);
		word_limit->space = in_column - start;
		word_limit->final = c == END || (word_limit->period && (c == '\n' || word_limit->space > 1));
		if (c == '\n' || c == END || uniform)
			word_limit->space = word_limit->final ? 2 : 1;
		if (word_limit == end_of_words) {
			set_other_indent(true);
			flush_paragraph();
		}
		word_limit++;
	} while (c != '\n' && c != END);
	return read_prefix();
}

static void set_other_indent(bool same_paragraph)
{
	if (split)
		other_indent = first_indent;
	else if (crown)
		other_indent = same_paragraph ? in_column : first_indent;
	else if (tagged) {
		if (same_paragraph && in_column != first_indent)
			other_indent = in_column;
		else if (other_indent == first_indent)
			other_indent = first_indent == 0 ? DEFAULT_INDENT : 0;
	} else
		other_indent = first_indent;
}

/* Copy a line that is not part of a paragraph (blank after the prefix,
   or without it) as it is; C is its first byte not yet written. Returns
   the '\n' or END that ends it. */
static int copy_line(int c)
{
	out_column = 0;
	if (in_column > next_prefix_indent || (c != '\n' && c != END)) {
		put_space(next_prefix_indent);
		for (const char *s = prefix; out_column != in_column && *s; out_column++)
			out_putc(*s++);
		if (c != END && c != '\n')
			put_space(in_column - out_column);
		if (c == END && in_column >= next_prefix_indent + prefix_length)
			out_putc('\n');
	}
	while (c != '\n' && c != END) {
		out_putc((char)c);
		c = next_byte();
	}
	return c;
}

/* Could a line whose first non-blank byte is C continue the paragraph? */
static bool same_para(int c)
{
	return next_prefix_indent == prefix_indent && in_column >= next_prefix_indent + prefix_full_length
	       && c != '\n' && c != END;
}

/* Read the next paragraph, copying the lines before it. False at the
   end of the input. */
static bool read_paragraph(void)
{
	int c = next_char;
	last_line_length = 0;
	while (c == '\n' || c == END || next_prefix_indent < prefix_lead_space
	       || in_column < next_prefix_indent + prefix_full_length) {
		c = copy_line(c);
		if (c == END) {
			next_char = END;
			return false;
		}
		out_putc('\n');
		c = read_prefix();
	}
	prefix_indent = next_prefix_indent;
	first_indent = in_column;
	wptr = parabuf;
	word_limit = words;
	c = read_line(c);
	set_other_indent(same_para(c));
	if (split) {
		/* one line per paragraph */
	} else if (crown) {
		if (same_para(c))
			do
				c = read_line(c);
			while (same_para(c) && in_column == other_indent);
	} else if (tagged) {
		if (same_para(c) && in_column != first_indent)
			do
				c = read_line(c);
			while (same_para(c) && in_column == other_indent);
	} else {
		while (same_para(c) && in_column == other_indent)
			c = read_line(c);
	}
	(word_limit - 1)->period = (word_limit - 1)->final = true;
	next_char = c;
	return true;
}

/* Format the open file FD, NAME in messages. */
static bool fmt_file(int fd, const char *name)
{
	in.fd = fd;
	in.pos = in.len = 0;
	in.err = 0;
	in.eof = false;
	tabs = false;
	other_indent = 0;
	next_char = read_prefix();
	while (read_paragraph()) {
		fmt_paragraph();
		put_paragraph(word_limit);
	}
	if (in.err) {
		if (fd == 0)
			diag_error(in.err, "read error");
		else
			diag_error(in.err, "error reading %s", quoteaf(name));
		return false;
	}
	return true;
}

/* Remove the spaces around the prefix P, noting how many led it. */
static void set_prefix(char *p)
{
	prefix_lead_space = 0;
	while (*p == ' ') {
		prefix_lead_space++;
		p++;
	}
	prefix = p;
	prefix_full_length = (int)strlen(p);
	char *s = p + prefix_full_length;
	while (s > p && s[-1] == ' ')
		s--;
	*s = 0;
	prefix_length = (int)(s - p);
}

int main_fmt(int argc, char **argv)
{
	struct opt_parser p;
	const char *width_arg = NULL, *goal_arg = NULL;
	int c;

	if (argc > 1 && argv[1][0] == '-' && argv[1][1] >= '0' && argv[1][1] <= '9') {
		width_arg = argv[1] + 1;
		argv[1] = argv[0];
		argv++;
		argc--;
	}
	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		switch (c) {
		case 'c':
			crown = true;
			break;
		case 's':
			split = true;
			break;
		case 't':
			tagged = true;
			break;
		case 'u':
			uniform = true;
			break;
		case 'w':
			width_arg = p.arg;
			break;
		case 'g':
			goal_arg = p.arg;
			break;
		case 'p':
			set_prefix(xstrdup(p.arg));
			break;
		default:
			if (c >= '0' && c <= '9')
				diag_usage_error("invalid option -- %c; -WIDTH is recognized only when it is the first\n"
						 "option; use -w N instead", c);
			diag_usage_error(NULL);
		}
	}
	max_width = DEFAULT_WIDTH;
	if (width_arg)
		max_width = (int)num_xparse_umax_flags(width_arg, NULL, 0, MAX_CHARS / 2, "invalid width",
						       NUM_X_MAX_RANGE);
	if (goal_arg) {
		goal_width = (int)num_xparse_umax(goal_arg, NULL, 0, (uintmax_t)max_width, "invalid width");
		if (!width_arg)
			max_width = goal_width + 10;
	} else {
		goal_width = max_width * (2 * (100 - LEEWAY) + 1) / 200;
	}

	in.buf = xmalloc(IN_BUFSIZE);
	static char *dash[] = { "-", NULL };
	char **names = p.noperands ? p.operands : dash;
	bool ok = true, stdin_read = false;
	for (; *names; names++) {
		int fd = in_open(*names);
		if (fd < 0) {
			diag_error(errno, "cannot open %s for reading", quoteaf(*names));
			ok = false;
			continue;
		}
		sys_advise_sequential(fd);
		ok &= fmt_file(fd, *names);
		stdin_read |= fd == 0;
		in_close(fd);
	}
	if (stdin_read && sys_close(0) < 0)
		diag_die(EXIT_FAILURE, errno, "closing standard input");
	return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
