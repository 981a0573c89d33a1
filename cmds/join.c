/* join: join the lines of two sorted files on a common field. */
#include "common.h"
#include "blank.h"
#include "collate.h"
#include "linebuf.h"

enum { OPT_CHECK_ORDER = OPT_LONG, OPT_NOCHECK_ORDER, OPT_HEADER };

#define OPTIONS(O) \
	O("", 'a', OPT_REQ, "FILENUM", "also print the lines of file FILENUM (1 or 2) that pair\nwith nothing") \
	O("", 'e', OPT_REQ, "STRING", "print STRING for fields that are missing or empty\n(fields named with -1, -2, -j or -o)") \
	O("ignore-case", 'i', OPT_NONE, "", "compare join fields without regard to letter case") \
	O("", 'j', OPT_REQ, "FIELD", "the same as '-1 FIELD -2 FIELD'") \
	O("", 'o', OPT_REQ, "FORMAT", "build each output line as FORMAT says") \
	O("", 't', OPT_REQ, "CHAR", "fields are separated by CHAR, in input and output") \
	O("", 'v', OPT_REQ, "FILENUM", "like -a FILENUM, but leave out the joined lines") \
	O("", '1', OPT_REQ, "FIELD", "join on this field of file 1") \
	O("", '2', OPT_REQ, "FIELD", "join on this field of file 2") \
	O("check-order", OPT_CHECK_ORDER, OPT_NONE, "", "fail if an input is not sorted, even when every line pairs") \
	O("nocheck-order", OPT_NOCHECK_ORDER, OPT_NONE, "", "never check whether the input is sorted") \
	O("header", OPT_HEADER, OPT_NONE, "", "the first line of each file holds field names: print\nthe two joined, without pairing or order checks") \
	O("zero-terminated", 'z', OPT_NONE, "", "lines end with a NUL byte, not a newline")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "join",
	.text = CMD_USAGE("[OPTION]... FILE1 FILE2")
		CMD_SUMMARY("For each pair of lines of FILE1 and FILE2 whose join fields are equal,\n"
		            "write one line to standard output. By default the join field is the\n"
		            "first, and fields are separated by blanks.\n"
		            "\n"
		            "One of FILE1 and FILE2 may be -, for standard input.")
		CMD_DETAILS("Without -t, fields are separated by runs of blanks and leading blanks\n"
		            "are ignored; with -t CHAR, by each CHAR. FIELD numbers count from 1.\n"
		            "FORMAT is a list of specifications separated by commas or blanks, each\n"
		            "either FILENUM.FIELD or 0 (the join field). The default output is the\n"
		            "join field, the other fields of FILE1, then the other fields of FILE2.\n"
		            "With '-o auto' the first line of each file fixes how many fields are\n"
		            "printed for every line.\n"
		            "\n"
		            "Both files must be sorted on the join field, in the order LC_COLLATE\n"
		            "gives: 'sort -k 1b,1' suits join without options, and 'join -t \"\"'\n"
		            "suits sort without options. When lines fail to pair and an input is\n"
		            "not sorted, join warns."),
	.flags = OPT_F_IN_ORDER,
};

struct field {
	size_t off, len;
};

struct line {
	struct linebuf buf;
	struct field *fields;
	size_t nfields, cap;
};

struct seq {
	size_t count, alloc;
	struct line **lines;
};

struct outspec {
	int file;      /* 0: the join field; 1 or 2 */
	size_t field;  /* 0-based */
};

static struct outspec *outlist;
static size_t noutlist, outcap;
static bool autoformat;
static size_t autocount[2];
static ptrdiff_t join_field[2] = { -1, -1 };
static const char *filler;
static bool ignore_case, hard_collate, header;
static bool print_unpaired[2], print_paired = true;
static bool seen_unpairable, disorder[2];
static enum { CHECK_DEFAULT, CHECK_ON, CHECK_OFF } check = CHECK_DEFAULT;
static char eol = '\n';
/* The field separator: empty for runs of blanks; "\n" for no splitting. */
static char tab[5];
static size_t tablen;
static const char *osep = " ";
static size_t oseplen = 1;
static bool utf8;

static struct line *prevline[2], *spareline[2];
static uintmax_t line_no[2];
static const char *names[2];
static struct in_rec *inputs[2];
static struct line blank_line;

static void add_field(struct line *l, const char *p, size_t len)
{
	if (l->nfields == l->cap)
		l->fields = xgrow(l->fields, &l->cap, sizeof *l->fields);
	l->fields[l->nfields].off = (size_t)(p - l->buf.p);
	l->fields[l->nfields].len = len;
	l->nfields++;
}

/* The first separator (-t) at or after P, or LIM. */
static const char *find_tab(const char *p, const char *lim)
{
	if (tablen == 1 && (!utf8 || (unsigned char)tab[0] < 0x80)) {
		const char *t = memchr(p, tab[0], (size_t)(lim - p));
		return t ? t : lim;
	}
	while (p < lim) {
		size_t k = blank_char_len(p, lim);
		if (k == tablen && memcmp(p, tab, k) == 0)
			return p;
		p += k;
	}
	return lim;
}

static void split_fields(struct line *l)
{
	const char *p = l->buf.p, *lim = p + l->buf.len - 1;
	l->nfields = 0;
	if (p == lim)
		return;
	if (!tablen) {
		while ((p = blank_skip(p, lim)) < lim) {
			const char *e = blank_skip_non(p, lim);
			add_field(l, p, (size_t)(e - p));
			p = e;
		}
		return;
	}
	if (tab[0] != '\n' || tablen != 1) {
		const char *t;
		while ((t = find_tab(p, lim)) < lim) {
			add_field(l, p, (size_t)(t - p));
			p = t + tablen;
		}
	}
	add_field(l, p, (size_t)(lim - p));
}

static int keycmp(const struct line *a, const struct line *b, size_t ja, size_t jb)
{
	const char *pa = NULL, *pb = NULL;
	size_t la = 0, lb = 0;
	if (ja < a->nfields) {
		pa = a->buf.p + a->fields[ja].off;
		la = a->fields[ja].len;
	}
	if (jb < b->nfields) {
		pb = b->buf.p + b->fields[jb].off;
		lb = b->fields[jb].len;
	}
	if (la == 0)
		return lb == 0 ? 0 : -1;
	if (lb == 0)
		return 1;
	int d;
	if (ignore_case) {
		d = text_casecmp(pa, pb, la < lb ? la : lb);
	} else {
		if (hard_collate)
			return text_collate(pa, la, pb, lb);
		d = memcmp(pa, pb, la < lb ? la : lb);
	}
	if (d)
		return d;
	return (la > lb) - (la < lb);
}

static void check_order(const struct line *prev, const struct line *cur, int which)
{
	if (check == CHECK_OFF || (check == CHECK_DEFAULT && !seen_unpairable) || disorder[which])
		return;
	size_t jf = (size_t)join_field[which];
	if (keycmp(prev, cur, jf, jf) <= 0)
		return;
	size_t len = cur->buf.len;
	if (len && cur->buf.p[len - 1] == '\n')
		len--;
	const char *nul = memchr(cur->buf.p, 0, len);
	if (nul)
		len = (size_t)(nul - cur->buf.p);
	if (check == CHECK_ON)
		diag_die(EXIT_FAILURE, 0, "%s:%ju: is not sorted: %.*s", names[which], line_no[which], (int)len,
			 cur->buf.p);
	diag_error(0, "%s:%ju: is not sorted: %.*s", names[which], line_no[which], (int)len, cur->buf.p);
	disorder[which] = true;
}

static void free_line(struct line *l)
{
	if (!l)
		return;
	linebuf_free(&l->buf);
	free(l->fields);
	free(l);
}

/* Read the next line of file WHICH into *LP (allocating it when NULL).
   False at the end of the input. */
static bool get_line(struct line **lp, int which)
{
	struct line *l = *lp;
	if (l && l == prevline[which]) {
		struct line *t = spareline[which];
		spareline[which] = l;
		l = t;
		*lp = l;
	}
	if (!l) {
		l = xcalloc(1, sizeof *l);
		*lp = l;
	}
	int rc = linebuf_read(&l->buf, inputs[which], eol);
	if (rc < 0)
		diag_die(EXIT_FAILURE, errno, "read error");
	if (rc == 0) {
		free_line(l);
		*lp = NULL;
		return false;
	}
	line_no[which]++;
	split_fields(l);
	if (prevline[which])
		check_order(prevline[which], l, which);
	prevline[which] = l;
	return true;
}

static bool getseq(struct seq *s, int which)
{
	if (s->count == s->alloc) {
		size_t old = s->alloc;
		s->lines = xgrow(s->lines, &s->alloc, sizeof *s->lines);
		for (size_t i = old; i < s->alloc; i++)
			s->lines[i] = NULL;
	}
	if (get_line(&s->lines[s->count], which)) {
		s->count++;
		return true;
	}
	return false;
}

static bool advance_seq(struct seq *s, bool first, int which)
{
	if (first)
		s->count = 0;
	return getseq(s, which);
}

static void put_field(size_t n, const struct line *l)
{
	if (n < l->nfields && l->fields[n].len)
		out_write(l->buf.p + l->fields[n].off, l->fields[n].len);
	else if (filler)
		out_puts(filler);
}

static void put_other_fields(const struct line *l, size_t jf, size_t autoc)
{
	size_t n = autoformat ? autoc : l->nfields;
	for (size_t i = 0; i < jf && i < n; i++) {
		out_write(osep, oseplen);
		put_field(i, l);
	}
	for (size_t i = jf + 1; i < n; i++) {
		out_write(osep, oseplen);
		put_field(i, l);
	}
}

static void put_join(const struct line *l1, const struct line *l2)
{
	if (noutlist) {
		for (size_t k = 0; k < noutlist; k++) {
			const struct line *l;
			size_t f;
			if (outlist[k].file == 0) {
				bool first = l1 != &blank_line;
				l = first ? l1 : l2;
				f = (size_t)join_field[first ? 0 : 1];
			} else {
				l = outlist[k].file == 1 ? l1 : l2;
				f = outlist[k].field;
			}
			if (k)
				out_write(osep, oseplen);
			put_field(f, l);
		}
	} else {
		bool first = l1 != &blank_line;
		put_field((size_t)join_field[first ? 0 : 1], first ? l1 : l2);
		put_other_fields(l1, (size_t)join_field[0], autocount[0]);
		put_other_fields(l2, (size_t)join_field[1], autocount[1]);
	}
	out_putc(eol);
}

static void swap_lines(struct line **a, struct line **b)
{
	struct line *t = *a;
	*a = *b;
	*b = t;
}

static void join(void)
{
	struct seq s1 = { 0 }, s2 = { 0 };
	size_t jf1 = (size_t)join_field[0], jf2 = (size_t)join_field[1];

	getseq(&s1, 0);
	getseq(&s2, 1);
	if (autoformat) {
		autocount[0] = s1.count ? s1.lines[0]->nfields : 0;
		autocount[1] = s2.count ? s2.lines[0]->nfields : 0;
	}
	if (header && (s1.count || s2.count)) {
		put_join(s1.count ? s1.lines[0] : &blank_line, s2.count ? s2.lines[0] : &blank_line);
		prevline[0] = prevline[1] = NULL;
		if (s1.count)
			advance_seq(&s1, true, 0);
		if (s2.count)
			advance_seq(&s2, true, 1);
	}

	while (s1.count && s2.count) {
		int diff = keycmp(s1.lines[0], s2.lines[0], jf1, jf2);
		if (diff < 0) {
			if (print_unpaired[0])
				put_join(s1.lines[0], &blank_line);
			advance_seq(&s1, true, 0);
			seen_unpairable = true;
			continue;
		}
		if (diff > 0) {
			if (print_unpaired[1])
				put_join(&blank_line, s2.lines[0]);
			advance_seq(&s2, true, 1);
			seen_unpairable = true;
			continue;
		}
		/* Gather the lines of each file that share this key. */
		bool eof1 = false, eof2 = false;
		do {
			if (!advance_seq(&s1, false, 0)) {
				eof1 = true;
				s1.count++;
				break;
			}
		} while (!keycmp(s1.lines[s1.count - 1], s2.lines[0], jf1, jf2));
		do {
			if (!advance_seq(&s2, false, 1)) {
				eof2 = true;
				s2.count++;
				break;
			}
		} while (!keycmp(s1.lines[0], s2.lines[s2.count - 1], jf1, jf2));
		if (print_paired)
			for (size_t i = 0; i < s1.count - 1; i++)
				for (size_t j = 0; j < s2.count - 1; j++)
					put_join(s1.lines[i], s2.lines[j]);
		if (!eof1) {
			swap_lines(&s1.lines[0], &s1.lines[s1.count - 1]);
			s1.count = 1;
		} else {
			s1.count = 0;
		}
		if (!eof2) {
			swap_lines(&s2.lines[0], &s2.lines[s2.count - 1]);
			s2.count = 1;
		} else {
			s2.count = 0;
		}
	}

	/* Read what is left, to print it or to check its order. */
	struct line *l = NULL;
	bool checktail = check != CHECK_OFF && !(disorder[0] && disorder[1]);
	if ((print_unpaired[0] || checktail) && s1.count) {
		if (print_unpaired[0])
			put_join(s1.lines[0], &blank_line);
		if (s2.count)
			seen_unpairable = true;
		while (get_line(&l, 0)) {
			if (print_unpaired[0])
				put_join(l, &blank_line);
			if (disorder[0] && !print_unpaired[0])
				break;
		}
	}
	if ((print_unpaired[1] || checktail) && s2.count) {
		if (print_unpaired[1])
			put_join(&blank_line, s2.lines[0]);
		if (s1.count)
			seen_unpairable = true;
		while (get_line(&l, 1)) {
			if (print_unpaired[1])
				put_join(&blank_line, l);
			if (disorder[1] && !print_unpaired[1])
				break;
		}
	}
	free_line(l);
	for (size_t i = 0; i < s1.alloc; i++)
		free_line(s1.lines[i]);
	for (size_t i = 0; i < s2.alloc; i++)
		free_line(s2.lines[i]);
	free(s1.lines);
	free(s2.lines);
	for (int i = 0; i < 2; i++)
		free_line(spareline[i]);
}

/* ---- options -------------------------------------------------------- */

/* The 0-based field number for the 1-based STR; huge values saturate. */
static size_t join_field_arg(const char *str)
{
	intmax_t v;
	int st = num_parse_imax(str, NULL, &v);
	if (st == NUM_OVERFLOW && v > 0)
		return PTRDIFF_MAX - 1;
	if (st != NUM_OK || v <= 0)
		diag_die(EXIT_FAILURE, 0, "invalid field number: %s", quote(str));
	if ((uintmax_t)v > PTRDIFF_MAX)
		v = PTRDIFF_MAX;
	return (size_t)v - 1;
}

static void set_join_field(ptrdiff_t *var, size_t val)
{
	if (*var >= 0 && (size_t)*var != val)
		diag_die(EXIT_FAILURE, 0, "incompatible join fields %td, %td", *var, (ptrdiff_t)val);
	*var = (ptrdiff_t)val;
}

static void add_spec(int file, size_t field)
{
	if (noutlist == outcap)
		outlist = xgrow(outlist, &outcap, sizeof *outlist);
	outlist[noutlist].file = file;
	outlist[noutlist].field = field;
	noutlist++;
}

static void decode_spec(const char *s)
{
	switch (s[0]) {
	case '0':
		if (s[1])
			diag_die(EXIT_FAILURE, 0, "invalid field specifier: %s", quote(s));
		add_spec(0, 0);
		break;
	case '1':
	case '2':
		if (s[1] != '.')
			diag_die(EXIT_FAILURE, 0, "invalid field specifier: %s", quote(s));
		add_spec(s[0] - '0', join_field_arg(s + 2));
		break;
	default:
		diag_die(EXIT_FAILURE, 0, "invalid file number in field spec: %s", quote(s));
	}
}

/* The length of the comma or blank at P that ends a -o item, or 0. */
static size_t spec_sep_len(const char *p, const char *end)
{
	if (*p == ',')
		return 1;
	return *p == '\n' ? 0 : blank_len(p, end);
}

/* Add the specifications of LIST, separated by commas or blanks. */
static void add_spec_list(const char *list)
{
	const char *p = list, *end = list + strlen(list);
	do {
		const char *item = p;
		while (p < end && !spec_sep_len(p, end))
			p += blank_char_len(p, end);
		char *one = xmemdup(item, (size_t)(p - item) + 1);
		one[p - item] = 0;
		decode_spec(one);
		free(one);
		if (p < end)
			p += spec_sep_len(p, end);
	} while (p < end);
}

enum operand_status { MUST_BE_OPERAND, MIGHT_BE_J1_ARG, MIGHT_BE_J2_ARG, MIGHT_BE_O_ARG };

static int nfiles;
static int operand_status[2];
static int joption_count[2];

/* GNU's way with operands that may be the argument of an earlier -j1,
   -j2 or -o: once a third operand comes, the one that can be an option
   argument becomes it. */
static void add_file_name(const char *name, int *prev_status, int *status)
{
	int n = nfiles;
	if (n == 2) {
		bool op0 = operand_status[0] == MUST_BE_OPERAND;
		const char *arg = names[op0];
		switch (operand_status[op0]) {
		case MUST_BE_OPERAND:
			diag_usage_error("extra operand %s", quoteaf(name));
		case MIGHT_BE_J1_ARG:
			joption_count[0]--;
			set_join_field(&join_field[0], join_field_arg(arg));
			break;
		case MIGHT_BE_J2_ARG:
			joption_count[1]--;
			set_join_field(&join_field[1], join_field_arg(arg));
			break;
		case MIGHT_BE_O_ARG:
			add_spec_list(arg);
			break;
		}
		if (!op0) {
			operand_status[0] = operand_status[1];
			names[0] = names[1];
		}
		n = 1;
	}
	operand_status[n] = *prev_status;
	names[n] = name;
	nfiles = n + 1;
	if (*prev_status == MIGHT_BE_O_ARG)
		*status = MIGHT_BE_O_ARG;
}

static struct in_rec *open_input(const char *name)
{
	struct in_rec *r = inrec_open(name);
	if (!r)
		diag_die(EXIT_FAILURE, errno, "%s", quotef(name));
	return r;
}

int main_join(int argc, char **argv)
{
	struct opt_parser p;
	int c;
	int status, prev_status = MUST_BE_OPERAND;

	utf8 = sys_locale_utf8();
	blank_init();
	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		status = MUST_BE_OPERAND;
		switch (c) {
		case 'v':
			print_paired = false;
			/* fall through */
		case 'a': {
			intmax_t v;
			if (num_parse_imax(p.arg, NULL, &v) != NUM_OK || (v != 1 && v != 2))
				diag_die(EXIT_FAILURE, 0, "invalid file number: %s", quote(p.arg));
			print_unpaired[v - 1] = true;
			break;
		}
		case 'e':
			if (filler && strcmp(filler, p.arg) != 0)
				diag_die(EXIT_FAILURE, 0, "conflicting empty-field replacement strings");
			filler = p.arg;
			break;
		case 'i': ignore_case = true; break;
		case '1': set_join_field(&join_field[0], join_field_arg(p.arg)); break;
		case '2': set_join_field(&join_field[1], join_field_arg(p.arg)); break;
		case 'j':
			if ((p.arg[0] == '1' || p.arg[0] == '2') && !p.arg[1] && p.arg == p.argv[p.index - 1] + 2) {
				/* "-j1" or "-j2": the field may be the next operand. */
				int is2 = p.arg[0] == '2';
				joption_count[is2]++;
				status = MIGHT_BE_J1_ARG + is2;
			} else {
				set_join_field(&join_field[0], join_field_arg(p.arg));
				set_join_field(&join_field[1], (size_t)join_field[0]);
			}
			break;
		case 'o':
			if (strcmp(p.arg, "auto") == 0) {
				autoformat = true;
			} else {
				add_spec_list(p.arg);
				status = MIGHT_BE_O_ARG;
			}
			break;
		case 't': {
			char newtab[5];
			size_t newlen;
			if (!p.arg[0]) {
				strcpy(newtab, "\n");
				newlen = 1;
			} else if (strcmp(p.arg, "\\0") == 0) {
				newtab[0] = 0;
				newlen = 1;
				osep = "";
			} else {
				newlen = blank_char_len(p.arg, p.arg + strlen(p.arg));
				if (p.arg[newlen])
					diag_die(EXIT_FAILURE, 0, "multi-character tab %s", quote(p.arg));
				memcpy(newtab, p.arg, newlen);
				osep = p.arg;
			}
			if (tablen && (tablen != newlen || memcmp(tab, newtab, newlen) != 0))
				diag_die(EXIT_FAILURE, 0, "incompatible tabs");
			memcpy(tab, newtab, newlen);
			tablen = newlen;
			oseplen = newlen;
			break;
		}
		case 'z': eol = 0; break;
		case OPT_NOCHECK_ORDER: check = CHECK_OFF; break;
		case OPT_CHECK_ORDER: check = CHECK_ON; break;
		case OPT_HEADER: header = true; break;
		case OPT_OPERAND:
			if (p.after_dashdash)
				prev_status = MUST_BE_OPERAND;
			add_file_name(p.arg, &prev_status, &status);
			break;
		default: diag_usage_error(NULL);
		}
		if (!p.after_dashdash)
			prev_status = status;
	}
	if (nfiles != 2) {
		if (nfiles == 0)
			diag_usage_error("missing operand");
		diag_usage_error("missing operand after %s", quote(argv[argc - 1]));
	}
	for (int i = 0; i < 2; i++)
		if (joption_count[i]) {
			set_join_field(&join_field[0], (size_t)i);
			set_join_field(&join_field[1], (size_t)i);
		}
	for (int i = 0; i < 2; i++)
		if (join_field[i] < 0)
			join_field[i] = 0;
	hard_collate = text_collate_hard();

	inputs[0] = open_input(names[0]);
	inputs[1] = open_input(names[1]);
	if (inputs[0] == inputs[1])
		diag_die(EXIT_FAILURE, 0, "both files cannot be standard input");
	join();
	for (int i = 0; i < 2; i++)
		if (inrec_close(inputs[i]) < 0)
			diag_die(EXIT_FAILURE, errno, "%s", quotef(names[i]));
	if (disorder[0] || disorder[1])
		diag_die(EXIT_FAILURE, 0, "input is not in sorted order");
	return EXIT_SUCCESS;
}
