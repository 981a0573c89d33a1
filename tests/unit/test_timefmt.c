/* Unit tests for libcommon/timefmt.c: strftime in the TZ time zone, GNU's
   %N (and %3N), %% before N, empty results, and very long results. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "sys.h"
#include "timefmt.h"

static int setup(void **state)
{
	(void)state;
	sys_setenv("TZ", "UTC0");
	tzset();
	return 0;
}

static void expect(const char *fmt, int64_t sec, int32_t nsec, const char *want)
{
	char *got = time_format_local(fmt, sec, nsec);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void test_plain(void **state)
{
	(void)state;
	expect("%Y-%m-%d %H:%M", 1623053350, 0, "2021-06-07 08:09");
	expect("%b %e %H:%M %Y", 1623053350, 0, "Jun  7 08:09 2021");
	expect("no conversions", 0, 0, "no conversions");
	expect("", 0, 0, "");
	expect("%p", 0, 0, "AM");
}

static void test_nanoseconds(void **state)
{
	(void)state;
	expect("%s.%N", 5, 123456789, "5.123456789");
	expect("%N", 5, 42, "000000042");
	expect("%3N|%1N", 5, 987654321, "987|9");
	expect("%%N %%%N", 0, 1, "%N %000000001");
}

static void test_time_zone(void **state)
{
	(void)state;
	/* Wine 8's msvcrt keeps only two letters of a TZ zone name ("XY"). */
	if (sys_getenv("COREBOX_UNDER_WINE"))
		skip();
	sys_setenv("TZ", "XYZ-3");
	tzset();
	expect("%H:%M %Z", 0, 0, "03:00 XYZ");
	sys_setenv("TZ", "UTC0");
	tzset();
}

static void test_long_result(void **state)
{
	(void)state;
	char fmt[3001];
	for (int i = 0; i < 1000; i++)
		memcpy(fmt + 3 * i, "%Y ", 3);
	fmt[3000] = 0;
	char *got = time_format_local(fmt, 0, 0);
	assert_non_null(got);
	assert_int_equal(strlen(got), 5000);
	assert_memory_equal(got, "1970 1970 ", 10);
	free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_plain, setup),
		cmocka_unit_test_setup(test_nanoseconds, setup),
		cmocka_unit_test_setup(test_time_zone, setup),
		cmocka_unit_test_setup(test_long_result, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
