/* nproc: print how many processors this process may use. */
#include "common.h"

#include "cpus.h"

enum { OPT_ALL = OPT_LONG, OPT_IGNORE };

#define OPTIONS(O) \
	O("all", OPT_ALL, OPT_NONE, "", "count every installed processor, ignoring the OpenMP\nvariables and CPU quotas") \
	O("ignore", OPT_IGNORE, OPT_REQ, "N", "leave N processors out when possible (the count\nnever drops below 1)")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "nproc",
	.text = CMD_USAGE("[OPTION]...")
		CMD_SUMMARY("Print the number of processors available to this process, which can be\n"
		            "fewer than are online. OMP_NUM_THREADS, when set, replaces that number,\n"
		            "and OMP_THREAD_LIMIT caps it."),
};

int main_nproc(int argc, char **argv)
{
	struct opt_parser p;
	enum cpus_query query = CPUS_CURRENT_OVERRIDABLE;
	uintmax_t ignore = 0;
	int c;

	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		switch (c) {
		case OPT_ALL:
			query = CPUS_ALL;
			break;
		case OPT_IGNORE: {
			int st = num_parse_umax(p.arg, NULL, &ignore);
			if (st != NUM_OK && st != NUM_OVERFLOW)
				diag_die(EXIT_FAILURE, 0, "invalid number: %s", quote(p.arg));
			break;
		}
		}
	}
	if (p.noperands > 0)
		opt_extra_operand(p.operands[0]);

	unsigned long n = cpus_count(query);
	n = ignore < n ? n - (unsigned long)ignore : 1;
	out_printf("%lu\n", n);
	return EXIT_SUCCESS;
}
