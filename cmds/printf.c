/* printf: format and print the arguments, as C's printf does. */
#include "common.h"

#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>

#include "escape.h"

static const struct cmd_info info = {
	.name = "printf",
	.text = CMD_USAGE("FORMAT [ARGUMENT]...\nOPTION")
		CMD_SUMMARY("Write the ARGUMENTs as FORMAT says, or act on OPTION:")
		CMD_DETAILS("FORMAT is copied to standard output, with these backslash sequences:\n"
		            "  \\\"      a double quote\n"
		            "  \\\\      a backslash\n"
		            "  \\a      bell (BEL)\n"
		            "  \\b      backspace\n"
		            "  \\c      stop: nothing more is written\n"
		            "  \\e      escape character (ESC)\n"
		            "  \\f      form feed\n"
		            "  \\n      newline\n"
		            "  \\r      carriage return\n"
		            "  \\t      tab\n"
		            "  \\v      vertical tab\n"
		            "  \\NNN    the byte whose octal value is NNN (one to three digits)\n"
		            "  \\xHH    the byte whose hexadecimal value is HH (one or two digits)\n"
		            "  \\uHHHH  the Unicode character U+HHHH (exactly four hex digits)\n"
		            "  \\UHHHHHHHH  the Unicode character U+HHHHHHHH (exactly eight)\n"
		            "and these directives, each of which takes the next ARGUMENT:\n"
		            "  %%      a percent sign (takes no argument)\n"
		            "  %b      the ARGUMENT with backslash sequences interpreted; octal\n"
		            "          ones are written \\0NNN here\n"
		            "  %q      the ARGUMENT quoted so that a shell reads it back unchanged,\n"
		            "          with unprintable characters in $'...' form\n"
		            "and C's conversions d i o u x X f F e E g G a A c s, with their flags,\n"
		            "field width and precision ('*' takes them from an ARGUMENT). Numeric\n"
		            "ARGUMENTs may be C constants (0x1F, 017, 1.5e3) or a quote followed by a\n"
		            "character, for that character's code. %N$ takes the Nth ARGUMENT.\n"
		            "FORMAT is used again while ARGUMENTs remain; missing ones count as\n"
		            "empty or zero.\n"
		            "\n"
		            "Shells have their own printf, which takes precedence over this one."),
};

static int exit_status = EXIT_SUCCESS;
static bool posixly_correct;
static bool format_failed;   /* a conversion could not be produced */
static int esc_flags;        /* ESC_UTF8 in a UTF-8 locale */

/* ---- numeric arguments ---------------------------------------------- */

/* Report how the conversion of S stopped at END with error ERR. */
static void check_number(const char *s, const char *end, int err)
{
	if (end == s)
		diag_error(0, "%s: expected a numeric value", quote(s));
	else if (err)
		diag_error(err, "%s", quote(s));
	else if (*end)
		diag_error(0, "%s: value not completely converted", quote(s));
	else
		return;
	exit_status = EXIT_FAILURE;
}

/* When S is a quote followed by a character, store the character's code
   in *CODE (a byte, or a whole UTF-8 character in a UTF-8 locale). */
static bool char_constant(const char *s, uint32_t *code)
{
	if ((s[0] != '\'' && s[0] != '"') || s[1] == 0)
		return false;
	const char *p = s + 1;
	size_t len = 1;
	*code = (unsigned char)*p;
	if ((esc_flags & ESC_UTF8) && p[1]) {
		uint32_t cp;
		size_t n = utf8_decode(p, strlen(p), &cp);
		if (n) {
			*code = cp;
			len = n;
		}
	}
	if (p[len] && !posixly_correct)
		diag_error(0, "warning: %s: character(s) following character constant have been ignored",
			   p + len);
	return true;
}

/* "0x" with no hex digit after it is the number 0 followed by "x", as C
   says; some C libraries (msvcrt) parse nothing there. Corrects *END
   after such a library returned with *END == S. */
static void zero_before_x(const char *s, char **end)
{
	const char *p = s;
	while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		p++;
	if (*p == '+' || *p == '-')
		p++;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		*end = (char *)p + 1;
		errno = 0;
	}
}

static intmax_t arg_intmax(const char *s)
{
	uint32_t code;
	if (char_constant(s, &code))
		return code;
	char *end;
	errno = 0;
	intmax_t v = strtoimax(s, &end, 0);
	if (end == s)
		zero_before_x(s, &end);
	check_number(s, end, errno);
	return v;
}

static uintmax_t arg_uintmax(const char *s)
{
	uint32_t code;
	if (char_constant(s, &code))
		return code;
	char *end;
	errno = 0;
	uintmax_t v = strtoumax(s, &end, 0);
	if (end == s)
		zero_before_x(s, &end);
	check_number(s, end, errno);
	return v;
}

static long double arg_long_double(const char *s)
{
	uint32_t code;
	if (char_constant(s, &code))
		return code;
	char *end;
	errno = 0;
	long double v = num_strtold(s, &end);
	check_number(s, end, errno);
	return v;
}

/* ---- output ---------------------------------------------------------- */

/* The end of the program: a conversion that failed counts as a write
   error, reported after everything else was written. */
static _Noreturn void finish(int status)
{
	if (format_failed) {
		out_flush();
		diag_error(0, "write error");
		status = EXIT_FAILURE;
	}
	exit(status);
}

/* Write what the C library's printf makes of SPEC and the values. */
static void put_formatted(const char *spec, ...)
{
	char small[512];
	va_list ap, again;
	va_start(ap, spec);
	va_copy(again, ap);
	int n = vsnprintf(small, sizeof small, spec, ap);
	if (n < 0) {
		format_failed = true;
	} else if ((size_t)n < sizeof small) {
		out_write(small, (size_t)n);
	} else {
		char *big = malloc((size_t)n + 1);
		if (!big || vsnprintf(big, (size_t)n + 1, spec, again) != n)
			format_failed = true;
		else
			out_write(big, (size_t)n);
		free(big);
	}
	va_end(again);
	va_end(ap);
}

/* Call put_formatted with the '*' width and precision that are in use. */
#define PUT_WITH_STARS(spec, d, value)                                                   \
	((d)->star_width ? ((d)->star_prec ? put_formatted(spec, (d)->width, (d)->prec, value) \
					   : put_formatted(spec, (d)->width, value))           \
			 : ((d)->star_prec ? put_formatted(spec, (d)->prec, value)             \
					   : put_formatted(spec, value)))

/* Report a bad escape in FORMAT or a %b argument and stop. */
static _Noreturn void escape_error(const struct esc *e)
{
	if (e->status == ESC_BAD_UCN)
		diag_die(EXIT_FAILURE, 0, "invalid universal character name \\%c%0*lx", e->letter,
			 e->letter == 'u' ? 4 : 8, (unsigned long)e->code);
	diag_die(EXIT_FAILURE, 0, "missing hexadecimal number in escape");
}

/* %b: ARG with its escapes interpreted. */
static void put_escaped_arg(const char *arg)
{
	static char *buf;
	static size_t cap;
	size_t len = strlen(arg), n;
	if (len > cap) {
		free(buf);
		cap = len;
		buf = xmalloc(cap);
	}
	struct esc e;
	enum esc_status st = esc_string(arg, ESC_ARG | esc_flags, buf, &n, &e);
	out_write(buf, n);
	if (st == ESC_STOP)
		finish(EXIT_SUCCESS);
	if (st != ESC_OK)
		escape_error(&e);
}

/* %q: ARG quoted for the shell. */
static void put_quoted_arg(const char *arg)
{
	struct quote_opts o = { .style = QUOTE_SHELL_ESCAPE };
	size_t n;
	char *q = quote_alloc(arg, strlen(arg), &o, &n);
	out_write(q, n);
	free(q);
}

/* ---- directives ------------------------------------------------------ */

/* The arguments, and which of them one pass over FORMAT has used. */
struct args {
	char **v;
	int n;
	int next;      /* the next one taken in sequence */
	int used;      /* one past the highest one referred to */
};

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* True when the digits from P to END make a number beyond INT_MAX. */
static bool beyond_int(const char *p, const char *end)
{
	while (p < end && *p == '0')
		p++;
	return end - p > 10 || (end - p == 10 && memcmp(p, "2147483647", 10) > 0);
}

/* Parse "N$" (N > 0) at *F: return N-1 and move *F past it, or -1 with
   *F unchanged. Too large an N means INT_MAX. */
static int parse_index(const char **f)
{
	const char *p = *f;
	int n = 0;
	if (!is_digit(*p))
		return -1;
	for (; is_digit(*p); p++) {
		int d = *p - '0';
		n = n > (INT_MAX - d) / 10 ? INT_MAX : n * 10 + d;
	}
	if (*p != '$' || n == 0)
		return -1;
	*f = p + 1;
	return n - 1;
}

/* The argument at INDEX, or the next one in sequence when INDEX < 0;
   NULL when there are not that many. */
static const char *take_arg(struct args *a, int index)
{
	if (index < 0)
		index = a->next < INT_MAX ? a->next++ : INT_MAX - 1;
	if (index >= a->used)
		a->used = index + 1;
	return index < a->n ? a->v[index] : NULL;
}

enum {
	FL_GROUP = 1,  /* ' or I */
	FL_ALT = 2,    /* # */
	FL_ZERO = 4,   /* 0 */
};

struct directive {
	unsigned flags;
	bool star_width, star_prec, has_prec, plain;
	bool too_wide; /* a literal width or precision beyond INT_MAX */
	int width, prec;
};

static bool conversion_ok(char conv, const struct directive *d)
{
	if (conv == 0 || !strchr("aAcdeEfFgGiosuxX", conv))
		return false;
	if ((d->flags & FL_GROUP) && strchr("aAceEosxX", conv))
		return false;
	if ((d->flags & FL_ALT) && strchr("cdisu", conv))
		return false;
	if ((d->flags & FL_ZERO) && strchr("cs", conv))
		return false;
	return !(d->has_prec && conv == 'c');
}

/* A '*' width (or precision, IS_PREC) from the argument at INDEX: its
   value, 0 when it is missing, -1 for any negative precision. Dies when
   the value does not fit an int. */
static int star_value(struct args *a, int index, bool is_prec)
{
	const char *arg = take_arg(a, index);
	if (!arg)
		return 0;
	intmax_t v = arg_intmax(arg);
	if (is_prec && v < 0)
		return -1;
	if (v > INT_MAX || v < INT_MIN)
		diag_die(EXIT_FAILURE, 0, "invalid %s: %s", is_prec ? "precision" : "field width", quote(arg));
	return (int)v;
}

/* Print the value of ARG (NULL: missing) for conversion CONV of D, with
   SPEC holding "%", the flags, width and precision. */
static void convert(char *spec, size_t speclen, char conv, const struct directive *d, const char *arg)
{
	char *q = spec + speclen;
	switch (conv) {
	case 'd':
	case 'i': {
		intmax_t v = arg ? arg_intmax(arg) : 0;
		q[0] = 'j';
		q[1] = conv;
		q[2] = 0;
		PUT_WITH_STARS(spec, d, v);
		break;
	}
	case 'o':
	case 'u':
	case 'x':
	case 'X': {
		uintmax_t v = arg ? arg_uintmax(arg) : 0;
		q[0] = 'j';
		q[1] = conv;
		q[2] = 0;
		PUT_WITH_STARS(spec, d, v);
		break;
	}
	case 'c': {
		char c = arg ? arg[0] : 0;
		q[0] = conv;
		q[1] = 0;
		PUT_WITH_STARS(spec, d, c);
		break;
	}
	case 's':
		if (!arg)
			arg = "";
		if (d->plain) {
			out_puts(arg);
			break;
		}
		q[0] = conv;
		q[1] = 0;
		PUT_WITH_STARS(spec, d, arg);
		break;
	default: {
		long double v = arg ? arg_long_double(arg) : 0;
		q[0] = 'L';
		q[1] = conv;
		q[2] = 0;
		PUT_WITH_STARS(spec, d, v);
		break;
	}
	}
}

/* Handle the directive at START (a '%'); SPEC has room for the whole
   format. Returns the first character after it. */
static const char *do_directive(const char *start, struct args *a, char *spec)
{
	const char *f = start + 1;
	if (*f == '%') {
		out_putc('%');
		return f + 1;
	}
	int index = parse_index(&f);
	if (*f == 'b' || *f == 'q') {
		const char *arg = take_arg(a, index);
		if (arg) {
			if (*f == 'b')
				put_escaped_arg(arg);
			else
				put_quoted_arg(arg);
		}
		return f + 1;
	}

	struct directive d = { 0 };
	size_t n = 0;
	spec[n++] = '%';
	for (;; f++) {
		if (*f == '\'' || *f == 'I')
			d.flags |= FL_GROUP;
		else if (*f == '#')
			d.flags |= FL_ALT;
		else if (*f == '0')
			d.flags |= FL_ZERO;
		else if (*f != '-' && *f != '+' && *f != ' ')
			break;
		if (*f != 'I')
			spec[n++] = *f;
	}
	if (*f == '*') {
		spec[n++] = *f++;
		d.star_width = true;
		d.width = star_value(a, parse_index(&f), false);
	} else {
		const char *digits = f;
		while (is_digit(*f))
			spec[n++] = *f++;
		d.too_wide |= beyond_int(digits, f);
	}
	if (*f == '.') {
		spec[n++] = *f++;
		d.has_prec = true;
		if (*f == '*') {
			spec[n++] = *f++;
			d.star_prec = true;
			d.prec = star_value(a, parse_index(&f), true);
		} else {
			const char *digits = f;
			while (is_digit(*f))
				spec[n++] = *f++;
			d.too_wide |= beyond_int(digits, f);
		}
	}
	while (*f && strchr("hlLjtz", *f))
		f++;
	char conv = *f;
	if (!conversion_ok(conv, &d)) {
		size_t len = (size_t)(f - start) + (conv != 0);
		diag_die(EXIT_FAILURE, 0, "%.*s: invalid conversion specification",
			 len > INT_MAX ? INT_MAX : (int)len, start);
	}
	d.plain = n == 1;
	const char *arg = take_arg(a, index);
	if (d.too_wide) {
		/* No printf(3) can produce that: the conversion fails (some
		   C libraries crash trying). */
		format_failed = true;
		return f + 1;
	}
	convert(spec, n, conv, &d, arg);
	return f + 1;
}

/* Write FORMAT once, taking directives' values from A. */
static void run_format(const char *format, struct args *a, char *spec)
{
	const char *f = format;
	while (*f) {
		size_t run = strcspn(f, "%\\");
		out_write(f, run);
		f += run;
		if (*f == '%') {
			f = do_directive(f, a, spec);
		} else if (*f == '\\') {
			struct esc e;
			f += esc_decode(f, ESC_FORMAT | esc_flags, &e);
			if (e.status == ESC_STOP)
				finish(EXIT_SUCCESS);
			if (e.status != ESC_OK)
				escape_error(&e);
			out_write(e.buf, e.len);
		}
	}
}

int main_printf(int argc, char **argv)
{
	sys_locale_init();
	if (argc == 2)
		opt_help_or_version(&info, NULL, argv[1]);
	posixly_correct = sys_getenv("POSIXLY_CORRECT") != NULL;
	esc_flags = sys_locale_utf8() ? ESC_UTF8 : 0;

	if (argc > 1 && strcmp(argv[1], "--") == 0) {
		argc--;
		argv++;
	}
	if (argc <= 1)
		diag_usage_error("missing operand");

	const char *format = argv[1];
	char *spec = xmalloc(strlen(format) + 4);
	char **args = argv + 2;
	int nargs = argc - 2;
	int used;
	do {
		struct args a = { args, nargs, 0, 0 };
		run_format(format, &a, spec);
		used = a.used < nargs ? a.used : nargs;
		args += used;
		nargs -= used;
	} while (used > 0 && nargs > 0);
	free(spec);

	if (nargs > 0)
		diag_error(0, "warning: ignoring excess arguments, starting with %s", quote(args[0]));
	finish(exit_status);
}
