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

#if defined(__x86_64__) && defined(__GNUC__)
#include <cpuid.h>

/* The features, probed on first use: GCC's __builtin_cpu_supports would
   link libgcc's constructor, which runs a dozen CPUID instructions (each
   a trap to the hypervisor in a virtual machine) before every program. */
static bool probe_cpu(bool *has)
{
	unsigned a, b, c, d, max = __get_cpuid_max(0, NULL);
	if (max < 1)
		return true;
	__cpuid(1, a, b, c, d);
	has[CPU_SSE41] = c >> 19 & 1;
	has[CPU_PCLMUL] = c >> 1 & 1;
	if (!(c >> 27 & 1))
		return true;
	unsigned xlo, xhi;
	__asm__("xgetbv" : "=a"(xlo), "=d"(xhi) : "c"(0));
	bool ymm = (xlo & 0x6) == 0x6, zmm = ymm && (xlo & 0xe0) == 0xe0;
	has[CPU_AVX] = ymm && (c >> 28 & 1);
	if (max < 7)
		return true;
	__cpuid_count(7, 0, a, b, c, d);
	has[CPU_AVX2] = ymm && (b >> 5 & 1);
	has[CPU_AVX512F] = zmm && (b >> 16 & 1);
	has[CPU_AVX512BW] = zmm && (b >> 30 & 1);
	has[CPU_AVX512VL] = zmm && (b >> 31 & 1);
	has[CPU_VPCLMULQDQ] = ymm && (c >> 10 & 1);
	return true;
}

static bool hardware_has(enum cpu_feature f)
{
	static bool has[CPU_VPCLMULQDQ + 1], probed;
	if (!probed)
		probed = probe_cpu(has);
	return has[f];
}
#else
static bool hardware_has(enum cpu_feature f)
{
	(void)f;
	return false;
}
#endif

bool cpu_has(enum cpu_feature f)
{
	return hardware_has(f) && !disabled_by_tunable(tunable_names[f]);
}
