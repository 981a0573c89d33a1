/* Unit tests for libcommon/escape.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "escape.h"

/* Decode all of IN in MODE; check the status, the output and (for a
   stop or an error) nothing else. */
static void check_decoded(const char *in, int mode, enum esc_status status, const char *out, size_t outlen)
{
	char dst[256];
	size_t n = 12345;
	struct esc e;
	assert_true(strlen(in) < sizeof dst);
	assert_int_equal(esc_string(in, mode, dst, &n, &e), status);
	assert_int_equal(n, outlen);
	assert_memory_equal(dst, out, outlen);
}

#define EXPECT(in, mode, out) check_decoded(in, mode, ESC_OK, out, sizeof out - 1)

static void test_simple_letters(void **state)
{
	(void)state;
	static const int modes[] = { ESC_ECHO, ESC_FORMAT, ESC_ARG };
	for (size_t i = 0; i < 3; i++) {
		EXPECT("\\a\\b\\e\\f\\n\\r\\t\\v\\\\", modes[i], "\a\b\x1b\f\n\r\t\v\\");
		EXPECT("plain text", modes[i], "plain text");
		EXPECT("", modes[i], "");
		EXPECT("end\\", modes[i], "end\\");
		EXPECT("\\z\\%", modes[i], "\\z\\%");
	}
}

static void test_double_quote(void **state)
{
	(void)state;
	EXPECT("\\\"", ESC_FORMAT, "\"");
	EXPECT("\\\"", ESC_ARG, "\"");
	EXPECT("\\\"", ESC_ECHO, "\\\"");
}

static void test_stop(void **state)
{
	(void)state;
	check_decoded("ab\\ncd\\cef", ESC_ECHO, ESC_STOP, "ab\ncd", 5);
	check_decoded("\\c", ESC_FORMAT, ESC_STOP, "", 0);
	check_decoded("x\\c\\q", ESC_ARG, ESC_STOP, "x", 1);
}

static void test_octal_format(void **state)
{
	(void)state;
	/* Up to three digits, a leading zero counting as one of them. */
	EXPECT("\\101\\0101\\41", ESC_FORMAT, "A\b1!");
	EXPECT("\\0002y", ESC_FORMAT, "\0" "2y");
	EXPECT("\\2y\\02y\\002y", ESC_FORMAT, "\2y\2y\2y");
	EXPECT("\\1018", ESC_FORMAT, "A8");
	EXPECT("\\777", ESC_FORMAT, "\377");
	EXPECT("\\8", ESC_FORMAT, "\\8");
}

static void test_octal_echo_and_arg(void **state)
{
	(void)state;
	static const int modes[] = { ESC_ECHO, ESC_ARG };
	for (size_t i = 0; i < 2; i++) {
		/* \0 plus up to three digits; \1-\7 up to three in all. */
		EXPECT("\\0101\\101", modes[i], "AA");
		EXPECT("\\0", modes[i], "\0");
		EXPECT("\\0001y", modes[i], "\1y");
		EXPECT("\\01011", modes[i], "A1");
		EXPECT("\\033", modes[i], "\x1b");
		EXPECT("\\0033", modes[i], "\x1b");
		EXPECT("\\1y\\01y\\001y", modes[i], "\1y\1y\1y");
		EXPECT("\\0777", modes[i], "\377");
		EXPECT("\\08", modes[i], "\0" "8");
	}
}

static void test_hex(void **state)
{
	(void)state;
	static const int modes[] = { ESC_ECHO, ESC_FORMAT, ESC_ARG };
	for (size_t i = 0; i < 3; i++) {
		EXPECT("\\x41\\x4a\\x4B\\x7e3\\xA", modes[i], "AJK~3\n");
		EXPECT("\\xfff", modes[i], "\377f");
		EXPECT("\\x1b", modes[i], "\x1b");
	}
	/* No digit: echo keeps the text, printf reports it. */
	EXPECT("\\x\\xg", ESC_ECHO, "\\x\\xg");
	check_decoded("a\\xg", ESC_FORMAT, ESC_NO_HEX, "a", 1);
	check_decoded("\\x", ESC_ARG, ESC_NO_HEX, "", 0);
}

static void test_unicode(void **state)
{
	(void)state;
	int utf8 = ESC_FORMAT | ESC_UTF8;
	EXPECT("\\u0032\\U00000032", ESC_FORMAT, "22");
	EXPECT("\\u00e9", utf8, "\xc3\xa9");
	EXPECT("\\u20AC", utf8, "\xe2\x82\xac");
	EXPECT("\\U0001F600", utf8, "\xf0\x9f\x98\x80");
	EXPECT("\\U0010FFFF", utf8, "\xf4\x8f\xbf\xbf");
	EXPECT("\\u0007\\u007f", utf8, "\a\x7f");
	EXPECT("\\u0000", utf8, "\0");
	EXPECT("\\u00411", utf8, "A1");
	/* Not representable: written as an escape in upper case. */
	EXPECT("\\u00e9", ESC_FORMAT, "\\u00E9");
	EXPECT("\\U0001f600", ESC_ARG, "\\U0001F600");
	EXPECT("\\U00110000", utf8, "\\U00110000");
	EXPECT("\\Uffffffff", utf8, "\\UFFFFFFFF");
	EXPECT("\\u0007", ESC_FORMAT, "\a");
	/* echo does not know \u. */
	EXPECT("\\u0041", ESC_ECHO | ESC_UTF8, "\\u0041");
}

static void test_unicode_errors(void **state)
{
	(void)state;
	struct esc e;
	assert_int_equal(esc_decode("\\ud800", ESC_FORMAT | ESC_UTF8, &e), 6);
	assert_int_equal(e.status, ESC_BAD_UCN);
	assert_int_equal(e.letter, 'u');
	assert_int_equal(e.code, 0xd800);
	assert_int_equal(esc_decode("\\U0000DFFFx", ESC_ARG, &e), 10);
	assert_int_equal(e.status, ESC_BAD_UCN);
	assert_int_equal(e.letter, 'U');
	assert_int_equal(e.code, 0xdfff);
	assert_int_equal(esc_decode("\\u", ESC_FORMAT, &e), 2);
	assert_int_equal(e.status, ESC_NO_HEX);
	assert_int_equal(esc_decode("\\u00", ESC_FORMAT, &e), 4);
	assert_int_equal(e.status, ESC_NO_HEX);
	assert_int_equal(esc_decode("\\U0000", ESC_FORMAT, &e), 6);
	assert_int_equal(e.status, ESC_NO_HEX);
	assert_int_equal(esc_decode("\\u12g4", ESC_FORMAT, &e), 4);
	assert_int_equal(e.status, ESC_NO_HEX);
	check_decoded("ok\\ud7ff\\ue000", ESC_FORMAT | ESC_UTF8, ESC_OK, "ok\xed\x9f\xbf\xee\x80\x80", 8);
}

static void test_decode_spans(void **state)
{
	(void)state;
	struct esc e;
	assert_int_equal(esc_decode("\\n", ESC_ECHO, &e), 2);
	assert_int_equal(esc_decode("\\", ESC_ECHO, &e), 1);
	assert_int_equal(e.len, 1);
	assert_int_equal(esc_decode("\\1234", ESC_FORMAT, &e), 4);
	assert_int_equal(esc_decode("\\01234", ESC_ECHO, &e), 5);
	assert_int_equal(esc_decode("\\x414", ESC_FORMAT, &e), 4);
	assert_int_equal(esc_decode("\\x4", ESC_FORMAT, &e), 3);
	assert_int_equal(esc_decode("\\u00414", ESC_FORMAT, &e), 6);
	assert_int_equal(esc_decode("\\q", ESC_FORMAT, &e), 2);
	assert_int_equal(e.len, 2);
}

static void test_tr(void **state)
{
	(void)state;
	EXPECT("\\a\\b\\f\\n\\r\\t\\v\\\\", ESC_TR, "\a\b\f\n\r\t\v\\");
	/* Anything else escaped stands for itself. */
	EXPECT("\\e\\c\\x41\\u0041\\-\\q", ESC_TR, "ecx41u0041-q");
	/* A third octal digit only while the value fits in a byte. */
	EXPECT("\\101\\0101\\12\\400\\3770", ESC_TR, "A\b1\n 0\3770");
	EXPECT("end\\", ESC_TR, "end\\");
	struct esc e;
	assert_int_equal(esc_decode("\\777", ESC_TR, &e), 3);
	assert_int_equal(e.buf[0], 077);
	assert_int_equal(esc_decode("\\0", ESC_TR, &e), 2);
	assert_int_equal(e.buf[0], 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simple_letters),
		cmocka_unit_test(test_double_quote),
		cmocka_unit_test(test_stop),
		cmocka_unit_test(test_octal_format),
		cmocka_unit_test(test_octal_echo_and_arg),
		cmocka_unit_test(test_hex),
		cmocka_unit_test(test_unicode),
		cmocka_unit_test(test_unicode_errors),
		cmocka_unit_test(test_decode_spans),
		cmocka_unit_test(test_tr),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
