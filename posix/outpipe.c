/* POSIX backend: noticing that the reader of an output pipe went away. */
#include "sys.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

bool sys_output_broken(int fd)
{
	/* POLLRDBAND: some systems report a closed reader only when a read
	   event is asked for; Linux sets POLLERR on the writing end. */
	struct pollfd p = { .fd = fd, .events = POLLRDBAND };
	int r;
	do
		r = poll(&p, 1, 0);
	while (r < 0 && errno == EINTR);
	return r > 0 && (p.revents & (POLLERR | POLLHUP)) != 0;
}

void sys_exit_sigpipe(int status)
{
	raise(SIGPIPE);
	_exit(status);
}
