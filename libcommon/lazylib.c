/* lazylib.c: binding a library's function table at run time. */
#include <assert.h> /* static_assert */
#include <stdio.h>
#include <string.h>

#include "lazylib.h"
#include "sys.h"

typedef void (*lazylib_fn)(void);
static_assert(sizeof(void *) == sizeof(lazylib_fn),
              "function pointers must be the size of data pointers");

static const char *last_error = "";

static bool bind_all(void *lib, const char *const *symbols, void *api, size_t size)
{
	size_t i;

	for (i = 0; symbols[i]; i++) {
		void *p = sys_lib_sym(lib, symbols[i]);
		if (!p)
			return false;
		memcpy((char *)api + i * sizeof p, &p, sizeof p);
	}
	return i * sizeof(void *) == size;
}

bool lazylib_bind(struct lazylib_state *state, const char *const *names,
                  const char *const *symbols, void *api, size_t size)
{
	if (!state->tried) {
		void *lib = sys_lib_open(names);
		state->tried = true;
		state->ok = lib && bind_all(lib, symbols, api, size);
		if (!state->ok)
			snprintf(state->error, sizeof state->error, "%s", sys_lib_error());
	}
	last_error = state->error;
	return state->ok;
}

const char *lazylib_error(void)
{
	return last_error;
}
