/*
 * cpufeat.h: which optional instruction sets this processor offers, for
 * code that picks a vectorised path at run time (digests, CRCs).
 *
 * Like GNU's programs, a feature can be switched off for testing with
 * glibc's tunable: GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX2,-AVX512F ...
 * The answer is false on processors other than x86-64.
 */
#ifndef COREBOX_CPUFEAT_H
#define COREBOX_CPUFEAT_H

#include <stdbool.h>

enum cpu_feature {
	CPU_SSE41,
	CPU_AVX,
	CPU_AVX2,
	CPU_AVX512F,
	CPU_AVX512BW,
	CPU_AVX512VL,
	CPU_PCLMUL,
	CPU_VPCLMULQDQ,
};

/* True when the processor has F and GLIBC_TUNABLES does not disable it. */
bool cpu_has(enum cpu_feature f);

#endif
