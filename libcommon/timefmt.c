/* strftime() in local time, with %N. */
#include "timefmt.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xalloc.h"

/* FMT with every %N (and %<width>N) replaced by the digits of NSEC. */
static char *expand_nanoseconds(const char *fmt, int32_t nsec)
{
	char digits[16];
	if (nsec < 0 || nsec > 999999999)
		nsec = 0;
	snprintf(digits, sizeof digits, "%09ld", (long)nsec);
	size_t cap = strlen(fmt) * 9 + 2, n = 0;
	char *out = xmalloc(cap);
	for (const char *p = fmt; *p;) {
		if (*p != '%') {
			out[n++] = *p++;
			continue;
		}
		const char *q = p + 1;
		while (*q && strchr("_-0^#", *q))
			q++;
		size_t width = 0;
		bool has_width = false;
		while (*q >= '0' && *q <= '9') {
			width = width * 10 + (size_t)(*q++ - '0');
			has_width = true;
			if (width > 1000)
				width = 1000;
		}
		while (*q == 'E' || *q == 'O')
			q++;
		if (*q != 'N') {
			size_t len = (size_t)(q - p) + (*q != 0);
			memcpy(out + n, p, len);
			n += len;
			p += len;
			continue;
		}
		if (!has_width || width == 0)
			width = 9;
		if (n + width + 1 > cap) {
			cap = n + width + strlen(q) * 9 + 2;
			out = xrealloc(out, cap);
		}
		for (size_t i = 0; i < width; i++)
			out[n++] = i < 9 ? digits[i] : '0';
		p = q + 1;
	}
	out[n] = 0;
	return out;
}

char *time_format_local(const char *fmt, int64_t sec, int32_t nsec)
{
	time_t t = (time_t)sec;
	if ((int64_t)t != sec)
		return NULL;
	struct tm *tm = localtime(&t);
	if (!tm)
		return NULL;
	/* A trailing space tells an empty result from one that did not fit. */
	char *f = expand_nanoseconds(fmt, nsec);
	size_t flen = strlen(f);
	f = xrealloc(f, flen + 2);
	f[flen] = ' ';
	f[flen + 1] = 0;
	size_t cap = 128;
	char *buf = xmalloc(cap);
	size_t len;
	while ((len = strftime(buf, cap, f, tm)) == 0) {
		if (cap > (size_t)1 << 30) {
			free(buf);
			free(f);
			return NULL;
		}
		cap *= 2;
		buf = xrealloc(buf, cap);
	}
	buf[len - 1] = 0;
	free(f);
	return buf;
}
