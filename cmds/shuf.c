/* shuf: write a random permutation of lines, arguments or numbers. */
#include "common.h"

#include <ctype.h>
#include <inttypes.h>

enum { OPT_RANDOM_SOURCE = OPT_LONG };

#define OPTIONS(O) \
	O("echo", 'e', OPT_NONE, "", "shuffle the ARGs, one line each") \
	O("input-range", 'i', OPT_REQ, "LO-HI", "shuffle the numbers LO to HI, one line each") \
	O("head-count", 'n', OPT_REQ, "COUNT", "write no more than COUNT lines") \
	O("output", 'o', OPT_REQ, "FILE", "write to FILE rather than standard output") \
	O("random-source", OPT_RANDOM_SOURCE, OPT_REQ, "FILE", "take the random bytes from FILE") \
	O("repeat", 'r', OPT_NONE, "", "pick each line independently, so that lines may\nrepeat; without -n, forever") \
	O("zero-terminated", 'z', OPT_NONE, "", "lines end with a NUL byte, not a newline")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "shuf",
	.text = CMD_USAGE("[OPTION]... [FILE]\n-e [OPTION]... [ARG]...\n-i LO-HI [OPTION]...")
		CMD_SUMMARY("Write the input lines to standard output in random order.\n"
		            "\n"
		            "Without FILE, or when FILE is -, read standard input.\n"
		            "Arguments required by long options are required by short ones too."),
};

/* Inputs whose size is unknown or above this are sampled (-n) while
   being read instead of being held whole. */
enum { RESERVOIR_MIN_INPUT = 8192 * 1024 };
enum { RAND_BUFSIZE = 4096 };

/* A source of random integers. Random bytes come from a file or from the
   system; they are turned into integers exactly as GNU does, so that the
   same bytes give the same choices. */
struct rng {
	int fd;                 /* the --random-source file, or -1 for the system */
	const char *name;
	unsigned char buf[RAND_BUFSIZE];
	size_t pos, len;
	uintmax_t num, max;     /* unused randomness: NUM uniform in 0..MAX */
};

static void rng_fill(struct rng *r)
{
	if (r->fd < 0) {
		if (sys_random_bytes(r->buf, sizeof r->buf) != 0)
			diag_die(EXIT_FAILURE, errno, "%s", quotef("getrandom"));
		r->len = sizeof r->buf;
	} else {
		sys_ssize n = sys_read(r->fd, r->buf, sizeof r->buf);
		if (n <= 0)
			diag_die(EXIT_FAILURE, n < 0 ? errno : 0,
				 n < 0 ? "%s: read error" : "%s: end of file", quote(r->name));
		r->len = (size_t)n;
	}
	r->pos = 0;
}

static void rng_bytes(struct rng *r, unsigned char *p, size_t n)
{
	while (n) {
		if (r->pos == r->len)
			rng_fill(r);
		size_t k = r->len - r->pos < n ? r->len - r->pos : n;
		memcpy(p, r->buf + r->pos, k);
		r->pos += k;
		p += k;
		n -= k;
	}
}

/* A uniformly chosen integer in 0 .. CHOICES-1 (CHOICES > 0). Bytes are
   appended to the unused randomness until it covers the range; a value
   in the uneven tail is rejected, keeping what it still tells. */
static uintmax_t rng_below(struct rng *r, uintmax_t choices)
{
	uintmax_t genmax = choices - 1;
	uintmax_t num = r->num, max = r->max;
	for (;;) {
		if (max < genmax) {
			unsigned char b[sizeof(uintmax_t)];
			size_t need = 0;
			uintmax_t m = max;
			do {
				m = (m << 8) + 255;
				need++;
			} while (m < genmax);
			rng_bytes(r, b, need);
			for (size_t i = 0; i < need; i++) {
				num = (num << 8) + b[i];
				max = (max << 8) + 255;
			}
		}
		if (max == genmax) {
			r->num = r->max = 0;
			return num;
		}
		uintmax_t excess = max - genmax;
		uintmax_t unusable = excess % choices;
		uintmax_t reduced = num % choices;
		if (num <= max - unusable) {
			r->num = num / choices;
			r->max = excess / choices;
			return reduced;
		}
		num = reduced;
		max = unusable - 1;
	}
}

/* A map from indexes to values, for permuting a few elements of a huge
   range: an index not in it holds itself. */
struct sparse {
	uintmax_t *keys, *vals;
	bool *used;
	size_t cap, count;
};

static size_t sparse_slot(const struct sparse *s, uintmax_t key)
{
	size_t i = (size_t)((key * UINT64_C(0x9e3779b97f4a7c15)) >> 7) & (s->cap - 1);
	while (s->used[i] && s->keys[i] != key)
		i = (i + 1) & (s->cap - 1);
	return i;
}

static uintmax_t sparse_get(const struct sparse *s, uintmax_t key)
{
	size_t i = sparse_slot(s, key);
	return s->used[i] ? s->vals[i] : key;
}

static void sparse_set(struct sparse *s, uintmax_t key, uintmax_t val)
{
	size_t i = sparse_slot(s, key);
	if (!s->used[i]) {
		s->used[i] = true;
		s->keys[i] = key;
		s->count++;
	}
	s->vals[i] = val;
}

/* The first H elements of a random permutation of 0 .. N-1 (H <= N), by
   swapping element I with one chosen from I .. N-1, for each I < H. */
static uintmax_t *rand_perm(struct rng *r, size_t h, uintmax_t n)
{
	if (h == 0)
		return NULL;
	if (h == 1) {
		uintmax_t *v = xmalloc(sizeof *v);
		v[0] = rng_below(r, n);
		return v;
	}
	if (n <= 4 * (uintmax_t)h) {
		uintmax_t *all = xmalloc((size_t)n * sizeof *all);
		for (size_t i = 0; i < (size_t)n; i++)
			all[i] = i;
		for (size_t i = 0; i < h; i++) {
			size_t j = i + (size_t)rng_below(r, n - i);
			uintmax_t t = all[i];
			all[i] = all[j];
			all[j] = t;
		}
		return xrealloc(all, h * sizeof *all);
	}
	uintmax_t *v = xmalloc(h * sizeof *v);
	struct sparse s = { 0 };
	s.cap = 16;
	while (s.cap < 4 * h)
		s.cap *= 2;
	s.keys = xmalloc(s.cap * sizeof *s.keys);
	s.vals = xmalloc(s.cap * sizeof *s.vals);
	s.used = xcalloc(s.cap, sizeof *s.used);
	for (size_t i = 0; i < h; i++) {
		uintmax_t j = i + rng_below(r, n - i);
		uintmax_t vi = sparse_get(&s, i), vj = sparse_get(&s, j);
		sparse_set(&s, i, vj);
		sparse_set(&s, j, vi);
		v[i] = vj;
	}
	free(s.keys);
	free(s.vals);
	free(s.used);
	return v;
}

/* The random source: FILE, or the system's (NAME NULL). None is opened
   when no random byte will be needed (BOUND 0). */
static struct rng *rng_open(const char *name, uintmax_t bound)
{
	struct rng *r = xcalloc(1, sizeof *r);
	r->fd = -1;
	r->name = name;
	if (name && bound) {
		r->fd = sys_open(name, SYS_O_RDONLY, 0);
		if (r->fd < 0)
			diag_die(EXIT_FAILURE, errno, "%s", quotef(name));
	}
	return r;
}

/* Lines: LINE[i] .. LINE[i+1] is line i with its terminator. */
struct lines {
	char *buf;
	char **line;
	size_t n;
};

/* Read all of FD; each line ends with DELIM (one is added at the end
   when missing). */
static void read_all(int fd, char delim, struct lines *l)
{
	size_t cap = 64 * 1024, len = 0;
	char *buf = xmalloc(cap);
	for (;;) {
		if (cap - len < IN_BUFSIZE / 2)
			buf = xgrow(buf, &cap, 1);
		sys_ssize n = sys_read(fd, buf + len, cap - len - 1);
		if (n < 0)
			diag_die(EXIT_FAILURE, errno, "read error");
		if (n == 0)
			break;
		len += (size_t)n;
	}
	if (len && buf[len - 1] != delim)
		buf[len++] = delim;
	size_t count = 0;
	for (char *p = buf, *end = buf + len; p < end; p = (char *)memchr(p, delim, (size_t)(end - p)) + 1)
		count++;
	l->line = xmalloc((count + 1) * sizeof *l->line);
	char *p = buf;
	for (size_t i = 0; i < count; i++) {
		l->line[i] = p;
		p = (char *)memchr(p, delim, (size_t)(buf + len - p)) + 1;
	}
	l->line[count] = p;
	l->buf = buf;
	l->n = count;
}

/* A line kept by reservoir sampling. */
struct kept {
	char *p;
	size_t len, cap;
};

static void keep_line(struct kept *k, const char *p, size_t len, char delim, bool add_delim)
{
	size_t need = len + add_delim;
	if (k->cap < need) {
		free(k->p);
		k->cap = need;
		k->p = xmalloc(need);
	}
	memcpy(k->p, p, len);
	if (add_delim)
		k->p[len] = delim;
	k->len = need;
}

/* Keep K lines of FD chosen uniformly while reading it: line number N
   (from 0), past the first K, takes the place of a random one of them
   with probability K/(N+1). Returns how many lines were kept. */
static size_t sample_lines(int fd, char delim, size_t k, struct rng *r, struct kept **out)
{
	struct in_rec rd;
	inrec_init(&rd, fd);
	size_t cap = k < 1024 ? k : 1024;
	struct kept *res = xcalloc(cap, sizeof *res);
	uintmax_t n = 0;
	char *rec;
	size_t len;
	int st = 1;
	while (n < k && (st = inrec_next(&rd, delim, &rec, &len)) == 1) {
		if (n == cap) {
			size_t old = cap;
			cap = cap * 2 < k ? cap * 2 : k;
			res = xrealloc(res, cap * sizeof *res);
			memset(res + old, 0, (cap - old) * sizeof *res);
		}
		keep_line(&res[n], rec, len, delim, rec[len - 1] != delim);
		n++;
	}
	if (st == 1) {
		for (;;) {
			uintmax_t j = rng_below(r, n + 1);
			if ((st = inrec_next(&rd, delim, &rec, &len)) != 1)
				break;
			if (j < k)
				keep_line(&res[j], rec, len, delim, rec[len - 1] != delim);
			n++;
		}
	}
	if (st < 0)
		diag_die(EXIT_FAILURE, errno, "read error");
	inrec_free(&rd);
	*out = res;
	return n < k ? (size_t)n : k;
}

/* Whether the rest of FD (a regular file) is small enough to hold. */
static bool input_small(int fd)
{
	struct sys_stat st;
	if (sys_fstat(fd, &st) != 0 || !SYS_S_ISREG(st.mode))
		return false;
	sys_off pos = sys_lseek(fd, 0, SYS_SEEK_CUR);
	return pos >= 0 && st.size - pos <= RESERVOIR_MIN_INPUT;
}

static void put_number(uintmax_t v, char delim)
{
	char buf[24];
	char *p = buf + sizeof buf;
	*--p = delim;
	do
		*--p = (char)('0' + v % 10);
	while (v /= 10);
	out_write(p, (size_t)(buf + sizeof buf - p));
}

/* Send standard output to FILE, created or truncated. */
static void redirect_output(const char *file)
{
	int fd = sys_open(file, SYS_O_WRONLY | SYS_O_CREAT | SYS_O_TRUNC, 0666);
	if (fd < 0)
		diag_die(EXIT_FAILURE, errno, "%s", quotef(file));
	if (fd != 1) {
		if (sys_dup2(fd, 1) < 0)
			diag_die(EXIT_FAILURE, errno, "%s", quotef(file));
		sys_close(fd);
	}
}

/* LO-HI of -i; an empty range (LO = HI + 1) is fine. */
static void parse_range(const char *arg, uintmax_t *lo, uintmax_t *hi)
{
	const char *s = arg;
	char *end;
	int err = 0;
	bool ok = false;
	while (isspace((unsigned char)*s))
		s++;
	if (*s != '-' && *arg) {
		errno = 0;
		*lo = strtoumax(arg, &end, 10);
		if (end != arg) {
			if (errno == ERANGE) {
				err = EOVERFLOW;
			} else if (*end == '-') {
				const char *h = end + 1;
				s = h;
				while (isspace((unsigned char)*s))
					s++;
				if (*s != '-') {
					errno = 0;
					*hi = strtoumax(h, &end, 10);
					if (errno == ERANGE)
						err = *end ? 0 : EOVERFLOW;
					else
						ok = end != h && !*end;
				}
			}
		}
	}
	uintmax_t n = *hi - *lo + 1;
	if (!ok || (*lo <= *hi) == (n == 0))
		diag_die(EXIT_FAILURE, err, "%s: %s", "invalid input range", quote(arg));
}

int main_shuf(int argc, char **argv)
{
	bool echo = false, range = false, repeat = false;
	uintmax_t lo = UINTMAX_MAX, hi = 0;
	uintmax_t head = PTRDIFF_MAX;
	const char *outfile = NULL, *random_source = NULL;
	char delim = '\n';
	struct opt_parser p;
	int c;

	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END) {
		switch (c) {
		case 'e':
			echo = true;
			break;
		case 'i':
			if (range)
				diag_die(EXIT_FAILURE, 0, "multiple -i options specified");
			range = true;
			parse_range(p.arg, &lo, &hi);
			break;
		case 'n': {
			uintmax_t v;
			int st = num_parse_umax(p.arg, "", &v);
			if (st == NUM_OK) {
				if (v < head)
					head = v;
			} else if (st != NUM_OVERFLOW) {
				diag_die(EXIT_FAILURE, 0, "invalid line count: %s", quote(p.arg));
			}
			break;
		}
		case 'o':
			if (outfile && strcmp(outfile, p.arg) != 0)
				diag_die(EXIT_FAILURE, 0, "multiple output files specified");
			outfile = p.arg;
			break;
		case OPT_RANDOM_SOURCE:
			if (random_source && strcmp(random_source, p.arg) != 0)
				diag_die(EXIT_FAILURE, 0, "multiple random sources specified");
			random_source = p.arg;
			break;
		case 'r':
			repeat = true;
			break;
		case 'z':
			delim = 0;
			break;
		}
	}
	int nops = p.noperands;
	char **ops = p.operands;
	if (echo && range)
		diag_usage_error("cannot combine -e and -i options");
	if (range ? nops > 0 : !echo && nops > 1)
		opt_extra_operand(ops[!range]);

	struct lines in = { 0 };
	struct kept *kept = NULL;
	struct rng *r = NULL;
	bool sampling = false;
	uintmax_t n_lines = 0;
	if (head == 0) {
		n_lines = 0;
	} else if (echo) {
		size_t total = 0;
		for (int i = 0; i < nops; i++)
			total += strlen(ops[i]) + 1;
		in.buf = xmalloc(total + 1);
		in.line = xmalloc(((size_t)nops + 1) * sizeof *in.line);
		char *q = in.buf;
		for (int i = 0; i < nops; i++) {
			size_t len = strlen(ops[i]);
			in.line[i] = q;
			memcpy(q, ops[i], len);
			q += len;
			*q++ = delim;
		}
		in.line[nops] = q;
		in.n = (size_t)nops;
		n_lines = in.n;
	} else if (range) {
		n_lines = hi - lo + 1;
	} else {
		int fd = 0;
		if (nops == 1 && !in_is_stdin(ops[0])) {
			fd = sys_open(ops[0], SYS_O_RDONLY, 0);
			if (fd < 0)
				diag_die(EXIT_FAILURE, errno, "%s", quotef(ops[0]));
		}
		sys_advise_sequential(fd);
		if (repeat || head == PTRDIFF_MAX || input_small(fd)) {
			read_all(fd, delim, &in);
			n_lines = in.n;
		} else {
			sampling = true;
			n_lines = SIZE_MAX;
		}
		if (sampling) {
			r = rng_open(random_source, UINTMAX_MAX);
			n_lines = sample_lines(fd, delim, (size_t)head, r, &kept);
		}
		if (fd != 0 && sys_close(fd) != 0)
			diag_die(EXIT_FAILURE, errno, "read error");
	}

	uintmax_t ahead = repeat || head < n_lines ? head : n_lines;
	if (sampling)
		ahead = n_lines;
	else
		r = rng_open(random_source, repeat || ahead ? UINTMAX_MAX : 0);
	uintmax_t *perm = repeat ? NULL : rand_perm(r, (size_t)ahead, n_lines);
	if (outfile)
		redirect_output(outfile);

	if (repeat && head != 0 && n_lines == 0)
		diag_die(EXIT_FAILURE, 0, "no lines to repeat");
	for (uintmax_t i = 0; i < ahead; i++) {
		uintmax_t j = repeat ? rng_below(r, range ? hi - lo + 1 : n_lines) : perm[i];
		if (range)
			put_number(lo + j, delim);
		else if (sampling)
			out_write(kept[j].p, kept[j].len);
		else
			out_write(in.line[j], (size_t)(in.line[j + 1] - in.line[j]));
	}

	if (sampling)
		for (size_t i = 0; i < (size_t)n_lines; i++)
			free(kept[i].p);
	free(kept);
	free(perm);
	free(in.buf);
	free(in.line);
	if (r->fd >= 0)
		sys_close(r->fd);
	free(r);
	free(p.operands);
	return EXIT_SUCCESS;
}
