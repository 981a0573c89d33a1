/* The collation locale, and the C library's collation for
   libcommon/collate.c when ICU is absent. */
#include <locale.h>
#include <string.h> /* strcoll */

#include "sys.h"

const char *sys_collate_locale(void)
{
	sys_locale_init();
	const char *name = setlocale(LC_COLLATE, NULL);
	return name ? name : "C";
}

int sys_strcoll(const char *a, const char *b)
{
	return strcoll(a, b);
}
