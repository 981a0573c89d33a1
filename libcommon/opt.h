/*
 * Command-line options, declared once per utility.
 *
 * A utility describes itself with a struct cmd_info: its name, synopsis,
 * description and a table of struct opt. From that one table come the
 * parser (GNU getopt_long semantics), --help and --version. Short options
 * return their character; long-only options use keys from OPT_LONG up.
 *
 *   static const struct opt opts[] = {
 *       { "bytes", 'c', OPT_REQ, "NUM", "print the first NUM bytes" },
 *       { "quiet", 'q', OPT_NONE, NULL, "never print headers" },
 *       { "silent", 'q', OPT_NONE, NULL, NULL },   (an alias: no help line)
 *       { 0 }
 *   };
 *
 * Parsing follows glibc: options and operands may be mixed (operands are
 * collected in order) unless POSIXLY_CORRECT is set or the utility asks
 * for OPT_F_NO_PERMUTE; "--" ends options; short options bundle ("-abc",
 * "-n5"); a long option may be abbreviated to any unique prefix. Errors
 * print glibc's texts, then "Try 'PROG --help'...", and exit with the
 * utility's usage status.
 */
#ifndef COREBOX_OPT_H
#define COREBOX_OPT_H

#include <stdbool.h>

enum opt_arg { OPT_NONE, OPT_REQ, OPT_OPT };

enum {
	OPT_END = -1,
	OPT_LONG = 256,     /* first key for long-only options */
	OPT_HELP = 0x7ffe,  /* reserved keys of the automatic options */
	OPT_VERSION = 0x7fff,
};

struct opt {
	const char *name;     /* long name, or NULL for a short-only option */
	int key;              /* short option character, or >= OPT_LONG */
	enum opt_arg arg;
	const char *argname;  /* shown in --help: "NUM", "[WHEN]" ... */
	const char *help;     /* one line or several ('\n'); NULL: listed as an alias
	                         of the entry with the same key; "": never listed */
};

enum {
	OPT_F_NO_PERMUTE = 1 << 0, /* stop at the first operand ("+" in getopt) */
	OPT_F_NO_AUTO = 1 << 1,    /* no automatic --help/--version */
	OPT_F_DIGITS = 1 << 2,     /* -0 .. -9 are options returning the digit */
	OPT_F_IN_ORDER = 1 << 3,   /* operands come back one by one as OPT_OPERAND
	                              with p->arg, in order among the options
	                              (getopt's "-"), those after "--" too
	                              (p->after_dashdash); p->operands stays empty */
	OPT_F_DIGIT_ARG = 1 << 4,  /* with OPT_F_DIGITS: the digit takes the rest of
	                              its word too, p->arg pointing at the digit
	                              ("-12,4": key '1', arg "12,4") */
};

enum { OPT_OPERAND = 1 };      /* key of an operand under OPT_F_IN_ORDER */

struct cmd_info {
	const char *name;       /* "head" */
	const char *usage;      /* synopsis lines after the name, '\n'-separated */
	const char *summary;    /* text before the option list */
	const struct opt *opts; /* terminated by an entry with key 0 */
	const char *details;    /* text after the option list, or NULL */
	unsigned flags;
	int usage_status;       /* exit status for usage errors; 0 means 1 */
	int fail_status;        /* exit status for other failures; 0 means 1 */
	/* When set, an argument for which this returns true is an operand even
	   though it starts with '-' (seq's negative numbers); with
	   OPT_F_NO_PERMUTE it ends the options. */
	bool (*is_operand)(const char *arg);
};

struct opt_parser {
	const struct cmd_info *info;
	int argc;
	char **argv;
	int index;             /* next argv element to look at */
	const char *next;      /* rest of a bundle of short options */
	bool permute;
	bool done;
	const char *arg;       /* argument of the option just returned, or NULL */
	const char *optname;   /* how the option just returned was written: "-n" or "--lines" */
	char **operands;       /* the operands, NULL-terminated, after OPT_END */
	int noperands;
	bool after_dashdash;   /* OPT_F_IN_ORDER: the operand just returned followed "--" */
	char optbuf[3];
};

/* Start parsing ARGV (ARGV[0] is the program name). Sets diag's usage and
   failure statuses from INFO. */
void opt_init(struct opt_parser *p, const struct cmd_info *info, int argc, char **argv);
/* The next option's key, with p->arg set; OPT_END when none are left (then
   p->operands holds the operands). --help and --version are handled here
   (they print and exit 0). */
int opt_next(struct opt_parser *p);
/* Print --help / --version text for INFO to standard output. */
void opt_print_help(const struct cmd_info *info);
void opt_print_version(const struct cmd_info *info);
/* Handle just --help / --version the way GNU's programs without other
   options do (true, echo, printf, [): when ARG is one of them, print and
   exit 0. */
void opt_help_or_version(const struct cmd_info *info, const char *arg);
/* "PROG: extra operand 'X'" + Try help, exit with the usage status. */
_Noreturn void opt_extra_operand(const char *operand);
/* "PROG: missing operand" (or "missing operand after 'X'") + Try help. */
_Noreturn void opt_missing_operand(const char *after);

#endif
