/* Windows backend: random bytes and temporary files. */
#include "w32.h"

#include <errno.h>
#include <ntsecapi.h>
#include <stdlib.h>
#include <wchar.h>

#include "sys.h"

int sys_random_bytes(void *buf, size_t len)
{
	unsigned char *p = buf;

	while (len) {
		ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
		if (!RtlGenRandom(p, n))
			return w32_set_errno(EIO);
		p += n;
		len -= n;
	}
	return 0;
}

/* The directory for temporary files: $TMPDIR when set, else Windows'. */
static wchar_t *temp_dir(void)
{
	const char *env = sys_getenv("TMPDIR");
	if (env && *env)
		return w32_path_wide(env);
	wchar_t buf[MAX_PATH + 1];
	DWORD n = GetTempPathW(MAX_PATH + 1, buf);
	if (!n || n > MAX_PATH) {
		w32_fail();
		return NULL;
	}
	wchar_t *dir = _wcsdup(buf);
	if (!dir)
		errno = ENOMEM;
	return dir;
}

int sys_tmpfile(void)
{
	wchar_t *dir = temp_dir();
	if (!dir)
		return -1;
	for (int attempt = 0; attempt < 100; attempt++) {
		unsigned char r[8];
		if (sys_random_bytes(r, sizeof r) < 0)
			break;
		size_t dlen = wcslen(dir);
		wchar_t *name = malloc((dlen + 32) * sizeof *name);
		if (!name) {
			errno = ENOMEM;
			break;
		}
		swprintf(name, dlen + 32, L"%ls%lscbx%02x%02x%02x%02x%02x%02x.tmp", dir,
			 dlen && dir[dlen - 1] != L'\\' && dir[dlen - 1] != L'/' ? L"\\" : L"",
			 r[0], r[1], r[2], r[3], r[4], r[5]);
		HANDLE h = CreateFileW(name, GENERIC_READ | GENERIC_WRITE,
				       FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
				       CREATE_NEW, FILE_ATTRIBUTE_TEMPORARY | FILE_FLAG_DELETE_ON_CLOSE, NULL);
		DWORD err = GetLastError();
		free(name);
		if (h != INVALID_HANDLE_VALUE) {
			free(dir);
			int fd = w32_fd_from_handle(h);
			if (fd >= 0)
				w32_fd_set_nameless(fd);
			return fd;
		}
		if (err != ERROR_FILE_EXISTS) {
			errno = w32_errno(err);
			break;
		}
	}
	free(dir);
	return -1;
}
