/*
 * -c: reading checksum files and verifying the files they list.
 *
 * A line is either tagged, "TAG (NAME) = DIGEST" (or OpenSSL's
 * "TAG(NAME)= DIGEST"), TAG possibly with "-BITS", or untagged,
 * "DIGEST  NAME" / "DIGEST *NAME" (or BSD's reversed "DIGEST NAME"). A
 * leading backslash says NAME has \n, \r or \\ escapes. DIGEST is hex,
 * or for cksum also base64. cksum without -a takes the algorithm of each
 * line from its tag; the families with a length take it from the tag or
 * from the number of digits.
 *
 * As in GNU, what one line decides (the algorithm after a tag, the
 * length, whether lines are BSD-reversed) stays for the lines after it.
 */
#include <inttypes.h>

#include "sum.h"

/* What the lines so far have settled. */
static int bsd_reversed = -1;
static size_t hex_len;           /* digits of a hex digest */

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static bool is_b64(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '+' || c == '/';
}

static size_t b64_len(uintmax_t bytes)
{
	return (size_t)((bytes + 2) / 3 * 4);
}

/* Undo the escapes of the LEN bytes of name at S in place, NUL-ending
   the result; false when they are not valid escapes. */
static bool unescape(char *s, size_t len)
{
	char *dst = s;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\0')
			return false;
		if (s[i] != '\\') {
			*dst++ = s[i];
			continue;
		}
		if (++i == len)
			return false;
		if (s[i] == 'n')
			*dst++ = '\n';
		else if (s[i] == 'r')
			*dst++ = '\r';
		else if (s[i] == '\\')
			*dst++ = '\\';
		else
			return false;
	}
	if (dst < s + len)
		*dst = '\0';
	return true;
}

/* True when the LEN characters at S (NUL after them) are a digest of the
   current length: hex, or base64 for cksum. */
static bool valid_digits(const char *s, size_t len)
{
	if (sum.kind == KIND_CKSUM && len == b64_len(sum.bits / 8)) {
		size_t pad = (size_t)(sum.bits % 3), i = 0;
		for (; i < len - pad; i++)
			if (!is_b64(s[i]))
				return false;
		for (; i < len; i++)
			if (s[i] != '=')
				return false;
	} else if (len == hex_len) {
		for (size_t i = 0; i < len; i++)
			if (!is_hex(s[i]))
				return false;
	} else {
		return false;
	}
	return s[len] == '\0';
}

/* The family whose tag starts S (up to a blank, '-' or '('), or -1. */
static int family_from_tag(const char *s)
{
	size_t n = 0;
	while (n <= 8 && s[n] && !is_blank(s[n]) && s[n] != '-' && s[n] != '(')
		n++;
	for (int f = 0; f < FAM_COUNT; f++) {
		const char *t = sum_family_tag(f);
		if (strlen(t) == n && memcmp(t, s, n) == 0)
			return f;
	}
	return -1;
}

/* Whether BITS is a length family F's lines may give. */
static bool length_ok(uintmax_t bits, uintmax_t max)
{
	if (sum.fam == FAM_SHA2 || sum.fam == FAM_SHA3)
		return bits == 224 || bits == 256 || bits == 384 || bits == 512;
	if (bits == 0 || bits % 8 != 0 || bits > max)
		return false;
	return sum.kind != KIND_FIXED || bits == sum.bits;
}

/* The NAME) = DIGEST part of a tagged line (S of LEN bytes). */
static bool split_tagged(char *s, size_t len, char **digest, size_t *dlen, char **name, bool escaped)
{
	if (len == 0)
		return false;
	size_t i = len - 1;
	while (i && s[i] != ')')
		i--;
	if (s[i] != ')')
		return false;
	*name = s;
	if (escaped && !unescape(s, i))
		return false;
	s[i++] = '\0';
	while (is_blank(s[i]))
		i++;
	if (s[i] != '=')
		return false;
	i++;
	while (is_blank(s[i]))
		i++;
	*digest = s + i;
	*dlen = len - i;
	return valid_digits(*digest, *dlen);
}

/* For the families with a length: the length an untagged digest at P
   shows by its digits. False when it fits none. */
static bool length_from_digits(const char *p)
{
	size_t hex = 0, b64, pad = 0;
	while (is_hex(p[hex]))
		hex++;
	b64 = hex;
	while (is_b64(p[b64]))
		b64++;
	while (p[b64 + pad] == '=')
		pad++;
	if (sum.kind == KIND_CKSUM && (sum.fam == FAM_SHA2 || sum.fam == FAM_SHA3) &&
	    hex != 56 && hex != 64 && hex != 96 && hex != 128) {
		static const unsigned sizes[] = {28, 32, 48, 64};
		size_t i;
		for (i = 0; i < 4 && b64 + pad != b64_len(sizes[i]); i++)
			;
		if (i == 4)
			return false;
		hex = 2 * sizes[i];
	} else if (sum.kind == KIND_CKSUM && sum.fam != FAM_SHA2 && sum.fam != FAM_SHA3 && hex < b64) {
		for (unsigned bits = 8; bits <= 512; bits += 8)
			if (b64_len(bits / 8) == b64 + pad && bits % 3 == pad) {
				hex = bits / 4;
				break;
			}
	}
	uintmax_t max = sum.fam == FAM_BLAKE2B || sum.fam == FAM_SHA2 || sum.fam == FAM_SHA3 ? 128 : 2048;
	if (hex < 2 || hex % 2 || hex > max)
		return false;
	hex_len = hex;
	sum.bits = (uintmax_t)hex * 4;
	return true;
}

/* Split line S (LEN bytes, NUL after them) into its digest, *BINARY and
   file name. False when it is not a checksum line. */
static bool split_line(char *s, size_t len, char **digest, size_t *dlen, int *binary, char **name)
{
	bool escaped = false;
	size_t i = 0;
	while (is_blank(s[i]))
		i++;
	if (s[i] == '\\') {
		i++;
		escaped = true;
	}
	if (sum.kind == KIND_CKSUM && (!sum.fam_given || sum.fam == FAM_SHA2)) {
		int f = family_from_tag(s + i);
		if (!sum.fam_given) {
			if (f <= FAM_CRC32B)
				return false;
			sum.fam = f;
			sum.tag = sum_family_tag(f);
		} else if (f == FAM_SHA2 || (f >= FAM_SHA224 && f <= FAM_SHA512)) {
			sum.fam = f;
			sum.tag = sum_family_tag(f);
		}
	}

	size_t start = i, tlen = strlen(sum.tag);
	if (strncmp(s + i, sum.tag, tlen) == 0) {
		i += tlen;
		if (sum.kind != KIND_FIXED) {
			/* Without a length after the tag, the default one. */
			uintmax_t max = !sum_family_has_length(sum.fam) ? sum_default_bits(sum.fam)
			              : sum.fam == FAM_BLAKE3 || sum.fam == FAM_SHAKE128 ||
			                sum.fam == FAM_SHAKE256 ? 8192 : 512;
			sum.bits = sum_default_bits(sum.fam);
			if (s[i] == '-') {
				uintmax_t bits;
				char *end;
				i++;
				if (!(s[i] >= '0' && s[i] <= '9'))
					return false;
				errno = 0;
				bits = strtoumax(s + i, &end, 0);
				if (errno || !length_ok(bits, max))
					return false;
				i = (size_t)(end - s);
				sum.bits = bits;
			}
			hex_len = (size_t)(sum.bits / 4);
		} else if (sum_family_has_length(sum.fam) && s[i] == '-') {
			/* sha3-256sum and the like: the length is part of the tag. */
			uintmax_t bits;
			char *end;
			i++;
			errno = 0;
			bits = strtoumax(s + i, &end, 10);
			if (errno || end == s + i || bits != sum.bits)
				return false;
			i = (size_t)(end - s);
		}
		if (s[i] == ' ')
			i++;
		if (s[i] == '(') {
			i++;
			*binary = 0;
			return split_tagged(s + i, len - i, digest, dlen, name, escaped);
		}
		i = start;
	}

	size_t min = sum.kind == KIND_CKSUM || sum.kind == KIND_LENGTH ? 3 : hex_len + 2;
	if (len - i < min + (s[i] == '\\'))
		return false;
	*digest = s + i;
	if (sum.kind != KIND_FIXED && sum_family_has_length(sum.fam) && !length_from_digits(s + i))
		return false;
	while (s[i] && !is_blank(s[i]))
		i++;
	if (i == len)
		return false;
	*dlen = (size_t)(s + i - *digest);
	s[i++] = '\0';
	if (!valid_digits(*digest, *dlen))
		return false;
	if (len - i == 1 || (s[i] != ' ' && s[i] != '*')) {
		/* BSD's reversed lines ("DIGEST NAME") may not be mixed with
		   the usual ones, lest a name starting with ' ' or '*' be
		   misread. */
		if (bsd_reversed == 0)
			return false;
		bsd_reversed = 1;
	} else if (bsd_reversed != 1) {
		bsd_reversed = 0;
		*binary = s[i++] == '*';
	}
	*name = s + i;
	return !escaped || unescape(s + i, len - i);
}

/* Whether digest text D of DLEN characters shows BIN. */
static bool digest_matches(const char *d, size_t dlen, const unsigned char *bin)
{
	size_t bytes = (size_t)(sum.bits / 8);
	if (sum.kind == KIND_CKSUM && dlen == b64_len(bytes)) {
		char *b = xmalloc(b64_len(bytes) + 1);
		digest_base64(b, bin, bytes);
		bool same = memcmp(b, d, dlen + 1) == 0;
		free(b);
		return same;
	}
	if (dlen != hex_len)
		return false;
	static const char xd[] = "0123456789abcdef";
	for (size_t i = 0; i < hex_len / 2; i++) {
		char hi = d[2 * i], lo = d[2 * i + 1];
		if (hi >= 'A' && hi <= 'F')
			hi += 'a' - 'A';
		if (lo >= 'A' && lo <= 'F')
			lo += 'a' - 'A';
		if (hi != xd[bin[i] >> 4] || lo != xd[bin[i] & 15])
			return false;
	}
	return true;
}

static void print_result(const char *name, const char *what)
{
	bool escape = sum_needs_escape(name);
	if (escape)
		out_putc('\\');
	sum_print_name(name, escape);
	out_puts(": ");
	out_puts(what);
	out_putc('\n');
}

bool sum_check_file(const char *checkfile)
{
	uintmax_t misformatted = 0, mismatched = 0, unreadable = 0, lineno = 0;
	bool formatted = false, matched = false;
	bool is_stdin = in_is_stdin(checkfile);
	const char *shown = is_stdin ? "standard input" : checkfile;
	int fd = in_open(checkfile);
	if (fd < 0) {
		diag_error(errno, "%s", quotef(checkfile));
		return false;
	}
	if (is_stdin)
		sum.read_stdin = true;
	hex_len = (size_t)(sum.bits / 4);

	struct in_rec r;
	char *rec;
	size_t len;
	int got;
	inrec_init(&r, fd);
	while ((got = inrec_next(&r, '\n', &rec, &len)) > 0) {
		lineno++;
		if (rec[0] == '#')
			continue;
		if (len && rec[len - 1] == '\n')
			len--;
		if (len && rec[len - 1] == '\r')
			len--;
		if (len == 0)
			continue;
		char *line = xmalloc(len + 1);
		memcpy(line, rec, len);
		line[len] = '\0';
		char *digest, *name;
		size_t dlen;
		int binary;
		if (!split_line(line, len, &digest, &dlen, &binary, &name) ||
		    (is_stdin && strcmp(name, "-") == 0)) {
			misformatted++;
			if (sum.warn)
				diag_error(0, "%s: %ju: improperly formatted %s checksum line",
				           quotef(shown), lineno, sum.tag);
			free(line);
			continue;
		}
		formatted = true;
		unsigned char bin[8192 / 8 > DIGEST_MAX_BYTES ? 8192 / 8 : DIGEST_MAX_BYTES];
		uint64_t length;
		int rc = sum_file(name, sum.fam, sum.bits, bin, &length, sum.ignore_missing);
		if (rc < 0) {
			unreadable++;
			if (!sum.status)
				print_result(name, "FAILED open or read");
		} else if (rc == 0) {
			bool ok = digest_matches(digest, dlen, bin);
			if (ok)
				matched = true;
			else
				mismatched++;
			if (!sum.status && (!ok || !sum.quiet))
				print_result(name, ok ? "OK" : "FAILED");
		}
		free(line);
	}
	int err = got < 0 ? errno : 0;
	inrec_free(&r);
	in_close(fd);
	if (got < 0) {
		diag_error(err, "%s", quotef(shown));
		return false;
	}

	if (!formatted) {
		diag_error(0, "%s: no properly formatted checksum lines found", quotef(shown));
	} else if (!sum.status) {
		if (misformatted)
			diag_error(0, "WARNING: %ju line%s improperly formatted", misformatted,
			           misformatted == 1 ? " is" : "s are");
		if (unreadable)
			diag_error(0, "WARNING: %ju listed file%s could not be read", unreadable,
			           unreadable == 1 ? "" : "s");
		if (mismatched)
			diag_error(0, "WARNING: %ju computed checksum%s did NOT match", mismatched,
			           mismatched == 1 ? "" : "s");
		if (sum.ignore_missing && !matched)
			diag_error(0, "%s: no file was verified", quotef(shown));
	}
	return formatted && matched && !mismatched && !unreadable && (!sum.strict || !misformatted);
}
