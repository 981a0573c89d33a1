/* fold: break lines that are wider than a given width.

   A line is collected until the next character would pass the width;
   then it is written with a newline (with -s, up to its last blank, the
   rest starting the next line). Widths are display columns of UTF-8
   characters in a UTF-8 locale, bytes in others, or characters (-c) or
   bytes (-b). Bytes that are not valid UTF-8 take one column as they
   arrive, but none when the rest of a line split at a blank is measured
   again, as in GNU fold. */
#include "common.h"
#include "feed.h"

#define OPTIONS(O) \
	O("bytes", 'b', OPT_NONE, "", "measure lines in bytes, not columns") \
	O("characters", 'c', OPT_NONE, "", "measure lines in characters, not columns") \
	O("spaces", 's', OPT_NONE, "", "break after the last blank that fits, when there\nis one") \
	O("width", 'w', OPT_REQ, "WIDTH", "make lines at most WIDTH wide instead of 80")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "fold",
	.text = CMD_USAGE("[OPTION]... [FILE]...")
		CMD_SUMMARY("Write each FILE to standard output, wrapping lines that are too wide.\n"
		            "\n"
		            "With no FILE, or when FILE is -, read standard input.")
		CMD_DETAILS("-N (a number) is an old spelling of -w N."),
	.flags = OPT_F_DIGITS | OPT_F_DIGIT_ARG,
};

enum { COUNT_COLUMNS, COUNT_BYTES, COUNT_CHARS };
enum { LINE_SIZE = 256 * 1024, TAB_WIDTH = 8 };

static size_t width = 80;
static int mode = COUNT_COLUMNS;
static bool at_blanks, utf8;

/* The width of the last character, which a backspace takes back. It
   carries over from line to line and file to file. */
static int last_width;

static struct {
	size_t column;
	char *line;
	size_t used;
	unsigned char carry[4];  /* the start of a character cut by a block end */
	size_t ncarry;
} st;

/* One character of input. ERR marks a byte that is not valid in the
   locale's encoding; CP is then what GNU fold measures it as. */
struct mbc {
	uint32_t cp;
	size_t len;
	bool err;
};

/* Decode the character at P (AVAIL > 0 bytes). An invalid byte's code
   is its value as a signed char when AS_ARRIVED (that is how GNU's reader
   hands it on), otherwise 0 (how GNU measures a line again). */
static struct mbc scan(const unsigned char *p, size_t avail, bool as_arrived)
{
	struct mbc m = { p[0], 1, false };
	if (p[0] < 0x80)
		return m;
	if (utf8) {
		size_t n = utf8_decode((const char *)p, avail, &m.cp);
		if (n) {
			m.len = n;
			return m;
		}
	}
	m.err = true;
	m.cp = as_arrived ? (uint32_t)(int32_t)(signed char)p[0] : 0;
	return m;
}

static int char_width(uint32_t cp)
{
	if (cp == 0)
		return 0;
	if (cp < 0x80)
		return cp < ' ' || cp == 0x7f ? -1 : 1;
	return utf8 ? utf8_width(cp) : -1;
}

static bool is_blank(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || (utf8 && cp >= 0x80 && utf8_isblank(cp));
}

/* The column after a character M that starts at COLUMN. */
static size_t advance(size_t column, struct mbc m)
{
	if (mode == COUNT_BYTES)
		return column + m.len;
	if (m.cp == '\b') {
		if (column > 0)
			column -= (size_t)last_width;
	} else if (m.cp == '\r') {
		column = 0;
	} else if (m.cp == '\t') {
		column += TAB_WIDTH - column % TAB_WIDTH;
	} else {
		int w = mode == COUNT_CHARS ? 1 : char_width(m.cp);
		last_width = w < 0 ? 1 : w;
		column += (size_t)last_width;
	}
	return column;
}

static void emit(size_t n, bool newline)
{
	out_write(st.line, n);
	if (newline)
		out_putc('\n');
}

/* With -s: write the line up to its last blank and keep the rest as the
   start of the next one. False when it has no blank. */
static bool break_at_blank(void)
{
	const unsigned char *line = (const unsigned char *)st.line;
	size_t end = 0;
	for (size_t i = 0; i < st.used;) {
		struct mbc m = scan(line + i, st.used - i, false);
		i += m.len;
		if (!m.err && is_blank(m.cp))
			end = i;
	}
	if (!end)
		return false;
	emit(end, true);
	memmove(st.line, st.line + end, st.used - end);
	st.used -= end;
	st.column = 0;
	for (size_t i = 0; i < st.used;) {
		struct mbc m = scan(line + i, st.used - i, false);
		st.column = advance(st.column, m);
		i += m.len;
	}
	return true;
}

static void append(const unsigned char *bytes, size_t len)
{
	memcpy(st.line + st.used, bytes, len);
	st.used += len;
}

static void put_char(struct mbc m, const unsigned char *bytes)
{
	if (!m.err && m.cp == '\n') {
		emit(st.used, true);
		st.column = st.used = 0;
		return;
	}
	for (;;) {
		st.column = advance(st.column, m);
		if (st.column <= width)
			break;
		if (at_blanks && break_at_blank())
			continue;
		if (st.used == 0) {
			append(bytes, m.len);
			return;
		}
		emit(st.used, true);
		st.column = st.used = 0;
	}
	if (LINE_SIZE <= st.used + m.len) {
		emit(st.used, false);
		st.used = 0;
	}
	append(bytes, m.len);
}

/* Printable ASCII bytes at P that fit on the line as they are. */
static size_t fitting_run(const unsigned char *p, const unsigned char *end)
{
	if (st.column >= width || st.used + 1 >= LINE_SIZE)
		return 0;
	size_t room = width - st.column;
	if (room > LINE_SIZE - 1 - st.used)
		room = LINE_SIZE - 1 - st.used;
	if (room > (size_t)(end - p))
		room = (size_t)(end - p);
	size_t n = 0;
	while (n < room && p[n] >= ' ' && p[n] < 0x7f)
		n++;
	return n;
}

static void fold_block(void *ctx, const char *buf, size_t len)
{
	const unsigned char *p = (const unsigned char *)buf, *end = p + len;
	bool at_end = len == 0;
	(void)ctx;

	/* Finish a character cut by the previous block. */
	while (st.ncarry) {
		unsigned char tmp[8];
		size_t take = 4 - st.ncarry;
		if (take > (size_t)(end - p))
			take = (size_t)(end - p);
		memcpy(tmp, st.carry, st.ncarry);
		if (take)
			memcpy(tmp + st.ncarry, p, take);
		struct mbc m = scan(tmp, st.ncarry + take, true);
		if (m.err && !at_end && st.ncarry + take < 4) {
			memcpy(st.carry + st.ncarry, p, take);
			st.ncarry += take;
			return;
		}
		put_char(m, tmp);
		if (m.len >= st.ncarry) {
			p += m.len - st.ncarry;
			st.ncarry = 0;
		} else {
			memmove(st.carry, st.carry + m.len, st.ncarry - m.len);
			st.ncarry -= m.len;
		}
	}
	while (p < end) {
		size_t run = fitting_run(p, end);
		if (run) {
			append(p, run);
			st.column += run;
			if (mode != COUNT_BYTES)
				last_width = 1;
			p += run;
			continue;
		}
		struct mbc m = scan(p, (size_t)(end - p), true);
		if (m.err && (size_t)(end - p) < 4) {
			memcpy(st.carry, p, (size_t)(end - p));
			st.ncarry = (size_t)(end - p);
			return;
		}
		put_char(m, p);
		p += m.len;
	}
	if (at_end) {
		emit(st.used, false);
		st.column = st.used = 0;
	}
}

int main_fold(int argc, char **argv)
{
	struct opt_parser p;
	int c;

	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		switch (c) {
		case 'b':
			mode = COUNT_BYTES;
			break;
		case 'c':
			mode = COUNT_CHARS;
			break;
		case 's':
			at_blanks = true;
			break;
		case 'w':
			width = (size_t)num_xparse_umax_flags(p.arg, NULL, 1, SIZE_MAX - TAB_WIDTH - 1,
							      "invalid number of columns",
							      NUM_X_MIN_RANGE | NUM_X_MAX_RANGE);
			break;
		default:
			if (c >= '0' && c <= '9') {
				width = (size_t)num_xparse_umax_flags(p.arg, NULL, 1, SIZE_MAX - TAB_WIDTH - 1,
								      "invalid number of columns",
								      NUM_X_MIN_RANGE | NUM_X_MAX_RANGE);
				break;
			}
			diag_usage_error(NULL);
		}
	}
	utf8 = sys_locale_utf8();
	st.line = xmalloc(LINE_SIZE);

	bool ok = feed_files(p.operands, p.noperands, fold_block, NULL);
	feed_close_stdin("-");
	return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
