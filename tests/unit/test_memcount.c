/* Unit tests for libcommon/memcount.c, against plain byte-by-byte
   reference implementations on pseudo-random buffers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "memcount.h"

static uint32_t seed = 12345;

static uint32_t rnd(void)
{
	seed = seed * 1103515245u + 12345u;
	return seed >> 8;
}

/* Length of a valid sequence at P, 0 if invalid, -1 if cut short. */
static int ref_len(const unsigned char *p, size_t n)
{
	unsigned c = p[0];
	int len = c < 0x80 ? 1 : c < 0xc2 ? 0 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : c < 0xf5 ? 4 : 0;
	if (len <= 1)
		return len;
	uint32_t v = c & (0x7f >> len);
	for (int i = 1; i < len; i++) {
		if ((size_t)i >= n) {
			/* Cut short: is what is there a valid start? */
			if (i == 1)
				return -1;
			uint32_t lo = v << (6 * (len - i)), hi = lo | ((1u << (6 * (len - i))) - 1);
			static const uint32_t min[5] = { 0, 0, 0x80, 0x800, 0x10000 };
			if (hi < min[len] || lo > 0x10ffff || (lo >= 0xd800 && hi <= 0xdfff))
				return 0;
			return -1;
		}
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		v = (v << 6) | (p[i] & 0x3f);
		if (i == 1 && len > 2) {
			/* Second byte already decides overlong, surrogate and range. */
			uint32_t lo = v << (6 * (len - 2)), hi = lo | ((1u << (6 * (len - 2))) - 1);
			static const uint32_t min[5] = { 0, 0, 0x80, 0x800, 0x10000 };
			if (hi < min[len] || lo > 0x10ffff || (lo >= 0xd800 && hi <= 0xdfff))
				return 0;
		}
	}
	static const uint32_t min[5] = { 0, 0, 0x80, 0x800, 0x10000 };
	if (v < min[len] || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	return len;
}

static size_t ref_chars(const unsigned char *p, size_t n, size_t *tail)
{
	size_t chars = 0;
	*tail = 0;
	for (size_t i = 0; i < n; i++) {
		int len = ref_len(p + i, n - i);
		if (len < 0) {
			*tail = n - i;
			return chars;
		}
		if (len > 0) {
			chars++;
			i += (size_t)len - 1;
		}
	}
	return chars;
}

static const char *const pieces[] = {
	"a", "b c", "\n", "\t", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\xe6\x97\xa5",
	"\x80", "\xbf", "\xc0", "\xc1\x80", "\xe0\x80\x80", "\xe0\xa0\x80", "\xed\xa0\x80", "\xed\x9f\xbf",
	"\xf0\x80\x80\x80", "\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff", "\xe2",
	"\xe2\x82", "\xf0\x9f", "\xf0\x9f\x98", "ascii text that is long enough to fill a vector",
};

static size_t fill(unsigned char *buf, size_t cap, int valid_only)
{
	size_t n = 0;
	size_t np = sizeof pieces / sizeof pieces[0];
	for (;;) {
		const char *s = pieces[rnd() % np];
		if (valid_only) {
			size_t t;
			size_t len = strlen(s);
			if (ref_chars((const unsigned char *)s, len, &t) == 0 || t)
				continue;
			int ok = 1;
			for (size_t i = 0; i < len;) {
				int l = ref_len((const unsigned char *)s + i, len - i);
				if (l <= 0) {
					ok = 0;
					break;
				}
				i += (size_t)l;
			}
			if (!ok)
				continue;
		}
		size_t len = strlen(s);
		if (n + len > cap)
			return n;
		memcpy(buf + n, s, len);
		n += len;
	}
}

static void check_utf8(const unsigned char *buf, size_t n)
{
	size_t t1, t2;
	size_t want = ref_chars(buf, n, &t1);
	size_t got = mem_utf8_chars(buf, n, &t2);
	assert_int_equal(got, want);
	assert_int_equal(t2, t1);
}

static void test_utf8_chars_random(void **state)
{
	(void)state;
	static unsigned char buf[70000];
	for (int round = 0; round < 3000; round++) {
		size_t cap = round < 2000 ? rnd() % 300 : rnd() % sizeof buf;
		size_t n = fill(buf, cap, round % 3 == 0);
		check_utf8(buf, n);
		/* Every cut of a short buffer. */
		if (n < 100)
			for (size_t k = 0; k <= n; k++)
				check_utf8(buf, k);
	}
}

static void test_utf8_chars_cut_at_vector_edge(void **state)
{
	(void)state;
	unsigned char buf[200];
	static const char *const seqs[] = { "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\xe0\x80\x80", "\xc0" };
	for (size_t s = 0; s < 5; s++) {
		size_t len = strlen(seqs[s]);
		for (size_t at = 28; at < 36; at++) {
			memset(buf, 'x', sizeof buf);
			memcpy(buf + at, seqs[s], len);
			for (size_t n = at; n <= at + len + 1 && n <= sizeof buf; n++)
				check_utf8(buf, n);
			check_utf8(buf, 64);
			check_utf8(buf, 100);
		}
	}
}

static void test_count(void **state)
{
	(void)state;
	static unsigned char buf[100000];
	for (size_t i = 0; i < sizeof buf; i++)
		buf[i] = (unsigned char)(rnd() % 4 == 0 ? '\n' : rnd());
	for (int round = 0; round < 300; round++) {
		size_t off = rnd() % 64, n = rnd() % (sizeof buf - 64);
		if (round < 100)
			n %= 300;
		unsigned char c = round % 2 ? '\n' : (unsigned char)rnd();
		size_t want = 0;
		for (size_t i = 0; i < n; i++)
			want += buf[off + i] == c;
		assert_int_equal(mem_count(buf + off, n, c), want);
	}
	memset(buf, '\n', sizeof buf);
	assert_int_equal(mem_count(buf, sizeof buf, '\n'), sizeof buf);
	assert_int_equal(mem_count(buf, 0, '\n'), 0);
}

static void test_ascii_prefix(void **state)
{
	(void)state;
	unsigned char buf[300];
	memset(buf, 'a', sizeof buf);
	assert_int_equal(mem_ascii_prefix(buf, sizeof buf), sizeof buf);
	for (size_t at = 0; at < 100; at++) {
		memset(buf, 'a', sizeof buf);
		buf[at] = 0x80 | (unsigned char)at;
		assert_int_equal(mem_ascii_prefix(buf, sizeof buf), at);
		assert_int_equal(mem_ascii_prefix(buf, at), at);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_chars_random),
		cmocka_unit_test(test_utf8_chars_cut_at_vector_edge),
		cmocka_unit_test(test_count),
		cmocka_unit_test(test_ascii_prefix),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
