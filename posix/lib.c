/* Shared libraries opened at run time: dlopen/dlsym. */
#include <dlfcn.h>
#include <stdio.h>

#include "sys.h"

static char lib_error[512];

void *sys_lib_open(const char *const *names)
{
	const char *const *name;

	snprintf(lib_error, sizeof lib_error, "no library name given");
	for (name = names; *name; name++) {
		void *lib = dlopen(*name, RTLD_NOW | RTLD_LOCAL);
		const char *why;

		if (lib)
			return lib;
		/* The first name is this system's own: its failure is the one to tell. */
		why = dlerror();
		if (name == names)
			snprintf(lib_error, sizeof lib_error, "%s", why ? why : *name);
	}
	return NULL;
}

void *sys_lib_sym(void *lib, const char *symbol)
{
	void *p;

	dlerror();
	p = dlsym(lib, symbol);
	if (!p) {
		const char *why = dlerror();
		snprintf(lib_error, sizeof lib_error, "%s", why ? why : symbol);
	}
	return p;
}

const char *sys_lib_error(void)
{
	return lib_error;
}
