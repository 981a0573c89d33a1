/* wc: count the newlines, words, characters and bytes of files, and
   measure their longest line. */
#include "common.h"
#include "argmatch.h"
#include "memcount.h"

#include <stdio.h>

enum { OPT_DEBUG = OPT_LONG, OPT_FILES0, OPT_TOTAL };

#define OPTIONS(O) \
	O("bytes", 'c', OPT_NONE, "", "print the number of bytes") \
	O("chars", 'm', OPT_NONE, "", "print the number of characters") \
	O("lines", 'l', OPT_NONE, "", "print the number of newlines") \
	O("debug", OPT_DEBUG, OPT_NONE, "", "tell which vector instructions count the lines") \
	O("files0-from", OPT_FILES0, OPT_REQ, "F", \
	  "read the input file names from F, each one ended by\na NUL byte; F of - means standard input") \
	O("max-line-length", 'L', OPT_NONE, "", "print the largest display width of a line") \
	O("words", 'w', OPT_NONE, "", "print the number of words") \
	O("total", OPT_TOTAL, OPT_REQ, "WHEN", \
	  "when to print the line of totals: auto (with more\nthan one file), always, only (nothing else), never")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "wc",
	.text = CMD_USAGE("[OPTION]... [FILE]...\n[OPTION]... --files0-from=F")
		CMD_SUMMARY("Count the newlines, words and bytes of each FILE, and print a line of\n"
		            "totals when there is more than one FILE. A word is a run of one or more\n"
		            "characters that are not white space, between white space or the start\n"
		            "or end of the input.\n"
		            "\n"
		            "With no FILE, or when FILE is -, read standard input.\n"
		            "\n"
		            "The options choose the counts; they are always printed in this order:\n"
		            "newlines, words, characters, bytes, maximum line length."),
};

enum { TOTAL_AUTO, TOTAL_ALWAYS, TOTAL_ONLY, TOTAL_NEVER };
static const char total_words[] = "auto\0always\0only\0never\0";

enum {
	BUF_SIZE = 256 * 1024,
	PAGE = 4096,
	/* --files0-from lists up to this size are read before counting, so
	   the columns can be sized from the files. */
	NAMES_IN_MEMORY = 10 * 1024 * 1024,
};

struct counts {
	uintmax_t lines, words, chars, bytes, maxlen;
};

static bool print_lines, print_words, print_chars, print_bytes, print_maxlen;
static bool utf8, debug, posixly;
static int total_mode = TOTAL_AUTO;
static int width;
static unsigned char *buf;
static bool read_stdin;

/* Classes of single bytes for the word and line-length count. */
enum {
	K_WORD,   /* part of a word, takes no column */
	K_PRINT,  /* part of a word, one column */
	K_SPACE,  /* ' ' */
	K_TAB,
	K_NL,
	K_EOL,    /* \r and \f also end a line for -L */
	K_VT,
	K_MULTI,  /* starts a UTF-8 sequence (in a UTF-8 locale) */
};
static unsigned char klass[256];
/* Per byte for counting words alone: 0 part of a word, 1 white space, 2
   may start a multibyte space (UTF-8 leads C2, E1, E2, E3). */
static unsigned char word_class[256];

static void make_classes(void)
{
	for (int b = 0; b < 256; b++)
		klass[b] = b >= 0x20 && b < 0x7f ? K_PRINT : (b >= 0x80 && utf8) ? K_MULTI : K_WORD;
	klass[' '] = K_SPACE;
	klass['\t'] = K_TAB;
	klass['\n'] = K_NL;
	klass['\r'] = K_EOL;
	klass['\f'] = K_EOL;
	klass['\v'] = K_VT;
	/* In the C locale byte 0xA0 stands for U+00A0, a no-break space. */
	if (!utf8 && !posixly)
		klass[0xa0] = K_VT;
	for (int b = 0; b < 256; b++)
		word_class[b] = klass[b] >= K_SPACE && klass[b] <= K_VT;
	if (utf8) {
		word_class[0xc2] = word_class[0xe1] = word_class[0xe2] = word_class[0xe3] = 2;
	}
}

/* The length of the UTF-8 sequence at P (N >= 1 bytes, P[0] >= 0x80) with
   its code point in *CP; 0 when P[0] does not start a valid sequence; -1
   when the N bytes are a valid start of one that needs more. */
static int utf8_seq(const unsigned char *p, size_t n, uint32_t *cp)
{
	unsigned c = p[0], lo = 0x80, hi = 0xbf;
	int len;
	uint32_t v;
	if (c < 0xc2) {
		return 0;
	} else if (c < 0xe0) {
		len = 2;
		v = c & 0x1f;
	} else if (c < 0xf0) {
		len = 3;
		v = c & 0x0f;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
	} else if (c < 0xf5) {
		len = 4;
		v = c & 0x07;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else {
		return 0;
	}
	for (int i = 1; i < len; i++) {
		if ((size_t)i >= n)
			return -1;
		unsigned b = p[i];
		if (b < lo || b > hi)
			return 0;
		lo = 0x80;
		hi = 0xbf;
		v = (v << 6) | (b & 0x3f);
	}
	*cp = v;
	return len;
}

/* True for the characters above ASCII that separate words: the locale's
   spaces, and the no-break spaces unless POSIXLY_CORRECT is set. */
static bool wide_space(uint32_t cp)
{
	switch (cp) {
	case 0x1680: case 0x2028: case 0x2029: case 0x205f: case 0x3000:
		return true;
	case 0xa0: case 0x2007: case 0x202f: case 0x2060:
		return !posixly;
	default:
		return cp >= 0x2000 && cp <= 0x200a;
	}
}

/* Count the words in P[0..N), which ends at a character boundary (an
   unfinished sequence there is taken as invalid bytes). *SPACE says
   whether white space (or the start of input) came last. */
static uintmax_t count_words(const unsigned char *p, size_t n, unsigned *space)
{
	uintmax_t words = 0;
	unsigned prev = *space;
	size_t i = 0;
	while (i < n) {
		unsigned k = word_class[p[i]];
		if (k < 2) {
			/* A word starts where a non-space follows a space. */
			words += prev & (k ^ 1);
			prev = k;
			i++;
			continue;
		}
		/* Other bytes above ASCII are parts of words: characters that
		   are not spaces, or encoding errors. */
		uint32_t cp;
		int len = utf8_seq(p + i, n - i, &cp);
		k = len > 0 && wide_space(cp);
		words += prev & (k ^ 1);
		prev = k;
		i += len > 0 ? (size_t)len : 1;
	}
	*space = prev;
	return words;
}

/* The word and line-length state that runs on from one buffer to the next. */
struct text {
	bool in_word;
	uintmax_t pos;
};

/* Count lines, words, characters and line widths in P[0..N); returns the
   bytes used: all of them, except an unfinished sequence at the end when
   MORE input may complete it. */
static size_t count_text(const unsigned char *p, size_t n, bool more, struct counts *c, struct text *t)
{
	uintmax_t lines = 0, words = 0, chars = 0, pos = t->pos, maxlen = c->maxlen;
	bool in_word = t->in_word;
	size_t i = 0;
	while (i < n) {
		unsigned b = p[i];
		switch (klass[b]) {
		case K_PRINT:
			pos++;
			/* fall through */
		case K_WORD:
			words += !in_word;
			in_word = true;
			break;
		case K_SPACE:
			pos++;
			in_word = false;
			break;
		case K_TAB:
			pos += 8 - pos % 8;
			in_word = false;
			break;
		case K_NL:
			lines++;
			/* fall through */
		case K_EOL:
			if (pos > maxlen)
				maxlen = pos;
			pos = 0;
			in_word = false;
			break;
		case K_VT:
			in_word = false;
			break;
		default: {
			uint32_t cp;
			int len = utf8_seq(p + i, n - i, &cp);
			if (len < 0 && more)
				goto out;
			if (len <= 0) {
				/* An encoding error: a byte of a word, but no character. */
				words += !in_word;
				in_word = true;
				i++;
				continue;
			}
			chars++;
			i += (size_t)len;
			if (wide_space(cp)) {
				in_word = false;
			} else {
				words += !in_word;
				in_word = true;
			}
			if (print_maxlen) {
				int w = utf8_width(cp);
				if (w > 0)
					pos += (uintmax_t)w;
			}
			continue;
		}
		}
		chars++;
		i++;
	}
out:
	c->lines += lines;
	c->words += words;
	c->chars += chars;
	c->maxlen = maxlen;
	t->pos = pos;
	t->in_word = in_word;
	return i;
}

/* Bytes of FD from where it stands, without reading when its size says. */
static int count_size(int fd, struct counts *c)
{
	struct sys_stat s;
	if (sys_fstat(fd, &s) == 0 && SYS_S_ISREG(s.mode) && s.size >= 0) {
		sys_off cur = sys_lseek(fd, 0, SYS_SEEK_CUR);
		if (cur >= 0 && s.size % PAGE != 0) {
			if (s.size > cur && sys_lseek(fd, s.size, SYS_SEEK_SET) >= 0) {
				c->bytes = (uintmax_t)(s.size - cur);
				return 0;
			}
		} else if (cur >= 0) {
			/* A size that is a multiple of the page size may be a guess
			   (/proc, /sys): read the last block or so. */
			sys_off blk = s.blksize > 0 && s.blksize <= ((sys_off)1 << 40) ? s.blksize : 512;
			sys_off hi = s.size - s.size % (blk + 1);
			if (cur < hi && sys_lseek(fd, hi, SYS_SEEK_SET) >= 0)
				c->bytes = (uintmax_t)(hi - cur);
		}
	}
	sys_advise_sequential(fd);
	for (;;) {
		sys_ssize n = sys_read(fd, buf, BUF_SIZE);
		if (n < 0)
			return errno;
		if (n == 0)
			return 0;
		c->bytes += (uintmax_t)n;
	}
}

/* Count FD into C; returns 0 or the errno of a read error. */
static int count_fd(int fd, struct counts *c)
{
	bool count_chars = print_chars && utf8;
	bool words_or_width = print_words || print_maxlen;
	int err = 0;

	if (!count_chars && !words_or_width && !print_lines)
		return count_size(fd, c);

	sys_advise_sequential(fd);
	if (!count_chars && !words_or_width) {
		if (debug) {
			const char *accel = mem_count_accel();
			if (strcmp(accel, "avx2") == 0)
				diag_error(0, "using avx2 hardware support");
			else
				diag_error(0, "avx2 support not detected");
		}
		for (;;) {
			sys_ssize n = sys_read(fd, buf, BUF_SIZE);
			if (n <= 0) {
				err = n < 0 ? errno : 0;
				break;
			}
			c->bytes += (uintmax_t)n;
			c->lines += mem_count(buf, (size_t)n, '\n');
		}
		return err;
	}

	struct text t = { false, 0 };
	unsigned space = 1;
	size_t carry = 0;
	for (;;) {
		sys_ssize n = sys_read(fd, buf + carry, BUF_SIZE - carry);
		if (n < 0) {
			err = errno;
			break;
		}
		c->bytes += (uintmax_t)n;
		size_t avail = carry + (size_t)n, used;
		if (avail == 0)
			break;
		if (print_maxlen) {
			used = count_text(buf, avail, n > 0, c, &t);
		} else {
			/* Hold back a character that the next read may complete. */
			used = avail - (utf8 && n > 0 ? utf8_partial_tail((const char *)buf, avail) : 0);
			size_t tail;
			if (count_chars)
				c->chars += mem_utf8_chars(buf, used, &tail);
			if (print_words)
				c->words += count_words(buf, used, &space);
			if (print_lines)
				c->lines += mem_count(buf + carry, (size_t)n, '\n');
		}
		carry = avail - used;
		memmove(buf, buf + used, carry);
		if (n == 0)
			break;
	}
	if (t.pos > c->maxlen)
		c->maxlen = t.pos;
	return err;
}

static void print_counts(const struct counts *c, const char *name)
{
	const uintmax_t vals[5] = { c->lines, c->words, c->chars, c->bytes, c->maxlen };
	const bool on[5] = { print_lines, print_words, print_chars, print_bytes, print_maxlen };
	char line[5 * 24 + 8];
	size_t len = 0;
	for (int i = 0; i < 5; i++) {
		if (!on[i])
			continue;
		len += (size_t)snprintf(line + len, sizeof line - len, "%s%*ju", len ? " " : "", width, vals[i]);
	}
	out_write(line, len);
	if (name) {
		out_putc(' ');
		out_puts(strchr(name, '\n') ? quotef(name) : name);
	}
	out_putc('\n');
	/* Whole lines at once, so parallel runs do not mix their output. */
	out_flush();
}

static struct counts total;
static bool total_overflow[4];

static void add_total(const struct counts *c)
{
	const uintmax_t add[4] = { c->lines, c->words, c->chars, c->bytes };
	uintmax_t *sum[4] = { &total.lines, &total.words, &total.chars, &total.bytes };
	for (int i = 0; i < 4; i++) {
		if (*sum[i] > UINTMAX_MAX - add[i])
			total_overflow[i] = true;
		else
			*sum[i] += add[i];
	}
	if (c->maxlen > total.maxlen)
		total.maxlen = c->maxlen;
}

/* Count one file: NAME, or standard input when NAME is "-" or NULL (no
   operands: then no name is printed). */
static bool count_file(const char *name)
{
	bool is_stdin = !name || in_is_stdin(name);
	read_stdin |= is_stdin;
	int fd = is_stdin ? 0 : in_open(name);
	if (fd < 0) {
		diag_error(errno, "%s", quotef(name));
		return false;
	}
	struct counts c = { 0 };
	int err = count_fd(fd, &c);
	if (print_chars && !utf8)
		c.chars = c.bytes;
	if (total_mode != TOTAL_ONLY)
		print_counts(&c, name);
	add_total(&c);
	const char *shown = name ? name : "standard input";
	bool ok = true;
	if (err) {
		diag_error(err, "%s", quotef(shown));
		ok = false;
	}
	if (!is_stdin && sys_close(fd) < 0) {
		diag_error(errno, "%s", quotef(shown));
		ok = false;
	}
	return ok;
}

/* How many counts each line shows. */
static int count_kinds(void)
{
	return print_lines + print_words + print_chars + print_bytes + print_maxlen;
}

/* The column width: enough for the total size of the regular files
   among NAMES, and at least 7 when one of them is something else (whose
   size cannot be known). */
static int column_width(char *const *names, size_t n)
{
	int min = 1;
	uintmax_t sum = 0;
	for (size_t i = 0; i < n; i++) {
		struct sys_stat s;
		int r = in_is_stdin(names[i]) ? sys_fstat(0, &s) : sys_stat(names[i], &s);
		if (r < 0)
			continue;
		if (!SYS_S_ISREG(s.mode)) {
			min = 7;
		} else if (s.size > 0) {
			if (sum > UINTMAX_MAX - (uintmax_t)s.size) {
				sum = UINTMAX_MAX;
				break;
			}
			sum += (uintmax_t)s.size;
		}
	}
	int w = 1;
	for (; sum >= 10; sum /= 10)
		w++;
	return w < min ? min : w;
}

/* The source of file names of --files0-from: read all at once when small,
   or one at a time. */
struct names {
	const char *from;
	int fd;
	struct in_rec rec;
	char **list;
	size_t n, next, cap;
	bool streaming;
};

/* The next name, or NULL at the end (or after a read error: *ERR set). */
static char *read_name(struct names *nm, int *err)
{
	char *rec;
	size_t len;
	int r = inrec_next(&nm->rec, 0, &rec, &len);
	if (r < 0) {
		*err = errno;
		return NULL;
	}
	if (r == 0)
		return NULL;
	char *s = xmalloc(len + 1);
	memcpy(s, rec, len);
	s[len] = 0;
	return s;
}

/* Open the list FROM; a regular file of moderate size is read whole. */
static void names_open(struct names *nm, const char *from)
{
	memset(nm, 0, sizeof *nm);
	nm->from = from;
	nm->fd = in_open(from);
	if (nm->fd < 0)
		diag_die(EXIT_FAILURE, errno, "cannot open %s for reading", quoteaf(from));
	inrec_init(&nm->rec, nm->fd);
	struct sys_stat s;
	nm->streaming = !(sys_fstat(nm->fd, &s) == 0 && SYS_S_ISREG(s.mode) && s.size <= NAMES_IN_MEMORY);
	if (nm->streaming)
		return;
	int err = 0;
	char *name;
	while ((name = read_name(nm, &err))) {
		if (nm->n + 1 >= nm->cap)
			nm->list = xgrow(nm->list, &nm->cap, sizeof *nm->list);
		nm->list[nm->n++] = name;
	}
	if (err || in_close(nm->fd) < 0)
		diag_die(EXIT_FAILURE, 0, "cannot read file names from %s", quoteaf(from));
	nm->fd = -1;
	inrec_free(&nm->rec);
}

/* Count the files named in FROM; *NARGS gets how many names it held. */
static bool wc_files0(const char *from, size_t *nargs)
{
	struct names nm;
	names_open(&nm, from);
	bool from_stdin = in_is_stdin(from);
	if (total_mode == TOTAL_ONLY)
		width = 1;
	else if (!nm.streaming && nm.n > 0 && !(nm.n == 1 && count_kinds() == 1))
		width = column_width(nm.list, nm.n);
	else
		width = 1;

	bool ok = true;
	int err = 0;
	size_t k = 0;
	for (;;) {
		char *name = nm.streaming ? read_name(&nm, &err) : nm.next < nm.n ? nm.list[nm.next++] : NULL;
		if (!name)
			break;
		k++;
		if (from_stdin && in_is_stdin(name)) {
			diag_error(0, "when reading file names from standard input, no file name of %s allowed",
				   quoteaf(name));
			ok = false;
		} else if (!name[0]) {
			char num[32];
			snprintf(num, sizeof num, "%ju", (uintmax_t)k);
			diag_error(0, "%s:%s: invalid zero-length file name", quotef(from), num);
			ok = false;
		} else {
			ok &= count_file(name);
		}
		free(name);
	}
	if (err) {
		diag_error(err, "%s: read error", quotef(from));
		ok = false;
	}
	if (nm.streaming) {
		inrec_free(&nm.rec);
		in_close(nm.fd);
	}
	free(nm.list);
	*nargs = k;
	return ok;
}

static bool print_total(size_t nfiles)
{
	if (total_mode == TOTAL_NEVER || (total_mode == TOTAL_AUTO && nfiles < 2))
		return true;
	static const char *const what[4] = { "total lines", "total words", "total characters", "total bytes" };
	uintmax_t *sum[4] = { &total.lines, &total.words, &total.chars, &total.bytes };
	bool ok = true;
	for (int i = 0; i < 4; i++) {
		if (total_overflow[i]) {
			*sum[i] = UINTMAX_MAX;
			diag_error(EOVERFLOW, "%s", what[i]);
			ok = false;
		}
	}
	print_counts(&total, total_mode == TOTAL_ONLY ? NULL : "total");
	return ok;
}

int main_wc(int argc, char **argv)
{
	struct opt_parser p;
	const char *files0 = NULL;
	int c;

	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		switch (c) {
		case 'c': print_bytes = true; break;
		case 'm': print_chars = true; break;
		case 'l': print_lines = true; break;
		case 'w': print_words = true; break;
		case 'L': print_maxlen = true; break;
		case OPT_DEBUG: debug = true; break;
		case OPT_FILES0: files0 = p.arg; break;
		case OPT_TOTAL: total_mode = (int)xargmatch("--total", p.arg, total_words, NULL); break;
		default: diag_usage_error(NULL);
		}
	}
	if (!(print_lines || print_words || print_chars || print_bytes || print_maxlen))
		print_lines = print_words = print_bytes = true;
	utf8 = sys_locale_utf8();
	posixly = sys_getenv("POSIXLY_CORRECT") != NULL;
	make_classes();
	buf = xmalloc(BUF_SIZE);

	bool ok = true;
	size_t nfiles;
	if (files0) {
		if (p.noperands) {
			diag_error(0, "extra operand %s", quoteaf(p.operands[0]));
			static const char why[] = "file operands cannot be combined with --files0-from\n";
			(void)sys_write_all(2, why, sizeof why - 1);
			diag_usage_error(NULL);
		}
		ok = wc_files0(files0, &nfiles);
	} else {
		static char *stdin_only[] = { "-", NULL };
		char **names = p.noperands ? p.operands : stdin_only;
		nfiles = p.noperands;
		if (total_mode == TOTAL_ONLY || (nfiles <= 1 && count_kinds() == 1))
			width = 1;
		else
			width = column_width(names, p.noperands ? nfiles : 1);
		if (!p.noperands) {
			ok = count_file(NULL);
		} else {
			for (size_t i = 0; i < nfiles; i++) {
				if (!names[i][0]) {
					diag_error(0, "invalid zero-length file name");
					ok = false;
				} else {
					ok &= count_file(names[i]);
				}
			}
		}
	}
	ok &= print_total(nfiles);
	free(buf);
	free(p.operands);
	if (read_stdin && sys_close(0) < 0)
		diag_die(EXIT_FAILURE, errno, "-");
	return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
