/* pwd: print the name of the current directory. */
#include "common.h"

#define OPTIONS(O) \
	O("logical", 'L', OPT_NONE, "", "print $PWD when it names the current directory,\neven through symbolic links") \
	O("physical", 'P', OPT_NONE, "", "print the name with every symbolic link resolved")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "pwd",
	.text = CMD_USAGE("[OPTION]...")
		CMD_SUMMARY("Print the absolute name of the current working directory.")
		CMD_DETAILS("-P is the default (-L when POSIXLY_CORRECT is set); the last of -L and -P\n"
		            "counts. Shells have a pwd of their own, which may differ from this one:\n"
		            "run it by its path to be sure you get this program."),
};

/* $PWD when pwd -L may print it: absolute, with no "." or ".." component,
   and naming the current directory. NULL otherwise. */
static const char *logical_cwd(void)
{
	const char *wd = sys_getenv("PWD");
	if (!wd || !sys_is_sep(wd[0]))
		return NULL;
	for (const char *p = wd; *p;) {
		while (sys_is_sep(*p))
			p++;
		size_t n = 0;
		while (p[n] && !sys_is_sep(p[n]))
			n++;
		if ((n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
			return NULL;
		p += n;
	}
	struct sys_stat a, b;
	if (sys_stat(wd, &a) == 0 && sys_stat(".", &b) == 0 && sys_same_file(&a, &b))
		return wd;
	return NULL;
}

/* "..", "../..", ...: N levels up, for the message that ends the program
   (kept reachable, replacing the previous one). */
static char *nth_parent(size_t n)
{
	static char *s;
	free(s);
	s = xmalloc(3 * n);
	for (size_t i = 0; i < n; i++)
		memcpy(s + 3 * i, "../", 3);
	s[3 * n - 1] = 0;
	return s;
}

/* A name built from its end: the text is buf[start .. cap-1). */
struct rname {
	char *buf;
	size_t cap, start;
};

/* Put "/" NAME in front of R. */
static void rname_prepend(struct rname *r, const char *name, size_t len)
{
	if (r->start < len + 1) {
		size_t used = r->cap - r->start;
		size_t cap = r->cap * 2 + len + 1;
		char *buf = xmalloc(cap);
		memcpy(buf + cap - used, r->buf + r->start, used);
		free(r->buf);
		r->buf = buf;
		r->start = cap - used;
		r->cap = cap;
	}
	r->start -= len + 1;
	r->buf[r->start] = '/';
	memcpy(r->buf + r->start + 1, name, len);
}

/* Move to the parent of the current directory (whose identity is *DOT)
   and put the name it has there in front of R; *DOT becomes the parent's.
   HEIGHT counts the levels climbed, for messages. Dies on failure. */
static void climb(struct sys_stat *dot, struct rname *r, size_t height)
{
	sys_dir *d = sys_opendir("..");
	if (!d)
		diag_die(EXIT_FAILURE, errno, "cannot open directory %s", quote(nth_parent(height)));
	if (sys_chdir("..") < 0)
		diag_die(EXIT_FAILURE, errno, "failed to chdir to %s", quote(nth_parent(height)));
	struct sys_stat parent;
	if (sys_stat(".", &parent) < 0)
		diag_die(EXIT_FAILURE, errno, "failed to stat %s", quote(nth_parent(height)));
	bool cross_dev = parent.dev != dot->dev;
	bool found = false;
	struct sys_dirent e;
	int rc;
	while ((rc = sys_readdir(d, &e)) > 0) {
		struct sys_stat st;
		if (e.ino == 0 || cross_dev) {
			if (sys_lstat(e.name, &st) < 0)
				continue;
			if (!sys_same_file(&st, dot))
				continue;
		} else if (e.ino != dot->ino) {
			continue;
		}
		rname_prepend(r, e.name, strlen(e.name));
		found = true;
		break;
	}
	int err = errno;
	if (rc < 0 || sys_closedir(d) != 0)
		diag_die(EXIT_FAILURE, rc < 0 ? err : errno, "reading directory %s", quote(nth_parent(height)));
	if (!found)
		diag_die(EXIT_FAILURE, 0, "couldn't find directory entry in %s with matching i-node",
			 quote(nth_parent(height)));
	*dot = parent;
}

/* The current directory found by climbing to the root, for when the
   system cannot tell (a deleted directory, a name too long). */
static char *climbing_cwd(void)
{
	struct sys_stat root, dot;
	if (sys_stat("/", &root) < 0)
		diag_die(EXIT_FAILURE, errno, "failed to get attributes of %s", quoteaf("/"));
	if (sys_stat(".", &dot) < 0)
		diag_die(EXIT_FAILURE, errno, "failed to stat %s", quoteaf("."));
	struct rname r = { .cap = 4096 };
	r.buf = xmalloc(r.cap);
	r.start = r.cap - 1;
	r.buf[r.start] = 0;
	for (size_t height = 1; !sys_same_file(&dot, &root); height++)
		climb(&dot, &r, height);
	if (r.buf[r.start] == 0)
		rname_prepend(&r, "", 0);
	char *s = xstrdup(r.buf + r.start);
	free(r.buf);
	return s;
}

int main_pwd(int argc, char **argv)
{
	struct opt_parser p;
	bool logical = sys_getenv("POSIXLY_CORRECT") != NULL;
	int c;

	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END)
		logical = c == 'L';
	if (p.noperands > 0)
		diag_error(0, "ignoring non-option arguments");

	const char *wd = logical ? logical_cwd() : NULL;
	if (wd) {
		out_puts(wd);
	} else {
		char *cwd = sys_getcwd();
		if (!cwd)
			cwd = climbing_cwd();
		out_puts(cwd);
		free(cwd);
	}
	out_putc('\n');
	return EXIT_SUCCESS;
}
