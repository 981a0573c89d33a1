/* Which versions of a shared library the dynamic linker knows: glibc's
   ld.so.cache holds the name of every library ldconfig found. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "in.h"
#include "sys.h"

#define LD_CACHE "/etc/ld.so.cache"

int sys_lib_newest(const char *prefix)
{
	int fd = open(LD_CACHE, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	size_t len;
	char *buf = in_read_all(fd, &len);
	close(fd);
	if (!buf)
		return 0;
	/* Names are NUL-terminated strings: PREFIX, digits, NUL. */
	size_t plen = strlen(prefix);
	int newest = 0;
	const char *p = buf, *end = buf + len;
	while ((p = memmem(p, (size_t)(end - p), prefix, plen)) != NULL) {
		const char *d = p + plen;
		long v = 0;
		while (d < end && *d >= '0' && *d <= '9' && v < 100000)
			v = v * 10 + (*d++ - '0');
		if (d < end && *d == 0 && d > p + plen && v > newest)
			newest = (int)v;
		p += plen;
	}
	free(buf);
	return newest;
}
