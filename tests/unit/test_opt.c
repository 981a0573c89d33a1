/* Unit tests for libcommon/opt.c: the parser's successful paths (GNU
   getopt_long's permutation, bundling, arguments, abbreviations) and the
   --help layout. The error paths print and exit, so they are checked
   against real utilities in tests/cmds/test_corebox.py. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "capture.h"
#include "diag.h"
#include "opt.h"
#include "sys.h"

enum { KEY_COLOR = OPT_LONG, KEY_VERB, KEY_VERBOSE_X, KEY_COLOUR_ONLY };

#define OPTIONS(O) \
	O("all", 'a', OPT_NONE, "", "do everything") \
	O("bytes", 'c', OPT_REQ, "NUM", "first NUM bytes") \
	O("lines", 'n', OPT_REQ, "NUM", "first NUM lines") \
	O("quiet", 'q', OPT_NONE, "", "no headers") \
	O("silent", 'q', OPT_NONE, "", OPT_ALIAS) \
	O("color", KEY_COLOR, OPT_OPT, "WHEN", "colour the output") \
	O("colour", KEY_COLOR, OPT_OPT, "WHEN", OPT_ALIAS) \
	O("verb", KEY_VERB, OPT_NONE, "", "a verb") \
	O("verbose-extra", KEY_VERBOSE_X, OPT_NONE, "", "more") \
	O("", 'x', OPT_OPT, "N", "short only, optional argument") \
	O("", 'z', OPT_NONE, "", "short only")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "prog",
	.text = CMD_USAGE("[OPTION]... [FILE]..."),
};

/* The operand test trace_with() gives its parser, if any. */
static bool (*operand_test)(const char *arg);

static bool minus_number(const char *arg)
{
	return arg[1] >= '0' && arg[1] <= '9';
}

/* Parse ARGV (NULL-terminated, without the program name) with INFO and
   describe the result: each option as written ("-n=5", "--lines=5"),
   then "|" and the operands. */
static char *trace_with(const struct cmd_info *inf, const char *const *args)
{
	char *argv[32];
	int argc = 0;
	argv[argc++] = (char *)"prog";
	for (; *args; args++)
		argv[argc++] = (char *)*args;
	argv[argc] = NULL;

	static char buf[1024];
	size_t n = 0;
	struct opt_parser p;
	int c;
	opt_init(&p, inf, &opts.table, argc, argv);
	p.is_operand = operand_test;
	while ((c = opt_next(&p)) != OPT_END) {
		assert_non_null(p.optname);
		if (c < OPT_LONG && p.optname[1] != '-')
			assert_int_equal(c, (unsigned char)p.optname[1]);
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s%s ", p.optname, p.arg ? "=" : "",
				      p.arg ? p.arg : "");
	}
	n += (size_t)snprintf(buf + n, sizeof buf - n, "|");
	for (int i = 0; i < p.noperands; i++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, " %s", p.operands[i]);
	assert_null(p.operands[p.noperands]);
	free(p.operands);
	return buf;
}

#define TRACE(...) trace_with(&info, (const char *const[]){ __VA_ARGS__, NULL })

static int setup(void **state)
{
	(void)state;
	sys_unsetenv("POSIXLY_CORRECT");
	diag_set_prog("prog", "prog");
	return 0;
}

static void test_no_arguments(void **state)
{
	(void)state;
	const char *none[] = { NULL };
	assert_string_equal(trace_with(&info, none), "|");
}

static void test_permutation(void **state)
{
	(void)state;
	assert_string_equal(TRACE("a", "-a", "b", "--quiet", "c"), "-a --quiet | a b c");
	assert_string_equal(TRACE("-", "-z"), "-z | -");
	assert_string_equal(TRACE("a", "-n", "5", "b"), "-n=5 | a b");
}

static void test_double_dash(void **state)
{
	(void)state;
	assert_string_equal(TRACE("a", "--", "-z", "--quiet"), "| a -z --quiet");
	assert_string_equal(TRACE("-z", "--", "--"), "-z | --");
	assert_string_equal(TRACE("--"), "|");
	/* "--" as an option's argument is just the argument. */
	assert_string_equal(TRACE("-n", "--", "x"), "-n=-- | x");
}

static void test_posixly_correct(void **state)
{
	(void)state;
	sys_setenv("POSIXLY_CORRECT", "1");
	assert_string_equal(TRACE("-a", "b", "-z", "--", "c"), "-a | b -z -- c");
	sys_unsetenv("POSIXLY_CORRECT");
	struct cmd_info np = { .name = "prog" };
	np.flags = OPT_F_NO_PERMUTE;
	assert_string_equal(trace_with(&np, (const char *const[]){ "-a", "b", "-z", NULL }), "-a | b -z");
	assert_string_equal(trace_with(&np, (const char *const[]){ "-a", "--", "-z", NULL }), "-a | -z");
}

static void test_short_bundles(void **state)
{
	(void)state;
	assert_string_equal(TRACE("-aqz"), "-a -q -z |");
	assert_string_equal(TRACE("-n5"), "-n=5 |");
	assert_string_equal(TRACE("-n", "5"), "-n=5 |");
	assert_string_equal(TRACE("-an5"), "-a -n=5 |");
	assert_string_equal(TRACE("-naz"), "-n=az |");
	assert_string_equal(TRACE("-n", "-a"), "-n=-a |");
	assert_string_equal(TRACE("-n", ""), "-n= |");
	/* An optional argument only attaches: "-x 3" leaves 3 an operand. */
	assert_string_equal(TRACE("-x3"), "-x=3 |");
	assert_string_equal(TRACE("-x", "3"), "-x | 3");
	assert_string_equal(TRACE("-zx"), "-z -x |");
}

static void test_long_arguments(void **state)
{
	(void)state;
	assert_string_equal(TRACE("--lines=5"), "--lines=5 |");
	assert_string_equal(TRACE("--lines", "5"), "--lines=5 |");
	assert_string_equal(TRACE("--lines="), "--lines= |");
	assert_string_equal(TRACE("--lines=a=b"), "--lines=a=b |");
	assert_string_equal(TRACE("--lines", "--quiet"), "--lines=--quiet |");
	assert_string_equal(TRACE("--color"), "--color |");
	assert_string_equal(TRACE("--color=always"), "--color=always |");
	assert_string_equal(TRACE("--color="), "--color= |");
	assert_string_equal(TRACE("--color", "x"), "--color | x");
}

static void test_abbreviations(void **state)
{
	(void)state;
	assert_string_equal(TRACE("--li=3"), "--lines=3 |");
	assert_string_equal(TRACE("--l", "3"), "--lines=3 |");
	assert_string_equal(TRACE("--a"), "--all |");
	/* An exact name wins over longer names it is a prefix of. */
	assert_string_equal(TRACE("--verb"), "--verb |");
	assert_string_equal(TRACE("--verbo"), "--verbose-extra |");
	/* Aliases (same key, same argument kind) are not ambiguous. */
	assert_string_equal(TRACE("--col=never"), "--color=never |");
	assert_string_equal(TRACE("--colou"), "--colour |");
	assert_string_equal(TRACE("--q", "--s", "--qu"), "--quiet --silent --quiet |");
}

static void test_digit_options(void **state)
{
	(void)state;
	struct cmd_info d = { .name = "prog" };
	d.flags = OPT_F_DIGITS;
	assert_string_equal(trace_with(&d, (const char *const[]){ "-12", "-a5", NULL }), "-1 -2 -a -5 |");
	d.flags = OPT_F_DIGITS | OPT_F_DIGIT_ARG;
	assert_string_equal(trace_with(&d, (const char *const[]){ "-12,4", "-a5", "-7", "x", NULL }),
			    "-1=12,4 -a -5=5 -7=7 | x");
}

static void test_is_operand(void **state)
{
	(void)state;
	struct cmd_info d = { .name = "prog" };
	operand_test = minus_number;
	assert_string_equal(trace_with(&d, (const char *const[]){ "-5", "-a", "-1.5", NULL }), "-a | -5 -1.5");
	d.flags = OPT_F_NO_PERMUTE;
	assert_string_equal(trace_with(&d, (const char *const[]){ "-a", "-5", "-a", NULL }), "-a | -5 -a");
	operand_test = NULL;
}

/* OPT_F_IN_ORDER: operands come back where they stand ("-" in getopt),
   except those after "--". */
static void test_in_order(void **state)
{
	(void)state;
	struct cmd_info d = { .name = "prog" };
	d.flags = OPT_F_IN_ORDER | OPT_F_DIGITS;
	char *argv[] = { "prog", "a", "-3", "-", "-n", "5", "+2", "--", "-z", "b", NULL };
	char buf[256];
	size_t n = 0;
	struct opt_parser p;
	int c;
	opt_init(&p, &d, &opts.table, 10, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		if (c == OPT_OPERAND)
			n += (size_t)snprintf(buf + n, sizeof buf - n, p.after_dashdash ? "[%s!] " : "[%s] ", p.arg);
		else
			n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s%s ", p.optname,
					      p.arg ? "=" : "", p.arg ? p.arg : "");
	}
	n += (size_t)snprintf(buf + n, sizeof buf - n, "|");
	for (int i = 0; i < p.noperands; i++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, " %s", p.operands[i]);
	/* After "--" operands still come back in order, marked as such. */
	assert_string_equal(buf, "[a] -3 [-] -n=5 [+2] [-z!] [b!] |");
	free(p.operands);
}

static void test_statuses(void **state)
{
	(void)state;
	struct cmd_info d = { .name = "prog" };
	d.usage_status = 2;
	d.fail_status = 125;
	const char *none[] = { NULL };
	trace_with(&d, none);
	assert_int_equal(diag_usage_status, 2);
	assert_int_equal(diag_fail_status, 125);
	diag_usage_status = 1;
	diag_fail_status = 1;
}

#define HELP_OPTIONS(O) \
	O("bytes", 'c', OPT_REQ, "[-]NUM", "print the first NUM bytes") \
	O("quiet", 'q', OPT_NONE, "", "never print headers") \
	O("silent", 'q', OPT_NONE, "", OPT_ALIAS) \
	O("color", KEY_COLOR, OPT_OPT, "WHEN", "colour the output;\nWHEN is always or never") \
	O("a-very-long-option-name", 'L', OPT_REQ, "SIZE", "too long for the column") \
	O("", 'x', OPT_REQ, "N", "short only") \
	O("", 'y', OPT_OPT, "N", "short only, optional")
OPT_TABLE(help_opts, HELP_OPTIONS);

static void test_help_layout(void **state)
{
	(void)state;
	static const struct cmd_info h = {
		.name = "prog",
		.text = CMD_USAGE("[OPTION]... [FILE]...\n-x N")
			CMD_SUMMARY("Do things with FILEs.")
			CMD_DETAILS("With no FILE, read standard input."),
	};
	struct capture cap;
	capture_start(&cap, "help");
	opt_print_help(&h, &help_opts.table);
	char *got = capture_end(&cap, NULL);
	assert_string_equal(got,
		"Usage: prog [OPTION]... [FILE]...\n"
		"  or:  prog -x N\n"
		"Do things with FILEs.\n"
		"\n"
		"  -c, --bytes=[-]NUM      print the first NUM bytes\n"
		"  -q, --quiet, --silent   never print headers\n"
		"      --color[=WHEN]      colour the output;\n"
		"                          WHEN is always or never\n"
		"  -L, --a-very-long-option-name=SIZE\n"
		"                          too long for the column\n"
		"  -x N                    short only\n"
		"  -y[N]                   short only, optional\n"
		"      --help              display this help and exit\n"
		"      --version           output version information and exit\n"
		"\n"
		"With no FILE, read standard input.\n");
	free(got);

	capture_start(&cap, "version");
	opt_print_version(&h);
	got = capture_end(&cap, NULL);
	assert_string_equal(got, "prog (corebox) " COREBOX_VERSION "\n");
	free(got);
}

static void test_help_without_auto(void **state)
{
	(void)state;
	static const struct cmd_info h = {
		.name = "prog",
		.flags = OPT_F_NO_AUTO,
		.text = "",
	};
	struct capture cap;
	capture_start(&cap, "noauto");
	opt_print_help(&h, NULL);
	char *got = capture_end(&cap, NULL);
	assert_string_equal(got, "Usage: prog [OPTION]...\n");
	free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_no_arguments, setup),
		cmocka_unit_test_setup(test_permutation, setup),
		cmocka_unit_test_setup(test_double_dash, setup),
		cmocka_unit_test_setup(test_posixly_correct, setup),
		cmocka_unit_test_setup(test_short_bundles, setup),
		cmocka_unit_test_setup(test_long_arguments, setup),
		cmocka_unit_test_setup(test_abbreviations, setup),
		cmocka_unit_test_setup(test_digit_options, setup),
		cmocka_unit_test_setup(test_is_operand, setup),
		cmocka_unit_test_setup(test_in_order, setup),
		cmocka_unit_test_setup(test_statuses, setup),
		cmocka_unit_test_setup(test_help_layout, setup),
		cmocka_unit_test_setup(test_help_without_auto, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
