/* Integer parsing with suffixes, and human-readable sizes. */
#include "num.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "quote.h"

static bool mul_ok(uintmax_t *v, uintmax_t by)
{
	if (by && *v > UINTMAX_MAX / by) {
		*v = UINTMAX_MAX;
		return false;
	}
	*v *= by;
	return true;
}

static bool scale(uintmax_t *v, uintmax_t base, int power)
{
	bool ok = true;
	for (int i = 0; i < power; i++)
		ok &= mul_ok(v, base);
	return ok;
}

/* Apply the suffix at *P to *V. Returns the status bits. */
static int apply_suffix(const char **pp, const char *suffixes, uintmax_t *v)
{
	const char *p = *pp;
	if (!*p)
		return NUM_OK;
	if (!suffixes || !strchr(suffixes, *p))
		return NUM_INVALID_SUFFIX;
	uintmax_t base = 1024;
	int len = 1;
	if (strchr(suffixes, '0') && strchr("EGgkKMmPQRTtYZ", *p)) {
		if (p[1] == 'i' && p[2] == 'B')
			len = 3;
		else if (p[1] == 'B' || p[1] == 'D') {
			base = 1000;
			len = 2;
		}
	}
	bool ok = true;
	switch (*p) {
	case 'b': ok = mul_ok(v, 512); break;
	case 'B': ok = mul_ok(v, 1024); break;
	case 'c': break;
	case 'w': ok = mul_ok(v, 2); break;
	case 'k': case 'K': ok = scale(v, base, 1); break;
	case 'm': case 'M': ok = scale(v, base, 2); break;
	case 'g': case 'G': ok = scale(v, base, 3); break;
	case 't': case 'T': ok = scale(v, base, 4); break;
	case 'P': ok = scale(v, base, 5); break;
	case 'E': ok = scale(v, base, 6); break;
	case 'Z': ok = scale(v, base, 7); break;
	case 'Y': ok = scale(v, base, 8); break;
	case 'R': ok = scale(v, base, 9); break;
	case 'Q': ok = scale(v, base, 10); break;
	default: return NUM_INVALID_SUFFIX;
	}
	p += len;
	*pp = p;
	int st = ok ? NUM_OK : NUM_OVERFLOW;
	if (*p)
		st |= NUM_INVALID_SUFFIX;
	return st;
}

int num_parse_umax(const char *s, const char *suffixes, uintmax_t *out)
{
	const char *p = s;
	while (isspace((unsigned char)*p))
		p++;
	*out = 0;
	if (*p == '-')
		return NUM_INVALID;
	if (*p == '+')
		p++;
	uintmax_t v = 0;
	int st = NUM_OK;
	if (!isdigit((unsigned char)*p)) {
		/* A suffix alone ("k") means one of it, but only with nothing
		   before it: " k" and "+k" are not numbers. */
		if (p != s || !*p || !suffixes || !strchr(suffixes, *p))
			return NUM_INVALID;
		v = 1;
	}
	while (isdigit((unsigned char)*p)) {
		unsigned d = (unsigned)(*p++ - '0');
		if (v > (UINTMAX_MAX - d) / 10) {
			v = UINTMAX_MAX;
			st = NUM_OVERFLOW;
		} else if (st != NUM_OVERFLOW) {
			v = v * 10 + d;
		}
	}
	st |= apply_suffix(&p, suffixes, &v);
	if (st & NUM_OVERFLOW)
		v = UINTMAX_MAX;
	*out = v;
	return st;
}

int num_parse_imax(const char *s, const char *suffixes, intmax_t *out)
{
	const char *p = s;
	while (isspace((unsigned char)*p))
		p++;
	bool neg = *p == '-';
	if (neg)
		p++;
	if (neg && !isdigit((unsigned char)*p)) {
		*out = 0;
		return NUM_INVALID;
	}
	uintmax_t u;
	int st = num_parse_umax(p, suffixes, &u);
	if (st & NUM_INVALID) {
		*out = 0;
		return st;
	}
	if (neg) {
		if (u > (uintmax_t)INTMAX_MAX + 1) {
			*out = INTMAX_MIN;
			return st | NUM_OVERFLOW;
		}
		*out = u == (uintmax_t)INTMAX_MAX + 1 ? INTMAX_MIN : -(intmax_t)u;
	} else {
		if (u > (uintmax_t)INTMAX_MAX) {
			*out = INTMAX_MAX;
			return st | NUM_OVERFLOW;
		}
		*out = (intmax_t)u;
	}
	return st;
}

/* Die unless an xparse of S is acceptable: ST is the parse's status,
   RANGE where the value fell (-1 below the minimum, 1 above the maximum,
   0 inside), QUIET the flag that tolerates an overflow. Sets errno as
   gnulib's xnumtoumax does: ERANGE for a range error the flags ask for,
   EOVERFLOW for any other overflow, else 0. */
static void xparse_verdict(const char *s, const char *what, int st, int range, int flags, int quiet)
{
	int err = 0;
	if (range && st == NUM_OK)
		st = NUM_OVERFLOW;
	if (st == NUM_OVERFLOW)
		err = range && (flags & (range < 0 ? NUM_X_MIN_RANGE : NUM_X_MAX_RANGE)) ? ERANGE : EOVERFLOW;
	if (!(st == NUM_OK || (st == NUM_OVERFLOW && (flags & quiet))))
		diag_die(diag_fail_status, err, "%s: %s", what, quote(s));
	errno = err;
}

uintmax_t num_xparse_umax_flags(const char *s, const char *suffixes, uintmax_t min, uintmax_t max,
				const char *what, int flags)
{
	uintmax_t v = 0;
	int st = num_parse_umax(s, suffixes, &v);
	int range = (st & NUM_INVALID) ? 0 : v < min ? -1 : v > max;
	/* As in gnulib, only NUM_X_MAX_QUIET counts here, at either end. */
	xparse_verdict(s, what, st, range, flags, NUM_X_MAX_QUIET);
	return range < 0 ? min : range > 0 ? max : v;
}

intmax_t num_xparse_imax_flags(const char *s, const char *suffixes, intmax_t min, intmax_t max,
			       const char *what, int flags)
{
	intmax_t v = 0;
	int st = num_parse_imax(s, suffixes, &v);
	int range = (st & NUM_INVALID) ? 0 : v < min ? -1 : v > max;
	xparse_verdict(s, what, st, range, flags, v < 0 ? NUM_X_MIN_QUIET : NUM_X_MAX_QUIET);
	return range < 0 ? min : range > 0 ? max : v;
}

uintmax_t num_xparse_umax(const char *s, const char *suffixes, uintmax_t min, uintmax_t max, const char *what)
{
	return num_xparse_umax_flags(s, suffixes, min, max, what, 0);
}

intmax_t num_xparse_imax(const char *s, const char *suffixes, intmax_t min, intmax_t max, const char *what)
{
	return num_xparse_imax_flags(s, suffixes, min, max, what, 0);
}

static const char power_letters[] = "KMGTPEZYRQ";
enum { MAX_POWER = sizeof power_letters - 1 };

/* An exact quantity kept as an integer part, the tenths digit and where
   the rest lies within one tenth: 0 nothing, 1 below half of it, 2 just
   half, 3 above half. */
struct human_amt {
	uintmax_t whole;
	unsigned tenths;
	int rest;
};

/* Divide A by BASE (at most 1024), keeping it exact. */
static void amt_divide(struct human_amt *a, unsigned base)
{
	unsigned t10 = (unsigned)(a->whole % base) * 10 + a->tenths;
	unsigned left = t10 % base;
	unsigned twice = 2 * left + (a->rest >= 2);
	bool more = a->rest == 1 || a->rest == 3;
	a->whole /= base;
	a->tenths = t10 / base;
	if (twice < base)
		a->rest = (twice || more) ? 1 : 0;
	else if (twice == base)
		a->rest = more ? 3 : 2;
	else
		a->rest = 3;
}

/* Whether A rounds up to the next tenth (TENTHS) or unit under OPTS. */
static bool round_up(const struct human_amt *a, int opts, bool tenths)
{
	if (opts & HUMAN_FLOOR)
		return false;
	if (opts & HUMAN_ROUND) {
		if (tenths)
			return a->rest == 3 || (a->rest == 2 && (a->tenths & 1));
		return a->tenths > 5 || (a->tenths == 5 && (a->rest > 0 || (a->whole & 1)));
	}
	return tenths ? a->rest > 0 : (a->tenths > 0 || a->rest > 0);
}

/* N * FROM / TO exactly, when integers can hold it. */
static bool amt_init(struct human_amt *a, uintmax_t n, uintmax_t from, uintmax_t to)
{
	a->tenths = 0;
	a->rest = 0;
	if (from % to == 0) {
		uintmax_t mul = from / to;
		if (n > UINTMAX_MAX / mul)
			return false;
		a->whole = n * mul;
		return true;
	}
	if (to % from != 0)
		return false;
	uintmax_t d = to / from;
	if (d > UINTMAX_MAX / 20)
		return false;
	uintmax_t r10 = (n % d) * 10;
	uintmax_t left2 = (r10 % d) * 2;
	a->whole = n / d;
	a->tenths = (unsigned)(r10 / d);
	a->rest = left2 == 0 ? 0 : left2 < d ? 1 : left2 == d ? 2 : 3;
	return true;
}

long double num_ceill(long double v)
{
	/* From 2^63 on, a long double has no fraction bits; inf and NaN too
	   are returned as they are. */
	if (!(v > -9.2e18L && v < 9.2e18L))
		return v;
	long double t = (long double)(int64_t)v;
	return t < v ? t + 1 : t;
}

long double num_floorl(long double v)
{
	if (!(v > -9.2e18L && v < 9.2e18L))
		return v;
	long double t = (long double)(int64_t)v;
	return t > v ? t - 1 : t;
}

static long double adjust(long double v, int opts)
{
	if (opts & HUMAN_FLOOR)
		return num_floorl(v);
	if (opts & HUMAN_ROUND)
		return v;
	return num_ceill(v);
}

/* Insert the locale's thousands separators into the LEN digits at the
   start of BUF (of HUMAN_BUFSIZE bytes) when they fit. */
static void group_digits(char *buf, size_t len)
{
	const struct lconv *lc = localeconv();
	const char *sep = lc->thousands_sep, *g = lc->grouping;
	size_t seplen = strlen(sep);
	if (!seplen || !*g || *g == CHAR_MAX)
		return;
	char out[HUMAN_BUFSIZE * 4];
	size_t o = sizeof out, i = len, run = 0;
	int size = (unsigned char)*g;
	while (i > 0) {
		if (size > 0 && run == (size_t)size) {
			if (o < seplen + 1)
				return;
			o -= seplen;
			memcpy(out + o, sep, seplen);
			run = 0;
			if (g[1] == CHAR_MAX)
				size = -1;
			else if (g[1])
				size = (unsigned char)*++g;
		}
		out[--o] = buf[--i];
		run++;
	}
	size_t glen = sizeof out - o, tail = strlen(buf + len);
	if (glen + tail >= HUMAN_BUFSIZE)
		return;
	memmove(buf + glen, buf + len, tail + 1);
	memcpy(buf, out + o, glen);
}

char *num_human(uintmax_t n, char *buf, int opts, uintmax_t from_size, uintmax_t to_size)
{
	if (!from_size)
		from_size = 1;
	if (!to_size)
		to_size = 1;
	bool autoscale = opts & HUMAN_AUTOSCALE;
	unsigned base = (opts & HUMAN_SI) && !(opts & HUMAN_BASE_1024) ? 1000 : 1024;
	int power = 0;
	size_t len;
	struct human_amt a;

	if (amt_init(&a, n, from_size, to_size)) {
		bool point = false;
		if (autoscale) {
			while (a.whole >= base && power < MAX_POWER) {
				amt_divide(&a, base);
				power++;
			}
			if (power > 0 && a.whole < 10) {
				if (round_up(&a, opts, true)) {
					a.rest = 0;
					if (++a.tenths == 10) {
						a.whole++;
						a.tenths = 0;
					}
				}
				if (a.whole < 10 && (a.tenths || !(opts & HUMAN_NO_POINT_ZERO))) {
					point = true;
				}
			}
		}
		if (!point && round_up(&a, opts, false)) {
			a.whole++;
			a.tenths = 0;
			if (autoscale && a.whole == base && power < MAX_POWER) {
				a.whole = 1;
				power++;
				point = !(opts & HUMAN_NO_POINT_ZERO);
			}
		}
		len = (size_t)snprintf(buf, HUMAN_BUFSIZE, "%ju", a.whole);
		if (opts & HUMAN_GROUP) {
			group_digits(buf, len);
			len = strlen(buf);
		}
		if (point)
			len += (size_t)snprintf(buf + len, HUMAN_BUFSIZE - len, ".%u", a.tenths);
	} else {
		/* Beyond integers: long double, as GNU does. */
		long double v = (long double)n * ((long double)from_size / (long double)to_size);
		if (autoscale) {
			long double e = 1;
			while (e * base <= v && power < MAX_POWER) {
				e *= base;
				power++;
			}
			v /= e;
		}
		if (autoscale) {
			len = (size_t)snprintf(buf, HUMAN_BUFSIZE, "%.1Lf", adjust(v, opts));
			if (len > 3u + (base == 1000) || ((opts & HUMAN_NO_POINT_ZERO) && buf[len - 1] == '0'))
				len = (size_t)snprintf(buf, HUMAN_BUFSIZE, "%.0Lf", adjust(v * 10, opts) / 10);
		} else {
			len = (size_t)snprintf(buf, HUMAN_BUFSIZE, "%.0Lf", adjust(v, opts));
		}
		if ((opts & HUMAN_GROUP) && !strchr(buf, '.')) {
			group_digits(buf, len);
			len = strlen(buf);
		}
	}

	if (!autoscale && (opts & HUMAN_UNIT))
		for (uintmax_t p = 1; p < to_size && power < MAX_POWER; p *= base)
			power++;
	char unit[8];
	size_t u = 0;
	if (power > 0) {
		unit[u++] = base == 1000 && power == 1 ? 'k' : power_letters[power - 1];
		if (opts & HUMAN_I)
			unit[u++] = 'i';
	}
	if (opts & HUMAN_B)
		unit[u++] = 'B';
	unit[u] = 0;
	snprintf(buf + len, HUMAN_BUFSIZE - len, "%s%s", u && (opts & HUMAN_SPACE) ? " " : "", unit);
	return buf;
}
