/* printenv: print the values of environment variables, or all of them. */
#include "common.h"

enum { PRINTENV_FAILURE = 2 };

#define OPTIONS(O) \
	O("null", '0', OPT_NONE, "", "end each value with NUL instead of newline") \
	/* Accepted by GNU's parser but rejected as a usage error. */ \
	O("", 'i', OPT_NONE, "", OPT_ALIAS) \
	O("", 'u', OPT_REQ, "", OPT_ALIAS)
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "printenv",
	.text = CMD_USAGE("[OPTION] [VARIABLE]...")
		CMD_SUMMARY("Print the value of each environment VARIABLE named, or every NAME=VALUE\n"
		            "pair when none is named.")
		CMD_DETAILS("The shell may have a printenv of its own, which can differ from this one;\n"
		            "run it by its path to be sure of getting this program.\n"
		            "\n"
		            "Exit status: 0 when every VARIABLE is set, 1 when one is not, 2 on errors."),
	.flags = OPT_F_NO_PERMUTE,
	.usage_status = PRINTENV_FAILURE,
	.fail_status = PRINTENV_FAILURE,
};

/* Print the value of every environment entry named NAME; true if any. */
static bool print_var(const char *name, char end)
{
	size_t len = strlen(name);
	bool found = false;
	if (len == 0 || strchr(name, '='))
		return false;
	for (char **e = sys_environ(); *e; e++) {
		if (strncmp(*e, name, len) == 0 && (*e)[len] == '=') {
			out_puts(*e + len + 1);
			out_putc(end);
			found = true;
		}
	}
	return found;
}

int main_printenv(int argc, char **argv)
{
	static struct opt_parser p; /* static: its operands stay reachable */
	char end = '\n';
	int c;

	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		switch (c) {
		case '0':
			end = '\0';
			break;
		default:
			diag_usage_error(NULL);
		}
	}

	if (p.noperands == 0) {
		for (char **e = sys_environ(); *e; e++) {
			out_puts(*e);
			out_putc(end);
		}
		return EXIT_SUCCESS;
	}
	int status = EXIT_SUCCESS;
	for (int i = 0; i < p.noperands; i++)
		if (!print_var(p.operands[i], end))
			status = EXIT_FAILURE;
	return status;
}
