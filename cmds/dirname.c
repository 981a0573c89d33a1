/* dirname: print file names without their last component. */
#include "common.h"

#define OPTIONS(O) \
	O("zero", 'z', OPT_NONE, "", "end each output name with NUL instead of newline")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "dirname",
	.text = CMD_USAGE("[OPTION] NAME...")
		CMD_SUMMARY("Print each NAME with its last component and the separators before it\n"
		            "removed. A NAME without any '/' gives '.' (the current directory).")
		CMD_DETAILS("For example, 'dirname /srv/www/index.html docs/' prints \"/srv/www\" and\n"
		            "\".\" on two lines."),
};

/* The length of the directory part of NAME; 0 when there is none. */
static size_t dir_len(const char *name)
{
	size_t root = sys_is_sep(name[0]) ? 1 : 0;
	size_t len = strlen(name);
	while (len > root && sys_is_sep(name[len - 1]))
		len--;
	while (len > root && !sys_is_sep(name[len - 1]))
		len--;
	while (len > root && sys_is_sep(name[len - 1]))
		len--;
	return len;
}

int main_dirname(int argc, char **argv)
{
	struct opt_parser p;
	char end = '\n';
	int c;

	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END)
		if (c == 'z')
			end = 0;
	if (p.noperands == 0)
		opt_missing_operand(NULL);
	for (int i = 0; i < p.noperands; i++) {
		const char *name = p.operands[i];
		size_t len = dir_len(name);
		if (len == 0)
			out_putc('.');
		else
			out_write(name, len);
		out_putc(end);
	}
	return EXIT_SUCCESS;
}
