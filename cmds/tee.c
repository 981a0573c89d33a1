/* tee: copy standard input to standard output and to files. */
#include "common.h"
#include "argmatch.h"
#include "fdsafer.h"

enum { OPT_OUTPUT_ERROR = OPT_LONG };

#define OPTIONS(O) \
	O("append", 'a', OPT_NONE, "", "add to the FILEs instead of overwriting them") \
	O("ignore-interrupts", 'i', OPT_NONE, "", "do not stop on the interrupt signal (SIGINT)") \
	O("", 'p', OPT_NONE, "", "the same as --output-error=warn-nopipe") \
	O("output-error", OPT_OUTPUT_ERROR, OPT_OPT, "MODE", \
	  "what to do when writing to an output fails (see MODE\nbelow); with no MODE, warn-nopipe")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "tee",
	.text = CMD_USAGE("[OPTION]... [FILE]...")
		CMD_SUMMARY("Copy standard input to each FILE and to standard output.")
		CMD_DETAILS("MODE decides what happens when writing to an output fails:\n"
		            "  warn          report the error and go on with the other outputs\n"
		            "  warn-nopipe   the same, but say nothing about outputs that are pipes\n"
		            "                whose reader went away\n"
		            "  exit          report the error and stop\n"
		            "  exit-nopipe   the same, but a pipe whose reader went away is just\n"
		            "                dropped\n"
		            "-p means warn-nopipe. In the nopipe modes tee ends as soon as every\n"
		            "output is a pipe that nobody reads any more. Without -p or\n"
		            "--output-error, a write to a pipe nobody reads ends tee at once, and\n"
		            "errors on other outputs are reported while tee goes on."),
};

enum { MODE_SIGPIPE = -1, MODE_WARN, MODE_WARN_NOPIPE, MODE_EXIT, MODE_EXIT_NOPIPE };
static const char mode_words[] = "warn\0warn-nopipe\0exit\0exit-nopipe\0";

enum { BUF_SIZE = 128 * 1024 };

struct output {
	const char *name;
	int fd;          /* -1 once the output has failed */
	bool pollable;   /* a pipe that can be watched for a reader going away */
};

static int mode = MODE_SIGPIPE;

static bool exit_mode(void)
{
	return mode == MODE_EXIT || mode == MODE_EXIT_NOPIPE;
}

/* Write all of BUF, waiting whenever a non-blocking FD is full. */
static int write_wait(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		sys_ssize n = sys_write(fd, buf, len);
		if (n < 0) {
			if (errno != EAGAIN)
				return -1;
			if (sys_wait_writable(fd) == 0)
				continue;
			errno = EAGAIN;
			return -1;
		}
		if (n == 0) {
			errno = ENOSPC;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Drop output O after a failure with ERR. Returns true when that is an
   error to report (a broken pipe is not, in the nopipe modes); in the
   exit modes a reported error ends tee. */
static bool fail_output(struct output *o, int err)
{
	bool report = err != EPIPE || mode == MODE_EXIT || mode == MODE_WARN;
	if (report) {
		if (exit_mode())
			diag_die(EXIT_FAILURE, err, "%s", quotef(o->name));
		diag_error(err, "%s", quotef(o->name));
	}
	if (o->fd > 2)
		sys_close(o->fd);
	o->fd = -1;
	return report;
}

/* The index of the first working output after I, or N. */
static size_t next_output(const struct output *outs, size_t n, size_t i)
{
	for (i++; i < n; i++)
		if (outs[i].fd >= 0)
			break;
	return i;
}

static bool is_pipe(int fd)
{
	struct sys_stat s;
	return sys_fstat(fd, &s) == 0 && SYS_S_ISFIFO(s.mode);
}

int main_tee(int argc, char **argv)
{
	struct opt_parser p;
	bool append = false, ignore_interrupts = false;
	int c;

	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		switch (c) {
		case 'a': append = true; break;
		case 'i': ignore_interrupts = true; break;
		case 'p': mode = MODE_WARN_NOPIPE; break;
		case OPT_OUTPUT_ERROR:
			mode = p.arg ? (int)xargmatch("--output-error", p.arg, mode_words, NULL) : MODE_WARN_NOPIPE;
			break;
		default: diag_usage_error(NULL);
		}
	}
	if (ignore_interrupts)
		sys_sig_set_action(sys_sig_number("INT"), SYS_SIG_IGNORE);
	if (mode != MODE_SIGPIPE)
		sys_sigpipe_ignore();

	/* Watching for broken pipes needs input that can keep tee waiting. */
	bool pipe_check = false;
	if (mode == MODE_WARN_NOPIPE || mode == MODE_EXIT_NOPIPE) {
		struct sys_stat s;
		pipe_check = !(sys_fstat(0, &s) == 0 && (SYS_S_ISREG(s.mode) || SYS_S_ISBLK(s.mode)));
	}

	size_t nouts = (size_t)p.noperands + 1, live = 0;
	struct output *outs = xcalloc(nouts, sizeof *outs);
	bool ok = true;
	out_flush();
	outs[0] = (struct output){ "standard output", 1, pipe_check && is_pipe(1) };
	live++;
	int flags = SYS_O_WRONLY | SYS_O_CREAT | (append ? SYS_O_APPEND : SYS_O_TRUNC);
	for (size_t i = 1; i < nouts; i++) {
		/* "-" is a file name here, as POSIX wants. */
		const char *name = p.operands[i - 1];
		outs[i].name = name;
		outs[i].fd = fd_safer(sys_open(name, flags, 0666));
		if (outs[i].fd < 0) {
			if (exit_mode())
				diag_die(EXIT_FAILURE, errno, "%s", quotef(name));
			diag_error(errno, "%s", quotef(name));
			ok = false;
			continue;
		}
		outs[i].pollable = pipe_check && is_pipe(outs[i].fd);
		live++;
	}

	char *buf = xmalloc(BUF_SIZE);
	size_t first = 0;
	int read_err = 0;
	while (live > 0) {
		if (pipe_check && outs[first].pollable) {
			int r = sys_wait_input_or_broken(0, outs[first].fd);
			if (r == 1) {
				if (fail_output(&outs[first], EPIPE))
					ok = false;
				live--;
				first = next_output(outs, nouts, first);
				continue;
			}
			if (r < 0) {
				diag_error(errno, "iopoll error");
				ok = false;
			}
		}
		sys_ssize n = sys_read(0, buf, BUF_SIZE);
		if (n < 0)
			read_err = errno;
		if (n <= 0)
			break;
		for (size_t i = 0; i < nouts; i++) {
			if (outs[i].fd < 0 || write_wait(outs[i].fd, buf, (size_t)n) == 0)
				continue;
			if (fail_output(&outs[i], errno))
				ok = false;
			live--;
			if (i == first)
				first = next_output(outs, nouts, first);
		}
	}
	if (read_err) {
		diag_error(read_err, "read error");
		ok = false;
	}
	for (size_t i = 1; i < nouts; i++) {
		if (outs[i].fd >= 0 && sys_close(outs[i].fd) < 0) {
			diag_error(errno, "%s", quotef(outs[i].name));
			ok = false;
		}
	}
	free(buf);
	free(outs);
	free(p.operands);
	if (sys_close(0) < 0)
		diag_die(EXIT_FAILURE, errno, "standard input");
	return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
