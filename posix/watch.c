/* POSIX backend: change notification for tail -f, on inotify. */
#include "sys.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef __linux__
#include <sys/inotify.h>

struct sys_watch {
	int fd;
};

sys_watch *sys_watch_open(void)
{
	int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (fd < 0)
		return NULL;
	sys_watch *w = malloc(sizeof *w);
	if (!w) {
		close(fd);
		errno = ENOMEM;
		return NULL;
	}
	w->fd = fd;
	return w;
}

int sys_watch_add(sys_watch *w, const char *path)
{
	return inotify_add_watch(w->fd, path,
				 IN_MODIFY | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF |
				 IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CLOSE_WRITE);
}

void sys_watch_remove(sys_watch *w, int id)
{
	inotify_rm_watch(w->fd, id);
}

int sys_watch_wait(sys_watch *w, int timeout_ms)
{
	struct pollfd p = { .fd = w->fd, .events = POLLIN };
	int r;
	do
		r = poll(&p, 1, timeout_ms);
	while (r < 0 && errno == EINTR);
	if (r <= 0)
		return r;
	char buf[8192];
	while (read(w->fd, buf, sizeof buf) > 0)
		;
	return 1;
}

void sys_watch_close(sys_watch *w)
{
	if (w) {
		close(w->fd);
		free(w);
	}
}

#else

sys_watch *sys_watch_open(void) { errno = ENOSYS; return NULL; }
int sys_watch_add(sys_watch *w, const char *path) { (void)w; (void)path; errno = ENOSYS; return -1; }
void sys_watch_remove(sys_watch *w, int id) { (void)w; (void)id; }
int sys_watch_wait(sys_watch *w, int timeout_ms) { (void)w; (void)timeout_ms; errno = ENOSYS; return -1; }
void sys_watch_close(sys_watch *w) { (void)w; }

#endif
