/* Option parsing with GNU getopt_long semantics, help and version. */
#include "opt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "quote.h"
#include "out.h"
#include "sys.h"
#include "xalloc.h"

#define AUTO_OPTIONS(O) \
	O("help", OPT_HELP, OPT_NONE, "", "display this help and exit") \
	O("version", OPT_VERSION, OPT_NONE, "", "output version information and exit")
OPT_TABLE(auto_opts, AUTO_OPTIONS);

/* An option as its record describes it. */
struct opt {
	const struct opt_rec *rec; /* tells entries apart */
	const char *name;          /* NULL for a short-only option */
	int key;
	enum opt_arg arg;
	const char *argname;       /* NULL when there is none */
	const char *help;          /* NULL for an alias, "" when never listed */
};

static void decode(const struct opt_rec *r, struct opt *o)
{
	const char *name = (const char *)(r + 1);
	const char *argname = name + strlen(name) + 1;
	const char *help = argname + strlen(argname) + 1;
	o->rec = r;
	o->name = *name ? name : NULL;
	o->key = r->key;
	o->arg = (enum opt_arg)r->arg;
	o->argname = *argname ? argname : NULL;
	o->help = strcmp(help, OPT_ALIAS) == 0 ? NULL : help;
}

/* Both tables are walked as one: the utility's, then the automatic ones. */
struct opt_iter {
	const struct opt_rec *next[2];
	int t;
};

static void iter_start(struct opt_iter *it, const struct opt_parser *p)
{
	it->next[0] = p->opts ? &p->opts->first : NULL;
	it->next[1] = (p->info->flags & OPT_F_NO_AUTO) ? NULL : &auto_opts.table.first;
	it->t = 0;
}

static bool iter_next(struct opt_iter *it, struct opt *o)
{
	for (; it->t < 2; it->t++) {
		const struct opt_rec *r = it->next[it->t];
		if (r && r->key) {
			decode(r, o);
			it->next[it->t] = (const struct opt_rec *)((const char *)r + r->size);
			return true;
		}
	}
	return false;
}

/* The help text of INFO with TAG (CMD_USAGE's "\1" ...), or NULL. */
static const char *info_text(const struct cmd_info *info, char tag)
{
	for (const char *t = info->text; *t; t += strlen(t) + 1)
		if (*t == tag)
			return t + 1;
	return NULL;
}

void opt_init(struct opt_parser *p, const struct cmd_info *info, const struct opt_table *opts,
	      int argc, char **argv)
{
	sys_locale_init();
	memset(p, 0, sizeof *p);
	p->info = info;
	p->opts = opts;
	p->argc = argc;
	p->argv = argv;
	p->index = 1;
	p->permute = !(info->flags & OPT_F_NO_PERMUTE) && !sys_getenv("POSIXLY_CORRECT");
	/* Kept reachable: utilities use the operands until they exit. */
	static char **last_operands;
	p->operands = last_operands = xmalloc(((size_t)argc + 1) * sizeof *p->operands);
	p->operands[0] = NULL;
	if (info->usage_status)
		diag_usage_status = info->usage_status;
	if (info->fail_status)
		diag_fail_status = info->fail_status;
}

static void add_operand(struct opt_parser *p, char *arg)
{
	p->operands[p->noperands++] = arg;
	p->operands[p->noperands] = NULL;
}

static _Noreturn void bad_usage(void)
{
	diag_try_help();
	exit(diag_usage_status);
}

static int finish_option(struct opt_parser *p, int key)
{
	if (key == OPT_HELP) {
		opt_print_help(p->info, p->opts);
		exit(EXIT_SUCCESS);
	}
	if (key == OPT_VERSION) {
		opt_print_version(p->info);
		exit(EXIT_SUCCESS);
	}
	return key;
}

static int parse_long(struct opt_parser *p, char *word)
{
	char *name = word + 2;
	char *eq = strchr(name, '=');
	size_t len = eq ? (size_t)(eq - name) : strlen(name);
	struct opt found = { 0 };
	bool ambiguous = false;
	struct opt_iter it;
	struct opt o;

	iter_start(&it, p);
	while (iter_next(&it, &o)) {
		if (o.name && strlen(o.name) == len && strncmp(o.name, name, len) == 0) {
			found = o;
			break;
		}
	}
	if (!found.rec) {
		iter_start(&it, p);
		while (iter_next(&it, &o)) {
			if (!o.name || strncmp(o.name, name, len) != 0)
				continue;
			if (!found.rec)
				found = o;
			else if (found.key != o.key || found.arg != o.arg)
				ambiguous = true;
		}
	}
	p->index++;
	if (ambiguous) {
		out_flush_quiet();
		size_t cap = 256, n = 0;
		char *msg = xmalloc(cap);
		msg[0] = 0;
		iter_start(&it, p);
		while (iter_next(&it, &o)) {
			if (!o.name || strncmp(o.name, name, len) != 0)
				continue;
			/* Like glibc: the first match and those that differ from it. */
			if (o.rec != found.rec && o.key == found.key && o.arg == found.arg)
				continue;
			size_t need = n + strlen(o.name) + 6;
			while (need >= cap)
				msg = xgrow(msg, &cap, 1);
			n += (size_t)snprintf(msg + n, cap - n, " '--%s'", o.name);
		}
		diag_error(0, "option '%s' is ambiguous; possibilities:%s", word, msg);
		free(msg);
		bad_usage();
	}
	if (!found.rec) {
		diag_error(0, "unrecognized option '%s'", word);
		bad_usage();
	}
	static char longname[128];
	snprintf(longname, sizeof longname, "--%s", found.name);
	p->optname = longname;
	p->arg = NULL;
	if (eq) {
		if (found.arg == OPT_NONE) {
			diag_error(0, "option '--%s' doesn't allow an argument", found.name);
			bad_usage();
		}
		p->arg = eq + 1;
	} else if (found.arg == OPT_REQ) {
		if (p->index >= p->argc) {
			diag_error(0, "option '--%s' requires an argument", found.name);
			bad_usage();
		}
		p->arg = p->argv[p->index++];
	}
	return finish_option(p, found.key);
}

static int parse_short(struct opt_parser *p)
{
	char c = *p->next++;
	struct opt found = { 0 };
	bool digit = false;
	struct opt_iter it;
	struct opt o;

	iter_start(&it, p);
	while (iter_next(&it, &o))
		if (o.key == (unsigned char)c && o.key < OPT_LONG) {
			found = o;
			break;
		}
	if (!found.rec && (p->info->flags & OPT_F_DIGITS) && c >= '0' && c <= '9') {
		digit = true;
		found.arg = OPT_NONE;
	}
	p->optbuf[0] = '-';
	p->optbuf[1] = c;
	p->optbuf[2] = 0;
	p->optname = p->optbuf;
	p->arg = NULL;
	if (!found.rec && !digit) {
		if (*p->next == 0)
			p->index++;
		p->next = NULL;
		diag_error(0, "invalid option -- '%c'", c);
		bad_usage();
	}
	if (digit && (p->info->flags & OPT_F_DIGIT_ARG)) {
		p->arg = p->next - 1;
		p->next = NULL;
		p->index++;
		return c;
	}
	if (found.arg == OPT_NONE) {
		if (*p->next == 0) {
			p->next = NULL;
			p->index++;
		}
		return digit ? c : found.key;
	}
	if (*p->next) {
		p->arg = p->next;
	} else if (found.arg == OPT_REQ) {
		if (p->index + 1 >= p->argc) {
			diag_error(0, "option requires an argument -- '%c'", c);
			bad_usage();
		}
		p->arg = p->argv[++p->index];
	}
	p->next = NULL;
	p->index++;
	return found.key;
}

static bool looks_like_option(struct opt_parser *p, const char *a)
{
	if (a[0] != '-' || a[1] == 0)
		return false;
	if (p->is_operand && p->is_operand(a))
		return false;
	return true;
}

int opt_next(struct opt_parser *p)
{
	if (p->next && *p->next)
		return parse_short(p);
	p->next = NULL;
	while (!p->done && p->index < p->argc) {
		char *a = p->argv[p->index];
		if (strcmp(a, "--") == 0) {
			p->index++;
			break;
		}
		if (!looks_like_option(p, a)) {
			if (p->info->flags & OPT_F_IN_ORDER) {
				p->index++;
				p->arg = a;
				return OPT_OPERAND;
			}
			if (!p->permute)
				break;
			add_operand(p, a);
			p->index++;
			continue;
		}
		if (a[1] == '-')
			return parse_long(p, a);
		p->next = a + 1;
		return parse_short(p);
	}
	p->done = true;
	if ((p->info->flags & OPT_F_IN_ORDER) && p->index < p->argc) {
		char *a = p->argv[p->index++];
		p->arg = a;
		p->after_dashdash = true;
		return OPT_OPERAND;
	}
	while (p->index < p->argc)
		add_operand(p, p->argv[p->index++]);
	p->arg = NULL;
	return OPT_END;
}

/* Append the printf-style text to the label in BUF (SIZE bytes, N used). */
static size_t label_add(char *buf, size_t size, size_t n, const char *fmt, const char *a, const char *b)
{
	if (n + 1 >= size)
		return n;
	int k = snprintf(buf + n, size - n, fmt, a, b);
	if (k < 0)
		return n;
	return n + (size_t)k < size ? n + (size_t)k : size - 1;
}

static size_t label_long(char *buf, size_t size, size_t n, const char *sep, const struct opt *o)
{
	const char *an = o->argname ? o->argname : "ARG";
	n = label_add(buf, size, n, "%s--%s", sep, o->name);
	if (o->arg == OPT_REQ)
		n = label_add(buf, size, n, "%s%s", "=", an);
	else if (o->arg == OPT_OPT)
		n = label_add(buf, size, n, "[=%s%s", an, "]");
	return n;
}

/* The left column of a help line: "  -c, --bytes=NUM", with the long
   aliases of the option (entries with the same key and no help of their
   own) after it: "  -q, --quiet, --silent". */
static size_t option_label(const struct opt_parser *p, const struct opt *o, char *buf, size_t size)
{
	size_t n = 0;
	bool has_short = o->key < OPT_LONG && o->key > ' ';
	const char *an = o->argname ? o->argname : "ARG";
	char shortname[2] = { (char)o->key, 0 };
	if (has_short)
		n = label_add(buf, size, n, "%s%s", "  -", shortname);
	else
		n = label_add(buf, size, n, "%s%s", "    ", "");
	if (o->name) {
		n = label_long(buf, size, n, has_short ? ", " : "  ", o);
	} else if (o->arg == OPT_REQ) {
		n = label_add(buf, size, n, " %s%s", an, "");
	} else if (o->arg == OPT_OPT) {
		n = label_add(buf, size, n, "[%s%s", an, "]");
	}
	struct opt_iter it;
	struct opt a;
	iter_start(&it, p);
	while (iter_next(&it, &a))
		if (a.rec != o->rec && a.key == o->key && !a.help && a.name)
			n = label_long(buf, size, n, ", ", &a);
	return n;
}

enum { HELP_COLUMN = 26 };

static void print_option_help(const struct opt_parser *p, const struct opt *o)
{
	char label[256];
	size_t n = option_label(p, o, label, sizeof label);
	out_write(label, n);
	if (n + 2 > HELP_COLUMN) {
		out_putc('\n');
		n = 0;
	}
	const char *h = o->help;
	for (;;) {
		for (; n < HELP_COLUMN; n++)
			out_putc(' ');
		const char *nl = strchr(h, '\n');
		size_t len = nl ? (size_t)(nl - h) : strlen(h);
		out_write(h, len);
		out_putc('\n');
		if (!nl)
			break;
		h = nl + 1;
		n = 0;
	}
}

void opt_print_help(const struct cmd_info *info, const struct opt_table *opts)
{
	/* A parser only to walk the tables with. */
	const struct opt_parser p = { .info = info, .opts = opts };
	const char *u = info_text(info, '\1');
	if (!u)
		u = "[OPTION]...";
	bool first = true;
	while (*u) {
		const char *nl = strchr(u, '\n');
		size_t len = nl ? (size_t)(nl - u) : strlen(u);
		out_printf("%s %s %.*s\n", first ? "Usage:" : "  or: ", diag_prog, (int)len, u);
		first = false;
		u += len;
		if (*u)
			u++;
	}
	const char *summary = info_text(info, '\2');
	if (summary)
		out_printf("%s\n", summary);
	bool any = false;
	struct opt_iter it;
	struct opt o;
	iter_start(&it, &p);
	while (iter_next(&it, &o)) {
		if (!o.help || !*o.help)
			continue;
		if (!any)
			out_putc('\n');
		any = true;
		print_option_help(&p, &o);
	}
	const char *details = info_text(info, '\3');
	if (details)
		out_printf("\n%s\n", details);
	out_flush();
}

void opt_print_version(const struct cmd_info *info)
{
	out_printf("%s (corebox) %s\n", info->name, COREBOX_VERSION);
	out_flush();
}

void opt_help_or_version(const struct cmd_info *info, const struct opt_table *opts, const char *arg)
{
	if (strcmp(arg, "--help") == 0) {
		opt_print_help(info, opts);
		exit(EXIT_SUCCESS);
	}
	if (strcmp(arg, "--version") == 0) {
		opt_print_version(info);
		exit(EXIT_SUCCESS);
	}
}

void opt_extra_operand(const char *operand)
{
	diag_usage_error("extra operand %s", quote(operand));
}

void opt_missing_operand(const char *after)
{
	if (after)
		diag_usage_error("missing operand after %s", quote(after));
	diag_usage_error("missing operand");
}
