/* POSIX backend: threads and positioned reads. */
#include "sys.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct sys_thread {
	pthread_t id;
	void (*fn)(void *);
	void *arg;
};

static void *thread_main(void *p)
{
	struct sys_thread *t = p;
	t->fn(t->arg);
	return NULL;
}

sys_thread *sys_thread_start(void (*fn)(void *), void *arg)
{
	struct sys_thread *t = malloc(sizeof *t);
	if (!t)
		return NULL;
	t->fn = fn;
	t->arg = arg;
	int err = pthread_create(&t->id, NULL, thread_main, t);
	if (err) {
		free(t);
		errno = err;
		return NULL;
	}
	return t;
}

void sys_thread_join(sys_thread *t)
{
	pthread_join(t->id, NULL);
	free(t);
}

sys_ssize sys_pread(int fd, void *buf, size_t len, sys_off offset)
{
	ssize_t n;
	do
		n = pread(fd, buf, len, (off_t)offset);
	while (n < 0 && errno == EINTR);
	return n;
}
