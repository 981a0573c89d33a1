/* blake2b.h: BLAKE2b (RFC 7693), unkeyed, any output length of 1 to 64
   bytes. */
#ifndef COREBOX_BLAKE2B_H
#define COREBOX_BLAKE2B_H

#include <stddef.h>
#include <stdint.h>

struct blake2b {
	uint64_t h[8];
	uint64_t t[2];
	unsigned char buf[128];
	size_t buflen;
	size_t outlen;
};

void blake2b_init(struct blake2b *s, size_t outlen);
void blake2b_update(struct blake2b *s, const void *data, size_t n);
/* Write the s->outlen bytes of the digest to OUT. */
void blake2b_final(struct blake2b *s, unsigned char *out);

#endif
