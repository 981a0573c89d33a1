/* Unit tests for libcommon/lastn.c and libcommon/memscan.c, against
   simple reference implementations on pseudo-random data. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lastn.h"
#include "memscan.h"
#include "sys.h"

static uint32_t seed = 4242;

static uint32_t rnd(void)
{
	seed = seed * 1103515245u + 12345u;
	return seed >> 8;
}

/* Text of LEN bytes where about one byte in AVG is the delimiter. */
static char *make_text(size_t len, unsigned avg, char delim)
{
	char *p = malloc(len + 1);
	for (size_t i = 0; i < len; i++)
		p[i] = rnd() % avg == 0 ? delim : (char)('a' + rnd() % 26);
	return p;
}

static void test_mem_rchr(void **state)
{
	(void)state;
	for (int round = 0; round < 2000; round++) {
		size_t len = rnd() % 100;
		char *p = make_text(len, 1 + rnd() % 20, '\n');
		const char *ref = NULL;
		for (size_t i = len; i-- > 0;)
			if (p[i] == '\n') {
				ref = p + i;
				break;
			}
		assert_ptr_equal(mem_rchr(p, '\n', len), ref);
		free(p);
	}
	assert_null(mem_rchr("abc", 0, 3));
	assert_ptr_equal(mem_rchr("a\0b\0c", 0, 5), (const char *)"a\0b\0c" + 3);
	const unsigned char hi[] = { 0xff, 1, 0xff, 2 };
	assert_ptr_equal(mem_rchr(hi, 0xff, 4), hi + 2);
}

/* Where the last N units of P[0..LEN) start (the reference). */
static size_t ref_split(const char *p, size_t len, uintmax_t n, int delim)
{
	if (delim < 0)
		return n >= len ? 0 : len - (size_t)n;
	size_t end = len;
	if (end && p[end - 1] == (char)delim)
		end--;
	if (n == 0)
		return len;
	for (size_t i = end; i-- > 0;)
		if (p[i] == (char)delim && --n == 0)
			return i + 1;
	return 0;
}

static char *got;
static size_t got_len, got_cap;

static void sink(const void *p, size_t len)
{
	if (got_len + len > got_cap) {
		got_cap = (got_len + len) * 2;
		got = realloc(got, got_cap);
	}
	memcpy(got + got_len, p, len);
	got_len += len;
}

static int file_with(const char *p, size_t len)
{
	int fd = sys_tmpfile();
	assert_true(fd >= 0);
	assert_int_equal(sys_write_all(fd, p, len), 0);
	assert_int_equal(sys_lseek(fd, 0, SYS_SEEK_SET), 0);
	return fd;
}

static void check_case(const char *p, size_t len, uintmax_t n, int delim)
{
	size_t split = ref_split(p, len, n, delim);
	int fd;

	/* head: the spilled data and BEFORE make up everything before. */
	fd = file_with(p, len);
	struct lastn q;
	uintmax_t nread = 0;
	lastn_init(&q, n, delim);
	got_len = 0;
	assert_int_equal(lastn_read(&q, fd, sink, &nread), 0);
	assert_int_equal(nread, len);
	lastn_finish(&q, sink, NULL);
	lastn_free(&q);
	sys_close(fd);
	assert_int_equal(got_len, split);
	assert_memory_equal(got, p, split);

	/* tail: AFTER is the last N units. */
	fd = file_with(p, len);
	lastn_init(&q, n, delim);
	got_len = 0;
	assert_int_equal(lastn_read(&q, fd, NULL, NULL), 0);
	lastn_finish(&q, NULL, sink);
	lastn_free(&q);
	assert_int_equal(got_len, len - split);
	assert_memory_equal(got, p + split, len - split);

	/* The seekable search finds the same place. */
	if (delim >= 0 && n > 0 && len > 0) {
		/* Blocks growing to 128 KiB, and a buffer smaller than the
		   first block. */
		static char sbuf[128 * 1024];
		static const size_t sizes[] = { sizeof sbuf, 5000 };
		for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
			int64_t cut = -1;
			assert_int_equal(lastn_find_lines(fd, 0, (int64_t)len, n, delim, sbuf, sizes[i], &cut), 0);
			assert_int_equal(cut, split);
			/* Only the part after START is looked at. */
			size_t start = len / 3;
			size_t sub = ref_split(p + start, len - start, n, delim);
			assert_int_equal(lastn_find_lines(fd, (int64_t)start, (int64_t)len, n, delim,
							  sbuf, sizes[i], &cut), 0);
			assert_int_equal(cut, start + sub);
		}
	}
	sys_close(fd);
}

static void test_lines_and_bytes(void **state)
{
	(void)state;
	static const size_t lens[] = { 0, 1, 2, 7, 100, 65535, 65536, 65537, 200000, 400003 };
	static const uintmax_t ns[] = { 0, 1, 2, 3, 10, 1000, 30000, 70000, UINTMAX_MAX };
	for (size_t li = 0; li < sizeof lens / sizeof *lens; li++) {
		for (unsigned avg = 1; avg <= 64; avg *= 8) {
			char *p = make_text(lens[li], avg, '\n');
			for (size_t ni = 0; ni < sizeof ns / sizeof *ns; ni++) {
				check_case(p, lens[li], ns[ni], '\n');
				check_case(p, lens[li], ns[ni], -1);
			}
			if (lens[li]) {
				/* With and without a final delimiter. */
				p[lens[li] - 1] = '\n';
				check_case(p, lens[li], 5, '\n');
				p[lens[li] - 1] = 'x';
				check_case(p, lens[li], 5, '\n');
			}
			free(p);
		}
	}
	char nul[] = { 'a', 0, 'b', 0, 'c' };
	check_case(nul, sizeof nul, 1, 0);
	check_case(nul, sizeof nul, 2, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mem_rchr),
		cmocka_unit_test(test_lines_and_bytes),
	};
	int r = cmocka_run_group_tests(tests, NULL, NULL);
	free(got);
	return r;
}
