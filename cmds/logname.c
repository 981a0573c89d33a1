/* logname: print the name the user logged in with. */
#include "common.h"

static const struct cmd_info info = {
	.name = "logname",
	.text = CMD_USAGE("[OPTION]")
		CMD_SUMMARY("Print the login name of the user of this session."),
};

int main_logname(int argc, char **argv)
{
	struct opt_parser p;

	opt_init(&p, &info, NULL, argc, argv);
	while (opt_next(&p) != OPT_END)
		;
	if (p.noperands > 0)
		opt_extra_operand(p.operands[0]);
	char *name = sys_login_name();
	if (!name)
		diag_die(EXIT_FAILURE, 0, "no login name");
	out_puts(name);
	out_putc('\n');
	free(name);
	return EXIT_SUCCESS;
}
