/* Integer parsing with suffixes, and human-readable sizes. */
#include "num.h"

#include <ctype.h>
#include <errno.h>
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
	if (strchr(suffixes, '0')) {
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
		if (!*p || !suffixes || !strchr(suffixes, *p))
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
	if (neg && (*p == '-' || *p == '+' || isspace((unsigned char)*p))) {
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

uintmax_t num_xparse_umax(const char *s, const char *suffixes, uintmax_t min, uintmax_t max, const char *what)
{
	uintmax_t v;
	int st = num_parse_umax(s, suffixes, &v);
	if (st == NUM_OK && v >= min && v <= max)
		return v;
	int err = 0;
	if (st == NUM_OVERFLOW)
		err = EOVERFLOW;
	else if (st == NUM_OK)
		err = ERANGE;
	diag_die(diag_fail_status, err, "%s: %s", what, quote(s));
}

intmax_t num_xparse_imax(const char *s, const char *suffixes, intmax_t min, intmax_t max, const char *what)
{
	intmax_t v;
	int st = num_parse_imax(s, suffixes, &v);
	if (st == NUM_OK && v >= min && v <= max)
		return v;
	int err = 0;
	if (st == NUM_OVERFLOW)
		err = EOVERFLOW;
	else if (st == NUM_OK)
		err = ERANGE;
	diag_die(diag_fail_status, err, "%s: %s", what, quote(s));
}

static const char power_letters[] = "KMGTPEZYRQ";

/* Divide with the requested rounding. */
static uintmax_t div_round(uintmax_t n, uintmax_t d, int opts, uintmax_t *rem)
{
	uintmax_t q = n / d, r = n % d;
	if (rem)
		*rem = r;
	if (r == 0)
		return q;
	if (opts & HUMAN_FLOOR)
		return q;
	if (opts & HUMAN_ROUND)
		return q + (2 * r >= d);
	return q + 1;
}

char *num_human(uintmax_t n, char *buf, int opts, uintmax_t from_size, uintmax_t to_size)
{
	if (!from_size)
		from_size = 1;
	if (!to_size)
		to_size = 1;
	long double amt = (long double)n * (long double)from_size;
	if (!(opts & HUMAN_AUTOSCALE)) {
		uintmax_t v;
		if (from_size % to_size == 0 && (from_size / to_size == 0 || n <= UINTMAX_MAX / (from_size / to_size)))
			v = n * (from_size / to_size);
		else if (to_size % from_size == 0)
			v = div_round(n, to_size / from_size, opts, NULL);
		else
			v = (uintmax_t)(amt / to_size + ((opts & (HUMAN_FLOOR | HUMAN_ROUND)) ? ((opts & HUMAN_ROUND) ? 0.5L : 0) : 0.999999L));
		snprintf(buf, HUMAN_BUFSIZE, "%ju", v);
		return buf;
	}
	unsigned base = (opts & HUMAN_SI) && !(opts & HUMAN_BASE_1024) ? 1000 : 1024;
	amt /= (long double)to_size;
	int power = 0;
	while (amt >= base && power < 10) {
		amt /= base;
		power++;
	}
	const char *unit = "";
	char ubuf[8] = "";
	if (power > 0) {
		ubuf[0] = (base == 1000 && power == 1) ? 'k' : power_letters[power - 1];
		size_t u = 1;
		if (opts & HUMAN_I)
			ubuf[u++] = 'i';
		if (opts & HUMAN_B)
			ubuf[u++] = 'B';
		ubuf[u] = 0;
		unit = ubuf;
	} else if (opts & HUMAN_B) {
		unit = "B";
	}
	const char *sp = (opts & HUMAN_SPACE) && *unit ? " " : "";
	if (power > 0 && amt < 10) {
		/* One decimal: x.y, rounded in the chosen direction. */
		long double tenths = amt * 10;
		uintmax_t t = (uintmax_t)tenths;
		long double frac = tenths - (long double)t;
		if (frac > 0) {
			if (opts & HUMAN_FLOOR)
				;
			else if (opts & HUMAN_ROUND)
				t += frac >= 0.5L;
			else
				t += 1;
		}
		if (t >= 100) {
			snprintf(buf, HUMAN_BUFSIZE, "%ju%s%s", t / 10, sp, unit);
		} else {
			snprintf(buf, HUMAN_BUFSIZE, "%ju.%ju%s%s", t / 10, t % 10, sp, unit);
		}
		return buf;
	}
	uintmax_t w = (uintmax_t)amt;
	long double frac = amt - (long double)w;
	if (frac > 0) {
		if (opts & HUMAN_FLOOR)
			;
		else if (opts & HUMAN_ROUND)
			w += frac >= 0.5L;
		else
			w += 1;
	}
	if (power > 0 && w >= base && power < 10) {
		/* Rounding carried into the next unit: 1024K -> 1.0M. */
		power++;
		ubuf[0] = power_letters[power - 1];
		snprintf(buf, HUMAN_BUFSIZE, "1.0%s%s", sp, unit);
		return buf;
	}
	snprintf(buf, HUMAN_BUFSIZE, "%ju%s%s", w, sp, unit);
	return buf;
}
