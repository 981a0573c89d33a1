/* echo: write the arguments, separated by spaces, and a newline. */
#include "common.h"

#include "escape.h"

/* Listed by --help; echo reads its options itself. */
#define OPTIONS(O) \
	O("", 'n', OPT_NONE, "", "do not end the output with a newline") \
	O("", 'e', OPT_NONE, "", "interpret the backslash escapes listed below") \
	O("", 'E', OPT_NONE, "", "write backslashes as they are (the default)")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "echo",
	.text = CMD_USAGE("[SHORT-OPTION]... [STRING]...\nLONG-OPTION")
		CMD_SUMMARY("Write each STRING to standard output, one space between them, and end the line.")
		CMD_DETAILS("Only an argument made of these option letters after a '-' is an option;\n"
		            "the first one that is not starts the strings. --help and --version work\n"
		            "only as the sole argument.\n"
		            "\n"
		            "With -e, a backslash introduces:\n"
		            "  \\\\      a backslash\n"
		            "  \\a      bell (BEL)\n"
		            "  \\b      backspace\n"
		            "  \\c      nothing more: the output stops here, newline included\n"
		            "  \\e      escape character (ESC)\n"
		            "  \\f      form feed\n"
		            "  \\n      newline\n"
		            "  \\r      carriage return\n"
		            "  \\t      tab\n"
		            "  \\v      vertical tab\n"
		            "  \\0NNN   the byte whose octal value is NNN (zero to three digits)\n"
		            "  \\xHH    the byte whose hexadecimal value is HH (one or two digits)\n"
		            "\n"
		            "When POSIXLY_CORRECT is set, escapes are always interpreted and options\n"
		            "are recognized only when the first argument is exactly -n.\n"
		            "\n"
		            "Shells have their own echo, which takes precedence over this one; printf\n"
		            "is the more predictable way to write text that may begin with '-'."),
};

/* True when ARG is an option word: '-' and then only n, e and E. */
static bool is_option_word(const char *arg)
{
	if (arg[0] != '-' || arg[1] == 0)
		return false;
	return arg[1 + strspn(arg + 1, "neE")] == 0;
}

int main_echo(int argc, char **argv)
{
	bool posix = sys_getenv("POSIXLY_CORRECT") != NULL;
	bool options = !posix || (argc > 1 && strcmp(argv[1], "-n") == 0);
	bool newline = true, escapes = false;
	int i = 1;

	if (options && argc == 2)
		opt_help_or_version(&info, &opts.table, argv[1]);
	if (options) {
		for (; i < argc && is_option_word(argv[i]); i++) {
			for (const char *p = argv[i] + 1; *p; p++) {
				if (*p == 'n')
					newline = false;
				else
					escapes = *p == 'e';
			}
		}
	}
	if (posix)
		escapes = true;

	char *buf = NULL;
	size_t cap = 0;
	for (int first = i; i < argc; i++) {
		const char *s = argv[i];
		if (i > first)
			out_putc(' ');
		if (!escapes || !strchr(s, '\\')) {
			out_puts(s);
			continue;
		}
		size_t len = strlen(s), n;
		if (len > cap) {
			free(buf);
			cap = len;
			buf = xmalloc(cap);
		}
		struct esc e;
		enum esc_status st = esc_string(s, ESC_ECHO, buf, &n, &e);
		out_write(buf, n);
		if (st == ESC_STOP) {
			free(buf);
			return EXIT_SUCCESS;
		}
	}
	free(buf);
	if (newline)
		out_putc('\n');
	return EXIT_SUCCESS;
}
