#include "lib_crypto.h"

LAZYLIB_DEFINE(libcrypto, LIBCRYPTO_FUNCS, "libcrypto.so.3", "libcrypto-3-x64.dll")

#if COREBOX_CRYPTO_LATE_CPUID
/* The static Linux build links libcrypto in, and libcrypto's x86-64
   start-up code calls OPENSSL_cpuid_setup from .init in every program:
   a dozen CPUID instructions, each a trap to the hypervisor in a virtual
   machine. Linked with --wrap for that function and EVP_MD_fetch
   (CMakeLists.txt), the call before main does nothing, and the first
   digest lookup makes it. */
void __real_OPENSSL_cpuid_setup(void);
EVP_MD *__real_EVP_MD_fetch(OSSL_LIB_CTX *ctx, const char *name, const char *props);
void __wrap_OPENSSL_cpuid_setup(void);
EVP_MD *__wrap_EVP_MD_fetch(OSSL_LIB_CTX *ctx, const char *name, const char *props);

static bool crypto_used;

void __wrap_OPENSSL_cpuid_setup(void)
{
	if (crypto_used)
		__real_OPENSSL_cpuid_setup();
}

EVP_MD *__wrap_EVP_MD_fetch(OSSL_LIB_CTX *ctx, const char *name, const char *props)
{
	if (!crypto_used) {
		crypto_used = true;
		__real_OPENSSL_cpuid_setup();
	}
	return __real_EVP_MD_fetch(ctx, name, props);
}
#endif
