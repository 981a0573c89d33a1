/* tsort: order the words of a partial order given as pairs "A B" (A
   comes before B) so that every pair is respected.

   This is Knuth's Algorithm T (TAOCP 2.2.3), with the nodes visited in
   byte order of their names wherever the algorithm scans them all, which
   makes the output (and the loops reported) the same as GNU tsort's. A
   loop is reported on standard error and broken by dropping one of its
   relations. */
#include <limits.h>

#include "common.h"

#define OPTIONS(O) \
	O("", 'w', OPT_NONE, "", "")
OPT_TABLE(opts, OPTIONS);

static const struct cmd_info info = {
	.name = "tsort",
	.text = CMD_USAGE("[OPTION] [FILE]")
		CMD_SUMMARY("Read pairs of words \"A B\", meaning that A comes before B, and write\n"
		            "every word once, one per line, in an order that keeps all the pairs.\n"
		            "Words are separated by spaces, tabs and newlines.\n"
		            "\n"
		            "With no FILE, or when FILE is -, read standard input."),
};

enum { NONE = -1 };

struct item {
	char *name;
	size_t count;   /* predecessors not yet written */
	int top;        /* first of its successors (index in succ), or NONE */
	int qlink;      /* next in the output queue or in a loop being traced */
	bool printed;
};

static struct item *items;
static size_t nitems, items_cap;
/* The successor lists: linked cells, newest relation first. */
static struct succ {
	int item;
	int next;
} *succ;
static size_t nsucc, succ_cap;
static int *table;                   /* hash table of item indexes */
static size_t table_size;
static int *sorted;                  /* item indexes in name order */

static int head = NONE, tail = NONE, loop = NONE;

static size_t hash_name(const char *s)
{
	size_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static void rehash(void)
{
	size_t size = table_size ? table_size * 2 : 1024;
	int *t = xmalloc(size * sizeof *t);
	for (size_t i = 0; i < size; i++)
		t[i] = NONE;
	for (size_t i = 0; i < nitems; i++) {
		size_t h = hash_name(items[i].name) & (size - 1);
		while (t[h] != NONE)
			h = (h + 1) & (size - 1);
		t[h] = (int)i;
	}
	free(table);
	table = t;
	table_size = size;
}

/* The item named NAME, made when it is new. */
static int find_item(const char *name)
{
	if (nitems * 2 >= table_size)
		rehash();
	size_t h = hash_name(name) & (table_size - 1);
	for (; table[h] != NONE; h = (h + 1) & (table_size - 1))
		if (strcmp(items[table[h]].name, name) == 0)
			return table[h];
	if (nitems == items_cap)
		items = xgrow(items, &items_cap, sizeof *items);
	if (nitems >= INT_MAX)
		diag_die(EXIT_FAILURE, 0, "memory exhausted");
	struct item *it = &items[nitems];
	it->name = xstrdup(name);
	it->count = 0;
	it->top = it->qlink = NONE;
	it->printed = false;
	table[h] = (int)nitems;
	return (int)nitems++;
}

/* J comes before K. */
static void add_relation(int j, int k)
{
	if (j == k)
		return;
	if (nsucc == succ_cap)
		succ = xgrow(succ, &succ_cap, sizeof *succ);
	if (nsucc >= INT_MAX)
		diag_die(EXIT_FAILURE, 0, "memory exhausted");
	items[k].count++;
	succ[nsucc].item = k;
	succ[nsucc].next = items[j].top;
	items[j].top = (int)nsucc++;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(items[*(const int *)a].name, items[*(const int *)b].name);
}

/* The words read so far: the one being read and the first of a pair. */
static struct {
	char *word;
	size_t len, cap;
	int pending;
} rd = { NULL, 0, 0, NONE };

static void end_word(void)
{
	if (rd.len + 1 > rd.cap)
		rd.word = xgrow(rd.word, &rd.cap, 1);
	rd.word[rd.len] = 0;
	int k = find_item(rd.word);
	if (rd.pending != NONE) {
		add_relation(rd.pending, k);
		rd.pending = NONE;
	} else {
		rd.pending = k;
	}
	rd.len = 0;
}

/* Read the pairs from FD; false at an odd number of words. */
static bool read_pairs(int fd, const char *name)
{
	static char buf[IN_BUFSIZE];
	sys_ssize n;
	while ((n = sys_read(fd, buf, sizeof buf)) != 0) {
		if (n < 0)
			diag_die(EXIT_FAILURE, errno, "%s: read error", quotef(name));
		for (sys_ssize i = 0; i < n; i++) {
			char ch = buf[i];
			if (ch != ' ' && ch != '\t' && ch != '\n') {
				if (rd.len == rd.cap)
					rd.word = xgrow(rd.word, &rd.cap, 1);
				rd.word[rd.len++] = ch;
			} else if (rd.len) {
				end_word();
			}
		}
	}
	if (rd.len)
		end_word();
	return rd.pending == NONE;
}

/* Queue the items with no predecessors left, in name order. */
static void queue_free_items(void)
{
	for (size_t i = 0; i < nitems; i++) {
		int k = sorted[i];
		if (items[k].count || items[k].printed)
			continue;
		if (head == NONE)
			head = k;
		else
			items[tail].qlink = k;
		tail = k;
	}
}

/* One step of the search for a loop among the items left, at K: true
   when a loop was found, printed and broken. */
static bool trace_loop(int k)
{
	struct item *it = &items[k];
	if (it->count == 0)
		return false;
	if (loop == NONE) {
		loop = k;
		return false;
	}
	for (int *p = &it->top; *p != NONE; p = &succ[*p].next) {
		if (succ[*p].item != loop)
			continue;
		if (it->qlink == NONE) {
			it->qlink = loop;
			loop = k;
			return false;
		}
		while (loop != NONE) {
			int next = items[loop].qlink;
			diag_error(0, "%s", items[loop].name);
			if (loop == k) {
				items[succ[*p].item].count--;
				*p = succ[*p].next;
				break;
			}
			items[loop].qlink = NONE;
			loop = next;
		}
		while (loop != NONE) {
			int next = items[loop].qlink;
			items[loop].qlink = NONE;
			loop = next;
		}
		return true;
	}
	return false;
}

int main_tsort(int argc, char **argv)
{
	struct opt_parser p;
	int c;

	opt_init(&p, &info, &opts.table, argc, argv);
	while ((c = opt_next(&p)) != OPT_END)
		if (c != 'w')
			diag_usage_error(NULL);
	if (p.noperands > 1)
		opt_extra_operand(p.operands[1]);

	const char *name = p.noperands ? p.operands[0] : "-";
	int fd = in_open(name);
	if (fd < 0)
		diag_die(EXIT_FAILURE, errno, "%s", quotef(name));
	sys_advise_sequential(fd);
	if (!read_pairs(fd, name))
		diag_die(EXIT_FAILURE, 0, "%s: input contains an odd number of tokens", quotef(name));

	sorted = xmalloc((nitems + 1) * sizeof *sorted);
	for (size_t i = 0; i < nitems; i++)
		sorted[i] = (int)i;
	qsort(sorted, nitems, sizeof *sorted, by_name);

	bool ok = true;
	size_t left = nitems;
	while (left > 0) {
		queue_free_items();
		for (; head != NONE; head = items[head].qlink) {
			struct item *it = &items[head];
			out_puts(it->name);
			out_putc('\n');
			it->printed = true;
			left--;
			for (int s = it->top; s != NONE; s = succ[s].next) {
				struct item *next = &items[succ[s].item];
				if (--next->count == 0) {
					items[tail].qlink = succ[s].item;
					tail = succ[s].item;
				}
			}
		}
		if (left > 0) {
			diag_error(0, "%s: input contains a loop:", quotef(name));
			ok = false;
			do {
				for (size_t i = 0; i < nitems; i++)
					if (trace_loop(sorted[i]))
						break;
			} while (loop != NONE);
		}
	}
	if (sys_close(fd) < 0)
		diag_die(EXIT_FAILURE, errno, "%s", in_is_stdin(name) ? "standard input" : quotef(name));
	return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
