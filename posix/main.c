/* The POSIX entry point: prepare the process, then dispatch. */
#include "out.h"
#include "sys.h"

int corebox_main(int argc, char **argv);

/* Standard output is checked at exit from the executable's destructor
   list rather than through atexit(): exit() runs it after the program's
   own atexit handlers all the same, and the start-up of every program
   is spared registering it (a lazy binding of the C library's
   __cxa_atexit and its lock). */
__attribute__((destructor)) static void check_stdout_at_exit(void)
{
	out_atexit();
}

int main(int argc, char **argv)
{
	sys_init();
	return corebox_main(argc, argv);
}
