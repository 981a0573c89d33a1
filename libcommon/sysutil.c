/* The parts of the platform interface (sys.h) that are the same on every
   system, built on the rest of it. */
#include "sys.h"

#include <errno.h>

int sys_write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	while (len > 0) {
		sys_ssize n = sys_write(fd, p, len);
		if (n < 0)
			return -1;
		if (n == 0) {
			errno = ENOSPC;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}
