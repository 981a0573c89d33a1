/*
 * Matching an option's argument against a fixed list of words
 * (--total=WHEN, --output-error=MODE, --color=WHEN ...), as GNU's argmatch
 * does: an exact word, or any unique abbreviation of one.
 */
#ifndef COREBOX_ARGMATCH_H
#define COREBOX_ARGMATCH_H

#include <stddef.h>

enum { ARGMATCH_INVALID = -1, ARGMATCH_AMBIGUOUS = -2 };

/* The index in LIST (NULL-terminated) of ARG or of the only word ARG
   abbreviates; ARGMATCH_INVALID or ARGMATCH_AMBIGUOUS otherwise. VALS
   (may be NULL) gives each word's meaning: an abbreviation of several
   words that all mean the same is not ambiguous. */
ptrdiff_t argmatch(const char *arg, const char *const *list, const int *vals);

/* argmatch(), or a usage error the way GNU reports it: "invalid argument
   'ARG' for 'OPTION'" (or "ambiguous argument"), the list of valid
   arguments, "Try 'PROG --help'...", exit with the usage status. */
ptrdiff_t xargmatch(const char *option, const char *arg, const char *const *list, const int *vals);

/* xargmatch() without abbreviations: only a whole word matches. */
ptrdiff_t xargmatch_exact(const char *option, const char *arg, const char *const *list);

#endif
