/* Unit tests for libcommon/out.c: buffering, large writes, printf, the
   unbuffered mode and a failed write being remembered. Standard output
   is pointed at a temporary file (capture.h) and restored. The fatal
   write-error report at exit is checked in tests/cmds/test_corebox.py
   with /dev/full. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "capture.h"
#include "out.h"
#include "sys.h"

static int64_t file_size(const struct capture *c)
{
	struct sys_stat st;
	assert_int_equal(sys_stat(c->path, &st), 0);
	return st.size;
}

static void test_small_writes_are_buffered(void **state)
{
	(void)state;
	struct capture c;
	capture_start(&c, "buffered");
	out_write("abc", 3);
	out_puts("def");
	out_putc('\n');
	out_printf("%d-%s\n", 42, "x");
	assert_int_equal(file_size(&c), 0);
	out_flush();
	assert_int_equal(file_size(&c), 12);
	out_puts("more");
	size_t len;
	char *got = capture_end(&c, &len);
	assert_string_equal(got, "abcdef\n42-x\nmore");
	free(got);
}

static void test_large_writes(void **state)
{
	(void)state;
	size_t big = 3 * OUT_BUFSIZE + 123;
	char *data = malloc(big);
	assert_non_null(data);
	for (size_t i = 0; i < big; i++)
		data[i] = (char)('a' + i % 26);
	struct capture c;
	capture_start(&c, "large");
	out_write("<", 1);
	out_write(data, big);
	/* Order is kept: the buffered "<" went out first. */
	assert_int_equal(file_size(&c), (int64_t)big + 1);
	out_write(data, OUT_BUFSIZE / 2 - 1);
	out_write(data, OUT_BUFSIZE / 2 + 1);
	out_write(">", 1);
	size_t len;
	char *got = capture_end(&c, &len);
	assert_int_equal(len, 1 + big + OUT_BUFSIZE + 1);
	assert_int_equal(got[0], '<');
	assert_memory_equal(got + 1, data, big);
	assert_memory_equal(got + 1 + big, data, OUT_BUFSIZE / 2 - 1);
	assert_memory_equal(got + 1 + big + OUT_BUFSIZE / 2 - 1, data, OUT_BUFSIZE / 2 + 1);
	assert_int_equal(got[len - 1], '>');
	free(got);
	free(data);
}

static void test_putc_across_buffer(void **state)
{
	(void)state;
	size_t n = 2 * OUT_BUFSIZE + 5;
	struct capture c;
	capture_start(&c, "putc");
	for (size_t i = 0; i < n; i++)
		out_putc((char)('0' + i % 10));
	size_t len;
	char *got = capture_end(&c, &len);
	assert_int_equal(len, n);
	for (size_t i = 0; i < n; i++)
		if (got[i] != (char)('0' + i % 10))
			fail_msg("byte %zu", i);
	free(got);
}

static void test_printf_long(void **state)
{
	(void)state;
	char *word = malloc(5001);
	assert_non_null(word);
	memset(word, 'w', 5000);
	word[5000] = 0;
	struct capture c;
	capture_start(&c, "printf");
	out_printf("[%s]%d\n", word, 7);
	out_printf("%s", "");
	size_t len;
	char *got = capture_end(&c, &len);
	assert_int_equal(len, 5004);
	assert_int_equal(got[0], '[');
	assert_memory_equal(got + 1, word, 5000);
	assert_string_equal(got + 5001, "]7\n");
	free(got);
	free(word);
}

static void test_unbuffered(void **state)
{
	(void)state;
	struct capture c;
	capture_start(&c, "unbuffered");
	out_write("ab", 2);
	out_set_unbuffered(true);
	assert_int_equal(file_size(&c), 2);
	out_write("cd", 2);
	assert_int_equal(file_size(&c), 4);
	out_putc('e');
	assert_int_equal(file_size(&c), 5);
	out_set_unbuffered(false);
	out_putc('f');
	assert_int_equal(file_size(&c), 5);
	char *got = capture_end(&c, NULL);
	assert_string_equal(got, "abcdef");
	free(got);
}

/* Runs last: a failed write is remembered for the rest of the process. */
static void test_write_failure_remembered(void **state)
{
	(void)state;
	int full = sys_open("/dev/full", SYS_O_WRONLY, 0);
	if (full < 0)
		skip();
	int saved = sys_dup(1);
	assert_true(saved >= 0);
	assert_true(sys_dup2(full, 1) >= 0);
	sys_close(full);
	assert_false(out_failed());
	out_write("x", 1);
	assert_false(out_failed());
	out_flush_quiet();
	assert_true(out_failed());
	sys_dup2(saved, 1);
	sys_close(saved);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small_writes_are_buffered),
		cmocka_unit_test(test_large_writes),
		cmocka_unit_test(test_putc_across_buffer),
		cmocka_unit_test(test_printf_long),
		cmocka_unit_test(test_unbuffered),
		cmocka_unit_test(test_write_failure_remembered),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
