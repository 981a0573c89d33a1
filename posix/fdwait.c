/* POSIX backend: descriptor modes and waiting on descriptors. */
#include "sys.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>

int sys_fd_is_append(int fd)
{
	int fl = fcntl(fd, F_GETFL);
	if (fl < 0)
		return -1;
	return (fl & O_APPEND) != 0;
}

int sys_wait_writable(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLOUT };
	for (;;) {
		int r = poll(&p, 1, -1);
		if (r > 0)
			return 0;
		if (r < 0 && errno != EINTR)
			return -1;
	}
}

int sys_wait_input_or_broken(int in, int out)
{
	/* POLLRDBAND on the output: some systems report a closed reader only
	   when a read event is asked for. */
	struct pollfd p[2] = {
		{ .fd = in, .events = POLLIN | POLLRDBAND },
		{ .fd = out, .events = POLLRDBAND },
	};
	for (;;) {
		int r = poll(p, 2, -1);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (p[0].revents)
			return 0;
		if (p[1].revents & (POLLERR | POLLHUP | POLLNVAL))
			return 1;
	}
}
