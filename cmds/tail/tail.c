/* tail: print the last part of files, and follow them as they grow. */
#include "tail.h"
#include "argmatch.h"
#include "duration.h"
#include "fdsafer.h"

enum {
	OPT_RETRY = OPT_LONG,
	OPT_MAX_UNCHANGED,
	OPT_PID,
	OPT_PRESUME_PIPE,
	OPT_FOLLOW,
	OPT_NO_WATCH,
	OPT_DEBUG,
};

#define OPTIONS(O) \
	O("bytes", 'c', OPT_REQ, "[+]NUM", \
	  "print the last NUM bytes; with +NUM, print from\nbyte NUM of each file on") \
	O("debug", OPT_DEBUG, OPT_NONE, "", "tell on standard error how files are followed") \
	O("follow", OPT_FOLLOW, OPT_OPT, "{name|descriptor}", \
	  "keep printing data appended to the files; without\nan argument, follow the open file ('descriptor')") \
	O("", 'f', OPT_NONE, "", "the same as --follow=descriptor") \
	O("", 'F', OPT_NONE, "", "the same as --follow=name --retry") \
	O("lines", 'n', OPT_REQ, "[+]NUM", \
	  "print the last NUM lines (default 10); with +NUM,\nprint from line NUM of each file on") \
	O("max-unchanged-stats", OPT_MAX_UNCHANGED, OPT_REQ, "N", \
	  "with --follow=name while polling, check whether a\nFILE was renamed or removed after N checks (default\n5) that saw no change") \
	O("pid", OPT_PID, OPT_REQ, "PID", \
	  "with -f, stop once process PID has ended; may be\ngiven several times") \
	O("quiet", 'q', OPT_NONE, "", "never print headers with file names") \
	O("silent", 'q', OPT_NONE, "", OPT_ALIAS) \
	O("retry", OPT_RETRY, OPT_NONE, "", "keep trying to open a FILE that cannot be opened") \
	O("sleep-interval", 's', OPT_REQ, "N", \
	  "with -f, wait about N seconds (default 1.0) between\nchecks; with --pid, check the processes at least\nthat often") \
	O("verbose", 'v', OPT_NONE, "", "always print headers with file names") \
	O("zero-terminated", 'z', OPT_NONE, "", "lines end with a NUL byte, not a newline") \
	O("-presume-input-pipe", OPT_PRESUME_PIPE, OPT_NONE, "", OPT_ALIAS) \
	O("-disable-inotify", OPT_NO_WATCH, OPT_NONE, "", OPT_ALIAS)
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "tail",
	.text = CMD_USAGE("[OPTION]... [FILE]...")
		CMD_SUMMARY("Print the last 10 lines of each FILE on standard output.\n"
		            "Each FILE is preceded by a header with its name when there are several.\n"
		            "\n"
		            "Without FILE, or when FILE is -, read standard input.\n"
		            "Arguments required by long options are required by short ones too.")
		CMD_DETAILS(NUM_SUFFIX_HELP "\n"
		            "\n"
		            "-f follows the open file: a renamed file is still followed. To follow\n"
		            "a name instead, as for log files that are rotated, use --follow=name;\n"
		            "tail then reopens the name when the file is renamed, removed or created."),
	.flags = OPT_F_DIGITS,
};

struct tail_options tail_opt = {
	.lines = true,
	.delim = '\n',
	.max_unchanged = 5,
	.sleep = 1.0L,
};

static const char suffixes[] = "bkKmMGTPEZYRQ0";

/* The POSIX version tail conforms to: _POSIX2_VERSION, or 200809. */
static long posix_version(void)
{
	const char *s = sys_getenv("_POSIX2_VERSION");
	if (s && *s) {
		char *end;
		long v = strtol(s, &end, 10);
		if (!*end)
			return v;
	}
	return 200809;
}

/* The obsolete "tail [-+][NUM][bcl][f] [FILE]": when ARGV has that form,
   set the options and *N and return true. */
static bool parse_obsolete(int argc, char **argv, uintmax_t *n)
{
	if (!(argc == 2 || (argc == 3 && !(argv[2][0] == '-' && argv[2][1]))
	      || (argc >= 3 && argc <= 4 && strcmp(argv[2], "--") == 0)))
		return false;
	long ver = posix_version();
	bool obsolete = ver < 200112;
	bool traditional = obsolete || ver >= 200809;
	const char *p = argv[1];
	bool from_start;
	if (*p == '+') {
		/* In the standard syntax this is a file name. */
		if (!traditional)
			return false;
		from_start = true;
	} else if (*p == '-') {
		/* "-" is standard input and "-c" wants an argument, unless
		   obsolete usage rules. */
		if (!obsolete && !p[1 + (p[1] == 'c')])
			return false;
		from_start = false;
	} else {
		return false;
	}
	p++;
	uintmax_t v = 10;
	if (*p >= '0' && *p <= '9') {
		v = 0;
		for (; *p >= '0' && *p <= '9'; p++) {
			unsigned d = (unsigned)(*p - '0');
			v = v > ((uintmax_t)INTMAX_MAX - d) / 10 ? (uintmax_t)INTMAX_MAX : v * 10 + d;
		}
	}
	bool lines = true;
	if (*p == 'b') {
		v = v > (uintmax_t)INTMAX_MAX / 512 ? (uintmax_t)INTMAX_MAX : v * 512;
		lines = false;
		p++;
	} else if (*p == 'c') {
		lines = false;
		p++;
	} else if (*p == 'l') {
		p++;
	}
	bool forever = false;
	if (*p == 'f') {
		forever = true;
		p++;
	}
	if (*p)
		return false;
	*n = v;
	tail_opt.from_start = from_start;
	tail_opt.lines = lines;
	tail_opt.forever = forever;
	return true;
}

static uintmax_t parse_count(const char *s, bool lines)
{
	return (uintmax_t)num_xparse_imax_flags(s, suffixes, 0, INTMAX_MAX,
						lines ? "invalid number of lines" : "invalid number of bytes",
						NUM_X_MAX_QUIET);
}

static void add_pid(const char *s)
{
	static size_t cap;
	int pid = (int)num_xparse_umax(s, NULL, 0, INT32_MAX, "invalid PID");
	if (tail_opt.npids == cap)
		tail_opt.pids = xgrow(tail_opt.pids, &cap, sizeof *tail_opt.pids);
	tail_opt.pids[tail_opt.npids++] = pid;
	tail_opt.pids_given = true;
}

enum header_mode { HEADERS_MULTI, HEADERS_ALWAYS, HEADERS_NEVER };

static void parse_options(struct opt_parser *p, uintmax_t *n, enum header_mode *hm)
{
	static const char follow_words[] = "descriptor\0name\0";
	int c;
	while ((c = opt_next(p)) != OPT_END) {
		switch (c) {
		case 'F':
			tail_opt.forever = true;
			tail_opt.by_name = true;
			tail_opt.retry = true;
			break;
		case 'c':
		case 'n': {
			const char *a = p->arg;
			tail_opt.lines = c == 'n';
			if (*a == '+')
				tail_opt.from_start = true;
			else if (*a == '-')
				a++;
			*n = parse_count(a, tail_opt.lines);
			break;
		}
		case 'f':
			tail_opt.forever = true;
			tail_opt.by_name = false;
			break;
		case OPT_FOLLOW:
			tail_opt.forever = true;
			tail_opt.by_name = p->arg && xargmatch("--follow", p->arg, follow_words, NULL) == 1;
			break;
		case OPT_RETRY:
			tail_opt.retry = true;
			break;
		case OPT_MAX_UNCHANGED:
			tail_opt.max_unchanged = num_xparse_imax_flags(p->arg, "", 0, INTMAX_MAX,
				"invalid maximum number of unchanged stats between opens", NUM_X_MAX_QUIET);
			break;
		case OPT_DEBUG:
			tail_opt.debug = true;
			break;
		case OPT_NO_WATCH:
			tail_opt.no_watch = true;
			break;
		case OPT_PID:
			add_pid(p->arg);
			break;
		case OPT_PRESUME_PIPE:
			tail_opt.presume_pipe = true;
			break;
		case 'q':
			*hm = HEADERS_NEVER;
			break;
		case 's':
			if (!duration_parse(p->arg, DURATION_NO_UNIT, &tail_opt.sleep))
				diag_die(EXIT_FAILURE, 0, "invalid number of seconds: %s", quote(p->arg));
			break;
		case 'v':
			*hm = HEADERS_ALWAYS;
			break;
		case 'z':
			tail_opt.delim = 0;
			break;
		default:
			diag_die(EXIT_FAILURE, 0, "option used in invalid context -- %c", c);
		}
	}
	if (tail_opt.retry) {
		if (!tail_opt.forever) {
			tail_opt.retry = false;
			diag_error(0, "warning: --retry ignored; --retry is useful only when following");
		} else if (!tail_opt.by_name) {
			diag_error(0, "warning: --retry only effective for the initial open");
		}
	}
	if (tail_opt.pids_given && !tail_opt.forever) {
		diag_error(0, "warning: PID ignored; --pid=PID is useful only when following");
		free(tail_opt.pids);
		tail_opt.pids = NULL;
		tail_opt.npids = 0;
		tail_opt.pids_given = false;
	}
}

int tail_open(const char *name, bool nonblock)
{
	return fd_safer(sys_open(name, SYS_O_RDONLY | (nonblock ? SYS_O_NONBLOCK : 0), 0));
}

/* Print the last part of F's file; when following, keep it open. */
static bool tail_file(struct tail_file *f, int nfiles, uintmax_t n, bool *used_stdin)
{
	bool nonblocking = tail_opt.forever && (tail_opt.pids_given || nfiles > 1);
	bool is_stdin = in_is_stdin(f->name);
	int fd;
	if (is_stdin) {
		*used_stdin = true;
		fd = 0;
	} else {
		fd = tail_open(f->name, nonblocking);
	}
	f->fd = -1;
	f->tailable = false;
	f->watch = f->dir_watch = -1;
	if (fd < 0) {
		f->errnum = errno;
		f->ignore = !tail_opt.retry;
		f->dev = f->ino = 0;
		diag_error(f->errnum, "cannot open %s for reading", quoteaf(f->pretty));
		return false;
	}
	if (tail_opt.headers)
		tail_header(f->pretty);
	struct sys_stat st;
	sys_off pos = -1;
	bool ok = sys_fstat(fd, &st) == 0;
	if (!ok) {
		f->errnum = errno;
		diag_error(f->errnum, "cannot fstat %s", quoteaf(f->pretty));
	} else {
		f->errnum = tail_last(f->pretty, fd, &st, n, &pos);
		ok = f->errnum == 0;
		if (tail_followable(st.mode)) {
			f->tailable = true;
		} else if (tail_opt.forever) {
			ok = false;
			f->errnum = -1;
			diag_error(0, "%s: cannot follow end of this type of file%s", quotef(f->pretty),
				   tail_opt.retry ? "" : "; giving up on this name");
		}
	}
	if (tail_opt.forever) {
		if (ok) {
			tail_record_open(f, fd, pos, &st, is_stdin ? -1 : !nonblocking);
		} else {
			f->ignore = !tail_opt.retry;
			if (!is_stdin)
				sys_close(fd);
		}
	} else if (!is_stdin && sys_close(fd) != 0) {
		diag_error(errno, "error reading %s", quoteaf(f->pretty));
		ok = false;
	}
	return ok;
}

int main_tail(int argc, char **argv)
{
	uintmax_t n = 10;
	enum header_mode hm = HEADERS_MULTI;
	bool ok = true, used_stdin = false;
	struct opt_parser p;

	if (parse_obsolete(argc, argv, &n)) {
		argv[1] = argv[0];
		argv++;
		argc--;
	}
	opt_init(&p, &info, &opts.table, argc, argv);
	parse_options(&p, &n, &hm);
	/* +0 means the same as +1: start with the first unit. */
	if (tail_opt.from_start && n > 0 && n < INTMAX_MAX)
		n--;

	static char *const stdin_only[] = { "-", NULL };
	char *const *names = p.noperands ? p.operands : stdin_only;
	int nfiles = p.noperands ? p.noperands : 1;
	bool hyphen = false;
	for (int i = 0; i < nfiles; i++)
		hyphen |= in_is_stdin(names[i]);
	if (hyphen && tail_opt.by_name)
		diag_die(EXIT_FAILURE, 0, "cannot follow %s by name", quoteaf("-"));
	if (tail_opt.forever && hyphen) {
		struct sys_stat st;
		bool blocking_stdin = !tail_opt.pids_given && !tail_opt.by_name && nfiles == 1
				      && sys_fstat(0, &st) == 0 && !SYS_S_ISREG(st.mode);
		if (!blocking_stdin && sys_isatty(0))
			diag_error(0, "warning: following standard input indefinitely is ineffective");
	}
	/* Nothing would be printed: read nothing. */
	if (!tail_opt.forever && n == (tail_opt.from_start ? (uintmax_t)INTMAX_MAX : 0)) {
		free(p.operands);
		return EXIT_SUCCESS;
	}

	struct tail_file *files = xcalloc((size_t)nfiles, sizeof *files);
	for (int i = 0; i < nfiles; i++) {
		files[i].name = names[i];
		files[i].pretty = in_is_stdin(names[i]) ? "standard input" : names[i];
	}
	tail_opt.headers = hm == HEADERS_ALWAYS || (hm == HEADERS_MULTI && nfiles > 1);
	for (int i = 0; i < nfiles; i++)
		ok &= tail_file(&files[i], nfiles, n, &used_stdin);

	int status = ok ? EXIT_SUCCESS : EXIT_FAILURE;
	if (tail_opt.forever)
		status = tail_follow(files, nfiles, ok);
	free(files);
	free(p.operands);
	free(tail_opt.pids);
	if (used_stdin && sys_close(0) != 0)
		diag_die(EXIT_FAILURE, errno, "-");
	return status;
}
