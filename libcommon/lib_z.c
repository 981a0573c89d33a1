#include "lib_z.h"

LAZYLIB_DEFINE(libz, LIBZ_FUNCS, "libz.so.1", "zlib1.dll")
