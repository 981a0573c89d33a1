/*
 * w32.h: what the Windows backend's files share. Not part of the platform
 * interface: only the files of win32/ include it.
 *
 * Strings inside corebox are UTF-8; Windows names are UTF-16. The
 * conversions here are total: a lone surrogate in a Windows name becomes
 * its generalised UTF-8 form (WTF-8) and comes back unchanged, so every
 * name Windows can hold round-trips; bytes that are not UTF-8 become
 * U+FFFD on the way out.
 */
#ifndef COREBOX_W32_H
#define COREBOX_W32_H

#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- text (conv.c) --------------------------------------------------- */

/* UTF-8 (LEN bytes, or NUL-terminated when LEN is -1) as a malloc'd,
   NUL-terminated UTF-16 string; NULL with errno ENOMEM. */
wchar_t *w32_wide(const char *s, ptrdiff_t len);
/* UTF-16 (LEN units, or NUL-terminated when LEN is -1) as malloc'd UTF-8;
   NULL with errno ENOMEM. *OUTLEN (when not NULL) gets its length. */
char *w32_utf8(const wchar_t *w, ptrdiff_t len, size_t *outlen);
/* Decode one UTF-8 (or WTF-8) character at S (LEN bytes). Returns its
   length, 0 when S holds only the start of a longer sequence, or -1 for an
   invalid byte (then *CP = U+FFFD and one byte is consumed). */
int w32_utf8_step(const unsigned char *s, size_t len, uint32_t *cp);

/* ---- errors (error.c) ------------------------------------------------ */

/* The errno value for a Windows error code. */
int w32_errno(DWORD err);
/* Set errno from GetLastError() and return -1. */
int w32_fail(void);
/* Set errno to ERR and return -1. */
int w32_set_errno(int err);

/* ---- paths (path.c) -------------------------------------------------- */

/* What a corebox path names before Windows sees it. */
enum w32_special {
	W32_PATH_FILE,   /* an ordinary path (converted) */
	W32_PATH_STD,    /* /dev/stdin, /dev/stdout, /dev/stderr, /dev/fd/N */
	W32_PATH_NUL,    /* /dev/null */
	W32_PATH_TTY,    /* /dev/tty: the console */
};
struct w32_path {
	enum w32_special kind;
	int fd;            /* W32_PATH_STD: the descriptor named */
	bool trailing_sep; /* the path ended with a separator */
	wchar_t *w;        /* malloc'd wide path (NULL for W32_PATH_STD) */
};
/* Convert PATH. Long paths get the \\?\ prefix (with '/' made '\' and
   "." and ".." resolved, as that prefix disables Windows' own parsing).
   Returns 0, or -1 with errno (ENOENT for "", ENOMEM). */
int w32_path_get(const char *path, struct w32_path *p);
void w32_path_free(struct w32_path *p);
/* Only the wide form of an ordinary path (no device mapping), malloc'd,
   or NULL with errno. */
wchar_t *w32_path_wide(const char *path);
/* errno for Windows error CODE from a call on path W: ENOENT and
   ENOTDIR told apart. */
int w32_path_errno(const wchar_t *w, DWORD code);
/* Strip a \\?\ or \\?\UNC\ prefix from a wide path, in place. */
void w32_strip_verbatim(wchar_t *w);

/* ---- start-up ------------------------------------------------------- */

/* The program's arguments in UTF-8, wildcards expanded (args.c); NULL
   when memory ran out. */
char **w32_args(int *argc);

/* ---- descriptors (file.c) --------------------------------------------- */

/* Descriptors 0-2 from the standard handles (start-up). */
void w32_fd_init(void);

/* The handle behind FD, or INVALID_HANDLE_VALUE with errno EBADF. */
HANDLE w32_handle(int fd);
/* A descriptor for H (taking ownership), or -1 with errno. */
int w32_fd_from_handle(HANDLE h);
/* Mark FD as a file that has no name (it disappears when closed), which
   sys_fstat shows as a link count of 0, as POSIX does for an unlinked
   file that is still open. */
void w32_fd_set_nameless(int fd);
bool w32_fd_nameless(int fd);
/* True when the descriptor's handle is a console (GetConsoleMode works),
   cached per descriptor. */
bool w32_fd_is_console(int fd);
bool w32_fd_is_pipe(int fd);
/* FD's Windows file type (FILE_TYPE_DISK, _PIPE, _CHAR), cached. */
DWORD w32_fd_type(int fd);

/* ---- console (console.c) --------------------------------------------- */

/* Remember the console modes and switch on VT processing (start-up). */
void w32_console_init(void);
/* Put the console modes back as they were (exit, Ctrl-C). */
void w32_console_restore(void);
/* Write UTF-8 to console handle H as UTF-16; FD keys the carried partial
   character. Returns LEN or -1 with errno. */
ptrdiff_t w32_console_write(int fd, HANDLE h, const void *buf, size_t len);
/* Read UTF-8 from console input H (lines end in "\n"; Ctrl-Z at the start
   of a line is the end of input). Returns bytes, 0 at end, -1. */
ptrdiff_t w32_console_read(HANDLE h, void *buf, size_t len);

/* ---- signals (signal.c) ---------------------------------------------- */

/* Install the console control handler (start-up). */
void w32_signal_init(void);
/* True when a write to a closed pipe must end the process (SIGPIPE at
   its default action). */
bool w32_sigpipe_default(void);
/* End the process as SIGPIPE would (status 141). */
_Noreturn void w32_die_sigpipe(void);
/* While a child runs in our place, Ctrl-C is the child's to handle. */
void w32_ctrl_c_to_child(bool on);

/* ---- child processes (exec.c, spawn.c) --------------------------------- */

/* Start program FILE with ARGV (quoted so that the child's runtime splits
   its command line back into ARGV) and standard handles STD (NULL for
   none; only they are inherited), with CreateProcessW FLAGS
   (CREATE_SUSPENDED...). FILE is searched in PATH when SEARCH and it has
   no separator; PATHEXT's extensions complete a name without one; batch
   files run through cmd.exe. Returns true with *PI filled, or false with
   errno (ENOENT, ENOEXEC...). */
bool w32_start_process(const char *file, bool search, char *const argv[], const HANDLE std[3], DWORD flags,
		       PROCESS_INFORMATION *pi);

/* ---- users (user.c) -------------------------------------------------- */

/* The number standing for SID in uid/gid fields (see user.c). */
uint32_t w32_sid_id(PSID sid);

/* ---- metadata (stat.c) ----------------------------------------------- */

/* Metadata of the object open as H, of Windows file type TYPE
   (FILE_TYPE_UNKNOWN: find out); with LSTAT_MODE a link (H opened with
   FILE_FLAG_OPEN_REPARSE_POINT) is SYS_S_IFLNK. */
struct sys_stat;
int w32_stat_handle(HANDLE h, struct sys_stat *st, bool lstat_mode, DWORD type);

/* ---- environment (env.c) --------------------------------------------- */

void w32_env_init(void);

/* Time conversion: FILETIME ticks (100 ns since 1601) to Unix time. */
#define W32_EPOCH_DIFF 116444736000000000LL

#endif
