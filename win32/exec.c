/*
 * Windows backend: starting programs (w32_start_process, shared with
 * spawn.c) and running another program in our place (sys_exec).
 *
 * Windows has no exec: the program runs as a child with our standard
 * handles and environment, and we exit with its status, so that callers
 * see what they would see after exec. The child is in a job object that
 * kills it if we are killed; the programs it starts in turn leave the job
 * (silent breakaway), as they would outlive an exec'd program. While it
 * runs, Ctrl-C is the child's business.
 *
 * The command line is built so that the child's C runtime splits it back
 * into exactly ARGV (the MSVC rules: quotes around arguments with blanks
 * or quotes, backslashes doubled only before a quote). Batch files get
 * their own rules: they run through cmd.exe, which cannot pass every
 * character through; arguments it would mangle are refused with EINVAL.
 */
#include "sys.h"
#include "w32.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

struct wbuf {
	wchar_t *p;
	size_t len, cap;
	bool failed;
};

static void wb_add(struct wbuf *b, const wchar_t *s, size_t n)
{
	if (b->failed)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->len + n + 1) * 2;
		wchar_t *p = realloc(b->p, cap * sizeof *p);
		if (!p) {
			b->failed = true;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n * sizeof *s);
	b->len += n;
	b->p[b->len] = 0;
}

static void wb_addc(struct wbuf *b, wchar_t c)
{
	wb_add(b, &c, 1);
}

/* ARG as the MSVC runtime will split it back. Wildcards are quoted
   too: a program that expands them (corebox does) must see them as they
   are, as after exec. */
static void quote_arg(struct wbuf *b, const wchar_t *arg)
{
	if (*arg && !wcspbrk(arg, L" \t\n\v\"*?[")) {
		wb_add(b, arg, wcslen(arg));
		return;
	}
	wb_addc(b, L'"');
	for (const wchar_t *p = arg;; p++) {
		size_t slashes = 0;
		while (*p == L'\\') {
			slashes++;
			p++;
		}
		if (!*p) {
			/* Before the closing quote every backslash doubles. */
			for (size_t i = 0; i < slashes * 2; i++)
				wb_addc(b, L'\\');
			break;
		}
		if (*p == L'"') {
			for (size_t i = 0; i < slashes * 2 + 1; i++)
				wb_addc(b, L'\\');
		} else {
			for (size_t i = 0; i < slashes; i++)
				wb_addc(b, L'\\');
		}
		wb_addc(b, *p);
	}
	wb_addc(b, L'"');
}

/* ARG in quotes when it is empty or holds one of SPECIAL, as it is
   otherwise; false when it holds one of FORBIDDEN, which no quoting
   would pass through. */
static bool quote_plain(struct wbuf *b, const wchar_t *arg, const wchar_t *special, const wchar_t *forbidden)
{
	if (wcspbrk(arg, forbidden))
		return false;
	bool q = !*arg || wcspbrk(arg, special);
	if (q)
		wb_addc(b, L'"');
	wb_add(b, arg, wcslen(arg));
	if (q)
		wb_addc(b, L'"');
	return true;
}

/* argv[0] is split differently by the runtime: no escapes, quotes only
   group. It cannot contain a quote. */
static bool quote_argv0(struct wbuf *b, const wchar_t *arg)
{
	return quote_plain(b, arg, L" \t", L"\"");
}

/* For cmd.exe /c: arguments with nothing inside that cmd would expand
   or split (%, !, quotes, line breaks), quoted where cmd would see
   separators or operators. */
static bool quote_batch_arg(struct wbuf *b, const wchar_t *arg)
{
	return quote_plain(b, arg, L" \t&|<>()^,;=", L"%!\"\r\n");
}

static bool wsep(wchar_t c)
{
	return c == L'/' || c == L'\\';
}

static bool is_file(const wchar_t *w)
{
	DWORD a = GetFileAttributesW(w);
	return a != INVALID_FILE_ATTRIBUTES && !(a & FILE_ATTRIBUTE_DIRECTORY);
}

static bool has_ext(const wchar_t *name)
{
	const wchar_t *dot = wcsrchr(name, L'.');
	return dot && !wcspbrk(dot, L"/\\");
}

/* DIR/NAME, or DIR/NAME + one of PATHEXT's extensions when NAME has none
   (malloc'd), when such a file exists. */
static wchar_t *try_dir(const wchar_t *dir, size_t dlen, const wchar_t *name)
{
	static const wchar_t fallback[] = L".COM;.EXE;.BAT;.CMD";
	wchar_t exts[512];
	DWORD n = GetEnvironmentVariableW(L"PATHEXT", exts, sizeof exts / sizeof exts[0]);
	if (n == 0 || n >= sizeof exts / sizeof exts[0])
		wcscpy(exts, fallback);
	size_t nlen = wcslen(name);
	wchar_t *buf = malloc((dlen + nlen + 2 + sizeof exts / sizeof exts[0]) * sizeof *buf);
	if (!buf)
		return NULL;
	size_t k = 0;
	if (dlen) {
		memcpy(buf, dir, dlen * sizeof *buf);
		k = dlen;
		if (!wsep(buf[k - 1]))
			buf[k++] = L'\\';
	}
	memcpy(buf + k, name, (nlen + 1) * sizeof *buf);
	k += nlen;
	if (has_ext(name) && is_file(buf))
		return buf;
	for (wchar_t *e = exts; *e;) {
		wchar_t *end = wcschr(e, L';');
		size_t elen = end ? (size_t)(end - e) : wcslen(e);
		if (elen) {
			memcpy(buf + k, e, elen * sizeof *buf);
			buf[k + elen] = 0;
			if (is_file(buf))
				return buf;
		}
		e += elen + (end ? 1 : 0);
	}
	free(buf);
	return NULL;
}

/* The program FILE names: as given when it has a separator (or when
   not SEARCHing), else the first match in PATH (not the current
   directory, as execvp). Without SEARCH, an existing FILE without an
   extension is taken as it is when no PATHEXT extension completes it
   (Windows runs any executable image). */
static wchar_t *find_program(const char *file, bool search)
{
	wchar_t *name = w32_wide(file, -1);
	if (!name)
		return NULL;
	wchar_t *found = NULL;
	if (!search || wcspbrk(name, L"/\\:")) {
		found = try_dir(L"", 0, name);
		if (!found && !search && is_file(name))
			found = _wcsdup(name);
	} else {
		DWORD n = GetEnvironmentVariableW(L"PATH", NULL, 0);
		wchar_t *path = n ? malloc(n * sizeof *path) : NULL;
		if (path && GetEnvironmentVariableW(L"PATH", path, n) < n) {
			for (wchar_t *d = path; *d && !found;) {
				wchar_t *end = wcschr(d, L';');
				size_t dlen = end ? (size_t)(end - d) : wcslen(d);
				if (dlen)
					found = try_dir(d, dlen, name);
				d += dlen + (end ? 1 : 0);
			}
		}
		free(path);
	}
	free(name);
	if (!found)
		errno = ENOENT;
	return found;
}

static bool is_batch(const wchar_t *prog)
{
	const wchar_t *dot = wcsrchr(prog, L'.');
	return dot && (_wcsicmp(dot, L".bat") == 0 || _wcsicmp(dot, L".cmd") == 0);
}

/* The command line for PROG with ARGV (and the application to start,
   which differs for batch files), or false with errno. */
static bool command_line(const wchar_t *prog, char *const argv[], struct wbuf *cmd, wchar_t **app)
{
	bool batch = is_batch(prog);
	*app = NULL;
	if (batch) {
		wchar_t sys[MAX_PATH];
		UINT n = GetSystemDirectoryW(sys, MAX_PATH);
		if (n == 0 || n > MAX_PATH - 10) {
			errno = ENOENT;
			return false;
		}
		wcscat(sys, L"\\cmd.exe");
		*app = _wcsdup(sys);
		wb_add(cmd, L"cmd.exe /d /s /c \"", 18);
		if (!quote_batch_arg(cmd, prog)) {
			errno = EINVAL;
			return false;
		}
	}
	for (int i = 0; argv[i]; i++) {
		wchar_t *w = w32_wide(argv[i], -1);
		if (!w)
			return false;
		bool ok = true;
		if (i > 0 || batch)
			wb_addc(cmd, L' ');
		if (batch) {
			if (i > 0)
				ok = quote_batch_arg(cmd, w);
		} else if (i == 0) {
			ok = quote_argv0(cmd, w);
		} else {
			quote_arg(cmd, w);
		}
		free(w);
		if (!ok) {
			errno = EINVAL;
			return false;
		}
	}
	if (batch)
		wb_addc(cmd, L'"');
	if (cmd->failed) {
		errno = ENOMEM;
		return false;
	}
	if (!*app)
		*app = _wcsdup(prog);
	if (!*app) {
		errno = ENOMEM;
		return false;
	}
	return true;
}

/* Handles are made inheritable for one CreateProcessW call at a time. */
static SRWLOCK start_lock = SRWLOCK_INIT;

bool w32_start_process(const char *file, bool search, char *const argv[], const HANDLE std[3], DWORD flags,
		       PROCESS_INFORMATION *pi)
{
	wchar_t *prog = find_program(file, search);
	if (!prog)
		return false;
	struct wbuf cmd = { 0 };
	wchar_t *app = NULL;
	if (!command_line(prog, argv, &cmd, &app)) {
		free(prog);
		free(cmd.p);
		free(app);
		return false;
	}
	free(prog);

	/* The standard handles given, and only they, are inherited. */
	STARTUPINFOEXW si = { .StartupInfo.cb = sizeof si };
	si.StartupInfo.dwFlags = STARTF_USESTDHANDLES;
	si.StartupInfo.hStdInput = std[0];
	si.StartupInfo.hStdOutput = std[1];
	si.StartupInfo.hStdError = std[2];
	AcquireSRWLockExclusive(&start_lock);
	HANDLE list[3];
	size_t nlist = 0;
	for (int i = 0; i < 3; i++) {
		if (std[i] && SetHandleInformation(std[i], HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT)) {
			bool dup = false;
			for (size_t k = 0; k < nlist; k++)
				dup |= list[k] == std[i];
			if (!dup)
				list[nlist++] = std[i];
		}
	}
	SIZE_T size = 0;
	InitializeProcThreadAttributeList(NULL, 1, 0, &size);
	LPPROC_THREAD_ATTRIBUTE_LIST attrs = size ? malloc(size) : NULL;
	flags |= CREATE_UNICODE_ENVIRONMENT;
	if (attrs && InitializeProcThreadAttributeList(attrs, 1, 0, &size)) {
		if (nlist && UpdateProcThreadAttribute(attrs, 0, PROC_THREAD_ATTRIBUTE_HANDLE_LIST, list,
						       nlist * sizeof list[0], NULL, NULL)) {
			si.lpAttributeList = attrs;
			flags |= EXTENDED_STARTUPINFO_PRESENT;
		}
	}
	BOOL ok = CreateProcessW(app, cmd.p, NULL, NULL, nlist > 0, flags, NULL, NULL, &si.StartupInfo, pi);
	DWORD code = GetLastError();
	ReleaseSRWLockExclusive(&start_lock);
	if (si.lpAttributeList)
		DeleteProcThreadAttributeList(attrs);
	free(attrs);
	free(app);
	free(cmd.p);
	if (!ok) {
		errno = code == ERROR_BAD_EXE_FORMAT || code == ERROR_EXE_MACHINE_TYPE_MISMATCH ? ENOEXEC
			: code == ERROR_FILE_NOT_FOUND || code == ERROR_PATH_NOT_FOUND ? ENOENT
			: w32_errno(code);
		return false;
	}
	return true;
}

int sys_exec(const char *file, char *const argv[])
{
	HANDLE std[3];
	for (int i = 0; i < 3; i++) {
		HANDLE h = w32_handle(i);
		std[i] = h == INVALID_HANDLE_VALUE ? NULL : h;
	}
	PROCESS_INFORMATION pi;
	if (!w32_start_process(file, true, argv, std, CREATE_SUSPENDED, &pi))
		return -1;

	HANDLE job = CreateJobObjectW(NULL, NULL);
	if (job) {
		JOBOBJECT_EXTENDED_LIMIT_INFORMATION lim = { 0 };
		lim.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
						       | JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK;
		if (!SetInformationJobObject(job, JobObjectExtendedLimitInformation, &lim, sizeof lim)
		    || !AssignProcessToJobObject(job, pi.hProcess)) {
			CloseHandle(job);
			job = NULL;
		}
	}
	w32_ctrl_c_to_child(true);
	ResumeThread(pi.hThread);
	CloseHandle(pi.hThread);
	WaitForSingleObject(pi.hProcess, INFINITE);
	DWORD status = 1;
	GetExitCodeProcess(pi.hProcess, &status);
	CloseHandle(pi.hProcess);
	if (job)
		CloseHandle(job);
	/* Our own buffered output was written before the call; what is left
	   is to leave with the child's status. */
	sys_exit_now((int)status);
}
