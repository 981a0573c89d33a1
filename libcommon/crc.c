/*
 * crc.c: POSIX cksum's CRC.
 *
 * The portable path is table-driven, sixteen bytes per step. The fast
 * paths fold the input with carry-less multiplication: a 128-bit block
 * X = H*x^64 + L standing D bits before the end of what has been read so
 * far is congruent (mod P) to H*(x^(D+64) mod P) + L*(x^D mod P) moved
 * there, so many blocks can be folded in parallel lanes and combined at
 * the end into one 128-bit value whose CRC is the CRC of everything
 * folded. The incoming CRC enters by XOR into the first four bytes.
 */
#include <stdbool.h>
#include <string.h>

#include "cpufeat.h"
#include "crc.h"

#define CRC_POLY 0x04C11DB7u

static uint32_t crc_tab[16][256];
static bool tab_ready;

static void make_tables(void)
{
	for (unsigned b = 0; b < 256; b++) {
		uint32_t c = (uint32_t)b << 24;
		for (int i = 0; i < 8; i++)
			c = (c & 0x80000000u) ? (c << 1) ^ CRC_POLY : c << 1;
		crc_tab[0][b] = c;
	}
	for (int k = 1; k < 16; k++)
		for (unsigned b = 0; b < 256; b++) {
			uint32_t c = crc_tab[k - 1][b];
			crc_tab[k][b] = (c << 8) ^ crc_tab[0][c >> 24];
		}
	tab_ready = true;
}

static inline uint32_t load_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The CRC after the four big-endian words W0..W3 (W0 already holding the
   incoming CRC by XOR). */
static inline uint32_t crc_words16(uint32_t w0, uint32_t w1, uint32_t w2, uint32_t w3)
{
	return crc_tab[15][w0 >> 24] ^ crc_tab[14][(w0 >> 16) & 255] ^
	       crc_tab[13][(w0 >> 8) & 255] ^ crc_tab[12][w0 & 255] ^
	       crc_tab[11][w1 >> 24] ^ crc_tab[10][(w1 >> 16) & 255] ^
	       crc_tab[9][(w1 >> 8) & 255] ^ crc_tab[8][w1 & 255] ^
	       crc_tab[7][w2 >> 24] ^ crc_tab[6][(w2 >> 16) & 255] ^
	       crc_tab[5][(w2 >> 8) & 255] ^ crc_tab[4][w2 & 255] ^
	       crc_tab[3][w3 >> 24] ^ crc_tab[2][(w3 >> 16) & 255] ^
	       crc_tab[1][(w3 >> 8) & 255] ^ crc_tab[0][w3 & 255];
}

static uint32_t crc_bytes(uint32_t crc, const unsigned char *p, size_t n)
{
	while (n >= 16) {
		crc = crc_words16(load_be32(p) ^ crc, load_be32(p + 4), load_be32(p + 8), load_be32(p + 12));
		p += 16;
		n -= 16;
	}
	if (n >= 8) {
		uint32_t w0 = load_be32(p) ^ crc, w1 = load_be32(p + 4);
		crc = crc_tab[7][w0 >> 24] ^ crc_tab[6][(w0 >> 16) & 255] ^
		      crc_tab[5][(w0 >> 8) & 255] ^ crc_tab[4][w0 & 255] ^
		      crc_tab[3][w1 >> 24] ^ crc_tab[2][(w1 >> 16) & 255] ^
		      crc_tab[1][(w1 >> 8) & 255] ^ crc_tab[0][w1 & 255];
		p += 8;
		n -= 8;
	}
	while (n--)
		crc = (crc << 8) ^ crc_tab[0][(crc >> 24) ^ *p++];
	return crc;
}

/* The CRC (from 0) of the 128-bit value H*x^64 + L written big-endian. */
static inline uint32_t crc_of_128(uint64_t h, uint64_t l)
{
	return crc_words16((uint32_t)(h >> 32), (uint32_t)h, (uint32_t)(l >> 32), (uint32_t)l);
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

/* x^N mod P. */
static uint32_t xpow_mod(unsigned n)
{
	uint32_t r = 1;
	while (n--)
		r = (r & 0x80000000u) ? (r << 1) ^ CRC_POLY : r << 1;
	return r;
}

/* Folding constants for distances of 128, 512, 1024 and 2048 bits: the
   low half multiplies L, the high half H. */
static uint64_t k128[2], k512[2], k1024[2], k2048[2];

static void make_fold_constants(void)
{
	static const unsigned dist[4] = {128, 512, 1024, 2048};
	uint64_t *k[4] = {k128, k512, k1024, k2048};
	for (int i = 0; i < 4; i++) {
		k[i][0] = xpow_mod(dist[i]);
		k[i][1] = xpow_mod(dist[i] + 64);
	}
}

#define XMM_TARGET __attribute__((target("pclmul,avx,ssse3,sse4.1")))

XMM_TARGET static inline __m128i fold_xmm(__m128i x, __m128i k)
{
	return _mm_xor_si128(_mm_clmulepi64_si128(x, k, 0x00), _mm_clmulepi64_si128(x, k, 0x11));
}

XMM_TARGET static inline __m128i load_xmm(const unsigned char *p, __m128i swap)
{
	return _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)p), swap);
}

/* Fold the N16 remaining 16-byte blocks at P into X, then return the CRC
   of X followed by the TAIL bytes after them. */
XMM_TARGET static uint32_t finish_xmm(__m128i x, const unsigned char *p, size_t n16, size_t tail)
{
	const __m128i swap = _mm_set_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
	const __m128i k = _mm_loadu_si128((const __m128i *)k128);
	for (; n16; n16--, p += 16)
		x = _mm_xor_si128(fold_xmm(x, k), load_xmm(p, swap));
	uint32_t crc = crc_of_128((uint64_t)_mm_extract_epi64(x, 1), (uint64_t)_mm_extract_epi64(x, 0));
	return crc_bytes(crc, p, tail);
}

/* Eight 128-bit lanes, 128 bytes a step. N >= 128. */
XMM_TARGET static uint32_t crc_pclmul(uint32_t crc, const unsigned char *p, size_t n)
{
	const __m128i swap = _mm_set_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
	const __m128i k = _mm_loadu_si128((const __m128i *)k1024);
	const __m128i k1 = _mm_loadu_si128((const __m128i *)k128);
	__m128i x[8];
	for (int i = 0; i < 8; i++)
		x[i] = load_xmm(p + 16 * i, swap);
	x[0] = _mm_xor_si128(x[0], _mm_set_epi64x((long long)((uint64_t)crc << 32), 0));
	p += 128;
	n -= 128;
	while (n >= 128) {
		for (int i = 0; i < 8; i++)
			x[i] = _mm_xor_si128(fold_xmm(x[i], k), load_xmm(p + 16 * i, swap));
		p += 128;
		n -= 128;
	}
	__m128i acc = x[0];
	for (int i = 1; i < 8; i++)
		acc = _mm_xor_si128(fold_xmm(acc, k1), x[i]);
	return finish_xmm(acc, p, n / 16, n % 16);
}

#define YMM_TARGET __attribute__((target("pclmul,vpclmulqdq,avx2,sse4.1")))

YMM_TARGET static inline __m256i fold_ymm(__m256i x, __m256i k)
{
	return _mm256_xor_si256(_mm256_clmulepi64_epi128(x, k, 0x00), _mm256_clmulepi64_epi128(x, k, 0x11));
}

/* Four 256-bit registers of two lanes, 128 bytes a step. N >= 128. */
YMM_TARGET static uint32_t crc_avx2(uint32_t crc, const unsigned char *p, size_t n)
{
	const __m256i swap = _mm256_set_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
	                                     0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
	const __m256i k = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)k1024));
	__m256i y[4];
	for (int i = 0; i < 4; i++)
		y[i] = _mm256_shuffle_epi8(_mm256_loadu_si256((const __m256i *)(p + 32 * i)), swap);
	y[0] = _mm256_xor_si256(y[0], _mm256_set_epi64x(0, 0, (long long)((uint64_t)crc << 32), 0));
	p += 128;
	n -= 128;
	while (n >= 128) {
		for (int i = 0; i < 4; i++)
			y[i] = _mm256_xor_si256(fold_ymm(y[i], k),
			                        _mm256_shuffle_epi8(_mm256_loadu_si256((const __m256i *)(p + 32 * i)), swap));
		p += 128;
		n -= 128;
	}
	const __m128i k1 = _mm_loadu_si128((const __m128i *)k128);
	__m128i acc = _mm256_castsi256_si128(y[0]);
	for (int i = 0; i < 4; i++) {
		if (i)
			acc = _mm_xor_si128(fold_xmm(acc, k1), _mm256_castsi256_si128(y[i]));
		acc = _mm_xor_si128(fold_xmm(acc, k1), _mm256_extracti128_si256(y[i], 1));
	}
	return finish_xmm(acc, p, n / 16, n % 16);
}

#define ZMM_TARGET __attribute__((target("pclmul,vpclmulqdq,avx512f,avx512bw,sse4.1")))

ZMM_TARGET static inline __m512i fold_zmm(__m512i x, __m512i k)
{
	return _mm512_xor_si512(_mm512_clmulepi64_epi128(x, k, 0x00), _mm512_clmulepi64_epi128(x, k, 0x11));
}

ZMM_TARGET static inline __m512i load_zmm(const unsigned char *p, __m512i swap)
{
	return _mm512_shuffle_epi8(_mm512_loadu_si512((const void *)p), swap);
}

/* Four 512-bit registers of four lanes, 256 bytes a step. N >= 256. */
ZMM_TARGET static uint32_t crc_avx512(uint32_t crc, const unsigned char *p, size_t n)
{
	const __m512i swap = _mm512_broadcast_i32x4(
		_mm_set_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));
	const __m512i k = _mm512_broadcast_i32x4(_mm_loadu_si128((const __m128i *)k2048));
	const __m512i k4 = _mm512_broadcast_i32x4(_mm_loadu_si128((const __m128i *)k512));
	__m512i z0 = load_zmm(p, swap), z1 = load_zmm(p + 64, swap);
	__m512i z2 = load_zmm(p + 128, swap), z3 = load_zmm(p + 192, swap);
	z0 = _mm512_xor_si512(z0, _mm512_set_epi64(0, 0, 0, 0, 0, 0, (long long)((uint64_t)crc << 32), 0));
	p += 256;
	n -= 256;
	while (n >= 256) {
		z0 = _mm512_ternarylogic_epi64(_mm512_clmulepi64_epi128(z0, k, 0x00),
		                               _mm512_clmulepi64_epi128(z0, k, 0x11), load_zmm(p, swap), 0x96);
		z1 = _mm512_ternarylogic_epi64(_mm512_clmulepi64_epi128(z1, k, 0x00),
		                               _mm512_clmulepi64_epi128(z1, k, 0x11), load_zmm(p + 64, swap), 0x96);
		z2 = _mm512_ternarylogic_epi64(_mm512_clmulepi64_epi128(z2, k, 0x00),
		                               _mm512_clmulepi64_epi128(z2, k, 0x11), load_zmm(p + 128, swap), 0x96);
		z3 = _mm512_ternarylogic_epi64(_mm512_clmulepi64_epi128(z3, k, 0x00),
		                               _mm512_clmulepi64_epi128(z3, k, 0x11), load_zmm(p + 192, swap), 0x96);
		p += 256;
		n -= 256;
	}
	__m512i z = _mm512_xor_si512(fold_zmm(z0, k4), z1);
	z = _mm512_xor_si512(fold_zmm(z, k4), z2);
	z = _mm512_xor_si512(fold_zmm(z, k4), z3);
	while (n >= 64) {
		z = _mm512_xor_si512(fold_zmm(z, k4), load_zmm(p, swap));
		p += 64;
		n -= 64;
	}
	const __m128i k1 = _mm_loadu_si128((const __m128i *)k128);
	__m128i acc = _mm512_extracti32x4_epi32(z, 0);
	acc = _mm_xor_si128(fold_xmm(acc, k1), _mm512_extracti32x4_epi32(z, 1));
	acc = _mm_xor_si128(fold_xmm(acc, k1), _mm512_extracti32x4_epi32(z, 2));
	acc = _mm_xor_si128(fold_xmm(acc, k1), _mm512_extracti32x4_epi32(z, 3));
	return finish_xmm(acc, p, n / 16, n % 16);
}
#endif

enum crc_path { PATH_UNSET, PATH_TABLE, PATH_PCLMUL, PATH_AVX2, PATH_AVX512 };
static enum crc_path path;
static int force_portable;

static bool have_avx512(void)
{
	return cpu_has(CPU_AVX512F) && cpu_has(CPU_AVX512BW) && cpu_has(CPU_VPCLMULQDQ) && cpu_has(CPU_PCLMUL);
}

static bool have_avx2(void)
{
	return cpu_has(CPU_AVX2) && cpu_has(CPU_VPCLMULQDQ) && cpu_has(CPU_PCLMUL);
}

static bool have_pclmul(void)
{
	return cpu_has(CPU_AVX) && cpu_has(CPU_PCLMUL) && cpu_has(CPU_SSE41);
}

static void choose_path(void)
{
	if (!tab_ready)
		make_tables();
	path = PATH_TABLE;
#if defined(__x86_64__) && defined(__GNUC__)
	if (force_portable)
		return;
	if (have_avx512())
		path = PATH_AVX512;
	else if (have_avx2())
		path = PATH_AVX2;
	else if (have_pclmul())
		path = PATH_PCLMUL;
	if (path != PATH_TABLE)
		make_fold_constants();
#endif
}

void crc_cksum_force_portable(int on)
{
	force_portable = on;
	path = PATH_UNSET;
}

void crc_cksum_describe(void (*say)(const char *msg))
{
	if (path == PATH_UNSET)
		choose_path();
#if defined(__x86_64__) && defined(__GNUC__)
	if (force_portable)
		return;
	if (have_avx512()) {
		say("using avx512 hardware support");
		return;
	}
	say("avx512 support not detected");
	if (have_avx2()) {
		say("using avx2 hardware support");
		return;
	}
	say("avx2 support not detected");
	say(have_pclmul() ? "using pclmul hardware support" : "pclmul support not detected");
#else
	(void)say;
#endif
}

uint32_t crc_cksum_update(uint32_t crc, const void *buf, size_t n)
{
	const unsigned char *p = buf;
	if (path == PATH_UNSET)
		choose_path();
	switch (path) {
#if defined(__x86_64__) && defined(__GNUC__)
	case PATH_AVX512:
		if (n >= 256)
			return crc_avx512(crc, p, n);
		/* fall through */
	case PATH_AVX2:
		if (n >= 128 && path == PATH_AVX2)
			return crc_avx2(crc, p, n);
		/* fall through */
	case PATH_PCLMUL:
		if (n >= 128)
			return crc_pclmul(crc, p, n);
		break;
#endif
	default:
		break;
	}
	return crc_bytes(crc, p, n);
}

uint32_t crc_cksum_final(uint32_t crc, uint64_t length)
{
	if (!tab_ready)
		make_tables();
	for (; length; length >>= 8)
		crc = (crc << 8) ^ crc_tab[0][(crc >> 24) ^ (length & 255)];
	return ~crc;
}

/* A*B mod P, both of degree below 32. */
static uint32_t gf2_mulmod(uint32_t a, uint32_t b)
{
	uint32_t r = 0;
	for (int i = 31; i >= 0; i--) {
		r = (r & 0x80000000u) ? (r << 1) ^ CRC_POLY : r << 1;
		if (b >> i & 1)
			r ^= a;
	}
	return r;
}

uint32_t crc_cksum_combine(uint32_t a, uint32_t b, uint64_t b_length)
{
	/* Feeding B's bytes to a register holding A multiplies A by
	   x^(8*len) mod P and adds B's own CRC. */
	uint32_t shift = 1, sq = 0x100;
	for (; b_length; b_length >>= 1) {
		if (b_length & 1)
			shift = gf2_mulmod(shift, sq);
		sq = gf2_mulmod(sq, sq);
	}
	return gf2_mulmod(a, shift) ^ b;
}
