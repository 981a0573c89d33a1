/* true: do nothing, successfully. */
#include "common.h"

static const struct cmd_info info = {
	.name = "true",
	.text = CMD_USAGE("[ignored command line arguments]\nOPTION")
		CMD_SUMMARY("Exit with a status code indicating success."),
};

int main_true(int argc, char **argv)
{
	/* Like GNU, only a lone --help or --version is an option. */
	if (argc == 2)
		opt_help_or_version(&info, NULL, argv[1]);
	return EXIT_SUCCESS;
}
