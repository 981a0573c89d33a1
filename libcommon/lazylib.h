/*
 * lazylib.h: optional libraries, bound on first use.
 *
 * corebox is one binary, and every library linked into it is loaded and
 * relocated whenever any program starts: libcrypto alone doubles the
 * start-up time of `true`. So on Linux the libraries only some programs
 * need (libcrypto, PCRE2, zlib, ICU, libarchive) are opened when such a
 * program first asks for them; the static Windows build links them in and
 * binds them directly (COREBOX_LAZY_LIBS=0). Callers see no difference:
 *
 *	#define LIBZ_FUNCS(X) \
 *		X(uLong, crc32, (uLong, const Bytef *, uInt)) \
 *		X(const char *, zlibVersion, (void))
 *	LAZYLIB_DECLARE(libz, LIBZ_FUNCS);               (in lib_z.h)
 *	LAZYLIB_DEFINE(libz, LIBZ_FUNCS, "libz.so.1");   (in lib_z.c)
 *
 *	if (!libz_load())
 *		diag_die(EXIT_FAILURE, 0, "%s", lazylib_error());
 *	crc = libz.crc32(crc, buf, n);
 *
 * List real functions only: a function-like macro of the library's header
 * cannot be bound (list the function it expands to).
 */
#ifndef COREBOX_LAZYLIB_H
#define COREBOX_LAZYLIB_H

#include <stdbool.h>
#include <stddef.h>

#ifndef COREBOX_LAZY_LIBS
#define COREBOX_LAZY_LIBS 1
#endif

#define LAZYLIB_STR_(x) #x
#define LAZYLIB_STR(x) LAZYLIB_STR_(x)
#define LAZYLIB_MEMBER(ret, name, params) ret (*name) params;
#define LAZYLIB_NAME(ret, name, params) LAZYLIB_STR(name),
#define LAZYLIB_ADDR(ret, name, params) name,

/* The table LIB of function pointers, and LIB_load() which fills it. */
#define LAZYLIB_DECLARE(lib, FUNCS)                                          \
	struct lib##_api {                                                   \
		FUNCS(LAZYLIB_MEMBER)                                        \
	};                                                                   \
	extern struct lib##_api lib;                                         \
	bool lib##_load(void)

struct lazylib_state {
	bool tried, ok;
	char error[256];
};

/* Open the first of NAMES that loads and fill API (SIZE bytes of function
   pointers, in the order of SYMBOLS). Remembers the outcome in STATE. */
bool lazylib_bind(struct lazylib_state *state, const char *const *names,
                  const char *const *symbols, void *api, size_t size);

/* Why the last LIB_load() failed: names the library and the reason. */
const char *lazylib_error(void);

#if COREBOX_LAZY_LIBS
/* The file names to try follow FUNCS: "libz.so.1", "zlib1.dll", ... */
#define LAZYLIB_DEFINE(lib, FUNCS, ...)                                      \
	struct lib##_api lib;                                                \
	bool lib##_load(void)                                                \
	{                                                                    \
		static const char *const names[] = {__VA_ARGS__, NULL};      \
		static const char *const symbols[] = {FUNCS(LAZYLIB_NAME) NULL}; \
		static struct lazylib_state state;                           \
		return lazylib_bind(&state, names, symbols, &lib, sizeof lib); \
	}
#else
#define LAZYLIB_DEFINE(lib, FUNCS, ...)                                      \
	struct lib##_api lib = {FUNCS(LAZYLIB_ADDR)};                        \
	bool lib##_load(void)                                                \
	{                                                                    \
		return true;                                                 \
	}
#endif

#endif
