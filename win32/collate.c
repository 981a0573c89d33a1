/* Windows backend: the collation locale and the NLS collation, which
   libcommon/collate.c uses when the system has no icu.dll (Windows
   before 10 1903, Wine). */
#include "sys.h"
#include "w32.h"

#include <stdlib.h>

#include "collate.h"
#include "xalloc.h"

const char *sys_collate_locale(void)
{
	static char *name;
	if (name)
		return name;
	static const char *const vars[] = { "LC_ALL", "LC_COLLATE", "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = sys_getenv(vars[i]);
		if (v && *v)
			return name = xstrdup(v);
	}
	wchar_t w[LOCALE_NAME_MAX_LENGTH];
	if (GetUserDefaultLocaleName(w, LOCALE_NAME_MAX_LENGTH) > 0)
		name = w32_utf8(w, -1, NULL);
	if (!name)
		name = xstrdup("C");
	return name;
}

/* CompareStringEx's answer for A and B with FLAGS: <0, 0 or >0; 0 also
   when it fails. */
static int nls_compare(const wchar_t *locale, DWORD flags, const wchar_t *a, const wchar_t *b)
{
	int r = CompareStringEx(locale, flags, a, -1, b, -1, NULL, NULL, 0);
	return r ? r - CSTR_EQUAL : 0;
}

/* Spaces, punctuation and symbols count only between strings that are
   otherwise equal (as ICU's shifted handling and glibc have it). 0 also
   when memory for the conversion runs out. A locale name Windows cannot
   take gets the invariant locale. */
int sys_strcoll(const char *a, const char *b)
{
	static wchar_t locale[LOCALE_NAME_MAX_LENGTH];
	static bool named;
	if (!named) {
		char n[LOCALE_NAME_MAX_LENGTH];
		named = true;
		if (!collate_locale_name(sys_collate_locale(), '-', n, sizeof n) ||
		    MultiByteToWideChar(CP_UTF8, 0, n, -1, locale, LOCALE_NAME_MAX_LENGTH) <= 0 ||
		    !IsValidLocaleName(locale))
			locale[0] = 0;
	}
	wchar_t *wa = w32_wide(a, -1), *wb = w32_wide(b, -1);
	int d = 0;
	if (wa && wb) {
		d = nls_compare(locale, NORM_IGNORESYMBOLS, wa, wb);
		if (!d)
			d = nls_compare(locale, SORT_STRINGSORT, wa, wb);
	}
	free(wa);
	free(wb);
	return d;
}

int sys_lib_newest(const char *prefix)
{
	(void)prefix;
	return 0;
}
