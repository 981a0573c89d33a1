/*
 * Scanning big buffers: counting one byte value (the newlines of wc -l)
 * and finding the end of a run of ASCII. Vector instructions are used
 * where the CPU has them (SSE2, AVX2 on x86), picked at the first call.
 */
#ifndef COREBOX_MEMCOUNT_H
#define COREBOX_MEMCOUNT_H

#include <stddef.h>

/* The number of bytes equal to C in P[0..N). */
size_t mem_count(const void *p, size_t n, unsigned char c);
/* The vector instruction set mem_count uses: "avx2", "sse2", or "" for
   portable code. AVX2 is not used when GLIBC_TUNABLES disables it
   (glibc.cpu.hwcaps=-AVX2), as GNU's programs do. */
const char *mem_count_accel(void);
/* The length of the longest prefix of P[0..N) made of ASCII bytes
   (below 0x80). */
size_t mem_ascii_prefix(const void *p, size_t n);
/* The number of characters in the UTF-8 text P[0..N): ASCII bytes and
   bytes that start a valid sequence (RFC 3629: no overlong forms, no
   surrogates, nothing above U+10FFFF). Other bytes count for nothing.
   When the text ends inside a sequence that more bytes could complete,
   that sequence is not counted and *TAIL is set to its length so far
   (else 0), for the caller to carry over. */
size_t mem_utf8_chars(const void *p, size_t n, size_t *tail);

#endif
