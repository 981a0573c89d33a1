/* Unit tests for libcommon/collate.c (locale names) and lib_icu.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "collate.h"
#include "lib_icu.h"
#include "sys.h"

/* collate_locale_name(NAME, SEP) or "(false)". */
static const char *mapped(const char *name, char sep)
{
	static char buf[16];
	return collate_locale_name(name, sep, buf, sizeof buf) ? buf : "(false)";
}

static void test_locale_names(void **state)
{
	(void)state;
	assert_string_equal(mapped("en_US.UTF-8", '_'), "en_US");
	assert_string_equal(mapped("en_US.utf8", '-'), "en-US");
	assert_string_equal(mapped("de_DE@euro", '_'), "de_DE");
	assert_string_equal(mapped("sr_RS.UTF-8@latin", '_'), "sr_RS");
	assert_string_equal(mapped("en-US", '_'), "en_US");
	assert_string_equal(mapped("zh-Hans-CN", '-'), "zh-Hans-CN");
	assert_string_equal(mapped("fr", '_'), "fr");
	assert_string_equal(mapped("C.UTF-8", '_'), "C");
	/* Nothing usable: empty, only a codeset, odd characters, too long. */
	assert_string_equal(mapped("", '_'), "(false)");
	assert_string_equal(mapped(".UTF-8", '_'), "(false)");
	assert_string_equal(mapped("English_United States.1252", '_'), "(false)");
	assert_string_equal(mapped("en_US/x", '_'), "(false)");
	assert_string_equal(mapped("\xc3\xa9_FR", '_'), "(false)");
	assert_string_equal(mapped("abcdefghijklmno", '_'), "abcdefghijklmno");
	assert_string_equal(mapped("abcdefghijklmnop", '_'), "(false)");
}

/* The unit tests run in the C locale: byte order, ICU never asked. */
static void test_c_locale(void **state)
{
	(void)state;
	assert_false(text_collate_hard());
	assert_true(text_collate("B", 1, "a", 1) < 0);
	assert_null(icu_library());
}

static void test_lib_newest(void **state)
{
	(void)state;
	assert_int_equal(sys_lib_newest("libcorebox-no-such-library.so."), 0);
}

/* Where ICU is present, the functions bound from it work. */
static void test_icu(void **state)
{
	(void)state;
	if (!icu_load()) {
		assert_true(icu_error()[0] != 0);
		skip();
	}
	assert_non_null(icu_library());
	assert_true(icu_load());
	int err = 0;
	UCollator *c = icu.ucol_open("en_US", &err);
	assert_non_null(c);
	assert_false(ICU_FAILURE(err));
	assert_true(icu.ucol_strcollUTF8(c, "a", 1, "B", 1, &err) < 0);
	assert_true(icu.ucol_strcollUTF8(c, "\xc3\xa9", 2, "f", 1, &err) < 0);
	assert_true(icu.ucol_strcollUTF8(c, "a b", 3, "a1", 2, &err) < 0);
	icu.ucol_setAttribute(c, ICU_UCOL_ALTERNATE_HANDLING, ICU_UCOL_SHIFTED, &err);
	icu.ucol_setAttribute(c, ICU_UCOL_STRENGTH, ICU_UCOL_QUATERNARY, &err);
	icu.ucol_setMaxVariable(c, ICU_UCOL_REORDER_CODE_CURRENCY, &err);
	assert_false(ICU_FAILURE(err));
	/* Shifted: the space counts only after the letters and digits. */
	assert_true(icu.ucol_strcollUTF8(c, "a b", 3, "a1", 2, &err) > 0);
	assert_true(icu.ucol_strcollUTF8(c, "a+b", 3, "ab", 2, &err) < 0);
	assert_true(icu.ucol_strcollUTF8(c, "a+b", 3, "ac", 2, &err) < 0);
	assert_false(ICU_FAILURE(err));
	icu.ucol_close(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_locale_names),
		cmocka_unit_test(test_c_locale),
		cmocka_unit_test(test_lib_newest),
		cmocka_unit_test(test_icu),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
