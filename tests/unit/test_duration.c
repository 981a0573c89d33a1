/* Unit tests for libcommon/duration.c: time intervals with unit
   letters, their limits, and the conversion to nanoseconds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "duration.h"

/* Parse S with FLAGS; it must succeed with exactly WANT seconds. */
static void check_seconds(const char *s, int flags, long double want)
{
	long double got = -12345;
	assert_true(duration_parse(s, flags, &got));
	assert_true(got == want);
}

static void check_invalid(const char *s, int flags)
{
	long double got = 42;
	assert_false(duration_parse(s, flags, &got));
}

static void test_plain_numbers(void **state)
{
	(void)state;
	check_seconds("0", 0, 0);
	check_seconds("10", 0, 10);
	check_seconds("1.5", 0, 1.5L);
	check_seconds(".25", 0, 0.25L);
	check_seconds("2.", 0, 2);
	check_seconds("1e2", 0, 100);
	check_seconds("0x10", 0, 16);
	check_seconds("0x.8p1", 0, 1);
	check_seconds("  3", 0, 3);
	check_seconds("+4", 0, 4);
}

static void test_units(void **state)
{
	(void)state;
	check_seconds("7s", 0, 7);
	check_seconds("2m", 0, 120);
	check_seconds("1.5m", 0, 90);
	check_seconds("3h", 0, 3 * 3600);
	check_seconds("1d", 0, 86400);
	check_seconds("0.5d", 0, 43200);
	/* In hexadecimal, 'd' is a digit, not days. */
	check_seconds("0x1d", 0, 29);
	check_invalid("1D", 0);
	check_invalid("1S", 0);
	check_invalid("1x", 0);
	check_invalid("1ms", 0);
	check_invalid("1day", 0);
	check_invalid("1 ", 0);
	check_invalid("1 s", 0);
	check_invalid("s", 0);
}

static void test_no_unit_flag(void **state)
{
	(void)state;
	check_seconds("2.5", DURATION_NO_UNIT, 2.5L);
	check_invalid("2s", DURATION_NO_UNIT);
	check_invalid("1m", DURATION_NO_UNIT);
}

static void test_invalid(void **state)
{
	(void)state;
	check_invalid("", 0);
	check_invalid("x", 0);
	check_invalid(".", 0);
	check_invalid("e5", 0);
	check_invalid("1e", 0);
	check_invalid("-1", 0);
	check_invalid("-0.5m", 0);
	check_invalid("-inf", 0);
	check_invalid("nan", 0);
	check_invalid("-nan", 0);
	check_invalid("--1", 0);
}

static void test_limits(void **state)
{
	(void)state;
	long double s = 0;
	assert_true(duration_parse("inf", 0, &s));
	assert_true(isinf(s) && s > 0);
	assert_true(duration_parse("infinity", 0, &s));
	assert_true(isinf(s));
	assert_true(duration_parse("INF", 0, &s));
	assert_true(isinf(s));
	/* Overflow means forever. */
	assert_true(duration_parse("1e999999", 0, &s));
	assert_true(isinf(s));
	assert_true(duration_parse("1e4931d", 0, &s));
	assert_true(isinf(s));
	/* Too small to represent is still more than nothing. */
	assert_true(duration_parse("1e-999999", 0, &s));
	assert_true(s > 0);
	assert_int_equal(duration_ns(s), 1);
	check_invalid("-1e-999999", 0);
	/* Negative zero is zero. */
	assert_true(duration_parse("-0", 0, &s));
	assert_true(s == 0);
	assert_int_equal(duration_ns(s), 0);
}

static void test_nanoseconds(void **state)
{
	(void)state;
	assert_int_equal(duration_ns(0), 0);
	assert_int_equal(duration_ns(-5), 0);
	assert_int_equal(duration_ns(NAN), 0);
	assert_int_equal(duration_ns(1), 1000000000);
	assert_int_equal(duration_ns(2.5L), 2500000000);
	assert_int_equal(duration_ns(86400), INT64_C(86400000000000));
	/* Rounded up: never shorter than asked. */
	assert_int_equal(duration_ns(1e-10L), 1);
	assert_int_equal(duration_ns(1.0000000001L), 1000000001);
	assert_int_equal(duration_ns(1e10L), INT64_MAX);
	assert_int_equal(duration_ns(INFINITY), INT64_MAX);
}

static void test_sleep_zero(void **state)
{
	(void)state;
	assert_int_equal(duration_sleep(0), 0);
	assert_int_equal(duration_sleep(-1), 0);
	assert_int_equal(duration_sleep(1e-6L), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_numbers),
		cmocka_unit_test(test_units),
		cmocka_unit_test(test_no_unit_flag),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_nanoseconds),
		cmocka_unit_test(test_sleep_zero),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
