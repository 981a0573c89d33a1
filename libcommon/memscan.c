/* Backward byte search, eight bytes at a time. */
#include "memscan.h"

#include <stdint.h>
#include <string.h>

#define ONES UINT64_C(0x0101010101010101)
#define LOW7 UINT64_C(0x7f7f7f7f7f7f7f7f)

static uint64_t load64(const unsigned char *p)
{
	uint64_t w;
	memcpy(&w, p, sizeof w);
	return w;
}

/* Nonzero exactly when W has a zero byte. */
static uint64_t has_zero_byte(uint64_t w)
{
	return ~(((w & LOW7) + LOW7) | w | LOW7);
}

void *mem_rchr(const void *p, int c, size_t n)
{
	const unsigned char *s = p;
	unsigned char ch = (unsigned char)c;
	uint64_t pat = ONES * ch;
	while (n >= 8) {
		if (has_zero_byte(load64(s + n - 8) ^ pat)) {
			for (size_t i = n; i-- > n - 8;)
				if (s[i] == ch)
					return (void *)(s + i);
		}
		n -= 8;
	}
	while (n--)
		if (s[n] == ch)
			return (void *)(s + n);
	return NULL;
}
