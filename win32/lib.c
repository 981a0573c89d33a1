/* Windows backend: shared libraries opened at run time. Only names ending
   in ".dll" are tried, from the program's directory and the system
   directories (never the current directory). */
#include "sys.h"
#include "w32.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char lib_error[512];

/* "NAME: Windows' message for CODE" into lib_error. */
static void set_error(const char *name, DWORD code)
{
	wchar_t msg[256];
	DWORD n = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, code,
				 MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT), msg, sizeof msg / sizeof msg[0], NULL);
	while (n > 0 && (msg[n - 1] == L'\r' || msg[n - 1] == L'\n' || msg[n - 1] == L' ' || msg[n - 1] == L'.'))
		n--;
	char *text = n ? w32_utf8(msg, n, NULL) : NULL;
	if (text)
		snprintf(lib_error, sizeof lib_error, "%s: %s", name, text);
	else
		snprintf(lib_error, sizeof lib_error, "%s: error %lu", name, (unsigned long)code);
	free(text);
}

static bool is_dll(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && _stricmp(name + n - 4, ".dll") == 0;
}

void *sys_lib_open(const char *const *names)
{
	snprintf(lib_error, sizeof lib_error, "no library name given");
	bool first = true;
	for (const char *const *name = names; *name; name++) {
		if (!is_dll(*name))
			continue;
		wchar_t *w = w32_wide(*name, -1);
		if (!w)
			continue;
		HMODULE lib = LoadLibraryExW(w, NULL, LOAD_LIBRARY_SEARCH_DEFAULT_DIRS);
		if (!lib && GetLastError() == ERROR_INVALID_PARAMETER)
			lib = LoadLibraryExW(w, NULL, 0); /* before Windows 8 */
		DWORD code = GetLastError();
		free(w);
		if (lib)
			return lib;
		/* The first name this system can load is the one to tell. */
		if (first)
			set_error(*name, code);
		first = false;
	}
	return NULL;
}

void *sys_lib_sym(void *lib, const char *symbol)
{
	FARPROC p = GetProcAddress((HMODULE)lib, symbol);
	if (!p) {
		set_error(symbol, GetLastError());
		return NULL;
	}
	void *v;
	memcpy(&v, &p, sizeof v);
	return v;
}

const char *sys_lib_error(void)
{
	return lib_error;
}
