/*
 * Numbers on the command line: GNU's integer parsing with multiplier
 * suffixes (xstrtoumax's rules), range checks with GNU's messages, and
 * human-readable sizes.
 */
#ifndef COREBOX_NUM_H
#define COREBOX_NUM_H

#include <stdbool.h>
#include <stdint.h>

enum num_status {
	NUM_OK = 0,
	NUM_OVERFLOW = 1,        /* value saturated at UINTMAX_MAX / INTMAX_MIN..MAX */
	NUM_INVALID_SUFFIX = 2,  /* digits followed by junk */
	NUM_INVALID = 4,         /* no number at all */
};

/* Parse S as a decimal integer followed by at most one multiplier from
   SUFFIXES (NULL: none allowed). The letters mean: b 512, c 1, w 2,
   k/K 1024, m/M 1024^2, g/G, t/T, P, E, Z, Y, R, Q (powers of 1024), B
   1024. When SUFFIXES contains '0', a letter may be followed by "B" or "D"
   (powers of 1000: "kB", "MB") or "iB" (1024: "KiB"). Leading blanks are
   skipped; a minus sign is invalid. A suffix with no digits means 1 of it.
   The result may combine NUM_OVERFLOW with NUM_INVALID_SUFFIX. */
int num_parse_umax(const char *s, const char *suffixes, uintmax_t *out);
/* The same for a signed value ('-' allowed). */
int num_parse_imax(const char *s, const char *suffixes, intmax_t *out);

/* Parse S into [MIN, MAX] or die as GNU's xdectoumax does:
   "PROG: WHAT: 'S'" (plus ": Value too large for defined data type" on
   overflow, ": Numerical result out of range" outside the range), with
   diag_fail_status. */
uintmax_t num_xparse_umax(const char *s, const char *suffixes, uintmax_t min, uintmax_t max, const char *what);
intmax_t num_xparse_imax(const char *s, const char *suffixes, intmax_t min, intmax_t max, const char *what);

/* Human-readable sizes, like GNU's human_readable(). */
enum {
	HUMAN_CEILING = 0,        /* round up (the default for sizes) */
	HUMAN_ROUND = 1,          /* round to nearest */
	HUMAN_FLOOR = 2,          /* round down */
	HUMAN_GROUP = 4,          /* thousands separators (locale) */
	HUMAN_SI = 8,             /* powers of 1000 instead of 1024 */
	HUMAN_AUTOSCALE = 16,     /* pick the unit: 1.5K, 23M ... */
	HUMAN_BASE_1024 = 32,     /* with SI: still 1024 (for "KiB") */
	HUMAN_SPACE = 64,         /* a space before the unit */
	HUMAN_B = 128,            /* append 'B' */
	HUMAN_I = 256,            /* append "i" after the prefix ("Ki") */
};
enum { HUMAN_BUFSIZE = 64 };

/* Format N units of FROM_SIZE bytes as a count of TO_SIZE-byte units
   (or autoscaled), into BUF. Returns BUF. */
char *num_human(uintmax_t n, char *buf, int opts, uintmax_t from_size, uintmax_t to_size);

#endif
