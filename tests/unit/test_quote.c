/* Unit tests for libcommon/quote.c: every quoting style against GNU's.

   The expected strings are what GNU ls --quoting-style=STYLE prints for
   each name (and printf %q for shell-escape), in LC_ALL=C and
   LC_ALL=C.UTF-8. GNU ls also backslash-escapes spaces in the escape
   style, so that column is checked with ' ' added to the extra set, as
   ls does. Names with both a single quote and an escaped character follow
   coreutils 9.6 and later (an older bug put a stray '' in front). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "quote.h"
#include "sys.h"

static const enum quote_style styles[10] = {
	QUOTE_LITERAL, QUOTE_SHELL, QUOTE_SHELL_ALWAYS, QUOTE_SHELL_ESCAPE, QUOTE_SHELL_ESCAPE_ALWAYS,
	QUOTE_C, QUOTE_C_MAYBE, QUOTE_ESCAPE, QUOTE_LOCALE, QUOTE_CLOCALE,
};

struct qcase {
	const char *in;
	const char *out[10]; /* in the order of styles[] */
};

/* LC_ALL=C */
static const struct qcase cases_c[] = {
	{ "abc", {
		"abc", "abc",
		"'abc'", "abc",
		"'abc'", "\"abc\"",
		"abc", "abc",
		"'abc'", "\"abc\"",
	} },
	{ "a b", {
		"a b", "'a b'",
		"'a b'", "'a b'",
		"'a b'", "\"a b\"",
		"a b", "a\\ b",
		"'a b'", "\"a b\"",
	} },
	{ "it's", {
		"it's", "\"it's\"",
		"\"it's\"", "\"it's\"",
		"\"it's\"", "\"it's\"",
		"it's", "it's",
		"'it\\'s'", "\"it's\"",
	} },
	{ "it's (1)", {
		"it's (1)", "'it'\\''s (1)'",
		"'it'\\''s (1)'", "'it'\\''s (1)'",
		"'it'\\''s (1)'", "\"it's (1)\"",
		"it's (1)", "it's\\ (1)",
		"'it\\'s (1)'", "\"it's (1)\"",
	} },
	{ "it's*", {
		"it's*", "'it'\\''s*'",
		"'it'\\''s*'", "'it'\\''s*'",
		"'it'\\''s*'", "\"it's*\"",
		"it's*", "it's*",
		"'it\\'s*'", "\"it's*\"",
	} },
	{ "it's$x", {
		"it's$x", "'it'\\''s$x'",
		"'it'\\''s$x'", "'it'\\''s$x'",
		"'it'\\''s$x'", "\"it's$x\"",
		"it's$x", "it's$x",
		"'it\\'s$x'", "\"it's$x\"",
	} },
	{ "say \"hi\"", {
		"say \"hi\"", "'say \"hi\"'",
		"'say \"hi\"'", "'say \"hi\"'",
		"'say \"hi\"'", "\"say \\\"hi\\\"\"",
		"\"say \\\"hi\\\"\"", "say\\ \"hi\"",
		"'say \"hi\"'", "\"say \\\"hi\\\"\"",
	} },
	{ "a\\b", {
		"a\\b", "'a\\b'",
		"'a\\b'", "'a\\b'",
		"'a\\b'", "\"a\\\\b\"",
		"a\\b", "a\\\\b",
		"'a\\\\b'", "\"a\\\\b\"",
	} },
	{ "a\x09" "b", {
		"a\x09" "b", "'a\x09" "b'",
		"'a\x09" "b'", "'a'$'\\t''b'",
		"'a'$'\\t''b'", "\"a\\tb\"",
		"\"a\\tb\"", "a\\tb",
		"'a\\tb'", "\"a\\tb\"",
	} },
	{ "a\x0a" "b", {
		"a\x0a" "b", "'a\x0a" "b'",
		"'a\x0a" "b'", "'a'$'\\n''b'",
		"'a'$'\\n''b'", "\"a\\nb\"",
		"\"a\\nb\"", "a\\nb",
		"'a\\nb'", "\"a\\nb\"",
	} },
	{ "a\x0d" "b", {
		"a\x0d" "b", "'a\x0d" "b'",
		"'a\x0d" "b'", "'a'$'\\r''b'",
		"'a'$'\\r''b'", "\"a\\rb\"",
		"\"a\\rb\"", "a\\rb",
		"'a\\rb'", "\"a\\rb\"",
	} },
	{ "a\x01" "b", {
		"a\x01" "b", "a\x01" "b",
		"'a\x01" "b'", "'a'$'\\001''b'",
		"'a'$'\\001''b'", "\"a\\001b\"",
		"\"a\\001b\"", "a\\001b",
		"'a\\001b'", "\"a\\001b\"",
	} },
	{ "a\x7f" "b", {
		"a\x7f" "b", "a\x7f" "b",
		"'a\x7f" "b'", "'a'$'\\177''b'",
		"'a'$'\\177''b'", "\"a\\177b\"",
		"\"a\\177b\"", "a\\177b",
		"'a\\177b'", "\"a\\177b\"",
	} },
	{ "\x07\x08\x0c\x0b", {
		"\x07\x08\x0c\x0b", "\x07\x08\x0c\x0b",
		"'\x07\x08\x0c\x0b'", "''$'\\a\\b\\f\\v'",
		"''$'\\a\\b\\f\\v'", "\"\\a\\b\\f\\v\"",
		"\"\\a\\b\\f\\v\"", "\\a\\b\\f\\v",
		"'\\a\\b\\f\\v'", "\"\\a\\b\\f\\v\"",
	} },
	{ "it's\x01", {
		"it's\x01", "'it'\\''s\x01'",
		"'it'\\''s\x01'", "'it'\\''s'$'\\001'",
		"'it'\\''s'$'\\001'", "\"it's\\001\"",
		"\"it's\\001\"", "it's\\001",
		"'it\\'s\\001'", "\"it's\\001\"",
	} },
	{ "\x01'", {
		"\x01'", "'\x01'\\'''",
		"'\x01'\\'''", "''$'\\001'\\'''",
		"''$'\\001'\\'''", "\"\\001'\"",
		"\"\\001'\"", "\\001'",
		"'\\001\\''", "\"\\001'\"",
	} },
	{ "'\x01'", {
		"'\x01'", "''\\''\x01'\\'''",
		"''\\''\x01'\\'''", "''\\'''$'\\001'\\'''",
		"''\\'''$'\\001'\\'''", "\"'\\001'\"",
		"\"'\\001'\"", "'\\001'",
		"'\\'\\001\\''", "\"'\\001'\"",
	} },
	{ "x'\x0ay", {
		"x'\x0ay", "'x'\\''\x0ay'",
		"'x'\\''\x0ay'", "'x'\\'''$'\\n''y'",
		"'x'\\'''$'\\n''y'", "\"x'\\ny\"",
		"\"x'\\ny\"", "x'\\ny",
		"'x\\'\\ny'", "\"x'\\ny\"",
	} },
	{ "~home", {
		"~home", "'~home'",
		"'~home'", "'~home'",
		"'~home'", "\"~home\"",
		"~home", "~home",
		"'~home'", "\"~home\"",
	} },
	{ "a~", {
		"a~", "a~",
		"'a~'", "a~",
		"'a~'", "\"a~\"",
		"a~", "a~",
		"'a~'", "\"a~\"",
	} },
	{ "#x", {
		"#x", "'#x'",
		"'#x'", "'#x'",
		"'#x'", "\"#x\"",
		"#x", "#x",
		"'#x'", "\"#x\"",
	} },
	{ "a#", {
		"a#", "a#",
		"'a#'", "a#",
		"'a#'", "\"a#\"",
		"a#", "a#",
		"'a#'", "\"a#\"",
	} },
	{ "=", {
		"=", "'='",
		"'='", "'='",
		"'='", "\"=\"",
		"=", "=",
		"'='", "\"=\"",
	} },
	{ "a:b", {
		"a:b", "a:b",
		"'a:b'", "a:b",
		"'a:b'", "\"a:b\"",
		"a:b", "a:b",
		"'a:b'", "\"a:b\"",
	} },
	{ "a,b", {
		"a,b", "a,b",
		"'a,b'", "a,b",
		"'a,b'", "\"a,b\"",
		"a,b", "a,b",
		"'a,b'", "\"a,b\"",
	} },
	{ "a@b", {
		"a@b", "a@b",
		"'a@b'", "a@b",
		"'a@b'", "\"a@b\"",
		"a@b", "a@b",
		"'a@b'", "\"a@b\"",
	} },
	{ "{", {
		"{", "'{'",
		"'{'", "'{'",
		"'{'", "\"{\"",
		"{", "{",
		"'{'", "\"{\"",
	} },
	{ "{}", {
		"{}", "{}",
		"'{}'", "{}",
		"'{}'", "\"{}\"",
		"{}", "{}",
		"'{}'", "\"{}\"",
	} },
	{ "a}", {
		"a}", "a}",
		"'a}'", "a}",
		"'a}'", "\"a}\"",
		"a}", "a}",
		"'a}'", "\"a}\"",
	} },
	{ "!", {
		"!", "'!'",
		"'!'", "'!'",
		"'!'", "\"!\"",
		"!", "!",
		"'!'", "\"!\"",
	} },
	{ "?", {
		"?", "'?'",
		"'?'", "'?'",
		"'?'", "\"?\"",
		"?", "?",
		"'?'", "\"?\"",
	} },
	{ "[a]", {
		"[a]", "'[a]'",
		"'[a]'", "'[a]'",
		"'[a]'", "\"[a]\"",
		"[a]", "[a]",
		"'[a]'", "\"[a]\"",
	} },
	{ "a]", {
		"a]", "a]",
		"'a]'", "a]",
		"'a]'", "\"a]\"",
		"a]", "a]",
		"'a]'", "\"a]\"",
	} },
	{ "^", {
		"^", "'^'",
		"'^'", "'^'",
		"'^'", "\"^\"",
		"^", "^",
		"'^'", "\"^\"",
	} },
	{ "a|b", {
		"a|b", "'a|b'",
		"'a|b'", "'a|b'",
		"'a|b'", "\"a|b\"",
		"a|b", "a|b",
		"'a|b'", "\"a|b\"",
	} },
	{ "$HOME", {
		"$HOME", "'$HOME'",
		"'$HOME'", "'$HOME'",
		"'$HOME'", "\"$HOME\"",
		"$HOME", "$HOME",
		"'$HOME'", "\"$HOME\"",
	} },
	{ "-", {
		"-", "-",
		"'-'", "-",
		"'-'", "\"-\"",
		"-", "-",
		"'-'", "\"-\"",
	} },
	{ "'", {
		"'", "\"'\"",
		"\"'\"", "\"'\"",
		"\"'\"", "\"'\"",
		"'", "'",
		"'\\''", "\"'\"",
	} },
	{ "a'b'c", {
		"a'b'c", "\"a'b'c\"",
		"\"a'b'c\"", "\"a'b'c\"",
		"\"a'b'c\"", "\"a'b'c\"",
		"a'b'c", "a'b'c",
		"'a\\'b\\'c'", "\"a'b'c\"",
	} },
	{ "it's a\\b", {
		"it's a\\b", "'it'\\''s a\\b'",
		"'it'\\''s a\\b'", "'it'\\''s a\\b'",
		"'it'\\''s a\\b'", "\"it's a\\\\b\"",
		"it's a\\b", "it's\\ a\\\\b",
		"'it\\'s a\\\\b'", "\"it's a\\\\b\"",
	} },
	{ "a\x01" "b'c\x0a" "d", {
		"a\x01" "b'c\x0a" "d", "'a\x01" "b'\\''c\x0a" "d'",
		"'a\x01" "b'\\''c\x0a" "d'", "'a'$'\\001''b'\\''c'$'\\n''d'",
		"'a'$'\\001''b'\\''c'$'\\n''d'", "\"a\\001b'c\\nd\"",
		"\"a\\001b'c\\nd\"", "a\\001b'c\\nd",
		"'a\\001b\\'c\\nd'", "\"a\\001b'c\\nd\"",
	} },
	{ "it's:ok", {
		"it's:ok", "\"it's:ok\"",
		"\"it's:ok\"", "\"it's:ok\"",
		"\"it's:ok\"", "\"it's:ok\"",
		"it's:ok", "it's:ok",
		"'it\\'s:ok'", "\"it's:ok\"",
	} },
	{ "it's#", {
		"it's#", "'it'\\''s#'",
		"'it'\\''s#'", "'it'\\''s#'",
		"'it'\\''s#'", "\"it's#\"",
		"it's#", "it's#",
		"'it\\'s#'", "\"it's#\"",
	} },
	{ "#it's", {
		"#it's", "\"#it's\"",
		"\"#it's\"", "\"#it's\"",
		"\"#it's\"", "\"#it's\"",
		"#it's", "#it's",
		"'#it\\'s'", "\"#it's\"",
	} },
	{ "~it's", {
		"~it's", "\"~it's\"",
		"\"~it's\"", "\"~it's\"",
		"\"~it's\"", "\"~it's\"",
		"~it's", "~it's",
		"'~it\\'s'", "\"~it's\"",
	} },
	{ "it's~", {
		"it's~", "'it'\\''s~'",
		"'it'\\''s~'", "'it'\\''s~'",
		"'it'\\''s~'", "\"it's~\"",
		"it's~", "it's~",
		"'it\\'s~'", "\"it's~\"",
	} },
	{ "it's=", {
		"it's=", "'it'\\''s='",
		"'it'\\''s='", "'it'\\''s='",
		"'it'\\''s='", "\"it's=\"",
		"it's=", "it's=",
		"'it\\'s='", "\"it's=\"",
	} },
	{ "a\"", {
		"a\"", "'a\"'",
		"'a\"'", "'a\"'",
		"'a\"'", "\"a\\\"\"",
		"\"a\\\"\"", "a\"",
		"'a\"'", "\"a\\\"\"",
	} },
	{ "\xff", {
		"\xff", "\xff",
		"'\xff'", "''$'\\377'",
		"''$'\\377'", "\"\\377\"",
		"\"\\377\"", "\\377",
		"'\\377'", "\"\\377\"",
	} },
	{ "a\xff" "b", {
		"a\xff" "b", "a\xff" "b",
		"'a\xff" "b'", "'a'$'\\377''b'",
		"'a'$'\\377''b'", "\"a\\377b\"",
		"\"a\\377b\"", "a\\377b",
		"'a\\377b'", "\"a\\377b\"",
	} },
	{ "\xe2\x80", {
		"\xe2\x80", "\xe2\x80",
		"'\xe2\x80'", "''$'\\342\\200'",
		"''$'\\342\\200'", "\"\\342\\200\"",
		"\"\\342\\200\"", "\\342\\200",
		"'\\342\\200'", "\"\\342\\200\"",
	} },
	{ "\xe2\x80x", {
		"\xe2\x80x", "\xe2\x80x",
		"'\xe2\x80x'", "''$'\\342\\200''x'",
		"''$'\\342\\200''x'", "\"\\342\\200x\"",
		"\"\\342\\200x\"", "\\342\\200x",
		"'\\342\\200x'", "\"\\342\\200x\"",
	} },
	{ "\xc3\xa9t\xc3\xa9", {
		"\xc3\xa9t\xc3\xa9", "\xc3\xa9t\xc3\xa9",
		"'\xc3\xa9t\xc3\xa9'", "''$'\\303\\251''t'$'\\303\\251'",
		"''$'\\303\\251''t'$'\\303\\251'", "\"\\303\\251t\\303\\251\"",
		"\"\\303\\251t\\303\\251\"", "\\303\\251t\\303\\251",
		"'\\303\\251t\\303\\251'", "\"\\303\\251t\\303\\251\"",
	} },
	{ "it\xe2\x80\x99s", {
		"it\xe2\x80\x99s", "it\xe2\x80\x99s",
		"'it\xe2\x80\x99s'", "'it'$'\\342\\200\\231''s'",
		"'it'$'\\342\\200\\231''s'", "\"it\\342\\200\\231s\"",
		"\"it\\342\\200\\231s\"", "it\\342\\200\\231s",
		"'it\\342\\200\\231s'", "\"it\\342\\200\\231s\"",
	} },
	{ "\xe2\x80\x98q\xe2\x80\x99", {
		"\xe2\x80\x98q\xe2\x80\x99", "\xe2\x80\x98q\xe2\x80\x99",
		"'\xe2\x80\x98q\xe2\x80\x99'", "''$'\\342\\200\\230''q'$'\\342\\200\\231'",
		"''$'\\342\\200\\230''q'$'\\342\\200\\231'", "\"\\342\\200\\230q\\342\\200\\231\"",
		"\"\\342\\200\\230q\\342\\200\\231\"", "\\342\\200\\230q\\342\\200\\231",
		"'\\342\\200\\230q\\342\\200\\231'", "\"\\342\\200\\230q\\342\\200\\231\"",
	} },
	{ "\xc2\x85", {
		"\xc2\x85", "\xc2\x85",
		"'\xc2\x85'", "''$'\\302\\205'",
		"''$'\\302\\205'", "\"\\302\\205\"",
		"\"\\302\\205\"", "\\302\\205",
		"'\\302\\205'", "\"\\302\\205\"",
	} },
	{ "a\xc2\xa0" "b", {
		"a\xc2\xa0" "b", "a\xc2\xa0" "b",
		"'a\xc2\xa0" "b'", "'a'$'\\302\\240''b'",
		"'a'$'\\302\\240''b'", "\"a\\302\\240b\"",
		"\"a\\302\\240b\"", "a\\302\\240b",
		"'a\\302\\240b'", "\"a\\302\\240b\"",
	} },
	{ "\xe2\x80\x8b", {
		"\xe2\x80\x8b", "\xe2\x80\x8b",
		"'\xe2\x80\x8b'", "''$'\\342\\200\\213'",
		"''$'\\342\\200\\213'", "\"\\342\\200\\213\"",
		"\"\\342\\200\\213\"", "\\342\\200\\213",
		"'\\342\\200\\213'", "\"\\342\\200\\213\"",
	} },
	{ "\xed\xa0\x80", {
		"\xed\xa0\x80", "\xed\xa0\x80",
		"'\xed\xa0\x80'", "''$'\\355\\240\\200'",
		"''$'\\355\\240\\200'", "\"\\355\\240\\200\"",
		"\"\\355\\240\\200\"", "\\355\\240\\200",
		"'\\355\\240\\200'", "\"\\355\\240\\200\"",
	} },
	{ "\xf4\x90\x80\x80", {
		"\xf4\x90\x80\x80", "\xf4\x90\x80\x80",
		"'\xf4\x90\x80\x80'", "''$'\\364\\220\\200\\200'",
		"''$'\\364\\220\\200\\200'", "\"\\364\\220\\200\\200\"",
		"\"\\364\\220\\200\\200\"", "\\364\\220\\200\\200",
		"'\\364\\220\\200\\200'", "\"\\364\\220\\200\\200\"",
	} },
	{ "\xc0\xaf", {
		"\xc0\xaf", "\xc0\xaf",
		"'\xc0\xaf'", "''$'\\300\\257'",
		"''$'\\300\\257'", "\"\\300\\257\"",
		"\"\\300\\257\"", "\\300\\257",
		"'\\300\\257'", "\"\\300\\257\"",
	} },
	{ "\xe4\xb8\xad\xe6\x96\x87", {
		"\xe4\xb8\xad\xe6\x96\x87", "\xe4\xb8\xad\xe6\x96\x87",
		"'\xe4\xb8\xad\xe6\x96\x87'", "''$'\\344\\270\\255\\346\\226\\207'",
		"''$'\\344\\270\\255\\346\\226\\207'", "\"\\344\\270\\255\\346\\226\\207\"",
		"\"\\344\\270\\255\\346\\226\\207\"", "\\344\\270\\255\\346\\226\\207",
		"'\\344\\270\\255\\346\\226\\207'", "\"\\344\\270\\255\\346\\226\\207\"",
	} },
	{ "\xf0\x9f\x98\x80", {
		"\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80",
		"'\xf0\x9f\x98\x80'", "''$'\\360\\237\\230\\200'",
		"''$'\\360\\237\\230\\200'", "\"\\360\\237\\230\\200\"",
		"\"\\360\\237\\230\\200\"", "\\360\\237\\230\\200",
		"'\\360\\237\\230\\200'", "\"\\360\\237\\230\\200\"",
	} },
	{ "\xee\x80\x80", {
		"\xee\x80\x80", "\xee\x80\x80",
		"'\xee\x80\x80'", "''$'\\356\\200\\200'",
		"''$'\\356\\200\\200'", "\"\\356\\200\\200\"",
		"\"\\356\\200\\200\"", "\\356\\200\\200",
		"'\\356\\200\\200'", "\"\\356\\200\\200\"",
	} },
	{ "\xef\xbf\xbe", {
		"\xef\xbf\xbe", "\xef\xbf\xbe",
		"'\xef\xbf\xbe'", "''$'\\357\\277\\276'",
		"''$'\\357\\277\\276'", "\"\\357\\277\\276\"",
		"\"\\357\\277\\276\"", "\\357\\277\\276",
		"'\\357\\277\\276'", "\"\\357\\277\\276\"",
	} },
	{ "\xcd\xb8", {
		"\xcd\xb8", "\xcd\xb8",
		"'\xcd\xb8'", "''$'\\315\\270'",
		"''$'\\315\\270'", "\"\\315\\270\"",
		"\"\\315\\270\"", "\\315\\270",
		"'\\315\\270'", "\"\\315\\270\"",
	} },
	{ "\xe2\x80\xa8", {
		"\xe2\x80\xa8", "\xe2\x80\xa8",
		"'\xe2\x80\xa8'", "''$'\\342\\200\\250'",
		"''$'\\342\\200\\250'", "\"\\342\\200\\250\"",
		"\"\\342\\200\\250\"", "\\342\\200\\250",
		"'\\342\\200\\250'", "\"\\342\\200\\250\"",
	} },
	{ "it's \xc3\xa9", {
		"it's \xc3\xa9", "'it'\\''s \xc3\xa9'",
		"'it'\\''s \xc3\xa9'", "'it'\\''s '$'\\303\\251'",
		"'it'\\''s '$'\\303\\251'", "\"it's \\303\\251\"",
		"\"it's \\303\\251\"", "it's\\ \\303\\251",
		"'it\\'s \\303\\251'", "\"it's \\303\\251\"",
	} },
	{ "\xc3\xa9'\x01", {
		"\xc3\xa9'\x01", "'\xc3\xa9'\\''\x01'",
		"'\xc3\xa9'\\''\x01'", "''$'\\303\\251'\\'''$'\\001'",
		"''$'\\303\\251'\\'''$'\\001'", "\"\\303\\251'\\001\"",
		"\"\\303\\251'\\001\"", "\\303\\251'\\001",
		"'\\303\\251\\'\\001'", "\"\\303\\251'\\001\"",
	} },
	{ "\xc2\x9b", {
		"\xc2\x9b", "\xc2\x9b",
		"'\xc2\x9b'", "''$'\\302\\233'",
		"''$'\\302\\233'", "\"\\302\\233\"",
		"\"\\302\\233\"", "\\302\\233",
		"'\\302\\233'", "\"\\302\\233\"",
	} },
};
/* LC_ALL=C.UTF-8 */
static const struct qcase cases_utf8[] = {
	{ "\xff", {
		"\xff", "\xff",
		"'\xff'", "''$'\\377'",
		"''$'\\377'", "\"\\377\"",
		"\"\\377\"", "\\377",
		"\xe2\x80\x98\\377\xe2\x80\x99", "\xe2\x80\x98\\377\xe2\x80\x99",
	} },
	{ "a\xff" "b", {
		"a\xff" "b", "a\xff" "b",
		"'a\xff" "b'", "'a'$'\\377''b'",
		"'a'$'\\377''b'", "\"a\\377b\"",
		"\"a\\377b\"", "a\\377b",
		"\xe2\x80\x98" "a\\377b\xe2\x80\x99", "\xe2\x80\x98" "a\\377b\xe2\x80\x99",
	} },
	{ "\xe2\x80", {
		"\xe2\x80", "\xe2\x80",
		"'\xe2\x80'", "''$'\\342\\200'",
		"''$'\\342\\200'", "\"\\342\\200\"",
		"\"\\342\\200\"", "\\342\\200",
		"\xe2\x80\x98\\342\\200\xe2\x80\x99", "\xe2\x80\x98\\342\\200\xe2\x80\x99",
	} },
	{ "\xe2\x80x", {
		"\xe2\x80x", "\xe2\x80x",
		"'\xe2\x80x'", "''$'\\342\\200''x'",
		"''$'\\342\\200''x'", "\"\\342\\200x\"",
		"\"\\342\\200x\"", "\\342\\200x",
		"\xe2\x80\x98\\342\\200x\xe2\x80\x99", "\xe2\x80\x98\\342\\200x\xe2\x80\x99",
	} },
	{ "\xc3\xa9t\xc3\xa9", {
		"\xc3\xa9t\xc3\xa9", "\xc3\xa9t\xc3\xa9",
		"'\xc3\xa9t\xc3\xa9'", "\xc3\xa9t\xc3\xa9",
		"'\xc3\xa9t\xc3\xa9'", "\"\xc3\xa9t\xc3\xa9\"",
		"\xc3\xa9t\xc3\xa9", "\xc3\xa9t\xc3\xa9",
		"\xe2\x80\x98\xc3\xa9t\xc3\xa9\xe2\x80\x99", "\xe2\x80\x98\xc3\xa9t\xc3\xa9\xe2\x80\x99",
	} },
	{ "it\xe2\x80\x99s", {
		"it\xe2\x80\x99s", "it\xe2\x80\x99s",
		"'it\xe2\x80\x99s'", "it\xe2\x80\x99s",
		"'it\xe2\x80\x99s'", "\"it\xe2\x80\x99s\"",
		"it\xe2\x80\x99s", "it\xe2\x80\x99s",
		"\xe2\x80\x98it\\\xe2\x80\x99s\xe2\x80\x99", "\xe2\x80\x98it\\\xe2\x80\x99s\xe2\x80\x99",
	} },
	{ "\xe2\x80\x98q\xe2\x80\x99", {
		"\xe2\x80\x98q\xe2\x80\x99", "\xe2\x80\x98q\xe2\x80\x99",
		"'\xe2\x80\x98q\xe2\x80\x99'", "\xe2\x80\x98q\xe2\x80\x99",
		"'\xe2\x80\x98q\xe2\x80\x99'", "\"\xe2\x80\x98q\xe2\x80\x99\"",
		"\xe2\x80\x98q\xe2\x80\x99", "\xe2\x80\x98q\xe2\x80\x99",
		"\xe2\x80\x98\xe2\x80\x98q\\\xe2\x80\x99\xe2\x80\x99", "\xe2\x80\x98\xe2\x80\x98q\\\xe2\x80\x99\xe2\x80\x99",
	} },
	{ "\xc2\x85", {
		"\xc2\x85", "\xc2\x85",
		"'\xc2\x85'", "''$'\\302\\205'",
		"''$'\\302\\205'", "\"\\302\\205\"",
		"\"\\302\\205\"", "\\302\\205",
		"\xe2\x80\x98\\302\\205\xe2\x80\x99", "\xe2\x80\x98\\302\\205\xe2\x80\x99",
	} },
	{ "a\xc2\xa0" "b", {
		"a\xc2\xa0" "b", "a\xc2\xa0" "b",
		"'a\xc2\xa0" "b'", "a\xc2\xa0" "b",
		"'a\xc2\xa0" "b'", "\"a\xc2\xa0" "b\"",
		"a\xc2\xa0" "b", "a\xc2\xa0" "b",
		"\xe2\x80\x98" "a\xc2\xa0" "b\xe2\x80\x99", "\xe2\x80\x98" "a\xc2\xa0" "b\xe2\x80\x99",
	} },
	{ "\xe2\x80\x8b", {
		"\xe2\x80\x8b", "\xe2\x80\x8b",
		"'\xe2\x80\x8b'", "\xe2\x80\x8b",
		"'\xe2\x80\x8b'", "\"\xe2\x80\x8b\"",
		"\xe2\x80\x8b", "\xe2\x80\x8b",
		"\xe2\x80\x98\xe2\x80\x8b\xe2\x80\x99", "\xe2\x80\x98\xe2\x80\x8b\xe2\x80\x99",
	} },
	{ "\xed\xa0\x80", {
		"\xed\xa0\x80", "\xed\xa0\x80",
		"'\xed\xa0\x80'", "''$'\\355\\240\\200'",
		"''$'\\355\\240\\200'", "\"\\355\\240\\200\"",
		"\"\\355\\240\\200\"", "\\355\\240\\200",
		"\xe2\x80\x98\\355\\240\\200\xe2\x80\x99", "\xe2\x80\x98\\355\\240\\200\xe2\x80\x99",
	} },
	{ "\xf4\x90\x80\x80", {
		"\xf4\x90\x80\x80", "\xf4\x90\x80\x80",
		"'\xf4\x90\x80\x80'", "''$'\\364\\220\\200\\200'",
		"''$'\\364\\220\\200\\200'", "\"\\364\\220\\200\\200\"",
		"\"\\364\\220\\200\\200\"", "\\364\\220\\200\\200",
		"\xe2\x80\x98\\364\\220\\200\\200\xe2\x80\x99", "\xe2\x80\x98\\364\\220\\200\\200\xe2\x80\x99",
	} },
	{ "\xc0\xaf", {
		"\xc0\xaf", "\xc0\xaf",
		"'\xc0\xaf'", "''$'\\300\\257'",
		"''$'\\300\\257'", "\"\\300\\257\"",
		"\"\\300\\257\"", "\\300\\257",
		"\xe2\x80\x98\\300\\257\xe2\x80\x99", "\xe2\x80\x98\\300\\257\xe2\x80\x99",
	} },
	{ "\xe4\xb8\xad\xe6\x96\x87", {
		"\xe4\xb8\xad\xe6\x96\x87", "\xe4\xb8\xad\xe6\x96\x87",
		"'\xe4\xb8\xad\xe6\x96\x87'", "\xe4\xb8\xad\xe6\x96\x87",
		"'\xe4\xb8\xad\xe6\x96\x87'", "\"\xe4\xb8\xad\xe6\x96\x87\"",
		"\xe4\xb8\xad\xe6\x96\x87", "\xe4\xb8\xad\xe6\x96\x87",
		"\xe2\x80\x98\xe4\xb8\xad\xe6\x96\x87\xe2\x80\x99", "\xe2\x80\x98\xe4\xb8\xad\xe6\x96\x87\xe2\x80\x99",
	} },
	{ "\xf0\x9f\x98\x80", {
		"\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80",
		"'\xf0\x9f\x98\x80'", "\xf0\x9f\x98\x80",
		"'\xf0\x9f\x98\x80'", "\"\xf0\x9f\x98\x80\"",
		"\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80",
		"\xe2\x80\x98\xf0\x9f\x98\x80\xe2\x80\x99", "\xe2\x80\x98\xf0\x9f\x98\x80\xe2\x80\x99",
	} },
	{ "\xee\x80\x80", {
		"\xee\x80\x80", "\xee\x80\x80",
		"'\xee\x80\x80'", "\xee\x80\x80",
		"'\xee\x80\x80'", "\"\xee\x80\x80\"",
		"\xee\x80\x80", "\xee\x80\x80",
		"\xe2\x80\x98\xee\x80\x80\xe2\x80\x99", "\xe2\x80\x98\xee\x80\x80\xe2\x80\x99",
	} },
	{ "\xef\xbf\xbe", {
		"\xef\xbf\xbe", "\xef\xbf\xbe",
		"'\xef\xbf\xbe'", "''$'\\357\\277\\276'",
		"''$'\\357\\277\\276'", "\"\\357\\277\\276\"",
		"\"\\357\\277\\276\"", "\\357\\277\\276",
		"\xe2\x80\x98\\357\\277\\276\xe2\x80\x99", "\xe2\x80\x98\\357\\277\\276\xe2\x80\x99",
	} },
	{ "\xcd\xb8", {
		"\xcd\xb8", "\xcd\xb8",
		"'\xcd\xb8'", "''$'\\315\\270'",
		"''$'\\315\\270'", "\"\\315\\270\"",
		"\"\\315\\270\"", "\\315\\270",
		"\xe2\x80\x98\\315\\270\xe2\x80\x99", "\xe2\x80\x98\\315\\270\xe2\x80\x99",
	} },
	{ "\xe2\x80\xa8", {
		"\xe2\x80\xa8", "\xe2\x80\xa8",
		"'\xe2\x80\xa8'", "''$'\\342\\200\\250'",
		"''$'\\342\\200\\250'", "\"\\342\\200\\250\"",
		"\"\\342\\200\\250\"", "\\342\\200\\250",
		"\xe2\x80\x98\\342\\200\\250\xe2\x80\x99", "\xe2\x80\x98\\342\\200\\250\xe2\x80\x99",
	} },
	{ "it's \xc3\xa9", {
		"it's \xc3\xa9", "\"it's \xc3\xa9\"",
		"\"it's \xc3\xa9\"", "\"it's \xc3\xa9\"",
		"\"it's \xc3\xa9\"", "\"it's \xc3\xa9\"",
		"it's \xc3\xa9", "it's\\ \xc3\xa9",
		"\xe2\x80\x98it's \xc3\xa9\xe2\x80\x99", "\xe2\x80\x98it's \xc3\xa9\xe2\x80\x99",
	} },
	{ "\xc3\xa9'\x01", {
		"\xc3\xa9'\x01", "'\xc3\xa9'\\''\x01'",
		"'\xc3\xa9'\\''\x01'", "'\xc3\xa9'\\'''$'\\001'",
		"'\xc3\xa9'\\'''$'\\001'", "\"\xc3\xa9'\\001\"",
		"\"\xc3\xa9'\\001\"", "\xc3\xa9'\\001",
		"\xe2\x80\x98\xc3\xa9'\\001\xe2\x80\x99", "\xe2\x80\x98\xc3\xa9'\\001\xe2\x80\x99",
	} },
	{ "\xc2\x9b", {
		"\xc2\x9b", "\xc2\x9b",
		"'\xc2\x9b'", "''$'\\302\\233'",
		"''$'\\302\\233'", "\"\\302\\233\"",
		"\"\\302\\233\"", "\\302\\233",
		"\xe2\x80\x98\\302\\233\xe2\x80\x99", "\xe2\x80\x98\\302\\233\xe2\x80\x99",
	} },
};

/* Switch the process to LOCALE the way a utility starts; false when that
   locale is not available here (or the platform is always UTF-8). */
static bool use_locale(const char *locale, bool want_utf8)
{
	sys_setenv("LC_ALL", locale);
	sys_init();
	return sys_locale_utf8() == want_utf8;
}

static void check_cases(const struct qcase *cases, size_t n)
{
	int bad = 0;
	for (size_t i = 0; i < n; i++) {
		for (int k = 0; k < 10; k++) {
			struct quote_opts o = { .style = styles[k] };
			if (styles[k] == QUOTE_ESCAPE)
				o.extra[' ' / 32] |= 1u << (' ' % 32);
			size_t len;
			char *got = quote_alloc(cases[i].in, strlen(cases[i].in), &o, &len);
			if (len != strlen(got) || strcmp(got, cases[i].out[k]) != 0) {
				print_error("%s of [%s]: got [%s], want [%s]\n", quote_style_name(styles[k]),
					    cases[i].in, got, cases[i].out[k]);
				bad++;
			}
			free(got);
		}
	}
	assert_int_equal(bad, 0);
}

static void test_styles_c_locale(void **state)
{
	(void)state;
	if (!use_locale("C", false))
		skip();
	check_cases(cases_c, sizeof cases_c / sizeof cases_c[0]);
}

static void test_styles_utf8_locale(void **state)
{
	(void)state;
	if (!use_locale("C.UTF-8", true))
		skip();
	check_cases(cases_utf8, sizeof cases_utf8 / sizeof cases_utf8[0]);
}

static const char *q(enum quote_style style, const char *s, size_t len)
{
	static char buf[256];
	struct quote_opts o = { .style = style };
	size_t n = quote_buf(buf, sizeof buf, s, len, &o);
	assert_true(n < sizeof buf);
	assert_int_equal(n, strlen(buf));
	return buf;
}

/* Names cannot hold NUL, so these facts come from quotearg's rules: \0,
   or \000 before a digit; in $'...' always \0 (digits stay outside). */
static void test_nul_bytes(void **state)
{
	(void)state;
	use_locale("C", false);
	assert_string_equal(q(QUOTE_C, "a\0b", 3), "\"a\\0b\"");
	assert_string_equal(q(QUOTE_C, "a\0" "1", 3), "\"a\\0001\"");
	assert_string_equal(q(QUOTE_ESCAPE, "\0", 1), "\\0");
	assert_string_equal(q(QUOTE_C_MAYBE, "a\0", 2), "\"a\\0\"");
	assert_string_equal(q(QUOTE_LOCALE, "\0" "9", 2), "'\\0009'");
	assert_string_equal(q(QUOTE_SHELL_ESCAPE, "a\0" "1", 3), "'a'$'\\0''1'");
	char buf[8];
	struct quote_opts o = { .style = QUOTE_LITERAL };
	assert_int_equal(quote_buf(buf, sizeof buf, "a\0b", 3, &o), 3);
	assert_memory_equal(buf, "a\0b", 4);
}

static void test_empty(void **state)
{
	(void)state;
	use_locale("C", false);
	assert_string_equal(q(QUOTE_LITERAL, "", 0), "");
	assert_string_equal(q(QUOTE_SHELL, "", 0), "''");
	assert_string_equal(q(QUOTE_SHELL_ESCAPE, "", 0), "''");
	assert_string_equal(q(QUOTE_SHELL_ALWAYS, "", 0), "''");
	assert_string_equal(q(QUOTE_C, "", 0), "\"\"");
	assert_string_equal(q(QUOTE_C_MAYBE, "", 0), "");
	assert_string_equal(q(QUOTE_ESCAPE, "", 0), "");
	assert_string_equal(q(QUOTE_LOCALE, "", 0), "''");
	assert_string_equal(q(QUOTE_CLOCALE, "", 0), "\"\"");
}

/* The escape style itself leaves spaces alone (GNU stat's %N with
   QUOTING_STYLE=escape); only ls adds them. */
static void test_escape_without_extra(void **state)
{
	(void)state;
	use_locale("C", false);
	assert_string_equal(q(QUOTE_ESCAPE, "a b", 3), "a b");
	assert_string_equal(q(QUOTE_ESCAPE, "a\\b\n", 4), "a\\\\b\\n");
	assert_string_equal(q(QUOTE_C_MAYBE, "a b", 3), "a b");
}

static void test_extra_characters(void **state)
{
	(void)state;
	use_locale("C", false);
	struct quote_opts o = { .style = QUOTE_SHELL_ESCAPE };
	o.extra[':' / 32] |= 1u << (':' % 32);
	char buf[64];
	quote_buf(buf, sizeof buf, "a:b", 3, &o);
	assert_string_equal(buf, "'a:b'");
	quote_buf(buf, sizeof buf, "ab", 2, &o);
	assert_string_equal(buf, "ab");
	o.style = QUOTE_C;
	quote_buf(buf, sizeof buf, "a:b", 3, &o);
	assert_string_equal(buf, "\"a\\:b\"");
	o.style = QUOTE_ESCAPE;
	quote_buf(buf, sizeof buf, "a:b", 3, &o);
	assert_string_equal(buf, "a\\:b");
	/* c-maybe: an extra character forces the quotes, which are then
	   enough. */
	o.style = QUOTE_C_MAYBE;
	quote_buf(buf, sizeof buf, "a:b", 3, &o);
	assert_string_equal(buf, "\"a:b\"");
	quote_buf(buf, sizeof buf, "ab", 2, &o);
	assert_string_equal(buf, "ab");
}

static void test_truncation(void **state)
{
	(void)state;
	use_locale("C", false);
	struct quote_opts o = { .style = QUOTE_SHELL_ALWAYS };
	char buf[4];
	memset(buf, 'x', sizeof buf);
	assert_int_equal(quote_buf(buf, sizeof buf, "abcdef", 6, &o), 8);
	assert_string_equal(buf, "'ab");
	memset(buf, 'x', sizeof buf);
	assert_int_equal(quote_buf(buf, 0, "abcdef", 6, &o), 8);
	assert_int_equal(buf[0], 'x');
	assert_int_equal(quote_buf(buf, 1, "abcdef", 6, &o), 8);
	assert_int_equal(buf[0], 0);

	/* quote_alloc: longer than its internal first try. */
	size_t n = 1000, len;
	char *big = malloc(n);
	assert_non_null(big);
	memset(big, '\001', n);
	o.style = QUOTE_C;
	char *r = quote_alloc(big, n, &o, &len);
	assert_int_equal(len, 2 + 4 * n);
	assert_int_equal(strlen(r), len);
	assert_memory_equal(r, "\"\\001\\001", 9);
	free(r);
	free(big);
}

static void test_message_helpers(void **state)
{
	(void)state;
	use_locale("C", false);
	assert_string_equal(quote("1x"), "'1x'");
	assert_string_equal(quote("it's"), "'it\\'s'");
	assert_string_equal(quote(""), "''");
	assert_string_equal(quote_mem("a\nb", 3), "'a\\nb'");
	assert_string_equal(quotef("file"), "file");
	assert_string_equal(quotef("a b"), "'a b'");
	assert_string_equal(quotef("a:b"), "'a:b'");
	assert_string_equal(quotef("a\nb"), "'a'$'\\n''b'");
	assert_string_equal(quoteaf("file"), "'file'");
	assert_string_equal(quoteaf("it's"), "\"it's\"");
	assert_string_equal(quote_style_str("a b", QUOTE_C), "\"a b\"");
	if (use_locale("C.UTF-8", true)) {
		assert_string_equal(quote("1x"), "\xe2\x80\x98" "1x\xe2\x80\x99");
		assert_string_equal(quote("it's"), "\xe2\x80\x98it's\xe2\x80\x99");
		assert_string_equal(quotef("\xc3\xa9t\xc3\xa9"), "\xc3\xa9t\xc3\xa9");
		assert_string_equal(quotef("\xff"), "''$'\\377'");
	}
	use_locale("C", false);
}

/* Up to eight results stay valid together, as one message may need. */
static void test_ring(void **state)
{
	(void)state;
	use_locale("C", false);
	const char *r[8];
	char name[8][4];
	for (int i = 0; i < 8; i++) {
		snprintf(name[i], sizeof name[i], "n%d", i);
		r[i] = quote(name[i]);
	}
	for (int i = 0; i < 8; i++) {
		char want[8];
		snprintf(want, sizeof want, "'n%d'", i);
		assert_string_equal(r[i], want);
	}
}

static void test_style_names(void **state)
{
	(void)state;
	static const char *const names[10] = {
		"literal", "shell", "shell-always", "shell-escape", "shell-escape-always",
		"c", "c-maybe", "escape", "locale", "clocale",
	};
	for (int i = 0; i < 10; i++) {
		assert_int_equal(quote_style_from_name(names[i]), styles[i]);
		assert_string_equal(quote_style_name(styles[i]), names[i]);
	}
	assert_int_equal(quote_style_from_name("Shell"), -1);
	assert_int_equal(quote_style_from_name("she"), -1);
	assert_int_equal(quote_style_from_name(""), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_styles_c_locale),
		cmocka_unit_test(test_styles_utf8_locale),
		cmocka_unit_test(test_nul_bytes),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_escape_without_extra),
		cmocka_unit_test(test_extra_characters),
		cmocka_unit_test(test_truncation),
		cmocka_unit_test(test_message_helpers),
		cmocka_unit_test(test_ring),
		cmocka_unit_test(test_style_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
