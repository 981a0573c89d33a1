/* sleep: wait for the sum of the given time intervals. */
#include "common.h"
#include "duration.h"

static const struct cmd_info info = {
	.name = "sleep",
	.text = CMD_USAGE("NUMBER[SUFFIX]...\nOPTION")
		CMD_SUMMARY("Wait for NUMBER seconds; NUMBER may have a fraction, be written in\n"
		            "hexadecimal or exponent form, or be 'inf' to wait forever. SUFFIX is\n"
		            "one of 's' (seconds, the default), 'm' (minutes), 'h' (hours) and\n"
		            "'d' (days). Several arguments wait for the total of them all."),
};

int main_sleep(int argc, char **argv)
{
	struct opt_parser p;
	opt_init(&p, &info, NULL, argc, argv);
	while (opt_next(&p) != OPT_END)
		diag_usage_error(NULL);
	if (argc == 1)
		diag_usage_error("missing operand");

	long double total = 0;
	bool ok = true;
	for (int i = 0; i < p.noperands; i++) {
		long double s;
		if (!duration_parse(p.operands[i], 0, &s)) {
			diag_error(0, "invalid time interval %s", quote(p.operands[i]));
			ok = false;
			continue;
		}
		total += s;
	}
	if (!ok)
		diag_usage_error(NULL);
	free(p.operands);
	if (duration_sleep(total) < 0)
		diag_die(diag_fail_status, errno, "cannot read realtime clock");
	return EXIT_SUCCESS;
}
