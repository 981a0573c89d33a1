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

/* The smallest integer not below V (ceill without the math library, so
   that corebox links to nothing but the C library). */
long double num_ceill(long double v);
/* The largest integer not above V (floorl, likewise). */
long double num_floorl(long double v);

/* The --help paragraph for sizes parsed with GNU's size suffixes. */
#define NUM_SUFFIX_HELP \
	"NUM may end in a multiplier: b 512, kB 1000, K 1024, MB 1000*1000,\n" \
	"M 1024*1024, GB 1000^3, G 1024^3, and likewise T, P, E, Z, Y, R, Q;\n" \
	"KiB, MiB ... mean the same as K, M ..."

/* Parse S into [MIN, MAX] or die as GNU's xdectoumax does:
   "PROG: WHAT: 'S'" (plus ": Value too large for defined data type" on
   overflow or outside the range), with diag_fail_status. */
uintmax_t num_xparse_umax(const char *s, const char *suffixes, uintmax_t min, uintmax_t max, const char *what);
intmax_t num_xparse_imax(const char *s, const char *suffixes, intmax_t min, intmax_t max, const char *what);

/* The same with gnulib's xnumtoumax flags: a value below MIN (above MAX)
   is reported with ": Numerical result out of range" under
   NUM_X_MIN_RANGE (NUM_X_MAX_RANGE), or quietly clamped to MIN (MAX)
   under NUM_X_MIN_QUIET (NUM_X_MAX_QUIET), errno then telling
   ERANGE/EOVERFLOW (0 when in range). For unsigned values only
   NUM_X_MAX_QUIET counts, and it quiets both ends (gnulib's rule). */
enum {
	NUM_X_MIN_RANGE = 1,
	NUM_X_MAX_RANGE = 2,
	NUM_X_MIN_QUIET = 4,
	NUM_X_MAX_QUIET = 8,
};
uintmax_t num_xparse_umax_flags(const char *s, const char *suffixes, uintmax_t min, uintmax_t max,
				const char *what, int flags);
intmax_t num_xparse_imax_flags(const char *s, const char *suffixes, intmax_t min, intmax_t max,
			       const char *what, int flags);

/* Floating point (num_float.c). num_strtold() is strtold() that also
   accepts the C locale's syntax when the current locale's decimal point
   is not '.' (the longer parse wins; a tie goes to the locale). */
long double num_strtold(const char *s, char **end);
/* Parse all of S as a floating-point number: false when there is no
   number, something follows it, or it overflows (underflow is fine).
   *OUT gets the value in every case. */
bool num_parse_ldouble(const char *s, long double *out);

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
	HUMAN_UNIT = 512,         /* without AUTOSCALE: append TO_SIZE's prefix
	                             (a power of the base: --block-size=M) */
	HUMAN_NO_POINT_ZERO = 1024, /* with AUTOSCALE: "1K", not "1.0K" */
};
enum { HUMAN_BUFSIZE = 64 };

/* Format N units of FROM_SIZE bytes as a count of TO_SIZE-byte units
   (or autoscaled), into BUF. Returns BUF. */
char *num_human(uintmax_t n, char *buf, int opts, uintmax_t from_size, uintmax_t to_size);

#endif
