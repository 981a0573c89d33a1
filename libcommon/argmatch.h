/*
 * Matching an option's argument against a fixed list of words
 * (--total=WHEN, --output-error=MODE, --color=WHEN ...), as GNU's argmatch
 * does: an exact word, or any unique abbreviation of one.
 */
#ifndef COREBOX_ARGMATCH_H
#define COREBOX_ARGMATCH_H

#include <stddef.h>

enum { ARGMATCH_INVALID = -1, ARGMATCH_AMBIGUOUS = -2 };

/* A list of words is one string: each word ends with a NUL, and the list
   with an empty word, so a literal needs no more than "auto\0always\0never\0"
   (its own NUL ends the list). Unlike an array of pointers, it gives the
   loader nothing to relocate when corebox starts. */

/* The index in WORDS of ARG or of the only word ARG abbreviates;
   ARGMATCH_INVALID or ARGMATCH_AMBIGUOUS otherwise. VALS (may be NULL)
   gives each word's meaning: an abbreviation of several words that all
   mean the same is not ambiguous. */
ptrdiff_t argmatch(const char *arg, const char *words, const int *vals);

/* Word I of WORDS (which has more than I). */
const char *argmatch_word(const char *words, size_t i);

/* argmatch(), or a usage error the way GNU reports it: "invalid argument
   'ARG' for 'OPTION'" (or "ambiguous argument"), the list of valid
   arguments, "Try 'PROG --help'...", exit with the usage status. */
ptrdiff_t xargmatch(const char *option, const char *arg, const char *words, const int *vals);

/* xargmatch() without abbreviations: only a whole word matches. */
ptrdiff_t xargmatch_exact(const char *option, const char *arg, const char *words);

#endif
