/* Windows backend: UTF-8 <-> UTF-16 conversion (WTF-8 for lone
   surrogates, so that every Windows name round-trips). */
#include "w32.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

int w32_utf8_step(const unsigned char *s, size_t len, uint32_t *cp)
{
	unsigned c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	int n;
	uint32_t min;
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		min = 0x80;
		c &= 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		min = 0x800;
		c &= 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		min = 0x10000;
		c &= 0x07;
	} else {
		*cp = 0xfffd;
		return -1;
	}
	uint32_t v = c;
	for (int i = 1; i < n; i++) {
		/* Only the start of a sequence so far (each byte checked as it
		   came could still lead to a shortest-form character). */
		if ((size_t)i >= len)
			return 0;
		if ((s[i] & 0xc0) != 0x80) {
			*cp = 0xfffd;
			return -1;
		}
		v = (v << 6) | (s[i] & 0x3f);
		if (i == 1 && n >= 3) {
			uint32_t lowest = v << (6 * (n - 2));
			uint32_t highest = lowest + ((1u << (6 * (n - 2))) - 1);
			if (highest < min || lowest > 0x10ffff) {
				*cp = 0xfffd;
				return -1;
			}
		}
	}
	if (v < min || v > 0x10ffff) {
		*cp = 0xfffd;
		return -1;
	}
	*cp = v;
	return n;
}

wchar_t *w32_wide(const char *s, ptrdiff_t len)
{
	size_t n = len < 0 ? strlen(s) : (size_t)len;
	/* At most one UTF-16 unit per UTF-8 byte. */
	wchar_t *w = malloc((n + 1) * sizeof *w);
	if (!w) {
		errno = ENOMEM;
		return NULL;
	}
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	size_t k = 0;
	while (p < end) {
		if (*p < 0x80) {
			w[k++] = *p++;
			continue;
		}
		uint32_t cp;
		int step = w32_utf8_step(p, (size_t)(end - p), &cp);
		if (step <= 0) {
			/* A truncated sequence at the end is as invalid as any. */
			cp = 0xfffd;
			step = 1;
		}
		p += step;
		if (cp >= 0x10000) {
			cp -= 0x10000;
			w[k++] = (wchar_t)(0xd800 | (cp >> 10));
			w[k++] = (wchar_t)(0xdc00 | (cp & 0x3ff));
		} else {
			w[k++] = (wchar_t)cp;
		}
	}
	w[k] = 0;
	return w;
}

char *w32_utf8(const wchar_t *w, ptrdiff_t len, size_t *outlen)
{
	size_t n = len < 0 ? wcslen(w) : (size_t)len;
	/* At most three bytes per UTF-16 unit. */
	char *s = malloc(n * 3 + 1);
	if (!s) {
		errno = ENOMEM;
		return NULL;
	}
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t c = (uint16_t)w[i];
		if (c < 0x80) {
			s[k++] = (char)c;
			continue;
		}
		if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (uint16_t)w[i + 1] >= 0xdc00
		    && (uint16_t)w[i + 1] <= 0xdfff) {
			c = 0x10000 + ((c - 0xd800) << 10) + ((uint16_t)w[i + 1] - 0xdc00);
			i++;
		}
		if (c < 0x800) {
			s[k++] = (char)(0xc0 | (c >> 6));
			s[k++] = (char)(0x80 | (c & 0x3f));
		} else if (c < 0x10000) {
			/* A lone surrogate lands here too: its WTF-8 form. */
			s[k++] = (char)(0xe0 | (c >> 12));
			s[k++] = (char)(0x80 | ((c >> 6) & 0x3f));
			s[k++] = (char)(0x80 | (c & 0x3f));
		} else {
			s[k++] = (char)(0xf0 | (c >> 18));
			s[k++] = (char)(0x80 | ((c >> 12) & 0x3f));
			s[k++] = (char)(0x80 | ((c >> 6) & 0x3f));
			s[k++] = (char)(0x80 | (c & 0x3f));
		}
	}
	s[k] = 0;
	if (outlen)
		*outlen = k;
	return s;
}
