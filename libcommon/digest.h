/*
 * digest.h: every checksum and message digest the *sum programs offer,
 * behind one incremental interface.
 *
 *	struct digest d;
 *	if (digest_init(&d, DIGEST_SHA256, 0) < 0)
 *		diag_die(EXIT_FAILURE, 0, "%s", digest_error());
 *	digest_update(&d, buf, n);        (as often as needed)
 *	digest_final(&d, out);            (d.outlen bytes)
 *	digest_restart(&d);               (the next input, same algorithm)
 *	digest_free(&d);
 *
 * The cryptographic digests come from libcrypto (bound on first use,
 * lazylib.h); BLAKE3, BLAKE2b of other lengths than 512 bits, the POSIX
 * CRC and the BSD and System V sums are written here; CRC-32 (crc32b)
 * comes from zlib. The sums and CRCs give their value as big-endian
 * bytes (2 or 4).
 */
#ifndef COREBOX_DIGEST_H
#define COREBOX_DIGEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "blake2b.h"
#include "blake3.h"

enum digest_algo {
	DIGEST_BSD,
	DIGEST_SYSV,
	DIGEST_CRC,
	DIGEST_CRC32B,
	DIGEST_MD5,
	DIGEST_SHA1,
	DIGEST_SHA224,
	DIGEST_SHA256,
	DIGEST_SHA384,
	DIGEST_SHA512,
	DIGEST_SHA3_224,
	DIGEST_SHA3_256,
	DIGEST_SHA3_384,
	DIGEST_SHA3_512,
	DIGEST_BLAKE2B,
	DIGEST_SM3,
	DIGEST_SHAKE128,
	DIGEST_SHAKE256,
	DIGEST_BLAKE3,
	DIGEST_NALGOS
};

enum {
	DIGEST_MAX_BYTES = 64,  /* longest output of a fixed-size digest */
};

/* Arrays, not pointers: nothing for the loader to relocate at start-up. */
struct digest_algo_info {
	char tag[9];       /* the BSD-style tag: "SHA256", "BLAKE2b" */
	unsigned bits;     /* default output length */
	char lib[12];      /* libcrypto's name, "" when written here */
};
extern const struct digest_algo_info digest_algos[DIGEST_NALGOS];

struct digest {
	enum digest_algo algo;
	size_t outlen;      /* bytes of output */
	uint64_t length;    /* bytes given so far */
	union {
		uint32_t crc;
		uint32_t sum;
		struct blake2b b2;
		struct blake3 b3;
	} u;
	void *ctx;          /* libcrypto's context, when it is used */
	const void *md;
};

/* Prepare D for ALGO with OUTLEN bytes of output (0: the algorithm's
   default). Returns -1 when a library it needs cannot be loaded. */
int digest_init(struct digest *d, enum digest_algo algo, size_t outlen);
void digest_update(struct digest *d, const void *p, size_t n);
/* Whether ALGO's digest of some input can be made from the digests of its
   pieces (digest_combine). Such digests may be updated in several threads
   at once, each on its own struct digest. */
bool digest_can_combine(enum digest_algo algo);
/* Make D the digest of its input followed by TAIL's (same algorithm, TAIL
   started after digest_init or digest_restart). */
void digest_combine(struct digest *d, const struct digest *tail);
/* Write D->outlen bytes to OUT. D then needs digest_restart(). */
void digest_final(struct digest *d, unsigned char *out);
/* Start over on new input with the same algorithm and length. */
void digest_restart(struct digest *d);
void digest_free(struct digest *d);
/* Why the last digest_init failed. */
const char *digest_error(void);

/* Lowercase hexadecimal of N bytes into DST (2N bytes and a NUL). */
void digest_hex(char *dst, const unsigned char *bin, size_t n);
/* Base64 (RFC 4648, with padding) of N bytes into DST (4*ceil(N/3) bytes
   and a NUL); returns its length. */
size_t digest_base64(char *dst, const unsigned char *bin, size_t n);

#endif
