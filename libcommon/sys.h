/*
 * sys.h: the platform interface.
 *
 * Everything a utility needs from the operating system goes through this
 * header; cmds/ includes no OS header. posix/ and win32/ each implement all
 * of it. The conventions:
 *
 *  - Paths are UTF-8 strings. The Windows backend converts at the edge.
 *  - Functions that can fail return -1 (or NULL) and set errno to a value
 *    from <errno.h>; sys_strerror() turns it into GNU's (glibc's) text so
 *    messages read the same on every system.
 *  - Metadata comes back as struct sys_stat with mode bits as plain data
 *    (SYS_S_*, the traditional Unix values), never as the OS's own struct.
 *  - File identity is the (dev, ino) pair: sys_same_file().
 *  - Memory returned by a function ("malloc'd") is the caller's to free().
 *  - Where a facility cannot exist on a system the function fails with
 *    errno ENOSYS (or ENOTSUP), and the caller reports it like any error.
 */
#ifndef COREBOX_SYS_H
#define COREBOX_SYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int64_t sys_off;
typedef ptrdiff_t sys_ssize;

/* ---- start-up ------------------------------------------------------- */

/* Prepare the process: standard streams, signal defaults (the locale is
   sys_locale_init()'s). Called
   once by the platform's main() before anything else. */
void sys_init(void);

/* The name to show in messages for a program invoked as ARGV0 that runs
   utility UTIL: GNU shows argv[0] as typed; Windows shows UTIL. */
const char *sys_display_name(const char *argv0, const char *util);

/* True when the program name should be compared case-insensitively and
   with ".exe" removed (Windows). */
bool sys_names_fold_case(void);

/* The absolute path of the running executable (malloc'd), or NULL. */
char *sys_self_path(void);

/* Exit at once, without atexit handlers or flushing. */
_Noreturn void sys_exit_now(int status);

/* ---- errors ----------------------------------------------------------- */

/* The message for errno value ERR, with glibc's wording. */
const char *sys_strerror(int err);

/* ---- locale ----------------------------------------------------------- */

/* Adopt the user's locale (LANG, LC_*) for the C library and for
   sys_locale_utf8(). Idempotent; opt_init() calls it, so every program
   that parses options has its locale before it reads an operand. true and
   false, which never look at the locale, skip it as GNU's do: loading a
   locale is a fifth of the start-up time. */
void sys_locale_init(void);
/* True when the character type locale is UTF-8 (on Windows always,
   unless LC_ALL, LC_CTYPE or LANG names the C or POSIX locale). Calls
   sys_locale_init() first. */
bool sys_locale_utf8(void);
/* The name of the locale that orders text (libcommon/collate.c): on POSIX
   LC_COLLATE's ("en_US.UTF-8", "C"); on Windows the first of LC_ALL,
   LC_COLLATE and LANG that is set, else the user's locale ("en-US").
   Calls sys_locale_init() first. */
const char *sys_collate_locale(void);
/* Compare the NUL-terminated UTF-8 strings A and B with the system's own
   collation for sys_collate_locale(): strcoll() on POSIX, CompareStringEx
   on Windows (invalid UTF-8 read as U+FFFD). <0, 0 or >0. */
int sys_strcoll(const char *a, const char *b);

/* ---- file descriptors ------------------------------------------------- */

enum {
	SYS_O_RDONLY = 0,
	SYS_O_WRONLY = 1,
	SYS_O_RDWR = 2,
	SYS_O_ACCMODE = 3,
	SYS_O_CREAT = 0x0100,
	SYS_O_EXCL = 0x0200,
	SYS_O_TRUNC = 0x0400,
	SYS_O_APPEND = 0x0800,
	SYS_O_NOFOLLOW = 0x1000,
	SYS_O_DIRECTORY = 0x2000,
	SYS_O_NONBLOCK = 0x4000,
	SYS_O_NOCTTY = 0x8000,
};

enum { SYS_SEEK_SET = 0, SYS_SEEK_CUR = 1, SYS_SEEK_END = 2 };

int sys_open(const char *path, int flags, uint32_t mode);
int sys_close(int fd);
/* One read; retried on EINTR. Returns bytes read, 0 at end, -1 on error. */
sys_ssize sys_read(int fd, void *buf, size_t len);
/* One write; retried on EINTR. */
sys_ssize sys_write(int fd, const void *buf, size_t len);
/* Write all of BUF; returns 0, or -1 with errno after a failed write. */
int sys_write_all(int fd, const void *buf, size_t len);
sys_off sys_lseek(int fd, sys_off offset, int whence);
int sys_ftruncate(int fd, sys_off length);
int sys_dup(int fd);
int sys_dup2(int fd, int newfd);
/* Switch FD between blocking and non-blocking reads. */
int sys_set_nonblock(int fd, bool nonblock);
/* Hint that FD will be read sequentially. Best effort. */
void sys_advise_sequential(int fd);
/* Copy up to LEN bytes from IN to OUT inside the kernel (copy_file_range,
   splice, sendfile). Returns bytes copied (0 at end of input), or -1 with
   errno ENOSYS/EINVAL/EXDEV when this pair cannot be copied that way and
   the caller should fall back to read/write. */
sys_ssize sys_copy_range(int in, int out, size_t len);
/* Whether FD is open in append mode: 1, 0, or -1 with errno. */
int sys_fd_is_append(int fd);
/* Wait until non-blocking FD can take a write again (after EAGAIN).
   Returns 0, or -1 with errno. */
int sys_wait_writable(int fd);
/* Wait until IN has input or is at its end (0), or until OUT, a pipe,
   has lost its reader (1). -1 with errno on error. A system that cannot
   tell returns 0 at once. */
int sys_wait_input_or_broken(int in, int out);

/* ---- metadata --------------------------------------------------------- */

enum {
	SYS_S_IFMT = 0170000,
	SYS_S_IFSOCK = 0140000,
	SYS_S_IFLNK = 0120000,
	SYS_S_IFREG = 0100000,
	SYS_S_IFBLK = 0060000,
	SYS_S_IFDIR = 0040000,
	SYS_S_IFCHR = 0020000,
	SYS_S_IFIFO = 0010000,
	SYS_S_ISUID = 04000,
	SYS_S_ISGID = 02000,
	SYS_S_ISVTX = 01000,
};

#define SYS_S_ISREG(m) (((m) & SYS_S_IFMT) == SYS_S_IFREG)
#define SYS_S_ISDIR(m) (((m) & SYS_S_IFMT) == SYS_S_IFDIR)
#define SYS_S_ISLNK(m) (((m) & SYS_S_IFMT) == SYS_S_IFLNK)
#define SYS_S_ISCHR(m) (((m) & SYS_S_IFMT) == SYS_S_IFCHR)
#define SYS_S_ISBLK(m) (((m) & SYS_S_IFMT) == SYS_S_IFBLK)
#define SYS_S_ISFIFO(m) (((m) & SYS_S_IFMT) == SYS_S_IFIFO)
#define SYS_S_ISSOCK(m) (((m) & SYS_S_IFMT) == SYS_S_IFSOCK)

struct sys_time {
	int64_t sec;
	int32_t nsec;
};

struct sys_stat {
	uint64_t dev;
	uint64_t ino;
	uint32_t mode;   /* SYS_S_IF* type and permission bits */
	uint64_t nlink;
	uint32_t uid;
	uint32_t gid;
	uint64_t rdev;
	int64_t size;
	int64_t blksize; /* preferred I/O size */
	int64_t blocks;  /* 512-byte blocks allocated */
	struct sys_time atime, mtime, ctime;
	struct sys_time btime; /* birth time; sec == INT64_MIN when unknown */
};

int sys_stat(const char *path, struct sys_stat *st);
int sys_lstat(const char *path, struct sys_stat *st);
int sys_fstat(int fd, struct sys_stat *st);
bool sys_same_file(const struct sys_stat *a, const struct sys_stat *b);

enum { SYS_F_OK = 0, SYS_X_OK = 1, SYS_W_OK = 2, SYS_R_OK = 4 };
/* Access check with the effective ids, as test(1) wants. */
int sys_eaccess(const char *path, int mode);

/* ---- directories and names ------------------------------------------ */

enum sys_dtype {
	SYS_DT_UNKNOWN, SYS_DT_REG, SYS_DT_DIR, SYS_DT_LNK,
	SYS_DT_FIFO, SYS_DT_SOCK, SYS_DT_CHR, SYS_DT_BLK,
};

typedef struct sys_dir sys_dir;
struct sys_dirent {
	const char *name;  /* valid until the next sys_readdir */
	enum sys_dtype type;
	uint64_t ino;      /* 0 when unknown */
};

sys_dir *sys_opendir(const char *path);
/* 1 and fills ENT; 0 at the end; -1 on error. Skips "." and "..". */
int sys_readdir(sys_dir *dir, struct sys_dirent *ent);
int sys_closedir(sys_dir *dir);

int sys_mkdir(const char *path, uint32_t mode);
int sys_rmdir(const char *path);
int sys_unlink(const char *path);
int sys_link(const char *target, const char *linkpath);
int sys_symlink(const char *target, const char *linkpath);
int sys_rename(const char *from, const char *to);
/* The target of symlink PATH (malloc'd), or NULL. */
char *sys_readlink(const char *path);
int sys_chdir(const char *path);
/* The current directory (malloc'd), or NULL. */
char *sys_getcwd(void);
/* True when C separates path components ('/', and '\\' on Windows). */
bool sys_is_sep(char c);

/* ---- environment ----------------------------------------------------- */

const char *sys_getenv(const char *name);
int sys_setenv(const char *name, const char *value);
int sys_unsetenv(const char *name);
int sys_clearenv(void);
/* Add STRING ("NAME=VALUE", NAME possibly empty) to the environment as it
   is: the environment keeps the pointer, so STRING must stay alive. */
int sys_putenv(char *string);
/* The environment as NAME=VALUE strings, NULL-terminated. */
char **sys_environ(void);

/* ---- users, groups, terminals --------------------------------------- */

uint32_t sys_getuid(void);
uint32_t sys_geteuid(void);
uint32_t sys_getgid(void);
uint32_t sys_getegid(void);
/* True when the process is a member of group GID (effective or
   supplementary). */
bool sys_in_group(uint32_t gid);
/* User / group name for an id (malloc'd), or NULL when there is none. */
char *sys_user_name(uint32_t uid);
char *sys_group_name(uint32_t gid);
/* The login name of the session (malloc'd), or NULL. */
char *sys_login_name(void);
bool sys_isatty(int fd);
/* The terminal device on FD (malloc'd), or NULL with errno. */
char *sys_ttyname(int fd);

/* ---- time -------------------------------------------------------------- */

struct sys_time sys_now(void);
int64_t sys_monotonic_ns(void);
/* Sleep NS nanoseconds, resuming after signals. */
int sys_sleep_ns(int64_t ns);

/* ---- processes and signals -------------------------------------------- */

int sys_getpid(void);
/* True while process PID exists (false when it is known to be gone). */
bool sys_pid_alive(int pid);
/* Run FILE (searched in PATH when it has no separator) with ARGV in place
   of this program. On POSIX this is exec and does not return on success;
   on Windows the child runs to completion and this process exits with its
   status. Returns -1 with errno when FILE cannot be started. */
int sys_exec(const char *file, char *const argv[]);

/* The highest signal number, and the mapping between numbers and names
   ("HUP", without "SIG"). Unknown: 0 / NULL. */
int sys_sig_max(void);
int sys_sig_number(const char *name);
const char *sys_sig_name(int sig);
enum sys_sig_action { SYS_SIG_DEFAULT, SYS_SIG_IGNORE };
int sys_sig_set_action(int sig, enum sys_sig_action action);
int sys_sig_block(int sig, bool block);
/* Whether SIG is currently ignored and whether it is blocked. Fails with
   errno EINVAL for a number that is no usable signal here. */
int sys_sig_query(int sig, bool *ignored, bool *blocked);
/* Make writes to a closed pipe fail with EPIPE instead of ending the
   process (tee -p). */
void sys_sigpipe_ignore(void);
/* True when FD is a pipe or socket whose reader has gone away, so that a
   write would fail with EPIPE (tail -f notices without writing). False
   when it has not, or when the system cannot tell. */
bool sys_output_broken(int fd);
/* End the process the way a write to a closed pipe does: by SIGPIPE
   where there is one and it is not ignored, otherwise with STATUS. */
_Noreturn void sys_exit_sigpipe(int status);

/* ---- child processes --------------------------------------------------- */

enum {
	/* Start the child with SIGPIPE at its default action even when this
	   process ignores it (split --filter). */
	SYS_SPAWN_DEFAULT_SIGPIPE = 1 << 0,
};
/* Start the program at PATH (used as given, not searched in PATH) with
   ARGV and the current environment. When TO_CHILD is not NULL the child's
   standard input reads from a new pipe whose writing end is stored in
   *TO_CHILD; that end is not inherited by children started later, so each
   child sees the end of its input when this process closes its end. The
   other standard streams are shared. Returns the child's id, or -1 with
   errno (a program that cannot be run is reported here, not by the
   child). */
int sys_spawn(const char *path, char *const argv[], int flags, int *to_child);

struct sys_child_status {
	bool signaled; /* ended by a signal rather than by exiting */
	int code;      /* the exit status, or the number of that signal */
};
/* Wait for child PID (from sys_spawn) to end and collect its status.
   Returns 0, or -1 with errno. */
int sys_wait(int pid, struct sys_child_status *st);

/* ---- random bytes and temporary files --------------------------------- */

/* Fill BUF with LEN bytes from the system's cryptographic random source.
   Returns 0, or -1 with errno. */
int sys_random_bytes(void *buf, size_t len);
/* A new, empty, nameless temporary file in $TMPDIR (else the system's
   temporary directory), open for reading and writing; it disappears when
   closed. Returns its descriptor, or -1 with errno. */
int sys_tmpfile(void);

/* ---- system information --------------------------------------------- */

struct sys_uname {
	char sysname[128];
	char nodename[256];
	char release[128];
	char version[256];
	char machine[64];
	char processor[64];          /* "unknown" when the OS does not say */
	char hardware_platform[64];  /* "unknown" when the OS does not say */
	char operating_system[64];   /* "GNU/Linux", "MS/Windows", ... */
};
int sys_uname(struct sys_uname *u);

enum sys_nproc_kind { SYS_NPROC_AVAILABLE, SYS_NPROC_ONLINE, SYS_NPROC_INSTALLED };
/* Number of processors of that kind (at least 1). */
long sys_nproc(enum sys_nproc_kind kind);
/* The processors this process's CPU quota amounts to (Linux: the lowest
   cgroup v2 cpu.max up the hierarchy, rounded, at least 1), or 0 when no
   quota applies (none set, or a real-time scheduling policy). */
long sys_cpu_quota(void);

/* ---- shared libraries (libcommon/lazylib.h) -------------------------- */

/* Open the first loadable library of NAMES (a NULL-terminated list of
   file names, this system's own first; names this system cannot load are
   skipped). Returns NULL when none loads, with the reason the first name
   failed in sys_lib_error(). */
void *sys_lib_open(const char *const *names);
/* The address of SYMBOL in LIB, or NULL (reason in sys_lib_error()). */
void *sys_lib_sym(void *lib, const char *symbol);
/* Why the last sys_lib_open or sys_lib_sym failed. */
const char *sys_lib_error(void);
/* The highest N for which this system's dynamic linker knows a library
   named PREFIX N (PREFIX "libicui18n.so."), or 0 (always on Windows). */
int sys_lib_newest(const char *prefix);

/* ---- threads (work split across processors: cksum's CRC) ------------ */

typedef struct sys_thread sys_thread;
/* Run FN(ARG) in a new thread. NULL with errno when none can be started
   (or the system has no threads): the caller then calls FN itself. */
sys_thread *sys_thread_start(void (*fn)(void *), void *arg);
/* Wait until T has returned, and release it. */
void sys_thread_join(sys_thread *t);
/* One read of up to LEN bytes at OFFSET of the regular file FD, safe to
   run in several threads at once; retried on EINTR. The file offset is
   unspecified afterwards (Windows moves it): reposition FD before the next
   sys_read. Returns bytes read, 0 at end, -1 on error. */
sys_ssize sys_pread(int fd, void *buf, size_t len, sys_off offset);

/* ---- change notification (tail -f) ---------------------------------- */

typedef struct sys_watch sys_watch;
/* A change notifier, or NULL (errno ENOSYS) when the OS has none: then
   the caller polls. */
sys_watch *sys_watch_open(void);
/* Watch PATH (a file, or its directory for renames and creations). Returns
   an id >= 0 or -1 with errno. */
int sys_watch_add(sys_watch *w, const char *path);
void sys_watch_remove(sys_watch *w, int id);
/* Wait until something watched may have changed (1), TIMEOUT_MS passed
   (0), or an error (-1). A negative timeout waits forever. */
int sys_watch_wait(sys_watch *w, int timeout_ms);
void sys_watch_close(sys_watch *w);

#endif
