/* POSIX backend: starting child processes and collecting their status. */
#include "sys.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>


int sys_spawn(const char *path, char *const argv[], int flags, int *to_child)
{
	int fds[2] = { -1, -1 };
	if (to_child) {
		if (pipe2(fds, O_CLOEXEC) < 0)
			return -1;
		/* The reading end must not already be 0: dup2 onto itself would
		   keep it close-on-exec. */
		if (fds[0] == 0) {
			int moved = fcntl(fds[0], F_DUPFD_CLOEXEC, 3);
			if (moved < 0) {
				int e = errno;
				close(fds[0]);
				close(fds[1]);
				errno = e;
				return -1;
			}
			close(fds[0]);
			fds[0] = moved;
		}
	}
	posix_spawn_file_actions_t actions;
	posix_spawnattr_t attr;
	int err = posix_spawn_file_actions_init(&actions);
	if (err == 0) {
		err = posix_spawnattr_init(&attr);
		if (err != 0)
			posix_spawn_file_actions_destroy(&actions);
	}
	if (err == 0 && to_child)
		err = posix_spawn_file_actions_adddup2(&actions, fds[0], 0);
	if (err == 0 && (flags & SYS_SPAWN_DEFAULT_SIGPIPE)) {
		sigset_t set;
		sigemptyset(&set);
		sigaddset(&set, SIGPIPE);
		err = posix_spawnattr_setsigdefault(&attr, &set);
		if (err == 0)
			err = posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
	}
	pid_t pid = -1;
	if (err == 0)
		err = posix_spawn(&pid, path, &actions, &attr, argv, sys_environ());
	posix_spawn_file_actions_destroy(&actions);
	posix_spawnattr_destroy(&attr);
	if (to_child)
		close(fds[0]);
	if (err != 0) {
		if (to_child)
			close(fds[1]);
		errno = err;
		return -1;
	}
	if (to_child)
		*to_child = fds[1];
	return (int)pid;
}

int sys_wait(int pid, struct sys_child_status *st)
{
	int ws;
	pid_t r;
	do
		r = waitpid((pid_t)pid, &ws, 0);
	while (r < 0 && errno == EINTR);
	if (r < 0)
		return -1;
	st->signaled = WIFSIGNALED(ws);
	st->code = st->signaled ? WTERMSIG(ws) : WEXITSTATUS(ws);
	return 0;
}
