/*
 * Windows backend: start-up, locale, time, processes and system
 * information.
 *
 * Locale: text is UTF-8 on Windows (msvcrt has no UTF-8 locale, so its
 * multibyte functions are never used). The one exception is the one
 * POSIX names: LC_ALL, LC_CTYPE or LANG (the first set) naming the C or
 * POSIX locale gives byte semantics, as on Linux, so scripts that ask for
 * LC_ALL=C behave alike.
 */
#include "sys.h"
#include "w32.h"

#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool locale_utf8 = true;
static bool locale_done;

static void init_locale(void)
{
	locale_done = true;
	static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = sys_getenv(vars[i]);
		if (v && *v) {
			locale_utf8 = !(strcmp(v, "C") == 0 || strcmp(v, "POSIX") == 0);
			return;
		}
	}
}

void sys_init(void)
{
	/* No "insert a disk" dialogs for an empty drive. */
	SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOOPENFILEERRORBOX);
	w32_fd_init();
	/* msvcrt's own descriptors too, should anything use them: no CR LF
	   translation, no ^Z as the end of input. */
	for (int fd = 0; fd < 3; fd++)
		_setmode(fd, _O_BINARY);
	w32_env_init();
	init_locale();
	w32_console_init();
	w32_signal_init();
	atexit(w32_console_restore);
	errno = 0;
}

const char *sys_display_name(const char *argv0, const char *util)
{
	(void)argv0;
	return util;
}

bool sys_names_fold_case(void)
{
	return true;
}

char *sys_self_path(void)
{
	DWORD size = MAX_PATH;
	for (;;) {
		wchar_t *w = malloc(size * sizeof *w);
		if (!w) {
			errno = ENOMEM;
			return NULL;
		}
		DWORD n = GetModuleFileNameW(NULL, w, size);
		if (n == 0) {
			free(w);
			w32_fail();
			return NULL;
		}
		if (n < size) {
			w32_strip_verbatim(w);
			char *s = w32_utf8(w, -1, NULL);
			free(w);
			return s;
		}
		free(w);
		size *= 2;
	}
}

void sys_exit_now(int status)
{
	w32_console_restore();
	_exit(status);
}

/* The locale is read by sys_init() (on Windows that costs nothing), or
   here in what runs without it (the unit tests' own main). */
void sys_locale_init(void)
{
	if (!locale_done)
		init_locale();
}

bool sys_locale_utf8(void)
{
	sys_locale_init();
	return locale_utf8;
}

/* ---- time -------------------------------------------------------------- */

struct sys_time sys_now(void)
{
	FILETIME ft;
	GetSystemTimePreciseAsFileTime(&ft);
	int64_t t = ((int64_t)ft.dwHighDateTime << 32 | ft.dwLowDateTime) - W32_EPOCH_DIFF;
	return (struct sys_time){ t / 10000000, (int32_t)(t % 10000000 * 100) };
}

int64_t sys_monotonic_ns(void)
{
	static LARGE_INTEGER freq;
	if (!freq.QuadPart)
		QueryPerformanceFrequency(&freq);
	LARGE_INTEGER c;
	QueryPerformanceCounter(&c);
	int64_t sec = c.QuadPart / freq.QuadPart, rem = c.QuadPart % freq.QuadPart;
	return sec * 1000000000 + rem * 1000000000 / freq.QuadPart;
}

#ifndef JOB_OBJECT_CPU_RATE_CONTROL_MIN_MAX_RATE
#define JOB_OBJECT_CPU_RATE_CONTROL_MIN_MAX_RATE 0x10
#endif
#ifndef CREATE_WAITABLE_TIMER_HIGH_RESOLUTION
#define CREATE_WAITABLE_TIMER_HIGH_RESOLUTION 0x2
#endif

int sys_sleep_ns(int64_t ns)
{
	if (ns <= 0)
		return 0;
	/* A high-resolution timer (Windows 10 1803) sleeps for the time
	   asked; Sleep() would round up to the 15.6 ms tick. */
	HANDLE t = CreateWaitableTimerExW(NULL, NULL, CREATE_WAITABLE_TIMER_HIGH_RESOLUTION, TIMER_ALL_ACCESS);
	if (!t)
		t = CreateWaitableTimerExW(NULL, NULL, 0, TIMER_ALL_ACCESS);
	if (t) {
		/* Negative: relative, in 100 ns units; rounded up. */
		int64_t ticks = ns / 100 + (ns % 100 != 0);
		LARGE_INTEGER due = { .QuadPart = ticks >= INT64_MAX / 2 ? -(INT64_MAX / 2) : -ticks };
		if (SetWaitableTimer(t, &due, 0, NULL, NULL, FALSE)) {
			DWORD r = WaitForSingleObject(t, INFINITE);
			CloseHandle(t);
			return r == WAIT_OBJECT_0 ? 0 : w32_fail();
		}
		CloseHandle(t);
	}
	while (ns > 0) {
		int64_t ms = (ns + 999999) / 1000000;
		DWORD step = ms > 0x7fffffff ? 0x7fffffff : (DWORD)ms;
		Sleep(step);
		ns -= (int64_t)step * 1000000;
	}
	return 0;
}

/* ---- processes ------------------------------------------------------- */

int sys_getpid(void)
{
	return (int)GetCurrentProcessId();
}

bool sys_pid_alive(int pid)
{
	if (pid <= 0)
		return false;
	HANDLE h = OpenProcess(SYNCHRONIZE | PROCESS_QUERY_LIMITED_INFORMATION, FALSE, (DWORD)pid);
	if (!h)
		return GetLastError() != ERROR_INVALID_PARAMETER; /* access denied: it exists */
	bool alive = WaitForSingleObject(h, 0) == WAIT_TIMEOUT;
	CloseHandle(h);
	return alive;
}

/* ---- system information --------------------------------------------- */

static void copy_field(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);
	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = 0;
}

typedef LONG(WINAPI *rtl_get_version_fn)(OSVERSIONINFOW *);

int sys_uname(struct sys_uname *u)
{
	/* GetVersionEx lies to programs without a manifest; ntdll's
	   RtlGetVersion does not. */
	OSVERSIONINFOW v = { .dwOSVersionInfoSize = sizeof v };
	HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
	rtl_get_version_fn get = ntdll ? (rtl_get_version_fn)(void (*)(void))GetProcAddress(ntdll, "RtlGetVersion") : NULL;
	if (!get || get(&v) != 0)
		return w32_set_errno(ENOSYS);
	copy_field(u->sysname, sizeof u->sysname, "Windows_NT");
	wchar_t host[256];
	DWORD n = sizeof host / sizeof host[0];
	char *h = GetComputerNameExW(ComputerNameDnsHostname, host, &n) ? w32_utf8(host, -1, NULL) : NULL;
	copy_field(u->nodename, sizeof u->nodename, h ? h : "localhost");
	free(h);
	snprintf(u->release, sizeof u->release, "%lu.%lu", (unsigned long)v.dwMajorVersion,
		 (unsigned long)v.dwMinorVersion);
	snprintf(u->version, sizeof u->version, "%lu", (unsigned long)v.dwBuildNumber);
	SYSTEM_INFO si;
	GetNativeSystemInfo(&si);
	const char *m;
	switch (si.wProcessorArchitecture) {
	case PROCESSOR_ARCHITECTURE_AMD64: m = "x86_64"; break;
	case PROCESSOR_ARCHITECTURE_INTEL: m = "i686"; break;
	case PROCESSOR_ARCHITECTURE_ARM64: m = "aarch64"; break;
	case PROCESSOR_ARCHITECTURE_ARM: m = "arm"; break;
	default: m = "unknown"; break;
	}
	copy_field(u->machine, sizeof u->machine, m);
	copy_field(u->processor, sizeof u->processor, "unknown");
	copy_field(u->hardware_platform, sizeof u->hardware_platform, "unknown");
	copy_field(u->operating_system, sizeof u->operating_system, "MS/Windows");
	return 0;
}

long sys_nproc(enum sys_nproc_kind kind)
{
	long n = 0;
	if (kind == SYS_NPROC_AVAILABLE) {
		DWORD_PTR proc, sys;
		if (GetProcessAffinityMask(GetCurrentProcess(), &proc, &sys)) {
			/* The mask covers one processor group; a process that
			   spans several (Windows 11) sees them all. */
			if (proc == sys)
				kind = SYS_NPROC_ONLINE;
			else
				for (; proc; proc &= proc - 1)
					n++;
		} else {
			kind = SYS_NPROC_ONLINE;
		}
	}
	if (kind == SYS_NPROC_ONLINE)
		n = (long)GetActiveProcessorCount(ALL_PROCESSOR_GROUPS);
	else if (kind == SYS_NPROC_INSTALLED)
		n = (long)GetMaximumProcessorCount(ALL_PROCESSOR_GROUPS);
	return n > 0 ? n : 1;
}

long sys_cpu_quota(void)
{
	/* Windows' CPU quotas are job objects' hard caps (how containers get
	   --cpus): a rate in 1/100 of a percent of all processors. */
	JOBOBJECT_CPU_RATE_CONTROL_INFORMATION rc;
	if (!QueryInformationJobObject(NULL, JobObjectCpuRateControlInformation, &rc, sizeof rc, NULL))
		return 0;
	if (!(rc.ControlFlags & JOB_OBJECT_CPU_RATE_CONTROL_ENABLE)
	    || !(rc.ControlFlags & JOB_OBJECT_CPU_RATE_CONTROL_HARD_CAP)
	    || (rc.ControlFlags & (JOB_OBJECT_CPU_RATE_CONTROL_WEIGHT_BASED | JOB_OBJECT_CPU_RATE_CONTROL_MIN_MAX_RATE)))
		return 0;
	double cpus = (double)rc.CpuRate / 10000.0 * (double)sys_nproc(SYS_NPROC_ONLINE);
	long q = (long)(cpus + 0.5);
	return q < 1 ? 1 : q;
}
