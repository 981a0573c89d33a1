/* Unit tests for libcommon/num_float.c: whole-string floating-point
   parsing with xstrtold's rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <math.h>
#include <string.h>

#include "num.h"

static void test_valid(void **state)
{
	(void)state;
	long double v;
	assert_true(num_parse_ldouble("1", &v) && v == 1);
	assert_true(num_parse_ldouble("-2.5", &v) && v == -2.5L);
	assert_true(num_parse_ldouble(" +.5e1", &v) && v == 5);
	assert_true(num_parse_ldouble("0x1p4", &v) && v == 16);
	assert_true(num_parse_ldouble("inf", &v) && isinf(v));
	assert_true(num_parse_ldouble("-Infinity", &v) && isinf(v) && v < 0);
	assert_true(num_parse_ldouble("nan", &v) && isnan(v));
	/* Gradual underflow is accepted. */
	assert_true(num_parse_ldouble("1e-4940", &v) && v > 0);
	assert_true(num_parse_ldouble("1e-99999", &v) && v == 0);
}

static void test_invalid(void **state)
{
	(void)state;
	long double v;
	assert_false(num_parse_ldouble("", &v));
	assert_false(num_parse_ldouble(" ", &v));
	assert_false(num_parse_ldouble("x", &v));
	assert_false(num_parse_ldouble("1 ", &v));
	assert_false(num_parse_ldouble("1x", &v));
	assert_true(v == 1);
	assert_false(num_parse_ldouble("1,5", &v));
	/* Overflow is an error; the value is still stored. */
	assert_false(num_parse_ldouble("1e99999", &v));
	assert_true(isinf(v));
	assert_false(num_parse_ldouble("-1e99999", &v));
	assert_true(isinf(v) && v < 0);
}

static void test_strtold_end(void **state)
{
	(void)state;
	const char *s = "12.5abc";
	char *end;
	errno = 0;
	assert_true(num_strtold(s, &end) == 12.5L);
	assert_ptr_equal(end, s + 4);
	assert_true(num_strtold("zz", &end) == 0);
	assert_string_equal(end, "zz");
	assert_true(num_strtold("7", NULL) == 7);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_strtold_end),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
