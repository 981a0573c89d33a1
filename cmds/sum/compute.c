/* Hashing files and printing their checksum lines. */
#include <stdio.h>

#include "cpus.h"
#include "crc.h"
#include "sum.h"

enum {
	READ_SIZE = 1024 * 1024,
	/* A digest that can be combined from pieces (the CRC) is computed by
	   several threads over parts of a regular file of at least this many
	   bytes each: one thread alone cannot copy from the page cache as fast
	   as the CRC goes. */
	PART_MIN = 32 * 1024 * 1024,
	PARTS_MAX = 8,
};

static unsigned char *readbuf;
/* One context per algorithm, made on first use and kept. */
static struct digest ctx[DIGEST_NALGOS];
static bool ctx_ready[DIGEST_NALGOS];

/* The digest algorithm for family F at BITS bits. */
static enum digest_algo algo_of(enum sum_family f, uintmax_t bits)
{
	static const enum digest_algo sha2[] = {DIGEST_SHA224, DIGEST_SHA256, DIGEST_SHA384, DIGEST_SHA512};
	static const enum digest_algo sha3[] = {DIGEST_SHA3_224, DIGEST_SHA3_256, DIGEST_SHA3_384, DIGEST_SHA3_512};
	int size = bits == 224 ? 0 : bits == 256 ? 1 : bits == 384 ? 2 : 3;
	switch (f) {
	case FAM_BSD: return DIGEST_BSD;
	case FAM_SYSV: return DIGEST_SYSV;
	case FAM_CRC: return DIGEST_CRC;
	case FAM_CRC32B: return DIGEST_CRC32B;
	case FAM_MD5: return DIGEST_MD5;
	case FAM_SHA1: return DIGEST_SHA1;
	case FAM_SHA224: return DIGEST_SHA224;
	case FAM_SHA256: return DIGEST_SHA256;
	case FAM_SHA384: return DIGEST_SHA384;
	case FAM_SHA512: return DIGEST_SHA512;
	case FAM_SHA2: return sha2[size];
	case FAM_SHA3: return sha3[size];
	case FAM_BLAKE2B: return DIGEST_BLAKE2B;
	case FAM_SM3: return DIGEST_SM3;
	case FAM_BLAKE3: return DIGEST_BLAKE3;
	case FAM_SHAKE128: return DIGEST_SHAKE128;
	case FAM_SHAKE256: return DIGEST_SHAKE256;
	default: return DIGEST_CRC;
	}
}

static void say_debug(const char *msg)
{
	diag_error(0, "%s", msg);
}

/* The context for ALGO with OUTLEN bytes, ready for new input. */
static struct digest *context(enum digest_algo algo, size_t outlen)
{
	struct digest *d = &ctx[algo];
	bool variable = algo == DIGEST_BLAKE2B || algo == DIGEST_BLAKE3 ||
	                algo == DIGEST_SHAKE128 || algo == DIGEST_SHAKE256;
	if (ctx_ready[algo] && variable && d->outlen != outlen) {
		digest_free(d);
		ctx_ready[algo] = false;
	}
	if (!ctx_ready[algo]) {
		if (digest_init(d, algo, variable ? outlen : 0) < 0)
			diag_die(EXIT_FAILURE, 0, "%s", digest_error());
		ctx_ready[algo] = true;
		if (sum.debug && algo == DIGEST_CRC)
			crc_cksum_describe(say_debug);
		if (sum.debug && algo == DIGEST_BLAKE3)
			say_debug(strcmp(blake3_impl(), "avx2") == 0 ? "using avx2 hardware support"
			                                               : "avx2 support not detected");
	} else {
		digest_restart(d);
	}
	return d;
}

struct part {
	int fd;
	sys_off start, len;
	struct digest d;
	int err; /* errno of a failed read, or 0 */
};

/* Digest P's part of the file; short when the file ended early. */
static void part_run(void *arg)
{
	struct part *p = arg;
	unsigned char *buf = malloc(READ_SIZE);
	if (!buf) {
		p->err = ENOMEM;
		return;
	}
	while ((sys_off)p->d.length < p->len) {
		sys_off left = p->len - (sys_off)p->d.length;
		sys_ssize n = sys_pread(p->fd, buf, left < READ_SIZE ? (size_t)left : READ_SIZE,
		                        p->start + (sys_off)p->d.length);
		if (n < 0)
			p->err = errno;
		if (n <= 0)
			break;
		digest_update(&p->d, buf, (size_t)n);
	}
	free(buf);
}

/* Digest the regular file FD (at offset 0) into D in parallel parts, and
   leave FD's offset at the end of what was digested, for the caller to
   read on (the file may have grown). Returns 1 when done, 0 when FD does
   not qualify or the file shrank (then D is restarted and FD back at 0),
   -1 with errno after a read error. */
static int sum_parallel(int fd, struct digest *d)
{
	struct sys_stat st;
	if (!digest_can_combine(d->algo) || sys_fstat(fd, &st) < 0 || !SYS_S_ISREG(st.mode) ||
	    st.size < 2 * (sys_off)PART_MIN)
		return 0;
	unsigned long nparts = cpus_count(CPUS_CURRENT);
	if (nparts > (unsigned long)(st.size / PART_MIN))
		nparts = (unsigned long)(st.size / PART_MIN);
	if (nparts > PARTS_MAX)
		nparts = PARTS_MAX;
	if (nparts < 2)
		return 0;
	struct part parts[PARTS_MAX];
	sys_thread *threads[PARTS_MAX] = {0};
	sys_off each = st.size / (sys_off)nparts;
	for (unsigned long i = 0; i < nparts; i++) {
		struct part *p = &parts[i];
		p->fd = fd;
		p->start = (sys_off)i * each;
		p->len = i + 1 < nparts ? each : st.size - p->start;
		p->err = 0;
		if (digest_init(&p->d, d->algo, d->outlen) < 0)
			diag_die(EXIT_FAILURE, 0, "%s", digest_error());
		if (i > 0)
			threads[i] = sys_thread_start(part_run, p);
	}
	part_run(&parts[0]);
	for (unsigned long i = 1; i < nparts; i++) {
		if (threads[i])
			sys_thread_join(threads[i]);
		else
			part_run(&parts[i]);
	}
	int err = 0;
	bool shrank = false;
	for (unsigned long i = 0; i < nparts; i++) {
		if (!err && parts[i].err)
			err = parts[i].err;
		if ((sys_off)parts[i].d.length != parts[i].len)
			shrank = true;
		digest_combine(d, &parts[i].d);
		digest_free(&parts[i].d);
	}
	if (err) {
		errno = err;
		return -1;
	}
	if (shrank) {
		digest_restart(d);
		return sys_lseek(fd, 0, SYS_SEEK_SET) < 0 ? -1 : 0;
	}
	return sys_lseek(fd, st.size, SYS_SEEK_SET) < 0 ? -1 : 1;
}

int sum_file(const char *name, enum sum_family f, uintmax_t bits, unsigned char *out,
             uint64_t *length, bool missing_ok)
{
	struct digest *d = context(algo_of(f, bits), (size_t)(bits / 8));
	bool is_stdin = in_is_stdin(name);
	int fd = in_open(name);
	if (fd < 0) {
		if (missing_ok && errno == ENOENT)
			return 1;
		diag_error(errno, "%s", quotef(name));
		return -1;
	}
	if (is_stdin)
		sum.read_stdin = true;
	if (!readbuf)
		readbuf = xmalloc(READ_SIZE);
	sys_advise_sequential(fd);
	int parallel = is_stdin ? 0 : sum_parallel(fd, d);
	for (;;) {
		sys_ssize n = parallel < 0 ? -1 : sys_read(fd, readbuf, READ_SIZE);
		if (n == 0)
			break;
		if (n < 0) {
			int err = errno;
			in_close(fd);
			diag_error(err, "%s", quotef(name));
			return -1;
		}
		digest_update(d, readbuf, (size_t)n);
	}
	digest_final(d, out);
	*length = d->length;
	if (in_close(fd) < 0) {
		diag_error(errno, "%s", quotef(name));
		return -1;
	}
	return 0;
}

bool sum_needs_escape(const char *name)
{
	return name[strcspn(name, "\\\n\r")] != '\0';
}

void sum_print_name(const char *name, bool escape)
{
	if (!escape) {
		out_puts(name);
		return;
	}
	for (const char *p = name; *p;) {
		size_t run = strcspn(p, "\\\n\r");
		out_write(p, run);
		p += run;
		if (!*p)
			break;
		out_puts(*p == '\n' ? "\\n" : *p == '\r' ? "\\r" : "\\\\");
		p++;
	}
}

/* The BSD, System V and CRC lines: the value, the size, and the name when
   there were operands. */
static void print_legacy(const char *name, const unsigned char *digest, uint64_t length)
{
	char size[32];
	unsigned v = (unsigned)digest[0] << 8 | digest[1];
	switch (sum.fam) {
	case FAM_BSD:
		snprintf(size, sizeof size, "%ju", (uintmax_t)(length / 1024 + (length % 1024 != 0)));
		out_printf("%05u %5s", v, size);
		break;
	case FAM_SYSV:
		out_printf("%u %ju", v, (uintmax_t)(length / 512 + (length % 512 != 0)));
		break;
	default:
		v = (unsigned)digest[0] << 24 | (unsigned)digest[1] << 16 | (unsigned)digest[2] << 8 | digest[3];
		out_printf("%u %ju", v, (uintmax_t)length);
		break;
	}
	if (sum.names_given) {
		out_putc(' ');
		out_puts(name);
	}
	out_putc(sum.zero ? '\0' : '\n');
}

static bool is_legacy(enum sum_family f)
{
	return f == FAM_BSD || f == FAM_SYSV || f == FAM_CRC || f == FAM_CRC32B;
}

/* The tag of a tagged line: the family's, with the length where GNU (or
   uutils) writes one. */
static void print_tag(void)
{
	switch (sum.fam) {
	case FAM_SHA2:
		out_printf("SHA%ju", sum.bits);
		break;
	case FAM_SHA3:
	case FAM_SHAKE128:
	case FAM_SHAKE256:
		out_printf("%s-%ju", sum.tag, sum.bits);
		break;
	case FAM_BLAKE2B:
	case FAM_BLAKE3:
		out_puts(sum.tag);
		if (sum.bits != sum_default_bits(sum.fam))
			out_printf("-%ju", sum.bits);
		break;
	default:
		out_puts(sum.tag);
		break;
	}
}

void sum_print(const char *name, const unsigned char *digest, uint64_t length)
{
	size_t n = (size_t)(sum.bits / 8);
	if (sum.raw) {
		out_write(digest, is_legacy(sum.fam) ? (sum.fam == FAM_BSD || sum.fam == FAM_SYSV ? 2 : 4) : n);
		return;
	}
	if (is_legacy(sum.fam)) {
		print_legacy(name, digest, length);
		return;
	}
	bool escape = !sum.zero && sum_needs_escape(name);
	if (escape)
		out_putc('\\');
	if (sum.tagged) {
		print_tag();
		out_puts(" (");
		sum_print_name(name, escape);
		out_puts(") = ");
	}
	char *text = xmalloc(2 * n + 4);
	if (sum.base64)
		digest_base64(text, digest, n);
	else
		digest_hex(text, digest, n);
	out_puts(text);
	free(text);
	if (!sum.tagged && !sum.no_names) {
		out_putc(' ');
		out_putc(sum.binary ? '*' : ' ');
		sum_print_name(name, escape);
	}
	out_putc(sum.zero ? '\0' : '\n');
}
