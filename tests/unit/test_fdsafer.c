/* Unit tests for libcommon/fdsafer.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>

#include "fdsafer.h"
#include "sys.h"

static void test_moves_off_standard_descriptors(void **state)
{
	(void)state;
	sys_close(0);
	int fd = sys_open("/dev/null", SYS_O_RDONLY, 0);
	assert_int_equal(fd, 0);
	int safe = fd_safer(fd);
	assert_true(safe > 2);
	/* 0 is closed again: the next file lands there. */
	int again = sys_open("/dev/null", SYS_O_RDONLY, 0);
	assert_int_equal(again, 0);
	sys_close(again);
	sys_close(safe);
}

static void test_leaves_other_descriptors_alone(void **state)
{
	(void)state;
	int fd = sys_open("/dev/null", SYS_O_RDONLY, 0);
	int high = sys_dup2(fd, 40);
	assert_int_equal(fd_safer(high), 40);
	sys_close(high);
	sys_close(fd);
	errno = 0;
	assert_int_equal(fd_safer(-1), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_moves_off_standard_descriptors),
		cmocka_unit_test(test_leaves_other_descriptors_alone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
