/* true: do nothing, successfully. */
#include "common.h"

static const struct cmd_info info = {
	.name = "true",
	.usage = "[ignored command line arguments]\nOPTION",
	.summary = "Exit with a status code indicating success.",
	.opts = (const struct opt[]){ { 0 } },
};

int main_true(int argc, char **argv)
{
	/* Like GNU, only a lone --help or --version is an option. */
	if (argc == 2)
		opt_help_or_version(&info, argv[1]);
	return EXIT_SUCCESS;
}
