/* numfmt: convert numbers to and from human-readable forms (1K, 2.5Mi). */
#include "common.h"
#include "argmatch.h"
#include "blank.h"
#include "fields.h"

#include <float.h>
#include <inttypes.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>

enum {
	OPT_FROM = OPT_LONG, OPT_FROM_UNIT, OPT_TO, OPT_TO_UNIT, OPT_ROUND, OPT_SUFFIX, OPT_GROUPING,
	OPT_PADDING, OPT_FIELD, OPT_DEBUG, OPT_DEV_DEBUG, OPT_HEADER, OPT_FORMAT, OPT_INVALID, OPT_UNIT_SEP,
};

#define OPTIONS(O) \
	O("from", OPT_FROM, OPT_REQ, "UNIT", "read numbers scaled by UNIT (default: none); see UNIT below") \
	O("from-unit", OPT_FROM_UNIT, OPT_REQ, "N", "each input number counts units of N (default: 1)") \
	O("to", OPT_TO, OPT_REQ, "UNIT", "write numbers scaled to UNIT; see UNIT below") \
	O("to-unit", OPT_TO_UNIT, OPT_REQ, "N", "each output number counts units of N (default: 1)") \
	O("round", OPT_ROUND, OPT_REQ, "METHOD", \
	  "how to round when scaling: up, down, from-zero (the\ndefault), towards-zero or nearest") \
	O("padding", OPT_PADDING, OPT_REQ, "N", \
	  "make each number N characters wide: right-aligned when N\nis positive, left-aligned when negative; wider numbers\n" \
	  "are left as they are; by default numbers keep the width\nthey had when blanks come before them") \
	O("suffix", OPT_SUFFIX, OPT_REQ, "SUFFIX", "add SUFFIX to output numbers, and accept it after input\nnumbers") \
	O("unit-separator", OPT_UNIT_SEP, OPT_REQ, "SEP", "put SEP between a number and its unit on output, and\naccept it there on input") \
	O("grouping", OPT_GROUPING, OPT_NONE, "", \
	  "group digits as the locale does (1,000,000); no effect\nin the C and POSIX locales") \
	O("delimiter", 'd', OPT_REQ, "X", "fields are separated by X instead of blanks") \
	O("field", OPT_FIELD, OPT_REQ, "FIELDS", "convert the numbers of these fields (default: 1); see\nFIELDS below") \
	O("debug", OPT_DEBUG, OPT_NONE, "", "warn about input that looks wrong") \
	O("-debug", OPT_DEV_DEBUG, OPT_NONE, "", "") \
	O("header", OPT_HEADER, OPT_OPT, "N", "copy the first N lines (default: 1) unchanged") \
	O("format", OPT_FORMAT, OPT_REQ, "FORMAT", "print numbers with the printf-style floating-point\nFORMAT; see FORMAT below") \
	O("invalid", OPT_INVALID, OPT_REQ, "MODE", "what to do with numbers that cannot be converted:\nabort (the default), fail, warn or ignore") \
	O("zero-terminated", 'z', OPT_NONE, "", "lines end with a NUL byte, not a newline")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "numfmt",
	.text = CMD_USAGE("[OPTION]... [NUMBER]...")
		CMD_SUMMARY("Convert each NUMBER, or the numbers of standard input when no NUMBER\n"
		            "is given, to another form.")
		CMD_DETAILS("UNIT is one of:\n"
		            "  none    no scaling: a unit letter after a number is an error\n"
		            "  auto    (input only) a letter means a power of 1000 and a letter\n"
		            "          plus 'i' a power of 1024: 1K = 1k = 1000, 1Ki = 1024,\n"
		            "          1M = 1000000, 1Mi = 1048576 ...\n"
		            "  si      a letter means a power of 1000: 1K = 1k = 1000 ...\n"
		            "  iec     a letter means a power of 1024: 1K = 1k = 1024 ...\n"
		            "  iec-i   a letter plus 'i' means a power of 1024: 1Ki = 1024 ...\n"
		            "\n"
		            "FIELDS are given as with cut: N, N-, N-M or -M, separated by commas;\n"
		            "a lone - means every field.\n"
		            "\n"
		            "FORMAT holds one floating-point directive such as '%f'. A quote\n"
		            "(%'f) turns on --grouping, a width (%10f) pads, a zero before the width\n"
		            "(%010f) pads with zeros, a negative width (%-10f) aligns left, and a\n"
		            "precision (%.1f) replaces the precision the input number had.\n"
		            "\n"
		            "The exit status is 0 when every number converted. By default the first\n"
		            "number that cannot be converted ends the program with status 2; with\n"
		            "--invalid=fail each one is reported and the status is 2, with\n"
		            "--invalid=warn each one is reported and the status is 0, and with\n"
		            "--invalid=ignore nothing is reported and the status is 0.\n"
		            "\n"
		            "Examples:\n"
		            "  numfmt --to=si 1000          prints 1.0k\n"
		            "  numfmt --to=iec 2048         prints 2.0K\n"
		            "  numfmt --to=iec-i 4096       prints 4.0Ki\n"
		            "  echo 1K | numfmt --from=si   prints 1000\n"
		            "  echo 1K | numfmt --from=iec  prints 1024\n"
		            "  df -B1 | numfmt --header --field 2-4 --to=si\n"
		            "  ls -l | numfmt --header --field 5 --to=iec\n"
		            "  ls -lh | numfmt --header --field 5 --from=iec --padding=10\n"
		            "  ls -lh | numfmt --header --field 5 --from=iec --format %10f"),
};

enum { EXIT_CONVERSION = 2 };
enum scale { SCALE_NONE, SCALE_AUTO, SCALE_SI, SCALE_IEC, SCALE_IEC_I };
enum round { ROUND_UP, ROUND_DOWN, ROUND_FROM_ZERO, ROUND_TO_ZERO, ROUND_NEAREST };
enum invalid { INVAL_ABORT, INVAL_FAIL, INVAL_WARN, INVAL_IGNORE };
enum sse {
	SSE_OK, SSE_OK_PRECISION_LOSS, SSE_OVERFLOW, SSE_INVALID_NUMBER,
	SSE_VALID_BUT_FORBIDDEN_SUFFIX, SSE_INVALID_SUFFIX, SSE_MISSING_I_SUFFIX,
};

/* Digits a long double holds exactly, and the most numfmt accepts (999Q). */
enum { MAX_UNSCALED_DIGITS = LDBL_DIG, MAX_ACCEPTABLE_DIGITS = 33 };

static enum scale scale_from = SCALE_NONE, scale_to = SCALE_NONE;
static enum round round_style = ROUND_FROM_ZERO;
static enum invalid inval = INVAL_ABORT;
static const char *suffix, *unit_sep;
static uintmax_t from_unit = 1, to_unit = 1;
static bool grouping;
static intmax_t padding_width;
static int zero_padding_width;
static long user_precision = -1;
static char *fmt_prefix, *fmt_suffix;
static int conv_status = EXIT_CONVERSION;
static bool auto_padding;
static const char *delimiter;
static char eol = '\n';
static bool debug;
static const char *decimal_point = ".";
static size_t decimal_len = 1;
static const char *thousands_sep = "";
static size_t thousands_len;
static struct field_range *fields;
static bool utf8;
static char *numbuf;
static size_t numcap;

/* A conversion error: reported unless ignored; fatal under abort. */
static void conv_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void conv_error(const char *fmt, ...)
{
	if (inval == INVAL_IGNORE)
		return;
	va_list ap;
	va_start(ap, fmt);
	diag_verror(0, fmt, ap);
	va_end(ap);
	if (conv_status)
		exit(conv_status);
}

static int scale_base(enum scale s)
{
	return s == SCALE_IEC || s == SCALE_IEC_I ? 1024 : 1000;
}

static int suffix_power(char c)
{
	static const char letters[] = "KMGTPEZYRQ";
	if (c == 'k')
		return 1;
	const char *p = strchr(letters, c);
	return p && c ? (int)(p - letters) + 1 : 0;
}

static bool valid_suffix(char c)
{
	return c && strchr("KkMGTPEZYRQ", c);
}

static long double power_ld(long double base, int x)
{
	long double r = 1;
	while (x-- > 0)
		r *= base;
	return r;
}

static long double abs_ld(long double v)
{
	return v < 0 ? -v : v;
}

/* Divide VAL by BASE until it is below BASE; *X gets how many times. */
static long double scale_down(long double val, int base, int *x)
{
	int power = 0;
	if (val >= -LDBL_MAX && val <= LDBL_MAX)
		while (abs_ld(val) >= base) {
			power++;
			val /= base;
		}
	if (x)
		*x = power;
	return val;
}

static intmax_t round_up(long double v)
{
	intmax_t i = (intmax_t)v;
	if (i < v)
		i++;
	return i;
}

static intmax_t round_down(long double v)
{
	return -round_up(-v);
}

/* Round VAL to an integer as T says, for values of any size. */
static long double round_ld(long double val, enum round t)
{
	intmax_t mul = (intmax_t)(val / INTMAX_MAX);
	val -= (long double)INTMAX_MAX * mul;
	intmax_t r;
	switch (t) {
	case ROUND_UP: r = round_up(val); break;
	case ROUND_DOWN: r = round_down(val); break;
	case ROUND_FROM_ZERO: r = val < 0 ? round_down(val) : round_up(val); break;
	case ROUND_TO_ZERO: r = (intmax_t)val; break;
	default: r = (intmax_t)(val < 0 ? val - 0.5L : val + 0.5L); break;
	}
	return (long double)INTMAX_MAX * mul + r;
}

static bool starts_with(const char *s, const char *prefix, size_t len)
{
	return strncmp(s, prefix, len) == 0;
}

/* An integer of decimal digits (with the locale's thousands separators
   between digits) at S, optionally negative. */
static enum sse parse_int(const char *s, const char **end, long double *value, bool *negative)
{
	enum sse e = SSE_OK;
	long double val = 0;
	int digits = 0;
	bool found = false;
	*negative = *s == '-';
	if (*negative)
		s++;
	*end = s;
	while (**end >= '0' && **end <= '9') {
		int d = **end - '0';
		found = true;
		if (val || d)
			digits++;
		if (digits > MAX_UNSCALED_DIGITS)
			e = SSE_OK_PRECISION_LOSS;
		if (digits > MAX_ACCEPTABLE_DIGITS)
			return SSE_OVERFLOW;
		val = val * 10 + d;
		(*end)++;
		if (thousands_len && starts_with(*end, thousands_sep, thousands_len)
		    && (*end)[thousands_len] >= '0' && (*end)[thousands_len] <= '9')
			*end += thousands_len;
	}
	if (!found && !starts_with(*end, decimal_point, decimal_len))
		return SSE_INVALID_NUMBER;
	if (*negative)
		val = -val;
	if (value)
		*value = val;
	return e;
}

/* "NNN[.NNN]": *PRECISION gets the number of fraction digits. */
static enum sse parse_float(const char *s, const char **end, long double *value, size_t *precision)
{
	bool negative;
	*precision = 0;
	enum sse e = parse_int(s, end, value, &negative);
	if (e != SSE_OK && e != SSE_OK_PRECISION_LOSS)
		return e;
	if (starts_with(*end, decimal_point, decimal_len)) {
		const char *p2;
		long double frac = 0;
		bool neg_frac;
		*end += decimal_len;
		enum sse e2 = parse_int(*end, &p2, &frac, &neg_frac);
		if (e2 != SSE_OK && e2 != SSE_OK_PRECISION_LOSS)
			return e2;
		if (e2 == SSE_OK_PRECISION_LOSS)
			e = e2;
		if (neg_frac)
			return SSE_INVALID_NUMBER;
		size_t exp = (size_t)(p2 - *end);
		frac /= power_ld(10, (int)exp);
		if (negative)
			*value -= frac;
		else
			*value += frac;
		*precision = exp;
		*end = p2;
	}
	return e;
}

/* The length of the character at P (NUL-terminated) when it is a blank,
   or with NBSP also a no-break space; 0 otherwise. */
static size_t blank_at(const char *p, bool nbsp)
{
	if (!*p)
		return 0;
	const char *end = p + strlen(p);
	size_t n = blank_len(p, end);
	if (n && *p != '\n')
		return n;
	if (nbsp && utf8 && (unsigned char)*p >= 0x80) {
		uint32_t cp;
		size_t k = utf8_decode(p, (size_t)(end - p), &cp);
		if (k && blank_is_nbsp(cp))
			return k;
	}
	return 0;
}

/* Skip blanks and newlines (not no-break spaces). */
static const char *skip_blanks(const char *p)
{
	if (!*p)
		return p;
	return blank_skip(p, p + strlen(p));
}

/* A number with an optional unit suffix, as scale ALLOWED permits. */
static enum sse parse_human(const char *s, const char **end, long double *value, size_t *precision, enum scale allowed)
{
	int power = 0;
	int base = scale_base(allowed);
	enum sse e = parse_float(s, end, value, precision);
	if (e != SSE_OK && e != SSE_OK_PRECISION_LOSS)
		return e;
	while (**end) {
		bool matched = false;
		if (unit_sep) {
			size_t n = strlen(unit_sep);
			if (starts_with(*end, unit_sep, n)) {
				matched = true;
				*end += n;
			}
		}
		if (!matched)
			*end += blank_at(*end, true);
		if (!**end)
			break;
		if (!valid_suffix(**end)) {
			*end = skip_blanks(*end);
			if (!**end)
				break;
			return SSE_INVALID_SUFFIX;
		}
		if (allowed == SCALE_NONE)
			return SSE_VALID_BUT_FORBIDDEN_SUFFIX;
		power = suffix_power(**end);
		(*end)++;
		if (allowed == SCALE_AUTO && **end == 'i') {
			base = 1024;
			(*end)++;
		} else if (allowed == SCALE_IEC_I) {
			if (**end != 'i')
				return SSE_MISSING_I_SUFFIX;
			(*end)++;
		}
		*precision = 0;
		*end = skip_blanks(*end);
		break;
	}
	*value *= power ? power_ld(base, power) : 1;
	return e;
}

static void parse_error(enum sse e, const char *s)
{
	switch (e) {
	case SSE_OVERFLOW: conv_error("value too large to be converted: %s", quote(s)); break;
	case SSE_INVALID_NUMBER: conv_error("invalid number: %s", quote(s)); break;
	case SSE_VALID_BUT_FORBIDDEN_SUFFIX:
		conv_error("rejecting suffix in input: %s (consider using --from)", quote(s));
		break;
	case SSE_INVALID_SUFFIX: conv_error("invalid suffix in input: %s", quote(s)); break;
	case SSE_MISSING_I_SUFFIX: conv_error("missing 'i' suffix in input: %s (e.g Ki/Mi/Gi)", quote(s)); break;
	default: break;
	}
}

static enum sse parse_number(const char *s, long double *value, size_t *precision)
{
	const char *end = NULL;
	enum sse e = parse_human(s, &end, value, precision, scale_from);
	if (e != SSE_OK && e != SSE_OK_PRECISION_LOSS) {
		parse_error(e, s);
		return e;
	}
	if (*end) {
		conv_error("invalid suffix in input %s: %s", quote(s), quote(end));
		e = SSE_INVALID_SUFFIX;
	}
	return e;
}

/* Columns S takes on a terminal, or -1 when it holds something that is
   not printable or not valid in the locale. */
static int text_width(const char *s)
{
	int w = 0;
	const char *end = s + strlen(s);
	while (s < end) {
		unsigned char c = (unsigned char)*s;
		if (c < 0x80 || !utf8) {
			if (c < 0x20 || c >= 0x7f)
				return -1;
			w++;
			s++;
			continue;
		}
		uint32_t cp;
		size_t k = utf8_decode(s, (size_t)(end - s), &cp);
		int cw = k ? utf8_width(cp) : -1;
		if (cw < 0)
			return -1;
		w += cw;
		s += k;
	}
	return w;
}

/* Format VAL into numbuf; the result's length, or -1. */
static int format_number(long double val, int precision)
{
	char fmt[64];
	char *f = fmt;
	*f++ = '%';
	if (grouping)
		*f++ = '\'';
	if (zero_padding_width)
		f += snprintf(f, 16, "0%d", zero_padding_width);
	for (;;) {
		int n;
		if (scale_to == SCALE_NONE) {
			long double m = power_ld(10, precision);
			val = round_ld(val * m, round_style) / m;
			strcpy(f, ".*Lf%s");
			n = snprintf(numbuf, numcap, fmt, precision, val, suffix ? suffix : "");
		} else {
			int base = scale_base(scale_to);
			int power = 0;
			long double v = scale_down(val, base, &power);
			int adjust = 0;
			if (user_precision != -1)
				adjust = power * 3 < user_precision ? power * 3 : (int)user_precision;
			else if (abs_ld(v) < 10)
				adjust = 1;
			long double m = power_ld(10, adjust);
			v = round_ld(v * m, round_style) / m;
			if (abs_ld(v) >= base) {
				v /= base;
				power++;
			}
			int show_point = v != 0 && abs_ld(v) < 10 && power > 0;
			int prec = user_precision == -1 ? show_point : (int)user_precision;
			static const char *const letters[] = { "", "K", "M", "G", "T", "P", "E", "Z", "Y", "R", "Q" };
			const char *letter = power == 1 && scale_to == SCALE_SI ? "k"
					     : power >= 0 && power <= 10 ? letters[power] : "(error)";
			strcpy(f, ".*Lf%s%s%s%s");
			n = snprintf(numbuf, numcap, fmt, prec, v, power > 0 && unit_sep ? unit_sep : "", letter,
				     scale_to == SCALE_IEC_I && power > 0 ? "i" : "", suffix ? suffix : "");
		}
		if (n < 0 || (size_t)n < numcap)
			return n;
		numcap = (size_t)n + 1;
		numbuf = xrealloc(numbuf, numcap);
	}
}

/* Prepare VAL for output in numbuf; *PAD gets the padding. False when
   it cannot be printed. */
static bool prepare_number(long double val, size_t precision, intmax_t *pad)
{
	size_t prec = user_precision == -1 ? precision : (size_t)user_precision;
	int x;
	scale_down(val, 10, &x);
	if (scale_to == SCALE_NONE && (uintmax_t)x + prec > MAX_UNSCALED_DIGITS) {
		if (prec)
			conv_error("value/precision too large to be printed: '%Lg/%zu' (consider using --to)", val, prec);
		else
			conv_error("value too large to be printed: '%Lg' (consider using --to)", val);
		return false;
	}
	if (x > MAX_ACCEPTABLE_DIGITS - 1) {
		conv_error("value too large to be printed: '%Lg' (cannot handle values > 999Q)", val);
		return false;
	}
	if (format_number(val, (int)prec) < 0)
		diag_die(EXIT_FAILURE, 0, "failed to prepare value '%Lf' for printing", val);
	*pad = 0;
	if (padding_width) {
		int w = text_width(numbuf);
		if (w >= 0) {
			if (padding_width < 0) {
				if (padding_width < -w)
					*pad = padding_width + w;
			} else if (w < padding_width) {
				*pad = padding_width - w;
			}
		}
	}
	return true;
}

static void put_spaces(uintmax_t n)
{
	static const char spaces[] = "                                ";
	while (n) {
		size_t k = n < sizeof spaces - 1 ? (size_t)n : sizeof spaces - 1;
		out_write(spaces, k);
		n -= k;
	}
}

static void print_number(intmax_t pad)
{
	if (fmt_prefix)
		out_puts(fmt_prefix);
	if (pad > 0)
		put_spaces((uintmax_t)pad);
	out_puts(numbuf);
	if (pad < 0)
		put_spaces((uintmax_t)-(pad + 1) + 1);
	if (fmt_suffix)
		out_puts(fmt_suffix);
}

/* Convert TEXT (field number FIELD); false when it is not a number. */
static bool convert(char *text, uintmax_t field, long double *result, size_t *precision)
{
	char saved = 0;
	size_t tlen = strlen(text);
	if (suffix) {
		size_t slen = strlen(suffix);
		if (slen <= tlen && memcmp(text + tlen - slen, suffix, slen) == 0) {
			saved = text[tlen - slen];
			text[tlen - slen] = 0;
		}
	}
	const char *p = skip_blanks(text);
	if (auto_padding) {
		if (p > text || field > 1) {
			int w = text_width(text);
			padding_width = w < 0 ? (intmax_t)strlen(text) : w;
		} else {
			padding_width = 0;
		}
	}
	long double val = 0;
	enum sse e = parse_number(p, &val, precision);
	if (e == SSE_OK_PRECISION_LOSS && debug)
		diag_error(0, "large input value %s: possible precision loss", quote(p));
	if (from_unit != 1 || to_unit != 1)
		val = val * from_unit / to_unit;
	*result = val;
	if (e == SSE_OK || e == SSE_OK_PRECISION_LOSS)
		return true;
	if (saved)
		text[strlen(text)] = saved;
	return false;
}

static bool process_field(char *text, uintmax_t field)
{
	if (!(fields ? fields_has(fields, field) : field == 1)) {
		out_puts(text);
		return true;
	}
	long double val = 0;
	size_t precision = 0;
	intmax_t pad;
	bool ok = convert(text, field, &val, &precision);
	if (ok)
		ok = prepare_number(val, precision, &pad);
	if (ok)
		print_number(pad);
	else
		out_puts(text);
	return ok;
}

/* Where the delimiter next occurs in S, or NULL. */
static char *find_delim(char *s)
{
	if ((unsigned char)delimiter[0] < 0x80 || !utf8 || !delimiter[1])
		return strchr(s, delimiter[0]);
	return strstr(s, delimiter);
}

/* Convert the numbers of LINE (NUL-terminated, without its line end). */
static bool process_line(char *line, bool newline)
{
	uintmax_t field = 0;
	bool ok = true;
	for (;;) {
		field++;
		char *start = line, *end;
		if (delimiter) {
			end = find_delim(start);
			if (!end)
				end = start + strlen(start);
		} else {
			end = (char *)skip_blanks(start);
			const char *lim = end + strlen(end);
			end = (char *)blank_skip_non(end, lim);
		}
		line = end;
		if (!*line) {
			ok &= process_field(start, field);
			break;
		}
		char c = *line;
		*line = 0;
		ok &= process_field(start, field);
		if (delimiter) {
			out_puts(delimiter);
			size_t dl = strlen(delimiter);
			line += dl ? dl : 1;
		} else {
			out_putc(' ');
			*line = c;
			line += blank_char_len(line, line + strlen(line));
		}
	}
	if (newline)
		out_putc(eol);
	return ok;
}

/* --from-unit and --to-unit: K means 1000, Ki 1024; KiB is invalid. */
static uintmax_t unit_size(const char *s)
{
	size_t len = strlen(s);
	char *t = xmalloc(len + 2);
	memcpy(t, s, len + 1);
	const char *suffixes = "KkMGTPEZYRQ";
	if (len && !(s[len - 1] >= '0' && s[len - 1] <= '9')) {
		if (s[len - 1] == 'i' && len >= 2 && !(s[len - 2] >= '0' && s[len - 2] <= '9')) {
			t[len - 1] = 0;
		} else {
			t[len] = 'B';
			t[len + 1] = 0;
			suffixes = "0KkMGTPEZYRQ";
		}
	}
	uintmax_t n;
	int st = num_parse_umax(t, suffixes, &n);
	free(t);
	if (st != NUM_OK || n == 0)
		diag_die(EXIT_FAILURE, 0, "invalid unit size: %s", quote(s));
	return n;
}

static void parse_format(const char *fmt)
{
	size_t i, prefix_len = 0;
	bool zero_padding = false;
	char *endp;

	for (i = 0; !(fmt[i] == '%' && fmt[i + 1] != '%'); i += (fmt[i] == '%') + 1) {
		if (!fmt[i])
			diag_die(EXIT_FAILURE, 0, "format %s has no %% directive", quote(fmt));
		prefix_len++;
	}
	i++;
	for (;;) {
		size_t skip = strspn(fmt + i, " ");
		i += skip;
		if (fmt[i] == '\'') {
			grouping = true;
			i++;
		} else if (fmt[i] == '0') {
			zero_padding = true;
			i++;
		} else if (!skip) {
			break;
		}
	}
	errno = 0;
	intmax_t pad = strtoimax(fmt + i, &endp, 10);
	if (pad != 0) {
		if (debug && padding_width && !(zero_padding && pad > 0))
			diag_error(0, "--format padding overriding --padding");
		if (pad < 0)
			padding_width = pad;
		else if (zero_padding)
			zero_padding_width = pad > INT_MAX ? INT_MAX : (int)pad;
		else
			padding_width = pad;
	}
	i = (size_t)(endp - fmt);
	if (!fmt[i])
		diag_die(EXIT_FAILURE, 0, "format %s ends in %%", quote(fmt));
	if (fmt[i] == '.') {
		i++;
		errno = 0;
		user_precision = strtol(fmt + i, &endp, 10);
		if (errno == ERANGE || user_precision < 0 || fmt[i] == ' ' || fmt[i] == '\t' || fmt[i] == '+')
			diag_die(EXIT_FAILURE, 0, "invalid precision in format %s", quote(fmt));
		i = (size_t)(endp - fmt);
	}
	if (fmt[i] != 'f')
		diag_die(EXIT_FAILURE, 0, "invalid format %s, directive must be %%[0]['][-][N][.][N]f", quote(fmt));
	i++;
	size_t suffix_pos = i;
	for (; fmt[i]; i += (fmt[i] == '%') + 1)
		if (fmt[i] == '%' && fmt[i + 1] != '%')
			diag_die(EXIT_FAILURE, 0, "format %s has too many %% directives", quote(fmt));
	if (prefix_len) {
		fmt_prefix = xmemdup(fmt, prefix_len + 1);
		fmt_prefix[prefix_len] = 0;
	}
	if (fmt[suffix_pos])
		fmt_suffix = xstrdup(fmt + suffix_pos);
}

/* Write the first N lines of R unchanged (each up to a NUL, as a C
   string would be). */
static void copy_header(struct in_rec *r, uintmax_t n)
{
	char *rec;
	size_t len;
	while (n-- && inrec_next(r, eol, &rec, &len) > 0) {
		const char *nul = memchr(rec, 0, len);
		out_write(rec, nul ? (size_t)(nul - rec) : len);
	}
}

int main_numfmt(int argc, char **argv)
{
	static const char from_words[] = "none\0auto\0si\0iec\0iec-i\0";
	static const char to_words[] = "none\0si\0iec\0iec-i\0";
	static const int to_vals[] = { SCALE_NONE, SCALE_SI, SCALE_IEC, SCALE_IEC_I };
	static const char round_words[] = "up\0down\0from-zero\0towards-zero\0nearest\0";
	static const char inval_words[] = "abort\0fail\0warn\0ignore\0";
	struct opt_parser p;
	int c;
	const char *format = NULL;
	uintmax_t header = 0;

	utf8 = sys_locale_utf8();
	blank_init();
	struct lconv *lc = localeconv();
	if (lc->decimal_point && *lc->decimal_point)
		decimal_point = lc->decimal_point;
	decimal_len = strlen(decimal_point);
	if (lc->thousands_sep)
		thousands_sep = lc->thousands_sep;
	thousands_len = strlen(thousands_sep);

	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		switch (c) {
		case OPT_FROM: scale_from = (enum scale)xargmatch("--from", p.arg, from_words, NULL); break;
		case OPT_FROM_UNIT: from_unit = unit_size(p.arg); break;
		case OPT_TO: scale_to = (enum scale)to_vals[xargmatch("--to", p.arg, to_words, NULL)]; break;
		case OPT_TO_UNIT: to_unit = unit_size(p.arg); break;
		case OPT_ROUND: round_style = (enum round)xargmatch("--round", p.arg, round_words, NULL); break;
		case OPT_GROUPING: grouping = true; break;
		case OPT_PADDING:
			if ((num_parse_imax(p.arg, NULL, &padding_width) & ~NUM_OVERFLOW) != NUM_OK || padding_width == 0)
				diag_die(EXIT_FAILURE, 0, "invalid padding value %s", quote(p.arg));
			break;
		case OPT_FIELD:
			if (fields)
				diag_die(EXIT_FAILURE, 0, "multiple field specifications");
			fields = fields_xparse(p.arg, FIELDS_ALLOW_DASH);
			break;
		case 'd':
			if (p.arg[0]) {
				size_t k = blank_char_len(p.arg, p.arg + strlen(p.arg));
				if (p.arg[k])
					diag_die(EXIT_FAILURE, 0, "the delimiter must be a single character");
			}
			delimiter = p.arg;
			break;
		case 'z': eol = 0; break;
		case OPT_SUFFIX: suffix = p.arg; break;
		case OPT_UNIT_SEP: unit_sep = p.arg; break;
		case OPT_DEBUG: debug = true; break;
		case OPT_DEV_DEBUG: debug = true; break;
		case OPT_HEADER:
			if (p.arg) {
				if (num_parse_umax(p.arg, NULL, &header) != NUM_OK || header == 0)
					diag_die(EXIT_FAILURE, 0, "invalid header value %s", quote(p.arg));
			} else {
				header = 1;
			}
			break;
		case OPT_FORMAT: format = p.arg; break;
		case OPT_INVALID: inval = (enum invalid)xargmatch("--invalid", p.arg, inval_words, NULL); break;
		default: diag_usage_error(NULL);
		}
	}

	if (format && grouping)
		diag_die(EXIT_FAILURE, 0, "--grouping cannot be combined with --format");
	if (debug && scale_from == SCALE_NONE && scale_to == SCALE_NONE && !grouping && !padding_width && !format)
		diag_error(0, "no conversion option specified");
	if (debug && unit_sep && !delimiter)
		diag_error(0, "field delimiters have higher precedence than unit separators");
	if (format)
		parse_format(format);
	if (grouping) {
		if (scale_to != SCALE_NONE)
			diag_die(EXIT_FAILURE, 0, "grouping cannot be combined with --to");
		if (debug && !thousands_len)
			diag_error(0, "grouping has no effect in this locale");
	}
	auto_padding = padding_width == 0 && !delimiter;
	if (inval != INVAL_ABORT)
		conv_status = 0;
	numcap = 128;
	numbuf = xmalloc(numcap);

	bool ok = true;
	if (p.noperands) {
		if (debug && header)
			diag_error(0, "--header ignored with command-line input");
		for (int i = 0; i < p.noperands; i++) {
			char *line = xstrdup(p.operands[i]);
			ok &= process_line(line, true);
			free(line);
		}
	} else {
		struct in_rec r;
		inrec_init(&r, 0);
		copy_header(&r, header);
		char *rec, *line = NULL;
		size_t len, cap = 0;
		int rc;
		while ((rc = inrec_next(&r, eol, &rec, &len)) > 0) {
			bool newline = rec[len - 1] == eol;
			if (newline)
				len--;
			if (len + 1 > cap) {
				cap = (len + 1) * 2;
				free(line);
				line = xmalloc(cap);
			}
			memcpy(line, rec, len);
			line[len] = 0;
			ok &= process_line(line, newline);
		}
		if (rc < 0)
			diag_die(EXIT_FAILURE, errno, "error reading input");
		free(line);
		inrec_free(&r);
	}
	if (debug && !ok)
		diag_error(0, "failed to convert some of the input numbers");
	return !ok && inval != INVAL_WARN && inval != INVAL_IGNORE ? EXIT_CONVERSION : EXIT_SUCCESS;
}
