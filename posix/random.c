/* POSIX backend: random bytes and temporary files. */
#include "sys.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

int sys_random_bytes(void *buf, size_t len)
{
	char *p = buf;
	while (len > 0) {
		ssize_t n = getrandom(p, len, 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int sys_tmpfile(void)
{
	const char *dir = getenv("TMPDIR");
	if (!dir || !*dir)
		dir = "/tmp";
#ifdef O_TMPFILE
	int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL))
		return fd;
#endif
	size_t n = strlen(dir);
	char *name = malloc(n + sizeof "/cbXXXXXX");
	if (!name)
		return -1;
	memcpy(name, dir, n);
	memcpy(name + n, "/cbXXXXXX", sizeof "/cbXXXXXX");
	int tfd = mkostemp(name, O_CLOEXEC);
	if (tfd >= 0)
		unlink(name);
	int e = errno;
	free(name);
	errno = e;
	return tfd;
}
