/*
 * blake3.h: the BLAKE3 hash (default mode: no key, no key derivation),
 * with output of any length, written from the BLAKE3 specification.
 *
 * Input is split into 1 KiB chunks hashed on their own and joined in a
 * binary tree; on processors with AVX2 eight chunks are hashed at once.
 */
#ifndef COREBOX_BLAKE3_H
#define COREBOX_BLAKE3_H

#include <stddef.h>
#include <stdint.h>

enum { BLAKE3_OUT_LEN = 32, BLAKE3_MAX_DEPTH = 54 };

struct blake3 {
	uint32_t key[8];
	/* The chunk being read. */
	uint32_t cv[8];
	uint64_t chunk_counter;
	unsigned char buf[64];
	unsigned buf_len, blocks_done;
	/* Chaining values of complete subtrees, left to right. */
	unsigned stack_len;
	uint32_t stack[BLAKE3_MAX_DEPTH][8];
};

void blake3_init(struct blake3 *s);
void blake3_update(struct blake3 *s, const void *data, size_t n);
/* Write OUTLEN bytes of output to OUT; S is left as it was, so more input
   may follow. */
void blake3_final(const struct blake3 *s, unsigned char *out, size_t outlen);

/* For tests: 0 forces the portable code, 1 the best path. */
void blake3_use_simd(int on);
/* The name of the path in use: "avx2" or "portable". */
const char *blake3_impl(void);

#endif
