/*
 * Formatting times with strftime() in the local time zone (TZ), plus
 * GNU's %N (nanoseconds; %3N keeps the first 3 digits) that C's strftime
 * lacks.
 */
#ifndef COREBOX_TIMEFMT_H
#define COREBOX_TIMEFMT_H

#include <stdint.h>

/* SEC.NSEC (seconds since the Epoch) formatted with FMT in local time, as
   a malloc'd string; NULL when the time cannot be represented there. */
char *time_format_local(const char *fmt, int64_t sec, int32_t nsec);

#endif
