/* The evaluator shared by test and [. */
#ifndef COREBOX_CMDS_TEST_H
#define COREBOX_CMDS_TEST_H

#include <stdbool.h>

/* Run test (BRACKET false) or [ (BRACKET true) on ARGC/ARGV: returns 0 when
   the expression is true, 1 when it is false; exits 2 on a syntax error. */
int test_main(int argc, char **argv, bool bracket);

#endif
