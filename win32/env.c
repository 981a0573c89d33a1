/*
 * Windows backend: the environment. corebox reads a UTF-8 copy of the
 * wide environment made at start-up; changes go to both the copy and the
 * process's real (wide) environment, so child processes see them. Names
 * compare without regard to ASCII case, as Windows' do. The hidden
 * "=C:"-style entries (each drive's current directory) stay out of view
 * and survive sys_clearenv.
 */
#include "sys.h"
#include "w32.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static char **env;
static bool *owned; /* env[i] was allocated here (not from sys_putenv) */
static size_t nenv, capenv;

static int reserve(size_t n)
{
	if (n + 1 <= capenv)
		return 0;
	size_t cap = capenv ? capenv : 64;
	while (cap < n + 1)
		cap *= 2;
	char **e = realloc(env, cap * sizeof *e);
	if (!e)
		return w32_set_errno(ENOMEM);
	env = e;
	bool *o = realloc(owned, cap * sizeof *o);
	if (!o)
		return w32_set_errno(ENOMEM);
	owned = o;
	capenv = cap;
	return 0;
}

void w32_env_init(void)
{
	if (env || reserve(0) < 0)
		return;
	env[0] = NULL;
	wchar_t *block = GetEnvironmentStringsW();
	if (!block)
		return;
	for (wchar_t *p = block; *p; p += wcslen(p) + 1) {
		if (*p == L'=')
			continue;
		char *s = w32_utf8(p, -1, NULL);
		if (!s || reserve(nenv + 1) < 0) {
			free(s);
			break;
		}
		owned[nenv] = true;
		env[nenv++] = s;
		env[nenv] = NULL;
	}
	FreeEnvironmentStringsW(block);
}

/* Programs get the copy made by sys_init; anything else that runs
   without it (the unit tests' own main) gets it on first use. */
static void ensure_env(void)
{
	if (!env)
		w32_env_init();
}

static bool name_eq(const char *entry, const char *name, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		char a = entry[i], b = name[i];
		if (a >= 'a' && a <= 'z')
			a = (char)(a - 'a' + 'A');
		if (b >= 'a' && b <= 'z')
			b = (char)(b - 'a' + 'A');
		if (a != b || !a)
			return false;
	}
	return entry[len] == '=';
}

static ptrdiff_t find(const char *name, size_t len)
{
	ensure_env();
	for (size_t i = 0; i < nenv; i++)
		if (name_eq(env[i], name, len))
			return (ptrdiff_t)i;
	return -1;
}

static void remove_at(size_t i)
{
	if (owned[i])
		free(env[i]);
	memmove(env + i, env + i + 1, (nenv - i) * sizeof *env);
	memmove(owned + i, owned + i + 1, (nenv - i - 1) * sizeof *owned);
	nenv--;
}

/* Tell Windows: NAME (LEN bytes) is VALUE now, or gone when VALUE is
   NULL. An empty name cannot exist there. */
static void set_real(const char *name, size_t len, const char *value)
{
	if (len == 0)
		return;
	wchar_t *wn = w32_wide(name, (ptrdiff_t)len);
	wchar_t *wv = value ? w32_wide(value, -1) : NULL;
	if (wn && (!value || wv)) {
		/* The C runtime's copy too (its tzset reads TZ there); it cannot
		   hold an empty value, which Windows' own copy then keeps. */
		size_t nl = wcslen(wn), vl = wv ? wcslen(wv) : 0;
		wchar_t *entry = malloc((nl + vl + 2) * sizeof *entry);
		if (entry) {
			memcpy(entry, wn, nl * sizeof *entry);
			entry[nl] = L'=';
			memcpy(entry + nl + 1, wv ? wv : L"", (vl + 1) * sizeof *entry);
			_wputenv(entry);
			free(entry);
		}
		SetEnvironmentVariableW(wn, wv);
	}
	free(wn);
	free(wv);
}

/* Put ENTRY ("NAME=VALUE", NAME LEN bytes) in place of NAME. */
static int store(char *entry, size_t len, bool own)
{
	ptrdiff_t i = find(entry, len);
	if (i < 0) {
		if (reserve(nenv + 1) < 0)
			return -1;
		i = (ptrdiff_t)nenv++;
		env[nenv] = NULL;
	} else if (owned[i]) {
		free(env[i]);
	}
	env[i] = entry;
	owned[i] = own;
	set_real(entry, len, entry + len + 1);
	return 0;
}

const char *sys_getenv(const char *name)
{
	size_t len = strlen(name);
	ptrdiff_t i = find(name, len);
	return i < 0 ? NULL : env[i] + len + 1;
}

int sys_setenv(const char *name, const char *value)
{
	size_t len = strlen(name);
	if (len == 0 || strchr(name, '='))
		return w32_set_errno(EINVAL);
	size_t vlen = strlen(value);
	char *entry = malloc(len + vlen + 2);
	if (!entry)
		return w32_set_errno(ENOMEM);
	memcpy(entry, name, len);
	entry[len] = '=';
	memcpy(entry + len + 1, value, vlen + 1);
	if (store(entry, len, true) < 0) {
		free(entry);
		return -1;
	}
	return 0;
}

int sys_unsetenv(const char *name)
{
	size_t len = strlen(name);
	if (len == 0 || strchr(name, '='))
		return w32_set_errno(EINVAL);
	ptrdiff_t i;
	while ((i = find(name, len)) >= 0)
		remove_at((size_t)i);
	set_real(name, len, NULL);
	return 0;
}

int sys_clearenv(void)
{
	ensure_env();
	while (nenv > 0) {
		const char *e = env[nenv - 1];
		const char *eq = strchr(e, '=');
		set_real(e, eq ? (size_t)(eq - e) : strlen(e), NULL);
		remove_at(nenv - 1);
	}
	return 0;
}

int sys_putenv(char *string)
{
	const char *eq = strchr(string, '=');
	if (!eq) {
		/* As glibc: "NAME" alone removes NAME. */
		ptrdiff_t i;
		size_t len = strlen(string);
		while ((i = find(string, len)) >= 0)
			remove_at((size_t)i);
		set_real(string, len, NULL);
		return 0;
	}
	return store(string, (size_t)(eq - string), false);
}

char **sys_environ(void)
{
	static char *empty[1];
	ensure_env();
	return env ? env : empty;
}
