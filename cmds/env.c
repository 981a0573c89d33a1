/* env: run a command in a modified environment, or print the environment.

   Besides GNU's options this accepts uutils' -f/--file: variables assigned
   in a .env-style file are set after -i has cleared the environment and
   before -u and the NAME=VALUE operands are applied. */
#include "common.h"
#include "escape.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>

enum {
	EXIT_CANCELED = 125,     /* env itself failed */
	EXIT_CANNOT_INVOKE = 126,
	EXIT_ENOENT = 127,
};

enum {
	OPT_BLOCK_SIGNAL = OPT_LONG,
	OPT_DEFAULT_SIGNAL,
	OPT_IGNORE_SIGNAL,
	OPT_LIST_SIGNALS,
};

#define OPTIONS(O) \
	O("argv0", 'a', OPT_REQ, "ARG", "give COMMAND ARG as its zeroth argument") \
	/* An extension from uutils, described after the GNU options. */ \
	O("file", 'f', OPT_REQ, "FILE", "") \
	O("ignore-environment", 'i', OPT_NONE, "", "begin with no variables at all") \
	O("null", '0', OPT_NONE, "", "print each variable followed by NUL, not newline") \
	O("unset", 'u', OPT_REQ, "NAME", "take variable NAME out of the environment") \
	O("chdir", 'C', OPT_REQ, "DIR", "run COMMAND in the working directory DIR") \
	O("split-string", 'S', OPT_REQ, "S", "split S into separate arguments, as a #! line\nneeds to pass several of them") \
	O("block-signal", OPT_BLOCK_SIGNAL, OPT_OPT, "SIG", "keep signal(s) SIG from being delivered to COMMAND") \
	O("default-signal", OPT_DEFAULT_SIGNAL, OPT_OPT, "SIG", "unblock signal(s) SIG and restore their default\naction") \
	O("ignore-signal", OPT_IGNORE_SIGNAL, OPT_OPT, "SIG", "make COMMAND ignore signal(s) SIG") \
	O("list-signal-handling", OPT_LIST_SIGNALS, OPT_NONE, "", "report blocked and ignored signals on standard\nerror before running COMMAND") \
	O("debug", 'v', OPT_NONE, "", "describe each step on standard error") \
	/* A shebang line such as "#!/usr/bin/env -i cmd" passes "-i cmd" as \
	   one argument: its white space is diagnosed as an option. */ \
	O("", ' ', OPT_NONE, "", OPT_ALIAS) \
	O("", '\t', OPT_NONE, "", OPT_ALIAS) \
	O("", '\n', OPT_NONE, "", OPT_ALIAS) \
	O("", '\v', OPT_NONE, "", OPT_ALIAS) \
	O("", '\f', OPT_NONE, "", OPT_ALIAS) \
	O("", '\r', OPT_NONE, "", OPT_ALIAS)
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "env",
	.text = CMD_USAGE("[OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]")
		CMD_SUMMARY("Run COMMAND with each NAME set to VALUE in its environment. Without a\n"
		            "COMMAND, print the environment that would result.")
		CMD_DETAILS("A lone \"-\" means the same as -i.\n"
		            "\n"
		            "SIG is a signal name (PIPE, SIGPIPE) or number (13), or several separated\n"
		            "by commas; without SIG every signal is meant, and an empty SIG does\n"
		            "nothing.\n"
		            "\n"
		            "In S, quotes group words, \\f \\n \\r \\t \\v stand for control characters,\n"
		            "\\_ separates arguments (a space inside double quotes), \\c or an unquoted\n"
		            "# at the start of an argument ends the string, and ${NAME} is replaced\n"
		            "by the variable's value.\n"
		            "\n"
		            "Extension (from uutils): with -f FILE or --file=FILE, first set the\n"
		            "variables assigned in the .env-style FILE (\"-\": standard input).\n"
		            "A .env FILE holds NAME=VALUE (or NAME: VALUE) lines; blank lines, lines\n"
		            "starting with # or ;, and [section] lines are skipped. VALUE may be quoted\n"
		            "with \" or ', and may use the escapes \\t \\n \\r \\a \\b \\xHHHH.\n"
		            "\n"
		            "Exit status: 125 when env itself fails, 126 when COMMAND cannot be run,\n"
		            "127 when it cannot be found; otherwise COMMAND's status."),
	.flags = OPT_F_NO_PERMUTE,
	.usage_status = EXIT_CANCELED,
	.fail_status = EXIT_CANCELED,
};

static bool debug;

/* A -v message on standard error, written at once. */
static void __attribute__((format(printf, 1, 2))) debug_msg(const char *fmt, ...)
{
	if (!debug)
		return;
	char small[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	char *buf = small;
	if ((size_t)n >= sizeof small) {
		buf = xmalloc((size_t)n + 1);
		va_start(ap, fmt);
		vsnprintf(buf, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	(void)sys_write_all(2, buf, (size_t)n);
	if (buf != small)
		free(buf);
}

/* ---- -S: splitting one argument into many ----------------------------- */

/* Memory that argv and the environment keep pointing into until exec. */
static void **kept;
static size_t nkept, capkept;

static void keep(void *p)
{
	if (nkept == capkept)
		kept = xgrow(kept, &capkept, sizeof *kept);
	kept[nkept++] = p;
}

/* The arguments being built: their bytes, NUL-separated, in BUF; where
   each starts in OFF. SEP is true while the next byte starts a new
   argument. */
struct split {
	char *buf;
	size_t len, cap;
	size_t *off;
	size_t n, offcap;
	bool sep;
};

static void split_byte(struct split *s, char c)
{
	if (s->len == s->cap)
		s->buf = xgrow(s->buf, &s->cap, 1);
	s->buf[s->len++] = c;
}

static void split_begin_arg(struct split *s)
{
	if (!s->sep)
		return;
	if (s->n)
		split_byte(s, '\0');
	if (s->n == s->offcap)
		s->off = xgrow(s->off, &s->offcap, sizeof *s->off);
	s->off[s->n++] = s->len;
	s->sep = false;
}

static bool is_c_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

static bool is_name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_name_char(char c)
{
	return is_name_start(c) || (c >= '0' && c <= '9');
}

/* Expand the "${NAME}" at STR into S; returns the position after '}'. */
static const char *split_expand(struct split *s, const char *str)
{
	const char *end = NULL;
	if (str[1] == '{' && is_name_start(str[2])) {
		end = str + 3;
		while (is_name_char(*end))
			end++;
		if (*end != '}')
			end = NULL;
	}
	if (!end)
		diag_die(EXIT_CANCELED, 0, "only ${VARNAME} expansion is supported, error at: %s", str);
	char *name = xmemdup(str + 2, (size_t)(end - str - 2) + 1);
	name[end - str - 2] = '\0';
	const char *v = sys_getenv(name);
	if (v) {
		split_begin_arg(s);
		debug_msg("expanding ${%s} into %s\n", name, quote(v));
		while (*v)
			split_byte(s, *v++);
	} else {
		debug_msg("replacing ${%s} with null string\n", name);
	}
	free(name);
	return end + 1;
}

/* Split STR the way -S does: white space separates arguments outside
   quotes, backslash escapes, ${NAME} expansion, '#' and \c comments.
   Returns the arguments (malloc'd, kept) and their count in *N. */
static char **split_string(const char *str, size_t *n)
{
	struct split s = { .sep = true };
	bool sq = false, dq = false;

	while (*str) {
		char c = *str;
		switch (c) {
		case '\'':
			if (dq)
				break;
			sq = !sq;
			split_begin_arg(&s);
			str++;
			continue;
		case '"':
			if (sq)
				break;
			dq = !dq;
			split_begin_arg(&s);
			str++;
			continue;
		case ' ': case '\t': case '\n': case '\v': case '\f': case '\r':
			if (sq || dq)
				break;
			s.sep = true;
			while (is_c_space(*str))
				str++;
			continue;
		case '#':
			if (!s.sep)
				break;
			goto done;
		case '\\':
			/* Inside single quotes only \\ and \' are escapes. */
			if (sq && str[1] != '\\' && str[1] != '\'')
				break;
			c = *++str;
			switch (c) {
			case '"': case '#': case '$': case '\'': case '\\':
				break;
			case '_':
				if (dq) {
					c = ' ';
					break;
				}
				str++;
				s.sep = true;
				continue;
			case 'c':
				if (dq)
					diag_die(EXIT_CANCELED, 0, "'\\c' must not appear in double-quoted -S string");
				goto done;
			case 'f': c = '\f'; break;
			case 'n': c = '\n'; break;
			case 'r': c = '\r'; break;
			case 't': c = '\t'; break;
			case 'v': c = '\v'; break;
			case '\0':
				diag_die(EXIT_CANCELED, 0, "invalid backslash at end of string in -S");
			default:
				diag_die(EXIT_CANCELED, 0, "invalid sequence '\\%c' in -S", c);
			}
			break;
		case '$':
			if (sq)
				break;
			str = split_expand(&s, str);
			continue;
		}
		split_begin_arg(&s);
		split_byte(&s, c);
		str++;
	}
	if (sq || dq)
		diag_die(EXIT_CANCELED, 0, "no terminating quote in -S string");
done:
	split_byte(&s, '\0');
	char **args = xmalloc((s.n + 1) * sizeof *args);
	for (size_t i = 0; i < s.n; i++)
		args[i] = s.buf + s.off[i];
	args[s.n] = NULL;
	keep(s.buf);
	free(s.off);
	*n = s.n;
	return args;
}

/* Restart option parsing on ARGV[0], the pieces of STR, then the arguments
   P has not looked at yet, as GNU's env does for -S. */
static void apply_split(struct opt_parser *p, const char *str)
{
	size_t n;
	char **pieces = split_string(str, &n);
	if (n) {
		debug_msg("split -S:  %s\n", quote(str));
		debug_msg(" into:    %s\n", quote(pieces[0]));
		for (size_t i = 1; i < n; i++)
			debug_msg("     &    %s\n", quote(pieces[i]));
	}
	size_t rest = (size_t)(p->argc - p->index);
	char **argv = xmalloc((1 + n + rest + 1) * sizeof *argv);
	argv[0] = p->argv[0];
	memcpy(argv + 1, pieces, n * sizeof *argv);
	memcpy(argv + 1 + n, p->argv + p->index, rest * sizeof *argv);
	argv[1 + n + rest] = NULL;
	free(pieces);
	keep(argv);
	free(p->operands);
	opt_init(p, &info, &opts.table, (int)(1 + n + rest), argv);
}

/* ---- signals ------------------------------------------------------------ */

enum sig_mode { SIG_UNCHANGED, SIG_TO_DEFAULT, SIG_TO_IGNORE };
enum mask_mode { MASK_UNCHANGED, MASK_BLOCK, MASK_UNBLOCK };

/* Per signal number: the action wanted, whether errors setting it are
   ignored (set by the "all signals" forms), and the mask change wanted. */
struct sigplan {
	int max;
	unsigned char *mode;
	bool *quiet;
	unsigned char *mask;
	bool mask_changed;
};

/* The name GNU shows for SIG in messages: "HUP", "RTMIN+1", or "SIG32". */
static const char *sig_label(int sig, char buf[16])
{
	const char *name = sys_sig_name(sig);
	if (name)
		return name;
	snprintf(buf, 16, "SIG%d", sig);
	return buf;
}

/* The signal number for one SIG token; a usage error when it names none
   (or signal 0). A number may be a shell status (128 + N, or 256 + N). */
static int parse_sig(const char *tok, int max)
{
	int sig = -1;
	if (*tok >= '0' && *tok <= '9') {
		char *end;
		errno = 0;
		long l = strtol(tok, &end, 10);
		if (!*end && !errno && l <= INT_MAX) {
			sig = (int)l;
			sig &= sig >= 0xFF ? 0xFF : 0x7F;
		}
	} else {
		char *up = xstrdup(tok);
		for (char *q = up; *q; q++)
			if (*q >= 'a' && *q <= 'z')
				*q = (char)(*q - 'a' + 'A');
		const char *name = strncmp(up, "SIG", 3) == 0 ? up + 3 : up;
		if (*name >= '0' && *name <= '9' && name != up) {
			char *end;
			long l = strtol(name, &end, 10);
			if (!*end && l <= max)
				sig = (int)l;
		} else {
			sig = sys_sig_number(up);
		}
		free(up);
	}
	if (sig <= 0 || sig > max) {
		diag_error(0, "%s: invalid signal", quote(tok));
		diag_usage_error(NULL);
	}
	return sig;
}

/* --default-signal / --ignore-signal: ARG NULL means every signal. */
static void plan_action(struct sigplan *sp, const char *arg, enum sig_mode mode)
{
	if (!arg) {
		for (int i = 1; i <= sp->max; i++) {
			sp->mode[i] = (unsigned char)mode;
			sp->quiet[i] = true;
		}
		return;
	}
	char *copy = xstrdup(arg);
	for (char *tok = strtok(copy, ","); tok; tok = strtok(NULL, ",")) {
		int sig = parse_sig(tok, sp->max);
		sp->mode[sig] = (unsigned char)mode;
		sp->quiet[sig] = false;
	}
	free(copy);
}

/* --block-signal, and the unblocking half of --default-signal. */
static void plan_mask(struct sigplan *sp, const char *arg, enum mask_mode mode)
{
	sp->mask_changed = true;
	if (!arg) {
		for (int i = 1; i <= sp->max; i++)
			sp->mask[i] = (unsigned char)mode;
		return;
	}
	char *copy = xstrdup(arg);
	for (char *tok = strtok(copy, ","); tok; tok = strtok(NULL, ",")) {
		int sig = parse_sig(tok, sp->max);
		bool ign, blk;
		if (sys_sig_query(sig, &ign, &blk) < 0) {
			/* Not a signal this system lets a program handle. */
			if (mode == MASK_BLOCK)
				diag_die(EXIT_CANCELED, errno, "failed to block signal %d", sig);
			continue;
		}
		sp->mask[sig] = (unsigned char)mode;
	}
	free(copy);
}

static void apply_actions(const struct sigplan *sp)
{
	char buf[16];
	for (int i = 1; i <= sp->max; i++) {
		if (sp->mode[i] == SIG_UNCHANGED)
			continue;
		bool to_default = sp->mode[i] == SIG_TO_DEFAULT;
		bool ign, blk;
		int err = sys_sig_query(i, &ign, &blk);
		if (err && !sp->quiet[i])
			diag_die(EXIT_CANCELED, errno, "failed to get signal action for signal %d", i);
		if (!err) {
			err = sys_sig_set_action(i, to_default ? SYS_SIG_DEFAULT : SYS_SIG_IGNORE);
			if (err && !sp->quiet[i])
				diag_die(EXIT_CANCELED, errno, "failed to set signal action for signal %d", i);
		}
		debug_msg("Reset signal %s (%d) to %s%s\n", sig_label(i, buf), i,
			  to_default ? "DEFAULT" : "IGNORE", err ? " (failure ignored)" : "");
	}
}

static void apply_mask(const struct sigplan *sp)
{
	char buf[16];
	for (int i = 1; i <= sp->max; i++) {
		bool ign, blk;
		if (sp->mask[i] == MASK_UNCHANGED || sys_sig_query(i, &ign, &blk) < 0)
			continue;
		bool block = sp->mask[i] == MASK_BLOCK;
		debug_msg("signal %s (%d) mask set to %s\n", sig_label(i, buf), i,
			  block ? "BLOCK" : "UNBLOCK");
		if (sys_sig_block(i, block) < 0)
			diag_die(EXIT_CANCELED, errno, "failed to set signal process mask");
	}
}

/* --list-signal-handling: one line on stderr per blocked or ignored signal. */
static void list_signals(int max)
{
	char buf[16], line[64];
	for (int i = 1; i <= max; i++) {
		bool ign, blk;
		if (sys_sig_query(i, &ign, &blk) < 0 || (!ign && !blk))
			continue;
		int n = snprintf(line, sizeof line, "%-10s (%2d): %s%s%s\n", sig_label(i, buf), i,
				 blk ? "BLOCK" : "", blk && ign ? "," : "", ign ? "IGNORE" : "");
		if (n > 0)
			(void)sys_write_all(2, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
	}
}

/* ---- -f: .env files ----------------------------------------------------- */

/* The whole of NAME ("-": standard input), NUL-terminated; *LEN its size. */
static char *slurp(const char *name, size_t *len)
{
	int fd = in_open(name);
	if (fd < 0)
		diag_die(EXIT_CANCELED, errno, "%s", quotef(name));
	size_t cap = 8192, n = 0;
	char *buf = xmalloc(cap);
	for (;;) {
		if (cap - n < 4096)
			buf = xgrow(buf, &cap, 1);
		sys_ssize r = sys_read(fd, buf + n, cap - n - 1);
		if (r < 0)
			diag_die(EXIT_CANCELED, errno, "%s", quotef(name));
		if (r == 0)
			break;
		n += (size_t)r;
	}
	in_close(fd);
	buf[n] = '\0';
	*len = n;
	return buf;
}

struct envfile {
	const char *name;
	const char *p, *end;
	long line;
	char *val;
	size_t len, cap;
};

static _Noreturn void envfile_error(const struct envfile *f, const char *msg)
{
	diag_die(EXIT_CANCELED, 0, "%s:%ld: %s", quotef(f->name), f->line, msg);
}

static void val_add(struct envfile *f, char c)
{
	if (f->len + 1 >= f->cap)
		f->val = xgrow(f->val, &f->cap, 1);
	f->val[f->len++] = c;
}

/* Append code point CP to the value, as UTF-8. */
static void val_add_utf8(struct envfile *f, unsigned cp)
{
	if (cp < 0x80) {
		val_add(f, (char)cp);
	} else if (cp < 0x800) {
		val_add(f, (char)(0xC0 | cp >> 6));
		val_add(f, (char)(0x80 | (cp & 0x3F)));
	} else {
		val_add(f, (char)(0xE0 | cp >> 12));
		val_add(f, (char)(0x80 | ((cp >> 6) & 0x3F)));
		val_add(f, (char)(0x80 | (cp & 0x3F)));
	}
}

/* Read value characters up to one of STOPS (or the end of input) into the
   value, handling backslash escapes: \a \b \t \r \n, \xHHHH, \ before a
   newline joins lines, and any other character stands for itself. */
static void read_chars(struct envfile *f, const char *stops)
{
	while (f->p < f->end && !(*f->p && strchr(stops, *f->p))) {
		char c = *f->p++;
		if (c == '\n')
			f->line++;
		if (c != '\\' || f->p == f->end) {
			val_add(f, c);
			continue;
		}
		c = *f->p++;
		switch (c) {
		case 'a': val_add(f, '\a'); break;
		case 'b': val_add(f, '\b'); break;
		case 't': val_add(f, '\t'); break;
		case 'r': val_add(f, '\r'); break;
		case 'n': val_add(f, '\n'); break;
		case '\n': f->line++; break;
		case 'x': {
			unsigned cp = 0;
			for (int i = 0; i < 4; i++) {
				int d = f->p < f->end ? esc_hex_value(*f->p) : -1;
				if (d < 0)
					envfile_error(f, "invalid \\x escape: four hexadecimal digits expected");
				cp = cp << 4 | (unsigned)d;
				f->p++;
			}
			if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))
				envfile_error(f, "invalid \\x escape: not a character");
			val_add_utf8(f, cp);
			break;
		}
		default:
			val_add(f, c);
		}
	}
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r';
}

/* Parse one NAME=VALUE (or NAME: VALUE) assignment at f->p and set it. */
static void envfile_assign(struct envfile *f)
{
	const char *start = f->p;
	while (f->p < f->end && *f->p != '=' && *f->p != ':' && *f->p != '\n')
		f->p++;
	if (f->p == f->end || *f->p == '\n')
		envfile_error(f, "'=' expected after the variable name");
	const char *kend = f->p;
	while (kend > start && is_blank(kend[-1]))
		kend--;
	if (kend == start)
		envfile_error(f, "missing variable name");
	char *name = xmemdup(start, (size_t)(kend - start) + 1);
	name[kend - start] = '\0';
	if (memchr(name, '\0', (size_t)(kend - start)))
		envfile_error(f, "NUL byte in a variable name");

	f->p++;
	while (f->p < f->end && is_blank(*f->p) && *f->p != '\r')
		f->p++;
	f->len = 0;
	long first_line = f->line;
	while (f->p < f->end && *f->p != '\n' && *f->p != '\r') {
		char q = *f->p;
		if (q == '"' || q == '\'') {
			char stop[2] = { q, '\0' };
			f->p++;
			read_chars(f, stop);
			if (f->p == f->end) {
				f->line = first_line;
				envfile_error(f, "no terminating quote");
			}
			f->p++;
		} else {
			size_t from = f->len;
			read_chars(f, "\n\r");
			/* Trailing white space of an unquoted part is dropped. */
			while (f->len > from && is_blank(f->val[f->len - 1]))
				f->len--;
		}
	}
	val_add(f, '\0');
	if (strlen(f->val) != f->len - 1)
		envfile_error(f, "NUL byte in a value");
	debug_msg("setenv:   %s=%s\n", name, f->val);
	if (sys_setenv(name, f->val) < 0)
		diag_die(EXIT_CANCELED, errno, "cannot set %s", quote(name));
	free(name);
}

/* Set the variables that the .env file NAME assigns, in order. */
static void load_env_file(const char *name)
{
	size_t len;
	char *text = slurp(name, &len);
	struct envfile f = { .name = name, .p = text, .end = text + len, .line = 1 };
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		f.p += 3;
	while (f.p < f.end) {
		while (f.p < f.end && is_blank(*f.p))
			f.p++;
		if (f.p == f.end)
			break;
		char c = *f.p;
		if (c == '\n') {
			f.p++;
			f.line++;
			continue;
		}
		if (c == '#' || c == ';' || c == '[') {
			/* Comments and [section] headers. */
			while (f.p < f.end && *f.p != '\n')
				f.p++;
			continue;
		}
		envfile_assign(&f);
	}
	free(f.val);
	free(text);
}

/* ---- main --------------------------------------------------------------- */

int main_env(int argc, char **argv)
{
	/* Static, so that what is still in use at exit stays reachable. */
	static struct opt_parser p;
	static struct sigplan sp;
	static const char **unsets, **files;
	bool ignore_env = false, nul = false, list = false;
	const char *newdir = NULL, *argv0 = NULL;
	size_t nunsets = 0, nunsets_cap = 0, nfiles = 0, nfiles_cap = 0;
	int c;

	sp.max = sys_sig_max();
	sp.mode = xcalloc((size_t)sp.max + 1, 1);
	sp.quiet = xcalloc((size_t)sp.max + 1, sizeof *sp.quiet);
	sp.mask = xcalloc((size_t)sp.max + 1, 1);

	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		switch (c) {
		case 'a':
			argv0 = p.arg;
			break;
		case 'f':
			if (nfiles == nfiles_cap)
				files = xgrow(files, &nfiles_cap, sizeof *files);
			files[nfiles++] = p.arg;
			break;
		case 'i':
			ignore_env = true;
			break;
		case 'u':
			if (nunsets == nunsets_cap)
				unsets = xgrow(unsets, &nunsets_cap, sizeof *unsets);
			unsets[nunsets++] = p.arg;
			break;
		case 'v':
			debug = true;
			break;
		case '0':
			nul = true;
			break;
		case 'C':
			newdir = p.arg;
			break;
		case 'S':
			apply_split(&p, p.arg);
			break;
		case OPT_DEFAULT_SIGNAL:
			plan_action(&sp, p.arg, SIG_TO_DEFAULT);
			plan_mask(&sp, p.arg, MASK_UNBLOCK);
			break;
		case OPT_IGNORE_SIGNAL:
			plan_action(&sp, p.arg, SIG_TO_IGNORE);
			break;
		case OPT_BLOCK_SIGNAL:
			plan_mask(&sp, p.arg, MASK_BLOCK);
			break;
		case OPT_LIST_SIGNALS:
			list = true;
			break;
		default:
			diag_error(0, "invalid option -- '%c'", c);
			diag_error(0, "use -[v]S to pass options in shebang lines");
			diag_usage_error(NULL);
		}
	}

	char **args = p.operands;
	int nargs = p.noperands;
	if (nargs > 0 && strcmp(args[0], "-") == 0) {
		ignore_env = true;
		args++;
		nargs--;
	}

	if (ignore_env) {
		debug_msg("cleaning environ\n");
		sys_clearenv();
	}
	for (size_t i = 0; i < nfiles; i++)
		load_env_file(files[i]);
	/* After -i there is nothing to unset, unless a file put it there. */
	if (!ignore_env || nfiles) {
		for (size_t i = 0; i < nunsets; i++) {
			debug_msg("unset:    %s\n", unsets[i]);
			if (sys_unsetenv(unsets[i]) < 0)
				diag_die(EXIT_CANCELED, errno, "cannot unset %s", quote(unsets[i]));
		}
	}
	char *eq;
	while (nargs > 0 && (eq = strchr(args[0], '='))) {
		debug_msg("setenv:   %s\n", args[0]);
		if (sys_putenv(args[0]) < 0) {
			int err = errno;
			char *name = xmemdup(args[0], (size_t)(eq - args[0]) + 1);
			name[eq - args[0]] = '\0';
			diag_die(EXIT_CANCELED, err, "cannot set %s", quote(name));
		}
		args++;
		nargs--;
	}

	bool have_command = nargs > 0;
	if (nul && have_command)
		diag_usage_error("cannot specify --null (-0) with command");
	if (newdir && !have_command)
		diag_usage_error("must specify command with --chdir (-C)");
	if (argv0 && !have_command)
		diag_usage_error("must specify command with --argv0 (-a)");

	if (!have_command) {
		char end = nul ? '\0' : '\n';
		for (char **e = sys_environ(); *e; e++) {
			out_puts(*e);
			out_putc(end);
		}
		return EXIT_SUCCESS;
	}

	apply_actions(&sp);
	if (sp.mask_changed)
		apply_mask(&sp);
	if (list)
		list_signals(sp.max);

	if (newdir) {
		debug_msg("chdir:    %s\n", quoteaf(newdir));
		if (sys_chdir(newdir) < 0)
			diag_die(EXIT_CANCELED, errno, "cannot change directory to %s", quoteaf(newdir));
	}

	char *program = args[0];
	if (argv0) {
		debug_msg("argv0:     %s\n", quoteaf(argv0));
		args[0] = (char *)argv0;
	}
	debug_msg("executing: %s\n", program);
	for (int i = 0; i < nargs; i++)
		debug_msg("   arg[%d]= %s\n", i, quote(args[i]));

	sys_exec(program, args);

	int err = errno;
	diag_error(err, "%s", quote(program));
	if (err == ENOENT) {
		for (const char *q = program; *q; q++) {
			if (is_c_space(*q)) {
				diag_error(0, "use -[v]S to pass options in shebang lines");
				break;
			}
		}
	}
	return err == ENOENT ? EXIT_ENOENT : EXIT_CANNOT_INVOKE;
}
