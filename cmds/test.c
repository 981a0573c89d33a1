/*
 * test, [: evaluate a conditional expression into the exit status.
 *
 * Up to four arguments follow POSIX's rules by argument count; longer
 * expressions (and the inside of longer parentheses) go through a
 * recursive-descent parser where -o binds looser than -a, which binds
 * looser than ! and the primaries. Every primary is evaluated, as GNU
 * does: there is no short-circuit, so a later syntax error still counts.
 */
#include <ctype.h>
#include <stdarg.h>
#include <limits.h>
#include <stdio.h>

#include "collate.h"
#include "common.h"
#include "test.h"

enum { TEST_TRUE = 0, TEST_FALSE = 1, TEST_ERROR = 2 };

static const struct cmd_info bracket_info = {
	.name = "[",
	.text = CMD_USAGE("EXPRESSION ]\n]\nOPTION")
		CMD_SUMMARY("Evaluate EXPRESSION and exit with status 0 when it is true, 1 when it is\n"
		            "false and 2 on an error. 'test EXPRESSION' works the same way without the\n"
		            "closing bracket; 'test' alone, like '[ ]', is false.")
		CMD_DETAILS("EXPRESSION is made of these parts:\n"
		            "\n"
		            "  ( EXPR )              the value of EXPR\n"
		            "  ! EXPR                true when EXPR is false\n"
		            "  EXPR1 -a EXPR2        true when both are true\n"
		            "  EXPR1 -o EXPR2        true when at least one is true\n"
		            "\n"
		            "  STRING                true when STRING is not empty\n"
		            "  -n STRING             true when STRING is not empty\n"
		            "  -z STRING             true when STRING is empty\n"
		            "  S1 = S2, S1 == S2     the two strings are identical\n"
		            "  S1 != S2              the two strings differ\n"
		            "  S1 < S2               S1 sorts before S2 in the current locale\n"
		            "  S1 > S2               S1 sorts after S2 in the current locale\n"
		            "\n"
		            "  N1 -eq N2             the integers are equal\n"
		            "  N1 -ne N2             the integers differ\n"
		            "  N1 -lt N2             N1 is smaller than N2\n"
		            "  N1 -le N2             N1 is smaller than or equal to N2\n"
		            "  N1 -gt N2             N1 is larger than N2\n"
		            "  N1 -ge N2             N1 is larger than or equal to N2\n"
		            "\n"
		            "  F1 -ef F2             F1 and F2 are one file (same device and inode)\n"
		            "  F1 -nt F2             F1 was modified later than F2, or only F1 exists\n"
		            "  F1 -ot F2             F1 was modified earlier than F2, or only F2 exists\n"
		            "\n"
		            "  -b FILE               FILE exists and is a block device\n"
		            "  -c FILE               FILE exists and is a character device\n"
		            "  -d FILE               FILE exists and is a directory\n"
		            "  -e FILE               FILE exists\n"
		            "  -f FILE               FILE exists and is a regular file\n"
		            "  -g FILE               FILE exists and has its set-group-ID bit\n"
		            "  -G FILE               FILE exists and its group is the effective group\n"
		            "  -h FILE, -L FILE      FILE exists and is a symbolic link\n"
		            "  -k FILE               FILE exists and has its sticky bit\n"
		            "  -N FILE               FILE exists and was modified after it was last read\n"
		            "  -O FILE               FILE exists and its owner is the effective user\n"
		            "  -p FILE               FILE exists and is a named pipe (FIFO)\n"
		            "  -r FILE               FILE exists and may be read\n"
		            "  -s FILE               FILE exists and is not empty\n"
		            "  -S FILE               FILE exists and is a socket\n"
		            "  -t FD                 file descriptor FD is a terminal\n"
		            "  -u FILE               FILE exists and has its set-user-ID bit\n"
		            "  -w FILE               FILE exists and may be written\n"
		            "  -x FILE               FILE exists and may be executed (or searched)\n"
		            "\n"
		            "Integers may carry a sign and surrounding blanks and have any size; in\n"
		            "their place '-l STRING' stands for the length of STRING. File tests\n"
		            "other than -h and -L follow symbolic links. The shell needs ( ) ! < >\n"
		            "quoted. Since -a and -o can make an expression ambiguous, prefer\n"
		            "'test A && test B' and 'test A || test B'.\n"
		            "\n"
		            "Only '[' knows --help and --version, and only as its sole argument;\n"
		            "'test' takes them as strings. Your shell's builtin test and [ may\n"
		            "behave differently from this program."),
	.usage_status = TEST_ERROR,
	.fail_status = TEST_ERROR,
};

enum binop {
	OP_NONE = -1,
	OP_STREQ, OP_STRNE, OP_STRLT, OP_STRGT,
	OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE,
	OP_EF, OP_NT, OP_OT,
};

static const struct {
	char name[4];  /* an array, not a pointer: nothing to relocate at start-up */
	enum binop op;
} binops[] = {
	{ "=", OP_STREQ }, { "==", OP_STREQ }, { "!=", OP_STRNE },
	{ "<", OP_STRLT }, { ">", OP_STRGT },
	{ "-eq", OP_EQ }, { "-ne", OP_NE }, { "-lt", OP_LT },
	{ "-le", OP_LE }, { "-gt", OP_GT }, { "-ge", OP_GE },
	{ "-ef", OP_EF }, { "-nt", OP_NT }, { "-ot", OP_OT },
};

/* The arguments being parsed: a[0..n-1], a[i] next. a[n] is NULL for
   test and "]" for [. */
struct args {
	char **a;
	int n;
	int i;
};

/* An integer operand: sign and significant digits (none for zero). */
struct bigint {
	bool neg;
	const char *dig;
	size_t len;
};

static _Noreturn __attribute__((format(printf, 1, 2))) void syntax_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_verror(0, fmt, ap);
	va_end(ap);
	exit(TEST_ERROR);
}

static _Noreturn void missing_argument(const struct args *s)
{
	syntax_error("missing argument after %s", quote(s->a[s->n - 1]));
}

static bool is(const char *arg, const char *word)
{
	return arg && strcmp(arg, word) == 0;
}

/* "-X" with one character after the dash: the shape of a unary operator. */
static bool unary_shape(const char *arg)
{
	return arg[0] == '-' && arg[1] && !arg[2];
}

static enum binop binop_of(const char *arg)
{
	for (size_t k = 0; k < sizeof binops / sizeof binops[0]; k++)
		if (strcmp(arg, binops[k].name) == 0)
			return binops[k].op;
	return OP_NONE;
}

/* Step past one argument; with REQUIRE, fail when none is left then. */
static void advance(struct args *s, bool require)
{
	s->i++;
	if (require && s->i >= s->n)
		missing_argument(s);
}

/* ARG as an integer: optional blanks, '+' or '-', digits, optional
   blanks. Anything else is a syntax error. */
static struct bigint parse_int(const char *arg)
{
	struct bigint v = { false, NULL, 0 };
	const char *p = arg;

	while (isspace((unsigned char)*p))
		p++;
	if (*p == '+' || *p == '-')
		v.neg = *p++ == '-';
	const char *digits = p;
	while (*p >= '0' && *p <= '9')
		p++;
	const char *end = p;
	while (isspace((unsigned char)*p))
		p++;
	if (end == digits || *p)
		syntax_error("invalid integer %s", quote(arg));
	while (digits < end - 1 && *digits == '0')
		digits++;
	v.dig = digits;
	v.len = (size_t)(end - digits);
	if (v.len == 1 && *digits == '0')
		v.len = 0;
	if (v.len == 0)
		v.neg = false;
	return v;
}

/* The length of STR as an integer, its digits kept in BUF. */
static struct bigint length_int(const char *str, char *buf, size_t size)
{
	int n = snprintf(buf, size, "%zu", strlen(str));
	struct bigint v = { false, buf, (size_t)n };
	if (buf[0] == '0')
		v.len = 0;
	return v;
}

static int compare_int(struct bigint x, struct bigint y)
{
	if (x.neg != y.neg)
		return x.neg ? -1 : 1;
	int c = x.len != y.len ? (x.len < y.len ? -1 : 1) : memcmp(x.dig, y.dig, x.len);
	if (c > 0)
		c = 1;
	else if (c < 0)
		c = -1;
	return x.neg ? -c : c;
}

static int compare_time(struct sys_time x, struct sys_time y)
{
	if (x.sec != y.sec)
		return x.sec < y.sec ? -1 : 1;
	return (x.nsec > y.nsec) - (x.nsec < y.nsec);
}

/* The modification time of PATH, or one older than any real time when it
   cannot be stat'ed. */
static struct sys_time mtime_of(const char *path)
{
	struct sys_stat st;
	if (sys_stat(path, &st) != 0)
		return (struct sys_time){ INT64_MIN, -1 };
	return st.mtime;
}

/* -t's operand: an integer that must name a valid descriptor. */
static bool fd_is_tty(const char *arg)
{
	struct bigint v = parse_int(arg);
	if (v.neg || v.len > 10)
		return false;
	long long fd = 0;
	for (size_t k = 0; k < v.len; k++)
		fd = fd * 10 + (v.dig[k] - '0');
	return fd <= INT_MAX && sys_isatty((int)fd);
}

/* Evaluate a binary operator whose left operand is at s->i (after "-l"
   when LEFT_LEN). "-l STRING" may also replace the right operand. */
static bool binary(struct args *s, bool left_len, enum binop op)
{
	if (left_len)
		s->i++;
	int at = s->i + 1;
	bool right_len = at < s->n - 2 && is(s->a[at + 1], "-l");
	if (right_len)
		s->i++;
	s->i += 3;
	const char *left = s->a[at - 1];
	const char *right = s->a[at + 1];

	switch (op) {
	case OP_EQ: case OP_NE: case OP_LT: case OP_LE: case OP_GT: case OP_GE: {
		char lbuf[24], rbuf[24];
		struct bigint l = left_len ? length_int(left, lbuf, sizeof lbuf) : parse_int(left);
		struct bigint r = right_len ? length_int(s->a[at + 2], rbuf, sizeof rbuf) : parse_int(right);
		int c = compare_int(l, r);
		switch (op) {
		case OP_EQ: return c == 0;
		case OP_NE: return c != 0;
		case OP_LT: return c < 0;
		case OP_LE: return c <= 0;
		case OP_GT: return c > 0;
		default: return c >= 0;
		}
	}
	case OP_NT:
	case OP_OT: {
		if (left_len || right_len)
			syntax_error("%s does not accept -l", s->a[at]);
		int c = compare_time(mtime_of(left), mtime_of(right));
		return op == OP_NT ? c > 0 : c < 0;
	}
	case OP_EF: {
		if (left_len || right_len)
			syntax_error("-ef does not accept -l");
		struct sys_stat a, b;
		return sys_stat(left, &a) == 0 && sys_stat(right, &b) == 0 && sys_same_file(&a, &b);
	}
	case OP_STREQ:
		return strcmp(left, right) == 0;
	case OP_STRNE:
		return strcmp(left, right) != 0;
	case OP_STRLT:
		return text_collate(left, strlen(left), right, strlen(right)) < 0;
	case OP_STRGT:
		return text_collate(left, strlen(left), right, strlen(right)) > 0;
	case OP_NONE:
		break;
	}
	abort();
}

/* Evaluate the unary operator at s->i ("-X") on the argument after it. */
static bool unary(struct args *s)
{
	const char *opr = s->a[s->i];
	struct sys_stat st;

	if (!strchr("bcdefghkLnNOprsStuwxzG", opr[1]))
		syntax_error("%s: unary operator expected", quote(opr));
	advance(s, true);
	const char *arg = s->a[s->i++];

	switch (opr[1]) {
	case 'n':
		return arg[0] != 0;
	case 'z':
		return arg[0] == 0;
	case 't':
		return fd_is_tty(arg);
	case 'r':
		return sys_eaccess(arg, SYS_R_OK) == 0;
	case 'w':
		return sys_eaccess(arg, SYS_W_OK) == 0;
	case 'x':
		return sys_eaccess(arg, SYS_X_OK) == 0;
	case 'h':
	case 'L':
		return sys_lstat(arg, &st) == 0 && SYS_S_ISLNK(st.mode);
	}
	if (sys_stat(arg, &st) != 0)
		return false;
	switch (opr[1]) {
	case 'b': return SYS_S_ISBLK(st.mode);
	case 'c': return SYS_S_ISCHR(st.mode);
	case 'd': return SYS_S_ISDIR(st.mode);
	case 'f': return SYS_S_ISREG(st.mode);
	case 'p': return SYS_S_ISFIFO(st.mode);
	case 'S': return SYS_S_ISSOCK(st.mode);
	case 's': return st.size > 0;
	case 'g': return (st.mode & SYS_S_ISGID) != 0;
	case 'u': return (st.mode & SYS_S_ISUID) != 0;
	case 'k': return (st.mode & SYS_S_ISVTX) != 0;
	case 'O': return st.uid == sys_geteuid();
	case 'G': return st.gid == sys_getegid();
	case 'N': return compare_time(st.mtime, st.atime) > 0;
	default: return true; /* 'e' */
	}
}

static bool posix_test(struct args *s, int count);

/* "( ... )": the arguments up to the matching ")" (or the rest, when more
   than four come before it) by the count rules. */
static bool parenthesized(struct args *s)
{
	advance(s, true);
	int count = 1;
	while (s->i + count < s->n && !is(s->a[s->i + count], ")")) {
		if (count == 4) {
			count = s->n - s->i;
			break;
		}
		count++;
	}
	bool value = posix_test(s, count);
	const char *close = s->a[s->i];
	if (!close)
		syntax_error("%s expected", quote(")"));
	if (strcmp(close, ")") != 0)
		syntax_error("%s expected, found %s", quote(")"), quote(close));
	s->i++;
	return value;
}

/* A primary, after any number of "!". */
static bool term(struct args *s)
{
	bool negate = false;
	bool value;
	enum binop op;

	while (s->i < s->n && is(s->a[s->i], "!")) {
		advance(s, true);
		negate = !negate;
	}
	if (s->i >= s->n)
		missing_argument(s);
	const char *arg = s->a[s->i];
	int left = s->n - s->i;

	if (is(arg, "("))
		value = parenthesized(s);
	else if (left >= 4 && is(arg, "-l") && (op = binop_of(s->a[s->i + 2])) != OP_NONE)
		value = binary(s, true, op);
	else if (left >= 3 && (op = binop_of(s->a[s->i + 1])) != OP_NONE)
		value = binary(s, false, op);
	else if (unary_shape(arg))
		value = unary(s);
	else {
		value = arg[0] != 0;
		s->i++;
	}
	return negate != value;
}

static bool and_expr(struct args *s)
{
	bool value = true;
	for (;;) {
		value &= term(s);
		if (!(s->i < s->n && is(s->a[s->i], "-a")))
			return value;
		s->i++;
	}
}

static bool or_expr(struct args *s)
{
	bool value = false;
	for (;;) {
		value |= and_expr(s);
		if (!(s->i < s->n && is(s->a[s->i], "-o")))
			return value;
		s->i++;
	}
}

static bool expr(struct args *s)
{
	if (s->i >= s->n)
		missing_argument(s);
	return or_expr(s);
}

static bool one_arg(struct args *s)
{
	return s->a[s->i++][0] != 0;
}

static bool two_args(struct args *s)
{
	const char *arg = s->a[s->i];
	if (is(arg, "!")) {
		s->i++;
		return !one_arg(s);
	}
	if (unary_shape(arg))
		return unary(s);
	missing_argument(s);
}

static bool three_args(struct args *s)
{
	const char *mid = s->a[s->i + 1];
	enum binop op = binop_of(mid);
	bool value;

	if (op != OP_NONE)
		return binary(s, false, op);
	if (is(s->a[s->i], "!")) {
		advance(s, true);
		return !two_args(s);
	}
	if (is(s->a[s->i], "(") && is(s->a[s->i + 2], ")")) {
		s->i++;
		value = one_arg(s);
		s->i++;
		return value;
	}
	if (is(mid, "-a") || is(mid, "-o"))
		return expr(s);
	syntax_error("%s: binary operator expected", quote(mid));
}

/* Evaluate the next COUNT arguments by POSIX's rules for that count; from
   five on (and for four that fit no rule) by the full grammar. */
static bool posix_test(struct args *s, int count)
{
	bool value;

	switch (count) {
	case 1:
		return one_arg(s);
	case 2:
		return two_args(s);
	case 3:
		return three_args(s);
	case 4:
		if (is(s->a[s->i], "!")) {
			advance(s, true);
			return !three_args(s);
		}
		if (is(s->a[s->i], "(") && is(s->a[s->i + 3], ")")) {
			s->i++;
			value = two_args(s);
			s->i++;
			return value;
		}
		return expr(s);
	default:
		return expr(s);
	}
}

int test_main(int argc, char **argv, bool bracket)
{
	sys_locale_init(); /* < and > collate */
	diag_fail_status = TEST_ERROR;
	diag_usage_status = TEST_ERROR;
	if (bracket) {
		if (argc == 2)
			opt_help_or_version(&bracket_info, NULL, argv[1]);
		if (argc < 2 || strcmp(argv[argc - 1], "]") != 0)
			syntax_error("missing %s", quote("]"));
		argc--;
	}
	if (argc < 2)
		return TEST_FALSE;

	struct args s = { argv + 1, argc - 1, 0 };
	bool value = posix_test(&s, s.n);
	if (s.i != s.n)
		syntax_error("extra argument %s", quote(s.a[s.i]));
	return value ? TEST_TRUE : TEST_FALSE;
}

int main_test(int argc, char **argv)
{
	return test_main(argc, argv, false);
}
