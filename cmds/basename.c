/* basename: print the last component of file names, minus a suffix. */
#include "common.h"

#define OPTIONS(O) \
	O("multiple", 'a', OPT_NONE, "", "take any number of NAMEs, printing the base of each") \
	O("suffix", 's', OPT_REQ, "SUFFIX", "also cut a trailing SUFFIX; implies -a") \
	O("zero", 'z', OPT_NONE, "", "end each output name with NUL instead of newline")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "basename",
	.text = CMD_USAGE("NAME [SUFFIX]\nOPTION... NAME...")
		CMD_SUMMARY("Print each NAME without the directories that lead to it. When a SUFFIX\n"
		            "is given, cut it from the end too, unless it is all that is left.")
		CMD_DETAILS("For example, 'basename /srv/www/index.html .html' prints \"index\", and\n"
		            "'basename -s .c src/a.c lib/b.c' prints \"a\" and \"b\" on two lines."),
	.flags = OPT_F_NO_PERMUTE,
};

/* Print the base of NAME, without SUFFIX (NULL: none), then END. */
static void print_base(const char *name, const char *suffix, char end)
{
	size_t len = strlen(name);
	while (len > 1 && sys_is_sep(name[len - 1]))
		len--;
	size_t start = len;
	while (start > 0 && !sys_is_sep(name[start - 1]))
		start--;
	if (start == len && len > 0) {
		/* Only separators: the root. */
		out_write(name, 1);
		out_putc(end);
		return;
	}
	const char *base = name + start;
	len -= start;
	if (suffix) {
		size_t slen = strlen(suffix);
		if (slen < len && memcmp(base + len - slen, suffix, slen) == 0)
			len -= slen;
	}
	out_write(base, len);
	out_putc(end);
}

int main_basename(int argc, char **argv)
{
	struct opt_parser p;
	bool multiple = false;
	const char *suffix = NULL;
	char end = '\n';
	int c;

	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		switch (c) {
		case 's':
			suffix = p.arg;
			multiple = true;
			break;
		case 'a':
			multiple = true;
			break;
		case 'z':
			end = 0;
			break;
		}
	}
	if (p.noperands == 0)
		opt_missing_operand(NULL);
	if (multiple) {
		for (int i = 0; i < p.noperands; i++)
			print_base(p.operands[i], suffix, end);
	} else {
		if (p.noperands > 2)
			opt_extra_operand(p.operands[2]);
		print_base(p.operands[0], p.noperands == 2 ? p.operands[1] : NULL, end);
	}
	return EXIT_SUCCESS;
}
