/* false: do nothing, unsuccessfully. */
#include "common.h"

static const struct cmd_info info = {
	.name = "false",
	.text = CMD_USAGE("[ignored command line arguments]\nOPTION")
		CMD_SUMMARY("Exit with a status code indicating failure."),
};

int main_false(int argc, char **argv)
{
	/* Like GNU, only a lone --help or --version is an option, and even
	   then the status is failure. */
	diag_fail_status = EXIT_FAILURE;
	if (argc == 2) {
		if (strcmp(argv[1], "--help") == 0)
			opt_print_help(&info, NULL);
		else if (strcmp(argv[1], "--version") == 0)
			opt_print_version(&info);
	}
	return EXIT_FAILURE;
}
