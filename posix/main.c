/* The POSIX entry point: prepare the process, then dispatch. */
#include "sys.h"

int corebox_main(int argc, char **argv);

int main(int argc, char **argv)
{
	sys_init();
	return corebox_main(argc, argv);
}
