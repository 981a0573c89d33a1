/* basenc: encode or decode data in one of several binary-to-text
   encodings; also the driver that base64 and base32 run on. */
#include "common.h"
#include "basenc.h"

enum {
	OPT_BASE64 = OPT_LONG,
	OPT_BASE64URL,
	OPT_BASE58,
	OPT_BASE32,
	OPT_BASE32HEX,
	OPT_BASE16,
	OPT_BASE2MSBF,
	OPT_BASE2LSBF,
	OPT_Z85,
};

/* Long options in GNU's order, which shows in ambiguity messages. */
#define OPTIONS(O) \
	BASENC_COMMON_OPTIONS(O) \
	O("base64", OPT_BASE64, OPT_NONE, "", "base64, as the base64 program writes it\n(RFC 4648, section 4)") \
	O("base64url", OPT_BASE64URL, OPT_NONE, "", \
	  "base64 with '-' and '_' for '+' and '/', safe in\nURLs and file names (RFC 4648, section 5)") \
	O("base58", OPT_BASE58, OPT_NONE, "", "base58, whose alphabet leaves out look-alikes\n(0 O I l)") \
	O("base32", OPT_BASE32, OPT_NONE, "", "base32, as the base32 program writes it\n(RFC 4648, section 6)") \
	O("base32hex", OPT_BASE32HEX, OPT_NONE, "", "base32 with the extended hex alphabet\n(RFC 4648, section 7)") \
	O("base16", OPT_BASE16, OPT_NONE, "", "hexadecimal, two digits per byte\n(RFC 4648, section 8)") \
	O("base2msbf", OPT_BASE2MSBF, OPT_NONE, "", "eight '0'/'1' digits per byte, most significant\nbit first") \
	O("base2lsbf", OPT_BASE2LSBF, OPT_NONE, "", "eight '0'/'1' digits per byte, least significant\nbit first") \
	O("z85", OPT_Z85, OPT_NONE, "", \
	  "ZeroMQ's Z85 (an ascii85 variant); the data to\n" \
	  "encode must be a multiple of 4 bytes long, the\ntext to decode a multiple of 5 characters")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "basenc",
	.text = CMD_USAGE("[OPTION]... [FILE]")
		CMD_SUMMARY("Encode FILE in the chosen encoding, or decode it with -d, writing the\n"
		            "result to standard output. One encoding option is required.\n"
		            "\n"
		            "Without FILE, or when FILE is -, read standard input.\n"
		            "Arguments required by long options are required by short ones too.")
		CMD_DETAILS("Newlines in the text to decode are skipped; any other byte outside the\n"
		            "alphabet is an error unless --ignore-garbage is given."),
};

enum {
	/* Encoding reads whole groups of every encoding (3, 4, 5 bytes); Z85
	   fails on the last 30720-byte block as GNU's does. */
	ENC_IN = 4 * 30720,
	Z85_BLOCK = 30720,
	DEC_IN = 128 * 1024,
	/* GNU decodes base64url 5600 bytes at a time and rejects a whole
	   block that holds a '+' or '/'. */
	URL_BLOCK = 5600,
	WRAP_BUF = 256 * 1024,
};

size_t basenc_parse_wrap(const char *arg)
{
	intmax_t w;
	int st = num_parse_imax(arg, NULL, &w);
	if ((st & (NUM_INVALID | NUM_INVALID_SUFFIX)) || w < 0)
		diag_die(EXIT_FAILURE, 0, "invalid wrap size: %s", quote(arg));
	if ((st & NUM_OVERFLOW) || (uintmax_t)w > SIZE_MAX)
		return 0;
	return (size_t)w;
}

bool basenc_common_option(struct basenc_job *job, int key, const char *arg)
{
	switch (key) {
	case 'd':
		job->decode = true;
		return true;
	case 'i':
		job->ignore_garbage = true;
		return true;
	case 'w':
		job->wrap = basenc_parse_wrap(arg);
		return true;
	}
	return false;
}

void basenc_operands(struct basenc_job *job, char **operands, int n)
{
	if (n > 1)
		opt_extra_operand(operands[1]);
	job->file = n ? operands[0] : "-";
}

/* Output with line breaks every WRAP columns. A line break is written
   only when more text follows it (and once at the very end), as GNU's
   is, so that output cut short by an error ends where GNU's ends. */
static struct {
	size_t wrap, col;
	char *buf;
	size_t used;
} wr;

static void wrap_flush(void)
{
	out_write(wr.buf, wr.used);
	wr.used = 0;
}

static void wrap_write(const char *s, size_t n)
{
	if (!wr.wrap) {
		out_write(s, n);
		return;
	}
	while (n) {
		if (wr.col == wr.wrap) {
			if (wr.used == WRAP_BUF)
				wrap_flush();
			wr.buf[wr.used++] = '\n';
			wr.col = 0;
		}
		size_t k = wr.wrap - wr.col;
		if (k > n)
			k = n;
		if (k > WRAP_BUF - wr.used)
			k = WRAP_BUF - wr.used;
		memcpy(wr.buf + wr.used, s, k);
		wr.used += k;
		wr.col += k;
		s += k;
		n -= k;
		if (wr.used == WRAP_BUF)
			wrap_flush();
	}
}

static void wrap_end(void)
{
	if (!wr.wrap)
		return;
	if (wr.col > 0) {
		if (wr.used == WRAP_BUF)
			wrap_flush();
		wr.buf[wr.used++] = '\n';
	}
	wrap_flush();
}

/* Read up to N bytes into BUF, fewer only at the end of input or on a
   read error (then *ERR is set, else it is 0). Returns the count. */
static size_t fill(int fd, char *buf, size_t n, int *err)
{
	size_t got = 0;
	*err = 0;
	while (got < n) {
		sys_ssize r = sys_read(fd, buf + got, n - got);
		if (r < 0) {
			*err = errno;
			break;
		}
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return got;
}

static _Noreturn void read_error(int err)
{
	diag_die(EXIT_FAILURE, err, "read error");
}

static void encode_blocks(int fd, enum baseenc_kind kind)
{
	char *in = xmalloc(ENC_IN);
	char *enc = xmalloc(baseenc_encoded_len(kind, ENC_IN));
	for (;;) {
		int err;
		size_t len = fill(fd, in, ENC_IN, &err);
		if (kind == BASEENC_Z85 && len % 4) {
			wrap_write(enc, baseenc_encode(kind, in, len / Z85_BLOCK * Z85_BLOCK, enc));
			if (wr.wrap)
				wrap_flush();
			diag_die(EXIT_FAILURE, 0, "invalid input (length must be multiple of 4 characters)");
		}
		wrap_write(enc, baseenc_encode(kind, in, len, enc));
		if (err) {
			wrap_end();
			read_error(err);
		}
		if (len < ENC_IN)
			break;
	}
	free(enc);
	free(in);
}

static void encode_base58(int fd)
{
	size_t cap = ENC_IN, len = 0;
	char *data = xmalloc(cap);
	for (;;) {
		if (len == cap)
			data = xgrow(data, &cap, 1);
		sys_ssize n = sys_read(fd, data + len, cap - len);
		if (n < 0)
			read_error(errno);
		if (n == 0)
			break;
		len += (size_t)n;
	}
	size_t outlen;
	char *enc = baseenc_base58_encode(data, len, &outlen);
	free(data);
	wrap_write(enc, outlen);
	free(enc);
}

static _Noreturn void invalid_input(void)
{
	diag_die(EXIT_FAILURE, 0, "invalid input");
}

/* Feed N bytes to the decoder and write what comes out. */
static void decode_piece(struct baseenc_dec *d, const char *in, size_t n, unsigned char *out)
{
	size_t outlen;
	bool ok = baseenc_dec_update(d, in, n, out, &outlen);
	out_write(out, outlen);
	if (!ok)
		invalid_input();
}

static void decode(int fd, const struct basenc_job *job)
{
	struct baseenc_dec d;
	baseenc_dec_init(&d, job->kind);
	bool url = job->kind == BASEENC_BASE64URL;
	char *in = xmalloc(DEC_IN);
	unsigned char *out = xmalloc(baseenc_decoded_max(DEC_IN));
	char *block = url ? xmalloc(URL_BLOCK) : NULL;
	size_t held = 0;
	for (;;) {
		sys_ssize r = sys_read(fd, in, DEC_IN);
		if (r < 0)
			read_error(errno);
		size_t n = (size_t)r;
		if (job->ignore_garbage)
			n = baseenc_filter(job->kind, in, n);
		if (!url) {
			if (r == 0)
				break;
			decode_piece(&d, in, n, out);
			continue;
		}
		for (size_t i = 0; i < n || (r == 0 && held);) {
			size_t k = URL_BLOCK - held;
			if (k > n - i)
				k = n - i;
			memcpy(block + held, in + i, k);
			held += k;
			i += k;
			if (held == URL_BLOCK || r == 0) {
				if (memchr(block, '+', held) || memchr(block, '/', held))
					invalid_input();
				decode_piece(&d, block, held, out);
				held = 0;
			}
		}
		if (r == 0)
			break;
	}
	unsigned char *tail;
	size_t taillen;
	bool ok = baseenc_dec_final(&d, &tail, &taillen);
	out_write(tail, taillen);
	if (!ok)
		invalid_input();
	baseenc_dec_free(&d);
	free(block);
	free(out);
	free(in);
}

int basenc_run(const struct basenc_job *job)
{
	int fd = in_open(job->file);
	if (fd < 0)
		diag_die(EXIT_FAILURE, errno, "%s", quotef(job->file));
	sys_advise_sequential(fd);
	if (job->decode) {
		decode(fd, job);
	} else {
		wr.wrap = job->wrap;
		wr.col = 0;
		wr.buf = job->wrap ? xmalloc(WRAP_BUF) : NULL;
		if (job->kind == BASEENC_BASE58)
			encode_base58(fd);
		else
			encode_blocks(fd, job->kind);
		wrap_end();
		free(wr.buf);
	}
	if (in_close(fd) != 0)
		diag_die(EXIT_FAILURE, errno, "%s", in_is_stdin(job->file) ? "closing standard input" : quotef(job->file));
	return EXIT_SUCCESS;
}

OPT_TABLE(common_opts, BASENC_COMMON_OPTIONS);

int basenc_main(int argc, char **argv, const struct cmd_info *info, enum baseenc_kind kind)
{
	struct basenc_job job = { .kind = kind, .wrap = 76 };
	struct opt_parser p;
	int c;
	opt_init(&p, info, &common_opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END)
		basenc_common_option(&job, c, p.arg);
	basenc_operands(&job, p.operands, p.noperands);
	return basenc_run(&job);
}

int main_basenc(int argc, char **argv)
{
	struct basenc_job job = { .wrap = 76 };
	int kind = -1;
	struct opt_parser p;
	int c;
	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		if (basenc_common_option(&job, c, p.arg))
			continue;
		switch (c) {
		case OPT_BASE64: kind = BASEENC_BASE64; break;
		case OPT_BASE64URL: kind = BASEENC_BASE64URL; break;
		case OPT_BASE58: kind = BASEENC_BASE58; break;
		case OPT_BASE32: kind = BASEENC_BASE32; break;
		case OPT_BASE32HEX: kind = BASEENC_BASE32HEX; break;
		case OPT_BASE16: kind = BASEENC_BASE16; break;
		case OPT_BASE2MSBF: kind = BASEENC_BASE2MSBF; break;
		case OPT_BASE2LSBF: kind = BASEENC_BASE2LSBF; break;
		case OPT_Z85: kind = BASEENC_Z85; break;
		default: diag_usage_error(NULL);
		}
	}
	if (kind < 0)
		diag_usage_error("missing encoding type");
	job.kind = (enum baseenc_kind)kind;
	basenc_operands(&job, p.operands, p.noperands);
	return basenc_run(&job);
}
