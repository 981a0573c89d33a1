/* Processor counts, as GNU's num_processors() computes them. */
#include "cpus.h"

#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>

#include "sys.h"

static bool c_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

unsigned long cpus_parse_omp(const char *s)
{
	if (!s)
		return 0;
	while (c_space(*s))
		s++;
	if (*s < '0' || *s > '9')
		return 0;
	char *end;
	unsigned long v = strtoul(s, &end, 10);
	while (c_space(*end))
		end++;
	return *end == 0 || *end == ',' ? v : 0;
}

static unsigned long min_ul(unsigned long a, unsigned long b)
{
	return a < b ? a : b;
}

/* Processors usable now (CPUS_CURRENT) or installed (CPUS_ALL). */
static unsigned long available(enum cpus_query query)
{
	if (query == CPUS_CURRENT)
		return (unsigned long)sys_nproc(SYS_NPROC_AVAILABLE);
	long all = sys_nproc(SYS_NPROC_INSTALLED);
	/* An unmounted /sys can make the installed count 1 or 2; never report
	   fewer than the process may use. */
	if (all <= 2) {
		long cur = sys_nproc(SYS_NPROC_AVAILABLE);
		if (cur > all)
			all = cur;
	}
	return (unsigned long)all;
}

unsigned long cpus_count(enum cpus_query query)
{
	unsigned long limit = ULONG_MAX;
	if (query == CPUS_CURRENT_OVERRIDABLE) {
		unsigned long threads = cpus_parse_omp(sys_getenv("OMP_NUM_THREADS"));
		unsigned long cap = cpus_parse_omp(sys_getenv("OMP_THREAD_LIMIT"));
		if (cap == 0)
			cap = ULONG_MAX;
		if (threads)
			return min_ul(threads, cap);
		limit = cap;
		query = CPUS_CURRENT;
	}
	if (query == CPUS_CURRENT && limit > 1) {
		long quota = sys_cpu_quota();
		if (quota > 0)
			limit = min_ul(limit, (unsigned long)quota);
	}
	if (limit > 1)
		limit = min_ul(limit, available(query));
	return limit;
}
