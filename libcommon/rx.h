/*
 * rx.h: GNU regular expressions (POSIX basic and extended, and GNU's
 * default syntax) run by PCRE2.
 *
 * A pattern is parsed here with the rules of GNU regex for the syntax
 * bits given (the same meanings as GNU's RE_* bits, so programs state
 * their syntax as GNU's do), its errors get GNU's messages, and it is
 * translated to an equivalent PCRE2 pattern compiled with JIT. PCRE2 is
 * bound on first use (lib_pcre2.h).
 *
 * Matches are POSIX's: the leftmost start, and at that start the longest
 * match. PCRE2's backtracking engine finds the leftmost start; the longest
 * end is then found with pcre2_dfa_match() (patterns without
 * back-references), or by exploring every way to match at that start
 * (patterns with back-references, which the DFA engine cannot run).
 * Subexpressions are those of the first way, in PCRE2's order, that
 * matches exactly that span: POSIX's finer rule for subexpressions
 * (each one leftmost-longest in turn) is approximated that way.
 *
 * Characters: in the C locale (or any single-byte locale) bytes, with
 * classes from <ctype.h>. In a UTF-8 locale characters, with Unicode
 * classes and case folding; an invalid byte in the text matches nothing
 * (not even '.'), and an invalid byte in the pattern can never match.
 * Equivalence classes [=c=] match c alone; collating symbols [.c.] are
 * single characters (a longer name is "Invalid collation character").
 */
#ifndef COREBOX_RX_H
#define COREBOX_RX_H

#include <stdbool.h>
#include <stddef.h>

/* Syntax bits, with GNU regex's meanings and values. */
enum {
	RX_BACKSLASH_ESCAPE_IN_LISTS = 1ul << 0, /* \ quotes in [...] */
	RX_BK_PLUS_QM = 1ul << 1,            /* \+ \? are operators, + ? literal */
	RX_CHAR_CLASSES = 1ul << 2,          /* [:alpha:] ... in brackets */
	RX_CONTEXT_INDEP_ANCHORS = 1ul << 3, /* ^ $ are anchors everywhere */
	RX_CONTEXT_INDEP_OPS = 1ul << 4,     /* * + ? { special everywhere */
	RX_CONTEXT_INVALID_OPS = 1ul << 5,   /* * + ? { invalid where nothing precedes */
	RX_DOT_NEWLINE = 1ul << 6,           /* . matches newline */
	RX_DOT_NOT_NULL = 1ul << 7,          /* . does not match NUL */
	RX_HAT_LISTS_NOT_NEWLINE = 1ul << 8, /* [^...] does not match newline */
	RX_INTERVALS = 1ul << 9,             /* {m,n} or \{m,n\} */
	RX_LIMITED_OPS = 1ul << 10,          /* no + ? | operators */
	RX_NEWLINE_ALT = 1ul << 11,          /* newline separates alternatives */
	RX_NO_BK_BRACES = 1ul << 12,         /* {m,n} rather than \{m,n\} */
	RX_NO_BK_PARENS = 1ul << 13,         /* (...) rather than \(...\) */
	RX_NO_BK_REFS = 1ul << 14,           /* no back-references */
	RX_NO_BK_VBAR = 1ul << 15,           /* | rather than \| */
	RX_NO_EMPTY_RANGES = 1ul << 16,      /* [z-a] is an error */
	RX_UNMATCHED_RIGHT_PAREN_ORD = 1ul << 17, /* a lone ) is literal */
	RX_NO_GNU_OPS = 1ul << 19,           /* no \w \W \s \S \b \B \< \> \` \' */
	RX_INVALID_INTERVAL_ORD = 1ul << 21, /* a bad interval is literal text */
	RX_ICASE = 1ul << 22,                /* ignore case */
	RX_CONTEXT_INVALID_DUP = 1ul << 24,  /* \{ invalid first, ** invalid */
};

/* GNU's syntaxes. RX_SYNTAX_GNU is GNU regex's default (re_syntax_options
   left at 0: tac, ptx). */
#define RX_SYNTAX_GNU 0ul
#define RX_SYNTAX_POSIX_COMMON \
	(RX_CHAR_CLASSES | RX_DOT_NEWLINE | RX_DOT_NOT_NULL | RX_INTERVALS | RX_NO_EMPTY_RANGES)
#define RX_SYNTAX_POSIX_BASIC (RX_SYNTAX_POSIX_COMMON | RX_BK_PLUS_QM | RX_CONTEXT_INVALID_DUP)
#define RX_SYNTAX_POSIX_EXTENDED                                              \
	(RX_SYNTAX_POSIX_COMMON | RX_CONTEXT_INDEP_ANCHORS | RX_CONTEXT_INDEP_OPS \
	 | RX_NO_BK_BRACES | RX_NO_BK_PARENS | RX_NO_BK_VBAR                  \
	 | RX_CONTEXT_INVALID_OPS | RX_UNMATCHED_RIGHT_PAREN_ORD)
#define RX_SYNTAX_GREP \
	((RX_SYNTAX_POSIX_BASIC | RX_NEWLINE_ALT) & ~(RX_CONTEXT_INVALID_DUP | RX_DOT_NOT_NULL))
#define RX_SYNTAX_EGREP                                                       \
	((RX_SYNTAX_POSIX_EXTENDED | RX_INVALID_INTERVAL_ORD | RX_NEWLINE_ALT) \
	 & ~(RX_CONTEXT_INVALID_OPS | RX_DOT_NOT_NULL))

/* Compile flags. */
enum {
	RX_F_NEWLINE_ANCHOR = 1 << 0, /* ^ and $ also match after and before
	                                 a newline (GNU's re_compile_pattern) */
	RX_F_BYTES = 1 << 1,          /* bytes, whatever the locale */
	RX_F_UTF8 = 1 << 2,           /* UTF-8, whatever the locale */
};

/* Search flags. */
enum {
	RX_NOTBOL = 1 << 0,    /* the text's start is not a line start */
	RX_NOTEOL = 1 << 1,    /* the text's end is not a line end */
	RX_ANCHORED = 1 << 2,  /* match only at the start offset */
};

#define RX_NOPOS ((size_t)-1)

/* A match or subexpression: the span [start, end), or RX_NOPOS twice
   when a subexpression took no part in the match. */
struct rx_match {
	size_t start, end;
};

struct rx;

/* Compile the LEN bytes of PAT with the syntax bits SYNTAX and RX_F_*
   FLAGS. NULL on failure, with *ERR set to GNU's message ("Unmatched ( or
   \\(", ...) or to why PCRE2 could not be loaded. */
struct rx *rx_compile(const char *pat, size_t len, unsigned long syntax, unsigned flags,
		      const char **err);
void rx_free(struct rx *re);
/* The number of subexpressions (parenthesized groups). */
size_t rx_nsub(const struct rx *re);
/* The PCRE2 pattern the expression was translated to (for tests). */
const char *rx_pcre_pattern(const struct rx *re);

/* Search BUF[0..LEN) for the leftmost-longest match that starts at START
   or later (only at START with RX_ANCHORED). Returns 1 when found, filling
   M[0] with the match and M[1..NM-1] with subexpressions (when NM is 0
   only whether there is a match is found out, which is faster), 0 when
   there is none, -1 when the matcher gave up (resource limits). */
int rx_search(struct rx *re, const char *buf, size_t len, size_t start, unsigned eflags,
	      struct rx_match *m, size_t nm);
/* Like rx_search, but the match with the highest start in [LOW, HIGH]
   (GNU's re_search with a negative range). */
int rx_search_back(struct rx *re, const char *buf, size_t len, size_t high, size_t low,
		   unsigned eflags, struct rx_match *m, size_t nm);

#endif
