/* lib_icu.c: finding ICU and its function names at run time (lib_icu.h). */
#include "lib_icu.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "sys.h"

struct icu_api icu;

static const char *loaded_from;
static char load_error[256] = "ICU is not loaded by the static build";

#ifdef COREBOX_NO_ICU
bool icu_load(void)
{
	return false;
}
#else
#define ICU_NAME(ret, name, params) #name,
static const char *const icu_symbols[] = { ICU_FUNCS(ICU_NAME) NULL };

/* Bind every function of LIB, named NAME SUFFIX ("ucol_open_72"). */
static bool bind_icu(void *lib, const char *suffix)
{
	void *ptrs[sizeof icu_symbols / sizeof icu_symbols[0] - 1];
	char name[64];

	static_assert(sizeof ptrs == sizeof icu, "one pointer per function");
	for (size_t i = 0; icu_symbols[i]; i++) {
		snprintf(name, sizeof name, "%s%s", icu_symbols[i], suffix);
		ptrs[i] = sys_lib_sym(lib, name);
		if (!ptrs[i])
			return false;
	}
	memcpy(&icu, ptrs, sizeof icu);
	return true;
}

/* Open FILE and bind it with the suffix "_VERSION" or, for an ICU built
   without renamed symbols, none. VERSION 0: no suffix. */
static bool try_icu(const char *file, int version)
{
	const char *const names[] = { file, NULL };
	void *lib = sys_lib_open(names);

	if (!lib)
		return false;
	if (version > 0) {
		char suffix[16];
		snprintf(suffix, sizeof suffix, "_%d", version);
		if (bind_icu(lib, suffix))
			return true;
	}
	return bind_icu(lib, "");
}

bool icu_load(void)
{
	static bool tried, ok;
	static char file[64];

	if (tried)
		return ok;
	tried = true;
	load_error[0] = 0;
	int built = 0;
#ifdef COREBOX_ICU_MAJOR
	/* The version corebox was built against: found without a search. */
	built = COREBOX_ICU_MAJOR;
	snprintf(file, sizeof file, "libicui18n.so.%d", built);
	ok = try_icu(file, built);
	if (!ok)
		snprintf(load_error, sizeof load_error, "%s", sys_lib_error());
#endif
	int newest = ok ? 0 : sys_lib_newest("libicui18n.so.");
	if (newest > 0 && newest != built) {
		snprintf(file, sizeof file, "libicui18n.so.%d", newest);
		ok = try_icu(file, newest);
	}
	if (!ok) {
		snprintf(file, sizeof file, "icu.dll");
		ok = try_icu(file, 0);
	}
	if (ok)
		loaded_from = file;
	else if (!load_error[0])
		snprintf(load_error, sizeof load_error, "%s", sys_lib_error());
	return ok;
}
#endif

const char *icu_error(void)
{
	return load_error;
}

const char *icu_library(void)
{
	return loaded_from;
}
