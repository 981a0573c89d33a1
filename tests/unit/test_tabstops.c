/* Unit tests for libcommon/tabstops.c (the errors are covered by the
   expand and unexpand program tests, since they end the process). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>

#include "tabstops.h"

/* The stops after each column of COLUMNS for SPEC, and where the list
   ran out. */
static void expect_stops(const char *spec, const intmax_t *columns, const intmax_t *stops, size_t n)
{
	struct tabstops t;
	tabs_init(&t);
	if (spec)
		tabs_parse(&t, spec);
	tabs_finish(&t);
	size_t index = 0;
	for (size_t i = 0; i < n; i++) {
		bool past_end;
		intmax_t got = tabs_next(&t, columns[i], &index, &past_end);
		if (got != stops[i])
			fail_msg("%s: after column %jd: %jd, want %jd", spec ? spec : "(none)", columns[i], got, stops[i]);
		assert_int_equal(past_end, !t.size && !t.extend && !t.increment && columns[i] >= t.list[t.n - 1]);
	}
	free(t.list);
}

#define EXPECT(spec, cols, stops) \
	expect_stops(spec, (const intmax_t[])cols, (const intmax_t[])stops, \
		     sizeof (const intmax_t[])cols / sizeof(intmax_t))
#define L(...) { __VA_ARGS__ }

static void test_default(void **state)
{
	(void)state;
	EXPECT(NULL, L(0, 1, 7, 8, 15, 16), L(8, 8, 8, 16, 16, 24));
	EXPECT("", L(0, 9), L(8, 16));
	EXPECT(" ,", L(0, 9), L(8, 16));
}

static void test_size(void **state)
{
	(void)state;
	EXPECT("3", L(0, 2, 3, 4), L(3, 3, 6, 6));
	EXPECT("1", L(0, 5), L(1, 6));
}

static void test_list(void **state)
{
	(void)state;
	EXPECT("3,6 9", L(0, 3, 5, 6, 8, 9, 20), L(3, 6, 6, 9, 9, 10, 21));
	EXPECT(", 2,4", L(0, 1, 2, 3, 4, 9), L(2, 2, 4, 4, 5, 10));
}

static void test_rules(void **state)
{
	(void)state;
	EXPECT("/5", L(0, 4, 5, 12), L(5, 5, 10, 15));
	EXPECT("2,/5", L(0, 2, 5, 7), L(2, 5, 10, 10));
	EXPECT("2,+5", L(0, 2, 6, 7), L(2, 7, 7, 12));
	EXPECT("1,2,+5", L(0, 1, 2, 7), L(1, 2, 7, 12));
	EXPECT("+/5", L(0, 5), L(5, 10));
	EXPECT("/+5", L(0, 5), L(5, 10));
}

static void test_widest_gap(void **state)
{
	(void)state;
	struct tabstops t;
	tabs_init(&t);
	tabs_parse(&t, "2,10,12,/7");
	tabs_finish(&t);
	assert_int_equal(t.max_gap, 8);
	assert_int_equal(t.size, 0);
	free(t.list);
	tabs_init(&t);
	tabs_add(&t, 4);
	tabs_finish(&t);
	assert_int_equal(t.size, 4);
	free(t.list);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default),
		cmocka_unit_test(test_size),
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_widest_gap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
