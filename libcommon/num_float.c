/* Floating-point numbers on the command line, in the locale's syntax or
   the C locale's (printf, seq, sleep, tail -s, timeout). */
#include "num.h"

#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* strtold() under the C locale's LC_NUMERIC, for a locale whose decimal
   point is not '.'. The caller's locale is restored. */
static long double c_strtold(const char *s, char **end)
{
	const char *cur = setlocale(LC_NUMERIC, NULL);
	char *saved = cur ? xstrdup(cur) : NULL;
	setlocale(LC_NUMERIC, "C");
	long double v = strtold(s, end);
	int err = errno;
	if (saved) {
		setlocale(LC_NUMERIC, saved);
		free(saved);
	}
	errno = err;
	return v;
}

long double num_strtold(const char *s, char **end)
{
	char *lend;
	long double v = strtold(s, &lend);
	if (*lend && strcmp(localeconv()->decimal_point, ".") != 0) {
		int lerr = errno;
		char *cend;
		long double c = c_strtold(s, &cend);
		if (cend > lend) {
			v = c;
			lend = cend;
		} else {
			errno = lerr;
		}
	}
	if (end)
		*end = lend;
	return v;
}

bool num_parse_ldouble(const char *s, long double *out)
{
	char *end;
	errno = 0;
	long double v = num_strtold(s, &end);
	*out = v;
	if (end == s || *end)
		return false;
	if (v != 0 && errno == ERANGE && (v >= 1 || v <= -1))
		return false;
	return true;
}
