/*
 * Windows backend: descriptors.
 *
 * corebox keeps its own descriptor table of Windows handles rather than
 * msvcrt's (whose read and write translate text and stop at ^Z): 0, 1 and
 * 2 are the standard handles, sys_open takes the lowest free number as
 * POSIX does, and sys_dup2 onto 0-2 also changes the standard handle that
 * child processes get. Reads and writes are ReadFile/WriteFile on the
 * handle, bytes as they are; a console goes through console.c instead.
 */
#include "sys.h"
#include "w32.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <winternl.h>

enum fd_kind { KIND_UNKNOWN, KIND_DISK, KIND_PIPE, KIND_CONSOLE, KIND_CHAR };

struct fdent {
	HANDLE h;
	bool used;
	bool append;   /* opened with SYS_O_APPEND */
	bool nonblock;
	bool nameless; /* a file that is gone once closed (sys_tmpfile) */
	unsigned char kind;
};

static struct fdent *fds;
static int nfds;

static int grow_table(int min)
{
	int n = nfds ? nfds : 16;
	while (n <= min)
		n *= 2;
	struct fdent *t = realloc(fds, (size_t)n * sizeof *t);
	if (!t)
		return w32_set_errno(EMFILE);
	memset(t + nfds, 0, (size_t)(n - nfds) * sizeof *t);
	fds = t;
	nfds = n;
	return 0;
}

static bool valid_handle(HANDLE h)
{
	return h && h != INVALID_HANDLE_VALUE;
}

/* Descriptors 0-2 from the standard handles; called once at start-up. */
void w32_fd_init(void)
{
	static const DWORD std[3] = { STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE };
	if (nfds || grow_table(3) < 0)
		return;
	for (int i = 0; i < 3; i++) {
		HANDLE h = GetStdHandle(std[i]);
		/* A directory is no standard stream: Wine hands one over
		   when the Unix descriptor was closed. */
		FILE_BASIC_INFO b;
		if (valid_handle(h) && GetFileType(h) == FILE_TYPE_DISK
		    && GetFileInformationByHandleEx(h, FileBasicInfo, &b, sizeof b)
		    && (b.FileAttributes & FILE_ATTRIBUTE_DIRECTORY))
			h = NULL;
		if (valid_handle(h)) {
			fds[i].h = h;
			fds[i].used = true;
		}
	}
}

/* Programs get the table from sys_init; anything else that runs without
   it (the unit tests' own main) gets it on first use. */
static void ensure_table(void)
{
	if (!nfds)
		w32_fd_init();
}

HANDLE w32_handle(int fd)
{
	ensure_table();
	if (fd < 0 || fd >= nfds || !fds[fd].used) {
		errno = EBADF;
		return INVALID_HANDLE_VALUE;
	}
	return fds[fd].h;
}

static int lowest_free(int from)
{
	ensure_table();
	for (int i = from; i < nfds; i++)
		if (!fds[i].used)
			return i;
	int i = nfds > from ? nfds : from;
	return grow_table(i) < 0 ? -1 : i;
}

static void set_std(int fd, HANDLE h)
{
	static const DWORD std[3] = { STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE };
	if (fd >= 0 && fd < 3)
		SetStdHandle(std[fd], h);
}

int w32_fd_from_handle(HANDLE h)
{
	int fd = lowest_free(0);
	if (fd < 0) {
		CloseHandle(h);
		return -1;
	}
	fds[fd] = (struct fdent){ .h = h, .used = true };
	set_std(fd, h);
	return fd;
}

void w32_fd_set_nameless(int fd)
{
	if (w32_handle(fd) != INVALID_HANDLE_VALUE)
		fds[fd].nameless = true;
}

bool w32_fd_nameless(int fd)
{
	return w32_handle(fd) != INVALID_HANDLE_VALUE && fds[fd].nameless;
}

static enum fd_kind kind_of(int fd)
{
	struct fdent *e = &fds[fd];
	if (e->kind == KIND_UNKNOWN) {
		DWORD mode;
		switch (GetFileType(e->h)) {
		case FILE_TYPE_DISK: e->kind = KIND_DISK; break;
		case FILE_TYPE_PIPE: e->kind = KIND_PIPE; break;
		case FILE_TYPE_CHAR:
			e->kind = GetConsoleMode(e->h, &mode) ? KIND_CONSOLE : KIND_CHAR;
			break;
		default: e->kind = KIND_CHAR; break;
		}
	}
	return (enum fd_kind)e->kind;
}

bool w32_fd_is_console(int fd)
{
	return valid_handle(w32_handle(fd)) && kind_of(fd) == KIND_CONSOLE;
}

DWORD w32_fd_type(int fd)
{
	switch (kind_of(fd)) {
	case KIND_DISK: return FILE_TYPE_DISK;
	case KIND_PIPE: return FILE_TYPE_PIPE;
	default: return FILE_TYPE_CHAR;
	}
}

bool w32_fd_is_pipe(int fd)
{
	return valid_handle(w32_handle(fd)) && kind_of(fd) == KIND_PIPE;
}

/* ---- opening ---------------------------------------------------------- */

/* FILE_ATTRIBUTE_TAG_INFO of H, or false. */
static bool tag_info(HANDLE h, FILE_ATTRIBUTE_TAG_INFO *t)
{
	if (GetFileInformationByHandleEx(h, FileAttributeTagInfo, t, sizeof *t))
		return true;
	BY_HANDLE_FILE_INFORMATION bh;
	if (!GetFileInformationByHandle(h, &bh))
		return false;
	t->FileAttributes = bh.dwFileAttributes;
	t->ReparseTag = 0;
	return true;
}

static bool is_link_tag(DWORD tag)
{
	return tag == IO_REPARSE_TAG_SYMLINK || tag == IO_REPARSE_TAG_MOUNT_POINT;
}

/* Open the console for /dev/tty. */
static HANDLE open_console(int flags)
{
	bool in = (flags & SYS_O_ACCMODE) == SYS_O_RDONLY;
	HANDLE h = CreateFileW(in ? L"CONIN$" : L"CONOUT$", GENERIC_READ | GENERIC_WRITE,
			       FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
	if (h == INVALID_HANDLE_VALUE)
		errno = ENXIO;
	return h;
}

/* Why opening W failed, as errno, with Windows' vaguer codes sharpened. */
static int open_error(const wchar_t *w, DWORD code, DWORD access)
{
	switch (code) {
	case ERROR_ACCESS_DENIED: {
		DWORD a = GetFileAttributesW(w);
		if (a != INVALID_FILE_ATTRIBUTES && (a & FILE_ATTRIBUTE_DIRECTORY)
		    && (access & (FILE_WRITE_DATA | FILE_APPEND_DATA)))
			return EISDIR;
		return EACCES;
	}
	default:
		return w32_path_errno(w, code);
	}
}

static int truncate_handle(HANDLE h)
{
	FILE_END_OF_FILE_INFO eof = { 0 };
	return SetFileInformationByHandle(h, FileEndOfFileInfo, &eof, sizeof eof) ? 0 : w32_fail();
}

int sys_open(const char *path, int flags, uint32_t mode)
{
	struct w32_path p;
	if (w32_path_get(path, &p) < 0)
		return -1;
	if (p.kind == W32_PATH_STD)
		return sys_dup(p.fd);
	HANDLE h;
	if (p.kind == W32_PATH_TTY) {
		w32_path_free(&p);
		h = open_console(flags);
		return h == INVALID_HANDLE_VALUE ? -1 : w32_fd_from_handle(h);
	}

	DWORD access = FILE_READ_ATTRIBUTES | SYNCHRONIZE;
	switch (flags & SYS_O_ACCMODE) {
	case SYS_O_WRONLY: access |= GENERIC_WRITE; break;
	case SYS_O_RDWR: access |= GENERIC_READ | GENERIC_WRITE; break;
	default: access |= GENERIC_READ; break;
	}
	bool writing = (flags & SYS_O_ACCMODE) != SYS_O_RDONLY;
	DWORD disp = OPEN_EXISTING;
	if ((flags & (SYS_O_CREAT | SYS_O_EXCL)) == (SYS_O_CREAT | SYS_O_EXCL))
		disp = CREATE_NEW;
	else if (flags & SYS_O_CREAT)
		disp = OPEN_ALWAYS;
	if (p.trailing_sep && (flags & SYS_O_CREAT)) {
		DWORD a = GetFileAttributesW(p.w);
		int err = a == INVALID_FILE_ATTRIBUTES || (a & FILE_ATTRIBUTE_DIRECTORY) ? EISDIR : ENOTDIR;
		w32_path_free(&p);
		return w32_set_errno(err);
	}
	DWORD attrs = FILE_FLAG_BACKUP_SEMANTICS;
	if (flags & SYS_O_NOFOLLOW)
		attrs |= FILE_FLAG_OPEN_REPARSE_POINT;
	if ((flags & SYS_O_CREAT) && !(mode & 0222))
		attrs |= FILE_ATTRIBUTE_READONLY;
	h = CreateFileW(p.w, access, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL, disp, attrs, NULL);
	if (h == INVALID_HANDLE_VALUE) {
		int err = open_error(p.w, GetLastError(), access);
		w32_path_free(&p);
		return w32_set_errno(err);
	}
	bool existed = disp == OPEN_EXISTING || GetLastError() == ERROR_ALREADY_EXISTS;
	bool check = writing || p.trailing_sep || (flags & (SYS_O_DIRECTORY | SYS_O_NOFOLLOW));
	bool disk = check && p.kind == W32_PATH_FILE && GetFileType(h) == FILE_TYPE_DISK;
	w32_path_free(&p);

	int err = 0;
	if (disk) {
		FILE_ATTRIBUTE_TAG_INFO t;
		if (tag_info(h, &t)) {
			bool dir = t.FileAttributes & FILE_ATTRIBUTE_DIRECTORY;
			bool link = (t.FileAttributes & FILE_ATTRIBUTE_REPARSE_POINT) && is_link_tag(t.ReparseTag);
			if ((flags & SYS_O_NOFOLLOW) && link)
				err = ELOOP;
			else if (dir && writing)
				err = EISDIR;
			else if (!dir && (p.trailing_sep || (flags & SYS_O_DIRECTORY)))
				err = ENOTDIR;
		}
	}
	if (!err && disk && existed && (flags & SYS_O_TRUNC) && writing && truncate_handle(h) < 0)
		err = errno;
	if (!err && (flags & SYS_O_APPEND) && writing) {
		/* A handle with FILE_APPEND_DATA but not FILE_WRITE_DATA
		   writes at the end, atomically, as O_APPEND does. */
		HANDLE a;
		DWORD want = (access & ~(GENERIC_WRITE | GENERIC_READ)) | (FILE_GENERIC_WRITE & ~FILE_WRITE_DATA);
		if ((flags & SYS_O_ACCMODE) == SYS_O_RDWR)
			want |= FILE_GENERIC_READ;
		if (DuplicateHandle(GetCurrentProcess(), h, GetCurrentProcess(), &a, want, FALSE, 0)) {
			CloseHandle(h);
			h = a;
		} else {
			err = w32_errno(GetLastError());
		}
	}
	if (err) {
		CloseHandle(h);
		return w32_set_errno(err);
	}
	int fd = w32_fd_from_handle(h);
	if (fd >= 0) {
		fds[fd].append = (flags & SYS_O_APPEND) != 0;
		if (flags & SYS_O_NONBLOCK)
			sys_set_nonblock(fd, true);
	}
	return fd;
}

int sys_close(int fd)
{
	HANDLE h = w32_handle(fd);
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	fds[fd] = (struct fdent){ 0 };
	set_std(fd, NULL);
	return CloseHandle(h) ? 0 : w32_fail();
}

/* ---- reading and writing ---------------------------------------------- */

static DWORD clamp(size_t len)
{
	return len > (1u << 30) ? (1u << 30) : (DWORD)len;
}

static bool handle_is_dir(HANDLE h)
{
	FILE_ATTRIBUTE_TAG_INFO t;
	return tag_info(h, &t) && (t.FileAttributes & FILE_ATTRIBUTE_DIRECTORY);
}

sys_ssize sys_read(int fd, void *buf, size_t len)
{
	HANDLE h = w32_handle(fd);
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	if (kind_of(fd) == KIND_CONSOLE)
		return w32_console_read(h, buf, len);
	DWORD got;
	if (ReadFile(h, buf, clamp(len), &got, NULL))
		return got;
	DWORD code = GetLastError();
	switch (code) {
	case ERROR_BROKEN_PIPE:
	case ERROR_HANDLE_EOF:
		return 0;
	case ERROR_NO_DATA:
		return w32_set_errno(EAGAIN);
	case ERROR_INVALID_FUNCTION:
	case ERROR_ACCESS_DENIED:
	case ERROR_INVALID_PARAMETER:
		if (handle_is_dir(h))
			return w32_set_errno(EISDIR);
		/* fall through */
	default:
		return w32_set_errno(w32_errno(code));
	}
}

/* A write to a pipe with no reader. */
static sys_ssize broken_pipe(void)
{
	if (w32_sigpipe_default())
		w32_die_sigpipe();
	return w32_set_errno(EPIPE);
}

sys_ssize sys_write(int fd, const void *buf, size_t len)
{
	HANDLE h = w32_handle(fd);
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	enum fd_kind kind = kind_of(fd);
	if (kind == KIND_CONSOLE)
		return w32_console_write(fd, h, buf, len);
	DWORD done;
	if (!WriteFile(h, buf, clamp(len), &done, NULL)) {
		DWORD code = GetLastError();
		if (code == ERROR_NO_DATA && fds[fd].nonblock && kind == KIND_PIPE) {
			/* PIPE_NOWAIT: either full or closed. */
			if (sys_output_broken(fd))
				return broken_pipe();
			return w32_set_errno(EAGAIN);
		}
		if (code == ERROR_NO_DATA || code == ERROR_BROKEN_PIPE || code == ERROR_PIPE_NOT_CONNECTED)
			return broken_pipe();
		return w32_set_errno(w32_errno(code));
	}
	if (done == 0 && len > 0 && fds[fd].nonblock)
		return w32_set_errno(EAGAIN);
	return done;
}

sys_off sys_lseek(int fd, sys_off offset, int whence)
{
	HANDLE h = w32_handle(fd);
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	enum fd_kind kind = kind_of(fd);
	if (kind == KIND_CHAR)
		return 0; /* NUL: like /dev/null, every position is 0 */
	if (kind != KIND_DISK)
		return w32_set_errno(ESPIPE);
	DWORD method = whence == SYS_SEEK_END ? FILE_END : whence == SYS_SEEK_CUR ? FILE_CURRENT : FILE_BEGIN;
	LARGE_INTEGER to = { .QuadPart = offset }, now;
	if (whence == SYS_SEEK_CUR && offset < 0) {
		/* Windows allows a negative position; POSIX does not. */
		LARGE_INTEGER zero = { .QuadPart = 0 };
		if (!SetFilePointerEx(h, zero, &now, FILE_CURRENT))
			return w32_fail();
		if (now.QuadPart + offset < 0)
			return w32_set_errno(EINVAL);
	}
	if (!SetFilePointerEx(h, to, &now, method))
		return w32_fail();
	return now.QuadPart;
}

int sys_ftruncate(int fd, sys_off length)
{
	HANDLE h = w32_handle(fd);
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	if (length < 0)
		return w32_set_errno(EINVAL);
	FILE_END_OF_FILE_INFO eof = { .EndOfFile.QuadPart = length };
	if (!SetFileInformationByHandle(h, FileEndOfFileInfo, &eof, sizeof eof))
		return GetLastError() == ERROR_ACCESS_DENIED ? w32_set_errno(EINVAL) : w32_fail();
	return 0;
}

static int dup_into(int fd, int newfd)
{
	HANDLE h = w32_handle(fd), d;
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	if (!DuplicateHandle(GetCurrentProcess(), h, GetCurrentProcess(), &d, 0, FALSE, DUPLICATE_SAME_ACCESS))
		return w32_fail();
	struct fdent e = fds[fd];
	e.h = d;
	fds[newfd] = e;
	set_std(newfd, d);
	return newfd;
}

int sys_dup(int fd)
{
	if (w32_handle(fd) == INVALID_HANDLE_VALUE)
		return -1;
	int newfd = lowest_free(0);
	return newfd < 0 ? -1 : dup_into(fd, newfd);
}

int sys_dup2(int fd, int newfd)
{
	if (w32_handle(fd) == INVALID_HANDLE_VALUE)
		return -1;
	if (newfd < 0 || newfd > 1 << 16)
		return w32_set_errno(EBADF);
	if (fd == newfd)
		return newfd;
	if (newfd >= nfds && grow_table(newfd) < 0)
		return -1;
	if (fds[newfd].used) {
		CloseHandle(fds[newfd].h);
		fds[newfd] = (struct fdent){ 0 };
	}
	return dup_into(fd, newfd);
}

int sys_set_nonblock(int fd, bool nonblock)
{
	HANDLE h = w32_handle(fd);
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	switch (kind_of(fd)) {
	case KIND_PIPE: {
		DWORD m = PIPE_READMODE_BYTE | (nonblock ? PIPE_NOWAIT : PIPE_WAIT);
		if (!SetNamedPipeHandleState(h, &m, NULL, NULL))
			return w32_fail();
		break;
	}
	case KIND_CONSOLE:
		return w32_set_errno(ENOTSUP);
	default:
		break; /* files and NUL never block */
	}
	fds[fd].nonblock = nonblock;
	return 0;
}

void sys_advise_sequential(int fd)
{
	(void)fd; /* Windows takes that hint only when a file is opened */
}

sys_ssize sys_copy_range(int in, int out, size_t len)
{
	(void)in;
	(void)out;
	(void)len;
	return w32_set_errno(ENOSYS);
}

int sys_fd_is_append(int fd)
{
	HANDLE h = w32_handle(fd);
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	if (fds[fd].append)
		return 1;
	/* A handle from elsewhere: append-only when it may append but not
	   write anywhere else. */
	IO_STATUS_BLOCK io;
	ACCESS_MASK access;
	if (NtQueryInformationFile(h, &io, &access, sizeof access, FileAccessInformation) != 0)
		return 0;
	return (access & FILE_APPEND_DATA) && !(access & FILE_WRITE_DATA);
}

/* The state of pipe H: FILE_PIPE_*_STATE, or 0 when Windows cannot tell. */
static ULONG pipe_state(HANDLE h, ULONG *write_quota)
{
	IO_STATUS_BLOCK io;
	FILE_PIPE_LOCAL_INFORMATION info;
	if (NtQueryInformationFile(h, &io, &info, sizeof info, FilePipeLocalInformation) != 0)
		return 0;
	if (write_quota)
		*write_quota = info.WriteQuotaAvailable;
	return info.NamedPipeState;
}

enum { PIPE_DISCONNECTED = 1, PIPE_CLOSING = 4 };

bool sys_output_broken(int fd)
{
	if (!w32_fd_is_pipe(fd))
		return false;
	ULONG s = pipe_state(fds[fd].h, NULL);
	return s == PIPE_DISCONNECTED || s == PIPE_CLOSING;
}

int sys_wait_writable(int fd)
{
	HANDLE h = w32_handle(fd);
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	/* Windows signals no "writable" event for a pipe: look at its free
	   space now and then. */
	for (;;) {
		ULONG quota = 0;
		ULONG s = kind_of(fd) == KIND_PIPE ? pipe_state(h, &quota) : 0;
		if (s == 0 || quota > 0 || s == PIPE_DISCONNECTED || s == PIPE_CLOSING)
			return 0;
		Sleep(2);
	}
}

int sys_wait_input_or_broken(int in, int out)
{
	HANDLE hin = w32_handle(in);
	if (hin == INVALID_HANDLE_VALUE)
		return -1;
	if (kind_of(in) != KIND_PIPE)
		return 0;
	/* Pipes have no readiness events: poll both ends. */
	for (;;) {
		DWORD avail;
		if (!PeekNamedPipe(hin, NULL, 0, NULL, &avail, NULL) || avail > 0)
			return 0;
		if (sys_output_broken(out))
			return 1;
		Sleep(10);
	}
}
