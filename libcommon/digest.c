/* digest.c: the digest table and its incremental interface. */
#include <stdbool.h>
#include <string.h>

#include "crc.h"
#include "digest.h"
#include "lib_z.h"

#if COREBOX_NO_LIBCRYPTO
/* Built without libcrypto (CMake found no headers for it): its digests
   fail at run time with this message, the others work. */
typedef void EVP_MD;
static struct {
	EVP_MD *(*EVP_MD_fetch)(void *, const char *, const char *);
	void *(*EVP_MD_CTX_new)(void);
	void (*EVP_MD_CTX_free)(void *);
	int (*EVP_DigestInit_ex)(void *, const void *, void *);
	int (*EVP_DigestUpdate)(void *, const void *, size_t);
	int (*EVP_DigestFinal_ex)(void *, unsigned char *, unsigned int *);
	int (*EVP_DigestFinalXOF)(void *, unsigned char *, size_t);
} libcrypto;

static bool libcrypto_load(void)
{
	return false;
}

static const char *libcrypto_error(void)
{
	return "this corebox was built without libcrypto";
}
#else
#include "lib_crypto.h"

static const char *libcrypto_error(void)
{
	return lazylib_error();
}
#endif

const struct digest_algo_info digest_algos[DIGEST_NALGOS] = {
	[DIGEST_BSD] = {"BSD", 16, ""},
	[DIGEST_SYSV] = {"SYSV", 16, ""},
	[DIGEST_CRC] = {"CRC", 32, ""},
	[DIGEST_CRC32B] = {"CRC32B", 32, ""},
	[DIGEST_MD5] = {"MD5", 128, "MD5"},
	[DIGEST_SHA1] = {"SHA1", 160, "SHA1"},
	[DIGEST_SHA224] = {"SHA224", 224, "SHA224"},
	[DIGEST_SHA256] = {"SHA256", 256, "SHA256"},
	[DIGEST_SHA384] = {"SHA384", 384, "SHA384"},
	[DIGEST_SHA512] = {"SHA512", 512, "SHA512"},
	[DIGEST_SHA3_224] = {"SHA3", 224, "SHA3-224"},
	[DIGEST_SHA3_256] = {"SHA3", 256, "SHA3-256"},
	[DIGEST_SHA3_384] = {"SHA3", 384, "SHA3-384"},
	[DIGEST_SHA3_512] = {"SHA3", 512, "SHA3-512"},
	[DIGEST_BLAKE2B] = {"BLAKE2b", 512, "BLAKE2B-512"},
	[DIGEST_SM3] = {"SM3", 256, "SM3"},
	[DIGEST_SHAKE128] = {"SHAKE128", 256, "SHAKE128"},
	[DIGEST_SHAKE256] = {"SHAKE256", 512, "SHAKE256"},
	[DIGEST_BLAKE3] = {"BLAKE3", 256, ""},
};

static const char *last_error = "";
static EVP_MD *fetched[DIGEST_NALGOS];

/* Whether ALGO at OUTLEN bytes goes through libcrypto. */
static bool uses_libcrypto(enum digest_algo algo, size_t outlen)
{
	if (!digest_algos[algo].lib[0])
		return false;
	if (algo == DIGEST_BLAKE2B)
		return outlen == 64 && libcrypto_load();
	return true;
}

static bool is_xof(enum digest_algo algo)
{
	return algo == DIGEST_SHAKE128 || algo == DIGEST_SHAKE256;
}

int digest_init(struct digest *d, enum digest_algo algo, size_t outlen)
{
	memset(d, 0, sizeof *d);
	d->algo = algo;
	d->outlen = outlen ? outlen : digest_algos[algo].bits / 8;
	if (uses_libcrypto(algo, d->outlen)) {
		if (!libcrypto_load()) {
			last_error = libcrypto_error();
			return -1;
		}
		if (!fetched[algo])
			fetched[algo] = libcrypto.EVP_MD_fetch(NULL, digest_algos[algo].lib, NULL);
		d->ctx = libcrypto.EVP_MD_CTX_new();
		if (!fetched[algo] || !d->ctx) {
			last_error = "libcrypto cannot compute this digest";
			digest_free(d);
			return -1;
		}
		d->md = fetched[algo];
	} else if (algo == DIGEST_CRC32B && !libz_load()) {
		last_error = lazylib_error();
		return -1;
	}
	if (algo == DIGEST_CRC)
		crc_cksum_update(0, NULL, 0); /* its first use picks the code path */
	digest_restart(d);
	return 0;
}

void digest_restart(struct digest *d)
{
	d->length = 0;
	if (d->ctx) {
		libcrypto.EVP_DigestInit_ex(d->ctx, d->md, NULL);
		return;
	}
	switch (d->algo) {
	case DIGEST_BLAKE2B:
		blake2b_init(&d->u.b2, d->outlen);
		break;
	case DIGEST_BLAKE3:
		blake3_init(&d->u.b3);
		break;
	default:
		d->u.crc = 0;
		break;
	}
}

/* The BSD sum: a 16-bit checksum rotated right before each byte. */
static uint32_t bsd_update(uint32_t sum, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		sum = (sum >> 1) | ((sum & 1) << 15);
		sum = (sum + p[i]) & 0xffff;
	}
	return sum;
}

/* The System V sum: the bytes added modulo 2^32. */
static uint32_t sysv_update(uint32_t sum, const unsigned char *p, size_t n)
{
	uint32_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
	size_t i = 0;
	for (; i + 4 <= n; i += 4) {
		s0 += p[i];
		s1 += p[i + 1];
		s2 += p[i + 2];
		s3 += p[i + 3];
	}
	for (; i < n; i++)
		s0 += p[i];
	return sum + s0 + s1 + s2 + s3;
}

void digest_update(struct digest *d, const void *p, size_t n)
{
	d->length += n;
	if (d->ctx) {
		libcrypto.EVP_DigestUpdate(d->ctx, p, n);
		return;
	}
	switch (d->algo) {
	case DIGEST_BSD:
		d->u.sum = bsd_update(d->u.sum, p, n);
		break;
	case DIGEST_SYSV:
		d->u.sum = sysv_update(d->u.sum, p, n);
		break;
	case DIGEST_CRC:
		d->u.crc = crc_cksum_update(d->u.crc, p, n);
		break;
	case DIGEST_CRC32B:
		d->u.crc = (uint32_t)libz.crc32_z(d->u.crc, p, n);
		break;
	case DIGEST_BLAKE2B:
		blake2b_update(&d->u.b2, p, n);
		break;
	case DIGEST_BLAKE3:
		blake3_update(&d->u.b3, p, n);
		break;
	default:
		break;
	}
}

bool digest_can_combine(enum digest_algo algo)
{
	return algo == DIGEST_CRC;
}

void digest_combine(struct digest *d, const struct digest *tail)
{
	if (d->algo == DIGEST_CRC)
		d->u.crc = crc_cksum_combine(d->u.crc, tail->u.crc, tail->length);
	d->length += tail->length;
}

static void put_be(unsigned char *out, uint32_t v, int bytes)
{
	for (int i = bytes - 1; i >= 0; i--, v >>= 8)
		out[i] = (unsigned char)v;
}

void digest_final(struct digest *d, unsigned char *out)
{
	if (d->ctx) {
		unsigned int len;
		if (is_xof(d->algo))
			libcrypto.EVP_DigestFinalXOF(d->ctx, out, d->outlen);
		else
			libcrypto.EVP_DigestFinal_ex(d->ctx, out, &len);
		return;
	}
	switch (d->algo) {
	case DIGEST_BSD:
		put_be(out, d->u.sum, 2);
		break;
	case DIGEST_SYSV: {
		uint32_t s = d->u.sum;
		uint32_t r = (s & 0xffff) + (s >> 16);
		put_be(out, (r & 0xffff) + (r >> 16), 2);
		break;
	}
	case DIGEST_CRC:
		put_be(out, crc_cksum_final(d->u.crc, d->length), 4);
		break;
	case DIGEST_CRC32B:
		put_be(out, d->u.crc, 4);
		break;
	case DIGEST_BLAKE2B:
		blake2b_final(&d->u.b2, out);
		break;
	case DIGEST_BLAKE3:
		blake3_final(&d->u.b3, out, d->outlen);
		break;
	default:
		break;
	}
}

void digest_free(struct digest *d)
{
	if (d->ctx)
		libcrypto.EVP_MD_CTX_free(d->ctx);
	d->ctx = NULL;
}

const char *digest_error(void)
{
	return last_error;
}

void digest_hex(char *dst, const unsigned char *bin, size_t n)
{
	static const char xd[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		*dst++ = xd[bin[i] >> 4];
		*dst++ = xd[bin[i] & 15];
	}
	*dst = '\0';
}

size_t digest_base64(char *dst, const unsigned char *bin, size_t n)
{
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char *start = dst;
	size_t i = 0;
	for (; i + 3 <= n; i += 3) {
		uint32_t v = (uint32_t)bin[i] << 16 | (uint32_t)bin[i + 1] << 8 | bin[i + 2];
		*dst++ = b64[v >> 18];
		*dst++ = b64[(v >> 12) & 63];
		*dst++ = b64[(v >> 6) & 63];
		*dst++ = b64[v & 63];
	}
	if (i < n) {
		uint32_t v = (uint32_t)bin[i] << 16 | (i + 1 < n ? (uint32_t)bin[i + 1] << 8 : 0);
		*dst++ = b64[v >> 18];
		*dst++ = b64[(v >> 12) & 63];
		*dst++ = i + 1 < n ? b64[(v >> 6) & 63] : '=';
		*dst++ = '=';
	}
	*dst = '\0';
	return (size_t)(dst - start);
}
