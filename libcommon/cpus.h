/*
 * How many processors a program should use: GNU's num_processors(), with
 * the OpenMP variables and CPU quotas honoured (nproc, sort --parallel).
 */
#ifndef COREBOX_CPUS_H
#define COREBOX_CPUS_H

enum cpus_query {
	CPUS_ALL,                 /* installed processors */
	CPUS_CURRENT,             /* usable by this process, within its quota */
	CPUS_CURRENT_OVERRIDABLE, /* the same, overridden by OMP_NUM_THREADS and
	                             capped by OMP_THREAD_LIMIT */
};

/* The number of processors for QUERY, at least 1. */
unsigned long cpus_count(enum cpus_query query);

/* An OpenMP thread count: optional blanks, decimal digits, optional blanks,
   and possibly ",..." after (the first nesting level). 0 when S is NULL or
   not of that form; ULONG_MAX when too large. */
unsigned long cpus_parse_omp(const char *s);

#endif
