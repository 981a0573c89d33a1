/* Windows backend: Windows error codes as errno values, and glibc's
   texts for errno values (messages read the same as on Linux). */
#include "sys.h"
#include "w32.h"

#include <errno.h>
#include <stdio.h>

/* mingw's errno numbers are msvcrt's, not Linux's: the texts are looked
   up by name. */
static const struct {
	int err;
	const char *text;
} messages[] = {
	{ 0, "Success" },
	{ EPERM, "Operation not permitted" },
	{ ENOENT, "No such file or directory" },
	{ ESRCH, "No such process" },
	{ EINTR, "Interrupted system call" },
	{ EIO, "Input/output error" },
	{ ENXIO, "No such device or address" },
	{ E2BIG, "Argument list too long" },
	{ ENOEXEC, "Exec format error" },
	{ EBADF, "Bad file descriptor" },
	{ ECHILD, "No child processes" },
	{ EAGAIN, "Resource temporarily unavailable" },
	{ ENOMEM, "Cannot allocate memory" },
	{ EACCES, "Permission denied" },
	{ EFAULT, "Bad address" },
	{ EBUSY, "Device or resource busy" },
	{ EEXIST, "File exists" },
	{ EXDEV, "Invalid cross-device link" },
	{ ENODEV, "No such device" },
	{ ENOTDIR, "Not a directory" },
	{ EISDIR, "Is a directory" },
	{ ENFILE, "Too many open files in system" },
	{ EMFILE, "Too many open files" },
	{ ENOTTY, "Inappropriate ioctl for device" },
	{ EFBIG, "File too large" },
	{ ENOSPC, "No space left on device" },
	{ ESPIPE, "Illegal seek" },
	{ EROFS, "Read-only file system" },
	{ EMLINK, "Too many links" },
	{ EPIPE, "Broken pipe" },
	{ EDOM, "Numerical argument out of domain" },
	{ EDEADLK, "Resource deadlock avoided" },
	{ ENAMETOOLONG, "File name too long" },
	{ ENOLCK, "No locks available" },
	{ ENOSYS, "Function not implemented" },
	{ ENOTEMPTY, "Directory not empty" },
	{ EINVAL, "Invalid argument" },
	{ ERANGE, "Numerical result out of range" },
	{ EILSEQ, "Invalid or incomplete multibyte or wide character" },
	{ ENOTSUP, "Operation not supported" },
	{ EAFNOSUPPORT, "Address family not supported by protocol" },
	{ EADDRINUSE, "Address already in use" },
	{ EADDRNOTAVAIL, "Cannot assign requested address" },
	{ EISCONN, "Transport endpoint is already connected" },
	{ ENOBUFS, "No buffer space available" },
	{ ECONNABORTED, "Software caused connection abort" },
	{ EALREADY, "Operation already in progress" },
	{ ECONNREFUSED, "Connection refused" },
	{ ECONNRESET, "Connection reset by peer" },
	{ EDESTADDRREQ, "Destination address required" },
	{ EHOSTUNREACH, "No route to host" },
	{ EMSGSIZE, "Message too long" },
	{ ENETDOWN, "Network is down" },
	{ ENETRESET, "Network dropped connection on reset" },
	{ ENETUNREACH, "Network is unreachable" },
	{ ENOPROTOOPT, "Protocol not available" },
	{ ENOTSOCK, "Socket operation on non-socket" },
	{ ENOTCONN, "Transport endpoint is not connected" },
	{ ECANCELED, "Operation canceled" },
	{ EINPROGRESS, "Operation now in progress" },
	{ EOPNOTSUPP, "Operation not supported" },
	{ EWOULDBLOCK, "Resource temporarily unavailable" },
	{ EOWNERDEAD, "Owner died" },
	{ EPROTO, "Protocol error" },
	{ EPROTONOSUPPORT, "Protocol not supported" },
	{ EBADMSG, "Bad message" },
	{ EIDRM, "Identifier removed" },
	{ ENODATA, "No data available" },
	{ ENOLINK, "Link has been severed" },
	{ ENOMSG, "No message of desired type" },
	{ ENOSR, "Out of streams resources" },
	{ ENOSTR, "Device not a stream" },
	{ ENOTRECOVERABLE, "State not recoverable" },
	{ ETIME, "Timer expired" },
	{ ETXTBSY, "Text file busy" },
	{ ETIMEDOUT, "Connection timed out" },
	{ ELOOP, "Too many levels of symbolic links" },
	{ EPROTOTYPE, "Protocol wrong type for socket" },
	{ EOVERFLOW, "Value too large for defined data type" },
};

const char *sys_strerror(int err)
{
	for (size_t i = 0; i < sizeof messages / sizeof messages[0]; i++)
		if (messages[i].err == err)
			return messages[i].text;
	static char buf[32];
	snprintf(buf, sizeof buf, "Unknown error %d", err);
	return buf;
}

/* Codes mingw-w64 10's headers lack. */
#ifndef ERROR_ELEVATION_REQUIRED
#define ERROR_ELEVATION_REQUIRED 740
#endif
#ifndef ERROR_STOPPED_ON_SYMLINK
#define ERROR_STOPPED_ON_SYMLINK 681
#endif
#ifndef ERROR_CANT_WAIT
#define ERROR_CANT_WAIT 554
#endif
#ifndef ERROR_DISK_QUOTA_EXCEEDED
#define ERROR_DISK_QUOTA_EXCEEDED 1295
#endif

static const struct {
	DWORD code;
	int err;
} codes[] = {
	{ ERROR_INVALID_FUNCTION, EINVAL },
	{ ERROR_FILE_NOT_FOUND, ENOENT },
	{ ERROR_PATH_NOT_FOUND, ENOENT },
	{ ERROR_TOO_MANY_OPEN_FILES, EMFILE },
	{ ERROR_ACCESS_DENIED, EACCES },
	{ ERROR_INVALID_HANDLE, EBADF },
	{ ERROR_NOT_ENOUGH_MEMORY, ENOMEM },
	{ ERROR_INVALID_ACCESS, EACCES },
	{ ERROR_INVALID_DATA, EINVAL },
	{ ERROR_OUTOFMEMORY, ENOMEM },
	{ ERROR_INVALID_DRIVE, ENOENT },
	{ ERROR_CURRENT_DIRECTORY, EBUSY },
	{ ERROR_NOT_SAME_DEVICE, EXDEV },
	{ ERROR_NO_MORE_FILES, ENOENT },
	{ ERROR_WRITE_PROTECT, EROFS },
	{ ERROR_BAD_UNIT, ENODEV },
	{ ERROR_NOT_READY, EIO },
	{ ERROR_CRC, EIO },
	{ ERROR_SEEK, EIO },
	{ ERROR_WRITE_FAULT, EIO },
	{ ERROR_READ_FAULT, EIO },
	{ ERROR_GEN_FAILURE, EIO },
	{ ERROR_SHARING_VIOLATION, EBUSY },
	{ ERROR_LOCK_VIOLATION, EBUSY },
	{ ERROR_HANDLE_EOF, EIO },
	{ ERROR_HANDLE_DISK_FULL, ENOSPC },
	{ ERROR_NOT_SUPPORTED, ENOTSUP },
	{ ERROR_BAD_NETPATH, ENOENT },
	{ ERROR_NETWORK_ACCESS_DENIED, EACCES },
	{ ERROR_BAD_NET_NAME, ENOENT },
	{ ERROR_FILE_EXISTS, EEXIST },
	{ ERROR_CANNOT_MAKE, EACCES },
	{ ERROR_INVALID_PARAMETER, EINVAL },
	{ ERROR_BROKEN_PIPE, EPIPE },
	{ ERROR_OPEN_FAILED, EIO },
	{ ERROR_BUFFER_OVERFLOW, ENAMETOOLONG },
	{ ERROR_DISK_FULL, ENOSPC },
	{ ERROR_CALL_NOT_IMPLEMENTED, ENOSYS },
	{ ERROR_INSUFFICIENT_BUFFER, ERANGE },
	{ ERROR_INVALID_NAME, ENOENT },
	{ ERROR_MOD_NOT_FOUND, ENOENT },
	{ ERROR_PROC_NOT_FOUND, ENOENT },
	{ ERROR_NEGATIVE_SEEK, EINVAL },
	{ ERROR_SEEK_ON_DEVICE, ESPIPE },
	{ ERROR_DIR_NOT_EMPTY, ENOTEMPTY },
	{ ERROR_BAD_PATHNAME, ENOENT },
	{ ERROR_BUSY, EBUSY },
	{ ERROR_ALREADY_EXISTS, EEXIST },
	{ ERROR_BAD_EXE_FORMAT, ENOEXEC },
	{ ERROR_FILENAME_EXCED_RANGE, ENAMETOOLONG },
	{ ERROR_DIRECTORY, ENOTDIR },
	{ ERROR_NO_DATA, EPIPE },
	{ ERROR_PIPE_NOT_CONNECTED, EPIPE },
	{ ERROR_PIPE_BUSY, EBUSY },
	{ ERROR_DELETE_PENDING, ENOENT },
	{ ERROR_ELEVATION_REQUIRED, EACCES },
	{ ERROR_INVALID_ADDRESS, EFAULT },
	{ ERROR_NOACCESS, EFAULT },
	{ ERROR_OPERATION_ABORTED, EINTR },
	{ ERROR_NO_UNICODE_TRANSLATION, EILSEQ },
	{ ERROR_PRIVILEGE_NOT_HELD, EPERM },
	{ ERROR_TIMEOUT, ETIMEDOUT },
	{ WAIT_TIMEOUT, ETIMEDOUT },
	{ ERROR_NOT_ENOUGH_QUOTA, ENOSPC },
	{ ERROR_CANT_RESOLVE_FILENAME, ELOOP },
	{ ERROR_NOT_A_REPARSE_POINT, EINVAL },
	{ ERROR_INVALID_REPARSE_DATA, EINVAL },
	{ ERROR_CANT_ACCESS_FILE, EACCES },
	{ ERROR_STOPPED_ON_SYMLINK, ELOOP },
	{ ERROR_FILE_INVALID, ENXIO },
	{ ERROR_DEV_NOT_EXIST, ENODEV },
	{ ERROR_BAD_DEVICE, ENODEV },
	{ ERROR_NOT_OWNER, EPERM },
	{ ERROR_TOO_MANY_LINKS, EMLINK },
	{ ERROR_FILE_TOO_LARGE, EFBIG },
	{ ERROR_NO_SYSTEM_RESOURCES, ENOMEM },
	{ ERROR_WAIT_NO_CHILDREN, ECHILD },
	{ ERROR_CHILD_NOT_COMPLETE, ECHILD },
	{ ERROR_INVALID_EXE_SIGNATURE, ENOEXEC },
	{ ERROR_EXE_MARKED_INVALID, ENOEXEC },
	{ ERROR_BAD_FORMAT, ENOEXEC },
	{ ERROR_CANT_WAIT, EAGAIN },
	{ ERROR_MAX_THRDS_REACHED, EAGAIN },
	{ ERROR_NO_PROC_SLOTS, EAGAIN },
	{ ERROR_NESTING_NOT_ALLOWED, EAGAIN },
	{ ERROR_DISK_QUOTA_EXCEEDED, ENOSPC },
};

int w32_errno(DWORD code)
{
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
		if (codes[i].code == code)
			return codes[i].err;
	return EIO;
}

int w32_fail(void)
{
	errno = w32_errno(GetLastError());
	return -1;
}

int w32_set_errno(int err)
{
	errno = err;
	return -1;
}
