/* lib_z.h: zlib, bound on first use (lazylib.h). */
#ifndef COREBOX_LIB_Z_H
#define COREBOX_LIB_Z_H

#include <zlib.h>

#include "lazylib.h"

#define LIBZ_FUNCS(X)                                                        \
	X(const char *, zlibVersion, (void))                                 \
	X(uLong, crc32_z, (uLong, const Bytef *, z_size_t))

LAZYLIB_DECLARE(libz, LIBZ_FUNCS);

#endif
