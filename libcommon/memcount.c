/* Byte counting, ASCII scanning and UTF-8 character counting, with
   portable word-at-a-time code, SSE2 and AVX2. */
#include "memcount.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "cpufeat.h"

#if defined(__x86_64__) || (defined(__i386__) && defined(__SSE2__))
#define HAVE_X86_VECTORS 1
#include <immintrin.h>
#endif

static const uint64_t ONES = 0x0101010101010101u;
static const uint64_t LOW7 = 0x7f7f7f7f7f7f7f7fu;
static const uint64_t HIGH = 0x8080808080808080u;

static uint64_t load64(const unsigned char *p)
{
	uint64_t x;
	memcpy(&x, p, sizeof x);
	return x;
}

static size_t count_bytes_slow(const unsigned char *p, size_t n, unsigned char c)
{
	size_t total = 0;
	for (size_t i = 0; i < n; i++)
		total += p[i] == c;
	return total;
}

static size_t count_generic(const unsigned char *p, size_t n, unsigned char c)
{
	uint64_t pat = ONES * c;
	size_t total = 0;
	for (; n >= 8; p += 8, n -= 8) {
		uint64_t x = load64(p) ^ pat;
		/* The high bit of each byte that was equal to C. */
		uint64_t hit = ~(((x & LOW7) + LOW7) | x | LOW7);
		total += (size_t)(((hit >> 7) * ONES) >> 56);
	}
	return total + count_bytes_slow(p, n, c);
}

#ifdef HAVE_X86_VECTORS
static size_t count_sse2(const unsigned char *p, size_t n, unsigned char c)
{
	const __m128i pat = _mm_set1_epi8((char)c), zero = _mm_setzero_si128();
	size_t total = 0;
	while (n >= 16) {
		/* Byte lanes count up to 255 hits before they are summed. */
		size_t blocks = n / 16 > 255 ? 255 : n / 16;
		__m128i acc = zero;
		for (size_t i = 0; i < blocks; i++, p += 16)
			acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)p), pat));
		n -= blocks * 16;
		__m128i s = _mm_sad_epu8(acc, zero);
		total += (size_t)_mm_cvtsi128_si32(s) + (size_t)_mm_extract_epi16(s, 4);
	}
	return total + count_generic(p, n, c);
}

__attribute__((target("avx2")))
static size_t count_avx2(const unsigned char *p, size_t n, unsigned char c)
{
	const __m256i pat = _mm256_set1_epi8((char)c), zero = _mm256_setzero_si256();
	size_t total = 0;
	while (n >= 64) {
		size_t blocks = n / 64 > 255 ? 255 : n / 64;
		__m256i a0 = zero, a1 = zero;
		for (size_t i = 0; i < blocks; i++, p += 64) {
			__m256i v0 = _mm256_loadu_si256((const __m256i *)p);
			__m256i v1 = _mm256_loadu_si256((const __m256i *)(p + 32));
			a0 = _mm256_sub_epi8(a0, _mm256_cmpeq_epi8(v0, pat));
			a1 = _mm256_sub_epi8(a1, _mm256_cmpeq_epi8(v1, pat));
		}
		n -= blocks * 64;
		__m256i s = _mm256_add_epi64(_mm256_sad_epu8(a0, zero), _mm256_sad_epu8(a1, zero));
		__m128i h = _mm_add_epi64(_mm256_castsi256_si128(s), _mm256_extracti128_si256(s, 1));
		total += (size_t)_mm_cvtsi128_si32(h) + (size_t)_mm_extract_epi16(h, 4);
	}
	return total + count_sse2(p, n, c);
}
#endif

static size_t (*count_impl)(const unsigned char *, size_t, unsigned char);
static const char *count_name;

static void count_pick(void)
{
	count_impl = count_generic;
	count_name = "";
#ifdef HAVE_X86_VECTORS
	count_impl = count_sse2;
	count_name = "sse2";
	if (cpu_has(CPU_AVX2)) {
		count_impl = count_avx2;
		count_name = "avx2";
	}
#endif
}

size_t mem_count(const void *p, size_t n, unsigned char c)
{
	if (!count_impl)
		count_pick();
	return count_impl(p, n, c);
}

const char *mem_count_accel(void)
{
	if (!count_impl)
		count_pick();
	return count_name;
}

size_t mem_ascii_prefix(const void *buf, size_t n)
{
	const unsigned char *p = buf;
	size_t i = 0;
#ifdef HAVE_X86_VECTORS
	for (; i + 16 <= n; i += 16) {
		int m = _mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(p + i)));
		if (m)
			return i + (size_t)__builtin_ctz((unsigned)m);
	}
#endif
	for (; i + 8 <= n; i += 8)
		if (load64(p + i) & HIGH)
			break;
	while (i < n && p[i] < 0x80)
		i++;
	return i;
}

/* The length of the valid UTF-8 sequence starting with lead byte P[0]
   (>= 0x80) in the N bytes at P; 0 when it is invalid; -1 when the N bytes
   are a valid beginning of a longer sequence. */
static int utf8_len(const unsigned char *p, size_t n)
{
	unsigned c = p[0], lo = 0x80, hi = 0xbf;
	int len;
	if (c < 0xc2)
		return 0;
	else if (c < 0xe0)
		len = 2;
	else if (c < 0xf0)
		len = 3, lo = c == 0xe0 ? 0xa0 : 0x80, hi = c == 0xed ? 0x9f : 0xbf;
	else if (c < 0xf5)
		len = 4, lo = c == 0xf0 ? 0x90 : 0x80, hi = c == 0xf4 ? 0x8f : 0xbf;
	else
		return 0;
	for (int i = 1; i < len; i++) {
		if ((size_t)i >= n)
			return -1;
		if (p[i] < lo || p[i] > hi)
			return 0;
		lo = 0x80;
		hi = 0xbf;
	}
	return len;
}

static unsigned popcount16(unsigned x)
{
	x = x - ((x >> 1) & 0x5555);
	x = (x & 0x3333) + ((x >> 2) & 0x3333);
	x = (x + (x >> 4)) & 0x0f0f;
	return (x + (x >> 8)) & 0x1f;
}

/* Every byte from 0xC0 up starts a decoding attempt (no sequence can
   contain one), so the count is the ASCII bytes plus the lead bytes whose
   sequence is valid; continuation bytes never count. */
static size_t utf8_chars_exact(const unsigned char *p, size_t n, size_t *tail)
{
	size_t chars = 0, i = 0;
	*tail = 0;
#ifdef HAVE_X86_VECTORS
	const __m128i cont_max = _mm_set1_epi8((char)0xbf);
	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(p + i));
		unsigned high = (unsigned)_mm_movemask_epi8(v);
		if (!high) {
			chars += 16;
			continue;
		}
		/* Signed compare: bytes above 0xBF, or ASCII. */
		unsigned starts = (unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(v, cont_max));
		unsigned leads = starts & high;
		chars += 16 - popcount16(high);
		for (; leads; leads &= leads - 1) {
			size_t at = i + (size_t)__builtin_ctz(leads);
			int len = utf8_len(p + at, n - at);
			if (len > 0) {
				chars++;
			} else if (len < 0) {
				*tail = n - at;
				return chars;
			}
		}
	}
#endif
	while (i < n) {
		if (p[i] < 0x80) {
			chars++;
			i++;
			continue;
		}
		if (p[i] >= 0xc0) {
			int len = utf8_len(p + i, n - i);
			if (len > 0)
				chars++;
			else if (len < 0) {
				*tail = n - i;
				return chars;
			}
		}
		i++;
	}
	return chars;
}

#ifdef HAVE_X86_VECTORS
/* Validate P[0..M) (M a multiple of 32) as UTF-8 with the nibble lookup
   method (Keiser and Lemire): each byte pair is classified by three table
   lookups, and bytes that must be third or fourth in a sequence are found
   from the bytes two and three back. A sequence left open at M is not an
   error here. Also counts the bytes that are not continuation bytes,
   which is the number of characters when the text is valid. */
__attribute__((target("avx2")))
static bool utf8_check_avx2(const unsigned char *p, size_t m, size_t *noncont)
{
	/* Error bits: 1 lead then no continuation, 2 continuation after
	   ASCII, 4 overlong 3-byte, 8 above U+10FFFF, 16 surrogate, 32
	   overlong 2-byte, 64 overlong 4-byte or above U+10FFFF, 128 two
	   continuations. By the high nibble of the first byte of a pair, its
	   low nibble, and the high nibble of the second byte. */
#define REP2(...) __VA_ARGS__, __VA_ARGS__
	const __m256i first_high = _mm256_setr_epi8(REP2(2, 2, 2, 2, 2, 2, 2, 2,
		(char)128, (char)128, (char)128, (char)128, 33, 1, 21, 73));
	const __m256i first_low = _mm256_setr_epi8(REP2((char)231, (char)163, (char)131, (char)131,
		(char)139, (char)203, (char)203, (char)203, (char)203, (char)203, (char)203, (char)203,
		(char)203, (char)219, (char)203, (char)203));
	const __m256i second_high = _mm256_setr_epi8(REP2(1, 1, 1, 1, 1, 1, 1, 1,
		(char)230, (char)174, (char)186, (char)186, 1, 1, 1, 1));
#undef REP2
	const __m256i nibble = _mm256_set1_epi8(0x0f), zero = _mm256_setzero_si256();
	const __m256i cont_max = _mm256_set1_epi8((char)0xbf);
	const __m256i third = _mm256_set1_epi8((char)0xdf), fourth = _mm256_set1_epi8((char)0xef);
	const __m256i to_high = _mm256_set1_epi8(0x7f), high = _mm256_set1_epi8((char)0x80);
	__m256i prev = zero, err = zero, acc = zero;
	size_t total = 0;
	unsigned k = 0;
	for (size_t i = 0; i < m; i += 32) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(p + i));
		__m256i joined = _mm256_permute2x128_si256(prev, v, 0x21);
		__m256i prev1 = _mm256_alignr_epi8(v, joined, 15);
		__m256i prev2 = _mm256_alignr_epi8(v, joined, 14);
		__m256i prev3 = _mm256_alignr_epi8(v, joined, 13);
		__m256i a = _mm256_shuffle_epi8(first_high, _mm256_and_si256(_mm256_srli_epi16(prev1, 4), nibble));
		__m256i b = _mm256_shuffle_epi8(first_low, _mm256_and_si256(prev1, nibble));
		__m256i c = _mm256_shuffle_epi8(second_high, _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble));
		__m256i special = _mm256_and_si256(_mm256_and_si256(a, b), c);
		__m256i must = _mm256_or_si256(_mm256_subs_epu8(prev2, third), _mm256_subs_epu8(prev3, fourth));
		must = _mm256_and_si256(_mm256_adds_epu8(must, to_high), high);
		err = _mm256_or_si256(err, _mm256_xor_si256(special, must));
		acc = _mm256_sub_epi8(acc, _mm256_cmpgt_epi8(v, cont_max));
		if (++k == 255) {
			__m256i s = _mm256_sad_epu8(acc, zero);
			__m128i h = _mm_add_epi64(_mm256_castsi256_si128(s), _mm256_extracti128_si256(s, 1));
			total += (size_t)_mm_cvtsi128_si32(h) + (size_t)_mm_extract_epi16(h, 4);
			acc = zero;
			k = 0;
		}
		prev = v;
	}
	__m256i s = _mm256_sad_epu8(acc, zero);
	__m128i h = _mm_add_epi64(_mm256_castsi256_si128(s), _mm256_extracti128_si256(s, 1));
	total += (size_t)_mm_cvtsi128_si32(h) + (size_t)_mm_extract_epi16(h, 4);
	*noncont = total;
	return _mm256_testz_si256(err, err);
}
#endif

size_t mem_utf8_chars(const void *buf, size_t n, size_t *tail)
{
	const unsigned char *p = buf;
#ifdef HAVE_X86_VECTORS
	if (!count_impl)
		count_pick();
	size_t m = n & ~(size_t)31, count;
	if (count_impl == count_avx2 && m > 0 && utf8_check_avx2(p, m, &count)) {
		/* A sequence may start in the last bytes before M and end after. */
		size_t r = m;
		for (size_t j = m; j > m - 3;) {
			unsigned c = p[--j];
			if (c < 0x80)
				break;
			if (c >= 0xc0) {
				size_t need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
				if (j + need > m) {
					r = j;
					count--;
				}
				break;
			}
		}
		return count + utf8_chars_exact(p + r, n - r, tail);
	}
#endif
	return utf8_chars_exact(p, n, tail);
}
