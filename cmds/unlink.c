/* unlink: remove one file with the unlink() system call. */
#include "common.h"

static const struct cmd_info info = {
	.name = "unlink",
	.text = CMD_USAGE("FILE\nOPTION")
		CMD_SUMMARY("Remove the directory entry FILE with the unlink() system call and\n"
		            "nothing else."),
};

int main_unlink(int argc, char **argv)
{
	struct opt_parser p;

	opt_init(&p, &info, NULL, argc, argv);
	while (opt_next(&p) != OPT_END)
		;
	if (p.noperands < 1)
		opt_missing_operand(NULL);
	if (p.noperands > 1)
		opt_extra_operand(p.operands[1]);
	if (sys_unlink(p.operands[0]) != 0)
		diag_die(EXIT_FAILURE, errno, "cannot unlink %s", quoteaf(p.operands[0]));
	return EXIT_SUCCESS;
}
