/*
 * Windows backend: the console. A console is not a byte stream: text goes
 * in and out as UTF-16 (WriteConsoleW/ReadConsoleW), so UTF-8 shows right
 * whatever the console's code page. A UTF-8 character split across two
 * writes is carried until its end arrives. Output handles get virtual
 * terminal processing (ANSI colours); the modes found at start-up are put
 * back at exit and on Ctrl-C.
 */
#include "sys.h"
#include "w32.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static struct {
	HANDLE h;
	DWORD mode;
	bool saved;
} saved_modes[3];

void w32_console_init(void)
{
	for (int fd = 0; fd < 3; fd++) {
		HANDLE h = w32_handle(fd);
		DWORD mode;
		if (h == INVALID_HANDLE_VALUE || !GetConsoleMode(h, &mode))
			continue;
		saved_modes[fd].h = h;
		saved_modes[fd].mode = mode;
		saved_modes[fd].saved = true;
		if (fd > 0)
			SetConsoleMode(h, mode | ENABLE_PROCESSED_OUTPUT | ENABLE_VIRTUAL_TERMINAL_PROCESSING);
	}
	errno = 0;
}

static void flush_carries(void);

void w32_console_restore(void)
{
	flush_carries();
	for (int fd = 2; fd >= 0; fd--)
		if (saved_modes[fd].saved)
			SetConsoleMode(saved_modes[fd].h, saved_modes[fd].mode);
}

/* The start of a character split across writes, per descriptor 0-2 (any
   other console descriptor shares the last slot). */
static struct {
	HANDLE h;
	unsigned char b[4];
	int n;
} carry[4];

/* A character still incomplete at exit shows as U+FFFD, as a terminal
   shows a stray byte. */
static void flush_carries(void)
{
	for (int i = 0; i < 4; i++)
		if (carry[i].n > 0) {
			DWORD done;
			WriteConsoleW(carry[i].h, L"\xfffd", 1, &done, NULL);
			carry[i].n = 0;
		}
}

static int write_wide(HANDLE h, const wchar_t *w, size_t n)
{
	while (n > 0) {
		DWORD done;
		DWORD chunk = n > 16384 ? 16384 : (DWORD)n;
		if (!WriteConsoleW(h, w, chunk, &done, NULL))
			return w32_fail();
		if (done == 0)
			return w32_set_errno(EIO);
		w += done;
		n -= done;
	}
	return 0;
}

ptrdiff_t w32_console_write(int fd, HANDLE h, const void *buf, size_t len)
{
	int slot = fd >= 0 && fd < 3 ? fd : 3;
	const unsigned char *p = buf, *end = p + len;
	enum { WBUF = 4096 };
	wchar_t w[WBUF + 2];
	size_t k = 0;

	/* Finish a character begun by the previous write. */
	while (carry[slot].n > 0 && p < end) {
		unsigned char tmp[4];
		int have = carry[slot].n;
		memcpy(tmp, carry[slot].b, (size_t)have);
		size_t add = (size_t)(end - p) < (size_t)(4 - have) ? (size_t)(end - p) : (size_t)(4 - have);
		memcpy(tmp + have, p, add);
		uint32_t cp;
		int step = w32_utf8_step(tmp, (size_t)have + add, &cp);
		if (step == 0) {
			/* Still incomplete: everything here belongs to it. */
			memcpy(carry[slot].b + have, p, add);
			carry[slot].n += (int)add;
			return (ptrdiff_t)len;
		}
		if (step < 0) {
			/* The carried start was not followed by its end: it shows
			   as one replacement character, and the rest is read
			   afresh. */
			w[k++] = 0xfffd;
			carry[slot].n = 0;
			break;
		}
		p += step - have;
		carry[slot].n = 0;
		if (cp >= 0x10000) {
			w[k++] = (wchar_t)(0xd800 | ((cp - 0x10000) >> 10));
			w[k++] = (wchar_t)(0xdc00 | ((cp - 0x10000) & 0x3ff));
		} else {
			w[k++] = (wchar_t)cp;
		}
	}
	while (p < end) {
		if (k >= WBUF) {
			if (write_wide(h, w, k) < 0)
				return -1;
			k = 0;
		}
		if (*p < 0x80) {
			w[k++] = *p++;
			continue;
		}
		uint32_t cp;
		int step = w32_utf8_step(p, (size_t)(end - p), &cp);
		if (step == 0) {
			memcpy(carry[slot].b, p, (size_t)(end - p));
			carry[slot].n = (int)(end - p);
			carry[slot].h = h;
			break;
		}
		p += step < 0 ? 1 : step;
		if (cp >= 0x10000) {
			w[k++] = (wchar_t)(0xd800 | ((cp - 0x10000) >> 10));
			w[k++] = (wchar_t)(0xdc00 | ((cp - 0x10000) & 0x3ff));
		} else {
			w[k++] = (wchar_t)cp;
		}
	}
	if (k > 0 && write_wide(h, w, k) < 0)
		return -1;
	return (ptrdiff_t)len;
}

/* Console input converted to UTF-8 and not yet handed out. */
static char *pending;
static size_t pending_len, pending_off;
static bool input_ended;

ptrdiff_t w32_console_read(HANDLE h, void *buf, size_t len)
{
	while (pending_off == pending_len) {
		if (input_ended)
			return 0;
		wchar_t w[4096];
		DWORD got;
		if (!ReadConsoleW(h, w, sizeof w / sizeof w[0], &got, NULL))
			return w32_fail();
		if (got == 0)
			return 0;
		/* A line that is just Ctrl-Z ends the input, as in cmd.exe. */
		if (w[0] == 0x1a && (got == 1 || w[1] == L'\r' || w[1] == L'\n')) {
			input_ended = true;
			return 0;
		}
		/* Lines end in CR LF on a console: hand out LF. */
		DWORD n = 0;
		for (DWORD i = 0; i < got; i++)
			if (!(w[i] == L'\r' && i + 1 < got && w[i + 1] == L'\n'))
				w[n++] = w[i];
		free(pending);
		pending = w32_utf8(w, n, &pending_len);
		pending_off = 0;
		if (!pending) {
			pending_len = 0;
			return -1;
		}
	}
	size_t n = pending_len - pending_off;
	if (n > len)
		n = len;
	memcpy(buf, pending + pending_off, n);
	pending_off += n;
	return (ptrdiff_t)n;
}

bool sys_isatty(int fd)
{
	return w32_fd_is_console(fd);
}

char *sys_ttyname(int fd)
{
	HANDLE h = w32_handle(fd);
	if (h == INVALID_HANDLE_VALUE)
		return NULL;
	if (!w32_fd_is_console(fd)) {
		errno = ENOTTY;
		return NULL;
	}
	/* Windows has one console per process, opened by this name. */
	char *name = malloc(4);
	if (!name) {
		errno = ENOMEM;
		return NULL;
	}
	memcpy(name, "CON", 4);
	return name;
}
