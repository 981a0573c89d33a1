/* Unit tests for libcommon/utf8.c: decoding and encoding edge cases, and
   the character classes and widths, which follow GNU/Linux's C.UTF-8
   locale (iswprint, wcwidth) for Unicode 14. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "utf8.h"

static size_t dec(const char *s, size_t len, uint32_t *cp)
{
	*cp = 0xdeadbeef;
	return utf8_decode(s, len, cp);
}

static void test_decode_valid(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		size_t len;
		uint32_t cp;
	} ok[] = {
		{ "A", 1, 'A' }, { "\0", 1, 0 }, { "\x7f", 1, 0x7f },
		{ "\xc2\x80", 2, 0x80 }, { "\xc3\xa9", 2, 0xe9 }, { "\xdf\xbf", 2, 0x7ff },
		{ "\xe0\xa0\x80", 3, 0x800 }, { "\xe4\xb8\xad", 3, 0x4e2d }, { "\xed\x9f\xbf", 3, 0xd7ff },
		{ "\xee\x80\x80", 3, 0xe000 }, { "\xef\xbf\xbd", 3, 0xfffd }, { "\xef\xbf\xbf", 3, 0xffff },
		{ "\xf0\x90\x80\x80", 4, 0x10000 }, { "\xf0\x9f\x98\x80", 4, 0x1f600 },
		{ "\xf4\x8f\xbf\xbf", 4, 0x10ffff },
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		uint32_t cp;
		assert_int_equal(dec(ok[i].s, ok[i].len, &cp), ok[i].len);
		assert_int_equal(cp, ok[i].cp);
		/* Bytes after the character do not matter. */
		char buf[8] = { 0 };
		memcpy(buf, ok[i].s, ok[i].len);
		buf[ok[i].len] = 'x';
		assert_int_equal(dec(buf, ok[i].len + 1, &cp), ok[i].len);
		assert_int_equal(cp, ok[i].cp);
	}
}

static void test_decode_invalid(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		size_t len;
	} bad[] = {
		/* overlong forms */
		{ "\xc0\x80", 2 }, { "\xc1\xbf", 2 }, { "\xe0\x80\x80", 3 }, { "\xe0\x9f\xbf", 3 },
		{ "\xf0\x80\x80\x80", 4 }, { "\xf0\x8f\xbf\xbf", 4 },
		/* surrogates */
		{ "\xed\xa0\x80", 3 }, { "\xed\xbf\xbf", 3 },
		/* beyond U+10FFFF, and bytes that never start a character */
		{ "\xf4\x90\x80\x80", 4 }, { "\xf5\x80\x80\x80", 4 }, { "\xf8\x88\x80\x80\x80", 5 },
		{ "\xfe", 1 }, { "\xff", 1 },
		/* lone continuation bytes */
		{ "\x80", 1 }, { "\xbf", 1 },
		/* a continuation byte missing */
		{ "\xc3\x41", 2 }, { "\xe2\x28\xa1", 3 }, { "\xe2\x82\x28", 3 }, { "\xf0\x9f\x98\x41", 4 },
		/* truncated by the end of the input */
		{ "\xc3", 1 }, { "\xe2\x82", 2 }, { "\xf0\x9f\x98", 3 },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		uint32_t cp;
		if (dec(bad[i].s, bad[i].len, &cp) != 0)
			fail_msg("case %zu decoded", i);
	}
	uint32_t cp;
	assert_int_equal(dec("A", 0, &cp), 0);
	/* A complete character cut by LEN is incomplete. */
	assert_int_equal(dec("\xe4\xb8\xad", 2, &cp), 0);
}

static void test_encode(void **state)
{
	(void)state;
	char buf[4];
	assert_int_equal(utf8_encode('A', buf), 1);
	assert_memory_equal(buf, "A", 1);
	assert_int_equal(utf8_encode(0x7ff, buf), 2);
	assert_memory_equal(buf, "\xdf\xbf", 2);
	assert_int_equal(utf8_encode(0x800, buf), 3);
	assert_memory_equal(buf, "\xe0\xa0\x80", 3);
	assert_int_equal(utf8_encode(0xffff, buf), 3);
	assert_memory_equal(buf, "\xef\xbf\xbf", 3);
	assert_int_equal(utf8_encode(0x10000, buf), 4);
	assert_memory_equal(buf, "\xf0\x90\x80\x80", 4);
	assert_int_equal(utf8_encode(0x10ffff, buf), 4);
	assert_memory_equal(buf, "\xf4\x8f\xbf\xbf", 4);
	assert_int_equal(utf8_encode(0xd800, buf), 0);
	assert_int_equal(utf8_encode(0xdfff, buf), 0);
	assert_int_equal(utf8_encode(0x110000, buf), 0);
	assert_int_equal(utf8_encode(0xffffffff, buf), 0);
}

/* Every scalar value survives encoding and decoding. */
static void test_round_trip(void **state)
{
	(void)state;
	for (uint32_t c = 0; c <= 0x10ffff; c++) {
		char buf[4];
		uint32_t back;
		size_t n = utf8_encode(c, buf);
		if (c >= 0xd800 && c <= 0xdfff) {
			assert_int_equal(n, 0);
			continue;
		}
		if (n == 0 || utf8_decode(buf, n, &back) != n || back != c)
			fail_msg("U+%04X", (unsigned)c);
	}
}

static void test_isprint(void **state)
{
	(void)state;
	static const uint32_t yes[] = {
		' ', 'A', '~', 0xa0, 0xad, 0x300, 0x483, 0x600, 0x200b, 0x3000, 0x4e2d, 0xe000, 0xfeff,
		0xfff9, 0xfffd, 0x1f600, 0x20000, 0x30000, 0xe0001, 0xf0000, 0x10fffd,
	};
	static const uint32_t no[] = {
		0, 1, '\t', '\n', 0x1f, 0x7f, 0x80, 0x85, 0x9f, 0x378, 0x2028, 0x2029, 0xfdd0, 0xfffe, 0xffff,
		0x2fffd, 0x2fffe, 0x10ffff, 0x110000,
	};
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (!utf8_isprint(yes[i]))
			fail_msg("U+%04X should be printable", (unsigned)yes[i]);
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		if (utf8_isprint(no[i]))
			fail_msg("U+%04X should not be printable", (unsigned)no[i]);
}

static void test_width(void **state)
{
	(void)state;
	static const struct {
		uint32_t cp;
		int width;
	} w[] = {
		{ 0, 0 }, { 1, -1 }, { 0x7f, -1 }, { 0x9f, -1 }, { ' ', 1 }, { 'A', 1 }, { 0xe9, 1 },
		{ 0xa0, 1 }, { 0xad, 1 },
		/* combining marks and format characters */
		{ 0x300, 0 }, { 0x36f, 0 }, { 0x483, 0 }, { 0x200b, 0 }, { 0x200d, 0 }, { 0xfe0f, 0 },
		{ 0xfeff, 0 }, { 0xfff9, 0 }, { 0xe0001, 0 }, { 0xe0100, 0 },
		/* prepended concatenation marks take a column */
		{ 0x600, 1 },
		/* Hangul: leading consonants wide, the rest of the jamo zero */
		{ 0x1100, 2 }, { 0x1160, 0 }, { 0x11ff, 0 }, { 0xd7b0, 0 }, { 0xac00, 2 }, { 0xd7a3, 2 },
		/* East Asian wide and fullwidth */
		{ 0x3000, 2 }, { 0x3248, 2 }, { 0x4dc0, 2 }, { 0x4e2d, 2 }, { 0xff01, 2 }, { 0xff61, 1 },
		{ 0x20000, 2 }, { 0x30000, 2 },
		/* emoji */
		{ 0x1f600, 2 }, { 0x1f92f, 2 }, { 0x1f3fb, 2 }, { 0x1f1e6, 1 },
		/* private use, unassigned, non-characters */
		{ 0xe000, 1 }, { 0xf0000, 1 }, { 0x378, -1 }, { 0x2fffd, -1 }, { 0xfffe, -1 }, { 0x2028, -1 },
	};
	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
		if (utf8_width(w[i].cp) != w[i].width)
			fail_msg("U+%04X: width %d, want %d", (unsigned)w[i].cp, utf8_width(w[i].cp), w[i].width);
}

static void test_isspace(void **state)
{
	(void)state;
	static const uint32_t yes[] = { ' ', '\t', '\n', '\v', '\f', '\r', 0x1680, 0x2000, 0x2006, 0x2008,
					0x200a, 0x2028, 0x2029, 0x205f, 0x3000 };
	static const uint32_t no[] = { 'a', 0, 0xa0, 0x2007, 0x202f, 0x200b, 0xfeff };
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (!utf8_isspace(yes[i]))
			fail_msg("U+%04X should be a space", (unsigned)yes[i]);
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		if (utf8_isspace(no[i]))
			fail_msg("U+%04X should not be a space", (unsigned)no[i]);
}

static void test_isblank(void **state)
{
	(void)state;
	static const uint32_t yes[] = { ' ', '\t', 0x1680, 0x2000, 0x2006, 0x2008, 0x200a, 0x205f, 0x3000 };
	static const uint32_t no[] = { 'a', 0, '\n', '\v', '\f', '\r', 0x85, 0xa0, 0x2007, 0x2028, 0x2029, 0x202f, 0x2060 };
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (!utf8_isblank(yes[i]))
			fail_msg("U+%04X should be blank", (unsigned)yes[i]);
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		if (utf8_isblank(no[i]))
			fail_msg("U+%04X should not be blank", (unsigned)no[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_valid),
		cmocka_unit_test(test_isblank),
		cmocka_unit_test(test_decode_invalid),
		cmocka_unit_test(test_encode),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_isprint),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_isspace),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
