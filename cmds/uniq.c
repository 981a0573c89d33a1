/* uniq: report or filter out repeated adjacent lines. */
#include "common.h"
#include "argmatch.h"
#include "blank.h"
#include "collate.h"
#include "linebuf.h"

enum { OPT_ALL_REPEATED = OPT_LONG, OPT_GROUP };

#define OPTIONS(O) \
	O("count", 'c', OPT_NONE, "", "put the number of occurrences before each line") \
	O("repeated", 'd', OPT_NONE, "", "print only repeated lines, one of each group") \
	O("", 'D', OPT_NONE, "", "print every line that is repeated") \
	O("all-repeated", OPT_ALL_REPEATED, OPT_OPT, "METHOD", \
	  "like -D, optionally with empty lines around groups:\nMETHOD is none (the default), prepend or separate") \
	O("skip-fields", 'f', OPT_REQ, "N", "do not compare the first N fields") \
	O("group", OPT_GROUP, OPT_OPT, "METHOD", \
	  "print every line, with an empty line between groups:\nMETHOD is separate (the default), prepend, append or both") \
	O("ignore-case", 'i', OPT_NONE, "", "compare without regard to letter case") \
	O("skip-chars", 's', OPT_REQ, "N", "do not compare the first N characters") \
	O("unique", 'u', OPT_NONE, "", "print only lines that are not repeated") \
	O("zero-terminated", 'z', OPT_NONE, "", "lines end with a NUL byte, not a newline") \
	O("check-chars", 'w', OPT_REQ, "N", "compare at most N characters of each line")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "uniq",
	.text = CMD_USAGE("[OPTION]... [INPUT [OUTPUT]]")
		CMD_SUMMARY("Read INPUT (standard input by default), merge runs of identical\n"
		            "adjacent lines into one, and write the result to OUTPUT (standard\n"
		            "output by default).")
		CMD_DETAILS("A field is a run of blanks followed by a run of other characters;\n"
		            "fields are skipped before characters.\n"
		            "\n"
		            "Only adjacent lines are compared: sort the input first, or use\n"
		            "'sort -u' alone."),
	.flags = OPT_F_DIGITS | OPT_F_IN_ORDER,
};

enum delimit { DM_NONE, DM_PREPEND, DM_SEPARATE };
enum grouping { GM_NONE, GM_PREPEND, GM_APPEND, GM_SEPARATE, GM_BOTH };

static size_t skip_fields, skip_chars, check_chars = SIZE_MAX;
static bool count, ignore_case;
static bool out_unique = true, out_first_repeated = true, out_later_repeated;
static enum delimit delimit = DM_NONE;
static enum grouping grouping = GM_NONE;
static bool utf8;

/* The part of line L that is compared: *LEN gets its length. */
static const char *key_of(const struct linebuf *l, size_t *len)
{
	const char *p = l->p, *lim = l->p + l->len - 1;
	for (size_t i = skip_fields; i > 0 && p < lim; i--) {
		p = blank_skip(p, lim);
		p = blank_skip_non(p, lim);
	}
	if (utf8) {
		for (size_t i = skip_chars; i > 0 && p < lim; i--)
			p += blank_char_len(p, lim);
	} else {
		p += (size_t)(lim - p) < skip_chars ? (size_t)(lim - p) : skip_chars;
	}
	size_t left = (size_t)(lim - p);
	if (left <= check_chars) {
		*len = left;
	} else if (!utf8) {
		*len = check_chars;
	} else {
		const char *e = p;
		for (size_t i = check_chars; i > 0 && e < lim; i--)
			e += blank_char_len(e, lim);
		*len = (size_t)(e - p);
	}
	return p;
}

static bool differ(const char *a, size_t alen, const char *b, size_t blen)
{
	if (alen != blen)
		return true;
	return ignore_case ? text_casecmp(a, b, alen) != 0 : memcmp(a, b, alen) != 0;
}

static void write_line(const struct linebuf *l, bool match, intmax_t n)
{
	if (!(n == 0 ? out_unique : !match ? out_first_repeated : out_later_repeated))
		return;
	if (count) {
		/* "%7jd " without printf's cost. */
		char num[32];
		char *e = num + sizeof num, *b = e;
		*--b = ' ';
		uintmax_t v = (uintmax_t)n + 1;
		do
			*--b = (char)('0' + v % 10);
		while (v /= 10);
		while (e - b < 8)
			*--b = ' ';
		out_write(b, (size_t)(e - b));
	}
	out_write(l->p, l->len);
}

static void swap(struct linebuf **a, struct linebuf **b)
{
	struct linebuf *t = *a;
	*a = *b;
	*b = t;
}

/* Filter R to standard output; false after a read error (errno set). */
static bool uniq(struct in_rec *r, char eol)
{
	struct linebuf lb[2] = { 0 };
	struct linebuf *cur = &lb[0], *prev = &lb[1];
	int rc;

	if (out_unique && out_first_repeated && !count) {
		/* Every line of a new group is printed at once. */
		const char *pkey = NULL;
		size_t plen = 0;
		bool printed = false;
		while ((rc = linebuf_read(cur, r, eol)) > 0) {
			size_t len;
			const char *key = key_of(cur, &len);
			bool new_group = !pkey || differ(key, len, pkey, plen);
			if (new_group && grouping != GM_NONE
			    && (grouping == GM_PREPEND || grouping == GM_BOTH
				|| (printed && (grouping == GM_APPEND || grouping == GM_SEPARATE))))
				out_putc(eol);
			if (new_group || grouping != GM_NONE) {
				out_write(cur->p, cur->len);
				swap(&cur, &prev);
				pkey = key;
				plen = len;
				printed = true;
			}
		}
		if ((grouping == GM_BOTH || grouping == GM_APPEND) && printed)
			out_putc(eol);
	} else {
		rc = linebuf_read(prev, r, eol);
		if (rc > 0) {
			size_t plen;
			const char *pkey = key_of(prev, &plen);
			intmax_t matches = 0;
			bool first_delim = true;
			while ((rc = linebuf_read(cur, r, eol)) > 0) {
				size_t len;
				const char *key = key_of(cur, &len);
				bool match = !differ(key, len, pkey, plen);
				matches += match;
				if (matches == INTMAX_MAX) {
					if (count)
						diag_die(EXIT_FAILURE, 0, "too many repeated lines");
					matches--;
				}
				if (delimit != DM_NONE) {
					if (!match) {
						if (matches)
							first_delim = false;
					} else if (matches == 1) {
						if (delimit == DM_PREPEND || (delimit == DM_SEPARATE && !first_delim))
							out_putc(eol);
					}
				}
				if (!match || out_later_repeated) {
					write_line(prev, match, matches);
					swap(&cur, &prev);
					pkey = key;
					plen = len;
					if (!match)
						matches = 0;
				}
			}
			if (rc == 0)
				write_line(prev, false, matches);
		}
	}
	int err = errno;
	linebuf_free(&lb[0]);
	linebuf_free(&lb[1]);
	errno = err;
	return rc >= 0;
}

/* The value of the -f, -s or -w argument S, or die with MSG. */
static size_t size_arg(const char *s, const char *msg)
{
	intmax_t v;
	int st = num_parse_imax(s, NULL, &v);
	if ((st & ~NUM_OVERFLOW) != NUM_OK || v < 0)
		diag_die(EXIT_FAILURE, 0, "%s: %s", s, msg);
	return (uintmax_t)v > SIZE_MAX ? SIZE_MAX : (size_t)v;
}

/* True when POSIX 1003.1-2001 rules are asked for: "+N" is then a file. */
static bool strict_posix2(void)
{
	const char *v = sys_getenv("_POSIX2_VERSION");
	intmax_t n;
	return v && num_parse_imax(v, NULL, &n) == NUM_OK && n >= 200112 && n < 200809;
}

static const char *files[2] = { "-", "-" };
static int nfiles;

/* An operand in the order it came: "+N" (skip N characters) or a file. */
static void operand(const char *arg, bool plus_ok)
{
	intmax_t v;
	if (plus_ok && arg[0] == '+' && !strict_posix2() && (num_parse_imax(arg, NULL, &v) & ~NUM_OVERFLOW) == NUM_OK
	    && v >= 0) {
		skip_chars = (uintmax_t)v > SIZE_MAX ? SIZE_MAX : (size_t)v;
		return;
	}
	if (nfiles == 2)
		opt_extra_operand(arg);
	files[nfiles++] = arg;
}

int main_uniq(int argc, char **argv)
{
	static const char delimit_words[] = "none\0prepend\0separate\0";
	static const char group_words[] = "prepend\0append\0separate\0both\0";
	static const int group_vals[] = { GM_PREPEND, GM_APPEND, GM_SEPARATE, GM_BOTH };
	struct opt_parser p;
	int c;
	char eol = '\n';
	bool output_option = false;
	enum { SF_NONE, SF_OBSOLETE, SF_NEW } sf = SF_NONE;

	bool posixly_correct = sys_getenv("POSIXLY_CORRECT") != NULL;
	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		switch (c) {
		case OPT_OPERAND:
			operand(p.arg, !p.after_dashdash);
			/* POSIX: options end at the first file. */
			if (posixly_correct && nfiles) {
				while (p.index < argc)
					operand(argv[p.index++], false);
			}
			break;
		case '0': case '1': case '2': case '3': case '4':
		case '5': case '6': case '7': case '8': case '9':
			if (sf == SF_NEW)
				skip_fields = 0;
			if (skip_fields > (SIZE_MAX - 9) / 10)
				skip_fields = SIZE_MAX;
			else
				skip_fields = skip_fields * 10 + (size_t)(c - '0');
			sf = SF_OBSOLETE;
			break;
		case 'c': count = output_option = true; break;
		case 'd': out_unique = false; output_option = true; break;
		case 'D':
		case OPT_ALL_REPEATED:
			out_unique = false;
			out_later_repeated = true;
			delimit = p.arg ? (enum delimit)xargmatch("--all-repeated", p.arg, delimit_words, NULL) : DM_NONE;
			output_option = true;
			break;
		case OPT_GROUP:
			grouping = p.arg ? (enum grouping)group_vals[xargmatch("--group", p.arg, group_words, NULL)]
					 : GM_SEPARATE;
			break;
		case 'f':
			sf = SF_NEW;
			skip_fields = size_arg(p.arg, "invalid number of fields to skip");
			break;
		case 'i': ignore_case = true; break;
		case 's': skip_chars = size_arg(p.arg, "invalid number of bytes to skip"); break;
		case 'u': out_first_repeated = false; output_option = true; break;
		case 'w': check_chars = size_arg(p.arg, "invalid number of bytes to compare"); break;
		case 'z': eol = 0; break;
		default: diag_usage_error(NULL);
		}
	}

	if (grouping != GM_NONE && output_option)
		diag_usage_error("--group is mutually exclusive with -c/-d/-D/-u");
	if (grouping != GM_NONE && count)
		diag_usage_error("grouping and printing repeat counts is meaningless");
	if (count && out_later_repeated)
		diag_usage_error("printing all duplicated lines and repeat counts is meaningless");
	utf8 = sys_locale_utf8();
	blank_init();

	const char *in_name = files[0], *out_name = files[1];
	int fd = in_open(in_name);
	if (fd < 0)
		diag_die(EXIT_FAILURE, errno, "%s", quotef(in_name));
	if (!in_is_stdin(out_name)) {
		int ofd = sys_open(out_name, SYS_O_WRONLY | SYS_O_CREAT | SYS_O_TRUNC, 0666);
		if (ofd < 0 || (ofd != 1 && sys_dup2(ofd, 1) < 0))
			diag_die(EXIT_FAILURE, errno, "%s", quotef(out_name));
		if (ofd != 1)
			sys_close(ofd);
	}
	sys_advise_sequential(fd);
	struct in_rec r;
	inrec_init(&r, fd);
	bool ok = uniq(&r, eol);
	int err = errno;
	inrec_free(&r);
	if (!ok || in_close(fd) < 0)
		diag_die(EXIT_FAILURE, ok ? errno : err, "error reading %s", quoteaf(in_name));
	return EXIT_SUCCESS;
}
