/* od: dump input unambiguously, in octal, decimal, hexadecimal, floating
   point or character form. The files named are read as one stream. */
#include "common.h"
#include "argmatch.h"

#include <ctype.h>
#include <float.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>

enum {
	OPT_TRADITIONAL = OPT_LONG,
	OPT_ENDIAN,
	OPT_STRINGS,
};

/* Long options in GNU's order, which shows in ambiguity messages. */
#define OPTIONS(O) \
	O("skip-bytes", 'j', OPT_REQ, "BYTES", "skip the first BYTES bytes of input") \
	O("address-radix", 'A', OPT_REQ, "RADIX", \
	  "how to show offsets: d decimal, o octal,\nx hexadecimal, n not at all") \
	O("read-bytes", 'N', OPT_REQ, "BYTES", "dump at most BYTES bytes of input") \
	O("format", 't', OPT_REQ, "TYPE", "dump in the format(s) TYPE describes (see below)") \
	O("output-duplicates", 'v', OPT_NONE, "", "show every line; without -v a run of identical\nlines shows as the first one and a '*'") \
	O("", 'S', OPT_REQ, "BYTES", "the same as --strings=BYTES") \
	O("strings", OPT_STRINGS, OPT_OPT, "BYTES", \
	  "dump only runs of at least BYTES (3 by default)\nprintable characters ended by a NUL byte") \
	O("traditional", OPT_TRADITIONAL, OPT_NONE, "", "read operands as in the third usage line") \
	O("width", 'w', OPT_OPT, "BYTES", "dump BYTES bytes per line (32 when BYTES is left\nout)") \
	O("endian", OPT_ENDIAN, OPT_REQ, "ORDER", "read multi-byte values in byte ORDER: big or\nlittle") \
	O("", 'a', OPT_NONE, "", "the same as -t a (character names)") \
	O("", 'b', OPT_NONE, "", "the same as -t o1 (octal bytes)") \
	O("", 'c', OPT_NONE, "", "the same as -t c (characters and escapes)") \
	O("", 'd', OPT_NONE, "", "the same as -t u2 (unsigned decimal 2-byte units)") \
	O("", 'f', OPT_NONE, "", "the same as -t fF (floats)") \
	O("", 'i', OPT_NONE, "", "the same as -t dI (decimal ints)") \
	O("", 'l', OPT_NONE, "", "the same as -t dL (decimal longs)") \
	O("", 'o', OPT_NONE, "", "the same as -t o2 (octal 2-byte units)") \
	O("", 's', OPT_NONE, "", "the same as -t d2 (signed decimal 2-byte units)") \
	O("", 'x', OPT_NONE, "", "the same as -t x2 (hexadecimal 2-byte units)") \
	O("", 'B', OPT_NONE, "", "") \
	O("", 'D', OPT_NONE, "", "") \
	O("", 'e', OPT_NONE, "", "") \
	O("", 'F', OPT_NONE, "", "") \
	O("", 'h', OPT_NONE, "", "") \
	O("", 'H', OPT_NONE, "", "") \
	O("", 'I', OPT_NONE, "", "") \
	O("", 'L', OPT_NONE, "", "") \
	O("", 'O', OPT_NONE, "", "") \
	O("", 'X', OPT_NONE, "", "")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "od",
	.text = CMD_USAGE("[OPTION]... [FILE]...\n"
		          "[-abcdfilosx]... [FILE] [[+]OFFSET[.][b]]\n"
		          "--traditional [OPTION]... [FILE] [[+]OFFSET[.][b] [+][LABEL][.][b]]")
		CMD_SUMMARY("Show the bytes of the FILEs, taken as one stream, in an unambiguous form:\n"
		            "by default as octal 2-byte units, each line led by its offset.\n"
		            "\n"
		            "Without FILE, or when FILE is -, read standard input.\n"
		            "\n"
		            "In the second form, an OFFSET operand (the last one, when it starts with +\n"
		            "or, with two operands, with a digit) means -j OFFSET. In the third form,\n"
		            "LABEL is the address shown for the first byte dumped, counting up from\n"
		            "there. OFFSET and LABEL are octal, decimal with a trailing '.', or hex\n"
		            "after 0x or 0X; a trailing 'b' multiplies by 512.\n"
		            "Arguments required by long options are required by short ones too.")
		CMD_DETAILS("The one-letter format options above may be mixed, and add up.\n"
		            "\n"
		            "TYPE is one or more of:\n"
		            "  a         the name of each character, high bit ignored\n"
		            "  c         each character, or a backslash escape\n"
		            "  d[SIZE]   signed decimal integers of SIZE bytes\n"
		            "  f[SIZE]   floating-point numbers of SIZE bytes\n"
		            "  o[SIZE]   octal integers of SIZE bytes\n"
		            "  u[SIZE]   unsigned decimal integers of SIZE bytes\n"
		            "  x[SIZE]   hexadecimal integers of SIZE bytes\n"
		            "SIZE is a number of bytes; for d, o, u and x it may also be C (char),\n"
		            "S (short), I (int) or L (long); for f, H (half precision), F (float),\n"
		            "D (double) or L (long double). A trailing z adds the printable\n"
		            "characters of each line at its end.\n"
		            "\n"
		            "BYTES is decimal, octal after a leading 0, or hex after 0x or 0X, and may\n"
		            "end in a multiplier: b 512, kB 1000, K 1024, MB 1000*1000, M 1024*1024,\n"
		            "and likewise G, T, P, E, Z, Y, R, Q; KiB, MiB ... mean K, M ..."),
	.flags = 0,
};

enum fmt { F_SIGNED, F_UNSIGNED, F_OCTAL, F_HEX, F_FLOAT, F_HALF, F_NAMED, F_CHAR };

/* One output format: the input unit it reads, how wide its fields are
   and how the line's padding is spread over them. */
struct spec {
	enum fmt fmt;
	int size;           /* bytes per value */
	int width;          /* field width, not counting padding */
	bool trailer;       /* 'z': the printable characters at the end */
	size_t fields;      /* values per line */
	size_t pad;         /* padding shared by the fields of a line */
	size_t cell;        /* when the padding is even: width + padding per field */
	char (*cells)[16];  /* size-1 formats with an even cell up to 16: each byte's whole field */
};

static struct spec *specs;
static size_t nspecs, specs_cap;

enum { LONG_DOUBLE_SIZE = sizeof(long double) };
/* Whether long double is a type of its own here (not the same as double). */
#define HAVE_LONG_DOUBLE (LDBL_MANT_DIG > DBL_MANT_DIG || LDBL_MAX_EXP > DBL_MAX_EXP)

static bool swap_bytes;          /* multi-byte values are read in the other byte order */
static int address_base = 8;
static int address_pad = 7;
static enum { ADDR_NONE, ADDR_STD, ADDR_LABEL, ADDR_PAREN } address_style = ADDR_STD;
static intmax_t pseudo_offset;
static intmax_t skip_bytes;
static intmax_t end_offset = -1;   /* where dumping stops; -1: at the end of input */
static bool abbreviate = true;
static bool dump_strings;
static intmax_t string_min;
static size_t bytes_per_block;
static bool printable[256];

/* ---- numbers on the command line ---------------------------------- */

enum { X_OK = 0, X_OVERFLOW = 1, X_SUFFIX = 2, X_INVALID = 4 };

static int digit_value(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

static int scale(intmax_t *v, intmax_t by, int times)
{
	int st = X_OK;
	while (times--) {
		if (*v > INTMAX_MAX / by || *v < INTMAX_MIN / by) {
			*v = *v < 0 ? INTMAX_MIN : INTMAX_MAX;
			st = X_OVERFLOW;
		} else {
			*v *= by;
		}
	}
	return st;
}

/* S as a number in BASE (0: C's prefixes) with at most one multiplier
   from SUFFIXES, the way gnulib's xstrtoimax reads it; the value must
   not be negative. Returns X_* bits. */
static int parse_nonneg(const char *s, int base, const char *suffixes, intmax_t *val)
{
	const char *p = s;
	while (isspace((unsigned char)*p))
		p++;
	bool neg = false;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	bool hexprefix = p[0] == '0' && (p[1] == 'x' || p[1] == 'X') && isxdigit((unsigned char)p[2]);
	if (base == 0)
		base = hexprefix ? 16 : p[0] == '0' ? 8 : 10;
	if (base == 16 && hexprefix)
		p += 2;
	const char *digits = p;
	uintmax_t u = 0;
	bool ovf = false;
	for (; digit_value((unsigned char)*p) < base; p++) {
		unsigned d = (unsigned)digit_value((unsigned char)*p);
		if (u > (UINTMAX_MAX - d) / (unsigned)base)
			ovf = true;
		else
			u = u * (unsigned)base + d;
	}
	intmax_t v;
	int st = X_OK;
	if (p == digits) {
		if (!(*s && strchr(suffixes, *s)))
			return X_INVALID;
		v = 1;
		p = s;
	} else if (neg) {
		if (ovf || u > (uintmax_t)INTMAX_MAX + 1) {
			v = INTMAX_MIN;
			st = X_OVERFLOW;
		} else {
			v = u ? -(intmax_t)(u - 1) - 1 : 0;
		}
	} else if (ovf || u > (uintmax_t)INTMAX_MAX) {
		v = INTMAX_MAX;
		st = X_OVERFLOW;
	} else {
		v = (intmax_t)u;
	}
	if (*p) {
		if (!strchr(suffixes, *p)) {
			*val = v;
			return st | X_SUFFIX;
		}
		int b = 1024, len = 1;
		if (strchr(suffixes, '0') && strchr("EGgkKMmPQRTtYZ", *p)) {
			if (p[1] == 'i' && p[2] == 'B')
				len = 3;
			else if (p[1] == 'B' || p[1] == 'D') {
				b = 1000;
				len = 2;
			}
		}
		switch (*p) {
		case 'b': st |= scale(&v, 512, 1); break;
		case 'B': st |= scale(&v, 1024, 1); break;
		case 'c': break;
		case 'w': st |= scale(&v, 2, 1); break;
		case 'k': case 'K': st |= scale(&v, b, 1); break;
		case 'M': case 'm': st |= scale(&v, b, 2); break;
		case 'G': case 'g': st |= scale(&v, b, 3); break;
		case 'T': case 't': st |= scale(&v, b, 4); break;
		case 'P': st |= scale(&v, b, 5); break;
		case 'E': st |= scale(&v, b, 6); break;
		case 'Z': st |= scale(&v, b, 7); break;
		case 'Y': st |= scale(&v, b, 8); break;
		case 'R': st |= scale(&v, b, 9); break;
		case 'Q': st |= scale(&v, b, 10); break;
		default:
			*val = v;
			return st | X_SUFFIX;
		}
		p += len;
		if (*p)
			st |= X_SUFFIX;
	}
	*val = v;
	if (!(st & X_INVALID) && v < 0)
		return X_INVALID;
	return st;
}

/* Die for a bad option argument as GNU's xstrtol_fatal does. */
static _Noreturn void bad_number(int st, const struct opt_parser *p, const char *longname)
{
	char opt[64];
	if (p->optname[1] == '-')
		snprintf(opt, sizeof opt, "--%s", longname);
	else
		snprintf(opt, sizeof opt, "-%c", p->optname[1]);
	if (st & X_INVALID)
		diag_die(EXIT_FAILURE, 0, "invalid %s argument '%s'", opt, p->arg);
	if (st & X_SUFFIX)
		diag_die(EXIT_FAILURE, 0, "invalid suffix in %s argument '%s'", opt, p->arg);
	diag_die(EXIT_FAILURE, 0, "%s argument '%s' too large", opt, p->arg);
}

static const char multipliers[] = "bEGKkMmPQRTYZ0";

static intmax_t option_number(const struct opt_parser *p, const char *longname)
{
	intmax_t v;
	int st = parse_nonneg(p->arg, 0, multipliers, &v);
	if (st != X_OK)
		bad_number(st, p, longname);
	return v;
}

/* A traditional [+]OFFSET[.][b] operand: true with *OFFSET set when STR
   is one; an offset too large for the type is fatal. */
static bool parse_old_offset(const char *str, intmax_t *offset)
{
	const char *s = str + (str[0] == '+');
	if (!isdigit((unsigned char)s[0]))
		return false;
	const char *dot = strchr(s, '.');
	if (dot && dot[(dot[1] == 'b' || dot[1] == 'B') + 1])
		dot = NULL;
	int base = dot ? 10 : s[0] == '0' && (s[1] == 'x' || s[1] == 'X') ? 16 : 8;
	char *copy = xstrdup(s);
	if (dot)
		memmove(copy + (dot - s), copy + (dot - s) + 1, strlen(dot));
	int st = parse_nonneg(copy, base, "bB", offset);
	free(copy);
	if (st == X_OVERFLOW)
		diag_die(EXIT_FAILURE, ERANGE, "%s", quotef(str));
	return st == X_OK;
}

/* ---- format specifications ----------------------------------------- */

/* Decimal digits of S into *V: false when they overflow an int. */
static bool small_number(const char *s, const char **end, int *v)
{
	int sum = 0;
	for (; isdigit((unsigned char)*s); s++) {
		if (sum > (INT_MAX - (*s - '0')) / 10)
			return false;
		sum = sum * 10 + (*s - '0');
	}
	*end = s;
	*v = sum;
	return true;
}

/* Bytes needed to print B bits in decimal (gnulib's INT_BITS_STRLEN_BOUND). */
static int decimal_digits(int bits)
{
	return (bits * 146 + 484) / 485;
}

/* The field width of a floating type with MANT mantissa bits and
   decimal exponents MIN10..MAX10, as gnulib's *_STRLEN_BOUND_L. */
static int float_width(int mant, int min10, int max10)
{
	struct lconv *lc = localeconv();
	int point = lc->decimal_point[0] ? (int)strlen(lc->decimal_point) : 1;
	int exp = min10 > -100 && max10 < 100 ? 3
		: min10 > -1000 && max10 < 1000 ? 4
		: min10 > -10000 && max10 < 10000 ? 5
		: min10 > -100000 && max10 < 100000 ? 6 : 7;
	return 1 + decimal_digits(mant) + 1 + point + 1 + exp;
}

static bool size_exists(int size, bool integral)
{
	if (integral)
		return size == 1 || size == 2 || size == 4 || size == 8;
	return size == 2 || size == 4 || size == 8 || (HAVE_LONG_DOUBLE && size == LONG_DOUBLE_SIZE);
}

/* The byte count at *S of a type of KIND ("integral" or "floating
   point"), DEFAULT when there are no digits; *S moves past the digits.
   False, after GNU's message for ORIG, when no such type exists. */
static bool type_size(const char *orig, const char **s, int dflt, const char *kind, int *size)
{
	const char *p;
	if (!small_number(*s, &p, size)) {
		diag_error(0, "invalid type string %s", quote(orig));
		return false;
	}
	if (p == *s) {
		*size = dflt;
		return true;
	}
	if (!size_exists(*size, kind[0] == 'i')) {
		diag_error(0, "invalid type string %s;\nthis system doesn't provide a %d-byte %s type",
			   quote(orig), *size, kind);
		return false;
	}
	*s = p;
	return true;
}

/* Parse the one format at S (part of ORIG) into *SP; *NEXT gets what
   follows it. False, after a message, when it is invalid. */
static bool parse_one_format(const char *orig, const char *s, const char **next, struct spec *sp)
{
	memset(sp, 0, sizeof *sp);
	int size;
	char c = *s;
	switch (c) {
	case 'd':
	case 'o':
	case 'u':
	case 'x':
		s++;
		switch (*s) {
		case 'C': s++; size = 1; break;
		case 'S': s++; size = 2; break;
		case 'I': s++; size = 4; break;
		case 'L': s++; size = 8; break;
		default:
			if (!type_size(orig, &s, 4, "integral", &size))
				return false;
		}
		sp->size = size;
		switch (c) {
		case 'd':
			sp->fmt = F_SIGNED;
			sp->width = decimal_digits(8 * size - 1) + 1;
			break;
		case 'o':
			sp->fmt = F_OCTAL;
			sp->width = (8 * size + 2) / 3;
			break;
		case 'u':
			sp->fmt = F_UNSIGNED;
			sp->width = decimal_digits(8 * size);
			break;
		default:
			sp->fmt = F_HEX;
			sp->width = (8 * size + 3) / 4;
			break;
		}
		break;
	case 'f':
		s++;
		sp->fmt = F_FLOAT;
		switch (*s) {
		case 'B':
			/* No bfloat16 here, as in GNU's build with this compiler. */
			diag_error(0, "this system doesn't provide a %s floating point type", quote(orig));
			return false;
		case 'H': s++; size = 2; break;
		case 'F': s++; size = 4; break;
		case 'D': s++; size = 8; break;
		case 'L': s++; size = LONG_DOUBLE_SIZE; break;
		default:
			if (!type_size(orig, &s, 8, "floating point", &size))
				return false;
		}
		sp->size = size;
		if (size == 2) {
			sp->fmt = F_HALF;
			sp->width = float_width(FLT_MANT_DIG, FLT_MIN_10_EXP, FLT_MAX_10_EXP);
		} else if (size == 4) {
			sp->width = float_width(FLT_MANT_DIG, FLT_MIN_10_EXP, FLT_MAX_10_EXP);
		} else if (size == 8) {
			sp->width = float_width(DBL_MANT_DIG, DBL_MIN_10_EXP, DBL_MAX_10_EXP);
		} else {
			sp->width = float_width(LDBL_MANT_DIG, LDBL_MIN_10_EXP, LDBL_MAX_10_EXP);
		}
		break;
	case 'a':
	case 'c':
		s++;
		sp->fmt = c == 'a' ? F_NAMED : F_CHAR;
		sp->size = 1;
		sp->width = 3;
		break;
	default:
		diag_error(0, "invalid character '%c' in type string %s", c, quote(orig));
		return false;
	}
	sp->trailer = *s == 'z';
	if (sp->trailer)
		s++;
	*next = s;
	return true;
}

static bool add_formats(const char *s)
{
	const char *orig = s;
	while (*s) {
		if (nspecs == specs_cap)
			specs = xgrow(specs, &specs_cap, sizeof *specs);
		if (!parse_one_format(orig, s, &s, &specs[nspecs]))
			return false;
		nspecs++;
	}
	return true;
}

/* ---- input: the operands as one stream ------------------------------ */

static struct {
	char **files;
	int nfiles, next;
	int fd;               /* -1: no file open (end of input) */
	const char *name;     /* for messages */
	int err;              /* a read error seen on fd, reported at close */
	bool ok;
} in = { .fd = -1, .ok = true };

/* Open the next operand that can be opened (GNU's open_next_file). */
static void open_next(void)
{
	while (in.next < in.nfiles) {
		const char *f = in.files[in.next++];
		if (in_is_stdin(f)) {
			in.fd = 0;
			in.name = "standard input";
			return;
		}
		int fd = sys_open(f, SYS_O_RDONLY, 0);
		if (fd >= 0) {
			in.fd = fd;
			in.name = f;
			sys_advise_sequential(fd);
			return;
		}
		diag_error(errno, "%s", quotef(f));
		in.ok = false;
	}
	in.fd = -1;
}

static void close_current(void)
{
	if (in.fd < 0)
		return;
	int err = in.err;
	if (in.fd != 0 && sys_close(in.fd) != 0 && !err)
		err = errno;
	if (err) {
		diag_error(err, "%s", quotef(in.name));
		in.ok = false;
	}
	in.fd = -1;
	in.err = 0;
}

/* Up to N bytes of the stream into BUF; 0 only at its end. */
static size_t read_some(char *buf, size_t n)
{
	while (in.fd >= 0) {
		sys_ssize r = sys_read(in.fd, buf, n);
		if (r > 0)
			return (size_t)r;
		if (r < 0)
			in.err = errno;
		close_current();
		open_next();
	}
	return 0;
}

/* Skip N bytes of the stream, seeking where the file allows it. */
static void skip_input(intmax_t n)
{
	if (n == 0)
		return;
	while (in.fd >= 0) {
		struct sys_stat st;
		if (sys_fstat(in.fd, &st) == 0) {
			int64_t blksize = st.blksize > 0 && st.blksize <= (int64_t)(SIZE_MAX / 8 + 1) ? st.blksize : 512;
			if (SYS_S_ISREG(st.mode) && blksize < st.size) {
				if (st.size < n) {
					n -= st.size;
				} else {
					if (sys_lseek(in.fd, n, SYS_SEEK_CUR) < 0) {
						in.err = errno;
						in.ok = false;
					}
					n = 0;
				}
			} else if (!SYS_S_ISREG(st.mode) && sys_lseek(in.fd, n, SYS_SEEK_CUR) >= 0) {
				n = 0;
			} else {
				char buf[8192];
				while (n > 0) {
					size_t want = n < (intmax_t)sizeof buf ? (size_t)n : sizeof buf;
					sys_ssize r = sys_read(in.fd, buf, want);
					if (r < 0) {
						in.err = errno;
						in.ok = false;
						n = 0;
						break;
					}
					if (r == 0)
						break;
					n -= r;
				}
			}
			if (n == 0)
				break;
		} else {
			diag_error(errno, "%s", quotef(in.name));
			in.ok = false;
		}
		close_current();
		open_next();
	}
	if (n != 0)
		diag_die(EXIT_FAILURE, 0, "cannot skip past end of combined input");
}

/* ---- output buffer ---------------------------------------------------- */

enum { OB_SIZE = 256 * 1024, OB_ROOM = 256 };

static char *ob, *op, *oend;

static void ob_flush(void)
{
	out_write(ob, (size_t)(op - ob));
	op = ob;
}

/* Make room for N <= OB_ROOM bytes. */
static inline void room(size_t n)
{
	if ((size_t)(oend - op) < n)
		ob_flush();
}

static void put_spaces(size_t n)
{
	while (n) {
		room(OB_ROOM);
		size_t k = n < OB_ROOM ? n : OB_ROOM;
		memset(op, ' ', k);
		op += k;
		n -= k;
	}
}

static void put_str(const char *s, size_t n)
{
	while (n) {
		room(OB_ROOM);
		size_t k = n < OB_ROOM ? n : OB_ROOM;
		memcpy(op, s, k);
		op += k;
		s += k;
		n -= k;
	}
}

/* ---- addresses ---------------------------------------------------------- */

static void put_address_std(intmax_t a, char after)
{
	char tmp[32];
	char *p = tmp + sizeof tmp;
	uintmax_t v = (uintmax_t)a;
	switch (address_base) {
	case 8:
		do
			*--p = (char)('0' + (v & 7));
		while ((v >>= 3) != 0);
		break;
	case 10:
		do
			*--p = (char)('0' + v % 10);
		while ((v /= 10) != 0);
		break;
	default:
		do
			*--p = "0123456789abcdef"[v & 15];
		while ((v >>= 4) != 0);
		break;
	}
	while (p > tmp + sizeof tmp - address_pad)
		*--p = '0';
	room(64);
	size_t len = (size_t)(tmp + sizeof tmp - p);
	memcpy(op, p, len);
	op += len;
	if (after)
		*op++ = after;
}

static void put_address_paren(intmax_t a, char after)
{
	room(64);
	*op++ = '(';
	put_address_std(a, ')');
	if (after)
		*op++ = after;
}

/* The address of a line (AFTER is '\n' for the final one), or of a
   string (AFTER ' '). */
static void put_address(intmax_t a, char after)
{
	switch (address_style) {
	case ADDR_NONE:
		break;
	case ADDR_STD:
		put_address_std(a, after);
		break;
	case ADDR_PAREN:
		put_address_paren(a, after);
		break;
	case ADDR_LABEL: {
		put_address_std(a, ' ');
		if ((pseudo_offset > 0 && a > INTMAX_MAX - pseudo_offset)
		    || (pseudo_offset < 0 && a < INTMAX_MIN - pseudo_offset)) {
			ob_flush();
			diag_die(EXIT_FAILURE, 0, "pseudo address too large for input");
		}
		put_address_paren(a + pseudo_offset, after);
		break;
	}
	}
}

/* ---- fields ------------------------------------------------------------- */

static bool host_little;
static bool load_little;  /* multi-byte values are little-endian */

static inline uint64_t load_le(const unsigned char *p, int size)
{
	switch (size) {
	case 1:
		return p[0];
	case 2:
		return (uint64_t)p[0] | (uint64_t)p[1] << 8;
	case 4:
		return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24;
	default:
		return load_le(p, 4) | load_le(p + 4, 4) << 32;
	}
}

static inline uint64_t load_be(const unsigned char *p, int size)
{
	switch (size) {
	case 1:
		return p[0];
	case 2:
		return (uint64_t)p[0] << 8 | (uint64_t)p[1];
	case 4:
		return (uint64_t)p[0] << 24 | (uint64_t)p[1] << 16 | (uint64_t)p[2] << 8 | (uint64_t)p[3];
	default:
		return load_be(p, 4) << 32 | load_be(p + 4, 4);
	}
}

/* The SIZE-byte value at P in the chosen byte order, as bits. */
static inline uint64_t load(const unsigned char *p, int size)
{
	return load_little ? load_le(p, size) : load_be(p, size);
}

/* The bytes at P as the host holds them, reversed when asked. */
static void load_raw(const unsigned char *p, int size, unsigned char *dst)
{
	for (int i = 0; i < size; i++)
		dst[i] = swap_bytes ? p[size - 1 - i] : p[i];
}

/* Half precision bits as a float (exactly). */
static float half_to_float(uint32_t h)
{
	uint32_t sign = (h & 0x8000) << 16, e = (h >> 10) & 31, m = h & 1023, bits;
	if (e == 31) {
		bits = sign | 0x7f800000 | m << 13;
	} else if (e == 0) {
		if (m == 0) {
			bits = sign;
		} else {
			int shift = 0;
			while (!(m & 1024)) {
				m <<= 1;
				shift++;
			}
			bits = sign | (uint32_t)(113 - shift) << 23 | (m & 1023) << 13;
		}
	} else {
		bits = sign | (e + 112) << 23 | m << 13;
	}
	float f;
	memcpy(&f, &bits, sizeof f);
	return f;
}

/* The shortest %g text of the value that reads back as the same value
   (gnulib's ftoastr), into BUF. Returns its length. */
static int float_text(char *buf, size_t size, const struct spec *sp, const unsigned char *p)
{
	unsigned char raw[sizeof(long double)];
	int n = 0;
	if (sp->size == 2 || sp->size == 4) {
		float x;
		if (sp->size == 2) {
			x = half_to_float((uint32_t)load(p, 2));
		} else {
			load_raw(p, 4, raw);
			memcpy(&x, raw, sizeof x);
		}
		float ax = x < 0 ? -x : x;
		for (int prec = ax < FLT_MIN ? 1 : FLT_DIG;; prec++) {
			n = snprintf(buf, size, "%.*g", prec, (double)x);
			if (n < 0 || prec >= decimal_digits(FLT_MANT_DIG) + 1
			    || ((size_t)n < size && strtof(buf, NULL) == x))
				return n;
		}
	}
	if (sp->size == 8) {
		double x;
		load_raw(p, 8, raw);
		memcpy(&x, raw, sizeof x);
		double ax = x < 0 ? -x : x;
		for (int prec = ax < DBL_MIN ? 1 : DBL_DIG;; prec++) {
			n = snprintf(buf, size, "%.*g", prec, x);
			if (n < 0 || prec >= decimal_digits(DBL_MANT_DIG) + 1
			    || ((size_t)n < size && strtod(buf, NULL) == x))
				return n;
		}
	}
	long double x;
	load_raw(p, LONG_DOUBLE_SIZE, raw);
	memcpy(&x, raw, sizeof x);
	long double ax = x < 0 ? -x : x;
	for (int prec = ax < LDBL_MIN ? 1 : LDBL_DIG;; prec++) {
		n = snprintf(buf, size, "%.*Lg", prec, x);
		if (n < 0 || prec >= decimal_digits(LDBL_MANT_DIG) + 1
		    || ((size_t)n < size && strtold(buf, NULL) == x))
			return n;
	}
}

static const char char_names[33][4] = {
	"nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel", "bs", "ht", "nl",
	"vt", "ff", "cr", "so", "si", "dle", "dc1", "dc2", "dc3", "dc4", "nak",
	"syn", "etb", "can", "em", "sub", "esc", "fs", "gs", "rs", "us", "sp",
};

/* The text of the value at P (without padding) into the end of a
   buffer ending at END; returns its start. */
static char *field_text(const struct spec *sp, const unsigned char *p, char *end)
{
	char *s = end;
	uint64_t v;
	switch (sp->fmt) {
	case F_HEX:
		v = load(p, sp->size);
		for (int i = 0; i < sp->width; i++, v >>= 4)
			*--s = "0123456789abcdef"[v & 15];
		return s;
	case F_OCTAL:
		v = load(p, sp->size);
		for (int i = 0; i < sp->width; i++, v >>= 3)
			*--s = (char)('0' + (v & 7));
		return s;
	case F_UNSIGNED:
	case F_SIGNED: {
		v = load(p, sp->size);
		bool neg = false;
		if (sp->fmt == F_SIGNED && sp->size < 8 && (v >> (8 * sp->size - 1)) & 1)
			v |= ~UINT64_C(0) << (8 * sp->size);
		if (sp->fmt == F_SIGNED && (v >> 63)) {
			neg = true;
			v = ~v + 1;
		}
		do
			*--s = (char)('0' + v % 10);
		while ((v /= 10) != 0);
		if (neg)
			*--s = '-';
		return s;
	}
	case F_NAMED: {
		int c = p[0] & 0x7f;
		const char *name;
		char one[2] = { (char)c, 0 };
		name = c == 127 ? "del" : c <= 32 ? char_names[c] : one;
		size_t len = strlen(name);
		s -= len;
		memcpy(s, name, len);
		return s;
	}
	case F_CHAR: {
		int c = p[0];
		static const char esc[] = "\0\a\b\f\n\r\t\v";
		static const char letter[] = "0abfnrtv";
		const char *e = c ? memchr(esc + 1, c, sizeof esc - 2) : esc;
		if (e) {
			*--s = letter[e - esc];
			*--s = '\\';
		} else if (printable[c]) {
			*--s = (char)c;
		} else {
			*--s = (char)('0' + (c & 7));
			*--s = (char)('0' + ((c >> 3) & 7));
			*--s = (char)('0' + (c >> 6));
		}
		return s;
	}
	case F_FLOAT:
	case F_HALF: {
		char buf[128];
		int n = float_text(buf, sizeof buf, sp, p);
		if (n < 0)
			n = 0;
		if ((size_t)n >= sizeof buf)
			n = sizeof buf - 1;
		s -= n;
		memcpy(s, buf, (size_t)n);
		return s;
	}
	}
	return s;
}

/* gnulib's pad_at: the padding before field I of FIELDS sharing PAD. */
static size_t pad_at(size_t fields, size_t i, size_t pad)
{
	return pad / fields * i + pad % fields * i / fields;
}

/* Field K's cell: its width plus its share of the padding. */
static size_t cell_width(const struct spec *sp, size_t k)
{
	if (sp->cell)
		return sp->cell;
	size_t i = sp->fields - k;
	return pad_at(sp->fields, i, sp->pad) - pad_at(sp->fields, i - 1, sp->pad) + (size_t)sp->width;
}

/* Prepare a spec's cell and its table of whole fields. */
static void prepare_spec(struct spec *sp)
{
	sp->fields = bytes_per_block / (size_t)sp->size;
	if (sp->pad % sp->fields == 0)
		sp->cell = sp->pad / sp->fields + (size_t)sp->width;
	if (sp->size != 1 || !sp->cell || sp->cell > 16 || sp->fmt == F_FLOAT)
		return;
	char (*cells)[16] = xmalloc(256 * sizeof *cells);
	for (int b = 0; b < 256; b++) {
		unsigned char byte = (unsigned char)b;
		char tmp[32];
		char *end = tmp + sizeof tmp;
		char *s = field_text(sp, &byte, end);
		size_t len = (size_t)(end - s);
		if (len > sp->cell) {
			free(cells);
			return;
		}
		memset(cells[b], ' ', 16);
		memcpy(cells[b] + sp->cell - len, s, len);
	}
	sp->cells = cells;
}

static char two_digits[100][2];

/* SHOWN integer fields of an evenly padded spec, written in place. */
static void put_ints(const struct spec *sp, const unsigned char *p, size_t shown)
{
	size_t cell = sp->cell;
	int size = sp->size, width = sp->width;
	bool is_signed = sp->fmt == F_SIGNED;
	for (size_t k = 0; k < shown; k++, p += size) {
		room(OB_ROOM);
		uint64_t v = load(p, size);
		char *end = op + cell, *s = end;
		switch (sp->fmt) {
		case F_HEX:
			for (int i = 0; i < width; i++, v >>= 4)
				*--s = "0123456789abcdef"[v & 15];
			break;
		case F_OCTAL:
			for (int i = 0; i < width; i++, v >>= 3)
				*--s = (char)('0' + (v & 7));
			break;
		default: {
			bool neg = false;
			if (is_signed) {
				if (size < 8 && (v >> (8 * size - 1)) & 1)
					v |= ~UINT64_C(0) << (8 * size);
				if (v >> 63) {
					neg = true;
					v = ~v + 1;
				}
			}
			while (v >= 100) {
				s -= 2;
				memcpy(s, two_digits[v % 100], 2);
				v /= 100;
			}
			if (v >= 10) {
				s -= 2;
				memcpy(s, two_digits[v], 2);
			} else {
				*--s = (char)('0' + v);
			}
			if (neg)
				*--s = '-';
			break;
		}
		}
		memset(op, ' ', (size_t)(s - op));
		op = end;
	}
}

/* One line of spec SP for the N bytes at P (a block of bytes_per_block,
   of which the fields past N are left out). */
static void put_fields(const struct spec *sp, const unsigned char *p, size_t n)
{
	size_t blank = (bytes_per_block - n) / (size_t)sp->size;
	size_t shown = sp->fields - blank;
	if (sp->cells) {
		size_t cell = sp->cell;
		for (size_t k = 0; k < shown; k++) {
			room(OB_ROOM);
			memcpy(op, sp->cells[p[k]], 16);
			op += cell;
		}
	} else if (sp->cell && sp->fmt <= F_HEX) {
		put_ints(sp, p, shown);
	} else {
		for (size_t k = 0; k < shown; k++, p += sp->size) {
			char tmp[160];
			char *end = tmp + sizeof tmp;
			char *s = field_text(sp, p, end);
			size_t len = (size_t)(end - s), cell = cell_width(sp, k);
			if (len < cell)
				put_spaces(cell - len);
			put_str(s, len);
		}
	}
}

static void put_trailer(const struct spec *sp, const unsigned char *p, size_t n)
{
	size_t blank = (bytes_per_block - n) / (size_t)sp->size;
	put_spaces(blank * (size_t)sp->width + pad_at(sp->fields, blank, sp->pad));
	put_str("  >", 3);
	for (size_t i = 0; i < n; i++) {
		room(OB_ROOM);
		*op++ = printable[p[i]] ? (char)p[i] : '.';
	}
	room(2);
	*op++ = '<';
}

/* Write one block of N bytes at CUR, at OFFSET, or a '*' line when it
   repeats the block before (PREV). */
static void write_block(intmax_t offset, size_t n, const unsigned char *prev, const unsigned char *cur)
{
	static bool first = true, prev_equal;
	if (abbreviate && !first && n == bytes_per_block && memcmp(prev, cur, n) == 0) {
		if (!prev_equal) {
			room(2);
			*op++ = '*';
			*op++ = '\n';
			prev_equal = true;
		}
	} else {
		prev_equal = false;
		for (size_t i = 0; i < nspecs; i++) {
			if (i == 0)
				put_address(offset, 0);
			else
				put_spaces((size_t)address_pad);
			put_fields(&specs[i], cur, n);
			if (specs[i].trailer)
				put_trailer(&specs[i], cur, n);
			room(1);
			*op++ = '\n';
		}
	}
	first = false;
}

static size_t gcd(size_t a, size_t b)
{
	while (b) {
		size_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

static size_t specs_lcm(void)
{
	size_t l = 1;
	for (size_t i = 0; i < nspecs; i++)
		l = l / gcd(l, (size_t)specs[i].size) * (size_t)specs[i].size;
	return l;
}

static void dump(void)
{
	size_t bpb = bytes_per_block;
	size_t lcm = specs_lcm();
	size_t lines = IN_BUFSIZE / bpb ? IN_BUFSIZE / bpb : 1;
	size_t cap = lines * bpb + lcm;
	unsigned char *buf = xmalloc(cap);
	unsigned char *saved = abbreviate ? xmalloc(bpb) : NULL;
	const unsigned char *prev = saved;
	size_t have = 0;
	intmax_t offset = skip_bytes;
	for (;;) {
		size_t want = cap - lcm - have;
		if (end_offset >= 0) {
			intmax_t left = end_offset - offset - (intmax_t)have;
			if ((intmax_t)want > left)
				want = (size_t)left;
		}
		size_t got = want ? read_some((char *)buf + have, want) : 0;
		if (got == 0)
			break;
		have += got;
		unsigned char *p = buf;
		while (have - (size_t)(p - buf) >= bpb) {
			write_block(offset, bpb, prev, p);
			prev = p;
			p += bpb;
			offset += (intmax_t)bpb;
		}
		if (p != buf) {
			if (saved) {
				memcpy(saved, prev, bpb);
				prev = saved;
			}
			have -= (size_t)(p - buf);
			memmove(buf, p, have);
		}
	}
	if (have) {
		size_t padded = (have + lcm - 1) / lcm * lcm;
		memset(buf + have, 0, padded - have);
		write_block(offset, have, prev, buf);
		offset += (intmax_t)have;
	}
	put_address(offset, '\n');
	free(saved);
	free(buf);
}

/* -S: the runs of at least string_min printable characters that end
   with a NUL (or where dumping stops). */
static void dump_strings_mode(void)
{
	static char ibuf[64 * 1024];
	size_t ipos = 0, ilen = 0;
	size_t cap = 128;
	char *str = xmalloc(cap);
	intmax_t address = skip_bytes;
	for (;;) {
		size_t i = 0;
		int c = 1;
		if (end_offset >= 0 && (end_offset < string_min || end_offset - string_min < address))
			break;
		while (!(end_offset >= 0 && end_offset <= address)) {
			if (ipos == ilen) {
				ilen = read_some(ibuf, sizeof ibuf);
				ipos = 0;
				if (ilen == 0) {
					free(str);
					return;
				}
			}
			c = (unsigned char)ibuf[ipos++];
			address++;
			if (i + 1 >= cap)
				str = xgrow(str, &cap, 1);
			str[i++] = (char)c;
			if (c == 0)
				break;
			if (!printable[c]) {
				c = -1;
				break;
			}
		}
		if (c < 0 || (intmax_t)(i - (c == 0)) < string_min)
			continue;
		str[i] = 0;
		put_address(address - (intmax_t)i, ' ');
		put_str(str, strlen(str));
		room(1);
		*op++ = '\n';
	}
	free(str);
	close_current();
}

int main_od(int argc, char **argv)
{
	bool modern = false, traditional = false, ok = true;
	intmax_t max_bytes = -1, desired_width = 0;
	struct opt_parser p;
	int c;

	for (int b = 0; b < 256; b++)
		printable[b] = isprint(b) != 0;
	for (int i = 0; i < 100; i++) {
		two_digits[i][0] = (char)('0' + i / 10);
		two_digits[i][1] = (char)('0' + i % 10);
	}
	uint16_t one = 1;
	unsigned char first_byte;
	memcpy(&first_byte, &one, 1);
	host_little = first_byte == 1;
	load_little = host_little;

	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		switch (c) {
		case 'A':
			modern = true;
			switch (p.arg[0]) {
			case 'd': address_style = ADDR_STD; address_base = 10; address_pad = 7; break;
			case 'o': address_style = ADDR_STD; address_base = 8; address_pad = 7; break;
			case 'x': address_style = ADDR_STD; address_base = 16; address_pad = 6; break;
			case 'n': address_style = ADDR_NONE; address_pad = 0; break;
			default:
				diag_die(EXIT_FAILURE, 0, "invalid output address radix '%c'; it must be one character from [doxn]",
					 p.arg[0]);
			}
			break;
		case 'j':
			modern = true;
			skip_bytes = option_number(&p, "skip-bytes");
			break;
		case 'N':
			modern = true;
			max_bytes = option_number(&p, "read-bytes");
			break;
		case 'S':
		case OPT_STRINGS:
			modern = true;
			if (!p.arg) {
				string_min = 3;
			} else {
				int st = parse_nonneg(p.arg, 0, multipliers, &string_min);
				if (st == X_OK && string_min == INTMAX_MAX)
					st = X_OVERFLOW;
				if (st != X_OK)
					bad_number(st, &p, "strings");
			}
			dump_strings = true;
			break;
		case 't':
			modern = true;
			ok &= add_formats(p.arg);
			break;
		case 'v':
			modern = true;
			abbreviate = false;
			break;
		case OPT_TRADITIONAL:
			traditional = true;
			break;
		case OPT_ENDIAN: {
			static const char words[] = "little\0big\0";
			bool big = xargmatch("--endian", p.arg, words, NULL) == 1;
			swap_bytes = big == host_little;
			load_little = !big;
			break;
		}
		case 'w':
			modern = true;
			if (!p.arg) {
				desired_width = 32;
			} else {
				int st = parse_nonneg(p.arg, 10, "", &desired_width);
				if (st == X_OK && desired_width == 0)
					st = X_INVALID;
				if (st != X_OK)
					bad_number(st, &p, "width");
			}
			break;
		case 'a': ok &= add_formats("a"); break;
		case 'b': ok &= add_formats("o1"); break;
		case 'c': ok &= add_formats("c"); break;
		case 'D': ok &= add_formats("u4"); break;
		case 'd': ok &= add_formats("u2"); break;
		case 'F':
		case 'e': ok &= add_formats("fD"); break;
		case 'f': ok &= add_formats("fF"); break;
		case 'X':
		case 'H': ok &= add_formats("x4"); break;
		case 'i': ok &= add_formats("dI"); break;
		case 'I':
		case 'L':
		case 'l': ok &= add_formats("dL"); break;
		case 'O': ok &= add_formats("o4"); break;
		case 'B':
		case 'o': ok &= add_formats("o2"); break;
		case 's': ok &= add_formats("d2"); break;
		case 'h':
		case 'x': ok &= add_formats("x2"); break;
		default:
			diag_usage_error(NULL);
		}
	}
	if (!ok)
		return EXIT_FAILURE;
	if (dump_strings && nspecs > 0)
		diag_die(EXIT_FAILURE, 0, "no type may be specified when dumping strings");

	char **operands = p.operands;
	int n = p.noperands;
	bool pseudo = false;
	intmax_t pseudo_start = 0;
	if (!modern || traditional) {
		intmax_t o1, o2;
		switch (n) {
		case 1:
			if ((traditional || operands[0][0] == '+') && parse_old_offset(operands[0], &o1)) {
				skip_bytes = o1;
				n = 0;
			}
			break;
		case 2:
			if ((traditional || operands[1][0] == '+' || isdigit((unsigned char)operands[1][0]))
			    && parse_old_offset(operands[1], &o2)) {
				if (traditional && parse_old_offset(operands[0], &o1)) {
					skip_bytes = o1;
					pseudo = true;
					pseudo_start = o2;
					n = 0;
				} else {
					skip_bytes = o2;
					n = 1;
				}
			}
			break;
		case 3:
			if (traditional && parse_old_offset(operands[1], &o1) && parse_old_offset(operands[2], &o2)) {
				skip_bytes = o1;
				pseudo = true;
				pseudo_start = o2;
				n = 1;
			}
			break;
		}
		if (traditional && n > 1) {
			diag_error(0, "extra operand %s", quote(operands[1]));
			diag_usage_error("compatibility mode supports at most one file");
		}
	}
	if (pseudo) {
		if (address_style == ADDR_NONE) {
			address_base = 8;
			address_pad = 7;
			address_style = ADDR_PAREN;
		} else {
			address_style = ADDR_LABEL;
		}
	}
	if (max_bytes >= 0) {
		if (skip_bytes > INTMAX_MAX - max_bytes)
			diag_die(EXIT_FAILURE, 0, "skip-bytes + read-bytes is too large");
		end_offset = skip_bytes + max_bytes;
	}
	if (nspecs == 0)
		add_formats("oS");

	static char *stdin_only[] = { "-", NULL };
	in.files = n > 0 ? operands : stdin_only;
	in.nfiles = n > 0 ? n : 1;
	open_next();
	if (in.fd < 0)
		return in.ok ? EXIT_SUCCESS : EXIT_FAILURE;
	skip_input(skip_bytes);
	if (in.fd < 0)
		return in.ok ? EXIT_SUCCESS : EXIT_FAILURE;
	pseudo_offset = pseudo ? pseudo_start - skip_bytes : 0;

	size_t lcm = specs_lcm();
	if (desired_width != 0) {
		if ((uintmax_t)desired_width % lcm == 0) {
			bytes_per_block = (size_t)desired_width;
		} else {
			diag_error(0, "warning: invalid width %jd; using %zu instead", desired_width, lcm);
			bytes_per_block = lcm;
		}
	} else {
		bytes_per_block = lcm < 16 ? 16 - 16 % lcm : lcm;
	}
	size_t width_per_block = 0;
	for (size_t i = 0; i < nspecs; i++) {
		size_t fields = bytes_per_block / (size_t)specs[i].size;
		if (fields - 1 > 3037000499u)
			diag_die(EXIT_FAILURE, 0, "%jd is too large", desired_width);
		size_t w = ((size_t)specs[i].width + 1) * fields;
		if (width_per_block < w)
			width_per_block = w;
	}
	for (size_t i = 0; i < nspecs; i++) {
		size_t fields = bytes_per_block / (size_t)specs[i].size;
		specs[i].pad = width_per_block - (size_t)specs[i].width * fields;
		prepare_spec(&specs[i]);
	}

	ob = xmalloc(OB_SIZE);
	op = ob;
	oend = ob + OB_SIZE;
	if (dump_strings)
		dump_strings_mode();
	else
		dump();
	ob_flush();
	if (end_offset >= 0)
		close_current();
	return in.ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
