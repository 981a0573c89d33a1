/* uname: print facts about the system. */
#include "common.h"

enum {
	P_KERNEL = 1 << 0,
	P_NODE = 1 << 1,
	P_RELEASE = 1 << 2,
	P_VERSION = 1 << 3,
	P_MACHINE = 1 << 4,
	P_PROCESSOR = 1 << 5,
	P_PLATFORM = 1 << 6,
	P_OS = 1 << 7,
	P_ALL = 0xff,
};

#define OPTIONS(O) \
	O("all", 'a', OPT_NONE, "", "print everything below in this order, leaving out\n-p and -i when they are unknown") \
	O("kernel-name", 's', OPT_NONE, "", "print the name of the kernel") \
	O("sysname", 's', OPT_NONE, "", "") \
	O("nodename", 'n', OPT_NONE, "", "print the host name on the network") \
	O("kernel-release", 'r', OPT_NONE, "", "print the release of the kernel") \
	O("release", 'r', OPT_NONE, "", "") \
	O("kernel-version", 'v', OPT_NONE, "", "print the version of the kernel") \
	O("machine", 'm', OPT_NONE, "", "print the hardware (machine) name") \
	O("processor", 'p', OPT_NONE, "", "print the processor type, or \"unknown\"") \
	O("hardware-platform", 'i', OPT_NONE, "", "print the hardware platform, or \"unknown\"") \
	O("operating-system", 'o', OPT_NONE, "", "print the name of the operating system")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "uname",
	.text = CMD_USAGE("[OPTION]...")
		CMD_SUMMARY("Print information about this system; with no OPTION, the kernel name\n"
		            "(as -s)."),
};

/* Print FIELD, after a space unless it is the first. */
static void field(const char *s)
{
	static bool started;
	if (started)
		out_putc(' ');
	started = true;
	out_puts(s);
}

int main_uname(int argc, char **argv)
{
	struct opt_parser p;
	unsigned want = 0;
	bool all = false;
	int c;

	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		switch (c) {
		case 'a': all = true; break;
		case 's': want |= P_KERNEL; break;
		case 'n': want |= P_NODE; break;
		case 'r': want |= P_RELEASE; break;
		case 'v': want |= P_VERSION; break;
		case 'm': want |= P_MACHINE; break;
		case 'p': want |= P_PROCESSOR; break;
		case 'i': want |= P_PLATFORM; break;
		case 'o': want |= P_OS; break;
		}
	}
	if (p.noperands > 0)
		opt_extra_operand(p.operands[0]);
	if (all)
		want = P_ALL;
	else if (want == 0)
		want = P_KERNEL;

	struct sys_uname u;
	if (sys_uname(&u) < 0)
		diag_die(EXIT_FAILURE, errno, "cannot get system name");
	if (want & P_KERNEL)
		field(u.sysname);
	if (want & P_NODE)
		field(u.nodename);
	if (want & P_RELEASE)
		field(u.release);
	if (want & P_VERSION)
		field(u.version);
	if (want & P_MACHINE)
		field(u.machine);
	if ((want & P_PROCESSOR) && !(all && strcmp(u.processor, "unknown") == 0))
		field(u.processor);
	if ((want & P_PLATFORM) && !(all && strcmp(u.hardware_platform, "unknown") == 0))
		field(u.hardware_platform);
	if (want & P_OS)
		field(u.operating_system);
	out_putc('\n');
	return EXIT_SUCCESS;
}
