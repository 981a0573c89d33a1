/* Keeping files off the standard descriptors. */
#include "fdsafer.h"

#include <errno.h>

#include "sys.h"

int fd_safer(int fd)
{
	if (fd < 0 || fd > 2)
		return fd;
	int moved = fd_safer(sys_dup(fd));
	int err = errno;
	sys_close(fd);
	errno = err;
	return moved;
}
