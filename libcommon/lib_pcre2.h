/* lib_pcre2.h: PCRE2 (8-bit code units), bound on first use (lazylib.h). */
#ifndef COREBOX_LIB_PCRE2_H
#define COREBOX_LIB_PCRE2_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "lazylib.h"

#define LIBPCRE2_FUNCS(X)                                                    \
	X(pcre2_code *, pcre2_compile,                                       \
	  (PCRE2_SPTR, PCRE2_SIZE, uint32_t, int *, PCRE2_SIZE *, pcre2_compile_context *)) \
	X(void, pcre2_code_free, (pcre2_code *))                             \
	X(int, pcre2_jit_compile, (pcre2_code *, uint32_t))                  \
	X(pcre2_match_data *, pcre2_match_data_create_from_pattern,          \
	  (const pcre2_code *, pcre2_general_context *))                     \
	X(void, pcre2_match_data_free, (pcre2_match_data *))                 \
	X(int, pcre2_match, (const pcre2_code *, PCRE2_SPTR, PCRE2_SIZE, PCRE2_SIZE, \
	                     uint32_t, pcre2_match_data *, pcre2_match_context *)) \
	X(PCRE2_SIZE *, pcre2_get_ovector_pointer, (pcre2_match_data *))     \
	X(int, pcre2_get_error_message, (int, PCRE2_UCHAR *, PCRE2_SIZE))   \
	X(pcre2_match_data *, pcre2_match_data_create, (uint32_t, pcre2_general_context *)) \
	X(int, pcre2_dfa_match, (const pcre2_code *, PCRE2_SPTR, PCRE2_SIZE, PCRE2_SIZE, \
	                         uint32_t, pcre2_match_data *, pcre2_match_context *, int *, PCRE2_SIZE)) \
	X(pcre2_match_context *, pcre2_match_context_create, (pcre2_general_context *)) \
	X(void, pcre2_match_context_free, (pcre2_match_context *))           \
	X(int, pcre2_set_callout, (pcre2_match_context *, int (*)(pcre2_callout_block *, void *), void *))

LAZYLIB_DECLARE(libpcre2, LIBPCRE2_FUNCS);

#endif
