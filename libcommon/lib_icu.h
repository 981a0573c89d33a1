/*
 * lib_icu.h: ICU's collation functions, bound on first use.
 *
 * No ICU header is needed: the few functions and constants used are
 * declared here (ICU's C API, stable since ICU 53). ICU is opened at run
 * time everywhere it is used: on Linux the newest libicui18n.so.N the
 * dynamic linker knows (its functions carry the suffix "_N"), on Windows
 * the system's icu.dll (Windows 10 1903 and later; unsuffixed names).
 * The static Linux build never loads it (icu_load() fails).
 */
#ifndef COREBOX_LIB_ICU_H
#define COREBOX_LIB_ICU_H

#include <stdbool.h>
#include <stdint.h>

typedef struct UCollator UCollator;

/* UErrorCode: above 0 is a failure, below 0 a warning. */
#define ICU_FAILURE(code) ((code) > 0)
/* UColAttribute and UColAttributeValue */
#define ICU_UCOL_ALTERNATE_HANDLING 1
#define ICU_UCOL_SHIFTED 20
#define ICU_UCOL_STRENGTH 5
#define ICU_UCOL_QUATERNARY 3
/* UColReorderCode: spaces, punctuation, symbols and currency signs. */
#define ICU_UCOL_REORDER_CODE_CURRENCY 0x1003

#define ICU_FUNCS(X)                                                         \
	X(UCollator *, ucol_open, (const char *, int *))                     \
	X(void, ucol_close, (UCollator *))                                   \
	X(void, ucol_setAttribute, (UCollator *, int, int, int *))           \
	X(void, ucol_setMaxVariable, (UCollator *, int, int *))              \
	X(int, ucol_strcollUTF8,                                             \
	  (const UCollator *, const char *, int32_t, const char *, int32_t, int *))

#define ICU_MEMBER(ret, name, params) ret (*name) params;
struct icu_api {
	ICU_FUNCS(ICU_MEMBER)
};
extern struct icu_api icu;

/* Open ICU and fill `icu` (once; later calls return the first outcome).
   On failure icu_error() says why. */
bool icu_load(void);
/* Why icu_load() failed. */
const char *icu_error(void);
/* The file ICU was loaded from ("libicui18n.so.72", "icu.dll"), or NULL. */
const char *icu_library(void);

#endif
