/* Locale collation and case-insensitive comparison. */
#include "collate.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib_icu.h"
#include "sys.h"
#include "xalloc.h"

/* Who orders text outside the C locale, chosen on the first comparison. */
static enum { ORDER_UNCHOSEN, ORDER_BYTES, ORDER_ICU, ORDER_SYSTEM } order;
static UCollator *collator;

/* "C", "POSIX", "C.UTF-8", "POSIX@x": byte order (code point order for
   UTF-8). */
static bool is_byte_order(const char *name)
{
	size_t n = strcspn(name, ".@");
	return (n == 1 && name[0] == 'C') || (n == 5 && memcmp(name, "POSIX", 5) == 0);
}

bool text_collate_hard(void)
{
	return !is_byte_order(sys_collate_locale());
}

bool collate_locale_name(const char *name, char sep, char *buf, size_t size)
{
	size_t n = strcspn(name, ".@");

	if (n == 0 || n >= size)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)name[i];
		if (c == '_' || c == '-')
			buf[i] = sep;
		else if (c < 0x80 && isalnum(c))
			buf[i] = (char)c;
		else
			return false;
	}
	buf[n] = 0;
	return true;
}

/* An ICU collator for the locale: letters first, then accents, then
   case, and spaces, punctuation, symbols and currency signs only when
   all else is equal (ICU's "shifted" variable handling at quaternary
   strength), as glibc's locales do. A locale name that does not map
   gets ICU's root collation. NULL when ICU is missing or fails. */
static UCollator *open_collator(void)
{
	char name[64];
	int err = 0;

	if (!icu_load())
		return NULL;
	if (!collate_locale_name(sys_collate_locale(), '_', name, sizeof name))
		name[0] = 0;
	UCollator *c = icu.ucol_open(name, &err);
	if (!c || ICU_FAILURE(err))
		return NULL;
	icu.ucol_setAttribute(c, ICU_UCOL_ALTERNATE_HANDLING, ICU_UCOL_SHIFTED, &err);
	icu.ucol_setAttribute(c, ICU_UCOL_STRENGTH, ICU_UCOL_QUATERNARY, &err);
	icu.ucol_setMaxVariable(c, ICU_UCOL_REORDER_CODE_CURRENCY, &err);
	if (ICU_FAILURE(err)) {
		icu.ucol_close(c);
		return NULL;
	}
	return c;
}

/* ICU's order of the NUL-separated pieces of A and B, one pair at a time
   (a piece ICU cannot take, over 2 GiB, compares equal). */
static int icu_collate(const char *a, size_t alen, const char *b, size_t blen)
{
	for (;;) {
		const char *ae = memchr(a, 0, alen), *be = memchr(b, 0, blen);
		size_t al = ae ? (size_t)(ae - a) : alen, bl = be ? (size_t)(be - b) : blen;
		if (al <= INT32_MAX && bl <= INT32_MAX) {
			int err = 0;
			int d = icu.ucol_strcollUTF8(collator, a, (int32_t)al, b, (int32_t)bl, &err);
			if (d && !ICU_FAILURE(err))
				return d;
		}
		if (!ae || !be)
			return (ae != NULL) - (be != NULL);
		a = ae + 1;
		alen -= al + 1;
		b = be + 1;
		blen -= bl + 1;
	}
}

/* sys_strcoll() on NUL-terminated copies, one NUL-separated piece at a
   time so that text after a NUL byte still counts. */
static int system_collate(const char *a, size_t alen, const char *b, size_t blen)
{
	static char *buf;
	static size_t cap;
	size_t need = alen + blen + 2;
	if (need > cap) {
		free(buf);
		cap = need * 2;
		buf = xmalloc(cap);
	}
	char *x = buf, *y = buf + alen + 1;
	memcpy(x, a, alen);
	x[alen] = 0;
	memcpy(y, b, blen);
	y[blen] = 0;
	const char *xe = x + alen, *ye = y + blen;
	for (;;) {
		int d = sys_strcoll(x, y);
		if (d)
			return d;
		size_t xl = strlen(x) + 1, yl = strlen(y) + 1;
		x += xl;
		y += yl;
		if (x > xe)
			return y > ye ? 0 : -1;
		if (y > ye)
			return 1;
	}
}

int text_collate(const char *a, size_t alen, const char *b, size_t blen)
{
	if (alen == blen && memcmp(a, b, alen) == 0)
		return 0;
	if (order == ORDER_UNCHOSEN) {
		if (!text_collate_hard())
			order = ORDER_BYTES;
		else if ((collator = open_collator()) != NULL)
			order = ORDER_ICU;
		else
			order = ORDER_SYSTEM;
	}
	if (order == ORDER_BYTES)
		return text_memcmp(a, alen, b, blen);
	int d = order == ORDER_ICU ? icu_collate(a, alen, b, blen) : system_collate(a, alen, b, blen);
	return d ? d : text_memcmp(a, alen, b, blen);
}

int text_memcmp(const char *a, size_t alen, const char *b, size_t blen)
{
	int d = memcmp(a, b, alen < blen ? alen : blen);
	if (d)
		return d;
	return (alen > blen) - (alen < blen);
}

int text_casecmp(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int x = toupper((unsigned char)a[i]), y = toupper((unsigned char)b[i]);
		if (x != y)
			return x - y;
	}
	return 0;
}
