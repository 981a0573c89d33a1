/* [: test with a closing bracket. */
#include "test.h"

int main_lbracket(int argc, char **argv)
{
	return test_main(argc, argv, true);
}
