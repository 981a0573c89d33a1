/* Locale collation and case-insensitive comparison. */
#include "collate.h"

#include <ctype.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

bool text_collate_hard(void)
{
	const char *name = setlocale(LC_COLLATE, NULL);
	return name && strcmp(name, "C") != 0 && strcmp(name, "POSIX") != 0;
}

int text_memcmp(const char *a, size_t alen, const char *b, size_t blen)
{
	int d = memcmp(a, b, alen < blen ? alen : blen);
	if (d)
		return d;
	return (alen > blen) - (alen < blen);
}

/* strcoll() on NUL-terminated copies, one NUL-separated piece at a time
   so that text after a NUL byte still counts. */
int text_collate(const char *a, size_t alen, const char *b, size_t blen)
{
	if (alen == blen && memcmp(a, b, alen) == 0)
		return 0;
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
		int d = strcoll(x, y);
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

int text_casecmp(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int x = toupper((unsigned char)a[i]), y = toupper((unsigned char)b[i]);
		if (x != y)
			return x - y;
	}
	return 0;
}
