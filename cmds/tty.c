/* tty: print the name of the terminal on standard input. */
#include "common.h"

/* GNU's exit statuses. */
enum { TTY_NOT_A_TTY = 1, TTY_USAGE = 2, TTY_WRITE_ERROR = 3, TTY_NAME_FAILURE = 4 };

#define OPTIONS(O) \
	O("silent", 's', OPT_NONE, "", "print nothing, only set the exit status;\n--quiet is another name for it") \
	O("quiet", 's', OPT_NONE, "", OPT_ALIAS)
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "tty",
	.text = CMD_USAGE("[OPTION]...")
		CMD_SUMMARY("Print the file name of the terminal that is standard input.")
		CMD_DETAILS("Exit status: 0 when standard input is a terminal, 1 when it is not,\n"
		            "2 for bad usage, 3 when the output cannot be written, 4 when the terminal's\n"
		            "name cannot be found."),
	.usage_status = TTY_USAGE,
	.fail_status = TTY_WRITE_ERROR,
};

int main_tty(int argc, char **argv)
{
	struct opt_parser p;
	bool silent = false;
	int c;

	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END)
		if (c == 's')
			silent = true;
	if (p.noperands > 0)
		opt_extra_operand(p.operands[0]);
	if (silent)
		return sys_isatty(0) ? EXIT_SUCCESS : TTY_NOT_A_TTY;

	char *name = sys_ttyname(0);
	if (!name) {
		int err = errno;
		if (sys_isatty(0))
			diag_die(TTY_NAME_FAILURE, err, "ttyname error");
		out_puts("not a tty\n");
		return TTY_NOT_A_TTY;
	}
	out_puts(name);
	out_putc('\n');
	free(name);
	return EXIT_SUCCESS;
}
