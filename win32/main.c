/* The Windows entry point: wmain (-municode), so that arguments arrive
   as UTF-16 whatever the code page. The C runtime's own wildcard
   expansion is off: args.c splits the raw command line itself, to know
   which characters were quoted, and expands wildcards as a POSIX shell
   would have. Then the same dispatcher as on POSIX. */
#include <stdlib.h>
#include <wchar.h>

#include "out.h"
#include "sys.h"
#include "w32.h"

int _dowildcard = 0;

int corebox_main(int argc, char **argv);

int wmain(int argc, wchar_t **argv)
{
	sys_init();
	/* After sys_init's console handler, so it runs before the console's
	   code page is restored. */
	atexit(out_atexit);
	int n;
	char **args = w32_args(&n);
	if (!args) {
		/* Out of memory already: the runtime's split, unexpanded. */
		args = calloc((size_t)argc + 1, sizeof *args);
		if (!args)
			return 1;
		for (n = 0; n < argc; n++)
			if (!(args[n] = w32_utf8(argv[n], -1, NULL)))
				return 1;
	}
	return corebox_main(n, args);
}
