/* POSIX backend: start-up, locale, environment, users, time, processes,
   signals and system information. */
#include "startup.h"
#include "sys.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

/* Weak, so that a position-independent corebox reads the C library's
   environ through the GOT: a direct reference would copy it into
   corebox's own .bss, whose first page the C library would then write
   before every program's main. */
extern char **environ __attribute__((weak));

STARTUP_DATA static bool locale_utf8;

STARTUP_DATA static bool locale_done;

void sys_init(void)
{
}

void sys_locale_init(void)
{
	if (locale_done)
		return;
	locale_done = true;
	setlocale(LC_ALL, "");
	const char *cs = nl_langinfo(CODESET);
	locale_utf8 = cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "UTF8") == 0);
}

const char *sys_display_name(const char *argv0, const char *util)
{
	(void)util;
	return argv0;
}

bool sys_names_fold_case(void)
{
	return false;
}

char *sys_self_path(void)
{
	return sys_readlink("/proc/self/exe");
}

void sys_exit_now(int status)
{
	_exit(status);
}

const char *sys_strerror(int err)
{
	return strerror(err);
}

bool sys_locale_utf8(void)
{
	sys_locale_init();
	return locale_utf8;
}

const char *sys_getenv(const char *name) { return getenv(name); }
int sys_setenv(const char *name, const char *value) { return setenv(name, value, 1); }
int sys_unsetenv(const char *name) { return unsetenv(name); }
int sys_clearenv(void) { return clearenv(); }
int sys_putenv(char *string) { return putenv(string); }

char **sys_environ(void)
{
	static char *empty[1];
	return environ ? environ : empty;
}

uint32_t sys_getuid(void) { return (uint32_t)getuid(); }
uint32_t sys_geteuid(void) { return (uint32_t)geteuid(); }
uint32_t sys_getgid(void) { return (uint32_t)getgid(); }
uint32_t sys_getegid(void) { return (uint32_t)getegid(); }

bool sys_in_group(uint32_t gid)
{
	if (gid == (uint32_t)getegid())
		return true;
	int n = getgroups(0, NULL);
	if (n <= 0)
		return false;
	gid_t *groups = malloc((size_t)n * sizeof *groups);
	if (!groups)
		return false;
	n = getgroups(n, groups);
	bool found = false;
	for (int i = 0; i < n; i++)
		if ((uint32_t)groups[i] == gid)
			found = true;
	free(groups);
	return found;
}

bool sys_isatty(int fd)
{
	return isatty(fd) == 1;
}

char *sys_ttyname(int fd)
{
	char buf[4096];
	int r = ttyname_r(fd, buf, sizeof buf);
	if (r != 0) {
		errno = r;
		return NULL;
	}
	return strdup(buf);
}

struct sys_time sys_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (struct sys_time){ ts.tv_sec, (int32_t)ts.tv_nsec };
}

int64_t sys_monotonic_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int sys_sleep_ns(int64_t ns)
{
	if (ns <= 0)
		return 0;
	struct timespec req = { (time_t)(ns / 1000000000), (long)(ns % 1000000000) };
	struct timespec rem;
	while (nanosleep(&req, &rem) < 0) {
		if (errno != EINTR)
			return -1;
		req = rem;
	}
	return 0;
}

int sys_getpid(void)
{
	return (int)getpid();
}

bool sys_pid_alive(int pid)
{
	return kill((pid_t)pid, 0) == 0 || errno != ESRCH;
}

int sys_exec(const char *file, char *const argv[])
{
	execvp(file, argv);
	return -1;
}

static const struct {
	char name[8];  /* an array, not a pointer: nothing to relocate at start-up */
	int num;
} sig_table[] = {
	{ "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT }, { "ILL", SIGILL },
	{ "TRAP", SIGTRAP }, { "ABRT", SIGABRT }, { "IOT", SIGIOT }, { "BUS", SIGBUS },
	{ "FPE", SIGFPE }, { "KILL", SIGKILL }, { "USR1", SIGUSR1 }, { "SEGV", SIGSEGV },
	{ "USR2", SIGUSR2 }, { "PIPE", SIGPIPE }, { "ALRM", SIGALRM }, { "TERM", SIGTERM },
#ifdef SIGSTKFLT
	{ "STKFLT", SIGSTKFLT },
#endif
	{ "CHLD", SIGCHLD }, { "CLD", SIGCHLD }, { "CONT", SIGCONT }, { "STOP", SIGSTOP },
	{ "TSTP", SIGTSTP }, { "TTIN", SIGTTIN }, { "TTOU", SIGTTOU }, { "URG", SIGURG },
	{ "XCPU", SIGXCPU }, { "XFSZ", SIGXFSZ }, { "VTALRM", SIGVTALRM }, { "PROF", SIGPROF },
	{ "WINCH", SIGWINCH }, { "POLL", SIGPOLL }, { "IO", SIGIO },
#ifdef SIGPWR
	{ "PWR", SIGPWR },
#endif
	{ "SYS", SIGSYS },
};

int sys_sig_max(void)
{
	return SIGRTMAX;
}

int sys_sig_number(const char *name)
{
	if (strncmp(name, "SIG", 3) == 0)
		name += 3;
	for (size_t i = 0; i < sizeof sig_table / sizeof sig_table[0]; i++)
		if (strcmp(name, sig_table[i].name) == 0)
			return sig_table[i].num;
	if (strncmp(name, "RTMIN", 5) == 0 || strncmp(name, "RTMAX", 5) == 0) {
		bool min = name[3] == 'I';
		const char *p = name + 5;
		long off = 0;
		if (*p) {
			if ((min && *p != '+') || (!min && *p != '-'))
				return 0;
			char *end;
			off = strtol(p + 1, &end, 10);
			if (*end || end == p + 1 || off < 0)
				return 0;
		}
		int n = min ? SIGRTMIN + (int)off : SIGRTMAX - (int)off;
		return n >= SIGRTMIN && n <= SIGRTMAX ? n : 0;
	}
	return 0;
}

const char *sys_sig_name(int sig)
{
	for (size_t i = 0; i < sizeof sig_table / sizeof sig_table[0]; i++)
		if (sig_table[i].num == sig)
			return sig_table[i].name;
	static char buf[16];
	if (sig == SIGRTMIN)
		return "RTMIN";
	if (sig == SIGRTMAX)
		return "RTMAX";
	if (sig > SIGRTMIN && sig < SIGRTMAX) {
		int half = (SIGRTMAX - SIGRTMIN) / 2;
		if (sig - SIGRTMIN <= half)
			snprintf(buf, sizeof buf, "RTMIN+%d", sig - SIGRTMIN);
		else
			snprintf(buf, sizeof buf, "RTMAX-%d", SIGRTMAX - sig);
		return buf;
	}
	return NULL;
}

int sys_sig_set_action(int sig, enum sys_sig_action action)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = action == SYS_SIG_IGNORE ? SIG_IGN : SIG_DFL;
	return sigaction(sig, &sa, NULL);
}

int sys_sig_block(int sig, bool block)
{
	sigset_t set;
	sigemptyset(&set);
	if (sigaddset(&set, sig) < 0)
		return -1;
	return sigprocmask(block ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

int sys_sig_query(int sig, bool *ignored, bool *blocked)
{
	struct sigaction sa;
	sigset_t set;
	if (sigaction(sig, NULL, &sa) < 0 || sigprocmask(SIG_BLOCK, NULL, &set) < 0)
		return -1;
	*ignored = sa.sa_handler == SIG_IGN;
	*blocked = sigismember(&set, sig) == 1;
	return 0;
}

void sys_sigpipe_ignore(void)
{
	signal(SIGPIPE, SIG_IGN);
}

static void copy_field(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);
	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = 0;
}

int sys_uname(struct sys_uname *u)
{
	struct utsname n;
	if (uname(&n) < 0)
		return -1;
	copy_field(u->sysname, sizeof u->sysname, n.sysname);
	copy_field(u->nodename, sizeof u->nodename, n.nodename);
	copy_field(u->release, sizeof u->release, n.release);
	copy_field(u->version, sizeof u->version, n.version);
	copy_field(u->machine, sizeof u->machine, n.machine);
	copy_field(u->processor, sizeof u->processor, "unknown");
	copy_field(u->hardware_platform, sizeof u->hardware_platform, "unknown");
#ifdef __linux__
	copy_field(u->operating_system, sizeof u->operating_system,
		   strcmp(n.sysname, "Linux") == 0 ? "GNU/Linux" : n.sysname);
#else
	copy_field(u->operating_system, sizeof u->operating_system, n.sysname);
#endif
	return 0;
}

long sys_nproc(enum sys_nproc_kind kind)
{
	long n = 0;
	if (kind == SYS_NPROC_AVAILABLE) {
		cpu_set_t set;
		if (sched_getaffinity(0, sizeof set, &set) == 0)
			n = CPU_COUNT(&set);
		if (n <= 0)
			kind = SYS_NPROC_ONLINE;
	}
	if (kind == SYS_NPROC_ONLINE)
		n = sysconf(_SC_NPROCESSORS_ONLN);
	else if (kind == SYS_NPROC_INSTALLED)
		n = sysconf(_SC_NPROCESSORS_CONF);
	return n > 0 ? n : 1;
}
