/* blake2b.c: BLAKE2b as RFC 7693 specifies it. */
#include <string.h>

#include "blake2b.h"

static const uint64_t blake2b_iv[8] = {
	0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
	0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};

/* The message word order of each of the twelve rounds. */
static const unsigned char sigma[12][16] = {
	{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
	{14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
	{11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
	{7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
	{9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
	{2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
	{12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
	{13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
	{6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
	{10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
	{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
	{14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
};

static inline uint64_t rotr64(uint64_t x, int n)
{
	return (x >> n) | (x << (64 - n));
}

static inline uint64_t load64(const unsigned char *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t v;
	memcpy(&v, p, sizeof v);
	return v;
#else
	uint64_t v = 0;
	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
#endif
}

#define G(a, b, c, d, x, y)                    \
	do {                                   \
		a = a + b + (x);               \
		d = rotr64(d ^ a, 32);         \
		c = c + d;                     \
		b = rotr64(b ^ c, 24);         \
		a = a + b + (y);               \
		d = rotr64(d ^ a, 16);         \
		c = c + d;                     \
		b = rotr64(b ^ c, 63);         \
	} while (0)

static void compress(struct blake2b *s, const unsigned char *block, int last)
{
	uint64_t m[16], v[16];
	for (int i = 0; i < 16; i++)
		m[i] = load64(block + 8 * i);
	for (int i = 0; i < 8; i++) {
		v[i] = s->h[i];
		v[i + 8] = blake2b_iv[i];
	}
	v[12] ^= s->t[0];
	v[13] ^= s->t[1];
	if (last)
		v[14] = ~v[14];
#define ROUND(r)                                                               \
	do {                                                                   \
		G(v[0], v[4], v[8], v[12], m[sigma[r][0]], m[sigma[r][1]]);    \
		G(v[1], v[5], v[9], v[13], m[sigma[r][2]], m[sigma[r][3]]);    \
		G(v[2], v[6], v[10], v[14], m[sigma[r][4]], m[sigma[r][5]]);   \
		G(v[3], v[7], v[11], v[15], m[sigma[r][6]], m[sigma[r][7]]);   \
		G(v[0], v[5], v[10], v[15], m[sigma[r][8]], m[sigma[r][9]]);   \
		G(v[1], v[6], v[11], v[12], m[sigma[r][10]], m[sigma[r][11]]); \
		G(v[2], v[7], v[8], v[13], m[sigma[r][12]], m[sigma[r][13]]);  \
		G(v[3], v[4], v[9], v[14], m[sigma[r][14]], m[sigma[r][15]]);  \
	} while (0)
	ROUND(0);
	ROUND(1);
	ROUND(2);
	ROUND(3);
	ROUND(4);
	ROUND(5);
	ROUND(6);
	ROUND(7);
	ROUND(8);
	ROUND(9);
	ROUND(10);
	ROUND(11);
#undef ROUND
	for (int i = 0; i < 8; i++)
		s->h[i] ^= v[i] ^ v[i + 8];
}

static void add_count(struct blake2b *s, uint64_t n)
{
	s->t[0] += n;
	if (s->t[0] < n)
		s->t[1]++;
}

void blake2b_init(struct blake2b *s, size_t outlen)
{
	memset(s, 0, sizeof *s);
	memcpy(s->h, blake2b_iv, sizeof s->h);
	s->h[0] ^= 0x01010000u ^ (uint64_t)outlen;
	s->outlen = outlen;
}

void blake2b_update(struct blake2b *s, const void *data, size_t n)
{
	const unsigned char *p = data;
	if (n == 0)
		return;
	/* The last block is compressed by blake2b_final, flagged as last, so
	   a full buffer waits until more input comes. */
	if (s->buflen + n > 128) {
		size_t fill = 128 - s->buflen;
		memcpy(s->buf + s->buflen, p, fill);
		add_count(s, 128);
		compress(s, s->buf, 0);
		s->buflen = 0;
		p += fill;
		n -= fill;
		while (n > 128) {
			add_count(s, 128);
			compress(s, p, 0);
			p += 128;
			n -= 128;
		}
	}
	memcpy(s->buf + s->buflen, p, n);
	s->buflen += n;
}

void blake2b_final(struct blake2b *s, unsigned char *out)
{
	unsigned char full[64];
	add_count(s, s->buflen);
	memset(s->buf + s->buflen, 0, 128 - s->buflen);
	compress(s, s->buf, 1);
	for (int i = 0; i < 8; i++)
		for (int j = 0; j < 8; j++)
			full[8 * i + j] = (unsigned char)(s->h[i] >> (8 * j));
	memcpy(out, full, s->outlen);
}
