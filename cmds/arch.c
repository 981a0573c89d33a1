#include "common.h"

int main_arch(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	diag_die(1, 0, "not implemented yet");
}
