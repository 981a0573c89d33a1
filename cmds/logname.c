#include "common.h"

int main_logname(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	diag_die(1, 0, "not implemented yet");
}
