/*
 * Binary-to-text encodings: RFC 4648 base64, base64url, base32,
 * base32hex and base16, bit strings (base2, most or least significant
 * bit first), ZeroMQ's Z85 and Bitcoin's base58.
 *
 * Encoding works on whole buffers; the block encodings (all but base58)
 * can be fed in pieces whose lengths are multiples of
 * baseenc_unit(kind), with only the last piece shorter. Decoding is a
 * stream: bytes go in in pieces of any length, newlines are skipped, and
 * the first byte that cannot belong to the encoding stops it. What was
 * decoded before that point is still delivered, the way GNU's decoders
 * deliver it (a broken base64 quantum yields the bytes its leading
 * characters determine). base64 and base32 input may omit its final
 * padding, and padded quanta may follow one another ("YQ==YQ==").
 */
#ifndef COREBOX_BASEENC_H
#define COREBOX_BASEENC_H

#include <stdbool.h>
#include <stddef.h>

enum baseenc_kind {
	BASEENC_BASE64,
	BASEENC_BASE64URL,
	BASEENC_BASE58,
	BASEENC_BASE32,
	BASEENC_BASE32HEX,
	BASEENC_BASE16,
	BASEENC_BASE2MSBF,
	BASEENC_BASE2LSBF,
	BASEENC_Z85,
};

/* Input bytes per encoded group: 3, 5, 1 or 4 (base58: 1). */
size_t baseenc_unit(enum baseenc_kind kind);
/* The encoded length of N input bytes (a bound for base58). */
size_t baseenc_encoded_len(enum baseenc_kind kind, size_t n);
/* Encode N bytes of IN into OUT, which has room for
   baseenc_encoded_len(KIND, N) bytes; returns the length written. A
   partial last group is padded with '=' in base64 and base32; Z85 takes
   whole groups only (the rest is ignored). Not for base58. */
size_t baseenc_encode(enum baseenc_kind kind, const void *in, size_t n, char *out);
/* Base58 of N bytes (malloc'd, not NUL-terminated); *OUTLEN gets its
   length. Each leading zero byte becomes a '1'. */
char *baseenc_base58_encode(const void *in, size_t n, size_t *outlen);

/* Whether C belongs to KIND's alphabet (padding '=' not included). */
bool baseenc_in_alphabet(enum baseenc_kind kind, unsigned char c);
/* Whether KIND pads with '=' (base64 and base32 kinds). */
bool baseenc_padded(enum baseenc_kind kind);
/* Keep only the bytes of BUF[0..N) that belong to KIND's alphabet or are
   its padding, in order; returns how many remain. */
size_t baseenc_filter(enum baseenc_kind kind, char *buf, size_t n);

struct baseenc_dec {
	enum baseenc_kind kind;
	int pending;              /* characters held of an unfinished group */
	unsigned char group[8];
	unsigned char small[8];   /* baseenc_dec_final's output for block kinds */
	unsigned char *digits;    /* base58: the digits so far (values 0..57) */
	size_t ndigits, cap;
	unsigned char *big;       /* base58: the decoded result */
};

void baseenc_dec_init(struct baseenc_dec *d, enum baseenc_kind kind);
void baseenc_dec_free(struct baseenc_dec *d);
/* The most bytes baseenc_dec_update can write for N input bytes. */
size_t baseenc_decoded_max(size_t n);
/* Decode N bytes of IN into OUT. *OUTLEN gets the number of bytes
   written. Returns false when the input is invalid (what was decoded
   before the fault is in OUT); the stream must not be fed again then. */
bool baseenc_dec_update(struct baseenc_dec *d, const char *in, size_t n,
			unsigned char *out, size_t *outlen);
/* End of input: decode what is held (a base64/base32 group missing its
   padding is completed). *OUT points to the bytes (owned by D), *OUTLEN
   gets their count. Returns false when the input was invalid. */
bool baseenc_dec_final(struct baseenc_dec *d, unsigned char **out, size_t *outlen);

#endif
