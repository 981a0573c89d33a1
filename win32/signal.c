/*
 * Windows backend: signals, as far as Windows has them.
 *
 * Names and numbers are Linux's (1 HUP ... 31 SYS, no real-time signals),
 * so that scripts and messages agree across systems. Two of them mean
 * something here:
 *  - INT is Ctrl-C (and Ctrl-Break). Ignoring it is Windows' own
 *    "ignore Ctrl-C" process flag, which child processes inherit, as an
 *    ignored signal is inherited on POSIX.
 *  - PIPE is emulated: a write to a pipe whose reader has gone ends the
 *    process quietly with status 141 (128 + 13, what a shell shows for a
 *    death by SIGPIPE), unless sys_sigpipe_ignore() was called, when the
 *    write fails with EPIPE.
 * For every other number sys_sig_query fails with EINVAL ("no usable
 * signal here", as sys.h allows), and so do actions set on them. Nothing
 * can be blocked: sys_sig_block fails with ENOSYS when asked to block.
 */
#include "sys.h"
#include "w32.h"

#include <errno.h>
#include <string.h>
#include <winternl.h>

enum { SIG_INT = 2, SIG_PIPE = 13, SIG_MAX = 31 };

static const char *const names[SIG_MAX + 1] = {
	NULL, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
	"PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU",
	"XFSZ", "VTALRM", "PROF", "WINCH", "POLL", "PWR", "SYS",
};

static bool sigpipe_ignored;
static volatile LONG child_has_ctrl_c;

/* Ctrl-C, Ctrl-Break, closing the console: put the console back as we
   found it, then let the default handler end the process, unless a child
   running in our place is the one to decide. */
static BOOL WINAPI ctrl_handler(DWORD event)
{
	if (child_has_ctrl_c && (event == CTRL_C_EVENT || event == CTRL_BREAK_EVENT))
		return TRUE;
	w32_console_restore();
	return FALSE;
}

void w32_signal_init(void)
{
	SetConsoleCtrlHandler(ctrl_handler, TRUE);
}

void w32_ctrl_c_to_child(bool on)
{
	InterlockedExchange(&child_has_ctrl_c, on ? 1 : 0);
}

bool w32_sigpipe_default(void)
{
	return !sigpipe_ignored;
}

_Noreturn void w32_die_sigpipe(void)
{
	w32_console_restore();
	sys_exit_now(128 + SIG_PIPE);
}

/* Whether Ctrl-C is ignored: bit 0 of the process parameters' console
   flags, the flag SetConsoleCtrlHandler(NULL, TRUE) sets and children
   inherit. Not in the documented structure, but stable since NT. */
static bool ctrl_c_ignored(void)
{
	PROCESS_BASIC_INFORMATION pbi;
	if (NtQueryInformationProcess(GetCurrentProcess(), ProcessBasicInformation, &pbi, sizeof pbi, NULL) != 0)
		return false;
	const unsigned char *params = (const unsigned char *)pbi.PebBaseAddress->ProcessParameters;
	ULONG flags;
	/* MaximumLength, Length, Flags, DebugFlags, ConsoleHandle, then
	   ConsoleFlags. */
	memcpy(&flags, params + 4 * sizeof(ULONG) + sizeof(HANDLE), sizeof flags);
	return flags & 1;
}

int sys_sig_max(void)
{
	return SIG_MAX;
}

int sys_sig_number(const char *name)
{
	if (strncmp(name, "SIG", 3) == 0)
		name += 3;
	for (int i = 1; i <= SIG_MAX; i++)
		if (strcmp(name, names[i]) == 0)
			return i;
	if (strcmp(name, "IOT") == 0)
		return 6;
	if (strcmp(name, "CLD") == 0)
		return 17;
	if (strcmp(name, "IO") == 0)
		return 29;
	return 0;
}

const char *sys_sig_name(int sig)
{
	return sig >= 1 && sig <= SIG_MAX ? names[sig] : NULL;
}

int sys_sig_set_action(int sig, enum sys_sig_action action)
{
	switch (sig) {
	case SIG_INT:
		return SetConsoleCtrlHandler(NULL, action == SYS_SIG_IGNORE) ? 0 : w32_fail();
	case SIG_PIPE:
		sigpipe_ignored = action == SYS_SIG_IGNORE;
		return 0;
	default:
		return w32_set_errno(EINVAL);
	}
}

int sys_sig_block(int sig, bool block)
{
	if (sig < 1 || sig > SIG_MAX)
		return w32_set_errno(EINVAL);
	return block ? w32_set_errno(ENOSYS) : 0;
}

int sys_sig_query(int sig, bool *ignored, bool *blocked)
{
	switch (sig) {
	case SIG_INT:
		*ignored = ctrl_c_ignored();
		break;
	case SIG_PIPE:
		*ignored = sigpipe_ignored;
		break;
	default:
		return w32_set_errno(EINVAL);
	}
	*blocked = false;
	return 0;
}

void sys_sigpipe_ignore(void)
{
	sigpipe_ignored = true;
}

void sys_exit_sigpipe(int status)
{
	if (!sigpipe_ignored)
		w32_die_sigpipe();
	w32_console_restore();
	sys_exit_now(status);
}
