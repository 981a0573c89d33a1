/* lib_crypto.h: OpenSSL's libcrypto (EVP digests), bound on first use
   (lazylib.h). */
#ifndef COREBOX_LIB_CRYPTO_H
#define COREBOX_LIB_CRYPTO_H

#include <openssl/evp.h>

#include "lazylib.h"

#define LIBCRYPTO_FUNCS(X)                                                   \
	X(EVP_MD *, EVP_MD_fetch, (OSSL_LIB_CTX *, const char *, const char *)) \
	X(void, EVP_MD_free, (EVP_MD *))                                     \
	X(int, EVP_MD_get_size, (const EVP_MD *))                            \
	X(EVP_MD_CTX *, EVP_MD_CTX_new, (void))                              \
	X(void, EVP_MD_CTX_free, (EVP_MD_CTX *))                             \
	X(int, EVP_DigestInit_ex, (EVP_MD_CTX *, const EVP_MD *, ENGINE *))  \
	X(int, EVP_DigestUpdate, (EVP_MD_CTX *, const void *, size_t))       \
	X(int, EVP_DigestFinal_ex, (EVP_MD_CTX *, unsigned char *, unsigned int *)) \
	X(int, EVP_DigestFinalXOF, (EVP_MD_CTX *, unsigned char *, size_t))

LAZYLIB_DECLARE(libcrypto, LIBCRYPTO_FUNCS);

#endif
