/* cpufeat.c: run-time processor feature checks. */
#include <string.h>

#include "cpufeat.h"
#include "sys.h"

/* glibc's name of each feature in glibc.cpu.hwcaps. */
static const char *const tunable_names[] = {
	[CPU_SSE41] = "SSE4_1",
	[CPU_AVX] = "AVX",
	[CPU_AVX2] = "AVX2",
	[CPU_AVX512F] = "AVX512F",
	[CPU_AVX512BW] = "AVX512BW",
	[CPU_AVX512VL] = "AVX512VL",
	[CPU_PCLMUL] = "PCLMULQDQ",
	[CPU_VPCLMULQDQ] = "VPCLMULQDQ",
};

/* True when GLIBC_TUNABLES lists "-NAME" in glibc.cpu.hwcaps. */
static bool disabled_by_tunable(const char *name)
{
	const char *t = sys_getenv("GLIBC_TUNABLES");
	static const char key[] = "glibc.cpu.hwcaps=";
	size_t nlen = strlen(name);

	while (t && *t) {
		size_t len = strcspn(t, ":");
		if (len > sizeof key - 1 && memcmp(t, key, sizeof key - 1) == 0) {
			const char *p = t + sizeof key - 1, *end = t + len;
			while (p < end) {
				size_t n = strcspn(p, ",:");
				if (p + n > end)
					n = end - p;
				if (n == nlen + 1 && p[0] == '-' && memcmp(p + 1, name, nlen) == 0)
					return true;
				p += n + (p + n < end);
			}
		}
		t += len + (t[len] == ':');
	}
	return false;
}

static bool hardware_has(enum cpu_feature f)
{
#if defined(__x86_64__) && defined(__GNUC__)
	__builtin_cpu_init();
	switch (f) {
	case CPU_SSE41: return __builtin_cpu_supports("sse4.1");
	case CPU_AVX: return __builtin_cpu_supports("avx");
	case CPU_AVX2: return __builtin_cpu_supports("avx2");
	case CPU_AVX512F: return __builtin_cpu_supports("avx512f");
	case CPU_AVX512BW: return __builtin_cpu_supports("avx512bw");
	case CPU_AVX512VL: return __builtin_cpu_supports("avx512vl");
	case CPU_PCLMUL: return __builtin_cpu_supports("pclmul");
	case CPU_VPCLMULQDQ: return __builtin_cpu_supports("vpclmulqdq");
	}
#endif
	(void)f;
	return false;
}

bool cpu_has(enum cpu_feature f)
{
	return hardware_has(f) && !disabled_by_tunable(tunable_names[f]);
}
