/*
 * Windows backend: child processes that run beside us (sys_spawn,
 * sys_wait), started by exec.c's w32_start_process.
 *
 * A child's id is its Windows process id; its process handle is kept
 * here until sys_wait collects it, as a zombie is kept on POSIX. The pipe
 * to the child's standard input is a Windows pipe whose reading end only
 * that child inherits. Windows has no signals: a child that ends by
 * Ctrl-C or by one of the exceptions POSIX would raise a signal for is
 * reported as killed by that signal; every other status is its exit code.
 * Children always start with SIGPIPE at its default action (the emulation
 * in signal.c is per process), so SYS_SPAWN_DEFAULT_SIGPIPE needs nothing.
 */
#include "sys.h"
#include "w32.h"

#include <errno.h>
#include <stdlib.h>

/* Big enough that a writer rarely waits for its reader. */
enum { PIPE_SIZE = 64 * 1024 };

struct child {
	int pid;
	HANDLE h;
};

static struct child *children;
static size_t nchildren, capchildren;
static SRWLOCK children_lock = SRWLOCK_INIT;

static bool remember(int pid, HANDLE h)
{
	bool ok = true;
	AcquireSRWLockExclusive(&children_lock);
	if (nchildren == capchildren) {
		size_t cap = capchildren ? capchildren * 2 : 8;
		struct child *c = realloc(children, cap * sizeof *c);
		if (c) {
			children = c;
			capchildren = cap;
		} else {
			ok = false;
		}
	}
	if (ok)
		children[nchildren++] = (struct child){ pid, h };
	ReleaseSRWLockExclusive(&children_lock);
	return ok;
}

/* The handle of child PID, taken out of the table; NULL if none. */
static HANDLE take(int pid)
{
	HANDLE h = NULL;
	AcquireSRWLockExclusive(&children_lock);
	for (size_t i = 0; i < nchildren; i++) {
		if (children[i].pid == pid) {
			h = children[i].h;
			children[i] = children[--nchildren];
			break;
		}
	}
	ReleaseSRWLockExclusive(&children_lock);
	return h;
}

int sys_spawn(const char *path, char *const argv[], int flags, int *to_child)
{
	(void)flags;
	HANDLE rd = NULL, wr = NULL;
	if (to_child && !CreatePipe(&rd, &wr, NULL, PIPE_SIZE))
		return w32_fail();
	HANDLE std[3];
	for (int i = 0; i < 3; i++) {
		HANDLE h = w32_handle(i);
		std[i] = h == INVALID_HANDLE_VALUE ? NULL : h;
	}
	if (to_child)
		std[0] = rd;
	PROCESS_INFORMATION pi;
	bool ok = w32_start_process(path, false, argv, std, 0, &pi);
	int e = errno;
	if (rd)
		CloseHandle(rd);
	if (!ok) {
		if (wr)
			CloseHandle(wr);
		return w32_set_errno(e);
	}
	CloseHandle(pi.hThread);
	int pid = (int)pi.dwProcessId;
	if (!remember(pid, pi.hProcess)) {
		/* The child runs on; only its status is lost. */
		CloseHandle(pi.hProcess);
		if (wr)
			CloseHandle(wr);
		return w32_set_errno(ENOMEM);
	}
	if (to_child) {
		int fd = w32_fd_from_handle(wr);
		if (fd < 0) {
			/* The child sees the end of its input and ends. */
			e = errno;
			struct sys_child_status st;
			sys_wait(pid, &st);
			return w32_set_errno(e);
		}
		*to_child = fd;
	}
	return pid;
}

/* The signal POSIX would have killed a child with, for Windows exit
   status CODE, or 0. */
static int status_signal(DWORD code)
{
	switch (code) {
	case STATUS_CONTROL_C_EXIT:
		return sys_sig_number("INT");
	case STATUS_ACCESS_VIOLATION:
	case STATUS_STACK_OVERFLOW:
	case STATUS_IN_PAGE_ERROR:
		return sys_sig_number("SEGV");
	case STATUS_ILLEGAL_INSTRUCTION:
	case STATUS_PRIVILEGED_INSTRUCTION:
		return sys_sig_number("ILL");
	case STATUS_INTEGER_DIVIDE_BY_ZERO:
	case STATUS_INTEGER_OVERFLOW:
	case STATUS_FLOAT_DIVIDE_BY_ZERO:
	case STATUS_FLOAT_INVALID_OPERATION:
	case STATUS_FLOAT_OVERFLOW:
		return sys_sig_number("FPE");
	default:
		return 0;
	}
}

int sys_wait(int pid, struct sys_child_status *st)
{
	HANDLE h = take(pid);
	if (!h)
		return w32_set_errno(ECHILD);
	DWORD code = 1;
	if (WaitForSingleObject(h, INFINITE) != WAIT_OBJECT_0 || !GetExitCodeProcess(h, &code)) {
		int r = w32_fail();
		remember(pid, h);
		return r;
	}
	CloseHandle(h);
	int sig = status_signal(code);
	st->signaled = sig != 0;
	st->code = sig ? sig : (int)code;
	return 0;
}
