/*
 * Diagnostics: every message a utility prints to stderr goes through here,
 * so it has GNU's shape: "PROG: message[: strerror]". A utility keeps its
 * own exit status while it goes on with other operands; diag_die() is for
 * errors after which nothing sensible can continue.
 */
#ifndef COREBOX_DIAG_H
#define COREBOX_DIAG_H

#include <stdarg.h>

/* The program name shown in messages (argv[0] as GNU shows it). */
extern const char *diag_prog;
/* The utility's canonical name ("head"), used in "Try 'head --help'". */
extern const char *diag_util;
/* Exit status for fatal errors and write errors (1, or 2 for test, 125 for
   env ...), and for usage errors. */
extern int diag_fail_status;
extern int diag_usage_status;

void diag_set_prog(const char *display, const char *util);

/* "PROG: MSG\n", or "PROG: MSG: strerror(ERRNUM)\n" when ERRNUM != 0.
   Standard output is flushed first so the two streams interleave as the
   program wrote them. */
void diag_error(int errnum, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void diag_verror(int errnum, const char *fmt, va_list ap);
/* diag_error(), then exit with STATUS. */
_Noreturn void diag_die(int status, int errnum, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* A usage error: the message (when FMT is not NULL), then "Try 'PROG
   --help' for more information.", then exit with diag_usage_status. */
_Noreturn void diag_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "Try 'PROG --help' for more information." */
void diag_try_help(void);

#endif
