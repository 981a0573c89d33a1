/* Field and position lists (cut, numfmt). */
#include "fields.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "quote.h"
#include "xalloc.h"

struct range_vec {
	struct field_range *r;
	size_t n, cap;
};

static void add_range(struct range_vec *v, uintmax_t lo, uintmax_t hi)
{
	if (v->n == v->cap)
		v->r = xgrow(v->r, &v->cap, sizeof *v->r);
	v->r[v->n].lo = lo;
	v->r[v->n].hi = hi;
	v->n++;
}

static int cmp_lo(const void *a, const void *b)
{
	const struct field_range *x = a, *y = b;
	return (x->lo > y->lo) - (x->lo < y->lo);
}

/* Replace the sorted, merged ranges of V by the numbers they leave out. */
static void complement(struct range_vec *v)
{
	struct range_vec c = { 0 };
	if (v->r[0].lo > 1)
		add_range(&c, 1, v->r[0].lo - 1);
	for (size_t i = 1; i < v->n; i++)
		if (v->r[i - 1].hi + 1 != v->r[i].lo)
			add_range(&c, v->r[i - 1].hi + 1, v->r[i].lo - 1);
	if (v->r[v->n - 1].hi < UINTMAX_MAX)
		add_range(&c, v->r[v->n - 1].hi + 1, UINTMAX_MAX);
	free(v->r);
	*v = c;
}

static char *fail(struct range_vec *v, char *msg)
{
	free(v->r);
	return msg;
}

char *fields_parse(const char *spec, unsigned flags, struct field_range **out, size_t *count)
{
	bool pos = flags & FIELDS_POSITIONS;
	const char *from1 = pos ? "byte/character positions are numbered from 1" : "fields are numbered from 1";
	struct range_vec v = { 0 };
	uintmax_t initial = 1, value = 0;
	bool lhs = false, rhs = false, dash = false;
	const char *num_start = NULL;
	const char *s = spec;

	*out = NULL;
	if ((flags & FIELDS_ALLOW_DASH) && strcmp(s, "-") == 0) {
		value = 1;
		lhs = dash = true;
		s++;
	}
	for (;;) {
		unsigned char c = (unsigned char)*s;
		if (c == '-') {
			num_start = NULL;
			if (dash)
				return fail(&v, xstrdup(pos ? "invalid byte or character range" : "invalid field range"));
			dash = true;
			s++;
			if (lhs && !value)
				return fail(&v, xstrdup(from1));
			initial = lhs ? value : 1;
			value = 0;
		} else if (c == ',' || isblank(c) || c == 0) {
			num_start = NULL;
			if (dash) {
				dash = false;
				if (!lhs && !rhs) {
					if (!(flags & FIELDS_ALLOW_DASH))
						return fail(&v, xstrdup("invalid range with no endpoint: -"));
					initial = 1;
				}
				if (!rhs) {
					add_range(&v, initial, UINTMAX_MAX);
				} else {
					if (value < initial)
						return fail(&v, xstrdup("invalid decreasing range"));
					add_range(&v, initial, value);
				}
			} else {
				if (value == 0)
					return fail(&v, xstrdup(from1));
				add_range(&v, value, value);
			}
			value = 0;
			if (c == 0)
				break;
			s++;
			lhs = rhs = false;
		} else if (c >= '0' && c <= '9') {
			if (!num_start)
				num_start = s;
			if (dash)
				rhs = true;
			else
				lhs = true;
			unsigned d = c - '0';
			if (value > (UINTMAX_MAX - d) / 10 || value * 10 + d == UINTMAX_MAX) {
				size_t len = strspn(num_start, "0123456789");
				char *num = xmemdup(num_start, len + 1);
				num[len] = 0;
				char *msg = xasprintf(pos ? "byte/character offset %s is too large" : "field number %s is too large",
						      quote(num));
				free(num);
				return fail(&v, msg);
			}
			value = value * 10 + d;
			s++;
		} else {
			return fail(&v, xasprintf(pos ? "invalid byte/character position %s" : "invalid field value %s",
						  quote(s)));
		}
	}
	if (v.n == 0)
		return fail(&v, xstrdup(pos ? "missing list of byte/character positions" : "missing list of fields"));

	qsort(v.r, v.n, sizeof *v.r, cmp_lo);
	size_t n = 0;
	for (size_t i = 0; i < v.n; i++) {
		if (n && v.r[i].lo <= v.r[n - 1].hi) {
			if (v.r[i].hi > v.r[n - 1].hi)
				v.r[n - 1].hi = v.r[i].hi;
		} else {
			v.r[n++] = v.r[i];
		}
	}
	v.n = n;
	if (flags & FIELDS_COMPLEMENT)
		complement(&v);
	if (count)
		*count = v.n;
	add_range(&v, UINTMAX_MAX, UINTMAX_MAX);
	*out = v.r;
	return NULL;
}

struct field_range *fields_xparse(const char *spec, unsigned flags)
{
	struct field_range *r;
	char *msg = fields_parse(spec, flags, &r, NULL);
	if (msg)
		diag_usage_error("%s", msg);
	return r;
}

bool fields_has(const struct field_range *r, uintmax_t n)
{
	for (; r->lo != UINTMAX_MAX; r++)
		if (r->lo <= n && n <= r->hi)
			return true;
	return false;
}
