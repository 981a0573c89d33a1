/* Unit tests for libcommon/rx.c: GNU regular expressions on PCRE2. The
   expected results are what GNU regex (glibc's re_compile_pattern and
   re_search, with the same syntax bits) gives for each case. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rx.h"

/* MODE: 'f' forward search, 'b' backward search from the end, 'u'
   forward search in UTF-8. EXPECT: "E:message" for a compile error, "-"
   for no match, else "start,end" and then " start,end" per subexpression
   (-1,-1 when unset). */
struct rcase {
	unsigned long syntax;
	const char *pat;
	size_t patlen;
	const char *subj;
	size_t len;
	char mode;
	const char *expect;
};

static const struct rcase cases[] = {
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "abc", 3, "xxabcxx", 7, 'f', "2,5" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "abc", 3, "ab", 2, 'f', "-" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a.c", 3, "a\nc", 3, 'f', "0,3" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a.c", 3, "a\x00""c", 3, 'f', "-" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "", 0, "abc", 3, 'f', "0,0" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "x*", 2, "abc", 3, 'f', "0,0" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "b*", 2, "abbbc", 5, 'f', "0,0" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\(a\\|ab\\)\\(c\\|bcd\\)", 19, "abcd", 4, 'f', "0,4 0,1 1,4" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a\\|ab\\|abc", 10, "abcd", 4, 'f', "0,3" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\(a*\\)\\(ab\\)*b*", 15, "aabb", 4, 'f', "0,4 0,2 -1,-1" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a\\+", 3, "baaa", 4, 'f', "1,4" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a\\?b", 4, "ab", 2, 'f', "0,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a+", 2, "a+", 2, 'f', "0,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a?", 2, "a?", 2, 'f', "0,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a|b", 3, "a|b", 3, 'f', "0,3" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\(ab\\)\\{2\\}", 11, "ababab", 6, 'f', "0,4 2,4" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a\\{2,3\\}", 8, "aaaa", 4, 'f', "0,3" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a\\{,2\\}", 7, "aaa", 3, 'f', "0,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a\\{2,\\}", 7, "aaaaa", 5, 'f', "0,5" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "*a", 2, "*a", 2, 'f', "0,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "^*a", 3, "*a", 2, 'f', "0,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\(*a\\)", 6, "*a", 2, 'f', "0,2 0,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a\\|*b", 5, "*b", 2, 'f', "0,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a**", 3, "aaa", 3, 'f', "0,3" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a*\\{2\\}", 7, "aaa", 3, 'f', "0,3" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\{1\\}a", 6, "{1}a", 4, 'f', "0,4" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "^abc", 4, "abc", 3, 'f', "0,3" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "^abc", 4, "xabc", 4, 'f', "-" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a^b", 3, "a^b", 3, 'f', "0,3" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "abc$", 4, "abc", 3, 'f', "0,3" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a$b", 3, "a$b", 3, 'f', "0,3" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\(^a\\)", 6, "a", 1, 'f', "0,1 0,1" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\(a$\\)", 6, "a", 1, 'f', "0,1 0,1" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a\\|^b", 5, "b", 1, 'f', "0,1" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "x$\\|y", 5, "x", 1, 'f', "0,1" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "^", 1, "abc", 3, 'f', "0,0" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "$", 1, "abc", 3, 'f', "3,3" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "^$", 2, "a\n\nb", 4, 'f', "2,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a$", 2, "a\nb", 3, 'f', "0,1" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "^b", 2, "a\nb", 3, 'f', "2,3" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[abc]", 5, "xxb", 3, 'f', "2,3" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[^abc]", 6, "abcd", 4, 'f', "3,4" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[]a]", 4, "]", 1, 'f', "0,1" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[^]a]", 5, "a]b", 3, 'f', "2,3" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[a-]", 4, "-", 1, 'f', "0,1" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[--a]", 5, "-", 1, 'f', "0,1" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[a-c-e]", 7, "x", 1, 'f', "E:Invalid range end" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[z-a]", 5, "x", 1, 'f', "E:Invalid range end" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[[:alpha:]]*", 12, "ab12", 4, 'f', "0,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[[:digit:][:upper:]]\\+", 22, "aB1C2d", 6, 'f', "1,5" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[[:space:]]", 11, "a\tb", 3, 'f', "1,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[[:punct:]]", 11, "a,b", 3, 'f', "1,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[[:xdigit:]]*", 13, "fgx", 3, 'f', "0,1" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[[:alnum:]_]*", 13, "a_1-", 4, 'f', "0,3" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[[:cntrl:]]", 11, "a\tb", 3, 'f', "1,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[[:print:]]*", 12, "ab\t", 3, 'f', "0,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[[:graph:]]*", 12, "ab c", 4, 'f', "0,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[[:blank:]]", 11, "a b", 3, 'f', "1,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[[:lower:]]*", 12, "abC", 3, 'f', "0,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[[.a.]-c]", 9, "b", 1, 'f', "0,1" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[[=a=]]", 7, "bab", 3, 'f', "1,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[[.-.]]", 7, "a-b", 3, 'f', "1,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[[:foo:]]", 9, "a", 1, 'f', "E:Invalid character class name" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[[.ab.]]", 8, "a", 1, 'f', "E:Invalid collation character" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[[=ab=]]", 8, "a", 1, 'f', "E:Invalid collation character" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[a-[:alpha:]]", 13, "a", 1, 'f', "E:Invalid range end" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[[:alpha:]-z]", 13, "a", 1, 'f', "E:Invalid range end" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[", 1, "x", 1, 'f', "E:Invalid regular expression" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[^", 2, "x", 1, 'f', "E:Invalid regular expression" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[a", 2, "x", 1, 'f', "E:Unmatched [, [^, [:, [., or [=" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[[:alpha:", 9, "x", 1, 'f', "E:Unmatched [, [^, [:, [., or [=" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[[:alpha", 8, "x", 1, 'f', "E:Unmatched [, [^, [:, [., or [=" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[[.a", 4, "x", 1, 'f', "E:Unmatched [, [^, [:, [., or [=" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[\\]]", 4, "\\]", 2, 'f', "0,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[a\\]x", 5, "a]x", 3, 'f', "-" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\(a", 3, "a", 1, 'f', "E:Unmatched ( or \\(" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a\\)", 3, "a)", 2, 'f', "E:Unmatched ) or \\)" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\(a\\)\\1", 7, "aa", 2, 'f', "0,2 0,1" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\(a\\)\\2", 7, "aa", 2, 'f', "E:Invalid back reference" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\1\\(a\\)", 7, "aa", 2, 'f', "E:Invalid back reference" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\(a\\1\\)", 7, "aa", 2, 'f', "E:Invalid back reference" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\(a\\)\\|\\1", 9, "a", 1, 'f', "E:Invalid back reference" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a\\{1", 4, "a", 1, 'f', "E:Unmatched \\{" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a\\{1,2", 6, "a", 1, 'f', "E:Unmatched \\{" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a\\{x\\}", 6, "a", 1, 'f', "E:Invalid content of \\{\\}" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a\\{2,1\\}", 8, "a", 1, 'f', "E:Invalid content of \\{\\}" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a\\{32768\\}", 10, "a", 1, 'f', "E:Regular expression too big" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a\\{1\\}\\{2\\}", 11, "aa", 2, 'f', "0,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a\\{,\\}", 6, "aa", 2, 'f', "0,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a\\{\\}", 5, "a", 1, 'f', "E:Invalid content of \\{\\}" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "ab\\", 3, "ab", 2, 'f', "E:Trailing backslash" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\w\\+", 4, "  ab_1 ", 7, 'f', "2,6" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\W\\+", 4, "ab  cd", 6, 'f', "2,4" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\s\\+", 4, "a \t b", 5, 'f', "1,4" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\S\\+", 4, "  ab  ", 6, 'f', "2,4" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\bb", 3, "ab b", 4, 'f', "3,4" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\Bb", 3, "ab b", 4, 'f', "1,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\<a", 3, "ba a", 4, 'f', "3,4" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a\\>", 3, "ab a", 4, 'f', "3,4" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\`a", 3, "aa", 2, 'f', "0,1" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a\\'", 3, "aa", 2, 'f', "1,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\<", 2, "  ", 2, 'f', "-" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\>", 2, "ab", 2, 'f', "2,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\(.*\\)-\\1", 9, "ab-ab", 5, 'f', "0,5 0,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\(a\\|b\\)*\\1", 11, "abb", 3, 'f', "0,3 1,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\([ab]*\\)c\\1", 12, "abcab", 5, 'f', "0,5 0,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "x\\(a\\|ab\\|abc\\)\\(bcd\\|cd\\|d\\)", 29, "xabcd", 5, 'f', "0,5 1,2 2,5" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\(wee\\|week\\)\\(knights\\|night\\)", 31, "weeknights", 10, 'f', "0,10 0,3 3,10" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\(a\\)\\|b", 8, "b", 1, 'f', "0,1 -1,-1" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\(\\)", 4, "x", 1, 'f', "0,0 0,0" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a\\|", 3, "b", 1, 'f', "0,0" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\|a", 3, "b", 1, 'f', "0,0" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\(\\|a\\)b", 8, "ab", 2, 'f', "0,2 0,1" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\(a\\)\\(b\\)\\(c\\)\\(d\\)\\(e\\)\\(f\\)\\(g\\)\\(h\\)\\(i\\)\\(j\\)\\9", 52, "abcdefghiji", 11, 'f', "0,11 0,1 1,2 2,3 3,4 4,5 5,6 6,7 7,8 8,9 9,10" },
	{ RX_SYNTAX_POSIX_BASIC, "a**", 3, "aaa", 3, 'f', "E:Invalid preceding regular expression" },
	{ RX_SYNTAX_POSIX_BASIC, "a*\\{2\\}", 7, "aa", 2, 'f', "E:Invalid preceding regular expression" },
	{ RX_SYNTAX_POSIX_BASIC, "\\{1\\}a", 6, "a", 1, 'f', "E:Invalid preceding regular expression" },
	{ RX_SYNTAX_POSIX_BASIC, "\\(\\{1\\}a\\)", 10, "a", 1, 'f', "E:Invalid preceding regular expression" },
	{ RX_SYNTAX_POSIX_BASIC, "a\\|\\{1\\}", 8, "a", 1, 'f', "E:Invalid preceding regular expression" },
	{ RX_SYNTAX_POSIX_EXTENDED, "a|ab|abc", 8, "abcd", 4, 'f', "0,3" },
	{ RX_SYNTAX_POSIX_EXTENDED, "(a|ab)(c|bcd)", 13, "abcd", 4, 'f', "0,4 0,1 1,4" },
	{ RX_SYNTAX_POSIX_EXTENDED, "a+b?", 4, "aab", 3, 'f', "0,3" },
	{ RX_SYNTAX_POSIX_EXTENDED, "(ab){2}", 7, "ababab", 6, 'f', "0,4 2,4" },
	{ RX_SYNTAX_POSIX_EXTENDED, "a{2,3}", 6, "aaaa", 4, 'f', "0,3" },
	{ RX_SYNTAX_POSIX_EXTENDED, "a{,2}", 5, "aaa", 3, 'f', "0,2" },
	{ RX_SYNTAX_POSIX_EXTENDED, "*a", 2, "a", 1, 'f', "E:Invalid preceding regular expression" },
	{ RX_SYNTAX_POSIX_EXTENDED, "a|*b", 4, "b", 1, 'f', "E:Invalid preceding regular expression" },
	{ RX_SYNTAX_POSIX_EXTENDED, "(*a)", 4, "a", 1, 'f', "E:Invalid preceding regular expression" },
	{ RX_SYNTAX_POSIX_EXTENDED, "^*a", 3, "a", 1, 'f', "E:Invalid preceding regular expression" },
	{ RX_SYNTAX_POSIX_EXTENDED, "a**", 3, "aa", 2, 'f', "0,2" },
	{ RX_SYNTAX_POSIX_EXTENDED, "a+*", 3, "aa", 2, 'f', "0,2" },
	{ RX_SYNTAX_POSIX_EXTENDED, "a?+", 3, "aa", 2, 'f', "0,2" },
	{ RX_SYNTAX_POSIX_EXTENDED, "a{1", 3, "a{1", 3, 'f', "E:Unmatched \\{" },
	{ RX_SYNTAX_POSIX_EXTENDED, "a{1,2", 5, "a", 1, 'f', "E:Unmatched \\{" },
	{ RX_SYNTAX_POSIX_EXTENDED, "a{x}", 4, "a", 1, 'f', "E:Invalid content of \\{\\}" },
	{ RX_SYNTAX_POSIX_EXTENDED, "a{2,1}", 6, "a", 1, 'f', "E:Invalid content of \\{\\}" },
	{ RX_SYNTAX_POSIX_EXTENDED, "{1}a", 4, "a", 1, 'f', "E:Invalid preceding regular expression" },
	{ RX_SYNTAX_POSIX_EXTENDED, "a|{1}", 5, "a", 1, 'f', "E:Invalid preceding regular expression" },
	{ RX_SYNTAX_POSIX_EXTENDED, "()", 2, "x", 1, 'f', "0,0 0,0" },
	{ RX_SYNTAX_POSIX_EXTENDED, "(|a)b", 5, "ab", 2, 'f', "0,2 0,1" },
	{ RX_SYNTAX_POSIX_EXTENDED, "a||b", 4, "b", 1, 'f', "0,1" },
	{ RX_SYNTAX_POSIX_EXTENDED, "(a)\\1", 5, "aa", 2, 'f', "0,2 0,1" },
	{ RX_SYNTAX_POSIX_EXTENDED, "a)", 2, "a)", 2, 'f', "0,2" },
	{ RX_SYNTAX_POSIX_EXTENDED, ")", 1, "x)", 2, 'f', "1,2" },
	{ RX_SYNTAX_POSIX_EXTENDED, "(a", 2, "a", 1, 'f', "E:Unmatched ( or \\(" },
	{ RX_SYNTAX_POSIX_EXTENDED, "a^b", 3, "a^b", 3, 'f', "-" },
	{ RX_SYNTAX_POSIX_EXTENDED, "a$b", 3, "a$b", 3, 'f', "-" },
	{ RX_SYNTAX_POSIX_EXTENDED, "(^a|b)c", 7, "bc", 2, 'f', "0,2 0,1" },
	{ RX_SYNTAX_POSIX_EXTENDED, "x(a$|b)", 7, "xa", 2, 'f', "0,2 1,2" },
	{ RX_SYNTAX_POSIX_EXTENDED, "^$", 2, "\n", 1, 'f', "0,0" },
	{ RX_SYNTAX_POSIX_EXTENDED, "[a-c]+", 6, "xabcd", 5, 'f', "1,4" },
	{ RX_SYNTAX_POSIX_EXTENDED, "\\(a\\)", 5, "(a)", 3, 'f', "0,3" },
	{ RX_SYNTAX_POSIX_EXTENDED, "a\\|b", 4, "a|b", 3, 'f', "0,3" },
	{ RX_SYNTAX_POSIX_EXTENDED, "a\\{2\\}", 6, "a{2}", 4, 'f', "0,4" },
	{ RX_SYNTAX_POSIX_EXTENDED, "\\+", 2, "a+", 2, 'f', "1,2" },
	{ RX_SYNTAX_POSIX_EXTENDED, "(a|b)*c", 7, "abc", 3, 'f', "0,3 1,2" },
	{ RX_SYNTAX_POSIX_EXTENDED, "x(a|ab)(c|bcd)(d*)", 18, "xabcd", 5, 'f', "0,5 1,2 2,5 5,5" },
	{ RX_SYNTAX_EGREP, "*a", 2, "*a", 2, 'f', "1,2" },
	{ RX_SYNTAX_EGREP, "a{1", 3, "a{1", 3, 'f', "0,3" },
	{ RX_SYNTAX_EGREP, "a{1,x}", 6, "a{1,x}", 6, 'f', "0,6" },
	{ RX_SYNTAX_EGREP, "a{2}", 4, "aa", 2, 'f', "0,2" },
	{ RX_SYNTAX_EGREP, "a|*b", 4, "*b", 2, 'f', "1,2" },
	{ RX_SYNTAX_EGREP, "(*a)", 4, "*a", 2, 'f', "1,2 1,2" },
	{ RX_SYNTAX_EGREP, "a\nb", 3, "xb", 2, 'f', "1,2" },
	{ RX_SYNTAX_EGREP, "^b\na$", 5, "xa", 2, 'f', "1,2" },
	{ RX_SYNTAX_GNU, "a+", 2, "baaa", 4, 'f', "1,4" },
	{ RX_SYNTAX_GNU, "a?b", 3, "b", 1, 'f', "0,1" },
	{ RX_SYNTAX_GNU, "a\\|b", 4, "cb", 2, 'f', "1,2" },
	{ RX_SYNTAX_GNU, "\\(a\\)\\1", 7, "aa", 2, 'f', "0,2 0,1" },
	{ RX_SYNTAX_GNU, "a\\{2\\}", 6, "a{2}", 4, 'f', "0,4" },
	{ RX_SYNTAX_GNU, "[[:alpha:]]", 11, "x]a:]", 5, 'f', "3,5" },
	{ RX_SYNTAX_GNU, "a{2}", 4, "a{2}", 4, 'f', "0,4" },
	{ RX_SYNTAX_GNU, ".", 1, "\n", 1, 'f', "-" },
	{ RX_SYNTAX_GNU, ".", 1, "\x00", 1, 'f', "0,1" },
	{ RX_SYNTAX_GNU, "^a", 2, "b\na", 3, 'f', "2,3" },
	{ RX_SYNTAX_GNU, "a|b", 3, "a|b", 3, 'f', "0,3" },
	{ RX_SYNTAX_GNU, "(a)", 3, "(a)", 3, 'f', "0,3" },
	{ RX_SYNTAX_GNU, "\\w+", 3, "  ab", 4, 'f', "2,4" },
	{ RX_SYNTAX_GNU, "[.?!][]\"')}]*\\($\\|\t\\|  \\)[ \t\n]*", 31, "end.  Next", 10, 'f', "3,6 4,6" },
	{ RX_SYNTAX_GNU, "\\+", 2, "+", 1, 'f', "0,1" },
	{ RX_SYNTAX_GNU, "*a", 2, "*a", 2, 'f', "0,2" },
	{ RX_SYNTAX_GNU, "a**", 3, "aaa", 3, 'f', "0,3" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a", 1, "abcabc", 6, 'b', "3,4" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a*", 2, "baab", 4, 'b', "4,4" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\(ab\\)\\+", 8, "ababab", 6, 'b', "4,6 4,6" },
	{ RX_SYNTAX_GNU, "a+", 2, "xaaay", 5, 'b', "3,4" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "$", 1, "ab", 2, 'b', "2,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "^", 1, "a\nb", 3, 'b', "2,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "x", 1, "abc", 3, 'b', "-" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[0-9]\\+", 7, "a12b345c", 8, 'b', "6,7" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\<\\w", 4, "ab cd", 5, 'b', "3,4" },
	{ RX_SYNTAX_POSIX_EXTENDED, "(a|ab)(c|bcd)", 13, "abcdabcd", 8, 'b', "4,8 4,5 5,8" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\(a\\)\\1", 7, "aaaa", 4, 'b', "2,4 2,3" },
	{ (RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP) | RX_ICASE, "abc", 3, "xABCx", 5, 'f', "1,4" },
	{ (RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP) | RX_ICASE, "[a-c]\\+", 7, "xAbCd", 5, 'f', "1,4" },
	{ (RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP) | RX_ICASE, "[^a]", 4, "Ab", 2, 'f', "1,2" },
	{ (RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP) | RX_ICASE, "[[:upper:]]\\+", 13, "abCD", 4, 'f', "0,4" },
	{ (RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP) | RX_ICASE, "[[:lower:]]\\+", 13, "ABcd", 4, 'f', "0,4" },
	{ (RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP) | RX_ICASE, "\\(a\\)\\1", 7, "aA", 2, 'f', "0,2 0,1" },
	{ (RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP) | RX_ICASE, "[Z-a]", 5, "x", 1, 'f', "E:Invalid range end" },
	{ (RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP) | RX_ICASE, "[[.a.]]", 7, "A", 1, 'f', "0,1" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\xc3\xa9", 2, "a\xc3\xa9""b\xc3\xa9", 6, 'u', "1,3" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, ".", 1, "\xc3\xa9", 2, 'u', "0,2" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "..", 2, "\xc3\xa9""a", 3, 'u', "0,3" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[\xc3\xa9]", 4, "a\xc3\xa9", 3, 'u', "1,3" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[^\xc3\xa9]", 5, "\xc3\xa9""a", 3, 'u', "2,3" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\xc3\xa9*", 3, "\xc3\xa9\xc3\xa9\xc3\xa9", 6, 'u', "0,6" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\wb", 3, "\xc3\xa9""b", 3, 'u', "0,3" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[[:alpha:]]\\+", 13, "1\xc3\xa9\xc3\x89""a2", 7, 'u', "1,6" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[[:upper:]]", 11, "\xc3\xa9\xc3\x89", 4, 'u', "2,4" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\<\xc3\xa9", 4, "a \xc3\xa9", 4, 'u', "2,4" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "a.b", 3, "a\xc3\xbf""b", 4, 'u', "0,4" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "[^a]", 4, "\xc3\xbf""b", 3, 'u', "0,2" },
	{ (RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP) | RX_ICASE, "\xc3\xa9", 2, "\xc3\x89", 2, 'u', "0,2" },
	{ RX_SYNTAX_POSIX_EXTENDED, "(\xc3\xa9|\xc3\xa9""a)(b|ab)", 14, "\xc3\xa9""ab", 4, 'u', "0,4 0,2 2,4" },
	{ RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, "\\(\xc3\xa9\\)\\1", 8, "\xc3\xa9\xc3\xa9", 4, 'u', "0,4 0,2" },
};

/* The result of one case, in EXPECT's notation. */
static void run_case(const struct rcase *c, char *buf, size_t size)
{
	const char *err;
	unsigned flags = RX_F_NEWLINE_ANCHOR | (c->mode == 'u' ? RX_F_UTF8 : RX_F_BYTES);
	struct rx *re = rx_compile(c->pat, c->patlen, c->syntax, flags, &err);
	if (!re) {
		snprintf(buf, size, "E:%s", err);
		return;
	}
	struct rx_match m[12];
	size_t nm = rx_nsub(re) + 1 < 12 ? rx_nsub(re) + 1 : 12;
	int r = c->mode == 'b' ? rx_search_back(re, c->subj, c->len, c->len, 0, 0, m, nm)
			       : rx_search(re, c->subj, c->len, 0, 0, m, nm);
	if (r <= 0) {
		snprintf(buf, size, "%s", r == 0 ? "-" : "failed");
	} else {
		size_t n = (size_t)snprintf(buf, size, "%zu,%zu", m[0].start, m[0].end);
		for (size_t i = 1; i < nm && n < size; i++)
			n += (size_t)snprintf(buf + n, size - n, " %ld,%ld",
					      m[i].start == RX_NOPOS ? -1L : (long)m[i].start,
					      m[i].end == RX_NOPOS ? -1L : (long)m[i].end);
	}
	rx_free(re);
}

static void test_gnu_cases(void **state)
{
	(void)state;
	int failed = 0;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char got[256];
		run_case(&cases[i], got, sizeof got);
		if (strcmp(got, cases[i].expect)) {
			print_error("case %zu: pattern \"%s\" subject \"%.*s\" (%c): expected %s, got %s\n", i,
				    cases[i].pat, (int)cases[i].len, cases[i].subj, cases[i].mode,
				    cases[i].expect, got);
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

static struct rx *compile_ok(const char *pat, unsigned long syntax, unsigned flags)
{
	const char *err = NULL;
	struct rx *re = rx_compile(pat, strlen(pat), syntax, flags, &err);
	if (!re)
		print_error("%s: %s\n", pat, err);
	assert_non_null(re);
	return re;
}

static void test_flags_and_offsets(void **state)
{
	(void)state;
	struct rx_match m[3];
	struct rx *re = compile_ok("^a", RX_SYNTAX_POSIX_BASIC, RX_F_BYTES);
	assert_int_equal(rx_search(re, "ab", 2, 0, 0, m, 1), 1);
	assert_int_equal(rx_search(re, "ab", 2, 0, RX_NOTBOL, m, 1), 0);
	assert_int_equal(rx_search(re, "b\na", 3, 0, 0, m, 1), 0); /* no newline anchor */
	rx_free(re);

	re = compile_ok("^a", RX_SYNTAX_POSIX_BASIC, RX_F_BYTES | RX_F_NEWLINE_ANCHOR);
	assert_int_equal(rx_search(re, "b\na", 3, 0, RX_NOTBOL, m, 1), 1);
	assert_int_equal(m[0].start, 2);
	rx_free(re);

	re = compile_ok("a$", RX_SYNTAX_POSIX_BASIC, RX_F_BYTES);
	assert_int_equal(rx_search(re, "ba", 2, 0, 0, m, 1), 1);
	assert_int_equal(rx_search(re, "ba", 2, 0, RX_NOTEOL, m, 1), 0);
	assert_int_equal(rx_search(re, "ba\n", 3, 0, 0, m, 1), 0);
	rx_free(re);

	/* A start offset: what precedes it still counts for \b and ^. */
	re = compile_ok("\\bb", RX_SYNTAX_POSIX_BASIC, RX_F_BYTES);
	assert_int_equal(rx_search(re, "ab b", 4, 1, 0, m, 1), 1);
	assert_int_equal(m[0].start, 3);
	rx_free(re);

	re = compile_ok("b\\+", RX_SYNTAX_POSIX_BASIC, RX_F_BYTES);
	assert_int_equal(rx_search(re, "abbb", 4, 0, RX_ANCHORED, m, 1), 0);
	assert_int_equal(rx_search(re, "abbb", 4, 1, RX_ANCHORED, m, 1), 1);
	assert_int_equal(m[0].end, 4);
	assert_int_equal(rx_search(re, "abbb", 4, 5, 0, m, 1), 0);
	/* Only whether there is a match. */
	assert_int_equal(rx_search(re, "abbb", 4, 0, 0, NULL, 0), 1);
	/* Backward, between bounds. */
	assert_int_equal(rx_search_back(re, "bxbbxb", 6, 4, 1, 0, m, 1), 1);
	assert_int_equal(m[0].start, 3);
	assert_int_equal(m[0].end, 4);
	assert_int_equal(rx_search_back(re, "bxbbxb", 6, 1, 1, 0, m, 1), 0);
	rx_free(re);
}

static void test_nsub_and_translation(void **state)
{
	(void)state;
	struct rx *re = compile_ok("\\(a\\)\\(b\\(c\\)\\)", RX_SYNTAX_POSIX_BASIC, RX_F_BYTES);
	assert_int_equal(rx_nsub(re), 3);
	rx_free(re);
	/* Stacked repetitions collapse (they would backtrack badly). */
	re = compile_ok("a**", RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, RX_F_BYTES);
	assert_string_equal(rx_pcre_pattern(re), "a*");
	rx_free(re);
	re = compile_ok("(ab)+?", RX_SYNTAX_POSIX_EXTENDED, RX_F_BYTES);
	assert_string_equal(rx_pcre_pattern(re), "(ab)*");
	rx_free(re);
	re = compile_ok("x\\{2\\}*", RX_SYNTAX_POSIX_BASIC & ~RX_CONTEXT_INVALID_DUP, RX_F_BYTES);
	assert_string_equal(rx_pcre_pattern(re), "(?:x{2})*");
	rx_free(re);
}

/* Long subjects: backward windows that grow, the DFA's window in UTF-8,
   patterns that make backtracking explode. */
static void test_long_subjects(void **state)
{
	(void)state;
	size_t n = 1 << 20;
	char *buf = malloc(n);
	struct rx_match m[2];
	memset(buf, 'a', n);
	buf[10] = 'x';
	struct rx *re = compile_ok("x", RX_SYNTAX_GNU, RX_F_BYTES);
	assert_int_equal(rx_search_back(re, buf, n, n, 0, 0, m, 1), 1);
	assert_int_equal(m[0].start, 10);
	rx_free(re);

	re = compile_ok("a\\|a*x", RX_SYNTAX_POSIX_BASIC, RX_F_UTF8);
	buf[10] = 'a';
	buf[n - 1] = 'x';
	assert_int_equal(rx_search(re, buf, n, 0, 0, m, 1), 1);
	assert_int_equal(m[0].end, n);
	rx_free(re);

	re = compile_ok("a\\|a*$", RX_SYNTAX_POSIX_BASIC, RX_F_UTF8);
	assert_int_equal(rx_search(re, buf, n, 0, 0, m, 1), 1);
	assert_int_equal(m[0].end, 1);
	rx_free(re);

	re = compile_ok("\\(a*\\)*\\(b\\)*y", RX_SYNTAX_POSIX_BASIC, RX_F_BYTES);
	assert_int_equal(rx_search(re, buf, 5000, 0, 0, m, 2), 0);
	buf[4999] = 'y';
	assert_int_equal(rx_search(re, buf, 5000, 0, 0, m, 2), 1);
	assert_int_equal(m[0].start, 0);
	assert_int_equal(m[0].end, 5000);
	rx_free(re);
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gnu_cases),
		cmocka_unit_test(test_flags_and_offsets),
		cmocka_unit_test(test_nsub_and_translation),
		cmocka_unit_test(test_long_subjects),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
