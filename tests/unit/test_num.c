/* Unit tests for libcommon/num.c: xstrtoumax's suffix rules (gnulib's
   documented behaviour), the range checks of num_xparse_*_flags, and
   human-readable sizes checked against GNU ls -l -h/--si/--block-size,
   dd's summary line and df's header. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <errno.h>
#include <string.h>

#include <cmocka.h>

#include "num.h"
#include "sys.h"

#define ALL "bBcwkKmMgGtTPEZYRQ0"

static uintmax_t uval;
static int ust(const char *s, const char *suffixes)
{
	return num_parse_umax(s, suffixes, &uval);
}

static intmax_t ival;
static int ist(const char *s, const char *suffixes)
{
	return num_parse_imax(s, suffixes, &ival);
}

static void test_plain_numbers(void **state)
{
	(void)state;
	assert_int_equal(ust("0", NULL), NUM_OK);
	assert_int_equal(uval, 0);
	assert_int_equal(ust("123", NULL), NUM_OK);
	assert_int_equal(uval, 123);
	assert_int_equal(ust("  \t42", NULL), NUM_OK);
	assert_int_equal(uval, 42);
	assert_int_equal(ust("+7", NULL), NUM_OK);
	assert_int_equal(uval, 7);
	assert_int_equal(ust("007", NULL), NUM_OK);
	assert_int_equal(uval, 7);
	assert_int_equal(ust("18446744073709551615", NULL), NUM_OK);
	assert_true(uval == UINTMAX_MAX);

	assert_int_equal(ust("", NULL), NUM_INVALID);
	assert_int_equal(ust("   ", NULL), NUM_INVALID);
	assert_int_equal(ust("-1", NULL), NUM_INVALID);
	assert_int_equal(ust(" -0", NULL), NUM_INVALID);
	assert_int_equal(ust("+", NULL), NUM_INVALID);
	assert_int_equal(ust("++1", NULL), NUM_INVALID);
	assert_int_equal(ust("x1", NULL), NUM_INVALID);
	assert_int_equal(ust("1x", NULL), NUM_INVALID_SUFFIX);
	assert_int_equal(uval, 1);
	assert_int_equal(ust("1 ", NULL), NUM_INVALID_SUFFIX);
	assert_int_equal(ust("1k", NULL), NUM_INVALID_SUFFIX);
	assert_int_equal(ust("1k", ""), NUM_INVALID_SUFFIX);
}

static void test_overflow(void **state)
{
	(void)state;
	assert_int_equal(ust("18446744073709551616", NULL), NUM_OVERFLOW);
	assert_true(uval == UINTMAX_MAX);
	assert_int_equal(ust("99999999999999999999999999", NULL), NUM_OVERFLOW);
	assert_true(uval == UINTMAX_MAX);
	assert_int_equal(ust("99999999999999999999999999x", NULL), NUM_OVERFLOW | NUM_INVALID_SUFFIX);
	assert_int_equal(ust("16E", ALL), NUM_OVERFLOW);
	assert_true(uval == UINTMAX_MAX);
	assert_int_equal(ust("15E", ALL), NUM_OK);
	assert_true(uval == 15 * ((uintmax_t)1 << 60));
	assert_int_equal(ust("1Z", ALL), NUM_OVERFLOW);
	assert_int_equal(ust("1Q", ALL), NUM_OVERFLOW);
	assert_int_equal(ust("1Qx", ALL), NUM_OVERFLOW | NUM_INVALID_SUFFIX);
	assert_int_equal(ust("99999999999999999999k", ALL), NUM_OVERFLOW);
}

struct sfx {
	const char *s;
	uintmax_t v;
};

static void test_suffixes(void **state)
{
	(void)state;
	static const struct sfx ok[] = {
		{ "1b", 512 }, { "1B", 1024 }, { "3c", 3 }, { "3w", 6 },
		{ "1k", 1024 }, { "1K", 1024 }, { "1m", 1048576 }, { "1M", 1048576 },
		{ "1g", 1073741824 }, { "1G", 1073741824 }, { "1t", 1099511627776 }, { "1T", 1099511627776 },
		{ "1P", 1125899906842624 }, { "1E", 1152921504606846976 },
		{ "2KB", 2000 }, { "2kB", 2000 }, { "2KD", 2000 }, { "2KiB", 2048 }, { "2kiB", 2048 },
		{ "1MB", 1000000 }, { "1MiB", 1048576 }, { "1GB", 1000000000 }, { "1TB", 1000000000000 },
		{ "1PB", 1000000000000000 }, { "1EB", 1000000000000000000 },
		{ "k", 1024 }, { "KiB", 1024 }, { "MB", 1000000 }, { "b", 512 },
		{ "0k", 0 }, { "  5K", 5120 }, { "+5K", 5120 },
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		int st = ust(ok[i].s, ALL);
		if (st != NUM_OK || uval != ok[i].v)
			fail_msg("%s: status %d value %ju", ok[i].s, st, uval);
	}
	/* Only the letter that is in SUFFIXES counts; "B"/"iB" need '0'. */
	assert_int_equal(ust("1k", "b"), NUM_INVALID_SUFFIX);
	assert_int_equal(uval, 1);
	assert_int_equal(ust("1KB", "K"), NUM_INVALID_SUFFIX);
	assert_int_equal(uval, 1024);
	assert_int_equal(ust("1KiB", "K"), NUM_INVALID_SUFFIX);
	assert_int_equal(ust("1K", "K"), NUM_OK);
	/* The second letter follows only the power letters. */
	assert_int_equal(ust("1bB", ALL), NUM_INVALID_SUFFIX);
	assert_int_equal(uval, 512);
	assert_int_equal(ust("1cB", ALL), NUM_INVALID_SUFFIX);
	assert_int_equal(ust("1BB", ALL), NUM_INVALID_SUFFIX);
	assert_int_equal(ust("1Ki", ALL), NUM_INVALID_SUFFIX);
	assert_int_equal(ust("1KiBx", ALL), NUM_INVALID_SUFFIX);
	assert_int_equal(ust("1kk", ALL), NUM_INVALID_SUFFIX);
	/* Lower-case p, e, z, y, r, q are not suffixes. */
	assert_int_equal(ust("1p", "pezyrq"), NUM_INVALID_SUFFIX);
	assert_int_equal(ust("1e", "pezyrq"), NUM_INVALID_SUFFIX);
	/* A suffix alone is 1 of it, but only at the very start. */
	assert_int_equal(ust(" k", ALL), NUM_INVALID);
	assert_int_equal(ust("+k", ALL), NUM_INVALID);
	assert_int_equal(ust("x", ALL), NUM_INVALID);
	assert_int_equal(ust("kx", ALL), NUM_INVALID_SUFFIX);
	assert_int_equal(uval, 1024);
}

static void test_signed(void **state)
{
	(void)state;
	assert_int_equal(ist("-5", NULL), NUM_OK);
	assert_int_equal(ival, -5);
	assert_int_equal(ist(" -5k", ALL), NUM_OK);
	assert_int_equal(ival, -5120);
	assert_int_equal(ist("+5", NULL), NUM_OK);
	assert_int_equal(ival, 5);
	assert_int_equal(ist("k", ALL), NUM_OK);
	assert_int_equal(ival, 1024);
	assert_int_equal(ist("-9223372036854775808", NULL), NUM_OK);
	assert_true(ival == INTMAX_MIN);
	assert_int_equal(ist("9223372036854775807", NULL), NUM_OK);
	assert_true(ival == INTMAX_MAX);
	assert_int_equal(ist("9223372036854775808", NULL), NUM_OVERFLOW);
	assert_true(ival == INTMAX_MAX);
	assert_int_equal(ist("-9223372036854775809", NULL), NUM_OVERFLOW);
	assert_true(ival == INTMAX_MIN);
	assert_int_equal(ist("-8E", ALL), NUM_OK);
	assert_true(ival == INTMAX_MIN);
	assert_int_equal(ist("-9E", ALL), NUM_OVERFLOW);
	assert_true(ival == INTMAX_MIN);
	assert_int_equal(ist("8E", ALL), NUM_OVERFLOW);
	assert_true(ival == INTMAX_MAX);
	assert_int_equal(ist("-", NULL), NUM_INVALID);
	assert_int_equal(ist("-k", ALL), NUM_INVALID);
	assert_int_equal(ist("--5", NULL), NUM_INVALID);
	assert_int_equal(ist("-+5", NULL), NUM_INVALID);
	assert_int_equal(ist("- 5", NULL), NUM_INVALID);
	assert_int_equal(ist("-5x", NULL), NUM_INVALID_SUFFIX);
	assert_int_equal(ival, -5);
}

/* Only the paths that return: the failures print and exit. */
static void test_xparse_in_range(void **state)
{
	(void)state;
	assert_true(num_xparse_umax("10", NULL, 1, 10, "n") == 10);
	assert_true(num_xparse_umax("2k", ALL, 0, UINTMAX_MAX, "n") == 2048);
	assert_true(num_xparse_imax("-3", NULL, -3, 3, "n") == -3);

	errno = 123;
	assert_true(num_xparse_umax_flags("99999999999999999999999", ALL, 0, UINTMAX_MAX, "n", NUM_X_MAX_QUIET)
		    == UINTMAX_MAX);
	assert_int_equal(errno, EOVERFLOW);
	assert_true(num_xparse_umax_flags("50", NULL, 0, 10, "n", NUM_X_MAX_QUIET) == 10);
	assert_int_equal(errno, EOVERFLOW);
	assert_true(num_xparse_umax_flags("50", NULL, 0, 10, "n", NUM_X_MAX_QUIET | NUM_X_MAX_RANGE) == 10);
	assert_int_equal(errno, ERANGE);
	/* Unsigned: NUM_X_MAX_QUIET also quiets a value below MIN. */
	assert_true(num_xparse_umax_flags("0", NULL, 1, 10, "n", NUM_X_MAX_QUIET) == 1);
	assert_int_equal(errno, EOVERFLOW);
	assert_true(num_xparse_umax_flags("5", NULL, 1, 10, "n", NUM_X_MAX_QUIET) == 5);
	assert_int_equal(errno, 0);

	assert_true(num_xparse_imax_flags("-50", NULL, -10, 10, "n", NUM_X_MIN_QUIET) == -10);
	assert_int_equal(errno, EOVERFLOW);
	assert_true(num_xparse_imax_flags("-50", NULL, -10, 10, "n", NUM_X_MIN_QUIET | NUM_X_MIN_RANGE) == -10);
	assert_int_equal(errno, ERANGE);
	assert_true(num_xparse_imax_flags("50", NULL, -10, 10, "n", NUM_X_MAX_QUIET) == 10);
	assert_true(num_xparse_imax_flags("-99999999999999999999", NULL, INTMAX_MIN, 0, "n", NUM_X_MIN_QUIET)
		    == INTMAX_MIN);
	assert_int_equal(errno, EOVERFLOW);
}

struct hcase {
	uintmax_t n;
	const char *h, *si, *k_unit, *k, *mb_unit;
};

struct dcase {
	uintmax_t n;
	const char *si, *iec;
};

/* ls -l -h, --si, --block-size=K, --block-size=1K, --block-size=MB */
static const struct hcase ls_cases[] = {
	{ 0ULL, "0", "0", "0K", "0", "0MB" },
	{ 1ULL, "1", "1", "1K", "1", "1MB" },
	{ 999ULL, "999", "999", "1K", "1", "1MB" },
	{ 1000ULL, "1000", "1.0k", "1K", "1", "1MB" },
	{ 1023ULL, "1023", "1.1k", "1K", "1", "1MB" },
	{ 1024ULL, "1.0K", "1.1k", "1K", "1", "1MB" },
	{ 1025ULL, "1.1K", "1.1k", "2K", "2", "1MB" },
	{ 1152ULL, "1.2K", "1.2k", "2K", "2", "1MB" },
	{ 1153ULL, "1.2K", "1.2k", "2K", "2", "1MB" },
	{ 1280ULL, "1.3K", "1.3k", "2K", "2", "1MB" },
	{ 1536ULL, "1.5K", "1.6k", "2K", "2", "1MB" },
	{ 2047ULL, "2.0K", "2.1k", "2K", "2", "1MB" },
	{ 9999ULL, "9.8K", "10k", "10K", "10", "1MB" },
	{ 10239ULL, "10K", "11k", "10K", "10", "1MB" },
	{ 10240ULL, "10K", "11k", "10K", "10", "1MB" },
	{ 10241ULL, "11K", "11k", "11K", "11", "1MB" },
	{ 99999ULL, "98K", "100k", "98K", "98", "1MB" },
	{ 102399ULL, "100K", "103k", "100K", "100", "1MB" },
	{ 999499ULL, "977K", "1.0M", "977K", "977", "1MB" },
	{ 999500ULL, "977K", "1.0M", "977K", "977", "1MB" },
	{ 999999ULL, "977K", "1.0M", "977K", "977", "1MB" },
	{ 1000000ULL, "977K", "1.0M", "977K", "977", "1MB" },
	{ 1048575ULL, "1.0M", "1.1M", "1024K", "1024", "2MB" },
	{ 1048576ULL, "1.0M", "1.1M", "1024K", "1024", "2MB" },
	{ 1048577ULL, "1.1M", "1.1M", "1025K", "1025", "2MB" },
	{ 1073741824ULL, "1.0G", "1.1G", "1048576K", "1048576", "1074MB" },
	{ 123456789012ULL, "115G", "124G", "120563271K", "120563271", "123457MB" },
	{ 1099511627775ULL, "1.0T", "1.1T", "1073741824K", "1073741824", "1099512MB" },
	{ 1099511627777ULL, "1.1T", "1.1T", "1073741825K", "1073741825", "1099512MB" },
};
/* dd's "(X, Y) copied": round to nearest, SI with B, and 1024 with iB */
static const struct dcase dd_cases[] = {
	{ 1000ULL, "1.0 kB", "" },
	{ 1023ULL, "1.0 kB", "" },
	{ 1024ULL, "1.0 kB", "1.0 KiB" },
	{ 1152ULL, "1.2 kB", "1.1 KiB" },
	{ 1153ULL, "1.2 kB", "1.1 KiB" },
	{ 1280ULL, "1.3 kB", "1.2 KiB" },
	{ 1331ULL, "1.3 kB", "1.3 KiB" },
	{ 1434ULL, "1.4 kB", "1.4 KiB" },
	{ 10239ULL, "10 kB", "10 KiB" },
	{ 10240ULL, "10 kB", "10 KiB" },
	{ 10752ULL, "11 kB", "10 KiB" },
	{ 99999ULL, "100 kB", "98 KiB" },
	{ 999999ULL, "1.0 MB", "977 KiB" },
	{ 1048576ULL, "1.0 MB", "1.0 MiB" },
	{ 1572864ULL, "1.6 MB", "1.5 MiB" },
	{ 1048064ULL, "1.0 MB", "1.0 MiB" },
	{ 1047552ULL, "1.0 MB", "1023 KiB" },
};

static void test_human_ls(void **state)
{
	(void)state;
	char buf[HUMAN_BUFSIZE];
	for (size_t i = 0; i < sizeof ls_cases / sizeof ls_cases[0]; i++) {
		const struct hcase *c = &ls_cases[i];
		assert_string_equal(num_human(c->n, buf, HUMAN_AUTOSCALE, 1, 1), c->h);
		assert_string_equal(num_human(c->n, buf, HUMAN_AUTOSCALE | HUMAN_SI, 1, 1), c->si);
		assert_string_equal(num_human(c->n, buf, HUMAN_UNIT, 1, 1024), c->k_unit);
		assert_string_equal(num_human(c->n, buf, 0, 1, 1024), c->k);
		assert_string_equal(num_human(c->n, buf, HUMAN_UNIT | HUMAN_SI | HUMAN_B, 1, 1000000), c->mb_unit);
		/* The same sizes counted in 512-byte or 1024-byte blocks. */
		if (c->n % 1024 == 0) {
			assert_string_equal(num_human(c->n / 512, buf, HUMAN_AUTOSCALE, 512, 1), c->h);
			assert_string_equal(num_human(c->n / 1024, buf, HUMAN_AUTOSCALE | HUMAN_SI, 1024, 1), c->si);
		}
	}
}

static void test_human_dd(void **state)
{
	(void)state;
	char buf[HUMAN_BUFSIZE];
	int common = HUMAN_AUTOSCALE | HUMAN_ROUND | HUMAN_SPACE | HUMAN_B;
	for (size_t i = 0; i < sizeof dd_cases / sizeof dd_cases[0]; i++) {
		const struct dcase *c = &dd_cases[i];
		assert_string_equal(num_human(c->n, buf, common | HUMAN_SI, 1, 1), c->si);
		if (*c->iec)
			assert_string_equal(num_human(c->n, buf, common | HUMAN_I, 1, 1), c->iec);
	}
}

static void test_human_other(void **state)
{
	(void)state;
	char buf[HUMAN_BUFSIZE];
	/* df's header ("1K-blocks", "1kB-blocks", "1.6kB-blocks" for
	   --block-size=1536, "2MB-blocks" for 2000000). */
	int hdr = HUMAN_AUTOSCALE | HUMAN_NO_POINT_ZERO;
	assert_string_equal(num_human(1024, buf, hdr, 1, 1), "1K");
	assert_string_equal(num_human(1048576, buf, hdr, 1, 1), "1M");
	assert_string_equal(num_human(1000, buf, hdr | HUMAN_SI | HUMAN_B, 1, 1), "1kB");
	assert_string_equal(num_human(1536, buf, hdr | HUMAN_SI | HUMAN_B, 1, 1), "1.6kB");
	assert_string_equal(num_human(1023, buf, hdr | HUMAN_SI | HUMAN_B, 1, 1), "1.1kB");
	assert_string_equal(num_human(2000000, buf, hdr | HUMAN_SI | HUMAN_B, 1, 1), "2MB");
	/* Floor (shred's progress): never up. */
	assert_string_equal(num_human(2047, buf, HUMAN_AUTOSCALE | HUMAN_FLOOR, 1, 1), "1.9K");
	assert_string_equal(num_human(10239, buf, HUMAN_AUTOSCALE | HUMAN_FLOOR, 1, 1), "9.9K");
	assert_string_equal(num_human(1048575, buf, HUMAN_AUTOSCALE | HUMAN_FLOOR, 1, 1), "1023K");
	assert_string_equal(num_human(1535, buf, HUMAN_FLOOR, 1, 1024), "1");
	/* Ties to even in whole units. */
	assert_string_equal(num_human(1536, buf, HUMAN_ROUND, 1, 1024), "2");
	assert_string_equal(num_human(2560, buf, HUMAN_ROUND, 1, 1024), "2");
	assert_string_equal(num_human(2561, buf, HUMAN_ROUND, 1, 1024), "3");
	/* Counts of bigger units: exact. */
	assert_string_equal(num_human(3, buf, 0, 1024, 1), "3072");
	assert_string_equal(num_human(UINTMAX_MAX, buf, 0, 1, 1), "18446744073709551615");
	assert_string_equal(num_human(UINTMAX_MAX, buf, HUMAN_AUTOSCALE, 1, 1), "16E");
	assert_string_equal(num_human(UINTMAX_MAX, buf, HUMAN_AUTOSCALE | HUMAN_SI, 1, 1), "19E");
	/* Beyond 64 bits: 2^64 KiB is 16 ZiB. */
	assert_string_equal(num_human(UINTMAX_MAX, buf, HUMAN_AUTOSCALE, 1024, 1), "16Z");
	/* Units with a space, B and i; nothing before a plain count. */
	assert_string_equal(num_human(1536, buf, HUMAN_AUTOSCALE | HUMAN_SPACE | HUMAN_I | HUMAN_B, 1, 1), "1.5 KiB");
	assert_string_equal(num_human(5, buf, HUMAN_AUTOSCALE | HUMAN_SPACE | HUMAN_B, 1, 1), "5 B");
	assert_string_equal(num_human(5, buf, HUMAN_AUTOSCALE | HUMAN_SPACE, 1, 1), "5");
	/* Grouping in the C locale adds nothing. */
	assert_string_equal(num_human(1234567, buf, HUMAN_GROUP, 1, 1), "1234567");
	/* Sizes that are not multiples of each other round up too. */
	assert_string_equal(num_human(10, buf, 0, 1, 3), "4");
	assert_string_equal(num_human(9, buf, 0, 1, 3), "3");
	assert_string_equal(num_human(10, buf, 0, 512, 1000), "6");
}

int main(void)
{
	sys_setenv("LC_ALL", "C");
	sys_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_numbers),
		cmocka_unit_test(test_overflow),
		cmocka_unit_test(test_suffixes),
		cmocka_unit_test(test_signed),
		cmocka_unit_test(test_xparse_in_range),
		cmocka_unit_test(test_human_ls),
		cmocka_unit_test(test_human_dd),
		cmocka_unit_test(test_human_other),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
