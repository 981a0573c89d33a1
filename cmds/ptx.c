/* ptx: make a permuted index (each word in its context, sorted by word)
   of the input files, for terminals, roff or TeX. */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>

#include "argmatch.h"
#include "common.h"
#include "rx.h"

enum { OPT_FORMAT = OPT_LONG };

#define OPTIONS(O) \
	O("auto-reference", 'A', OPT_NONE, "", "add references made of the file name and line number") \
	O("traditional", 'G', OPT_NONE, "", "work more like System V's ptx") \
	O("flag-truncation", 'F', OPT_REQ, "STRING", "mark cut lines with STRING (default '/')") \
	O("macro-name", 'M', OPT_REQ, "STRING", "the roff or TeX macro to use instead of 'xx'") \
	O("", 'O', OPT_NONE, "", "write roff directives (--format=roff)") \
	O("right-side-refs", 'R', OPT_NONE, "", "put references on the right, outside the -w width") \
	O("sentence-regexp", 'S', OPT_REQ, "REGEXP", "what ends a line or a sentence") \
	O("", 'T', OPT_NONE, "", "write TeX directives (--format=tex)") \
	O("word-regexp", 'W', OPT_REQ, "REGEXP", "what a keyword is") \
	O("break-file", 'b', OPT_REQ, "FILE", "the characters of FILE separate words") \
	O("ignore-case", 'f', OPT_NONE, "", "sort without regard to case") \
	O("gap-size", 'g', OPT_REQ, "NUMBER", "put NUMBER columns between output fields") \
	O("ignore-file", 'i', OPT_REQ, "FILE", "leave out the keywords listed in FILE") \
	O("only-file", 'o', OPT_REQ, "FILE", "index only the keywords listed in FILE") \
	O("references", 'r', OPT_NONE, "", "the first word of each line is its reference") \
	O("typeset-mode", 't', OPT_NONE, "", "lines are 100 columns wide by default") \
	O("width", 'w', OPT_REQ, "NUMBER", "output lines are NUMBER columns wide, references aside\n(default 72)") \
	O("format", OPT_FORMAT, OPT_REQ, "FORMAT", "write roff or tex directives")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "ptx",
	.text = CMD_USAGE("[OPTION]... [INPUT]...   (without -G)\n"
		          "-G [OPTION]... [INPUT [OUTPUT]]")
		CMD_SUMMARY("Write a permuted index of the words of the INPUT files: each word in\n"
		            "its context, the lines sorted by word.\n"
		            "\n"
		            "With no INPUT, or when INPUT is -, read standard input.\n"
		            "Arguments required by long options are required by short ones too."),
};

enum format { FMT_UNKNOWN, FMT_DUMB, FMT_ROFF, FMT_TEX };

/* A span of text. */
struct span {
	char *start, *end;
};

struct word {
	char *start;
	size_t size;
};

struct word_table {
	struct word *words;
	size_t len, cap;
};

/* One keyword found: its context and its reference, as distances from
   the keyword's start. */
struct occurs {
	struct word key;
	ptrdiff_t left, right;
	intmax_t reference;
	int file;
};

static bool gnu_ext = true, auto_ref, input_ref, right_ref, ignore_case;
static intmax_t line_width = -1, gap_size = 3;
static const char *trunc_str = "/";
static size_t trunc_len;
static const char *macro_name = "xx";
static enum format format = FMT_UNKNOWN;
static const char *break_file, *only_file, *ignore_file;
static const char *context_str, *word_str;
static struct rx *context_re, *word_re;
static unsigned char folded[256];
static bool word_chars[256];
static size_t max_word_len;
static ptrdiff_t ref_max_width;

static int nfiles;
static const char **file_names;   /* NULL for standard input */
static intmax_t *file_lines;      /* lines counted up to each file's end */
static struct span *texts;
static intmax_t total_lines;

static struct word_table ignore_table, only_table;
static struct occurs *occ;
static size_t nocc, occ_cap;

static bool edited[256];
static ptrdiff_t half_width, before_max, keyafter_max;

/* The fields of one output line. */
static struct span tail_f, before_f, keyafter_f, head_f, ref_f;
static bool tail_trunc, before_trunc, keyafter_trunc, head_trunc;
static char *ref_buf;

static _Noreturn void matcher_error(void)
{
	diag_die(EXIT_FAILURE, errno, "error in regular expression matcher");
}

/* ---- scanning ---------------------------------------------------------- */

static char *skip_non_white(char *p, const char *limit)
{
	while (p < limit && !isspace((unsigned char)*p))
		p++;
	return p;
}

static char *skip_white(char *p, const char *limit)
{
	while (p < limit && isspace((unsigned char)*p))
		p++;
	return p;
}

static char *skip_white_back(char *p, const char *start)
{
	while (p > start && isspace((unsigned char)p[-1]))
		p--;
	return p;
}

/* Past one word, or one character that is not part of a word. */
static char *skip_something(char *p, const char *limit)
{
	if (word_re) {
		struct rx_match m;
		if (p >= limit)
			return p + 1;
		int r = rx_search(word_re, p, (size_t)(limit - p), 0, RX_ANCHORED, &m, 1);
		if (r < 0)
			matcher_error();
		/* An empty match would never move on (GNU loops forever). */
		return p + (r == 0 || m.end == 0 ? 1 : (ptrdiff_t)m.end);
	}
	if (word_chars[(unsigned char)*p]) {
		while (p < limit && word_chars[(unsigned char)*p])
			p++;
		return p;
	}
	return p + 1;
}

/* Replace the escapes \xHHH \0OOO \a \b \f \n \r \t \v in S, in place;
   \c drops the rest and a lone final backslash goes away. */
static void unescape(char *s)
{
	char *out = s;
	while (*s) {
		if (*s != '\\') {
			*out++ = *s++;
			continue;
		}
		s++;
		int v = 0, n;
		switch (*s) {
		case 'x':
			for (n = 0, s++; n < 3 && isxdigit((unsigned char)*s); n++, s++)
				v = v * 16 + (isdigit((unsigned char)*s) ? *s - '0' : (tolower((unsigned char)*s) - 'a' + 10));
			if (n == 0) {
				*out++ = '\\';
				*out++ = 'x';
			} else {
				*out++ = (char)v;
			}
			break;
		case '0':
			for (n = 0, s++; n < 3 && *s >= '0' && *s <= '7'; n++, s++)
				v = v * 8 + (*s - '0');
			*out++ = (char)v;
			break;
		case 'a': *out++ = '\a'; s++; break;
		case 'b': *out++ = '\b'; s++; break;
		case 'f': *out++ = '\f'; s++; break;
		case 'n': *out++ = '\n'; s++; break;
		case 'r': *out++ = '\r'; s++; break;
		case 't': *out++ = '\t'; s++; break;
		case 'v': *out++ = '\v'; s++; break;
		case 'c':
			while (*s)
				s++;
			break;
		case '\0':
			break;
		default:
			*out++ = '\\';
			*out++ = *s++;
		}
	}
	*out = '\0';
}

static struct rx *compile(const char *s)
{
	const char *err;
	struct rx *re = rx_compile(s, strlen(s), RX_SYNTAX_GNU | (ignore_case ? RX_ICASE : 0),
				   RX_F_NEWLINE_ANCHOR, &err);
	if (!re)
		diag_die(EXIT_FAILURE, 0, "%s (for regexp %s)", err, quote(s));
	return re;
}

static void init_regex(void)
{
	for (int c = 0; c < 256; c++)
		folded[c] = (unsigned char)(ignore_case ? toupper(c) : c);
	if (context_str) {
		if (!*context_str)
			context_str = NULL;
	} else if (gnu_ext && !input_ref) {
		context_str = "[.?!][]\"')}]*\\($\\|\t\\|  \\)[ \t\n]*";
	} else {
		context_str = "\n";
	}
	if (context_str)
		context_re = compile(context_str);
	if (word_str) {
		word_re = compile(word_str);
	} else if (!break_file) {
		for (int c = 0; c < 256; c++)
			word_chars[c] = gnu_ext ? isalpha(c) != 0 : c != ' ' && c != '\t' && c != '\n';
	}
}

/* All of file NAME (NULL: standard input), or exit. */
static struct span read_all(const char *name)
{
	int fd = name ? sys_open(name, SYS_O_RDONLY, 0) : 0;
	size_t cap = 64 * 1024, len = 0;
	char *buf = NULL;
	if (fd < 0)
		diag_die(EXIT_FAILURE, errno, "%s", quotef(name));
	buf = xmalloc(cap + 1);
	for (;;) {
		if (len == cap)
			buf = xrealloc(buf, (cap *= 2) + 1);
		sys_ssize n = sys_read(fd, buf + len, cap - len);
		if (n < 0)
			diag_die(EXIT_FAILURE, errno, "%s", quotef(name ? name : "-"));
		if (n == 0)
			break;
		len += (size_t)n;
	}
	if (name)
		sys_close(fd);
	return (struct span){ buf, buf + len };
}

static int compare_words(const struct word *a, const struct word *b)
{
	size_t n = a->size < b->size ? a->size : b->size;
	for (size_t i = 0; i < n; i++) {
		int d = folded[(unsigned char)a->start[i]] - folded[(unsigned char)b->start[i]];
		if (d)
			return d;
	}
	return (a->size > b->size) - (a->size < b->size);
}

static int cmp_words(const void *a, const void *b)
{
	return compare_words(a, b);
}

static int cmp_occurs(const void *pa, const void *pb)
{
	const struct occurs *a = pa, *b = pb;
	int d = compare_words(&a->key, &b->key);
	if (d)
		return d;
	if (a->file != b->file)
		return a->file < b->file ? -1 : 1;
	return (a->key.start > b->key.start) - (a->key.start < b->key.start);
}

static bool in_table(const struct word *w, const struct word_table *t)
{
	size_t lo = 0, hi = t->len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int d = compare_words(w, &t->words[mid]);
		if (d < 0)
			hi = mid;
		else if (d > 0)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

static void read_break_file(const char *name)
{
	struct span s = read_all(in_is_stdin(name) || !*name ? NULL : name);
	for (int c = 0; c < 256; c++)
		word_chars[c] = true;
	for (char *p = s.start; p < s.end; p++)
		word_chars[(unsigned char)*p] = false;
	if (!gnu_ext)
		word_chars[' '] = word_chars['\t'] = word_chars['\n'] = false;
	free(s.start);
}

/* One word per line, sorted. */
static void read_word_file(const char *name, struct word_table *t)
{
	struct span s = read_all(in_is_stdin(name) || !*name ? NULL : name);
	char *p = s.start;
	while (p < s.end) {
		char *w = p;
		while (p < s.end && *p != '\n')
			p++;
		if (p > w) {
			if (t->len == t->cap)
				t->words = xgrow(t->words, &t->cap, sizeof *t->words);
			t->words[t->len].start = w;
			t->words[t->len].size = (size_t)(p - w);
			t->len++;
		}
		if (p < s.end)
			p++;
	}
	qsort(t->words, t->len, sizeof *t->words, cmp_words);
}

/* ---- finding the keywords ----------------------------------------------- */

static void find_occurs(int file)
{
	struct span text = texts[file];
	char *line_start = text.start, *line_scan = text.start;
	ptrdiff_t ref_len = 0;
	char *next;

	if (input_ref) {
		line_scan = skip_non_white(line_scan, text.end);
		ref_len = line_scan - line_start;
		line_scan = skip_white(line_scan, text.end);
	}
	for (char *cursor = text.start; cursor < text.end; cursor = next) {
		char *context_start = cursor;
		next = text.end;
		if (context_re) {
			struct rx_match m;
			int r = rx_search(context_re, cursor, (size_t)(text.end - cursor), 0, 0, &m, 1);
			if (r < 0)
				matcher_error();
			if (r > 0) {
				if (m.start == 0)
					diag_die(EXIT_FAILURE, 0,
						 "error: regular expression has a match of length zero: %s",
						 quote(context_str));
				next = cursor + m.end;
			}
		}
		char *context_end = skip_white_back(next, context_start);

		for (;;) {
			char *word_start, *word_end;
			if (word_re) {
				struct rx_match m;
				if (cursor > context_end)
					break;
				int r = rx_search(word_re, cursor, (size_t)(context_end - cursor), 0, 0, &m, 1);
				if (r < 0)
					matcher_error();
				if (r == 0)
					break;
				word_start = cursor + m.start;
				word_end = cursor + m.end;
			} else {
				char *s = cursor;
				while (s < context_end && !word_chars[(unsigned char)*s])
					s++;
				if (s == context_end)
					break;
				word_start = s;
				while (s < context_end && word_chars[(unsigned char)*s])
					s++;
				word_end = s;
			}
			cursor = word_start;
			if (word_end == word_start) {
				cursor++;
				continue;
			}
			struct word key = { cursor, (size_t)(word_end - word_start) };
			cursor += key.size;
			if (key.size > max_word_len)
				max_word_len = key.size;

			if (input_ref) {
				while (line_scan < key.start) {
					if (*line_scan == '\n') {
						total_lines++;
						line_start = ++line_scan;
						line_scan = skip_non_white(line_scan, text.end);
						ref_len = line_scan - line_start;
					} else {
						line_scan++;
					}
				}
				if (line_scan > key.start)
					continue;
			}
			if (ignore_file && in_table(&key, &ignore_table))
				continue;
			if (only_file && !in_table(&key, &only_table))
				continue;

			if (nocc == occ_cap)
				occ = xgrow(occ, &occ_cap, sizeof *occ);
			struct occurs *o = &occ[nocc];
			if (auto_ref) {
				while (line_scan < key.start) {
					if (*line_scan == '\n') {
						total_lines++;
						line_start = ++line_scan;
						line_scan = skip_non_white(line_scan, text.end);
					} else {
						line_scan++;
					}
				}
				o->reference = total_lines;
			} else if (input_ref) {
				o->reference = line_start - key.start;
				if (ref_len > ref_max_width)
					ref_max_width = ref_len;
			}
			if (input_ref && line_start == context_start) {
				context_start = skip_non_white(context_start, context_end);
				context_start = skip_white(context_start, context_end);
			}
			o->key = key;
			o->left = context_start - key.start;
			o->right = context_end - key.start;
			o->file = file;
			nocc++;
		}
	}
}

/* ---- output -------------------------------------------------------------- */

static void spaces(ptrdiff_t n)
{
	while (n-- > 0)
		out_putc(' ');
}

static void print_field(struct span f)
{
	for (char *p = f.start; p < f.end; p++) {
		unsigned char c = (unsigned char)*p;
		if (!edited[c]) {
			out_putc((char)c);
			continue;
		}
		switch (c) {
		case '"':
			out_puts("\"\"");
			break;
		case '$': case '%': case '&': case '#': case '_':
			out_putc('\\');
			out_putc((char)c);
			break;
		case '{': case '}':
			out_printf("$\\%c$", c);
			break;
		case '\\':
			out_puts("\\backslash{}");
			break;
		default:
			out_putc(' ');
		}
	}
}

static void fix_output_parameters(void)
{
	if (auto_ref) {
		ref_max_width = 0;
		for (int i = 0; i < nfiles; i++) {
			intmax_t n = file_lines[i] + 1;
			if (i > 0)
				n -= file_lines[i - 1];
			char num[32];
			ptrdiff_t w = snprintf(num, sizeof num, "%jd", n);
			if (file_names[i])
				w += (ptrdiff_t)strlen(file_names[i]);
			if (w > ref_max_width)
				ref_max_width = w;
		}
		ref_max_width++;
		ref_buf = xmalloc((size_t)ref_max_width + 1);
	}
	if ((auto_ref || input_ref) && !right_ref) {
		line_width -= ref_max_width + gap_size;
		if (line_width < 0)
			line_width = 0;
	}
	half_width = line_width / 2;
	before_max = half_width - gap_size;
	keyafter_max = half_width;
	if (trunc_str && *trunc_str)
		trunc_len = strlen(trunc_str);
	else
		trunc_str = NULL;
	if (gnu_ext) {
		before_max -= 2 * (ptrdiff_t)trunc_len;
		if (before_max < 0)
			before_max = 0;
		keyafter_max -= 2 * (ptrdiff_t)trunc_len;
	} else {
		keyafter_max -= 2 * (ptrdiff_t)trunc_len + 1;
	}
	for (int c = 0; c < 256; c++)
		edited[c] = isspace(c) != 0;
	edited['\f'] = true;
	if (format == FMT_ROFF)
		edited['"'] = true;
	else if (format == FMT_TEX)
		for (const char *p = "$%&#_{}\\"; *p; p++)
			edited[(unsigned char)*p] = true;
}

static void define_fields(const struct occurs *o)
{
	char *left_start, *right_end, *left_field, *cursor;
	char *buf_start = texts[o->file].start, *buf_end = texts[o->file].end;

	keyafter_f.start = o->key.start;
	keyafter_f.end = o->key.start + o->key.size;
	left_start = o->key.start + o->left;
	right_end = o->key.start + o->right;

	cursor = keyafter_f.end;
	while (cursor < right_end && cursor <= keyafter_f.start + keyafter_max) {
		keyafter_f.end = cursor;
		cursor = skip_something(cursor, right_end);
	}
	if (cursor <= keyafter_f.start + keyafter_max)
		keyafter_f.end = cursor;
	keyafter_trunc = trunc_str && keyafter_f.end < right_end;
	keyafter_f.end = skip_white_back(keyafter_f.end, keyafter_f.start);

	/* Start far back from the keyword only as far as can matter. */
	if (-o->left > half_width + (ptrdiff_t)max_word_len) {
		left_field = keyafter_f.start - (half_width + (ptrdiff_t)max_word_len);
		left_field = skip_something(left_field, keyafter_f.start);
	} else {
		left_field = keyafter_f.start + o->left;
	}

	before_f.start = left_field;
	before_f.end = skip_white_back(keyafter_f.start, before_f.start);
	while (before_f.start + before_max < before_f.end)
		before_f.start = skip_something(before_f.start, before_f.end);
	if (trunc_str) {
		cursor = skip_white_back(before_f.start, buf_start);
		before_trunc = cursor > left_start;
	} else {
		before_trunc = false;
	}
	before_f.start = skip_white(before_f.start, buf_end);

	ptrdiff_t tail_max = before_max - (before_f.end - before_f.start) - gap_size;
	if (tail_max > 0) {
		tail_f.start = skip_white(keyafter_f.end, buf_end);
		tail_f.end = tail_f.start;
		cursor = tail_f.end;
		while (cursor < right_end && cursor < tail_f.start + tail_max) {
			tail_f.end = cursor;
			cursor = skip_something(cursor, right_end);
		}
		if (cursor < tail_f.start + tail_max)
			tail_f.end = cursor;
		if (tail_f.end > tail_f.start) {
			keyafter_trunc = false;
			tail_trunc = trunc_str && tail_f.end < right_end;
		} else {
			tail_trunc = false;
		}
		tail_f.end = skip_white_back(tail_f.end, tail_f.start);
	} else {
		tail_f.start = tail_f.end = NULL;
		tail_trunc = false;
	}

	ptrdiff_t head_max = keyafter_max - (keyafter_f.end - keyafter_f.start) - gap_size;
	if (head_max > 0) {
		head_f.end = skip_white_back(before_f.start, buf_start);
		head_f.start = left_field;
		while (head_f.start + head_max < head_f.end)
			head_f.start = skip_something(head_f.start, head_f.end);
		if (head_f.end > head_f.start) {
			before_trunc = false;
			head_trunc = trunc_str && head_f.start > left_start;
		} else {
			head_trunc = false;
		}
		head_f.start = skip_white(head_f.start, head_f.end);
	} else {
		head_f.start = head_f.end = NULL;
		head_trunc = false;
	}

	if (auto_ref) {
		const char *name = file_names[o->file] ? file_names[o->file] : "";
		intmax_t n = o->reference + 1;
		if (o->file > 0)
			n -= file_lines[o->file - 1];
		int len = snprintf(ref_buf, (size_t)ref_max_width + 1, "%s:%jd", name, n);
		ref_f.start = ref_buf;
		ref_f.end = ref_buf + (len < ref_max_width ? len : ref_max_width);
	} else if (input_ref) {
		ref_f.start = keyafter_f.start + o->reference;
		ref_f.end = skip_non_white(ref_f.start, right_end);
	}
}

static ptrdiff_t len_of(struct span s)
{
	return s.end - s.start;
}

static void trunc_mark(bool on)
{
	if (on)
		out_puts(trunc_str);
}

static void roff_line(void)
{
	out_printf(".%s \"", macro_name);
	print_field(tail_f);
	trunc_mark(tail_trunc);
	out_puts("\" \"");
	trunc_mark(before_trunc);
	print_field(before_f);
	out_puts("\" \"");
	print_field(keyafter_f);
	trunc_mark(keyafter_trunc);
	out_puts("\" \"");
	trunc_mark(head_trunc);
	print_field(head_f);
	out_putc('"');
	if (auto_ref || input_ref) {
		out_puts(" \"");
		print_field(ref_f);
		out_putc('"');
	}
	out_putc('\n');
}

static void tex_line(void)
{
	out_printf("\\%s {", macro_name);
	print_field(tail_f);
	out_puts("}{");
	print_field(before_f);
	out_puts("}{");
	char *split = skip_something(keyafter_f.start, keyafter_f.end);
	print_field((struct span){ keyafter_f.start, split });
	out_puts("}{");
	print_field((struct span){ split, keyafter_f.end });
	out_puts("}{");
	print_field(head_f);
	out_putc('}');
	if (auto_ref || input_ref) {
		out_putc('{');
		print_field(ref_f);
		out_putc('}');
	}
	out_putc('\n');
}

static void dumb_line(void)
{
	ptrdiff_t tl = (ptrdiff_t)trunc_len;
	if (!right_ref) {
		if (auto_ref) {
			print_field(ref_f);
			out_putc(':');
			spaces(ref_max_width + gap_size - len_of(ref_f) - 1);
		} else {
			print_field(ref_f);
			spaces(ref_max_width + gap_size - len_of(ref_f));
		}
	}
	if (tail_f.start < tail_f.end) {
		print_field(tail_f);
		trunc_mark(tail_trunc);
		spaces(half_width - gap_size - len_of(before_f) - (before_trunc ? tl : 0)
		       - len_of(tail_f) - (tail_trunc ? tl : 0));
	} else {
		spaces(half_width - gap_size - len_of(before_f) - (before_trunc ? tl : 0));
	}
	trunc_mark(before_trunc);
	print_field(before_f);
	spaces(gap_size);
	print_field(keyafter_f);
	trunc_mark(keyafter_trunc);
	if (head_f.start < head_f.end) {
		spaces(half_width - len_of(keyafter_f) - (keyafter_trunc ? tl : 0)
		       - len_of(head_f) - (head_trunc ? tl : 0));
		trunc_mark(head_trunc);
		print_field(head_f);
	} else if ((auto_ref || input_ref) && right_ref) {
		spaces(half_width - len_of(keyafter_f) - (keyafter_trunc ? tl : 0));
	}
	if ((auto_ref || input_ref) && right_ref) {
		spaces(gap_size);
		print_field(ref_f);
	}
	out_putc('\n');
}

/* A -g or -w value: a positive integer in C notation (0x.., 0..). */
static intmax_t parse_size(const char *s, const char *what)
{
	char *end;
	errno = 0;
	intmax_t v = strtoimax(s, &end, 0);
	if (end == s || *end || errno || v <= 0 || v > PTRDIFF_MAX)
		diag_die(EXIT_FAILURE, 0, "invalid %s: %s", what, quote(s));
	return v;
}

int main_ptx(int argc, char **argv)
{
	static const char format_names[] = "roff\0tex\0";
	struct opt_parser p;
	int c;

	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		switch (c) {
		case 'G':
			gnu_ext = false;
			break;
		case 'b':
			break_file = p.arg;
			break;
		case 'f':
			ignore_case = true;
			break;
		case 'g':
			gap_size = parse_size(p.arg, "gap width");
			break;
		case 'i':
			ignore_file = p.arg;
			break;
		case 'o':
			only_file = p.arg;
			break;
		case 'r':
			input_ref = true;
			break;
		case 't':
			if (line_width < 0)
				line_width = 100;
			break;
		case 'w':
			line_width = parse_size(p.arg, "line width");
			break;
		case 'A':
			auto_ref = true;
			break;
		case 'F':
			trunc_str = p.arg;
			unescape((char *)p.arg);
			break;
		case 'M':
			macro_name = p.arg;
			break;
		case 'O':
			format = FMT_ROFF;
			break;
		case 'R':
			right_ref = true;
			break;
		case 'S':
			context_str = p.arg;
			unescape((char *)p.arg);
			break;
		case 'T':
			format = FMT_TEX;
			break;
		case 'W':
			word_str = p.arg;
			unescape((char *)p.arg);
			if (!*word_str)
				word_str = NULL;
			break;
		case OPT_FORMAT:
			format = xargmatch("--format", p.arg, format_names, NULL) == 0 ? FMT_ROFF : FMT_TEX;
			break;
		default:
			diag_usage_error(NULL);
		}
	}
	if (line_width < 0)
		line_width = 72;

	if (p.noperands == 0 || gnu_ext) {
		nfiles = p.noperands ? p.noperands : 1;
		file_names = xcalloc((size_t)nfiles, sizeof *file_names);
		for (int i = 0; i < p.noperands; i++)
			if (*p.operands[i] && !in_is_stdin(p.operands[i]))
				file_names[i] = p.operands[i];
	} else {
		nfiles = 1;
		file_names = xcalloc(1, sizeof *file_names);
		if (*p.operands[0] && !in_is_stdin(p.operands[0]))
			file_names[0] = p.operands[0];
		if (p.noperands > 1) {
			int fd = sys_open(p.operands[1], SYS_O_WRONLY | SYS_O_CREAT | SYS_O_TRUNC, 0666);
			if (fd < 0 || sys_dup2(fd, 1) < 0)
				diag_die(EXIT_FAILURE, errno, "%s", quotef(p.operands[1]));
			if (fd != 1)
				sys_close(fd);
		}
		if (p.noperands > 2)
			opt_extra_operand(p.operands[2]);
	}
	file_lines = xcalloc((size_t)nfiles, sizeof *file_lines);
	texts = xcalloc((size_t)nfiles, sizeof *texts);
	if (format == FMT_UNKNOWN)
		format = gnu_ext ? FMT_DUMB : FMT_ROFF;

	init_regex();
	if (break_file)
		read_break_file(break_file);
	if (ignore_file) {
		read_word_file(ignore_file, &ignore_table);
		if (ignore_table.len == 0)
			ignore_file = NULL;
	}
	if (only_file) {
		read_word_file(only_file, &only_table);
		if (only_table.len == 0)
			only_file = NULL;
	}

	for (int i = 0; i < nfiles; i++) {
		texts[i] = read_all(file_names[i]);
		find_occurs(i);
		total_lines++;
		file_lines[i] = total_lines;
	}

	if (nocc)
		qsort(occ, nocc, sizeof *occ, cmp_occurs);
	fix_output_parameters();
	tail_f.start = tail_f.end = head_f.start = head_f.end = NULL;
	for (size_t i = 0; i < nocc; i++) {
		define_fields(&occ[i]);
		if (format == FMT_ROFF)
			roff_line();
		else if (format == FMT_TEX)
			tex_line();
		else
			dumb_line();
	}
	return EXIT_SUCCESS;
}
