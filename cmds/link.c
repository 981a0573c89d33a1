/* link: make a hard link with the link() system call. */
#include "common.h"

static const struct cmd_info info = {
	.name = "link",
	.text = CMD_USAGE("FILE1 FILE2\nOPTION")
		CMD_SUMMARY("Make FILE2 a new hard link to the existing FILE1, with the link()\n"
		            "system call and nothing else."),
};

int main_link(int argc, char **argv)
{
	struct opt_parser p;

	opt_init(&p, &info, NULL, argc, argv);
	while (opt_next(&p) != OPT_END)
		;
	if (p.noperands < 2)
		opt_missing_operand(p.noperands ? p.operands[0] : NULL);
	if (p.noperands > 2)
		opt_extra_operand(p.operands[2]);
	if (sys_link(p.operands[0], p.operands[1]) != 0)
		diag_die(EXIT_FAILURE, errno, "cannot create link %s to %s",
			 quoteaf(p.operands[1]), quoteaf(p.operands[0]));
	return EXIT_SUCCESS;
}
