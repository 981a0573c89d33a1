/* Unit tests for libcommon/diag.c: the shape of messages, strerror
   texts, the help hint, and standard output being flushed before a
   message so both streams keep their order. Exiting paths (diag_die,
   diag_usage_error) are checked through real utilities in
   tests/cmds/test_corebox.py. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include <cmocka.h>

#include "capture.h"
#include "diag.h"
#include "out.h"
#include "quote.h"
#include "sys.h"

static int setup(void **state)
{
	(void)state;
	diag_set_prog("prog", "prog");
	return 0;
}

static char *stderr_of_error(int errnum, const char *msg)
{
	struct capture c;
	capture_start_both(&c, "diag");
	diag_error(errnum, "%s", msg);
	return capture_end(&c, NULL);
}

static void test_message_shape(void **state)
{
	(void)state;
	char *got = stderr_of_error(0, "something failed");
	assert_string_equal(got, "prog: something failed\n");
	free(got);
	got = stderr_of_error(ENOENT, "cannot open 'x'");
	assert_string_equal(got, "prog: cannot open 'x': No such file or directory\n");
	free(got);
	got = stderr_of_error(EACCES, "x");
	assert_string_equal(got, "prog: x: Permission denied\n");
	free(got);
	got = stderr_of_error(ENOSPC, "write error");
	assert_string_equal(got, "prog: write error: No space left on device\n");
	free(got);
	got = stderr_of_error(EISDIR, "d");
	assert_string_equal(got, "prog: d: Is a directory\n");
	free(got);
	got = stderr_of_error(EOVERFLOW, "n: '9'");
	assert_string_equal(got, "prog: n: '9': Value too large for defined data type\n");
	free(got);
	got = stderr_of_error(ERANGE, "n: '0'");
	assert_string_equal(got, "prog: n: '0': Numerical result out of range\n");
	free(got);
}

static void test_program_name(void **state)
{
	(void)state;
	diag_set_prog("/usr/local/bin/head", "head");
	struct capture c;
	capture_start_both(&c, "diagname");
	diag_error(0, "oops");
	diag_try_help();
	char *got = capture_end(&c, NULL);
	assert_string_equal(got, "/usr/local/bin/head: oops\nTry '/usr/local/bin/head --help' for more information.\n");
	assert_string_equal(diag_util, "head");
	free(got);
}

static void test_long_messages(void **state)
{
	(void)state;
	for (size_t n = 500; n <= 5000; n += 1500) {
		char *msg = malloc(n + 1);
		assert_non_null(msg);
		memset(msg, 'm', n);
		msg[n] = 0;
		char *got = stderr_of_error(ENOENT, msg);
		assert_int_equal(strlen(got), 6 + n + 27 + 1);
		assert_memory_equal(got, "prog: ", 6);
		assert_memory_equal(got + 6, msg, n);
		assert_string_equal(got + 6 + n, ": No such file or directory\n");
		free(got);
		free(msg);
	}
}

static void test_output_flushed_first(void **state)
{
	(void)state;
	struct capture c;
	capture_start_both(&c, "diagorder");
	out_puts("line 1\n");
	diag_error(0, "after line 1");
	out_puts("line 2\n");
	diag_try_help();
	out_puts("line 3\n");
	char *got = capture_end(&c, NULL);
	assert_string_equal(got, "line 1\nprog: after line 1\nline 2\nTry 'prog --help' for more information.\nline 3\n");
	free(got);
}

static void test_with_quoting(void **state)
{
	(void)state;
	sys_setenv("LC_ALL", "C");
	sys_init();
	struct capture c;
	capture_start_both(&c, "diagquote");
	diag_error(ENOENT, "%s", quotef("a b"));
	diag_error(0, "cannot stat %s", quoteaf("x"));
	diag_error(0, "invalid number of lines: %s", quote("1x"));
	char *got = capture_end(&c, NULL);
	assert_string_equal(got, "prog: 'a b': No such file or directory\n"
				 "prog: cannot stat 'x'\n"
				 "prog: invalid number of lines: '1x'\n");
	free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_message_shape, setup),
		cmocka_unit_test_setup(test_program_name, setup),
		cmocka_unit_test_setup(test_long_messages, setup),
		cmocka_unit_test_setup(test_output_flushed_first, setup),
		cmocka_unit_test_setup(test_with_quoting, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
