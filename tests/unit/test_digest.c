/* Unit tests for libcommon's digests (digest.c, crc.c, blake2b.c,
   blake3.c) against published test vectors: RFC 1321 (MD5), FIPS 180
   (SHA-1, SHA-2), FIPS 202 (SHA-3, SHAKE), RFC 7693 (BLAKE2b), GB/T
   32905 (SM3), the BLAKE3 team's test_vectors.json, and POSIX cksum's
   CRC of "123456789". The vectorised paths are checked against the
   portable ones on pseudo-random input cut at many places. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crc.h"
#include "digest.h"

static char hex[2 * 2048 + 1];

/* The hex digest of S with ALGO at OUTLEN bytes (0: default). */
static const char *digest_of(enum digest_algo algo, size_t outlen, const void *s, size_t n)
{
	struct digest d;
	unsigned char out[2048];
	assert_int_equal(digest_init(&d, algo, outlen), 0);
	digest_update(&d, s, n);
	digest_final(&d, out);
	digest_hex(hex, out, d.outlen);
	digest_free(&d);
	return hex;
}

static const char *str_digest(enum digest_algo algo, size_t outlen, const char *s)
{
	return digest_of(algo, outlen, s, strlen(s));
}

static void test_md5(void **state)
{
	(void)state;
	assert_string_equal(str_digest(DIGEST_MD5, 0, ""), "d41d8cd98f00b204e9800998ecf8427e");
	assert_string_equal(str_digest(DIGEST_MD5, 0, "abc"), "900150983cd24fb0d6963f7d28e17f72");
	assert_string_equal(str_digest(DIGEST_MD5, 0, "message digest"), "f96b697d7cb7938d525a2f31aaf161d0");
}

static void test_sha1_sha2(void **state)
{
	(void)state;
	assert_string_equal(str_digest(DIGEST_SHA1, 0, "abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
	assert_string_equal(str_digest(DIGEST_SHA1, 0, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
	                    "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
	assert_string_equal(str_digest(DIGEST_SHA224, 0, "abc"),
	                    "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7");
	assert_string_equal(str_digest(DIGEST_SHA256, 0, ""),
	                    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	assert_string_equal(str_digest(DIGEST_SHA256, 0, "abc"),
	                    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	assert_string_equal(str_digest(DIGEST_SHA384, 0, "abc"),
	                    "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
	                    "8086072ba1e7cc2358baeca134c825a7");
	assert_string_equal(str_digest(DIGEST_SHA512, 0, "abc"),
	                    "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
	                    "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
}

static void test_sha3_shake(void **state)
{
	(void)state;
	assert_string_equal(str_digest(DIGEST_SHA3_224, 0, "abc"),
	                    "e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf");
	assert_string_equal(str_digest(DIGEST_SHA3_256, 0, "abc"),
	                    "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532");
	assert_string_equal(str_digest(DIGEST_SHA3_384, 0, "abc"),
	                    "ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0e49be4b2"
	                    "98d88cea927ac7f539f1edf228376d25");
	assert_string_equal(str_digest(DIGEST_SHA3_512, 0, "abc"),
	                    "b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e"
	                    "10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0");
	assert_string_equal(str_digest(DIGEST_SHAKE128, 0, ""),
	                    "7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26");
	assert_string_equal(str_digest(DIGEST_SHAKE256, 0, ""),
	                    "46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762f"
	                    "d75dc4ddd8c0f200cb05019d67b592f6fc821c49479ab48640292eacb3b7c4be");
	assert_string_equal(str_digest(DIGEST_SHAKE128, 4, ""), "7f9c2ba4");
}

static void test_blake2b(void **state)
{
	(void)state;
	static const char abc512[] =
		"ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
		"7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923";
	assert_string_equal(str_digest(DIGEST_BLAKE2B, 0, "abc"), abc512);
	assert_string_equal(str_digest(DIGEST_BLAKE2B, 32, "abc"),
	                    "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
	assert_string_equal(str_digest(DIGEST_BLAKE2B, 1, ""), "2e");

	/* The code written here at 512 bits, against the same vector. */
	struct blake2b s;
	unsigned char out[64];
	blake2b_init(&s, 64);
	blake2b_update(&s, "a", 1);
	blake2b_update(&s, "bc", 2);
	blake2b_final(&s, out);
	digest_hex(hex, out, 64);
	assert_string_equal(hex, abc512);

	/* And across block boundaries, against libcrypto. */
	unsigned char buf[1000], ref[64];
	for (size_t i = 0; i < sizeof buf; i++)
		buf[i] = (unsigned char)(i * 7 + 1);
	for (size_t n = 0; n <= sizeof buf; n += 127) {
		struct digest d;
		assert_int_equal(digest_init(&d, DIGEST_BLAKE2B, 64), 0);
		digest_update(&d, buf, n);
		digest_final(&d, ref);
		digest_free(&d);
		blake2b_init(&s, 64);
		for (size_t at = 0; at < n; at += 50)
			blake2b_update(&s, buf + at, n - at < 50 ? n - at : 50);
		blake2b_final(&s, out);
		assert_memory_equal(out, ref, 64);
	}
}

static void test_sm3(void **state)
{
	(void)state;
	assert_string_equal(str_digest(DIGEST_SM3, 0, "abc"),
	                    "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
}

static void test_sums_and_crcs(void **state)
{
	(void)state;
	/* Big-endian values: 930766865, 3421780262, 53615, 477. */
	assert_string_equal(str_digest(DIGEST_CRC, 0, "123456789"), "377a6011");
	assert_string_equal(str_digest(DIGEST_CRC32B, 0, "123456789"), "cbf43926");
	assert_string_equal(str_digest(DIGEST_BSD, 0, "123456789"), "d16f");
	assert_string_equal(str_digest(DIGEST_SYSV, 0, "123456789"), "01dd");
	assert_string_equal(str_digest(DIGEST_CRC, 0, ""), "ffffffff");
}

static uint32_t seed = 2024;

static unsigned char rnd(void)
{
	seed = seed * 1103515245u + 12345u;
	return (unsigned char)(seed >> 16);
}

/* The CRC's fast paths against the tables, whole and in pieces. */
static void test_crc_paths(void **state)
{
	(void)state;
	enum { N = 9000 };
	unsigned char *buf = malloc(N);
	for (size_t i = 0; i < N; i++)
		buf[i] = rnd();
	static const size_t lens[] = {0, 1, 15, 16, 17, 127, 128, 129, 255, 256, 257, 511, 1000, 4096, 8999, N};
	for (size_t k = 0; k < sizeof lens / sizeof *lens; k++) {
		size_t n = lens[k];
		crc_cksum_force_portable(1);
		uint32_t ref = crc_cksum_final(crc_cksum_update(0, buf, n), n);
		crc_cksum_force_portable(0);
		assert_int_equal(crc_cksum_final(crc_cksum_update(0, buf, n), n), ref);
		for (size_t cut = 1; cut < n; cut += 97) {
			uint32_t c = crc_cksum_update(0, buf, cut);
			c = crc_cksum_update(c, buf + cut, n - cut);
			assert_int_equal(crc_cksum_final(c, n), ref);
		}
	}
	free(buf);
}

/* A CRC made from the CRCs of pieces, as threads make it. */
static void test_crc_combine(void **state)
{
	(void)state;
	enum { N = 5000 };
	unsigned char *buf = malloc(N);
	for (size_t i = 0; i < N; i++)
		buf[i] = rnd();
	assert_true(digest_can_combine(DIGEST_CRC));
	assert_false(digest_can_combine(DIGEST_SHA256));
	unsigned char want[4], got[4];
	for (size_t n = 0; n <= N; n += 499) {
		struct digest whole;
		assert_int_equal(digest_init(&whole, DIGEST_CRC, 0), 0);
		digest_update(&whole, buf, n);
		digest_final(&whole, want);
		for (size_t cut = 0; cut <= n; cut += 123) {
			struct digest head, tail;
			assert_int_equal(digest_init(&head, DIGEST_CRC, 0), 0);
			assert_int_equal(digest_init(&tail, DIGEST_CRC, 0), 0);
			digest_update(&head, buf, cut);
			digest_update(&tail, buf + cut, n - cut);
			digest_combine(&head, &tail);
			assert_int_equal(head.length, n);
			digest_final(&head, got);
			assert_memory_equal(got, want, 4);
		}
	}
	free(buf);
}

/* The BLAKE3 team's vectors: input bytes 0, 1, ... 250, 0, 1, ... of
   each length, and 131 bytes of output. */
static const struct {
	size_t len;
	const char *hash;
} blake3_vectors[] = {
	{0,
	  "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262e0"
	  "0f03e7b69af26b7faaf09fcd333050338ddfe085b8cc869ca98b206c08243a26f5"
	  "487789e8f660afe6c99ef9e0c52b92e7393024a80459cf91f476f9ffdbda7001c2"
	  "2e159b402631f277ca96f2defdf1078282314e763699a31c5363165421cce14d"},
	{1,
	  "2d3adedff11b61f14c886e35afa036736dcd87a74d27b5c1510225d0f592e213c3"
	  "a6cb8bf623e20cdb535f8d1a5ffb86342d9c0b64aca3bce1d31f60adfa137b358a"
	  "d4d79f97b47c3d5e79f179df87a3b9776ef8325f8329886ba42f07fb138bb502f4"
	  "081cbcec3195c5871e6c23e2cc97d3c69a613eba131e5f1351f3f1da786545e5"},
	{1023,
	  "10108970eeda3eb932baac1428c7a2163b0e924c9a9e25b35bba72b28f70bd11a1"
	  "82d27a591b05592b15607500e1e8dd56bc6c7fc063715b7a1d737df5bad3339c56"
	  "778957d870eb9717b57ea3d9fb68d1b55127bba6a906a4a24bbd5acb2d123a37b2"
	  "8f9e9a81bbaae360d58f85e5fc9d75f7c370a0cc09b6522d9c8d822f2f28f485"},
	{1024,
	  "42214739f095a406f3fc83deb889744ac00df831c10daa55189b5d121c855af71c"
	  "f8107265ecdaf8505b95d8fcec83a98a6a96ea5109d2c179c47a387ffbb404756f"
	  "6eeae7883b446b70ebb144527c2075ab8ab204c0086bb22b7c93d465efc57f8d91"
	  "7f0b385c6df265e77003b85102967486ed57db5c5ca170ba441427ed9afa684e"},
	{1025,
	  "d00278ae47eb27b34faecf67b4fe263f82d5412916c1ffd97c8cb7fb814b8444f4"
	  "c4a22b4b399155358a994e52bf255de60035742ec71bd08ac275a1b51cc6bfe332"
	  "b0ef84b409108cda080e6269ed4b3e2c3f7d722aa4cdc98d16deb554e5627be8f9"
	  "55c98e1d5f9565a9194cad0c4285f93700062d9595adb992ae68ff12800ab67a"},
	{2049,
	  "5f4d72f40d7a5f82b15ca2b2e44b1de3c2ef86c426c95c1af0b687952256303096"
	  "de31d71d74103403822a2e0bc1eb193e7aecc9643a76b7bbc0c9f9c52e8783aae9"
	  "8764ca468962b5c2ec92f0c74eb5448d519713e09413719431c802f948dd5d9042"
	  "5a4ecdadece9eb178d80f26efccae630734dff63340285adec2aed3b51073ad3"},
	{3073,
	  "7124b49501012f81cc7f11ca069ec9226cecb8a2c850cfe644e327d22d3e1cd39a"
	  "27ae3b79d68d89da9bf25bc27139ae65a324918a5f9b7828181e52cf373c84f35b"
	  "639b7fccbb985b6f2fa56aea0c18f531203497b8bbd3a07ceb5926f1cab74d14bd"
	  "66486d9a91eba99059a98bd1cd25876b2af5a76c3e9eed554ed72ea952b603bf"},
	{5121,
	  "628bd2cb2004694adaab7bbd778a25df25c47b9d4155a55f8fbd79f2fe154cff96"
	  "adaab0613a6146cdaabe498c3a94e529d3fc1da2bd08edf54ed64d40dcd6777647"
	  "eac51d8277d70219a9694334a68bc8f0f23e20b0ff70ada6f844542dfa32cd4204"
	  "ca1846ef76d811cdb296f65e260227f477aa7aa008bac878f72257484f2b6c95"},
	{8193,
	  "bab6c09cb8ce8cf459261398d2e7aef35700bf488116ceb94a36d0f5f1b7bc3bb2"
	  "282aa69be089359ea1154b9a9286c4a56af4de975a9aa4a5c497654914d279bea6"
	  "0bb6d2cf7225a2fa0ff5ef56bbe4b149f3ed15860f78b4e2ad04e158e375c1e0c0"
	  "b551cd7dfc82f1b155c11b6b3ed51ec9edb30d133653bb5709d1dbd55f4e1ff6"},
	{16384,
	  "f875d6646de28985646f34ee13be9a576fd515f76b5b0a26bb324735041ddde49d"
	  "764c270176e53e97bdffa58d549073f2c660be0e81293767ed4e4929f9ad34bbb3"
	  "9a529334c57c4a381ffd2a6d4bfdbf1482651b172aa883cc13408fa67758a3e475"
	  "03f93f87720a3177325f7823251b85275f64636a8f1d599c2e49722f42e93893"},
	{31744,
	  "62b6960e1a44bcc1eb1a611a8d6235b6b4b78f32e7abc4fb4c6cdcce94895c4786"
	  "0cc51f2b0c28a7b77304bd55fe73af663c02d3f52ea053ba43431ca5bab7bfea2f"
	  "5e9d7121770d88f70ae9649ea713087d1914f7f312147e247f87eb2d4ffef0ac97"
	  "8bf7b6579d57d533355aa20b8b77b13fd09748728a5cc327a8ec470f4013226f"},
	{102400,
	  "bc3e3d41a1146b069abffad3c0d44860cf664390afce4d9661f7902e7943e085e0"
	  "1c59dab908c04c3342b816941a26d69c2605ebee5ec5291cc55e15b76146e6745f"
	  "0601156c3596cb75065a9c57f35585a52e1ac70f69131c23d611ce11ee4ab1ec2c"
	  "009012d236648e77be9295dd0426f29b764d65de58eb7d01dd42248204f45f8e"},
};

static void check_blake3_vectors(void)
{
	enum { MAX = 102400 };
	unsigned char *in = malloc(MAX), out[131];
	for (size_t i = 0; i < MAX; i++)
		in[i] = (unsigned char)(i % 251);
	for (size_t v = 0; v < sizeof blake3_vectors / sizeof *blake3_vectors; v++) {
		size_t n = blake3_vectors[v].len;
		struct blake3 s;
		blake3_init(&s);
		blake3_update(&s, in, n);
		blake3_final(&s, out, sizeof out);
		digest_hex(hex, out, sizeof out);
		assert_string_equal(hex, blake3_vectors[v].hash);
		/* The default length is the first 32 bytes; pieces of odd sizes
		   give the same. */
		blake3_init(&s);
		for (size_t at = 0; at < n; at += 1000 + at % 7)
			blake3_update(&s, in + at, n - at < 1000 + at % 7 ? n - at : 1000 + at % 7);
		blake3_final(&s, out, 32);
		digest_hex(hex, out, 32);
		assert_memory_equal(hex, blake3_vectors[v].hash, 64);
	}
	free(in);
}

static void test_blake3(void **state)
{
	(void)state;
	blake3_use_simd(0);
	assert_string_equal(blake3_impl(), "portable");
	check_blake3_vectors();
	blake3_use_simd(1);
	check_blake3_vectors();
}

static void test_encodings(void **state)
{
	(void)state;
	char b[16];
	const unsigned char *in = (const unsigned char *)"foobar";
	static const char *const want[] = {"", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy"};
	for (size_t n = 0; n <= 6; n++) {
		assert_int_equal(digest_base64(b, in, n), strlen(want[n]));
		assert_string_equal(b, want[n]);
	}
	digest_hex(b, (const unsigned char *)"\x00\xff\x1a", 3);
	assert_string_equal(b, "00ff1a");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_md5),
		cmocka_unit_test(test_sha1_sha2),
		cmocka_unit_test(test_sha3_shake),
		cmocka_unit_test(test_blake2b),
		cmocka_unit_test(test_sm3),
		cmocka_unit_test(test_sums_and_crcs),
		cmocka_unit_test(test_crc_paths),
		cmocka_unit_test(test_crc_combine),
		cmocka_unit_test(test_blake3),
		cmocka_unit_test(test_encodings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
