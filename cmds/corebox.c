/*
 * The multi-call binary: pick the utility from the program name (or from
 * the first argument when the binary is called "corebox", "*box" or
 * "*utils"), then run it. Also --list, --help, --version and --install.
 */
#include "common.h"

/* The registry holds no pointers: the names are stored in a table of
   arrays and each utility is reached through a switch, so the loader has
   nothing to relocate here and looking up a name reads one read-only table
   (kept with the start-up data, cmake/startup.ld). */
enum {
#define CMD(name, id) CMD_##id,
#include "commands.def"
#undef CMD
	NCOMMANDS
};

#define CMD(str, id) int main_##id(int argc, char **argv); \
	_Static_assert(sizeof str <= 12, "name too long: " str);
#include "commands.def"
#undef CMD

STARTUP_RODATA static const char names[NCOMMANDS][12] = {
#define CMD(name, id) name,
#include "commands.def"
#undef CMD
};

static int run_command(int cmd, int argc, char **argv)
{
	switch (cmd) {
#define CMD(name, id) case CMD_##id: return main_##id(argc, argv);
#include "commands.def"
#undef CMD
	}
	return 1;
}

/* The name lookups below make no calls into the C library: in a program
   that does nothing else, as `true`, the first call of strcmp or strlen
   costs a lazy binding and often a page fault in the C library's text,
   measurably more than the comparisons themselves (docs/bench.md). */

static bool same_bytes(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

static size_t name_len(const char *entry)
{
	size_t n = 0;
	while (n < sizeof names[0] && entry[n])
		n++;
	return n;
}

/* The index of the utility called NAME (LEN bytes), or -1. */
static int find_exact(const char *name, size_t len)
{
	for (int i = 0; i < NCOMMANDS; i++)
		if (len < sizeof names[0] && !names[i][len] && same_bytes(names[i], name, len))
			return i;
	return -1;
}

/* The utility whose name is the longest suffix of NAME ("x86_64-ls"), or -1. */
static int find_suffix(const char *name, size_t len)
{
	int best = -1;
	size_t best_len = 0;
	for (int i = 0; i < NCOMMANDS; i++) {
		size_t n = name_len(names[i]);
		if (n <= len && n > best_len && same_bytes(names[i], name + len - n, n)) {
			best = i;
			best_len = n;
		}
	}
	return best;
}

static bool ends_with(const char *s, size_t len, const char *suffix, size_t n)
{
	return n <= len && same_bytes(s + len - n, suffix, n);
}

/* The program name from ARGV0: its last component, and on Windows folded
   to lower case without ".exe" (into BUF); its length goes to *LEN. No
   allocation: this runs before every utility. */
static const char *program_name(const char *argv0, char *buf, size_t size, size_t *len)
{
	const char *base = argv0, *p = argv0;
	for (; *p; p++)
		if (sys_is_sep(*p))
			base = p + 1;
	size_t n = (size_t)(p - base);
	*len = n;
	if (!sys_names_fold_case() || n >= size)
		return base;
	for (size_t i = 0; i <= n; i++)
		buf[i] = (base[i] >= 'A' && base[i] <= 'Z') ? (char)(base[i] - 'A' + 'a') : base[i];
	if (ends_with(buf, n, ".exe", 4)) {
		buf[n - 4] = 0;
		*len = n - 4;
	}
	return buf;
}

static const struct cmd_info corebox_info = {
	.name = "corebox",
	.text = CMD_USAGE("UTILITY [ARGUMENT]...\n--list\n--install [--symlinks|--hardlinks] DIR")
		CMD_SUMMARY("Run UTILITY with ARGUMENTs. corebox is one program that provides the GNU\n"
		            "coreutils and more; a link to it named after a utility runs that utility.")
		CMD_DETAILS("  --list       list the utilities this corebox provides\n"
		            "  --install DIR\n"
		            "               create a link named after each utility in DIR, pointing to\n"
		            "               this program: symbolic links by default on POSIX systems,\n"
		            "               hard links on Windows (--symlinks / --hardlinks choose)"),
};

__attribute__((cold)) static int install_links(int argc, char **argv)
{
	enum { DEFAULT, SYMLINKS, HARDLINKS } kind = DEFAULT;
	const char *dir = NULL;
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--symlinks") == 0)
			kind = SYMLINKS;
		else if (strcmp(argv[i], "--hardlinks") == 0)
			kind = HARDLINKS;
		else if (argv[i][0] == '-' && argv[i][1])
			diag_usage_error("unrecognized option '%s'", argv[i]);
		else if (!dir)
			dir = argv[i];
		else
			opt_extra_operand(argv[i]);
	}
	if (!dir)
		opt_missing_operand(NULL);
	if (kind == DEFAULT)
		kind = sys_names_fold_case() ? HARDLINKS : SYMLINKS;
	struct sys_stat dst;
	if (sys_stat(dir, &dst) < 0)
		diag_die(1, errno, "failed to access %s", quoteaf(dir));
	if (!SYS_S_ISDIR(dst.mode))
		diag_die(1, 0, "target %s is not a directory", quoteaf(dir));
	char *self = sys_self_path();
	if (!self)
		diag_die(1, errno, "cannot find the path of this program");
	int status = 0;
	for (int i = 0; i < NCOMMANDS; i++) {
		const char *suffix = sys_names_fold_case() ? ".exe" : "";
		char *path = xasprintf("%s/%s%s", dir, names[i], suffix);
		struct sys_stat st;
		if (sys_lstat(path, &st) == 0 && sys_unlink(path) < 0) {
			diag_error(errno, "cannot remove %s", quoteaf(path));
			status = 1;
		} else if ((kind == SYMLINKS ? sys_symlink(self, path) : sys_link(self, path)) < 0) {
			diag_error(errno, "cannot create link %s", quoteaf(path));
			status = 1;
		}
		free(path);
	}
	free(self);
	return status;
}

static int run_multicall(int argc, char **argv)
{
	diag_set_prog("corebox", "corebox");
	if (argc < 2) {
		opt_print_help(&corebox_info, NULL);
		return 1;
	}
	const char *arg = argv[1];
	int cmd = find_exact(arg, strlen(arg));
	if (cmd >= 0) {
		diag_set_prog(names[cmd], names[cmd]);
		return run_command(cmd, argc - 1, argv + 1);
	}
	if (strcmp(arg, "--list") == 0) {
		for (int i = 0; i < NCOMMANDS; i++)
			out_printf("%s\n", names[i]);
		return 0;
	}
	if (strcmp(arg, "--install") == 0)
		return install_links(argc - 2, argv + 2);
	opt_help_or_version(&corebox_info, NULL, arg);
	diag_error(0, "unknown program %s", quote(arg));
	diag_try_help();
	return 1;
}

int corebox_main(int argc, char **argv)
{
	char buf[256];
	size_t len;
	const char *name = program_name(argc > 0 ? argv[0] : "corebox", buf, sizeof buf, &len);
	int cmd = find_exact(name, len);
	if (cmd < 0 && (ends_with(name, len, "box", 3) || ends_with(name, len, "utils", 5)))
		return run_multicall(argc, argv);
	if (cmd < 0)
		cmd = find_suffix(name, len);
	if (cmd < 0) {
		diag_set_prog("corebox", "corebox");
		diag_error(0, "unknown program %s", quote(name));
		return 1;
	}
	diag_set_prog(sys_display_name(argv[0], names[cmd]), names[cmd]);
	return run_command(cmd, argc, argv);
}
