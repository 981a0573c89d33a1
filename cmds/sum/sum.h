/*
 * The checksum programs, one implementation under many names: sum,
 * cksum, md5sum, sha1sum, sha224sum ... sha512sum, b2sum, and uutils'
 * sha3sum, sha3-224sum ... sha3-512sum, shake128sum, shake256sum, b3sum.
 *
 * main.c reads the command line for each name; compute.c hashes files
 * and prints their lines; check.c verifies the lines of checksum files
 * (-c). The digests themselves are libcommon's (digest.h).
 */
#ifndef COREBOX_SUM_H
#define COREBOX_SUM_H

#include "common.h"
#include "digest.h"

/* The algorithms as cksum -a names them; the order is GNU's (it decides
   which tags a checksum file may use without -a) followed by uutils'. */
enum sum_family {
	FAM_BSD,
	FAM_SYSV,
	FAM_CRC,
	FAM_CRC32B,
	FAM_MD5,
	FAM_SHA1,
	FAM_SHA224,
	FAM_SHA256,
	FAM_SHA384,
	FAM_SHA512,
	FAM_SHA2,
	FAM_SHA3,
	FAM_BLAKE2B,
	FAM_SM3,
	FAM_BLAKE3,
	FAM_SHAKE128,
	FAM_SHAKE256,
	FAM_COUNT
};

enum sum_kind {
	KIND_SUM,    /* sum: BSD or System V sum */
	KIND_CKSUM,  /* cksum: any algorithm, tagged lines by default */
	KIND_FIXED,  /* md5sum, sha1sum, sha*sum, sha3-*sum: one fixed digest */
	KIND_LENGTH, /* b2sum, sha3sum, shake*sum, b3sum: one family, a length */
};

struct sum_state {
	enum sum_kind kind;
	enum sum_family fam;
	const char *tag;        /* the name in tagged lines and messages */
	bool fam_given;         /* the family is fixed (by the name or -a) */
	uintmax_t bits;         /* digest length in bits */
	bool tagged;
	int binary;             /* 1 binary '*', 0 text ' ' */
	bool raw, base64, zero, no_names, debug;
	bool check, status, warn, quiet, strict, ignore_missing;
	bool read_stdin;
	bool names_given;       /* operands were given (sum, cksum -a crc) */
};

extern struct sum_state sum;

/* main.c */
/* Default output length of family F in bits. */
unsigned sum_default_bits(enum sum_family f);
/* True when F takes -l / a length suffix in checksum files. */
bool sum_family_has_length(enum sum_family f);
/* The tag for family F (as written in tagged lines). */
const char *sum_family_tag(enum sum_family f);

/* compute.c */
/* Hash NAME ("-": standard input) with family F and BITS bits of output
   into OUT (BITS/8 bytes, or 2/4 for the sums and CRCs) and *LENGTH.
   Returns 0; -1 after reporting an error; 1 when NAME is missing and
   MISSING_OK. */
int sum_file(const char *name, enum sum_family f, uintmax_t bits, unsigned char *out,
             uint64_t *length, bool missing_ok);
/* Print the line for NAME. */
void sum_print(const char *name, const unsigned char *digest, uint64_t length);
/* Print NAME as lines show it: with \n, \r and \\ escaped when ESCAPE. */
void sum_print_name(const char *name, bool escape);
/* True when NAME has characters that lines escape. */
bool sum_needs_escape(const char *name);

/* check.c */
/* Verify the lines of checksum file NAME. True when all is well. */
bool sum_check_file(const char *name);

#endif
