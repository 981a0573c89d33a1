/* Windows backend: corebox paths as Windows sees them. The /dev names
   scripts use are mapped (/dev/null is NUL, /dev/stdin, /dev/stdout,
   /dev/stderr and /dev/fd/N are the standard handles, /dev/tty the
   console), and paths too long for the classic limit get the \\?\ prefix,
   which lifts it whatever the system's long-path setting. */
#include "sys.h"
#include "w32.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* Below this many units a path works everywhere (CreateDirectoryW's
   limit is MAX_PATH minus room for an 8.3 name). */
enum { SHORT_PATH = MAX_PATH - 12 };

static bool wsep(wchar_t c)
{
	return c == L'/' || c == L'\\';
}

/* The fd named by a /dev name, or -1. */
static int std_device(const char *path)
{
	if (strncmp(path, "/dev/", 5) != 0)
		return -1;
	const char *n = path + 5;
	if (strcmp(n, "stdin") == 0)
		return 0;
	if (strcmp(n, "stdout") == 0)
		return 1;
	if (strcmp(n, "stderr") == 0)
		return 2;
	if (strncmp(n, "fd/", 3) == 0 && n[3] >= '0' && n[3] <= '9') {
		char *end;
		long fd = strtol(n + 3, &end, 10);
		if (!*end && fd < 1 << 16)
			return (int)fd;
	}
	return -1;
}

/* The \\?\ form of the long path W (malloc'd), or NULL with errno. */
static wchar_t *verbatim(const wchar_t *w)
{
	DWORD n = GetFullPathNameW(w, 0, NULL, NULL);
	if (n == 0) {
		w32_fail();
		return NULL;
	}
	wchar_t *full = malloc(n * sizeof *full);
	if (!full) {
		errno = ENOMEM;
		return NULL;
	}
	DWORD got = GetFullPathNameW(w, n, full, NULL);
	if (got == 0 || got >= n) {
		free(full);
		if (got)
			errno = ENAMETOOLONG;
		else
			w32_fail();
		return NULL;
	}
	const wchar_t *prefix = L"\\\\?\\", *rest = full;
	if (full[0] == L'\\' && full[1] == L'\\' && (full[2] == L'?' || full[2] == L'.') && full[3] == L'\\') {
		prefix = L"";
	} else if (full[0] == L'\\' && full[1] == L'\\') {
		prefix = L"\\\\?\\UNC\\";
		rest = full + 2;
	}
	size_t a = wcslen(prefix), b = wcslen(rest);
	wchar_t *v = malloc((a + b + 1) * sizeof *v);
	if (v) {
		memcpy(v, prefix, a * sizeof *v);
		memcpy(v + a, rest, (b + 1) * sizeof *v);
	} else {
		errno = ENOMEM;
	}
	free(full);
	return v;
}

wchar_t *w32_path_wide(const char *path)
{
	if (!*path) {
		errno = ENOENT;
		return NULL;
	}
	wchar_t *w = w32_wide(path, -1);
	if (!w)
		return NULL;
	size_t n = wcslen(w);
	if (n < SHORT_PATH || (n >= 4 && w[0] == L'\\' && w[1] == L'\\' && (w[2] == L'?' || w[2] == L'.') && w[3] == L'\\'))
		return w;
	wchar_t *v = verbatim(w);
	free(w);
	return v;
}

int w32_path_get(const char *path, struct w32_path *p)
{
	memset(p, 0, sizeof *p);
	size_t len = strlen(path);
	p->trailing_sep = len > 1 && sys_is_sep(path[len - 1]) && !(len == 3 && path[1] == ':');
	int fd = std_device(path);
	if (fd >= 0) {
		p->kind = W32_PATH_STD;
		p->fd = fd;
		return 0;
	}
	if (strcmp(path, "/dev/null") == 0) {
		p->kind = W32_PATH_NUL;
		p->w = w32_wide("NUL", -1);
		return p->w ? 0 : -1;
	}
	if (strcmp(path, "/dev/tty") == 0) {
		p->kind = W32_PATH_TTY;
		p->w = w32_wide("CON", -1);
		return p->w ? 0 : -1;
	}
	p->kind = W32_PATH_FILE;
	p->w = w32_path_wide(path);
	return p->w ? 0 : -1;
}

void w32_path_free(struct w32_path *p)
{
	free(p->w);
	p->w = NULL;
}

/* After an ENOENT-like error for W: ENOTDIR when W ends in a separator
   and names a file, or a leading component exists and is not a
   directory; else ENOENT. */
static int enoent_or_enotdir(const wchar_t *w)
{
	size_t n = wcslen(w);
	wchar_t *copy = malloc((n + 1) * sizeof *copy);
	if (!copy)
		return ENOENT;
	memcpy(copy, w, (n + 1) * sizeof *copy);
	size_t full = n;
	while (n > 0 && wsep(copy[n - 1]))
		n--;
	int err = ENOENT;
	if (n < full && n > 0) {
		/* "file/": the name itself, when it is no directory. */
		copy[n] = 0;
		DWORD a = GetFileAttributesW(copy);
		if (a != INVALID_FILE_ATTRIBUTES && !(a & FILE_ATTRIBUTE_DIRECTORY)) {
			free(copy);
			return ENOTDIR;
		}
	}
	for (int tries = 0; tries < 256; tries++) {
		while (n > 0 && !wsep(copy[n - 1]))
			n--;
		while (n > 0 && wsep(copy[n - 1]))
			n--;
		if (n == 0 || copy[n - 1] == L':' || copy[n - 1] == L'?')
			break;
		copy[n] = 0;
		DWORD a = GetFileAttributesW(copy);
		if (a != INVALID_FILE_ATTRIBUTES) {
			if (!(a & FILE_ATTRIBUTE_DIRECTORY))
				err = ENOTDIR;
			break;
		}
	}
	free(copy);
	return err;
}

int w32_path_errno(const wchar_t *w, DWORD code)
{
	switch (code) {
	case ERROR_FILE_NOT_FOUND:
	case ERROR_PATH_NOT_FOUND:
	case ERROR_INVALID_NAME:
	case ERROR_DIRECTORY:
		return enoent_or_enotdir(w);
	default:
		return w32_errno(code);
	}
}

void w32_strip_verbatim(wchar_t *w)
{
	if (wcsncmp(w, L"\\\\?\\UNC\\", 8) == 0) {
		memmove(w + 2, w + 8, (wcslen(w + 8) + 1) * sizeof *w);
	} else if (wcsncmp(w, L"\\\\?\\", 4) == 0 && w[4] && w[5] == L':') {
		memmove(w, w + 4, (wcslen(w + 4) + 1) * sizeof *w);
	}
}
