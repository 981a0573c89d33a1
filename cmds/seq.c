/* seq: print an arithmetic sequence of numbers. */
#include "common.h"

#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>

#define OPTIONS(O) \
	O("format", 'f', OPT_REQ, "FORMAT", "print each number with the printf floating-point FORMAT") \
	O("separator", 's', OPT_REQ, "STRING", "put STRING between the numbers (default: \\n)") \
	O("equal-width", 'w', OPT_NONE, "", "pad the numbers with leading zeros to one width")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "seq",
	.text = CMD_USAGE("[OPTION]... LAST\n[OPTION]... FIRST LAST\n[OPTION]... FIRST INCREMENT LAST")
		CMD_SUMMARY("Print the numbers from FIRST up to LAST, INCREMENT apart.")
		CMD_DETAILS("FIRST and INCREMENT are 1 when not given, even when LAST is below FIRST.\n"
		            "The numbers are floating point; the sequence stops before the first\n"
		            "number that would pass LAST. A negative INCREMENT counts down. INCREMENT\n"
		            "may not be 0, and no operand may be NaN.\n"
		            "\n"
		            "FORMAT takes one number of type double. When FIRST, INCREMENT and LAST\n"
		            "are all plain decimal numbers the default is %.PRECf, PREC being the most\n"
		            "digits any of them has after the decimal point; otherwise it is %g."),
	.flags = OPT_F_NO_PERMUTE,
};

/* Up to this increment, whole-number sequences take the decimal-string
   path, which outruns floating point. */
enum { FAST_STEP_MAX = 200 };

/* An operand: its value, and how it would print in fixed point. */
struct operand {
	long double value;
	long long width;  /* characters, as written without '+' or exponent */
	int prec;         /* digits after the point; INT_MAX: not fixed point */
};

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool negative_number(const char *arg)
{
	return arg[0] == '-' && (arg[1] == '.' || is_digit(arg[1]));
}

static bool all_digits(const char *s)
{
	return is_digit(*s) && s[strspn(s, "0123456789")] == 0;
}

/* The value of ARG, with the width and precision its written form
   implies (GNU's rules: "-.1" counts as "-0.1", "1." as "1", an
   exponent moves digits between the integer part and the fraction).
   Exits on a malformed or NaN operand. */
static struct operand scan_operand(const char *arg)
{
	struct operand r = { 0, 0, INT_MAX };

	if (!num_parse_ldouble(arg, &r.value)) {
		diag_error(0, "invalid floating point argument: %s", quote(arg));
		diag_usage_error(NULL);
	}
	if (isnan(r.value)) {
		diag_error(0, "invalid %s argument: %s", quote("not-a-number"), quote(arg));
		diag_usage_error(NULL);
	}

	while (isspace((unsigned char)*arg) || *arg == '+')
		arg++;
	const char *point = strchr(arg, '.');
	if (!point && !strchr(arg, 'p'))
		r.prec = 0;
	if (arg[strcspn(arg, "xX")] || !isfinite(r.value))
		return r;

	long long prec = r.prec;
	long long frac = 0;
	r.width = (long long)strlen(arg);
	if (point) {
		frac = (long long)strcspn(point + 1, "eE");
		prec = frac;
		if (frac == 0)
			r.width--;
		else if (point == arg || !is_digit(point[-1]))
			r.width++;
	}
	const char *e = strchr(arg, 'e');
	if (!e)
		e = strchr(arg, 'E');
	if (e) {
		/* Any exponent this large already means "%g" or a width
		   beyond INT_MAX; the bound keeps the sums in range. */
		long long exp = strtoll(e + 1, NULL, 10);
		const long long bound = 1LL << 40;
		exp = exp < -bound ? -bound : exp > bound ? bound : exp;
		r.width -= (long long)strlen(e);
		if (exp < 0) {
			prec -= exp;
			if (!point || e == point + 1)
				r.width++;
			r.width -= exp;
		} else {
			prec -= prec < exp ? prec : exp;
			if (point && prec == 0 && frac)
				r.width--;
			r.width += exp - (frac < exp ? frac : exp);
		}
	}
	r.prec = prec < INT_MAX ? (int)prec : INT_MAX;
	return r;
}

/* Check the user's FORMAT (one floating-point directive, no other
   conversions) and return it with an 'L' length modifier, malloc'd.
   *PREFIX and *SUFFIX get the number of characters it prints before and
   after the number. */
static char *long_double_format(const char *fmt, size_t *prefix, size_t *suffix)
{
	size_t i = 0;
	*prefix = 0;
	while (!(fmt[i] == '%' && fmt[i + 1] != '%')) {
		if (!fmt[i])
			diag_die(diag_fail_status, 0, "format %s has no %% directive", quote(fmt));
		i += fmt[i] == '%' ? 2 : 1;
		++*prefix;
	}
	i++;
	i += strspn(fmt + i, "-+#0 '");
	i += strspn(fmt + i, "0123456789");
	if (fmt[i] == '.') {
		i++;
		i += strspn(fmt + i, "0123456789");
	}
	size_t lmod = i;
	if (fmt[i] == 'L')
		i++;
	if (!fmt[i])
		diag_die(diag_fail_status, 0, "format %s ends in %%", quote(fmt));
	if (!strchr("efgaEFGA", fmt[i]))
		diag_die(diag_fail_status, 0, "format %s has unknown %%%c directive", quote(fmt), fmt[i]);
	*suffix = 0;
	for (i++; fmt[i]; i += fmt[i] == '%' ? 2 : 1) {
		if (fmt[i] == '%' && fmt[i + 1] != '%')
			diag_die(diag_fail_status, 0, "format %s has too many %% directives", quote(fmt));
		++*suffix;
	}

	size_t len = strlen(fmt);
	char *ld = xmalloc(len + 2);
	memcpy(ld, fmt, lmod);
	ld[lmod] = 'L';
	strcpy(ld + lmod + 1, fmt + lmod + (fmt[lmod] == 'L'));
	return ld;
}

/* The format seq uses when the user gives none. */
static char *default_format(struct operand first, struct operand step, struct operand last, bool equal_width)
{
	int prec = first.prec > step.prec ? first.prec : step.prec;
	if (prec == INT_MAX || last.prec == INT_MAX)
		return xstrdup("%Lg");
	if (!equal_width)
		return xasprintf("%%.%dLf", prec);

	long long fw = first.width + (prec - first.prec);
	long long lw = last.width + (prec - last.prec);
	if (last.prec && prec == 0)
		lw--;
	if (last.prec == 0 && prec)
		lw++;
	if (first.prec == 0 && prec)
		fw++;
	long long w = fw > lw ? fw : lw;
	if (fw < 0 || lw < 0 || w > INT_MAX)
		return xstrdup("%Lg");
	return xasprintf("%%0%d.%dLf", (int)w, prec);
}

/* A growable buffer for one formatted number. */
struct numtext {
	char *s;
	size_t cap;
	size_t len;
};

static void format_value(struct numtext *t, const char *fmt, long double x)
{
	for (;;) {
		int n = snprintf(t->s, t->cap, fmt, x);
		if (n < 0)
			out_write_error(errno);
		if ((size_t)n < t->cap) {
			t->len = (size_t)n;
			return;
		}
		free(t->s);
		t->cap = (size_t)n + 1;
		t->s = xmalloc(t->cap);
	}
}

/* True when X, the first number past LAST, prints as LAST does and
   differs from the number before it (printed as PREVTEXT): rounding made
   the sequence fall just short, so X is printed after all. */
static bool prints_as_last(const char *fmt, size_t prefix, size_t suffix, long double x,
	long double last, const struct numtext *prevtext)
{
	struct numtext t = { NULL, 0, 0 };
	format_value(&t, fmt, x);
	bool same = t.len == prevtext->len && memcmp(t.s, prevtext->s, t.len) == 0;
	long double v;
	bool hit = false;
	if (t.len >= prefix + suffix) {
		t.s[t.len - suffix] = 0;
		hit = num_parse_ldouble(t.s + prefix, &v) && v == last;
	}
	free(t.s);
	return hit && !same;
}

/* The general path: FIRST, FIRST + STEP, ... through LAST in FMT. */
static void print_numbers(const char *fmt, size_t prefix, size_t suffix, const char *sep,
	long double first, long double step, long double last)
{
	if (step < 0 ? first < last : last < first)
		return;
	size_t seplen = strlen(sep);
	struct numtext t = { xmalloc(64), 64, 0 };
	long double x = first;
	bool done = false;
	for (long double i = 1;; i++) {
		format_value(&t, fmt, x);
		out_write(t.s, t.len);
		if (done)
			break;
		long double next = first + i * step;
		if (step < 0 ? next < last : last < next) {
			if (!prints_as_last(fmt, prefix, suffix, next, last, &t))
				break;
			done = true;
		}
		out_write(sep, seplen);
		x = next;
	}
	out_putc('\n');
	free(t.s);
}

/* A non-negative integer as decimal digits buf[start .. end), followed by
   the separator and slack, so that a copy may read a fixed 32 bytes. */
struct decimal {
	char *buf;
	size_t start, end, size;
};

enum { COPY_CHUNK = 32 };

static void decimal_init(struct decimal *d, const char *digits, char sep)
{
	size_t len = strlen(digits);
	d->end = (len > 64 ? len : 64) * 2;
	d->size = d->end + 1 + COPY_CHUNK;
	d->buf = xcalloc(d->size, 1);
	d->start = d->end - len;
	memcpy(d->buf + d->start, digits, len);
	d->buf[d->end] = sep;
}

/* Make room for one more digit in front. */
static void decimal_grow(struct decimal *d)
{
	size_t len = d->end - d->start;
	size_t extra = d->end;
	char *nb = xcalloc(d->size + extra, 1);
	memcpy(nb + extra + d->start, d->buf + d->start, len + 1);
	free(d->buf);
	d->buf = nb;
	d->start += extra;
	d->end += extra;
	d->size += extra;
}

/* Add STEP (1 .. FAST_STEP_MAX) to D. Returns true when only the last
   digit changed. */
static bool decimal_add(struct decimal *d, unsigned step)
{
	char *p = d->buf + d->end - 1;
	unsigned v = (unsigned)(*p - '0') + step;
	if (v < 10) {
		*p = (char)('0' + v);
		return true;
	}
	unsigned carry = v;
	for (;;) {
		*p = (char)('0' + carry % 10);
		carry /= 10;
		if (!carry)
			return false;
		if (p == d->buf + d->start) {
			if (d->start == 0) {
				decimal_grow(d);
				p = d->buf + d->start;
			}
			d->start--;
			d->buf[d->start] = '0';
		}
		p--;
		carry += (unsigned)(*p - '0');
	}
}

static const char *skip_zeros(const char *s)
{
	while (s[0] == '0' && s[1])
		s++;
	return s;
}

enum { LESS, PREFIX_EQUAL, GREATER };

/* How D compares with the limit B (BLEN digits), looking at all but D's
   last digit: LESS means D < B whatever that digit is. */
static int compare_prefix(const struct decimal *d, const char *b, size_t blen)
{
	size_t len = d->end - d->start;
	if (len != blen)
		return len < blen ? LESS : GREATER;
	int c = memcmp(d->buf + d->start, b, len - 1);
	return c < 0 ? LESS : c > 0 ? GREATER : PREFIX_EQUAL;
}

/* The whole-number path: A, A + STEP, ... through B (digit strings, or
   "inf" for B), separated by SEP, in big blocks. */
static void seq_fast(const char *a, const char *b, unsigned step, char sep)
{
	a = skip_zeros(a);
	b = skip_zeros(b);
	bool forever = strcmp(b, "inf") == 0;
	size_t blen = strlen(b);
	char blast = b[blen - 1];
	struct decimal d;
	decimal_init(&d, a, sep);

	size_t bufsize = 2 * OUT_BUFSIZE;
	char *buf = xmalloc(bufsize + COPY_CHUNK);
	char *o = buf, *oend = buf + bufsize;
	bool any = false;

	int state = forever ? LESS : compare_prefix(&d, b, blen);
	while (state == LESS || (state == PREFIX_EQUAL && d.buf[d.end - 1] <= blast)) {
		size_t n = d.end - d.start + 1;
		const char *src = d.buf + d.start;
		char *last = d.buf + d.end - 1;
		if (n <= COPY_CHUNK && step == 1 && *last == '0' && state == LESS) {
			/* Ten numbers that differ only in the last digit. */
			if (o + 9 * n + COPY_CHUNK > oend) {
				out_write(buf, (size_t)(o - buf));
				o = buf;
			}
			for (char c = '0'; c <= '9'; c++) {
				memcpy(o, src, COPY_CHUNK);
				o[n - 2] = c;
				o += n;
			}
			*last = '9';
		} else if (n <= COPY_CHUNK) {
			if (o + COPY_CHUNK > oend) {
				out_write(buf, (size_t)(o - buf));
				o = buf;
			}
			memcpy(o, src, COPY_CHUNK);
			o += n;
		} else {
			if ((size_t)(oend - o) < n) {
				out_write(buf, (size_t)(o - buf));
				o = buf;
			}
			if (n > bufsize) {
				out_write(src, n - 1);
				*o++ = sep;
			} else {
				memcpy(o, src, n);
				o += n;
			}
		}
		any = true;
		if (!decimal_add(&d, step) && !forever)
			state = compare_prefix(&d, b, blen);
	}
	if (any) {
		/* The last separator becomes the terminating newline. */
		o[-1] = '\n';
		out_write(buf, (size_t)(o - buf));
	}
	free(buf);
	free(d.buf);
}

int main_seq(int argc, char **argv)
{
	const char *format = NULL;
	const char *sep = "\n";
	bool equal_width = false;
	struct opt_parser p;
	int c;

	opt_init(&p, &info, &opts.table, argc, argv);
	p.is_operand = negative_number;
	while ((c = opt_next(&p)) != OPT_END) {
		switch (c) {
		case 'f':
			format = p.arg;
			break;
		case 's':
			sep = p.arg;
			break;
		case 'w':
			equal_width = true;
			break;
		default:
			diag_usage_error(NULL);
		}
	}
	int n = p.noperands;
	char **arg = p.operands;
	if (n < 1)
		diag_usage_error("missing operand");
	if (n > 3)
		opt_extra_operand(arg[3]);

	char *fmt = NULL;
	size_t prefix = 0, suffix = 0;
	if (format)
		fmt = long_double_format(format, &prefix, &suffix);
	if (fmt && equal_width)
		diag_usage_error("format string may not be specified when printing equal width strings");

	bool plain = !fmt && !equal_width && strlen(sep) == 1;
	const char *user_first = n == 1 ? "1" : arg[0];

	/* Digit strings need no floating point at all. */
	if (plain && all_digits(arg[0]) && (n == 1 || all_digits(arg[1]))) {
		long double stepv = 1;
		bool ok = n < 3 || (all_digits(arg[2]) && num_parse_ldouble(arg[1], &stepv)
			&& stepv > 0 && stepv <= FAST_STEP_MAX);
		if (ok) {
			seq_fast(user_first, arg[n - 1], (unsigned)stepv, sep[0]);
			free(p.operands);
			return EXIT_SUCCESS;
		}
	}

	struct operand first = { 1, 1, 0 }, step = { 1, 1, 0 }, last;
	last = scan_operand(arg[0]);
	if (n > 1) {
		first = last;
		last = scan_operand(arg[1]);
		if (n > 2) {
			step = last;
			if (step.value == 0) {
				diag_error(0, "invalid Zero increment value: %s", quote(arg[1]));
				diag_usage_error(NULL);
			}
			last = scan_operand(arg[2]);
		}
	}

	/* Whole numbers written some other way ("1e3", "+5", "inf"). */
	if (plain && first.prec == 0 && step.prec == 0 && last.prec == 0
		&& isfinite(first.value) && first.value >= 0 && last.value >= 0
		&& step.value > 0 && step.value <= FAST_STEP_MAX) {
		char *a = all_digits(user_first) ? xstrdup(user_first) : xasprintf("%.0Lf", first.value);
		char *b = isinf(last.value) ? xstrdup("inf") : xasprintf("%.0Lf", last.value);
		bool fast = a[0] != '-' && b[0] != '-';
		if (fast)
			seq_fast(a, b, (unsigned)step.value, sep[0]);
		free(a);
		free(b);
		if (fast) {
			free(p.operands);
			return EXIT_SUCCESS;
		}
	}

	if (!fmt)
		fmt = default_format(first, step, last, equal_width);
	print_numbers(fmt, prefix, suffix, sep, first.value, step.value, last.value);
	free(fmt);
	free(p.operands);
	return EXIT_SUCCESS;
}
