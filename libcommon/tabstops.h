/*
 * Tab stops as expand and unexpand take them: "-t N" (every N columns),
 * a list of columns "2,5 9", and after the list's last stop either
 * "/N" (further stops at multiples of N) or "+N" (further stops every N
 * columns after the last one). Errors are GNU's, with status 1.
 */
#ifndef COREBOX_TABSTOPS_H
#define COREBOX_TABSTOPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct tabstops {
	intmax_t *list;      /* explicit stops, columns counted from 0 */
	size_t n, cap;
	intmax_t size;       /* after tabs_finish: every SIZE columns, or 0 */
	intmax_t extend;     /* "/N" */
	intmax_t increment;  /* "+N" */
	intmax_t max_gap;    /* the widest distance between two stops */
};

void tabs_init(struct tabstops *t);
/* Add the stops of a -t argument (comma or blank separated); on a bad
   list print every problem found and exit with status 1. */
void tabs_parse(struct tabstops *t, const char *spec);
/* Add one explicit stop at the end of the list. */
void tabs_add(struct tabstops *t, intmax_t stop);
/* Check the list (nonzero, ascending, not both '/' and '+') and settle
   the default of 8; dies with GNU's message when it is bad. */
void tabs_finish(struct tabstops *t);
/* The column of the first stop after COLUMN. *INDEX (start it at 0 for
   each line) remembers the place in the list. *PAST_END is set when the
   list is exhausted with no '/' or '+' rule: the result is then
   COLUMN + 1. Dies with "input line is too long" on overflow. */
intmax_t tabs_next(const struct tabstops *t, intmax_t column, size_t *index, bool *past_end);

#endif
