/* Locale blanks for field splitting. */
#include "blank.h"

#include "sys.h"
#include "utf8.h"

static int utf8_mode = -1;

void blank_init(void)
{
	utf8_mode = sys_locale_utf8();
}

bool blank_is_blank(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x2006)
	       || (cp >= 0x2008 && cp <= 0x200A) || cp == 0x205F || cp == 0x3000;
}

bool blank_is_nbsp(uint32_t cp)
{
	return cp == 0x00A0 || cp == 0x2007 || cp == 0x202F || cp == 0x2060;
}

size_t blank_len(const char *p, const char *end)
{
	unsigned char c = (unsigned char)*p;
	if (c == ' ' || c == '\t' || c == '\n')
		return 1;
	if (c < 0x80)
		return 0;
	if (utf8_mode < 0)
		blank_init();
	if (!utf8_mode || (c != 0xe1 && c != 0xe2 && c != 0xe3))
		return 0;
	uint32_t cp;
	size_t n = utf8_decode(p, (size_t)(end - p), &cp);
	return n && blank_is_blank(cp) ? n : 0;
}

const char *blank_skip(const char *p, const char *end)
{
	size_t n;
	while (p < end && (n = blank_len(p, end)))
		p += n;
	return p;
}

const char *blank_skip_non(const char *p, const char *end)
{
	while (p < end && !blank_len(p, end))
		p += blank_char_len(p, end);
	return p;
}

size_t blank_char_len(const char *p, const char *end)
{
	if ((unsigned char)*p < 0x80)
		return 1;
	if (utf8_mode < 0)
		blank_init();
	if (!utf8_mode)
		return 1;
	uint32_t cp;
	size_t n = utf8_decode(p, (size_t)(end - p), &cp);
	return n ? n : 1;
}
