/* Binary-to-text encodings (see baseenc.h). The block encodings are
   table driven: base64 turns each 12 bits into two characters with one
   lookup, and its decoder checks and converts four characters at once,
   leaving newlines, padding and faults to a per-character path. */
#include "baseenc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

enum { NKINDS = BASEENC_Z85 + 1, BAD = 0xff };

static const char *const alphabets[NKINDS] = {
	[BASEENC_BASE64] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
	[BASEENC_BASE64URL] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
	[BASEENC_BASE58] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz",
	[BASEENC_BASE32] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
	[BASEENC_BASE32HEX] = "0123456789ABCDEFGHIJKLMNOPQRSTUV",
	[BASEENC_BASE16] = "0123456789ABCDEF",
	[BASEENC_BASE2MSBF] = "01",
	[BASEENC_BASE2LSBF] = "01",
	[BASEENC_Z85] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#",
};

/* Per kind: the value of each byte when decoding (BAD if none), and
   whether the byte is in the alphabet. The decoding table is wider than
   the alphabet in two places, as GNU's is: base16 takes lower-case
   digits, and base32hex reads W..Z with their plain base32 values
   (GNU decodes base32hex by translating to base32). */
static unsigned char decval[NKINDS][256];
static bool inalpha[NKINDS][256];
static bool built[NKINDS];

/* base64: OR of the four lookups is the 24-bit group, bit 31 set when
   one of the characters needs the slow path. */
static uint32_t fast64[2][4][256];
/* base64 and base32: two output characters per 12 (10) input bits. */
static char pair64[2][4096][2];
static char pair32[2][1024][2];
/* base16 and base2: the whole output of one byte. */
static char hex16[256][2];
static char bits2[2][256][8];

static void build(enum baseenc_kind kind)
{
	if (built[kind])
		return;
	built[kind] = true;
	const char *a = alphabets[kind];
	size_t len = strlen(a);
	memset(decval[kind], BAD, 256);
	for (size_t i = 0; i < len; i++) {
		decval[kind][(unsigned char)a[i]] = (unsigned char)i;
		inalpha[kind][(unsigned char)a[i]] = true;
	}
	switch (kind) {
	case BASEENC_BASE64:
	case BASEENC_BASE64URL: {
		int u = kind == BASEENC_BASE64URL;
		for (int t = 0; t < 4; t++)
			for (int c = 0; c < 256; c++) {
				unsigned char v = decval[kind][c];
				fast64[u][t][c] = v == BAD ? UINT32_C(0x80000000) : (uint32_t)v << (18 - 6 * t);
			}
		for (int v = 0; v < 4096; v++) {
			pair64[u][v][0] = a[v >> 6];
			pair64[u][v][1] = a[v & 63];
		}
		break;
	}
	case BASEENC_BASE32:
	case BASEENC_BASE32HEX: {
		int h = kind == BASEENC_BASE32HEX;
		if (h)
			for (int c = 'W'; c <= 'Z'; c++)
				decval[kind][c] = (unsigned char)(c - 'A');
		for (int v = 0; v < 1024; v++) {
			pair32[h][v][0] = a[v >> 5];
			pair32[h][v][1] = a[v & 31];
		}
		break;
	}
	case BASEENC_BASE16:
		for (int c = 'a'; c <= 'f'; c++) {
			decval[kind][c] = (unsigned char)(c - 'a' + 10);
			inalpha[kind][c] = true;
		}
		for (int v = 0; v < 256; v++) {
			hex16[v][0] = a[v >> 4];
			hex16[v][1] = a[v & 15];
		}
		break;
	case BASEENC_BASE2MSBF:
	case BASEENC_BASE2LSBF: {
		int l = kind == BASEENC_BASE2LSBF;
		for (int v = 0; v < 256; v++)
			for (int b = 0; b < 8; b++)
				bits2[l][v][b] = (char)('0' + ((v >> (l ? b : 7 - b)) & 1));
		break;
	}
	default:
		break;
	}
}

size_t baseenc_unit(enum baseenc_kind kind)
{
	switch (kind) {
	case BASEENC_BASE64:
	case BASEENC_BASE64URL:
		return 3;
	case BASEENC_BASE32:
	case BASEENC_BASE32HEX:
		return 5;
	case BASEENC_Z85:
		return 4;
	default:
		return 1;
	}
}

size_t baseenc_encoded_len(enum baseenc_kind kind, size_t n)
{
	switch (kind) {
	case BASEENC_BASE64:
	case BASEENC_BASE64URL:
		return (n + 2) / 3 * 4;
	case BASEENC_BASE32:
	case BASEENC_BASE32HEX:
		return (n + 4) / 5 * 8;
	case BASEENC_BASE16:
		return n * 2;
	case BASEENC_BASE2MSBF:
	case BASEENC_BASE2LSBF:
		return n * 8;
	case BASEENC_Z85:
		return n / 4 * 5;
	case BASEENC_BASE58:
		return n / 100 * 138 + n % 100 * 138 / 100 + 2;
	}
	return 0;
}

static size_t encode64(int u, const unsigned char *in, size_t n, char *out)
{
	const char (*pair)[2] = pair64[u];
	char *o = out;
	size_t i = 0;
	for (; i + 6 <= n; i += 6, o += 8) {
		uint32_t v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8 | in[i + 2];
		uint32_t w = (uint32_t)in[i + 3] << 16 | (uint32_t)in[i + 4] << 8 | in[i + 5];
		memcpy(o, pair[v >> 12], 2);
		memcpy(o + 2, pair[v & 0xfff], 2);
		memcpy(o + 4, pair[w >> 12], 2);
		memcpy(o + 6, pair[w & 0xfff], 2);
	}
	for (; i + 3 <= n; i += 3, o += 4) {
		uint32_t v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8 | in[i + 2];
		memcpy(o, pair[v >> 12], 2);
		memcpy(o + 2, pair[v & 0xfff], 2);
	}
	if (i < n) {
		const char *a = alphabets[u ? BASEENC_BASE64URL : BASEENC_BASE64];
		uint32_t v = (uint32_t)in[i] << 16 | (i + 1 < n ? (uint32_t)in[i + 1] << 8 : 0);
		o[0] = a[v >> 18];
		o[1] = a[(v >> 12) & 63];
		o[2] = i + 1 < n ? a[(v >> 6) & 63] : '=';
		o[3] = '=';
		o += 4;
	}
	return (size_t)(o - out);
}

static size_t encode32(int h, const unsigned char *in, size_t n, char *out)
{
	const char (*pair)[2] = pair32[h];
	char *o = out;
	size_t i = 0;
	for (; i + 5 <= n; i += 5, o += 8) {
		uint64_t v = (uint64_t)in[i] << 32 | (uint64_t)in[i + 1] << 24 | (uint64_t)in[i + 2] << 16
			     | (uint64_t)in[i + 3] << 8 | in[i + 4];
		memcpy(o, pair[v >> 30], 2);
		memcpy(o + 2, pair[(v >> 20) & 1023], 2);
		memcpy(o + 4, pair[(v >> 10) & 1023], 2);
		memcpy(o + 6, pair[v & 1023], 2);
	}
	if (i < n) {
		static const unsigned char chars[5] = { 0, 2, 4, 5, 7 };
		const char *a = alphabets[h ? BASEENC_BASE32HEX : BASEENC_BASE32];
		size_t left = n - i;
		uint64_t v = 0;
		for (size_t k = 0; k < 5; k++)
			v = v << 8 | (k < left ? in[i + k] : 0);
		for (int k = 0; k < 8; k++)
			o[k] = k < chars[left] ? a[(v >> (35 - 5 * k)) & 31] : '=';
		o += 8;
	}
	return (size_t)(o - out);
}

static size_t encode85(const unsigned char *in, size_t n, char *out)
{
	const char *a = alphabets[BASEENC_Z85];
	char *o = out;
	for (size_t i = 0; i + 4 <= n; i += 4, o += 5) {
		uint32_t v = (uint32_t)in[i] << 24 | (uint32_t)in[i + 1] << 16 | (uint32_t)in[i + 2] << 8 | in[i + 3];
		for (int k = 4; k >= 0; k--) {
			o[k] = a[v % 85];
			v /= 85;
		}
	}
	return (size_t)(o - out);
}

size_t baseenc_encode(enum baseenc_kind kind, const void *in, size_t n, char *out)
{
	const unsigned char *p = in;
	build(kind);
	switch (kind) {
	case BASEENC_BASE64:
	case BASEENC_BASE64URL:
		return encode64(kind == BASEENC_BASE64URL, p, n, out);
	case BASEENC_BASE32:
	case BASEENC_BASE32HEX:
		return encode32(kind == BASEENC_BASE32HEX, p, n, out);
	case BASEENC_BASE16:
		for (size_t i = 0; i < n; i++)
			memcpy(out + 2 * i, hex16[p[i]], 2);
		return 2 * n;
	case BASEENC_BASE2MSBF:
	case BASEENC_BASE2LSBF: {
		int l = kind == BASEENC_BASE2LSBF;
		for (size_t i = 0; i < n; i++)
			memcpy(out + 8 * i, bits2[l][p[i]], 8);
		return 8 * n;
	}
	case BASEENC_Z85:
		return encode85(p, n, out);
	case BASEENC_BASE58:
		break;
	}
	return 0;
}

/* Base58 works on the whole input as one number: leading zero bytes
   stand for themselves as '1's, the rest is converted between base 256
   and base 58 through 32-bit limbs, five base-58 digits at a time. */
enum { B58_POW5 = 58 * 58 * 58 * 58 * 58 };

char *baseenc_base58_encode(const void *in, size_t n, size_t *outlen)
{
	const unsigned char *p = in;
	const char *a = alphabets[BASEENC_BASE58];
	size_t zeros = 0;
	while (zeros < n && p[zeros] == 0)
		zeros++;
	size_t m = n - zeros;
	/* The number, most significant limb first. */
	size_t nl = (m + 3) / 4;
	uint32_t *limb = xmalloc((nl ? nl : 1) * sizeof *limb);
	for (size_t i = 0; i < nl; i++)
		limb[i] = 0;
	for (size_t i = 0; i < m; i++) {
		size_t bit = (m - 1 - i) * 8;
		limb[nl - 1 - bit / 32] |= (uint32_t)p[zeros + i] << (bit % 32);
	}
	/* Digits, least significant first. */
	size_t cap = m * 138 / 100 + 16;
	char *digits = xmalloc(cap);
	size_t nd = 0;
	size_t first = 0;
	while (first < nl && limb[first] == 0)
		first++;
	while (first < nl) {
		uint64_t rem = 0;
		for (size_t i = first; i < nl; i++) {
			uint64_t cur = rem << 32 | limb[i];
			limb[i] = (uint32_t)(cur / B58_POW5);
			rem = cur % B58_POW5;
		}
		while (first < nl && limb[first] == 0)
			first++;
		for (int k = 0; k < 5; k++) {
			if (nd == cap)
				digits = xgrow(digits, &cap, 1);
			digits[nd++] = (char)(rem % 58);
			rem /= 58;
		}
	}
	while (nd && digits[nd - 1] == 0)
		nd--;
	char *out = xmalloc(zeros + nd + 1);
	memset(out, '1', zeros);
	for (size_t i = 0; i < nd; i++)
		out[zeros + i] = a[(unsigned char)digits[nd - 1 - i]];
	free(digits);
	free(limb);
	*outlen = zeros + nd;
	return out;
}

/* The bytes of the base-58 digits D[0..N) (values), into a malloc'd
   buffer; *OUTLEN gets the length. */
static unsigned char *base58_decode(const unsigned char *d, size_t n, size_t *outlen)
{
	size_t ones = 0;
	while (ones < n && d[ones] == 0)
		ones++;
	/* The number, least significant limb first. */
	size_t cap = (n - ones) * 6 / 32 + 2, nl = 0;
	uint32_t *limb = xmalloc(cap * sizeof *limb);
	for (size_t i = ones; i < n;) {
		uint32_t mul = 1, add = 0;
		for (int k = 0; k < 5 && i < n; k++, i++) {
			mul *= 58;
			add = add * 58 + d[i];
		}
		uint64_t carry = add;
		for (size_t j = 0; j < nl; j++) {
			uint64_t cur = (uint64_t)limb[j] * mul + carry;
			limb[j] = (uint32_t)cur;
			carry = cur >> 32;
		}
		if (carry) {
			if (nl == cap)
				limb = xgrow(limb, &cap, sizeof *limb);
			limb[nl++] = (uint32_t)carry;
		}
	}
	unsigned char *out = xmalloc(ones + nl * 4 + 1);
	memset(out, 0, ones);
	size_t o = ones;
	bool started = false;
	for (size_t j = nl; j-- > 0;)
		for (int s = 24; s >= 0; s -= 8) {
			unsigned char b = (unsigned char)(limb[j] >> s);
			if (b || started) {
				out[o++] = b;
				started = true;
			}
		}
	free(limb);
	*outlen = o;
	return out;
}

bool baseenc_in_alphabet(enum baseenc_kind kind, unsigned char c)
{
	build(kind);
	return inalpha[kind][c];
}

bool baseenc_padded(enum baseenc_kind kind)
{
	return kind == BASEENC_BASE64 || kind == BASEENC_BASE64URL || kind == BASEENC_BASE32
	       || kind == BASEENC_BASE32HEX;
}

size_t baseenc_filter(enum baseenc_kind kind, char *buf, size_t n)
{
	build(kind);
	const bool *keep = inalpha[kind];
	bool pad = baseenc_padded(kind);
	/* GNU's Z85 test is strchr() on its alphabet, which also finds the
	   terminating NUL: a NUL byte stays, and is then invalid input. */
	bool nul = kind == BASEENC_Z85;
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)buf[i];
		buf[o] = (char)c;
		o += keep[c] || (pad && c == '=') || (nul && c == 0);
	}
	return o;
}

void baseenc_dec_init(struct baseenc_dec *d, enum baseenc_kind kind)
{
	memset(d, 0, sizeof *d);
	d->kind = kind;
	build(kind);
}

void baseenc_dec_free(struct baseenc_dec *d)
{
	free(d->digits);
	free(d->big);
	d->digits = d->big = NULL;
}

size_t baseenc_decoded_max(size_t n)
{
	return n + 8;
}

/* One base64 group G of LEN characters (4, or fewer at the end of input
   when the last is '='), decoded to *O the way GNU does: the bytes that
   its leading characters determine are written even when it is bad. */
static bool group64(const unsigned char *val, const unsigned char *g, int len, unsigned char **o)
{
	unsigned char *p = *o;
	bool ok = false;
	unsigned a, b, c, e;
	if (len < 2 || (a = val[g[0]]) == BAD || (b = val[g[1]]) == BAD)
		goto done;
	*p++ = (unsigned char)(a << 2 | b >> 4);
	if (len == 2)
		goto done;
	if (g[2] == '=') {
		ok = len == 4 && g[3] == '=' && !(b & 15);
		goto done;
	}
	if ((c = val[g[2]]) == BAD)
		goto done;
	*p++ = (unsigned char)(b << 4 | c >> 2);
	if (len == 3)
		goto done;
	if (g[3] == '=') {
		ok = !(c & 3);
		goto done;
	}
	if ((e = val[g[3]]) == BAD)
		goto done;
	*p++ = (unsigned char)(c << 6 | e);
	ok = true;
done:
	*o = p;
	return ok;
}

/* One base32 group of LEN characters (a short one is bad outright). */
static bool group32(const unsigned char *val, const unsigned char *g, int len, unsigned char **o)
{
	unsigned char *p = *o;
	bool ok = false;
	unsigned v[8];
	/* The characters that must be '=' after a group ends early at K. */
	int k;
	if (len < 8)
		goto done;
	for (k = 0; k < 8 && g[k] != '='; k++)
		v[k] = val[g[k]];
	if (k < 2 || v[0] == BAD || v[1] == BAD)
		goto done;
	*p++ = (unsigned char)(v[0] << 3 | v[1] >> 2);
	if (k == 2) {
		ok = !(v[1] & 3);
		goto pad;
	}
	if (k < 4 || v[2] == BAD || v[3] == BAD)
		goto done;
	*p++ = (unsigned char)(v[1] << 6 | v[2] << 1 | v[3] >> 4);
	if (k == 4) {
		ok = !(v[3] & 15);
		goto pad;
	}
	if (v[4] == BAD)
		goto done;
	*p++ = (unsigned char)(v[3] << 4 | v[4] >> 1);
	if (k == 5) {
		ok = !(v[4] & 1);
		goto pad;
	}
	if (k < 7 || v[5] == BAD || v[6] == BAD)
		goto done;
	*p++ = (unsigned char)(v[4] << 7 | v[5] << 2 | v[6] >> 3);
	if (k == 7) {
		ok = !(v[6] & 7);
		goto done;
	}
	if (v[7] == BAD)
		goto done;
	*p++ = (unsigned char)(v[6] << 5 | v[7]);
	ok = true;
	goto done;
pad:
	/* Everything after the first '=' must be '=' too; that is checked
	   before the canonical-bits test in GNU, but both only decide ok. */
	for (int i = k; i < 8; i++)
		if (g[i] != '=')
			ok = false;
done:
	*o = p;
	return ok;
}

/* Whole base64 groups from IN[I..N) while they hold only alphabet
   characters; returns the new I. */
static size_t fast64_run(int url, const unsigned char *in, size_t i, size_t n, unsigned char **po)
{
	const uint32_t (*t)[256] = fast64[url];
	unsigned char *o = *po;
	while (i + 8 <= n) {
		uint32_t v = t[0][in[i]] | t[1][in[i + 1]] | t[2][in[i + 2]] | t[3][in[i + 3]];
		uint32_t w = t[0][in[i + 4]] | t[1][in[i + 5]] | t[2][in[i + 6]] | t[3][in[i + 7]];
		if ((v | w) >> 31)
			break;
		o[0] = (unsigned char)(v >> 16);
		o[1] = (unsigned char)(v >> 8);
		o[2] = (unsigned char)v;
		o[3] = (unsigned char)(w >> 16);
		o[4] = (unsigned char)(w >> 8);
		o[5] = (unsigned char)w;
		o += 6;
		i += 8;
	}
	while (i + 4 <= n) {
		uint32_t v = t[0][in[i]] | t[1][in[i + 1]] | t[2][in[i + 2]] | t[3][in[i + 3]];
		if (v >> 31)
			break;
		o[0] = (unsigned char)(v >> 16);
		o[1] = (unsigned char)(v >> 8);
		o[2] = (unsigned char)v;
		o += 3;
		i += 4;
	}
	*po = o;
	return i;
}

/* The same for base32 groups, with value table VAL. */
static size_t fast32_run(const unsigned char *val, const unsigned char *in, size_t i, size_t n, unsigned char **po)
{
	unsigned char *o = *po;
	while (i + 8 <= n) {
		uint64_t v = 0;
		unsigned bad = 0;
		for (int k = 0; k < 8; k++) {
			unsigned x = val[in[i + k]];
			bad |= x;
			v = v << 5 | (x & 31);
		}
		if (bad & 0x80)
			break;
		o[0] = (unsigned char)(v >> 32);
		o[1] = (unsigned char)(v >> 24);
		o[2] = (unsigned char)(v >> 16);
		o[3] = (unsigned char)(v >> 8);
		o[4] = (unsigned char)v;
		o += 5;
		i += 8;
	}
	*po = o;
	return i;
}

/* base64 and base32: whole groups go through the fast runs; newlines,
   padding and faults are taken one character at a time. */
static bool update_groups(struct baseenc_dec *d, const unsigned char *in, size_t n, unsigned char **po)
{
	bool b64 = d->kind == BASEENC_BASE64 || d->kind == BASEENC_BASE64URL;
	int full = b64 ? 4 : 8;
	const unsigned char *val = decval[d->kind];
	size_t i = 0;
	for (;;) {
		if (d->pending == 0)
			i = b64 ? fast64_run(d->kind == BASEENC_BASE64URL, in, i, n, po) : fast32_run(val, in, i, n, po);
		if (i >= n)
			return true;
		unsigned char c = in[i++];
		if (c == '\n')
			continue;
		d->group[d->pending++] = c;
		if (d->pending == full) {
			d->pending = 0;
			if (!(b64 ? group64(val, d->group, 4, po) : group32(val, d->group, 8, po)))
				return false;
		}
	}
}

static bool update16(struct baseenc_dec *d, const unsigned char *in, size_t n, unsigned char **po)
{
	const unsigned char *val = decval[BASEENC_BASE16];
	unsigned char *o = *po;
	bool ok = true;
	size_t i = 0;
	for (;;) {
		if (d->pending == 0)
			for (; i + 2 <= n; i += 2) {
				unsigned a = val[in[i]], b = val[in[i + 1]];
				if ((a | b) & 0x80)
					break;
				*o++ = (unsigned char)(a << 4 | b);
			}
		if (i >= n)
			break;
		unsigned char c = in[i++];
		if (c == '\n')
			continue;
		unsigned x = val[c];
		if (x == BAD) {
			ok = false;
			break;
		}
		if (d->pending) {
			*o++ = (unsigned char)(d->group[0] << 4 | x);
			d->pending = 0;
		} else {
			d->group[0] = (unsigned char)x;
			d->pending = 1;
		}
	}
	*po = o;
	return ok;
}

static bool update2(struct baseenc_dec *d, const unsigned char *in, size_t n, unsigned char **po)
{
	bool lsbf = d->kind == BASEENC_BASE2LSBF;
	unsigned char *o = *po;
	bool ok = true;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = in[i];
		if (c == '\n')
			continue;
		if (c != '0' && c != '1') {
			ok = false;
			break;
		}
		unsigned bit = (unsigned)(c - '0');
		if (lsbf)
			d->group[0] |= (unsigned char)(bit << d->pending);
		else
			d->group[0] |= (unsigned char)(bit << (7 - d->pending));
		if (++d->pending == 8) {
			*o++ = d->group[0];
			d->group[0] = 0;
			d->pending = 0;
		}
	}
	*po = o;
	return ok;
}

static bool update85(struct baseenc_dec *d, const unsigned char *in, size_t n, unsigned char **po)
{
	const unsigned char *val = decval[BASEENC_Z85];
	unsigned char *o = *po;
	bool ok = true;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = in[i];
		if (c == '\n')
			continue;
		unsigned x = val[c];
		if (x == BAD) {
			ok = false;
			break;
		}
		d->group[d->pending++] = (unsigned char)x;
		if (d->pending == 5) {
			uint64_t v = 0;
			for (int k = 0; k < 5; k++)
				v = v * 85 + d->group[k];
			if (v > UINT32_MAX) {
				ok = false;
				break;
			}
			o[0] = (unsigned char)(v >> 24);
			o[1] = (unsigned char)(v >> 16);
			o[2] = (unsigned char)(v >> 8);
			o[3] = (unsigned char)v;
			o += 4;
			d->pending = 0;
		}
	}
	*po = o;
	return ok;
}

static bool update58(struct baseenc_dec *d, const unsigned char *in, size_t n)
{
	const unsigned char *val = decval[BASEENC_BASE58];
	if (d->cap - d->ndigits < n) {
		d->cap = d->ndigits + n + d->cap;
		d->digits = xrealloc(d->digits, d->cap);
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = in[i];
		if (c == '\n')
			continue;
		if (val[c] == BAD)
			return false;
		d->digits[d->ndigits++] = val[c];
	}
	return true;
}

bool baseenc_dec_update(struct baseenc_dec *d, const char *in, size_t n, unsigned char *out, size_t *outlen)
{
	const unsigned char *p = (const unsigned char *)in;
	unsigned char *o = out;
	bool ok = true;
	switch (d->kind) {
	case BASEENC_BASE64:
	case BASEENC_BASE64URL:
	case BASEENC_BASE32:
	case BASEENC_BASE32HEX:
		ok = update_groups(d, p, n, &o);
		break;
	case BASEENC_BASE16:
		ok = update16(d, p, n, &o);
		break;
	case BASEENC_BASE2MSBF:
	case BASEENC_BASE2LSBF:
		ok = update2(d, p, n, &o);
		break;
	case BASEENC_Z85:
		ok = update85(d, p, n, &o);
		break;
	case BASEENC_BASE58:
		ok = update58(d, p, n);
		break;
	}
	*outlen = (size_t)(o - out);
	return ok;
}

bool baseenc_dec_final(struct baseenc_dec *d, unsigned char **out, size_t *outlen)
{
	unsigned char *o = d->small;
	bool ok = true;
	*out = d->small;
	switch (d->kind) {
	case BASEENC_BASE64:
	case BASEENC_BASE64URL:
	case BASEENC_BASE32:
	case BASEENC_BASE32HEX: {
		bool b64 = d->kind == BASEENC_BASE64 || d->kind == BASEENC_BASE64URL;
		int full = b64 ? 4 : 8;
		int len = d->pending;
		if (len == 0)
			break;
		if (d->group[len - 1] != '=') {
			while (len < full)
				d->group[len++] = '=';
		}
		if (b64)
			ok = group64(decval[d->kind], d->group, len, &o);
		else
			ok = group32(decval[d->kind], d->group, len, &o);
		break;
	}
	case BASEENC_BASE16:
	case BASEENC_BASE2MSBF:
	case BASEENC_BASE2LSBF:
	case BASEENC_Z85:
		ok = d->pending == 0;
		break;
	case BASEENC_BASE58:
		free(d->big);
		d->big = base58_decode(d->digits, d->ndigits, outlen);
		*out = d->big;
		return true;
	}
	d->pending = 0;
	*outlen = (size_t)(o - d->small);
	return ok;
}
