/* arch: print the machine's hardware name (uname -m). */
#include "common.h"

static const struct cmd_info info = {
	.name = "arch",
	.text = CMD_USAGE("[OPTION]...")
		CMD_SUMMARY("Print the hardware architecture of this machine (the same as uname -m)."),
};

int main_arch(int argc, char **argv)
{
	struct opt_parser p;

	opt_init(&p, &info, NULL, argc, argv);
	while (opt_next(&p) != OPT_END)
		;
	if (p.noperands > 0)
		opt_extra_operand(p.operands[0]);
	struct sys_uname u;
	if (sys_uname(&u) < 0)
		diag_die(EXIT_FAILURE, errno, "cannot get system name");
	out_puts(u.machine);
	out_putc('\n');
	return EXIT_SUCCESS;
}
