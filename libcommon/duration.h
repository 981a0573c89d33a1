/*
 * Time intervals on the command line, as sleep and timeout read them:
 * a floating-point NUMBER of seconds ("10", "0.5", "0x1p-3", "inf") with
 * an optional unit letter: s (seconds), m (minutes), h (hours), d (days).
 * tail -s takes the same numbers without a unit.
 */
#ifndef COREBOX_DURATION_H
#define COREBOX_DURATION_H

#include <stdbool.h>
#include <stdint.h>

enum {
	DURATION_NO_UNIT = 1, /* no unit letter allowed (tail -s) */
};

/* Parse S into *SECONDS. False when S is not a number (in the locale's or
   the C locale's syntax), is negative or NaN, or has anything after the
   number but one unit letter. Overflow gives +infinity; a positive value
   too small to represent stays positive (it sleeps at least 1 ns). */
bool duration_parse(const char *s, int flags, long double *seconds);

/* SECONDS as nanoseconds, rounded up (never shorter than asked), 0 for
   values <= 0 and INT64_MAX for anything longer. */
int64_t duration_ns(long double seconds);

/* Sleep for SECONDS (infinity: forever), resuming after signals.
   Returns 0, or -1 with errno when the system cannot sleep. */
int duration_sleep(long double seconds);

#endif
