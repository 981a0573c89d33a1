/* Unit tests for libcommon/in.c: splitting input into records of any
   length ('\n' or '\0'), the last record without a delimiter, empty
   input, records longer than the 128 KiB buffer, read errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include <cmocka.h>

#include "in.h"
#include "sys.h"

static char path[64];

static int make_file(const char *data, size_t len)
{
	snprintf(path, sizeof path, "in-test-%d.tmp", sys_getpid());
	int fd = sys_open(path, SYS_O_WRONLY | SYS_O_CREAT | SYS_O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(sys_write_all(fd, data, len), 0);
	assert_int_equal(sys_close(fd), 0);
	fd = in_open(path);
	assert_true(fd >= 0);
	return fd;
}

static void drop_file(int fd)
{
	assert_int_equal(in_close(fd), 0);
	sys_unlink(path);
}

/* Read all records of DATA split at DELIM and join them as "[rec]". */
static char *records(const char *data, size_t len, int delim)
{
	int fd = make_file(data, len);
	struct in_rec r;
	inrec_init(&r, fd);
	static char out[4096];
	size_t n = 0;
	char *rec;
	size_t rlen;
	int st;
	while ((st = inrec_next(&r, delim, &rec, &rlen)) == 1) {
		out[n++] = '[';
		memcpy(out + n, rec, rlen);
		n += rlen;
		out[n++] = ']';
	}
	assert_int_equal(st, 0);
	/* End of input stays the end. */
	assert_int_equal(inrec_next(&r, delim, &rec, &rlen), 0);
	out[n] = 0;
	inrec_free(&r);
	drop_file(fd);
	return out;
}

static void test_lines(void **state)
{
	(void)state;
	assert_string_equal(records("a\nbb\n\nccc\n", 10, '\n'), "[a\n][bb\n][\n][ccc\n]");
	assert_string_equal(records("a\nlast", 6, '\n'), "[a\n][last]");
	assert_string_equal(records("\n", 1, '\n'), "[\n]");
	assert_string_equal(records("no newline", 10, '\n'), "[no newline]");
	assert_string_equal(records("", 0, '\n'), "");
}

static void test_nul_records(void **state)
{
	(void)state;
	char *got = records("a\0b\nc\0\0d", 8, '\0');
	assert_memory_equal(got, "[a\0][b\nc\0][\0][d]", 17);
	assert_string_equal(records("x\ny", 3, '\0'), "[x\ny]");
}

/* Records around and beyond the buffer size, content checked. */
static void test_long_records(void **state)
{
	(void)state;
	size_t sizes[] = { IN_BUFSIZE - 1, IN_BUFSIZE, IN_BUFSIZE + 1, 3 * IN_BUFSIZE + 17, 1 };
	size_t total = 0;
	for (size_t i = 0; i < 5; i++)
		total += sizes[i];
	char *data = malloc(total);
	assert_non_null(data);
	size_t off = 0;
	for (size_t i = 0; i < 5; i++) {
		for (size_t k = 0; k + 1 < sizes[i]; k++)
			data[off + k] = (char)('a' + (i + k) % 26);
		data[off + sizes[i] - 1] = '\n';
		off += sizes[i];
	}
	int fd = make_file(data, total);
	struct in_rec r;
	inrec_init(&r, fd);
	char *rec;
	size_t rlen;
	off = 0;
	for (size_t i = 0; i < 5; i++) {
		assert_int_equal(inrec_next(&r, '\n', &rec, &rlen), 1);
		assert_int_equal(rlen, sizes[i]);
		assert_memory_equal(rec, data + off, rlen);
		off += rlen;
	}
	assert_int_equal(inrec_next(&r, '\n', &rec, &rlen), 0);
	inrec_free(&r);
	drop_file(fd);
	free(data);
}

/* Many short records of varied lengths cross every buffer boundary; the
   last one has no newline. */
static void test_many_records(void **state)
{
	(void)state;
	size_t cap = 3 * IN_BUFSIZE, len = 0, count = 0;
	char *data = malloc(cap);
	assert_non_null(data);
	while (len + 200 < cap) {
		size_t n = (count * 7919) % 150;
		for (size_t k = 0; k < n; k++)
			data[len + k] = (char)('0' + (count + k) % 10);
		len += n;
		data[len++] = '\n';
		count++;
	}
	memcpy(data + len, "tail", 4);
	len += 4;
	int fd = make_file(data, len);
	struct in_rec r;
	inrec_init(&r, fd);
	char *rec;
	size_t rlen, off = 0, seen = 0;
	while (inrec_next(&r, '\n', &rec, &rlen) == 1) {
		assert_memory_equal(rec, data + off, rlen);
		off += rlen;
		seen++;
	}
	assert_int_equal(off, len);
	assert_int_equal(seen, count + 1);
	assert_memory_equal(rec, "tail", 4);
	inrec_free(&r);
	drop_file(fd);
	free(data);
}

static void test_read_error(void **state)
{
	(void)state;
	int fd = in_open(".");
	if (fd < 0)
		skip();
	struct in_rec r;
	inrec_init(&r, fd);
	char *rec;
	size_t rlen;
	errno = 0;
	assert_int_equal(inrec_next(&r, '\n', &rec, &rlen), -1);
	assert_int_equal(errno, EISDIR);
	inrec_free(&r);
	in_close(fd);
}

static void test_open_names(void **state)
{
	(void)state;
	assert_true(in_is_stdin("-"));
	assert_false(in_is_stdin("--"));
	assert_false(in_is_stdin("./-"));
	assert_false(in_is_stdin(""));
	assert_int_equal(in_open("-"), 0);
	/* in_close() leaves standard input open. */
	struct sys_stat st;
	int before = sys_fstat(0, &st);
	assert_int_equal(in_close(0), 0);
	assert_int_equal(sys_fstat(0, &st), before);
	errno = 0;
	assert_int_equal(in_open("no-such-file.in-test"), -1);
	assert_int_equal(errno, ENOENT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_nul_records),
		cmocka_unit_test(test_long_records),
		cmocka_unit_test(test_many_records),
		cmocka_unit_test(test_read_error),
		cmocka_unit_test(test_open_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
