/* Time intervals: "1.5", "2m", "1d", "inf". */
#include "duration.h"

#include <errno.h>
#include <float.h>
#include <math.h>

#include "num.h"
#include "sys.h"

enum { NS_PER_SEC = 1000000000 };

/* Seconds per unit letter C, or 0 when C is not a unit. */
static long unit_seconds(char c)
{
	switch (c) {
	case 's':
		return 1;
	case 'm':
		return 60;
	case 'h':
		return 60 * 60;
	case 'd':
		return 24 * 60 * 60;
	default:
		return 0;
	}
}

bool duration_parse(const char *s, int flags, long double *seconds)
{
	char *end;
	errno = 0;
	long double v = num_strtold(s, &end);
	if (end == s)
		return false;
	if (v == 0 && errno == ERANGE)
		v = signbit(v) ? -LDBL_TRUE_MIN : LDBL_TRUE_MIN;
	if (!(v >= 0))
		return false;
	if (*end) {
		long mult = unit_seconds(*end);
		if ((flags & DURATION_NO_UNIT) || !mult || end[1])
			return false;
		v *= mult;
	}
	*seconds = v;
	return true;
}

int64_t duration_ns(long double seconds)
{
	if (!(seconds > 0))
		return 0;
	if (seconds >= (long double)INT64_MAX / NS_PER_SEC)
		return INT64_MAX;
	return (int64_t)num_ceill(seconds * NS_PER_SEC);
}

int duration_sleep(long double seconds)
{
	if (isinf(seconds)) {
		for (;;)
			if (sys_sleep_ns(INT64_MAX) < 0)
				return -1;
	}
	/* Whole chunks of a long sleep first, so nothing saturates. */
	const long double chunk = 1e9L;
	while (seconds > chunk) {
		if (sys_sleep_ns((int64_t)(chunk * NS_PER_SEC)) < 0)
			return -1;
		seconds -= chunk;
	}
	return sys_sleep_ns(duration_ns(seconds));
}
