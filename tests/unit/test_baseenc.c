/* Unit tests for libcommon/baseenc.c: the RFC 4648 test vectors (section
   10), Z85's and base58's published examples, round trips of
   pseudo-random data fed in uneven pieces, and the decoders' handling
   of padding, newlines and bad input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "baseenc.h"

static void check_encode(enum baseenc_kind kind, const char *in, size_t n, const char *want)
{
	char out[256];
	assert_true(baseenc_encoded_len(kind, n) <= sizeof out);
	size_t len = baseenc_encode(kind, in, n, out);
	assert_int_equal(len, strlen(want));
	assert_memory_equal(out, want, len);
}

/* Decode all of IN in one piece; returns validity, output in OUT. */
static bool decode_all(enum baseenc_kind kind, const char *in, size_t n, char *out, size_t *outlen)
{
	struct baseenc_dec d;
	unsigned char *buf = malloc(baseenc_decoded_max(n));
	size_t len;
	baseenc_dec_init(&d, kind);
	bool ok = baseenc_dec_update(&d, in, n, buf, &len);
	memcpy(out, buf, len);
	*outlen = len;
	if (ok) {
		unsigned char *tail;
		size_t taillen;
		ok = baseenc_dec_final(&d, &tail, &taillen);
		memcpy(out + len, tail, taillen);
		*outlen += taillen;
	}
	baseenc_dec_free(&d);
	free(buf);
	return ok;
}

static void check_decode(enum baseenc_kind kind, const char *in, bool valid, const char *want, size_t wantlen)
{
	char out[256];
	size_t len;
	bool ok = decode_all(kind, in, strlen(in), out, &len);
	assert_int_equal(ok, valid);
	assert_int_equal(len, wantlen);
	assert_memory_equal(out, want, wantlen);
}

static const char *const rfc_in[] = { "", "f", "fo", "foo", "foob", "fooba", "foobar" };

static void test_rfc4648_base64(void **state)
{
	(void)state;
	static const char *const want[] = { "", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy" };
	for (int i = 0; i < 7; i++) {
		check_encode(BASEENC_BASE64, rfc_in[i], strlen(rfc_in[i]), want[i]);
		check_decode(BASEENC_BASE64, want[i], true, rfc_in[i], strlen(rfc_in[i]));
	}
}

static void test_rfc4648_base32(void **state)
{
	(void)state;
	static const char *const want[] = { "", "MY======", "MZXQ====", "MZXW6===", "MZXW6YQ=", "MZXW6YTB",
					     "MZXW6YTBOI======" };
	static const char *const hex[] = { "", "CO======", "CPNG====", "CPNMU===", "CPNMUOG=", "CPNMUOJ1",
					   "CPNMUOJ1E8======" };
	for (int i = 0; i < 7; i++) {
		check_encode(BASEENC_BASE32, rfc_in[i], strlen(rfc_in[i]), want[i]);
		check_decode(BASEENC_BASE32, want[i], true, rfc_in[i], strlen(rfc_in[i]));
		check_encode(BASEENC_BASE32HEX, rfc_in[i], strlen(rfc_in[i]), hex[i]);
		check_decode(BASEENC_BASE32HEX, hex[i], true, rfc_in[i], strlen(rfc_in[i]));
	}
}

static void test_rfc4648_base16(void **state)
{
	(void)state;
	static const char *const want[] = { "", "66", "666F", "666F6F", "666F6F62", "666F6F6261", "666F6F626172" };
	for (int i = 0; i < 7; i++) {
		check_encode(BASEENC_BASE16, rfc_in[i], strlen(rfc_in[i]), want[i]);
		check_decode(BASEENC_BASE16, want[i], true, rfc_in[i], strlen(rfc_in[i]));
	}
	check_decode(BASEENC_BASE16, "666f6F", true, "foo", 3);
	check_decode(BASEENC_BASE16, "66\n6", false, "f", 1);
	check_decode(BASEENC_BASE16, "6G", false, "", 0);
}

static void test_base64url(void **state)
{
	(void)state;
	check_encode(BASEENC_BASE64URL, "\xfb\xff\xbf", 3, "-_-_");
	check_encode(BASEENC_BASE64, "\xfb\xff\xbf", 3, "+/+/");
	check_decode(BASEENC_BASE64URL, "-_-_", true, "\xfb\xff\xbf", 3);
	check_decode(BASEENC_BASE64URL, "+/+/", false, "", 0);
	check_decode(BASEENC_BASE64, "-_-_", false, "", 0);
}

static void test_base2(void **state)
{
	(void)state;
	check_encode(BASEENC_BASE2MSBF, "ab", 2, "0110000101100010");
	check_encode(BASEENC_BASE2LSBF, "ab", 2, "1000011001000110");
	check_decode(BASEENC_BASE2MSBF, "011\n00001", true, "a", 1);
	check_decode(BASEENC_BASE2LSBF, "10000110", true, "a", 1);
	check_decode(BASEENC_BASE2MSBF, "100010000000000", false, "\x88", 1);
	check_decode(BASEENC_BASE2MSBF, "0110000x", false, "", 0);
}

static void test_z85(void **state)
{
	(void)state;
	/* The example of ZeroMQ's RFC 32. */
	check_encode(BASEENC_Z85, "\x86\x4F\xD2\x6F\xB5\x59\xF7\x5B", 8, "HelloWorld");
	check_decode(BASEENC_Z85, "HelloWorld", true, "\x86\x4F\xD2\x6F\xB5\x59\xF7\x5B", 8);
	check_encode(BASEENC_Z85, "\xff\xff\xff\xff", 4, "%nSc0");
	check_decode(BASEENC_Z85, "%nSc1", false, "", 0);
	check_decode(BASEENC_Z85, "Hello\nWorl", false, "\x86\x4F\xD2\x6F", 4);
	check_decode(BASEENC_Z85, "Hel~o", false, "", 0);
}

static void check_base58(const char *in, size_t n, const char *want)
{
	size_t len;
	char *enc = baseenc_base58_encode(in, n, &len);
	assert_int_equal(len, strlen(want));
	assert_memory_equal(enc, want, len);
	free(enc);
	check_decode(BASEENC_BASE58, want, true, in, n);
}

static void test_base58(void **state)
{
	(void)state;
	check_base58("", 0, "");
	check_base58("Hello World!", 12, "2NEpo7TZRRrLZSi2U");
	check_base58("\0\0\x28\x7f\xb4\xcd", 6, "11233QC4");
	check_base58("\0", 1, "1");
	check_base58("1\0", 2, "4jH");
	check_base58("The quick brown fox jumps over the lazy dog.", 44,
		     "USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z");
	check_decode(BASEENC_BASE58, "2NEpo7TZ\nRRrLZSi2U", true, "Hello World!", 12);
	check_decode(BASEENC_BASE58, "0", false, "", 0);
	check_decode(BASEENC_BASE58, "I", false, "", 0);
}

/* GNU's rules for base64 padding: groups may be padded anywhere, the
   final one may lack its padding, and a bad group still yields the
   bytes its first characters fix. */
static void test_base64_padding(void **state)
{
	(void)state;
	check_decode(BASEENC_BASE64, "aQ", true, "i", 1);
	check_decode(BASEENC_BASE64, "Zzw", true, "g<", 2);
	check_decode(BASEENC_BASE64, "MTIzNA==MTIzNA", true, "12341234", 8);
	check_decode(BASEENC_BASE64, "MTIzNA==\nMTIzNA", true, "12341234", 8);
	check_decode(BASEENC_BASE64, "a", false, "", 0);
	check_decode(BASEENC_BASE64, "Zz=", false, "g", 1);
	check_decode(BASEENC_BASE64, "Z===", false, "", 0);
	check_decode(BASEENC_BASE64, "SB==", false, "H", 1);
	check_decode(BASEENC_BASE64, "SGVsbG9=", false, "Hello", 5);
	check_decode(BASEENC_BASE64, "MTIzNA=\n", false, "1234", 4);
	check_decode(BASEENC_BASE64, "YWJjYW!j", false, "abca", 4);
	check_decode(BASEENC_BASE64, "YW\nJj\n\n", true, "abc", 3);
}

static void test_base32_padding(void **state)
{
	(void)state;
	check_decode(BASEENC_BASE32, "MFRGG", true, "abc", 3);
	check_decode(BASEENC_BASE32, "MFRGGZDF\nMFRGG", true, "abcdeabc", 8);
	check_decode(BASEENC_BASE32, "IFBA====\nIFBA====", true, "ABAB", 4);
	check_decode(BASEENC_BASE32, "MFRGGZDF=", false, "abcde", 5);
	check_decode(BASEENC_BASE32, "MZX", false, "f", 1);
	check_decode(BASEENC_BASE32, "M", false, "", 0);
	/* base32hex reads W..Z with their base32 values, as GNU does. */
	check_decode(BASEENC_BASE32HEX, "WA======", false, "\xb2", 1);
}

static uint32_t seed = 4242;

static uint32_t rnd(void)
{
	seed = seed * 1103515245u + 12345u;
	return seed >> 8;
}

/* Encode random data, insert newlines, decode in random-sized pieces. */
static void test_round_trip(void **state)
{
	(void)state;
	static const enum baseenc_kind kinds[] = {
		BASEENC_BASE64, BASEENC_BASE64URL, BASEENC_BASE32, BASEENC_BASE32HEX,
		BASEENC_BASE16, BASEENC_BASE2MSBF, BASEENC_BASE2LSBF, BASEENC_Z85,
	};
	enum { N = 3000 };
	unsigned char *data = malloc(N);
	char *enc = malloc(N * 8 + 16);
	char *wrapped = malloc(N * 16 + 32);
	unsigned char *dec = malloc(N * 16 + 64);
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		for (int round = 0; round < 20; round++) {
			size_t n = rnd() % N;
			if (kinds[k] == BASEENC_Z85)
				n -= n % 4;
			for (size_t i = 0; i < n; i++)
				data[i] = (unsigned char)rnd();
			size_t elen = baseenc_encode(kinds[k], data, n, enc);
			assert_int_equal(elen, baseenc_encoded_len(kinds[k], n));
			size_t wlen = 0;
			for (size_t i = 0; i < elen; i++) {
				if (rnd() % 50 == 0)
					wrapped[wlen++] = '\n';
				wrapped[wlen++] = enc[i];
			}
			struct baseenc_dec d;
			baseenc_dec_init(&d, kinds[k]);
			size_t dlen = 0;
			for (size_t i = 0; i < wlen;) {
				size_t piece = 1 + rnd() % 100;
				if (piece > wlen - i)
					piece = wlen - i;
				size_t got;
				assert_true(baseenc_dec_update(&d, wrapped + i, piece, dec + dlen, &got));
				assert_true(got <= baseenc_decoded_max(piece));
				dlen += got;
				i += piece;
			}
			unsigned char *tail;
			size_t taillen;
			assert_true(baseenc_dec_final(&d, &tail, &taillen));
			memcpy(dec + dlen, tail, taillen);
			dlen += taillen;
			assert_int_equal(dlen, n);
			assert_memory_equal(dec, data, n);
			baseenc_dec_free(&d);
		}
	}
	free(dec);
	free(wrapped);
	free(enc);
	free(data);
}

static void test_filter(void **state)
{
	(void)state;
	char buf[] = "&YW=J\nj!";
	size_t n = baseenc_filter(BASEENC_BASE64, buf, strlen(buf));
	assert_int_equal(n, 5);
	assert_memory_equal(buf, "YW=Jj", 5);
	char hex[] = "W0V=";
	n = baseenc_filter(BASEENC_BASE32HEX, hex, strlen(hex));
	assert_memory_equal(hex, "0V=", n);
	char bits[] = "=10x=";
	n = baseenc_filter(BASEENC_BASE2MSBF, bits, strlen(bits));
	assert_int_equal(n, 2);
	assert_true(baseenc_in_alphabet(BASEENC_BASE16, 'a'));
	assert_false(baseenc_in_alphabet(BASEENC_BASE58, '0'));
	assert_true(baseenc_padded(BASEENC_BASE32HEX));
	assert_false(baseenc_padded(BASEENC_Z85));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc4648_base64),
		cmocka_unit_test(test_rfc4648_base32),
		cmocka_unit_test(test_rfc4648_base16),
		cmocka_unit_test(test_base64url),
		cmocka_unit_test(test_base2),
		cmocka_unit_test(test_z85),
		cmocka_unit_test(test_base58),
		cmocka_unit_test(test_base64_padding),
		cmocka_unit_test(test_base32_padding),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_filter),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
