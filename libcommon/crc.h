/*
 * crc.h: the CRC of POSIX cksum: polynomial 0x04C11DB7, bits taken most
 * significant first, no initial inversion; the length of the input is
 * appended (least significant byte first, as few bytes as it needs) and
 * the result inverted.
 *
 *	uint32_t c = 0;
 *	c = crc_cksum_update(c, buf, n);   (as often as needed)
 *	c = crc_cksum_final(c, total_length);
 *
 * The update uses carry-less multiplication (PCLMULQDQ, or VPCLMULQDQ on
 * 256 or 512 bits) when the processor has it, otherwise tables eight and
 * sixteen bytes at a time.
 */
#ifndef COREBOX_CRC_H
#define COREBOX_CRC_H

#include <stddef.h>
#include <stdint.h>

uint32_t crc_cksum_update(uint32_t crc, const void *buf, size_t n);
uint32_t crc_cksum_final(uint32_t crc, uint64_t length);

/* The CRC (as crc_cksum_update leaves it) of A's input followed by B's,
   from A's and B's CRCs (B's started from 0) and B's length. */
uint32_t crc_cksum_combine(uint32_t a, uint32_t b, uint64_t b_length);

/* Call SAY with each line GNU's cksum --debug prints about the hardware
   support it looked for and the one it picked. */
void crc_cksum_describe(void (*say)(const char *msg));

/* For tests: force the portable table code (true) or the best path. */
void crc_cksum_force_portable(int on);

#endif
