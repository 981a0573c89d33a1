/*
 * Windows backend: change notification for tail -f, on
 * FindFirstChangeNotificationW. Windows watches directories only: a file
 * is watched through its directory (names, sizes, times, attributes), so
 * a change to a neighbour wakes the caller too, which the contract
 * allows ("may have changed"). Windows updates a file's size in its
 * directory lazily while another process holds it open, so a wait never
 * lasts longer than a second: after that it reports a possible change
 * and the caller looks again. At most 64 directories (one wait).
 */
#include "sys.h"
#include "w32.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

enum { MAX_WAIT_MS = 1000 };

struct slot {
	HANDLE h;
	wchar_t *dir;
	int refs;
};

struct sys_watch {
	struct slot s[MAXIMUM_WAIT_OBJECTS];
};

sys_watch *sys_watch_open(void)
{
	sys_watch *w = calloc(1, sizeof *w);
	if (!w)
		errno = ENOMEM;
	return w;
}

/* The full path of the directory to watch for PATH (malloc'd). */
static wchar_t *watched_dir(const char *path)
{
	wchar_t *w = w32_path_wide(path);
	if (!w)
		return NULL;
	DWORD a = GetFileAttributesW(w);
	if (a == INVALID_FILE_ATTRIBUTES) {
		DWORD code = GetLastError();
		errno = w32_path_errno(w, code);
		free(w);
		return NULL;
	}
	if (!(a & FILE_ATTRIBUTE_DIRECTORY)) {
		size_t n = wcslen(w);
		while (n > 0 && w[n - 1] != L'/' && w[n - 1] != L'\\' && w[n - 1] != L':')
			n--;
		if (n == 0) {
			w[0] = L'.';
			n = 1;
		}
		w[n] = 0;
	}
	DWORD n = GetFullPathNameW(w, 0, NULL, NULL);
	wchar_t *full = n ? malloc(n * sizeof *full) : NULL;
	if (!full || GetFullPathNameW(w, n, full, NULL) >= n) {
		free(full);
		free(w);
		errno = ENOMEM;
		return NULL;
	}
	free(w);
	return full;
}

int sys_watch_add(sys_watch *w, const char *path)
{
	wchar_t *dir = watched_dir(path);
	if (!dir)
		return -1;
	int free_slot = -1;
	for (int i = 0; i < MAXIMUM_WAIT_OBJECTS; i++) {
		if (w->s[i].refs && _wcsicmp(w->s[i].dir, dir) == 0) {
			w->s[i].refs++;
			free(dir);
			return i;
		}
		if (!w->s[i].refs && free_slot < 0)
			free_slot = i;
	}
	if (free_slot < 0) {
		free(dir);
		return w32_set_errno(ENOSPC);
	}
	HANDLE h = FindFirstChangeNotificationW(dir, FALSE,
						FILE_NOTIFY_CHANGE_FILE_NAME | FILE_NOTIFY_CHANGE_DIR_NAME
						| FILE_NOTIFY_CHANGE_ATTRIBUTES | FILE_NOTIFY_CHANGE_SIZE
						| FILE_NOTIFY_CHANGE_LAST_WRITE | FILE_NOTIFY_CHANGE_CREATION);
	if (h == INVALID_HANDLE_VALUE) {
		free(dir);
		return w32_fail();
	}
	w->s[free_slot] = (struct slot){ h, dir, 1 };
	return free_slot;
}

void sys_watch_remove(sys_watch *w, int id)
{
	if (id < 0 || id >= MAXIMUM_WAIT_OBJECTS || !w->s[id].refs)
		return;
	if (--w->s[id].refs == 0) {
		FindCloseChangeNotification(w->s[id].h);
		free(w->s[id].dir);
		w->s[id] = (struct slot){ 0 };
	}
}

int sys_watch_wait(sys_watch *w, int timeout_ms)
{
	HANDLE hs[MAXIMUM_WAIT_OBJECTS];
	DWORD n = 0;
	for (int i = 0; i < MAXIMUM_WAIT_OBJECTS; i++)
		if (w->s[i].refs)
			hs[n++] = w->s[i].h;
	bool capped = timeout_ms < 0 || timeout_ms > MAX_WAIT_MS;
	DWORD t = capped ? MAX_WAIT_MS : (DWORD)timeout_ms;
	DWORD r = n ? WaitForMultipleObjects(n, hs, FALSE, t) : (Sleep(t), WAIT_TIMEOUT);
	if (r == WAIT_TIMEOUT)
		return capped ? 1 : 0;
	if (r >= WAIT_OBJECT_0 + n)
		return w32_fail();
	/* Re-arm every handle that fired. */
	for (DWORD i = 0; i < n; i++)
		if (WaitForSingleObject(hs[i], 0) == WAIT_OBJECT_0)
			FindNextChangeNotification(hs[i]);
	return 1;
}

void sys_watch_close(sys_watch *w)
{
	if (!w)
		return;
	for (int i = 0; i < MAXIMUM_WAIT_OBJECTS; i++)
		if (w->s[i].refs) {
			FindCloseChangeNotification(w->s[i].h);
			free(w->s[i].dir);
		}
	free(w);
}
