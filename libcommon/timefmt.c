/* strftime() in local time, with %N, and the same conversions everywhere. */
#include "timefmt.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xalloc.h"

/* Seconds east of UTC of local time TM at time T. */
static long utc_offset(const struct tm *tm, time_t t)
{
	struct tm *g = gmtime(&t);
	if (!g)
		return 0;
	/* The two differ by a day at most (around New Year: by a year). */
	long days = tm->tm_year == g->tm_year ? tm->tm_yday - g->tm_yday : tm->tm_year > g->tm_year ? 1 : -1;
	return ((days * 24 + (tm->tm_hour - g->tm_hour)) * 60 + (tm->tm_min - g->tm_min)) * 60
	       + (tm->tm_sec - g->tm_sec);
}

/* What conversion C (written without flags or width) becomes before
   strftime sees it, for the C99 and POSIX conversions that some C
   libraries lack (msvcrt has none of these), into BUF; NULL when
   strftime is to do it. */
static const char *portable_conversion(char c, const struct tm *tm, time_t t, char *buf, size_t size)
{
	switch (c) {
	case 'e': snprintf(buf, size, "%2d", tm->tm_mday); return buf;
	case 'C': snprintf(buf, size, "%02d", (tm->tm_year + 1900) / 100); return buf;
	case 'u': snprintf(buf, size, "%d", tm->tm_wday ? tm->tm_wday : 7); return buf;
	case 's': snprintf(buf, size, "%lld", (long long)t); return buf;
	case 'z': {
		long off = utc_offset(tm, t);
		char sign = off < 0 ? '-' : '+';
		if (off < 0)
			off = -off;
		snprintf(buf, size, "%c%02ld%02ld", sign, off / 3600, off / 60 % 60);
		return buf;
	}
	case 'F': return "%Y-%m-%d";
	case 'T': return "%H:%M:%S";
	case 'D': return "%m/%d/%y";
	case 'R': return "%H:%M";
	case 'r': return "%I:%M:%S %p";
	case 'h': return "%b";
	case 'n': return "\n";
	case 't': return "\t";
	default: return NULL;
	}
}

/* FMT with every %N (and %<width>N) replaced by the digits of NSEC, and
   the conversions of portable_conversion() done, for time T (TM). */
static char *expand_conversions(const char *fmt, int32_t nsec, const struct tm *tm, time_t t)
{
	char digits[16];
	if (nsec < 0 || nsec > 999999999)
		nsec = 0;
	snprintf(digits, sizeof digits, "%09ld", (long)nsec);
	size_t cap = strlen(fmt) * 9 + 64, n = 0;
	char *out = xmalloc(cap);
	for (const char *p = fmt; *p;) {
		if (n + 64 > cap) {
			cap = cap * 2 + 64;
			out = xrealloc(out, cap);
		}
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
		char tmp[32];
		const char *rep = q == p + 1 ? portable_conversion(*q, tm, t, tmp, sizeof tmp) : NULL;
		if (rep) {
			size_t len = strlen(rep);
			if (n + len + 1 > cap) {
				cap = n + len + strlen(q) * 9 + 64;
				out = xrealloc(out, cap);
			}
			memcpy(out + n, rep, len);
			n += len;
			p = q + 1;
			continue;
		}
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
			cap = n + width + strlen(q) * 9 + 64;
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
	struct tm *lt = localtime(&t);
	if (!lt)
		return NULL;
	/* A copy: gmtime (for %z) may reuse localtime's buffer. */
	struct tm local = *lt, *tm = &local;
	/* A trailing space tells an empty result from one that did not fit. */
	char *f = expand_conversions(fmt, nsec, tm, t);
	size_t flen = strlen(f);
	f = xrealloc(f, flen + 2);
	f[flen] = ' ';
	f[flen + 1] = 0;
	size_t cap = 128;
	char *buf = xmalloc(cap);
	size_t len;
	while ((len = strftime(buf, cap, f, tm)) == 0) {
		/* No conversion is that long: strftime rejects the format. */
		if (cap > flen * 256 + 4096) {
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
