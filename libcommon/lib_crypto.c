#include "lib_crypto.h"

LAZYLIB_DEFINE(libcrypto, LIBCRYPTO_FUNCS, "libcrypto.so.3", "libcrypto-3-x64.dll")
