/* split: cut a file into pieces named PREFIXaa, PREFIXab, ... */
#include "common.h"
#include "memcount.h"
#include "memscan.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>

enum {
	OPT_ADD_SUFFIX = OPT_LONG,
	OPT_NUMERIC,
	OPT_HEX,
	OPT_FILTER,
	OPT_VERBOSE,
	OPT_IO_BLKSIZE,
};

/* In GNU's order of long options: it decides the ambiguity messages. */
#define OPTIONS(O) \
	O("bytes", 'b', OPT_REQ, "SIZE", "write SIZE bytes to each file") \
	O("lines", 'l', OPT_REQ, "NUMBER", "write NUMBER lines (records) to each file") \
	O("line-bytes", 'C', OPT_REQ, "SIZE", "write whole records, at most SIZE bytes in all, to\neach file") \
	O("number", 'n', OPT_REQ, "CHUNKS", "make CHUNKS pieces (see below)") \
	O("elide-empty-files", 'e', OPT_NONE, "", "with -n, create no empty files") \
	O("unbuffered", 'u', OPT_NONE, "", "with -n r/..., pass each record on at once") \
	O("suffix-length", 'a', OPT_REQ, "N", "make suffixes N characters long (2 by default)") \
	O("additional-suffix", OPT_ADD_SUFFIX, OPT_REQ, "SUFFIX", "end every file name with SUFFIX") \
	O("", 'd', OPT_NONE, "", "number the files with decimal suffixes from 0\ninstead of letters") \
	O("numeric-suffixes", OPT_NUMERIC, OPT_OPT, "FROM", "like -d, but count from FROM") \
	O("", 'x', OPT_NONE, "", "number the files with hexadecimal suffixes from 0") \
	O("hex-suffixes", OPT_HEX, OPT_OPT, "FROM", "like -x, but count from FROM") \
	O("filter", OPT_FILTER, OPT_REQ, "COMMAND", "feed each piece to the shell COMMAND instead of a\nfile; COMMAND finds the file name in $FILE") \
	O("verbose", OPT_VERBOSE, OPT_NONE, "", "say so on standard output before opening each file") \
	O("separator", 't', OPT_REQ, "SEP", "records end with the byte SEP, not a newline;\n'\\0' stands for the NUL byte") \
	O("-io-blksize", OPT_IO_BLKSIZE, OPT_REQ, "", OPT_ALIAS)
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "split",
	.text = CMD_USAGE("[OPTION]... [FILE [PREFIX]]")
		CMD_SUMMARY("Write FILE in pieces to the files PREFIXaa, PREFIXab, ...; a piece is 1000\n"
		            "lines unless told otherwise, and PREFIX is 'x' by default.\n"
		            "\n"
		            "Without FILE, or when FILE is -, read standard input.\n"
		            "Arguments required by long options are required by short ones too.")
		CMD_DETAILS("SIZE is a number of bytes that may end in a multiplier: b 512, kB 1000,\n"
		            "K 1024, MB 1000*1000, M 1024*1024, GB 1000^3, G 1024^3, and so on for T,\n"
		            "P, E, Z, Y, R, Q; KiB, MiB ... are the same as K, M ...\n"
		            "\n"
		            "CHUNKS is one of:\n"
		            "  N       N files of (nearly) equal size\n"
		            "  K/N     only the Kth of those N, to standard output\n"
		            "  l/N     N files of about equal size, never cutting a record\n"
		            "  l/K/N   only the Kth of those, to standard output\n"
		            "  r/N     N files getting one record each in turn\n"
		            "  r/K/N   only the records the Kth file would get, to standard output\n"
		            "\n"
		            "Except with r/..., -n copies input whose size is not known in advance\n"
		            "to a temporary file in $TMPDIR (/tmp by default) first."),
	.flags = OPT_F_DIGITS,
};

enum split_type { BY_NONE, BY_BYTES, BY_LINE_BYTES, BY_LINES, BY_DIGITS, BY_CHUNK_BYTES, BY_CHUNK_LINES, BY_ROUND_ROBIN };

enum { IO_BUFSIZE = 256 * 1024, BUFSIZE_MAX = 0x7ffff000, RR_BUFSIZE = 16 * 1024 };

static const char multipliers[] = "bEGKkMmPQRTYZ0";

static const char *filter_cmd;
static int filter_pid;          /* the filter of the file being written */
static bool filter_sigpipe_default;
static bool filter_gone;        /* some filter stopped reading */

static const char *outbase = "x";
static char *outfile;           /* the current output name */
static char *outfile_mid;       /* where its suffix starts */
static bool suffix_auto = true; /* widen the suffix when it runs out */
static intmax_t suffix_length;
static const char *alphabet = "abcdefghijklmnopqrstuvwxyz";
static const char *numeric_start;
static const char *add_suffix;

static const char *infile = "-";
static int in_fd;
static struct sys_stat in_st;
static int out_fd = -1;
static bool verbose, elide_empty, unbuffered;
static int eolchar = -1;

static size_t min_size(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* The part of PATH after its last directory separator. */
static const char *last_component(const char *path)
{
	const char *base = path;
	for (const char *p = path; *p; p++)
		if (sys_is_sep(*p))
			base = p + 1;
	return base;
}

/* strtoimax() with xstrtoimax's verdict and no suffixes allowed. */
static int parse_plain(const char *s, char **end, intmax_t *v)
{
	errno = 0;
	*v = strtoimax(s, end, 10);
	if (*end == s)
		return NUM_INVALID;
	int st = errno == ERANGE ? NUM_OVERFLOW : NUM_OK;
	if (**end)
		st |= NUM_INVALID_SUFFIX;
	return st;
}

/* "PROG: WHAT: 'ARG'", with the overflow of ARG's digits, if any, as
   the reason. */
static _Noreturn void number_die(const char *what, const char *arg)
{
	char *end;
	errno = 0;
	(void)strtoimax(arg, &end, 10);
	int err = errno == ERANGE ? ERANGE : 0;
	diag_die(EXIT_FAILURE, err, "%s: %s", what, quote(arg));
}

/* A count of bytes, lines or chunks: positive, and too large a value
   means the largest. */
static intmax_t parse_units(const char *arg, const char *suffixes, const char *what)
{
	intmax_t n;
	int st = num_parse_imax(arg, suffixes, &n);
	if (st > NUM_OVERFLOW || n < 1)
		number_die(what, arg);
	return n;
}

/* The K/N or N of -n. */
static void parse_chunk(const char *arg, intmax_t *k, intmax_t *n)
{
	char *end;
	int st = parse_plain(arg, &end, n);
	if (st == NUM_INVALID_SUFFIX && *end == '/') {
		*k = *n;
		*n = parse_units(end + 1, "", "invalid number of chunks");
		if (!(0 < *k && *k <= *n))
			diag_die(EXIT_FAILURE, 0, "%s: %s", "invalid chunk number",
				 quote_mem(arg, (size_t)(end - arg)));
	} else if (!(st <= NUM_OVERFLOW && 0 < *n)) {
		number_die("invalid number of chunks", arg);
	}
}

static _Noreturn void one_way_only(void)
{
	diag_usage_error("cannot split in more than one way");
}

/* Choose the suffix length: long enough for N_UNITS files when their
   number is known, else the default, or what -a said. */
static void set_suffix_length(intmax_t n_units, enum split_type type)
{
	int needed = 0;
	if (numeric_start)
		suffix_auto = false;
	if (type == BY_CHUNK_BYTES || type == BY_CHUNK_LINES || type == BY_ROUND_ROBIN) {
		intmax_t last = n_units - 1;
		if (numeric_start) {
			intmax_t start;
			char *end;
			if (parse_plain(numeric_start, &end, &start) == NUM_OK && start < n_units)
				last = last > INTMAX_MAX - start ? INTMAX_MAX : last + start;
		}
		intmax_t base = (intmax_t)strlen(alphabet);
		do
			needed++;
		while (last /= base);
		suffix_auto = false;
	}
	if (suffix_length) {
		if (suffix_length < needed)
			diag_die(EXIT_FAILURE, 0, "the suffix length needs to be at least %d", needed);
		suffix_auto = false;
		return;
	}
	suffix_length = needed > 2 ? needed : 2;
}

/* Make OUTFILE the next output name: the first one, the one after, or,
   when the suffix is about to run out and may grow, a longer one whose
   prefix takes over the last letter. */
static void next_file_name(void)
{
	static size_t *idx;     /* alphabet position of each suffix character */
	static size_t base_len, name_len, add_len;
	bool widen = false;

	if (outfile) {
		for (size_t i = (size_t)suffix_length; i-- > 0;) {
			idx[i]++;
			if (suffix_auto && i == 0 && !alphabet[idx[0] + 1]) {
				widen = true;
				break;
			}
			outfile_mid[i] = alphabet[idx[i]];
			if (outfile_mid[i])
				return;
			idx[i] = 0;
			outfile_mid[i] = alphabet[0];
		}
		if (!widen)
			diag_die(EXIT_FAILURE, 0, "output file suffixes exhausted");
	}
	if (!widen) {
		base_len = strlen(outbase);
		add_len = add_suffix ? strlen(add_suffix) : 0;
		if ((uintmax_t)suffix_length > SIZE_MAX / 2 - base_len - add_len)
			diag_die(EXIT_FAILURE, 0, "memory exhausted");
		name_len = base_len + add_len + (size_t)suffix_length;
		outfile = xmalloc(name_len + 1);
		memcpy(outfile, outbase, base_len);
	} else {
		name_len += 2;
		suffix_length++;
		outfile = xrealloc(outfile, name_len + 1);
		outfile[base_len++] = alphabet[idx[0]];
	}
	outfile_mid = outfile + base_len;
	memset(outfile_mid, alphabet[0], (size_t)suffix_length);
	if (add_suffix)
		memcpy(outfile_mid + suffix_length, add_suffix, add_len);
	outfile[name_len] = 0;
	free(idx);
	idx = xcalloc((size_t)suffix_length, sizeof *idx);
	if (numeric_start) {
		size_t n = strlen(numeric_start);
		memcpy(outfile_mid + suffix_length - n, numeric_start, n);
		for (size_t i = 0; i < n; i++) {
			const char *at = strchr(alphabet, numeric_start[i]);
			idx[(size_t)suffix_length - n + i] = at ? (size_t)(at - alphabet) : 0;
		}
	}
}

/* Start the filter for output NAME; returns the pipe to it. */
static int start_filter(const char *name)
{
	if (sys_setenv("FILE", name) != 0)
		diag_die(EXIT_FAILURE, errno, "failed to set FILE environment variable");
	if (verbose)
		out_printf("executing with FILE=%s\n", quotef(name));
	const char *shell = sys_getenv("SHELL");
	if (!shell)
		shell = "/bin/sh";
	char *argv[] = { (char *)last_component(shell), "-c", (char *)filter_cmd, NULL };
	int fd;
	int pid = sys_spawn(shell, argv, filter_sigpipe_default ? SYS_SPAWN_DEFAULT_SIGPIPE : 0, &fd);
	if (pid < 0) {
		if (errno == EMFILE || errno == ENFILE)
			diag_die(EXIT_FAILURE, errno, "failed to create pipe");
		diag_die(EXIT_FAILURE, errno, "failed to run command: \"%s -c %s\"", shell, filter_cmd);
	}
	filter_pid = pid;
	return fd;
}

/* Create or truncate output NAME, or start its filter. Returns the
   descriptor, or -1 with errno. */
static int create_output(const char *name)
{
	if (filter_cmd)
		return start_filter(name);
	if (verbose)
		out_printf("creating file %s\n", quoteaf(name));
	int fd = sys_open(name, SYS_O_WRONLY | SYS_O_CREAT | SYS_O_EXCL, 0666);
	if (fd >= 0 || errno != EEXIST)
		return fd;
	fd = sys_open(name, SYS_O_WRONLY | SYS_O_CREAT, 0666);
	if (fd < 0)
		return fd;
	struct sys_stat st;
	if (sys_fstat(fd, &st) != 0)
		diag_die(EXIT_FAILURE, errno, "failed to stat %s", quoteaf(name));
	if (sys_same_file(&in_st, &st))
		diag_die(EXIT_FAILURE, 0, "%s would overwrite input; aborting", quoteaf(name));
	if (sys_ftruncate(fd, 0) < 0 && SYS_S_ISREG(st.mode))
		diag_die(EXIT_FAILURE, errno, "%s: error truncating", quotef(name));
	return fd;
}

/* Wait for filter PID of output NAME; a failing filter ends split with
   its status (a filter killed by SIGPIPE is fine). */
static void wait_filter(int pid, const char *name)
{
	struct sys_child_status st;
	if (sys_wait(pid, &st) < 0)
		diag_die(EXIT_FAILURE, errno, "waiting for child process");
	if (st.signaled) {
		if (st.code == sys_sig_number("PIPE"))
			return;
		char num[16];
		const char *sig = sys_sig_name(st.code);
		if (!sig) {
			snprintf(num, sizeof num, "%d", st.code);
			sig = num;
		}
		diag_die(st.code + 128, 0, "with FILE=%s, signal %s from command: %s",
			 quotef(name), sig, filter_cmd);
	}
	if (st.code != 0)
		diag_die(st.code, 0, "with FILE=%s, exit %d from command: %s", quotef(name), st.code, filter_cmd);
}

static void close_output(int fd, int pid, const char *name)
{
	if (fd >= 0 && sys_close(fd) < 0)
		diag_die(EXIT_FAILURE, errno, "%s", quotef(name));
	if (pid > 0)
		wait_filter(pid, name);
}

/* Write N bytes to the output; with NEW_FILE, to a new output first (none
   for an empty piece under -e). False when a filter has stopped reading. */
static bool cwrite(bool new_file, const char *p, size_t n)
{
	if (new_file) {
		if (!p && n == 0 && elide_empty)
			return true;
		close_output(out_fd, filter_pid, outfile);
		next_file_name();
		out_fd = create_output(outfile);
		if (out_fd < 0)
			diag_die(EXIT_FAILURE, errno, "%s", quotef(outfile));
	}
	if (sys_write_all(out_fd, p, n) == 0)
		return true;
	if (!(filter_cmd && errno == EPIPE))
		diag_die(EXIT_FAILURE, errno, "%s", quotef(outfile));
	return false;
}

static size_t read_input(char *buf, size_t size)
{
	sys_ssize n = sys_read(in_fd, buf, size);
	if (n < 0)
		diag_die(EXIT_FAILURE, errno, "%s", quotef(infile));
	return (size_t)n;
}

/* Write a block of the chunk to standard output. */
static void write_stdout(const char *p, size_t n)
{
	if (sys_write_all(1, p, n) < 0)
		out_write_error(errno);
}

/* Copy the rest of the input to a temporary file that then stands in for
   it. Returns the bytes copied, or -1 with errno. */
static sys_off copy_to_tmpfile(char *buf, size_t bufsize)
{
	int tmp = sys_tmpfile();
	if (tmp < 0)
		return -1;
	sys_off copied = 0;
	sys_ssize n;
	while ((n = sys_read(in_fd, buf, bufsize)) > 0) {
		if (sys_write_all(tmp, buf, (size_t)n) < 0)
			return -1;
		copied += n;
	}
	if (n < 0)
		return -1;
	if (in_fd != 0)
		sys_close(in_fd);
	in_fd = tmp;
	return copied;
}

/* The size of the input, with its first BUFSIZE bytes (or all of it)
   read into BUF already. -1 with errno on failure. */
static sys_off input_size(char *buf, size_t bufsize)
{
	size_t size = 0;
	do {
		sys_ssize n = sys_read(in_fd, buf + size, bufsize - size);
		if (n < 0)
			return -1;
		if (n == 0)
			return (sys_off)size;
		size += (size_t)n;
	} while (size < bufsize);

	sys_off cur = -1, end = -1;
	bool usable = SYS_S_ISREG(in_st.mode);
	if ((usable && in_st.size < (sys_off)size)
	    || (cur = sys_lseek(in_fd, 0, SYS_SEEK_CUR)) < 0
	    || cur < (sys_off)size
	    || (end = sys_lseek(in_fd, 0, SYS_SEEK_END)) < 0) {
		char *tmpbuf = xmalloc(bufsize);
		end = copy_to_tmpfile(tmpbuf, bufsize);
		free(tmpbuf);
		if (end < 0)
			return -1;
		cur = 0;
	}
	if (end == INT64_MAX || (cur < end && (sys_off)size > INT64_MAX - (end - cur))) {
		errno = EOVERFLOW;
		return -1;
	}
	sys_off total = (sys_off)size + (cur < end ? end - cur : 0);
	if (cur < end && sys_lseek(in_fd, cur, SYS_SEEK_SET) < 0)
		return -1;
	return total;
}

/* Pieces of N_BYTES bytes, the first REM_BYTES of them one byte longer,
   at most MAX_FILES of them (0: no limit; then all are made even when
   empty). BUF may hold INITIAL_READ (>= 0) bytes of input already. */
static void split_bytes(intmax_t n_bytes, intmax_t rem_bytes, char *buf, size_t bufsize,
			sys_ssize initial_read, intmax_t max_files)
{
	bool new_file = true, filter_ok = true;
	intmax_t opened = 0;
	intmax_t to_write = n_bytes + (0 < rem_bytes);
	bool eof = !to_write;

	while (!eof) {
		size_t n_read;
		if (initial_read >= 0) {
			n_read = (size_t)initial_read;
			initial_read = -1;
			eof = n_read < bufsize;
		} else {
			/* A filter that stopped reading: skip the rest of its
			   piece when the input can seek. */
			if (!filter_ok && sys_lseek(in_fd, to_write, SYS_SEEK_CUR) >= 0) {
				to_write = n_bytes + (opened + 1 < rem_bytes);
				new_file = true;
			}
			n_read = read_input(buf, bufsize);
			eof = n_read == 0;
		}
		char *bp = buf;
		while (0 < to_write && (uintmax_t)to_write <= n_read) {
			if (filter_ok || new_file)
				filter_ok = cwrite(new_file, bp, (size_t)to_write);
			opened += new_file;
			new_file = !max_files || opened < max_files;
			if (!filter_ok && !new_file) {
				n_read = 0;
				eof = true;
				break;
			}
			bp += to_write;
			n_read -= (size_t)to_write;
			to_write = n_bytes + (opened < rem_bytes);
		}
		if (n_read > 0) {
			if (filter_ok || new_file)
				filter_ok = cwrite(new_file, bp, n_read);
			opened += new_file;
			new_file = false;
			if (!filter_ok && opened == max_files)
				break;
			to_write -= (intmax_t)n_read;
		}
	}
	while (opened++ < max_files)
		cwrite(true, NULL, 0);
}

/* Pieces of N_LINES records. */
static void split_lines(intmax_t n_lines, char *buf, size_t bufsize)
{
	bool new_file = true;
	intmax_t n = 0;     /* records in the current piece */
	size_t n_read;
	do {
		n_read = read_input(buf, bufsize);
		char *bp = buf, *start = buf, *end = buf + n_read;
		/* Count the separators of the block once; walk them only where
		   a piece ends. */
		size_t seps = mem_count(buf, n_read, (unsigned char)eolchar);
		while ((uintmax_t)(n_lines - n) <= seps) {
			uintmax_t need = (uintmax_t)(n_lines - n);
			seps -= (size_t)need;
			while (need--)
				bp = (char *)memchr(bp, eolchar, (size_t)(end - bp)) + 1;
			cwrite(new_file, start, (size_t)(bp - start));
			start = bp;
			new_file = true;
			n = 0;
		}
		n += (intmax_t)seps;
		if (end != start) {
			cwrite(new_file, start, (size_t)(end - start));
			new_file = false;
		}
	} while (n_read);
}

/* Pieces of at most N_BYTES bytes that end with a record separator,
   unless a record is longer than that. */
static void split_line_bytes(intmax_t n_bytes, char *buf, size_t bufsize)
{
	intmax_t n_out = 0;     /* bytes written to the current piece */
	size_t n_hold = 0, hold_size = 0;
	char *hold = NULL;      /* a partial record carried between reads */
	bool split_line = false;
	size_t n_read;

	do {
		n_read = read_input(buf, bufsize);
		size_t n_left = n_read;
		char *sob = buf;
		while (n_left) {
			size_t split_rest = 0;
			bool end_of_chunk = false;
			char *eol;
			if (n_bytes - n_out - (intmax_t)n_hold <= (intmax_t)n_left) {
				split_rest = (size_t)(n_bytes - n_out - (intmax_t)n_hold);
				end_of_chunk = true;
				eol = mem_rchr(sob, eolchar, split_rest);
			} else {
				eol = mem_rchr(sob, eolchar, n_left);
			}
			if (n_hold && !(!eol && n_out)) {
				cwrite(n_out == 0, hold, n_hold);
				n_out += (intmax_t)n_hold;
				n_hold = 0;
			}
			if (eol) {
				split_line = true;
				size_t w = (size_t)(eol - sob) + 1;
				cwrite(n_out == 0, sob, w);
				n_out += (intmax_t)w;
				n_left -= w;
				sob += w;
				if (end_of_chunk)
					split_rest -= w;
			}
			if (n_left && !split_line) {
				size_t w = end_of_chunk ? split_rest : n_left;
				cwrite(n_out == 0, sob, w);
				n_out += (intmax_t)w;
				n_left -= w;
				sob += w;
				if (end_of_chunk)
					split_rest -= w;
			}
			if ((end_of_chunk && split_rest) || (!end_of_chunk && n_left)) {
				size_t w = end_of_chunk ? split_rest : n_left;
				while (hold_size - n_hold < w)
					hold = xgrow(hold, &hold_size, 1);
				memcpy(hold + n_hold, sob, w);
				n_hold += w;
				n_left -= w;
				sob += w;
			}
			if (end_of_chunk) {
				n_out = 0;
				split_line = false;
			}
		}
	} while (n_read);
	if (n_hold)
		cwrite(n_out == 0, hold, n_hold);
	free(hold);
}

/* Just after the first separator from P on, with *NEXT set; or EOB when
   the record goes on past the block. */
static char *record_end(char *p, char *eob, bool *next)
{
	char *sep = memchr(p, eolchar, (size_t)(eob - p));
	*next = sep != NULL;
	return sep ? sep + 1 : eob;
}

/* -n l/[K/]N: the input is cut into N parts of equal size; a record goes
   wholly to the part it starts in. K (> 0) writes only part K to
   standard output. */
static void split_lines_chunk(intmax_t k, intmax_t n, char *buf, size_t bufsize,
			      sys_ssize initial_read, sys_off file_size)
{
	intmax_t rem_bytes = file_size % n;
	sys_off chunk_size = file_size / n;
	intmax_t chunk_no = 1;
	sys_off chunk_end = chunk_size + (0 < rem_bytes);
	sys_off n_written = 0;
	bool new_file = true, chunk_truncated = false;

	if (k > 1 && 0 < file_size) {
		/* Start one byte before part K, to see whether a record ends
		   there. */
		sys_off start = (k - 1) * chunk_size + (k - 1 < rem_bytes ? k - 1 : rem_bytes) - 1;
		if (start < initial_read) {
			memmove(buf, buf + start, (size_t)(initial_read - start));
			initial_read -= start;
		} else {
			if (initial_read < start
			    && sys_lseek(in_fd, start - initial_read, SYS_SEEK_CUR) < 0)
				diag_die(EXIT_FAILURE, errno, "%s", quotef(infile));
			initial_read = -1;
		}
		n_written = start;
		chunk_no = k - 1;
		chunk_end = start + 1;
	}

	while (n_written < file_size) {
		char *bp = buf;
		size_t n_read;
		if (initial_read >= 0) {
			n_read = (size_t)initial_read;
			initial_read = -1;
		} else {
			n_read = read_input(buf, min_size(bufsize, (size_t)(file_size - n_written)));
		}
		if (n_read == 0)
			break;
		chunk_truncated = false;
		char *eob = buf + n_read;
		while (bp != eob) {
			bool next;
			sys_off skip = chunk_end - 1 - n_written;
			if (skip < 0)
				skip = 0;
			if (skip > (sys_off)n_read)
				skip = (sys_off)n_read;
			char *bp_out = record_end(bp + skip, eob, &next);
			size_t to_write = (size_t)(bp_out - bp);
			if (k == chunk_no)
				write_stdout(bp, to_write);
			else if (!k)
				cwrite(new_file, bp, to_write);
			n_written += (sys_off)to_write;
			bp += to_write;
			n_read -= to_write;
			new_file = next;
			/* A long record may span whole parts: they stay empty. */
			while (next || chunk_end <= n_written) {
				if (!next && bp == eob) {
					chunk_truncated = true;
					break;
				}
				if (k == chunk_no)
					return;
				chunk_end += chunk_size + (chunk_no < rem_bytes);
				chunk_no++;
				if (chunk_end <= n_written) {
					if (!k)
						cwrite(true, NULL, 0);
				} else {
					next = false;
				}
			}
		}
	}
	if (chunk_truncated)
		chunk_no++;
	if (!k)
		while (chunk_no++ <= n)
			cwrite(true, NULL, 0);
}

/* -n K/N: part K of N equal parts, to standard output. */
static void extract_bytes_chunk(intmax_t k, intmax_t n, char *buf, size_t bufsize,
				sys_ssize initial_read, sys_off file_size)
{
	sys_off q = file_size / n, r = file_size % n;
	sys_off start = (k - 1) * q + (k - 1 < r ? k - 1 : r);
	sys_off end = k == n ? file_size : k * q + (k < r ? k : r);

	if (start < initial_read) {
		memmove(buf, buf + start, (size_t)(initial_read - start));
		initial_read -= start;
	} else {
		if (initial_read < start && sys_lseek(in_fd, start - initial_read, SYS_SEEK_CUR) < 0)
			diag_die(EXIT_FAILURE, errno, "%s", quotef(infile));
		initial_read = -1;
	}
	while (start < end) {
		size_t n_read;
		if (initial_read >= 0) {
			n_read = (size_t)initial_read;
			initial_read = -1;
		} else {
			n_read = read_input(buf, bufsize);
		}
		if (n_read == 0)
			break;
		if ((sys_off)n_read > end - start)
			n_read = (size_t)(end - start);
		if (sys_write_all(1, buf, n_read) < 0)
			diag_die(EXIT_FAILURE, errno, "%s", quotef("-"));
		start += (sys_off)n_read;
	}
}

/* An output of -n r/N, buffered here. */
struct rr_file {
	char *name;
	int fd;         /* >= 0 while open, else RR_NEW or RR_REOPEN */
	int pid;        /* its filter */
	char *buf;
	size_t used;
};
enum { RR_NEW = -1, RR_REOPEN = -2 };

/* Write out what F holds; false when its filter stopped reading. */
static bool rr_flush(struct rr_file *f)
{
	size_t n = f->used;
	f->used = 0;
	if (n == 0 || sys_write_all(f->fd, f->buf, n) == 0)
		return true;
	if (filter_cmd && errno == EPIPE) {
		filter_gone = true;
		return false;
	}
	diag_die(EXIT_FAILURE, errno, "%s", quotef(f->name));
}

static void rr_write(struct rr_file *f, const char *p, size_t n)
{
	if (!unbuffered) {
		if (!f->buf)
			f->buf = xmalloc(RR_BUFSIZE);
		if (n <= RR_BUFSIZE - f->used) {
			memcpy(f->buf + f->used, p, n);
			f->used += n;
			return;
		}
		if (!rr_flush(f))
			return;
		if (n < RR_BUFSIZE) {
			memcpy(f->buf, p, n);
			f->used = n;
			return;
		}
	}
	if (sys_write_all(f->fd, p, n) == 0)
		return;
	if (filter_cmd && errno == EPIPE) {
		filter_gone = true;
		return;
	}
	diag_die(EXIT_FAILURE, errno, "%s", quotef(f->name));
}

/* Flush and close F, then wait for its filter. With LENIENT, a filter
   that stopped reading is no error. */
static void rr_close(struct rr_file *f, bool lenient)
{
	size_t n = f->used;
	f->used = 0;
	if (n && sys_write_all(f->fd, f->buf, n) < 0 && !(lenient && filter_cmd && errno == EPIPE))
		diag_die(EXIT_FAILURE, errno, "%s", quotef(f->name));
	if (sys_close(f->fd) < 0 && !(lenient && filter_cmd && errno == EPIPE))
		diag_die(EXIT_FAILURE, errno, "%s", quotef(f->name));
	f->fd = RR_REOPEN;
	free(f->buf);
	f->buf = NULL;
}

/* Make sure file I of N is open. When the system runs out of
   descriptors, others are closed to make room (to be appended to later).
   Returns true when that happened. */
static bool rr_open(struct rr_file *files, size_t i, size_t n)
{
	bool limited = false;
	if (files[i].fd >= 0)
		return false;
	size_t victim = i ? i - 1 : n - 1;
	for (;;) {
		int fd;
		if (files[i].fd == RR_NEW)
			fd = create_output(files[i].name);
		else
			fd = sys_open(files[i].name, SYS_O_WRONLY | SYS_O_APPEND | SYS_O_NONBLOCK, 0);
		if (fd >= 0) {
			files[i].fd = fd;
			break;
		}
		if (errno != EMFILE && errno != ENFILE)
			diag_die(EXIT_FAILURE, errno, "%s", quotef(files[i].name));
		limited = true;
		int err = errno;
		while (files[victim].fd < 0) {
			victim = victim ? victim - 1 : n - 1;
			if (victim == i)
				diag_die(EXIT_FAILURE, err, "%s", quotef(files[i].name));
		}
		rr_close(&files[victim], false);
	}
	files[i].pid = filter_pid;
	filter_pid = 0;
	return limited;
}

/* -n r/[K/]N: records dealt to N outputs in turn; with K (> 0), only
   those of output K, to standard output. */
static void split_round_robin(intmax_t k, intmax_t n, char *buf, size_t bufsize)
{
	struct rr_file *files = NULL;
	size_t i_file = 0;
	intmax_t line_no = 1;
	bool wrapped = false, wrote = false, limited = false;

	if (!k) {
		if ((uintmax_t)n > SIZE_MAX / sizeof *files)
			diag_die(EXIT_FAILURE, 0, "memory exhausted");
		files = xmalloc((size_t)n * sizeof *files);
		for (size_t i = 0; i < (size_t)n; i++) {
			next_file_name();
			files[i] = (struct rr_file){ xstrdup(outfile), RR_NEW, 0, NULL, 0 };
		}
	} else if (unbuffered) {
		out_set_unbuffered(true);
	}

	for (;;) {
		size_t n_read = read_input(buf, bufsize);
		if (n_read == 0)
			break;
		char *bp = buf, *eob = buf + n_read;
		while (bp != eob) {
			bool next;
			char *bp_out = record_end(bp, eob, &next);
			size_t to_write = (size_t)(bp_out - bp);
			if (k) {
				if (line_no == k)
					out_write(bp, to_write);
				if (next)
					line_no = line_no == n ? 1 : line_no + 1;
			} else {
				limited |= rr_open(files, i_file, (size_t)n);
				rr_write(&files[i_file], bp, to_write);
				if (!filter_gone)
					wrote = true;
				if (limited)
					rr_close(&files[i_file], false);
				if (next && ++i_file == (size_t)n) {
					wrapped = true;
					/* Every filter has stopped reading: so can we. */
					if (!wrote)
						goto done;
					wrote = false;
					i_file = 0;
				}
			}
			bp = bp_out;
		}
	}
done:
	if (!k) {
		/* Create the files no record went to, and close them all. */
		size_t ceiling = wrapped ? (size_t)n : i_file;
		for (size_t i = 0; i < (size_t)n; i++) {
			if (i >= ceiling && !elide_empty)
				limited |= rr_open(files, i, (size_t)n);
			if (files[i].fd >= 0) {
				rr_close(&files[i], true);
				if (files[i].pid > 0)
					wait_filter(files[i].pid, files[i].name);
			}
			files[i].fd = RR_REOPEN;
		}
		for (size_t i = 0; i < (size_t)n; i++)
			free(files[i].name);
		free(files);
	}
}

/* The I/O block size for the input, as GNU picks it. */
static size_t io_blksize(const struct sys_stat *st)
{
	int64_t bs = st->blksize <= 0 ? IO_BUFSIZE : st->blksize;
	bs += (IO_BUFSIZE - 1) - (IO_BUFSIZE - 1) % bs;
	if (SYS_S_ISREG(st->mode) && (bs & (bs - 1))) {
		int64_t p = 1;
		while (p < bs && p <= INT64_MAX / 2)
			p *= 2;
		bs = p;
	}
	return bs > BUFSIZE_MAX ? BUFSIZE_MAX : (size_t)bs;
}

/* The start value of --numeric-suffixes / --hex-suffixes. */
static void set_suffix_start(const char *arg, bool hex)
{
	if (strspn(arg, alphabet) != strlen(arg)) {
		diag_error(0, hex ? "%s: invalid start value for hexadecimal suffix"
				  : "%s: invalid start value for numerical suffix", quote(arg));
		diag_try_help();
		exit(EXIT_FAILURE);
	}
	while (*arg == '0' && arg[1])
		arg++;
	numeric_start = arg;
}

static void set_separator(const char *arg)
{
	int sep = (unsigned char)arg[0];
	if (!sep)
		diag_die(EXIT_FAILURE, 0, "empty record separator");
	if (arg[1]) {
		if (strcmp(arg, "\\0") == 0)
			sep = 0;
		else
			diag_die(EXIT_FAILURE, 0, "multi-character separator %s", quote(arg));
	}
	if (eolchar >= 0 && sep != eolchar)
		diag_die(EXIT_FAILURE, 0, "multiple separator characters specified");
	eolchar = sep;
}

int main_split(int argc, char **argv)
{
	enum split_type type = BY_NONE;
	size_t blksize = 0;
	intmax_t k_units = 0, n_units = 0;
	int digits_index = 0;
	struct opt_parser p;
	int c;

	opt_init(&p, &info, &opts.table, argc, argv);
	for (;;) {
		int this_index = p.index;
		if ((c = opt_next(&p)) == OPT_END)
			break;
		switch (c) {
		case 'a':
			suffix_length = num_xparse_imax(p.arg, "", 0, PTRDIFF_MAX, "invalid suffix length");
			break;
		case OPT_ADD_SUFFIX:
			for (const char *s = p.arg; *s; s++)
				if (sys_is_sep(*s))
					diag_usage_error("invalid suffix %s, contains directory separator", quote(p.arg));
			add_suffix = p.arg;
			break;
		case 'b':
			if (type != BY_NONE)
				one_way_only();
			type = BY_BYTES;
			n_units = parse_units(p.arg, multipliers, "invalid number of bytes");
			break;
		case 'l':
			if (type != BY_NONE)
				one_way_only();
			type = BY_LINES;
			n_units = parse_units(p.arg, "", "invalid number of lines");
			break;
		case 'C':
			if (type != BY_NONE)
				one_way_only();
			type = BY_LINE_BYTES;
			n_units = parse_units(p.arg, multipliers, "invalid number of lines");
			break;
		case 'n': {
			if (type != BY_NONE)
				one_way_only();
			const char *a = p.arg;
			while (isspace((unsigned char)*a))
				a++;
			if (strncmp(a, "r/", 2) == 0) {
				type = BY_ROUND_ROBIN;
				a += 2;
			} else if (strncmp(a, "l/", 2) == 0) {
				type = BY_CHUNK_LINES;
				a += 2;
			} else {
				type = BY_CHUNK_BYTES;
			}
			parse_chunk(a, &k_units, &n_units);
			break;
		}
		case 'u':
			unbuffered = true;
			break;
		case 't':
			set_separator(p.arg);
			break;
		case '0': case '1': case '2': case '3': case '4':
		case '5': case '6': case '7': case '8': case '9':
			if (type == BY_NONE) {
				type = BY_DIGITS;
				n_units = 0;
			}
			if (type != BY_DIGITS)
				one_way_only();
			if (digits_index != 0 && digits_index != this_index)
				n_units = 0;
			digits_index = this_index;
			if (n_units > (INTMAX_MAX - (c - '0')) / 10)
				n_units = INTMAX_MAX;
			else
				n_units = n_units * 10 + (c - '0');
			break;
		case 'd':
		case 'x':
		case OPT_NUMERIC:
		case OPT_HEX: {
			bool hex = c == 'x' || c == OPT_HEX;
			alphabet = hex ? "0123456789abcdef" : "0123456789";
			if (p.arg)
				set_suffix_start(p.arg, hex);
			break;
		}
		case 'e':
			elide_empty = true;
			break;
		case OPT_FILTER:
			filter_cmd = p.arg;
			break;
		case OPT_IO_BLKSIZE:
			blksize = (size_t)num_xparse_umax_flags(p.arg, multipliers, 1, BUFSIZE_MAX,
								"invalid IO block size", NUM_X_MIN_RANGE);
			break;
		case OPT_VERBOSE:
			verbose = true;
			break;
		}
	}

	if (k_units != 0 && filter_cmd)
		diag_usage_error("--filter does not process a chunk extracted to standard output");
	if (type == BY_NONE) {
		type = BY_LINES;
		n_units = 1000;
	}
	if (n_units == 0)
		diag_usage_error("invalid number of lines: %s", quote("0"));
	if (eolchar < 0)
		eolchar = '\n';
	set_suffix_length(n_units, type);

	if (p.noperands > 0)
		infile = p.operands[0];
	if (p.noperands > 1)
		outbase = p.operands[1];
	if (p.noperands > 2)
		opt_extra_operand(p.operands[2]);
	if (numeric_start && strlen(numeric_start) > (size_t)suffix_length)
		diag_usage_error("numerical suffix start value is too large for the suffix length");

	if (in_is_stdin(infile)) {
		in_fd = 0;
	} else {
		in_fd = sys_open(infile, SYS_O_RDONLY, 0);
		if (in_fd < 0)
			diag_die(EXIT_FAILURE, errno, "cannot open %s for reading", quoteaf(infile));
	}
	sys_advise_sequential(in_fd);
	if (sys_fstat(in_fd, &in_st) != 0)
		diag_die(EXIT_FAILURE, errno, "%s", quotef(infile));
	if (blksize == 0)
		blksize = io_blksize(&in_st);
	char *buf = xmalloc(blksize + 1);

	sys_ssize initial_read = -1;
	sys_off file_size = INT64_MAX;
	if (type == BY_CHUNK_BYTES || type == BY_CHUNK_LINES) {
		file_size = input_size(buf, blksize);
		if (file_size < 0)
			diag_die(EXIT_FAILURE, errno, "%s: cannot determine file size", quotef(infile));
		initial_read = file_size < (sys_off)blksize ? (sys_ssize)file_size : (sys_ssize)blksize;
	}

	/* One filter going away must not end split: the others still read. */
	if (filter_cmd) {
		bool ignored = false, blocked = false;
		int sigpipe = sys_sig_number("PIPE");
		if (sigpipe > 0 && sys_sig_query(sigpipe, &ignored, &blocked) == 0)
			filter_sigpipe_default = !ignored;
		sys_sigpipe_ignore();
	}

	switch (type) {
	case BY_DIGITS:
	case BY_LINES:
		split_lines(n_units, buf, blksize);
		break;
	case BY_BYTES:
		split_bytes(n_units, 0, buf, blksize, -1, 0);
		break;
	case BY_LINE_BYTES:
		split_line_bytes(n_units, buf, blksize);
		break;
	case BY_CHUNK_BYTES:
		if (k_units == 0)
			split_bytes(file_size / n_units, file_size % n_units, buf, blksize, initial_read, n_units);
		else
			extract_bytes_chunk(k_units, n_units, buf, blksize, initial_read, file_size);
		break;
	case BY_CHUNK_LINES:
		split_lines_chunk(k_units, n_units, buf, blksize, initial_read, file_size);
		break;
	case BY_ROUND_ROBIN:
		split_round_robin(k_units, n_units, buf, blksize);
		break;
	case BY_NONE:
		break;
	}
	free(buf);

	if (sys_close(in_fd) != 0)
		diag_die(EXIT_FAILURE, errno, "%s", quotef(infile));
	close_output(out_fd, filter_pid, outfile);
	free(p.operands);
	return EXIT_SUCCESS;
}
