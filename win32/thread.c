/* Windows backend: threads and positioned reads. */
#include "sys.h"
#include "w32.h"

#include <errno.h>
#include <stdlib.h>

struct sys_thread {
	HANDLE h;
	void (*fn)(void *);
	void *arg;
};

static DWORD WINAPI thread_main(LPVOID p)
{
	struct sys_thread *t = p;
	t->fn(t->arg);
	return 0;
}

sys_thread *sys_thread_start(void (*fn)(void *), void *arg)
{
	struct sys_thread *t = malloc(sizeof *t);
	if (!t)
		return NULL;
	t->fn = fn;
	t->arg = arg;
	t->h = CreateThread(NULL, 0, thread_main, t, 0, NULL);
	if (!t->h) {
		w32_fail();
		free(t);
		return NULL;
	}
	return t;
}

void sys_thread_join(sys_thread *t)
{
	WaitForSingleObject(t->h, INFINITE);
	CloseHandle(t->h);
	free(t);
}

/* ReadFile at an offset; on a handle opened for synchronous I/O Windows
   serialises the calls and moves the file pointer, as sys.h allows. */
sys_ssize sys_pread(int fd, void *buf, size_t len, sys_off offset)
{
	HANDLE h = w32_handle(fd);
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	OVERLAPPED ov = {0};
	ov.Offset = (DWORD)((uint64_t)offset & 0xffffffffu);
	ov.OffsetHigh = (DWORD)((uint64_t)offset >> 32);
	DWORD got;
	if (len > 0x7ffff000)
		len = 0x7ffff000;
	if (ReadFile(h, buf, (DWORD)len, &got, &ov))
		return got;
	DWORD code = GetLastError();
	if (code == ERROR_HANDLE_EOF || code == ERROR_BROKEN_PIPE)
		return 0;
	return w32_set_errno(w32_errno(code));
}
