/* The command lines of sum, cksum and the *sum programs. */
#include <stdio.h>

#include "argmatch.h"
#include "sum.h"

enum {
	OPT_IGNORE_MISSING = OPT_LONG,
	OPT_STATUS,
	OPT_QUIET,
	OPT_STRICT,
	OPT_TAG,
	OPT_UNTAGGED,
	OPT_DEBUG,
	OPT_RAW,
	OPT_BASE64,
	OPT_BITS,
	OPT_NO_NAMES,
};

/* Pieces of the option lists below (OPT_TABLE lists). */
#define BINARY_OPTION(O) O("binary", 'b', OPT_NONE, "", "read in binary mode (the same as text here)")
#define TEXT_OPTION(O) O("text", 't', OPT_NONE, "", "read in text mode (the default)")
#define CHECK_OPTION(O) O("check", 'c', OPT_NONE, "", "read checksum lines from the FILEs and verify them")
#define ZERO_OPTION(O) \
	O("zero", 'z', OPT_NONE, "", "end each output line with NUL instead of newline,\nand leave file names unescaped")
#define CHECKING_OPTIONS(O) \
	O("ignore-missing", OPT_IGNORE_MISSING, OPT_NONE, "", \
	  "with --check: files that do not exist are neither\nfailures nor reported") \
	O("quiet", OPT_QUIET, OPT_NONE, "", "with --check: say nothing about files that verify") \
	O("status", OPT_STATUS, OPT_NONE, "", "with --check: print nothing; the exit status tells") \
	O("strict", OPT_STRICT, OPT_NONE, "", "with --check: fail when a line is not a checksum line") \
	O("warn", 'w', OPT_NONE, "", "with --check: report lines that are not checksum lines")

#define FIXED_OPTIONS(O) \
	BINARY_OPTION(O) \
	CHECK_OPTION(O) \
	O("tag", OPT_TAG, OPT_NONE, "", "print BSD-style lines: ALGORITHM (FILE) = DIGEST") \
	TEXT_OPTION(O) \
	ZERO_OPTION(O) \
	CHECKING_OPTIONS(O)
OPT_TABLE(fixed_opts, FIXED_OPTIONS);

#define LENGTH_OPTIONS(O) \
	BINARY_OPTION(O) \
	CHECK_OPTION(O) \
	O("length", 'l', OPT_REQ, "BITS", \
	  "digest length in bits: a multiple of 8, at most 512\nfor BLAKE2b; 224, 256, 384 or 512 for SHA-3") \
	O("tag", OPT_TAG, OPT_NONE, "", "print BSD-style lines: ALGORITHM (FILE) = DIGEST") \
	TEXT_OPTION(O) \
	ZERO_OPTION(O) \
	CHECKING_OPTIONS(O)
OPT_TABLE(length_opts, LENGTH_OPTIONS);

/* sha3sum and shake*sum: uutils' --bits, the same as --length. */
#define BITS_OPTIONS(O) \
	BINARY_OPTION(O) \
	O("bits", OPT_BITS, OPT_REQ, "BITS", "the digest length in bits (the same as --length)") \
	CHECK_OPTION(O) \
	O("length", 'l', OPT_REQ, "BITS", \
	  "digest length in bits: 224, 256, 384 or 512 for SHA-3,\na multiple of 8 for SHAKE") \
	O("tag", OPT_TAG, OPT_NONE, "", "print BSD-style lines: ALGORITHM (FILE) = DIGEST") \
	TEXT_OPTION(O) \
	ZERO_OPTION(O) \
	CHECKING_OPTIONS(O)
OPT_TABLE(bits_opts, BITS_OPTIONS);

#define B3_OPTIONS(O) \
	BINARY_OPTION(O) \
	CHECK_OPTION(O) \
	O("length", 'l', OPT_REQ, "BITS", "digest length in bits, a multiple of 8 (default 256)") \
	O("no-names", OPT_NO_NAMES, OPT_NONE, "", "print the digests without the file names") \
	O("tag", OPT_TAG, OPT_NONE, "", "print BSD-style lines: BLAKE3 (FILE) = DIGEST") \
	TEXT_OPTION(O) \
	ZERO_OPTION(O) \
	CHECKING_OPTIONS(O)
OPT_TABLE(b3_opts, B3_OPTIONS);

#define CKSUM_OPTIONS(O) \
	O("algorithm", 'a', OPT_REQ, "TYPE", "the digest algorithm: one of those listed below") \
	O("base64", OPT_BASE64, OPT_NONE, "", "print digests in base64 instead of hexadecimal") \
	O("binary", 'b', OPT_NONE, "", "") \
	CHECK_OPTION(O) \
	O("length", 'l', OPT_REQ, "BITS", \
	  "digest length in bits: a multiple of 8, at most 512,\nfor blake2b; 224, 256, 384 or 512 for sha2 and sha3") \
	O("raw", OPT_RAW, OPT_NONE, "", "print the digest as raw bytes, not as text") \
	O("tag", OPT_TAG, OPT_NONE, "", "print BSD-style lines: ALGORITHM (FILE) = DIGEST\n(the default)") \
	O("untagged", OPT_UNTAGGED, OPT_NONE, "", "print lines of the form: DIGEST  FILE") \
	O("text", 't', OPT_NONE, "", "") \
	ZERO_OPTION(O) \
	CHECKING_OPTIONS(O) \
	O("debug", OPT_DEBUG, OPT_NONE, "", "tell which implementation computes the digest")
OPT_TABLE(cksum_opts, CKSUM_OPTIONS);

#define SUM_OPTIONS(O) \
	O("", 'r', OPT_NONE, "", "the BSD checksum, sizes in 1 KiB blocks (the default)") \
	O("sysv", 's', OPT_NONE, "", "the System V checksum, sizes in 512-byte blocks")
OPT_TABLE(sum_opts, SUM_OPTIONS);

#define CHECK_DETAILS                                                               \
	"With --check, each FILE holds lines this program printed; the files\n"     \
	"they name are read and their digests compared."

static const char family_args[] = "bsd\0sysv\0crc\0crc32b\0md5\0sha1\0sha224\0sha256\0sha384\0"
	"sha512\0sha2\0sha3\0blake2b\0sm3\0blake3\0shake128\0"
	"shake256\0";

static const char family_tags[FAM_COUNT][9] = {
	"BSD", "SYSV", "CRC", "CRC32B", "MD5", "SHA1", "SHA224", "SHA256", "SHA384",
	"SHA512", "SHA2", "SHA3", "BLAKE2b", "SM3", "BLAKE3", "SHAKE128", "SHAKE256",
};

static const unsigned family_bits[FAM_COUNT] = {
	16, 16, 32, 32, 128, 160, 224, 256, 384, 512, 512, 512, 512, 256, 256, 256, 512,
};

struct sum_state sum;

unsigned sum_default_bits(enum sum_family f)
{
	return family_bits[f];
}

bool sum_family_has_length(enum sum_family f)
{
	return f == FAM_SHA2 || f == FAM_SHA3 || f == FAM_BLAKE2B || f == FAM_BLAKE3 ||
	       f == FAM_SHAKE128 || f == FAM_SHAKE256;
}

const char *sum_family_tag(enum sum_family f)
{
	return family_tags[f];
}

/* Everything the programs other than sum share after their options. */
struct cmdline {
	int tag;           /* -1 unset, 0 --untagged, 1 --tag */
	int binary;        /* -1 unset */
	const char *length;
	uintmax_t bits;
	bool multiple_operands;
};

static _Noreturn void usage_fail(const char *msg)
{
	diag_error(0, "%s", msg);
	diag_usage_error(NULL);
}

/* GNU's checks of option combinations, in GNU's order. */
static void validate(struct cmdline *c)
{
	bool cksum = sum.kind == KIND_CKSUM;
	if (cksum && c->bits && !sum_family_has_length(sum.fam))
		diag_die(EXIT_FAILURE, 0, "--length is only supported with --algorithm blake2b, sha2, or sha3");
	if (sum.fam == FAM_SHA2 || sum.fam == FAM_SHA3) {
		bool fixed = sum.kind == KIND_FIXED;
		if (!fixed && c->bits == 0 && !c->length && !sum.check) {
			if (cksum)
				diag_die(EXIT_FAILURE, 0, "--algorithm=%s requires specifying --length 224, 256, 384, or 512",
				         argmatch_word(family_args, sum.fam));
			diag_die(EXIT_FAILURE, 0, "--length required: 224, 256, 384, or 512");
		}
		if (!fixed && (!sum.check || c->length) && c->bits != 224 && c->bits != 256 &&
		    c->bits != 384 && c->bits != 512) {
			diag_error(0, "invalid length: %s", quote(c->length ? c->length : ""));
			diag_die(EXIT_FAILURE, 0, "digest length for %s must be 224, 256, 384, or 512",
			         quote(sum.tag));
		}
	} else if (sum.kind != KIND_FIXED) {
		uintmax_t max = sum.fam == FAM_BLAKE3 || sum.fam == FAM_SHAKE128 || sum.fam == FAM_SHAKE256
		                ? 8192 : 512;
		if (c->bits > max) {
			diag_error(0, "invalid length: %s", quote(c->length));
			diag_die(EXIT_FAILURE, 0, "maximum digest length for %s is %ju bits", quote(sum.tag), max);
		}
		if (c->bits % 8) {
			diag_error(0, "invalid length: %s", quote(c->length));
			diag_die(EXIT_FAILURE, 0, "length is not a multiple of 8");
		}
	}
	if (c->bits)
		sum.bits = c->bits;
	else if (sum.kind != KIND_FIXED)
		sum.bits = sum_default_bits(sum.fam);

	if (cksum && sum.check && sum.fam_given && sum.fam <= FAM_CRC32B)
		diag_die(EXIT_FAILURE, 0, "--check is not supported with --algorithm={bsd,sysv,crc,crc32b}");
	if (sum.base64 && sum.raw)
		usage_fail("--base64 and --raw are mutually exclusive");
	if (sum.zero && sum.check)
		usage_fail("the --zero option is not supported when verifying checksums");
	if (c->tag >= 1 && sum.check)
		usage_fail("the --tag option is meaningless when verifying checksums");
	if (c->binary >= 0 && sum.check)
		usage_fail("the --binary and --text options are meaningless when verifying checksums");
	if (sum.ignore_missing && !sum.check)
		usage_fail("the --ignore-missing option is meaningful only when verifying checksums");
	if (sum.status && !sum.check)
		usage_fail("the --status option is meaningful only when verifying checksums");
	if (sum.warn && !sum.check)
		usage_fail("the --warn option is meaningful only when verifying checksums");
	if (sum.quiet && !sum.check)
		usage_fail("the --quiet option is meaningful only when verifying checksums");
	if (sum.strict && !sum.check)
		usage_fail("the --strict option is meaningful only when verifying checksums");
	if (c->tag < 0)
		c->tag = cksum;
	if (c->tag && c->binary == 0)
		usage_fail(cksum ? "--text mode is only supported with --untagged"
		                 : "--tag does not support --text mode");
	if (c->binary < 0)
		c->binary = 0;
	else if (c->tag)
		c->binary = 1;
	sum.tagged = c->tag;
	sum.binary = c->binary;
	if (c->multiple_operands && sum.raw)
		diag_die(EXIT_FAILURE, 0, "the --raw option is not supported with multiple files");
}

/* Hash or check each operand; the exit status. */
static int run(char **operands, int n)
{
	static char *dash[] = {(char *)"-", NULL};
	bool ok = true;
	sum.names_given = n > 0;
	if (n == 0) {
		operands = dash;
		n = 1;
	}
	for (int i = 0; i < n; i++) {
		if (sum.check) {
			ok &= sum_check_file(operands[i]);
			continue;
		}
		unsigned char digest[8192 / 8];
		uint64_t length;
		if (sum_file(operands[i], sum.fam, sum.bits, digest, &length, false) == 0)
			sum_print(operands[i], digest, length);
		else
			ok = false;
	}
	return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* The programs other than sum: options, checks, then the work. */
static int digest_main(const struct cmd_info *info, const struct opt_table *opts, int argc, char **argv)
{
	struct opt_parser p;
	struct cmdline c = { .tag = -1, .binary = -1 };
	int key;
	opt_init(&p, info, opts, argc, argv);
	while ((key = opt_next(&p)) != OPT_END) {
		switch (key) {
		case 'a':
			sum.fam = (enum sum_family)xargmatch_exact("--algorithm", p.arg, family_args);
			sum.tag = family_tags[sum.fam];
			sum.fam_given = true;
			break;
		case 'l':
		case OPT_BITS:
			c.bits = num_xparse_umax_flags(p.arg, NULL, 0, UINTMAX_MAX, "invalid length", NUM_X_MAX_QUIET);
			c.length = p.arg;
			break;
		case 'c':
			sum.check = true;
			break;
		case OPT_STATUS:
			sum.status = true;
			sum.warn = sum.quiet = false;
			break;
		case 'w':
			sum.warn = true;
			sum.status = sum.quiet = false;
			break;
		case OPT_QUIET:
			sum.quiet = true;
			sum.status = sum.warn = false;
			break;
		case OPT_IGNORE_MISSING:
			sum.ignore_missing = true;
			break;
		case OPT_STRICT:
			sum.strict = true;
			break;
		case 'b':
			c.binary = 1;
			break;
		case 't':
			c.binary = 0;
			break;
		case OPT_TAG:
			c.tag = 1;
			break;
		case OPT_UNTAGGED:
			c.tag = 0;
			break;
		case OPT_BASE64:
			sum.base64 = true;
			break;
		case OPT_RAW:
			sum.raw = true;
			break;
		case 'z':
			sum.zero = true;
			break;
		case OPT_DEBUG:
			sum.debug = true;
			break;
		case OPT_NO_NAMES:
			sum.no_names = true;
			break;
		default:
			diag_usage_error(NULL);
		}
	}
	c.multiple_operands = p.noperands > 1;
	validate(&c);
	return run(p.operands, p.noperands);
}

/* Set up the state of a program computing family F. */
static void start(enum sum_kind kind, enum sum_family f, unsigned bits)
{
	memset(&sum, 0, sizeof sum);
	sum.kind = kind;
	sum.fam = f;
	sum.tag = family_tags[f];
	sum.fam_given = true;
	sum.bits = bits ? bits : family_bits[f];
}

#define FIXED_PROGRAM(id, prog, fam, bits, what, ref)                                   \
	int main_##id(int argc, char **argv)                                            \
	{                                                                               \
		static const struct cmd_info info = {                                  \
			.name = prog,                                                   \
			.text = CMD_USAGE("[OPTION]... [FILE]...")                      \
				CMD_SUMMARY("Print or verify " what " checksums (" ref ").\n" \
				            "With no FILE, or when FILE is -, read standard input.") \
				CMD_DETAILS(CHECK_DETAILS),                             \
		};                                                                      \
		start(KIND_FIXED, fam, bits);                                           \
		return digest_main(&info, &fixed_opts.table, argc, argv);               \
	}

FIXED_PROGRAM(md5sum, "md5sum", FAM_MD5, 0, "MD5 (128-bit)", "RFC 1321")
FIXED_PROGRAM(sha1sum, "sha1sum", FAM_SHA1, 0, "SHA-1 (160-bit)", "FIPS 180-1")
FIXED_PROGRAM(sha224sum, "sha224sum", FAM_SHA224, 0, "SHA-224", "RFC 3874")
FIXED_PROGRAM(sha256sum, "sha256sum", FAM_SHA256, 0, "SHA-256", "FIPS 180-2")
FIXED_PROGRAM(sha384sum, "sha384sum", FAM_SHA384, 0, "SHA-384", "FIPS 180-2")
FIXED_PROGRAM(sha512sum, "sha512sum", FAM_SHA512, 0, "SHA-512", "FIPS 180-2")
FIXED_PROGRAM(sha3_224sum, "sha3-224sum", FAM_SHA3, 224, "SHA3-224", "FIPS 202")
FIXED_PROGRAM(sha3_256sum, "sha3-256sum", FAM_SHA3, 256, "SHA3-256", "FIPS 202")
FIXED_PROGRAM(sha3_384sum, "sha3-384sum", FAM_SHA3, 384, "SHA3-384", "FIPS 202")
FIXED_PROGRAM(sha3_512sum, "sha3-512sum", FAM_SHA3, 512, "SHA3-512", "FIPS 202")

int main_b2sum(int argc, char **argv)
{
	static const struct cmd_info info = {
		.name = "b2sum",
		.text = CMD_USAGE("[OPTION]... [FILE]...")
			CMD_SUMMARY("Print or verify BLAKE2b checksums (RFC 7693), of 512 bits unless\n"
			            "the length option says otherwise.\n"
			            "With no FILE, or when FILE is -, read standard input.")
			CMD_DETAILS(CHECK_DETAILS),
	};
	start(KIND_LENGTH, FAM_BLAKE2B, 0);
	return digest_main(&info, &length_opts.table, argc, argv);
}

int main_sha3sum(int argc, char **argv)
{
	static const struct cmd_info info = {
		.name = "sha3sum",
		.text = CMD_USAGE("--bits=BITS [OPTION]... [FILE]...")
			CMD_SUMMARY("Print or verify SHA-3 checksums (FIPS 202) of the length --bits\n"
			            "(or --length) gives: 224, 256, 384 or 512.\n"
			            "With no FILE, or when FILE is -, read standard input.")
			CMD_DETAILS(CHECK_DETAILS),
	};
	start(KIND_LENGTH, FAM_SHA3, 0);
	return digest_main(&info, &bits_opts.table, argc, argv);
}

#define SHAKE_PROGRAM(id, prog, fam, what, dflt)                                        \
	int main_##id(int argc, char **argv)                                            \
	{                                                                               \
		static const struct cmd_info info = {                                  \
			.name = prog,                                                   \
			.text = CMD_USAGE("[OPTION]... [FILE]...")                      \
				CMD_SUMMARY("Print or verify " what " digests (FIPS 202) of\n" \
				            "the length --bits (or --length) gives, " dflt " bits by default.\n" \
				            "With no FILE, or when FILE is -, read standard input.") \
				CMD_DETAILS(CHECK_DETAILS),                             \
		};                                                                      \
		start(KIND_LENGTH, fam, 0);                                             \
		return digest_main(&info, &bits_opts.table, argc, argv);                \
	}

SHAKE_PROGRAM(shake128sum, "shake128sum", FAM_SHAKE128, "SHAKE128", "256")
SHAKE_PROGRAM(shake256sum, "shake256sum", FAM_SHAKE256, "SHAKE256", "512")

int main_b3sum(int argc, char **argv)
{
	static const struct cmd_info info = {
		.name = "b3sum",
		.text = CMD_USAGE("[OPTION]... [FILE]...")
			CMD_SUMMARY("Print or verify BLAKE3 checksums, 256 bits unless --length says\n"
			            "otherwise.\n"
			            "With no FILE, or when FILE is -, read standard input.")
			CMD_DETAILS(CHECK_DETAILS),
	};
	start(KIND_LENGTH, FAM_BLAKE3, 0);
	return digest_main(&info, &b3_opts.table, argc, argv);
}

int main_cksum(int argc, char **argv)
{
	static const struct cmd_info info = {
		.name = "cksum",
		.text = CMD_USAGE("[OPTION]... [FILE]...")
			CMD_SUMMARY("Print or verify checksums: the 32-bit CRC of POSIX unless --algorithm\n"
			            "chooses another.\n"
			            "With no FILE, or when FILE is -, read standard input.")
			CMD_DETAILS("TYPE, the algorithm, also decides the form of the lines:\n"
			            "  sysv      the System V sum, as sum -s prints it\n"
			            "  bsd       the BSD sum, as sum -r prints it\n"
			            "  crc       the POSIX CRC and size (the default)\n"
			            "  crc32b    the CRC-32 of zlib and gzip, and size\n"
			            "  md5       as md5sum\n"
			            "  sha1      as sha1sum\n"
			            "  sha2      as sha224sum ... sha512sum (with --length)\n"
			            "  sha3      SHA-3 (with --length)\n"
			            "  blake2b   as b2sum\n"
			            "  sm3       SM3\n"
			            "sha224, sha256, sha384 and sha512 are also accepted, and, as in uutils,\n"
			            "blake3 (as b3sum), shake128 and shake256 (as shake128sum and shake256sum).\n"
			            "\n" CHECK_DETAILS),
	};
	start(KIND_CKSUM, FAM_CRC, 0);
	sum.fam_given = false;
	return digest_main(&info, &cksum_opts.table, argc, argv);
}

int main_sum(int argc, char **argv)
{
	static const struct cmd_info info = {
		.name = "sum",
		.text = CMD_USAGE("[OPTION]... [FILE]...")
			CMD_SUMMARY("Print the checksum and the size in blocks of each FILE.\n"
			            "With no FILE, or when FILE is -, read standard input."),
	};
	struct opt_parser p;
	int key;
	start(KIND_SUM, FAM_BSD, 0);
	opt_init(&p, &info, &sum_opts.table, argc, argv);
	while ((key = opt_next(&p)) != OPT_END) {
		if (key == 'r')
			sum.fam = FAM_BSD;
		else if (key == 's')
			sum.fam = FAM_SYSV;
		else
			diag_usage_error(NULL);
	}
	sum.bits = family_bits[sum.fam];
	return run(p.operands, p.noperands);
}
