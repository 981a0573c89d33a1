/*
 * blake3.c: BLAKE3 from its specification.
 *
 * The compression function takes a 256-bit chaining value, a 64-byte
 * block, a 64-bit counter, the block's length and flags. A chunk (1 KiB,
 * sixteen blocks) is compressed block by block from the key; chunks'
 * chaining values are merged pairwise into parents up to the root, whose
 * compression, repeated with an output counter, gives output of any
 * length. Subtrees are merged as soon as they are complete (a stack of
 * chaining values), but never the last chunk, which may be the root.
 */
#include <stdbool.h>
#include <string.h>

#include "blake3.h"
#include "cpufeat.h"

enum {
	CHUNK_LEN = 1024,
	CHUNK_START = 1 << 0,
	CHUNK_END = 1 << 1,
	PARENT = 1 << 2,
	ROOT = 1 << 3,
};

static const uint32_t blake3_iv[8] = {
	0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A,
	0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19,
};

/* The message word used at each position of each of the seven rounds:
   the identity, then the specification's permutation applied again and
   again. */
static const unsigned char schedule[7][16] = {
	{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
	{2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8},
	{3, 4, 10, 12, 13, 2, 7, 14, 6, 5, 9, 0, 11, 15, 8, 1},
	{10, 7, 12, 9, 14, 3, 13, 15, 4, 0, 11, 2, 5, 8, 1, 6},
	{12, 13, 9, 11, 15, 10, 14, 8, 7, 2, 5, 3, 0, 1, 6, 4},
	{9, 14, 11, 5, 8, 12, 15, 1, 13, 3, 0, 10, 2, 6, 4, 7},
	{11, 15, 5, 0, 1, 9, 8, 6, 14, 10, 2, 12, 3, 4, 7, 13},
};

static inline uint32_t rotr32(uint32_t x, int n)
{
	return (x >> n) | (x << (32 - n));
}

static inline uint32_t load32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline void store32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
}

#define G(a, b, c, d, x, y)                    \
	do {                                   \
		a = a + b + (x);               \
		d = rotr32(d ^ a, 16);         \
		c = c + d;                     \
		b = rotr32(b ^ c, 12);         \
		a = a + b + (y);               \
		d = rotr32(d ^ a, 8);          \
		c = c + d;                     \
		b = rotr32(b ^ c, 7);          \
	} while (0)

/* The full sixteen-word state after compressing BLOCK into CV. */
static void compress(const uint32_t cv[8], const unsigned char block[64], unsigned len,
                     uint64_t counter, unsigned flags, uint32_t v[16])
{
	uint32_t m[16];
	for (int i = 0; i < 16; i++)
		m[i] = load32(block + 4 * i);
	memcpy(v, cv, 8 * sizeof *v);
	v[8] = blake3_iv[0];
	v[9] = blake3_iv[1];
	v[10] = blake3_iv[2];
	v[11] = blake3_iv[3];
	v[12] = (uint32_t)counter;
	v[13] = (uint32_t)(counter >> 32);
	v[14] = len;
	v[15] = flags;
	for (int r = 0; r < 7; r++) {
		const unsigned char *s = schedule[r];
		G(v[0], v[4], v[8], v[12], m[s[0]], m[s[1]]);
		G(v[1], v[5], v[9], v[13], m[s[2]], m[s[3]]);
		G(v[2], v[6], v[10], v[14], m[s[4]], m[s[5]]);
		G(v[3], v[7], v[11], v[15], m[s[6]], m[s[7]]);
		G(v[0], v[5], v[10], v[15], m[s[8]], m[s[9]]);
		G(v[1], v[6], v[11], v[12], m[s[10]], m[s[11]]);
		G(v[2], v[7], v[8], v[13], m[s[12]], m[s[13]]);
		G(v[3], v[4], v[9], v[14], m[s[14]], m[s[15]]);
	}
	for (int i = 0; i < 8; i++) {
		v[i] ^= v[i + 8];
		v[i + 8] ^= cv[i];
	}
}

/* Compress BLOCK into CV in place (a chaining value, not output). */
static void compress_cv(uint32_t cv[8], const unsigned char block[64], unsigned len,
                        uint64_t counter, unsigned flags)
{
	uint32_t v[16];
	compress(cv, block, len, counter, flags, v);
	memcpy(cv, v, 8 * sizeof *v);
}

/* The chaining value of the whole chunk at IN (1024 bytes, not the root). */
static void hash_chunk(const uint32_t key[8], const unsigned char *in, uint64_t counter, uint32_t out[8])
{
	memcpy(out, key, 8 * sizeof *out);
	for (int b = 0; b < 16; b++)
		compress_cv(out, in + 64 * b, 64, counter,
		            (b == 0 ? CHUNK_START : 0) | (b == 15 ? CHUNK_END : 0));
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

#define AVX2_TARGET __attribute__((target("avx2")))

AVX2_TARGET static inline __m256i add(__m256i a, __m256i b)
{
	return _mm256_add_epi32(a, b);
}

AVX2_TARGET static inline __m256i rot16(__m256i x)
{
	const __m256i r = _mm256_set_epi8(13, 12, 15, 14, 9, 8, 11, 10, 5, 4, 7, 6, 1, 0, 3, 2,
	                                  13, 12, 15, 14, 9, 8, 11, 10, 5, 4, 7, 6, 1, 0, 3, 2);
	return _mm256_shuffle_epi8(x, r);
}

AVX2_TARGET static inline __m256i rot8(__m256i x)
{
	const __m256i r = _mm256_set_epi8(12, 15, 14, 13, 8, 11, 10, 9, 4, 7, 6, 5, 0, 3, 2, 1,
	                                  12, 15, 14, 13, 8, 11, 10, 9, 4, 7, 6, 5, 0, 3, 2, 1);
	return _mm256_shuffle_epi8(x, r);
}

AVX2_TARGET static inline __m256i rot12(__m256i x)
{
	return _mm256_or_si256(_mm256_srli_epi32(x, 12), _mm256_slli_epi32(x, 20));
}

AVX2_TARGET static inline __m256i rot7(__m256i x)
{
	return _mm256_or_si256(_mm256_srli_epi32(x, 7), _mm256_slli_epi32(x, 25));
}

#define G8(a, b, c, d, x, y)                                   \
	do {                                                   \
		a = add(add(a, b), x);                         \
		d = rot16(_mm256_xor_si256(d, a));             \
		c = add(c, d);                                 \
		b = rot12(_mm256_xor_si256(b, c));             \
		a = add(add(a, b), y);                         \
		d = rot8(_mm256_xor_si256(d, a));              \
		c = add(c, d);                                 \
		b = rot7(_mm256_xor_si256(b, c));              \
	} while (0)

/* Transpose eight rows of eight 32-bit words in place. */
AVX2_TARGET static inline void transpose8(__m256i r[8])
{
	__m256i t0 = _mm256_unpacklo_epi32(r[0], r[1]), t1 = _mm256_unpackhi_epi32(r[0], r[1]);
	__m256i t2 = _mm256_unpacklo_epi32(r[2], r[3]), t3 = _mm256_unpackhi_epi32(r[2], r[3]);
	__m256i t4 = _mm256_unpacklo_epi32(r[4], r[5]), t5 = _mm256_unpackhi_epi32(r[4], r[5]);
	__m256i t6 = _mm256_unpacklo_epi32(r[6], r[7]), t7 = _mm256_unpackhi_epi32(r[6], r[7]);
	__m256i u0 = _mm256_unpacklo_epi64(t0, t2), u1 = _mm256_unpackhi_epi64(t0, t2);
	__m256i u2 = _mm256_unpacklo_epi64(t1, t3), u3 = _mm256_unpackhi_epi64(t1, t3);
	__m256i u4 = _mm256_unpacklo_epi64(t4, t6), u5 = _mm256_unpackhi_epi64(t4, t6);
	__m256i u6 = _mm256_unpacklo_epi64(t5, t7), u7 = _mm256_unpackhi_epi64(t5, t7);
	r[0] = _mm256_permute2x128_si256(u0, u4, 0x20);
	r[4] = _mm256_permute2x128_si256(u0, u4, 0x31);
	r[1] = _mm256_permute2x128_si256(u1, u5, 0x20);
	r[5] = _mm256_permute2x128_si256(u1, u5, 0x31);
	r[2] = _mm256_permute2x128_si256(u2, u6, 0x20);
	r[6] = _mm256_permute2x128_si256(u2, u6, 0x31);
	r[3] = _mm256_permute2x128_si256(u3, u7, 0x20);
	r[7] = _mm256_permute2x128_si256(u3, u7, 0x31);
}

/* The chaining values of the eight consecutive whole chunks at IN, the
   first with counter COUNTER, into OUT (eight times eight words). */
AVX2_TARGET static void hash8_chunks(const uint32_t key[8], const unsigned char *in, uint64_t counter,
                                     uint32_t out[8][8])
{
	__m256i h[8], m[16], v[16];
	uint32_t lo[8], hi[8];
	for (int i = 0; i < 8; i++) {
		h[i] = _mm256_set1_epi32((int)key[i]);
		lo[i] = (uint32_t)(counter + i);
		hi[i] = (uint32_t)((counter + i) >> 32);
	}
	const __m256i clo = _mm256_loadu_si256((const __m256i *)lo);
	const __m256i chi = _mm256_loadu_si256((const __m256i *)hi);
	for (int b = 0; b < 16; b++) {
		for (int l = 0; l < 8; l++) {
			m[l] = _mm256_loadu_si256((const __m256i *)(in + l * CHUNK_LEN + 64 * b));
			m[l + 8] = _mm256_loadu_si256((const __m256i *)(in + l * CHUNK_LEN + 64 * b + 32));
		}
		transpose8(m);
		transpose8(m + 8);
		unsigned flags = (b == 0 ? CHUNK_START : 0) | (b == 15 ? CHUNK_END : 0);
		for (int i = 0; i < 8; i++)
			v[i] = h[i];
		v[8] = _mm256_set1_epi32((int)blake3_iv[0]);
		v[9] = _mm256_set1_epi32((int)blake3_iv[1]);
		v[10] = _mm256_set1_epi32((int)blake3_iv[2]);
		v[11] = _mm256_set1_epi32((int)blake3_iv[3]);
		v[12] = clo;
		v[13] = chi;
		v[14] = _mm256_set1_epi32(64);
		v[15] = _mm256_set1_epi32((int)flags);
		for (int r = 0; r < 7; r++) {
			const unsigned char *s = schedule[r];
			G8(v[0], v[4], v[8], v[12], m[s[0]], m[s[1]]);
			G8(v[1], v[5], v[9], v[13], m[s[2]], m[s[3]]);
			G8(v[2], v[6], v[10], v[14], m[s[4]], m[s[5]]);
			G8(v[3], v[7], v[11], v[15], m[s[6]], m[s[7]]);
			G8(v[0], v[5], v[10], v[15], m[s[8]], m[s[9]]);
			G8(v[1], v[6], v[11], v[12], m[s[10]], m[s[11]]);
			G8(v[2], v[7], v[8], v[13], m[s[12]], m[s[13]]);
			G8(v[3], v[4], v[9], v[14], m[s[14]], m[s[15]]);
		}
		for (int i = 0; i < 8; i++)
			h[i] = _mm256_xor_si256(v[i], v[i + 8]);
	}
	transpose8(h);
	for (int l = 0; l < 8; l++)
		_mm256_storeu_si256((__m256i *)out[l], h[l]);
}
#endif

static int simd_wanted = 1, simd_lanes = -1;

static int lanes(void)
{
	if (simd_lanes < 0) {
		simd_lanes = 1;
#if defined(__x86_64__) && defined(__GNUC__)
		if (simd_wanted && cpu_has(CPU_AVX2))
			simd_lanes = 8;
#endif
	}
	return simd_lanes;
}

void blake3_use_simd(int on)
{
	simd_wanted = on;
	simd_lanes = -1;
}

const char *blake3_impl(void)
{
	return lanes() == 8 ? "avx2" : "portable";
}

void blake3_init(struct blake3 *s)
{
	memset(s, 0, sizeof *s);
	memcpy(s->key, blake3_iv, sizeof s->key);
	memcpy(s->cv, blake3_iv, sizeof s->cv);
}

static void parent_cv(const uint32_t key[8], const uint32_t left[8], const uint32_t right[8], uint32_t out[8])
{
	unsigned char block[64];
	for (int i = 0; i < 8; i++) {
		store32(block + 4 * i, left[i]);
		store32(block + 32 + 4 * i, right[i]);
	}
	memcpy(out, key, 8 * sizeof *out);
	compress_cv(out, block, 64, 0, PARENT);
}

/* Add the chaining value of a finished chunk; TOTAL counts the chunks
   finished with it. Each trailing zero bit of TOTAL closes a subtree. */
static void push_cv(struct blake3 *s, const uint32_t cv[8], uint64_t total)
{
	uint32_t c[8];
	memcpy(c, cv, sizeof c);
	while ((total & 1) == 0) {
		parent_cv(s->key, s->stack[--s->stack_len], c, c);
		total >>= 1;
	}
	memcpy(s->stack[s->stack_len++], c, sizeof c);
}

static unsigned chunk_len(const struct blake3 *s)
{
	return s->blocks_done * 64 + s->buf_len;
}

void blake3_update(struct blake3 *s, const void *data, size_t n)
{
	const unsigned char *p = data;
	while (n) {
		if (chunk_len(s) == CHUNK_LEN) {
			/* More input follows, so the full chunk is no root. */
			compress_cv(s->cv, s->buf, 64, s->chunk_counter, CHUNK_END);
			push_cv(s, s->cv, s->chunk_counter + 1);
			s->chunk_counter++;
			memcpy(s->cv, s->key, sizeof s->cv);
			s->buf_len = s->blocks_done = 0;
		}
		if (chunk_len(s) == 0 && n > CHUNK_LEN) {
			uint32_t cvs[8][8];
			size_t k = (n - 1) / CHUNK_LEN;
#if defined(__x86_64__) && defined(__GNUC__)
			if (lanes() == 8 && k >= 8) {
				hash8_chunks(s->key, p, s->chunk_counter, cvs);
				k = 8;
			} else
#endif
			{
				hash_chunk(s->key, p, s->chunk_counter, cvs[0]);
				k = 1;
			}
			for (size_t i = 0; i < k; i++) {
				s->chunk_counter++;
				push_cv(s, cvs[i], s->chunk_counter);
			}
			p += k * CHUNK_LEN;
			n -= k * CHUNK_LEN;
			continue;
		}
		if (s->buf_len == 64) {
			compress_cv(s->cv, s->buf, 64, s->chunk_counter, s->blocks_done == 0 ? CHUNK_START : 0);
			s->blocks_done++;
			s->buf_len = 0;
		}
		size_t take = 64 - s->buf_len;
		if (take > n)
			take = n;
		memcpy(s->buf + s->buf_len, p, take);
		s->buf_len += (unsigned)take;
		p += take;
		n -= take;
	}
}

void blake3_final(const struct blake3 *s, unsigned char *out, size_t outlen)
{
	/* The root node: the last chunk's last block, or the parent of the
	   stacked subtrees and that chunk. */
	uint32_t cv[8];
	unsigned char block[64];
	unsigned len = s->buf_len;
	unsigned flags = (s->blocks_done == 0 ? CHUNK_START : 0) | CHUNK_END;
	uint64_t counter = s->chunk_counter;
	memcpy(cv, s->cv, sizeof cv);
	memset(block, 0, sizeof block);
	memcpy(block, s->buf, s->buf_len);
	for (unsigned i = s->stack_len; i-- > 0;) {
		uint32_t right[8];
		memcpy(right, cv, sizeof right);
		compress_cv(right, block, len, counter, flags);
		for (int j = 0; j < 8; j++) {
			store32(block + 4 * j, s->stack[i][j]);
			store32(block + 32 + 4 * j, right[j]);
		}
		memcpy(cv, s->key, sizeof cv);
		len = 64;
		flags = PARENT;
		counter = 0;
	}
	for (uint64_t ob = 0; outlen; ob++) {
		uint32_t v[16];
		unsigned char bytes[64];
		compress(cv, block, len, ob, flags | ROOT, v);
		for (int i = 0; i < 16; i++)
			store32(bytes + 4 * i, v[i]);
		size_t take = outlen < 64 ? outlen : 64;
		memcpy(out, bytes, take);
		out += take;
		outlen -= take;
	}
}
