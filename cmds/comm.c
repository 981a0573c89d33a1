/* comm: compare two sorted files line by line, in three columns. */
#include "common.h"
#include "collate.h"
#include "linebuf.h"

enum { OPT_CHECK_ORDER = OPT_LONG, OPT_NOCHECK_ORDER, OPT_OUTPUT_DELIMITER, OPT_TOTAL };

#define OPTIONS(O) \
	O("", '1', OPT_NONE, "", "leave out column 1 (lines only in FILE1)") \
	O("", '2', OPT_NONE, "", "leave out column 2 (lines only in FILE2)") \
	O("", '3', OPT_NONE, "", "leave out column 3 (lines in both files)") \
	O("check-order", OPT_CHECK_ORDER, OPT_NONE, "", "fail if an input is not sorted, even when every line pairs") \
	O("nocheck-order", OPT_NOCHECK_ORDER, OPT_NONE, "", "never check whether the input is sorted") \
	O("output-delimiter", OPT_OUTPUT_DELIMITER, OPT_REQ, "STR", "put STR between columns (default: a TAB)") \
	O("total", OPT_TOTAL, OPT_NONE, "", "end with a line of counts for each column") \
	O("zero-terminated", 'z', OPT_NONE, "", "lines end with a NUL byte, not a newline")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "comm",
	.text = CMD_USAGE("[OPTION]... FILE1 FILE2")
		CMD_SUMMARY("Compare the sorted files FILE1 and FILE2 line by line.\n"
		            "\n"
		            "One of FILE1 and FILE2 may be -, for standard input.\n"
		            "\n"
		            "The output has three columns: lines found only in FILE1, lines found\n"
		            "only in FILE2, and lines found in both.")
		CMD_DETAILS("Lines are compared in the order LC_COLLATE gives.\n"
		            "\n"
		            "Examples:\n"
		            "  comm -12 a b   print only the lines that a and b have in common\n"
		            "  comm -3 a b    print the lines of a missing from b, and the other way round"),
};

static bool show[4] = { false, true, true, true };
static char eol = '\n';
static const char *sep = "\t";
static size_t seplen;
static bool hard_collate;
static enum { CHECK_DEFAULT, CHECK_ON, CHECK_OFF } check = CHECK_DEFAULT;
static bool seen_unpairable;
static bool disorder[2];

static int compare(const struct linebuf *a, const struct linebuf *b)
{
	if (hard_collate)
		return text_collate(a->p, a->len - 1, b->p, b->len - 1);
	return text_memcmp(a->p, a->len - 1, b->p, b->len - 1);
}

static void write_line(const struct linebuf *l, int column)
{
	if (!show[column])
		return;
	if (column >= 2 && show[1])
		out_write(sep, seplen);
	if (column == 3 && show[2])
		out_write(sep, seplen);
	out_write(l->p, l->len);
}

/* Complain (once per file) when CUR sorts before PREV in file WHICH. */
static void check_order(const struct linebuf *prev, const struct linebuf *cur, int which)
{
	if (check == CHECK_OFF || (check == CHECK_DEFAULT && !seen_unpairable) || disorder[which])
		return;
	if (compare(prev, cur) > 0) {
		if (check == CHECK_ON)
			diag_die(EXIT_FAILURE, 0, "file %d is not in sorted order", which + 1);
		diag_error(0, "file %d is not in sorted order", which + 1);
		disorder[which] = true;
	}
}

struct input {
	const char *name;
	struct in_rec *rec;
	/* The current line, the one before it and the one before that. */
	struct linebuf lines[3];
	int cur;          /* index of the current line in lines */
	int nread;        /* lines read so far, up to 3 */
	bool has;         /* the current line exists (not at the end) */
};

static struct linebuf *line_back(struct input *in, int back)
{
	return &in->lines[(in->cur + 3 - back) % 3];
}

static void advance(struct input *in, int which)
{
	in->cur = (in->cur + 1) % 3;
	int rc = linebuf_read(&in->lines[in->cur], in->rec, eol);
	if (rc < 0)
		diag_die(EXIT_FAILURE, errno, "%s", quotef(in->name));
	in->has = rc > 0;
	if (in->has) {
		if (in->nread < 3)
			in->nread++;
		if (in->nread >= 2)
			check_order(line_back(in, 1), &in->lines[in->cur], which);
	} else if (in->nread >= 2) {
		/* At the end, look again at the last two lines: an unpairable
		   line may have turned up since they were compared. */
		check_order(line_back(in, 2), line_back(in, 1), which);
	}
}

int main_comm(int argc, char **argv)
{
	struct opt_parser p;
	int c;
	bool total = false;

	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		switch (c) {
		case '1': show[1] = false; break;
		case '2': show[2] = false; break;
		case '3': show[3] = false; break;
		case 'z': eol = 0; break;
		case OPT_CHECK_ORDER: check = CHECK_ON; break;
		case OPT_NOCHECK_ORDER: check = CHECK_OFF; break;
		case OPT_OUTPUT_DELIMITER:
			if (seplen && strcmp(sep, p.arg) != 0)
				diag_die(EXIT_FAILURE, 0, "multiple output delimiters specified");
			sep = p.arg;
			seplen = p.arg[0] ? strlen(p.arg) : 1;
			break;
		case OPT_TOTAL: total = true; break;
		default: diag_usage_error(NULL);
		}
	}
	if (!seplen)
		seplen = 1;
	if (p.noperands < 2)
		opt_missing_operand(p.noperands ? p.operands[p.noperands - 1] : NULL);
	if (p.noperands > 2)
		opt_extra_operand(p.operands[2]);
	hard_collate = text_collate_hard();

	static struct input in[2];
	for (int i = 0; i < 2; i++) {
		in[i].name = p.operands[i];
		in[i].rec = inrec_open(in[i].name);
		if (!in[i].rec)
			diag_die(EXIT_FAILURE, errno, "%s", quotef(in[i].name));
		in[i].cur = 2;
		advance(&in[i], i);
	}

	uintmax_t counts[3] = { 0, 0, 0 };
	while (in[0].has || in[1].has) {
		int order;
		if (!in[0].has)
			order = 1;
		else if (!in[1].has)
			order = -1;
		else
			order = compare(&in[0].lines[in[0].cur], &in[1].lines[in[1].cur]);
		if (order == 0) {
			counts[2]++;
			write_line(&in[1].lines[in[1].cur], 3);
		} else {
			seen_unpairable = true;
			if (order < 0) {
				counts[0]++;
				write_line(&in[0].lines[in[0].cur], 1);
			} else {
				counts[1]++;
				write_line(&in[1].lines[in[1].cur], 2);
			}
		}
		if (order <= 0)
			advance(&in[0], 0);
		if (order >= 0)
			advance(&in[1], 1);
	}

	/* Standard input given twice is closed twice, which fails as it
	   does for GNU comm. */
	bool stdin_closed = false;
	for (int i = 0; i < 2; i++) {
		if (inrec_is_stdin(in[i].rec)) {
			if (stdin_closed)
				diag_die(EXIT_FAILURE, EBADF, "%s", quotef(in[i].name));
			stdin_closed = true;
		}
		if (inrec_close(in[i].rec) < 0)
			diag_die(EXIT_FAILURE, errno, "%s", quotef(in[i].name));
	}
	if (total) {
		for (int i = 0; i < 3; i++) {
			out_printf("%ju", counts[i]);
			out_write(sep, seplen);
		}
		out_puts("total");
		out_putc(eol);
	}
	if (disorder[0] || disorder[1])
		diag_die(EXIT_FAILURE, 0, "input is not in sorted order");
	return EXIT_SUCCESS;
}
