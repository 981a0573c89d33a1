/* Unit tests for lazylib: a library bound on first use. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "lib_z.h"

#define MISSING_FUNCS(X) X(int, corebox_missing_function, (void))

#if COREBOX_LAZY_LIBS
LAZYLIB_DECLARE(missing, MISSING_FUNCS);
LAZYLIB_DEFINE(missing, MISSING_FUNCS, "libcorebox-no-such-library.so.9",
               "corebox-no-such-library.dll")
LAZYLIB_DECLARE(badsym, MISSING_FUNCS);
LAZYLIB_DEFINE(badsym, MISSING_FUNCS, "libz.so.1", "zlib1.dll")
#endif

static void test_binds_and_calls(void **state)
{
	(void)state;
	assert_true(libz_load());
	assert_true(libz_load()); /* a second call reuses the binding */
	assert_non_null(libz.zlibVersion());
	assert_int_equal(libz.crc32_z(0, (const Bytef *)"123456789", 9), 0xCBF43926);
}

static void test_missing_library(void **state)
{
	(void)state;
#if COREBOX_LAZY_LIBS
	assert_false(missing_load());
	assert_non_null(strstr(lazylib_error(), "libcorebox-no-such-library.so.9"));
	assert_false(missing_load());
	assert_non_null(strstr(lazylib_error(), "libcorebox-no-such-library.so.9"));
	/* a good library still binds after a failure */
	assert_true(libz_load());
#else
	skip();
#endif
}

static void test_missing_symbol(void **state)
{
	(void)state;
#if COREBOX_LAZY_LIBS
	assert_false(badsym_load());
	assert_non_null(strstr(lazylib_error(), "corebox_missing_function"));
#else
	skip();
#endif
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_binds_and_calls),
		cmocka_unit_test(test_missing_library),
		cmocka_unit_test(test_missing_symbol),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
