#include "lib_pcre2.h"

LAZYLIB_DEFINE(libpcre2, LIBPCRE2_FUNCS, "libpcre2-8.so.0", "libpcre2-8-0.dll")
