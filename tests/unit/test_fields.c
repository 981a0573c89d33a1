/* Unit tests for libcommon/fields.c, blank.c and collate.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "blank.h"
#include "collate.h"
#include "fields.h"

#define MAX UINTMAX_MAX

/* Parse SPEC and check that it gives the N ranges in WANT (pairs). */
static void check_ranges(const char *spec, unsigned flags, const uintmax_t *want, size_t n)
{
	struct field_range *r;
	size_t count = 12345;
	char *msg = fields_parse(spec, flags, &r, &count);
	if (msg)
		fail_msg("'%s': unexpected error: %s", spec, msg);
	assert_int_equal(count, n);
	for (size_t i = 0; i < n; i++) {
		assert_true(r[i].lo == want[2 * i]);
		assert_true(r[i].hi == want[2 * i + 1]);
	}
	assert_true(r[n].lo == MAX && r[n].hi == MAX);
	free(r);
}

#define RANGES(spec, flags, ...)                                                     \
	do {                                                                         \
		static const uintmax_t want[] = { __VA_ARGS__ };                     \
		check_ranges(spec, flags, want, sizeof want / sizeof want[0] / 2);   \
	} while (0)

static void check_error(const char *spec, unsigned flags, const char *want)
{
	struct field_range *r = (struct field_range *)&r;
	char *msg = fields_parse(spec, flags, &r, NULL);
	assert_non_null(msg);
	assert_string_equal(msg, want);
	assert_null(r);
	free(msg);
}

static void test_simple_lists(void **state)
{
	(void)state;
	RANGES("1", 0, 1, 1);
	RANGES("1,3-5,7-", 0, 1, 1, 3, 5, 7, MAX);
	RANGES("-3", 0, 1, 3);
	RANGES("2-", 0, 2, MAX);
	RANGES("1 3\t5", 0, 1, 1, 3, 3, 5, 5);
	RANGES("5,1", 0, 1, 1, 5, 5);
	RANGES("18446744073709551614", 0, MAX - 1, MAX - 1);
}

static void test_merging(void **state)
{
	(void)state;
	RANGES("2-5,3-4", 0, 2, 5);
	RANGES("1-3,2-", 0, 1, MAX);
	RANGES("3-,2-", 0, 2, MAX);
	RANGES("1-2,3-4", 0, 1, 2, 3, 4);
	RANGES("4-4,1,1,4", 0, 1, 1, 4, 4);
}

static void test_complement(void **state)
{
	(void)state;
	RANGES("1-3", FIELDS_COMPLEMENT, 4, MAX);
	RANGES("2,4-5", FIELDS_COMPLEMENT, 1, 1, 3, 3, 6, MAX);
	RANGES("3,4-4,5,2-", FIELDS_COMPLEMENT, 1, 1);
	struct field_range *r;
	size_t n = 1;
	assert_null(fields_parse("1-", FIELDS_COMPLEMENT, &r, &n));
	assert_int_equal(n, 0);
	assert_true(r[0].lo == MAX && r[0].hi == MAX);
	free(r);
}

static void test_lone_dash(void **state)
{
	(void)state;
	RANGES("-", FIELDS_ALLOW_DASH, 1, MAX);
	RANGES("1,-", FIELDS_ALLOW_DASH, 1, MAX);
	check_error("-", 0, "invalid range with no endpoint: -");
	check_error("4,-", 0, "invalid range with no endpoint: -");
}

static void test_errors(void **state)
{
	(void)state;
	check_error("", 0, "fields are numbered from 1");
	check_error("", FIELDS_POSITIONS, "byte/character positions are numbered from 1");
	check_error("0", 0, "fields are numbered from 1");
	check_error("0-2", 0, "fields are numbered from 1");
	check_error("--", 0, "invalid field range");
	check_error("--", FIELDS_POSITIONS, "invalid byte or character range");
	check_error("1-2-3", 0, "invalid field range");
	check_error("2-0", 0, "invalid decreasing range");
	check_error("5-3", FIELDS_POSITIONS, "invalid decreasing range");
	check_error("1,x", 0, "invalid field value 'x'");
	check_error("1:2", FIELDS_POSITIONS, "invalid byte/character position ':2'");
	check_error("18446744073709551615", 0, "field number '18446744073709551615' is too large");
	check_error("1,184467440737095516160,3", FIELDS_POSITIONS,
		    "byte/character offset '184467440737095516160' is too large");
	check_error(",", 0, "fields are numbered from 1");
}

static void test_has(void **state)
{
	(void)state;
	struct field_range *r;
	assert_null(fields_parse("2,4-6,9-", 0, &r, NULL));
	assert_false(fields_has(r, 1));
	assert_true(fields_has(r, 2));
	assert_false(fields_has(r, 3));
	assert_true(fields_has(r, 5));
	assert_false(fields_has(r, 7));
	assert_true(fields_has(r, 1000000));
	free(r);
}

static void test_blanks(void **state)
{
	(void)state;
	static const char s[] = "  a\tb \n";
	const char *end = s + sizeof s - 1;
	assert_int_equal(blank_len(s, end), 1);
	assert_int_equal(blank_len(s + 2, end), 0);
	assert_ptr_equal(blank_skip(s, end), s + 2);
	assert_ptr_equal(blank_skip_non(s + 2, end), s + 3);
	assert_ptr_equal(blank_skip(s + 5, end), end);
	assert_true(blank_is_blank(0x3000));
	assert_true(blank_is_blank(0x2002));
	assert_false(blank_is_blank(0x2007));
	assert_false(blank_is_blank(0xA0));
	assert_true(blank_is_nbsp(0xA0));
	assert_true(blank_is_nbsp(0x202F));
	assert_false(blank_is_nbsp(' '));
}

static void test_compare(void **state)
{
	(void)state;
	assert_true(text_memcmp("ab", 2, "abc", 3) < 0);
	assert_true(text_memcmp("abd", 3, "abc", 3) > 0);
	assert_int_equal(text_memcmp("", 0, "", 0), 0);
	assert_int_equal(text_casecmp("HeLLo", "hello", 5), 0);
	assert_true(text_casecmp("a", "b", 1) < 0);
	/* In the C locale collation is byte order, NUL bytes included. */
	assert_false(text_collate_hard());
	assert_true(text_collate("a\0b", 3, "a\0c", 3) < 0);
	assert_true(text_collate("a", 1, "a\0", 2) < 0);
	assert_int_equal(text_collate("x\0y", 3, "x\0y", 3), 0);
	assert_true(text_collate("b", 1, "a", 1) > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simple_lists),
		cmocka_unit_test(test_merging),
		cmocka_unit_test(test_complement),
		cmocka_unit_test(test_lone_dash),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_has),
		cmocka_unit_test(test_blanks),
		cmocka_unit_test(test_compare),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
