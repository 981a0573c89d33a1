/* whoami: print the name of the effective user. */
#include "common.h"

#include <inttypes.h>

static const struct cmd_info info = {
	.name = "whoami",
	.text = CMD_USAGE("[OPTION]...")
		CMD_SUMMARY("Print the user name that goes with the effective user ID (as 'id -un')."),
};

int main_whoami(int argc, char **argv)
{
	struct opt_parser p;

	opt_init(&p, &info, NULL, argc, argv);
	while (opt_next(&p) != OPT_END)
		;
	if (p.noperands > 0)
		opt_extra_operand(p.operands[0]);
	uint32_t uid = sys_geteuid();
	errno = 0;
	char *name = sys_user_name(uid);
	if (!name)
		diag_die(EXIT_FAILURE, errno, "cannot find name for user ID %" PRIu32, uid);
	out_puts(name);
	out_putc('\n');
	free(name);
	return EXIT_SUCCESS;
}
