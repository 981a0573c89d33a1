/*
 * ioramp.h: read sizes for copy loops that may end soon (head -c N,
 * tail's last lines). The first reads are small, so that a short copy
 * touches few fresh pages of its buffer (a first-touch page fault costs
 * far more than an extra read, in a virtual machine over ten times
 * more); once the copy has moved IO_RAMP_AFTER bytes, reads use the
 * whole buffer.
 */
#ifndef COREBOX_IORAMP_H
#define COREBOX_IORAMP_H

#include <stddef.h>
#include <stdint.h>

enum { IO_RAMP_FIRST = 16 * 1024, IO_RAMP_AFTER = 64 * 1024 };

/* The size of the next read, after DONE bytes, with a buffer of CAP. */
static inline size_t io_ramp(uintmax_t done, size_t cap)
{
	return done < IO_RAMP_AFTER && cap > IO_RAMP_FIRST ? IO_RAMP_FIRST : cap;
}

#endif
