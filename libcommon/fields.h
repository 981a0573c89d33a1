/*
 * Field and position lists as cut -f/-b/-c and numfmt --field take them:
 * "1,3-5,7-" and "-2", numbers and ranges separated by commas or blanks.
 *
 * A parsed list is an array of ranges sorted by their first number,
 * merged where they overlap, and ended by a sentinel range whose lo and
 * hi are both UINTMAX_MAX. An open range ("7-") has hi UINTMAX_MAX; the
 * largest number a user may give is UINTMAX_MAX - 1.
 */
#ifndef COREBOX_FIELDS_H
#define COREBOX_FIELDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct field_range {
	uintmax_t lo, hi;
};

enum {
	FIELDS_ALLOW_DASH = 1,  /* a lone "-" means every field (numfmt) */
	FIELDS_COMPLEMENT = 2,  /* select what the list leaves out */
	FIELDS_POSITIONS = 4,   /* messages speak of byte/character positions */
};

/* Parse SPEC into a malloc'd, sentinel-terminated array (*OUT) and return
   NULL; *COUNT (when not NULL) gets the number of ranges before the
   sentinel. On an error return GNU's message for it (malloc'd, e.g.
   "invalid decreasing range") and leave *OUT NULL. */
char *fields_parse(const char *spec, unsigned flags, struct field_range **out, size_t *count);

/* fields_parse(), or print its message as a usage error ("Try 'PROG
   --help'...") and exit with the usage status. */
struct field_range *fields_xparse(const char *spec, unsigned flags);

/* True when field N is in the sentinel-terminated list R. */
bool fields_has(const struct field_range *r, uintmax_t n);

#endif
