/*
 * Command-line options, declared once per utility.
 *
 * A utility describes itself with a struct cmd_info (its name and help
 * texts) and a table of options made by OPT_TABLE from a list macro. From
 * the two come the parser (GNU getopt_long semantics), --help and
 * --version. Short options return their character; long-only options use
 * keys from OPT_LONG up.
 *
 *   #define OPTIONS(O) \
 *       O("bytes", 'c', OPT_REQ, "NUM", "print the first NUM bytes") \
 *       O("quiet", 'q', OPT_NONE, "", "never print headers") \
 *       O("silent", 'q', OPT_NONE, "", OPT_ALIAS)
 *   OPT_TABLE(opts, OPTIONS);
 *
 *   static const struct cmd_info info = {
 *       .name = "head",
 *       .text = CMD_USAGE("[OPTION]... [FILE]...")
 *               CMD_SUMMARY("Print the first 10 lines of each FILE."),
 *   };
 *   ...
 *   opt_init(&p, &info, &opts.table, argc, argv);
 *
 * An entry is O(LONG, KEY, ARG, ARGNAME, HELP): LONG is "" for a
 * short-only option, ARGNAME "" when there is none; HELP is one line or
 * several ('\n'), OPT_ALIAS for an alias listed with the entry of the same
 * key, or "" for an option never listed.
 *
 * Neither the table nor the cmd_info holds a pointer: their strings are
 * stored inline. A position-independent corebox therefore has nothing to
 * relocate in them, and the loader writes none of their pages before
 * every program (a copy-on-write page fault each).
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

/* One entry of a table: this header, then "LONG\0ARGNAME\0HELP\0". */
struct opt_rec {
	int key;              /* 0 ends the table */
	unsigned short size;  /* bytes from this header to the next one */
	unsigned char arg;    /* enum opt_arg */
	unsigned char spare;
};

/* A table made by OPT_TABLE, passed as &NAME.table. */
struct opt_table {
	struct opt_rec first;
};

#define OPT_ALIAS "\1"

#define OPT_CAT2_(a, b) a##b
#define OPT_CAT_(a, b) OPT_CAT2_(a, b)
#define OPT_TEXT_(name, argname, help) name "\0" argname "\0" help
#define OPT_REC_SIZE_(n) \
	((sizeof(struct opt_rec) + (n) + _Alignof(struct opt_rec) - 1) / _Alignof(struct opt_rec) * \
	 _Alignof(struct opt_rec))
#define OPT_MEMBER_(name, key, arg, argname, help) \
	struct { \
		struct opt_rec rec; \
		char text[sizeof OPT_TEXT_(name, argname, help)]; \
		_Static_assert(OPT_REC_SIZE_(sizeof OPT_TEXT_(name, argname, help)) <= 0xffff, \
			       "an option's texts must fit opt_rec.size"); \
	} OPT_CAT_(opt_, __COUNTER__);
#define OPT_VALUE_(name, key, arg, argname, help) \
	{ { (key), OPT_REC_SIZE_(sizeof OPT_TEXT_(name, argname, help)), (arg), 0 }, \
	  OPT_TEXT_(name, argname, help) },
/* Define the table VAR from LIST, a macro that applies its argument to
   each entry. */
#define OPT_TABLE(var, LIST) \
	static const union { \
		struct opt_table table; \
		struct { \
			LIST(OPT_MEMBER_) \
			struct opt_rec end; \
		} recs; \
	} var = { .recs = { LIST(OPT_VALUE_) { 0, 0, 0, 0 } } }

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
	char name[16];          /* "head" */
	unsigned flags;
	int usage_status;       /* exit status for usage errors; 0 means 1 */
	int fail_status;        /* exit status for other failures; 0 means 1 */
	/* The help texts, each at most once and in any order:
	   CMD_USAGE: synopsis lines after the name, '\n'-separated
	   (default "[OPTION]..."); CMD_SUMMARY: the text before the option
	   list; CMD_DETAILS: the text after it. Required: "" when there are
	   none (a flexible array member has no size of its own to check). */
	char text[];
};

#define CMD_USAGE(s) "\1" s "\0"
#define CMD_SUMMARY(s) "\2" s "\0"
#define CMD_DETAILS(s) "\3" s "\0"

struct opt_parser {
	const struct cmd_info *info;
	const struct opt_table *opts;
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
	/* When set, an argument for which this returns true is an operand even
	   though it starts with '-' (seq's negative numbers); with
	   OPT_F_NO_PERMUTE it ends the options. Set it after opt_init(). */
	bool (*is_operand)(const char *arg);
	char optbuf[3];
};

/* Start parsing ARGV (ARGV[0] is the program name) for the options of
   OPTS (NULL: none but --help and --version). Sets diag's usage and
   failure statuses from INFO. */
void opt_init(struct opt_parser *p, const struct cmd_info *info, const struct opt_table *opts,
	      int argc, char **argv);
/* The next option's key, with p->arg set; OPT_END when none are left (then
   p->operands holds the operands). --help and --version are handled here
   (they print and exit 0). */
int opt_next(struct opt_parser *p);
/* Print --help text for INFO and OPTS (or NULL) / --version text for INFO
   to standard output. */
void opt_print_help(const struct cmd_info *info, const struct opt_table *opts);
void opt_print_version(const struct cmd_info *info);
/* Handle just --help / --version the way GNU's programs without other
   options do (true, echo, printf, [): when ARG is one of them, print and
   exit 0. */
void opt_help_or_version(const struct cmd_info *info, const struct opt_table *opts, const char *arg);
/* "PROG: extra operand 'X'" + Try help, exit with the usage status. */
_Noreturn void opt_extra_operand(const char *operand);
/* "PROG: missing operand" (or "missing operand after 'X'") + Try help. */
_Noreturn void opt_missing_operand(const char *after);

#endif
