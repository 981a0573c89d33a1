/*
 * Formatting times with strftime() in the local time zone (TZ), plus
 * GNU's %N (nanoseconds; %3N keeps the first 3 digits) that C's strftime
 * lacks. The C99 and POSIX conversions that some C libraries lack (%e %C
 * %u %s %z %F %T %D %R %r %h %n %t, written without flags or width) are
 * done here, so they come out alike on every system.
 */
#ifndef COREBOX_TIMEFMT_H
#define COREBOX_TIMEFMT_H

#include <stdint.h>

/* SEC.NSEC (seconds since the Epoch) formatted with FMT in local time, as
   a malloc'd string; NULL when the time cannot be represented there. */
char *time_format_local(const char *fmt, int64_t sec, int32_t nsec);

#endif
