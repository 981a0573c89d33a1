"""Tests for printf (GNU coreutils 9.10 behaviour).

Many checks share one invocation (one format with several directives) to
keep the number of processes down.
"""
import platform

import pytest

from conftest import check, needs_dev_full, run, run_closed_stdout

UTF8 = {"LC_ALL": "C.UTF-8"}
TRY = "Try 'printf --help' for more information.\n"


def ok(out, *args, env=None):
    check(run("printf", *args, env=env), out=out)


def fails(out, err, *args, env=None):
    check(run("printf", *args, env=env), out=out, err=err, status=1)


# ---- options and operands -------------------------------------------------

def test_help():
    r = run("printf", "--help")
    assert r.status == 0 and r.err == b""
    assert r.stdout.startswith("Usage: printf FORMAT [ARGUMENT]...\n  or:  printf OPTION\n")
    for word in ("%b", "%q", "\\c", "\\uHHHH", "--version"):
        assert word in r.stdout


def test_version():
    r = run("printf", "--version")
    assert r.status == 0 and r.err == b""
    assert r.stdout.startswith("printf (corebox) ")


@pytest.mark.parametrize("args", [(), ("--",)])
def test_missing_operand(args):
    check(run("printf", *args), err="printf: missing operand\n" + TRY, status=1)


def test_help_only_as_sole_argument():
    check(run("printf", "--help", "x"), out="--help",
          err="printf: warning: ignoring excess arguments, starting with 'x'\n")
    ok("--version", "--", "--version")
    ok("--hel-x", "--hel%s", "-x")


def test_double_dash_is_skipped_once():
    ok("foo\n", "--", "foo\\n")
    ok("--", "--", "--")


# ---- escapes in FORMAT ------------------------------------------------------

def test_format_escapes():
    fmt = ("\\a\\b\\f\\n\\r\\t\\v\\z|\\\\\\\"\\'|\\x1b\\33\\e|\\xaa\\0377\\x7e3|\\41\\101\\1012|"
           "7 \\2y \\02y \\002y \\0002y|\\777|\\8\\9|\\%|end\\")
    ok(b"\a\b\f\n\r\t\v\\z|\\\"\\'|\x1b\x1b\x1b|\xaa\x1f7~3|!AA2|7 \x02y \x02y \x02y \x002y|\xff|\\8\\9|\\%|end\\",
       fmt)


def test_stop_escape_ends_everything():
    # \c stops at once, with arguments left over, and exits 0 even after
    # a bad number.
    ok("ab", "ab\\ccd%s", "x", "y")
    check(run("printf", "%d\\c", "x"), out="0", err="printf: 'x': expected a numeric value\n", status=0)


def test_unicode_escapes_c_locale():
    # ASCII comes out as itself, control characters included; the rest
    # cannot be shown in the C locale and is written as an escape.
    ok(b"22|A~$|\x07\x00\x7f|\\u00E9\\u20AC|\\U0001F600|\\U00110000|A1",
       "\\u0032\\U00000032|\\u0041\\u007e\\u0024|\\u0007\\u0000\\u007f|\\u00e9\\u20ac|"
       "\\U0001f600|\\U00110000|\\u00411")


def test_unicode_escapes_utf8():
    ok("é€|\U0001F600|\U0010FFFF|\\U00110000|\ud7ff\ue000".encode("utf-8", "surrogatepass"),
       "\\u00e9\\u20AC|\\U0001F600|\\U0010ffff|\\U00110000|\\ud7ff\\ue000", env=UTF8)


@pytest.mark.parametrize("fmt,err", [
    ("a\\ud800", "invalid universal character name \\ud800"),
    ("a\\uDFFF", "invalid universal character name \\udfff"),
    ("a\\U0000D8aB", "invalid universal character name \\U0000d8ab"),
    ("a\\u", "missing hexadecimal number in escape"),
    ("a\\u12g4", "missing hexadecimal number in escape"),
    ("a\\U0000", "missing hexadecimal number in escape"),
    ("a\\xg", "missing hexadecimal number in escape"),
])
def test_bad_escapes(fmt, err):
    fails("a", "printf: " + err + "\n", fmt + "b")


# ---- conversions and flags --------------------------------------------------

def test_integer_conversions():
    ok("42|-42|10|42|ff|FF|   42|42   |00042|+42| 42|007|+007|+7    |+5|+5|5    |5|"
       "010|0xff|0XFF| 0xff|010|0|0| 0999|||3    |%|3%",
       "%d|%i|%o|%u|%x|%X|%5d|%-5d|%05d|%+d|% d|%.3d|%+.3d|%-+6d|% +d|%+ d|%--5d|%00d|"
       "%#o|%#x|%#X|%#5x|%#.3o|%#o|%#x|%5.4d|%.0d|%.d|%-05d|%%|%d%%",
       "42", "-42", "8", "42", "255", "255", "42", "42", "42", "42", "42", "7", "7", "7",
       "5", "5", "5", "5", "8", "255", "255", "255", "8", "0", "0", "999", "0", "0", "3", "3")


def test_float_conversions():
    ok("3.141590|3.14|     3.142|2.5       |+1.000000| 1.000000|-00003.142|2.|2|"
       "1.234568e+04|1.234568E+04|1.23e-04|0.0001|1E-10|100000|1e+06|1.00000|3.14|"
       "INF|-inf|nan|NAN|inf|-inf|  inf|nan   |  inf|1.000000|2.000000E+00",
       "%f|%.2f|%10.3f|%-10.1f|%+f|% f|%010.3f|%#.0f|%.0f|"
       "%e|%E|%.2e|%g|%G|%g|%g|%#g|%.3g|"
       "%F|%f|%f|%F|%e|%g|%5.1f|%-6f|%05f|%LF|%LE",
       "3.14159", "3.14159", "3.14159", "2.5", "1", "1", "-3.14159", "2", "2.5",
       "12345.678", "12345.678", "0.000123", "0.0001", "1e-10", "100000", "1000000", "1", "3.14159",
       "inf", "-inf", "nan", "nan", "inf", "-inf", "inf", "nan", "inf", "1", "2")


def test_string_and_char_conversions():
    ok(b"h|  x|y  |abc|  abc|abc  |ab|    a||h\xe9\x00\x00|",
       "%c|%3c|%-3c|%s|%5s|%-5s|%.2s|%5.1s|%.0s|%c%c%c%c|",
       "hello", "x", "y", "abc", "abc", "abc", "abc", "abc", "abc", "hello", b"\xe9x", "")


def test_grouping_and_length_modifiers():
    # No thousands separator in the C locale; length modifiers are ignored.
    ok("1234567|1234567.89|1000|1000|1.23457e+06|1000.000000|1E+06|42|   42|7|"
       "1 2 3 4 5 6 7 8.000000 9.000000 ff z s",
       "%'d|%'.2f|%'i|%'u|%'g|%'F|%'G|%Id|%I5d|%'Ii|"
       "%hd %ld %lld %hhd %jd %zd %td %Lf %lf %hhx %lc %ls",
       "1234567", "1234567.891", "1000", "1000", "1234567", "1000", "1e6", "42", "42", "7",
       "1", "2", "3", "4", "5", "6", "7", "8", "9", "255", "z", "s")


@pytest.mark.skipif(platform.machine() not in ("x86_64", "i686", "i386"),
                    reason="%a output depends on long double's layout")
def test_hex_float_x86():
    ok("0x8p-3|0XF.FP+4|0x8.00p-3|0xcp-3", "%a|%A|%.2a|%a", "1", "255", "1", "1.5")


def test_star_width_and_precision():
    ok("  2A|002A| 0F|  42|0042| 15|  1| x|ab|ab|  42|42|   15|    3|0 x|1  x|15|0x|    7|1.00|1 x  y",
       "%*X|%.*X|%*.*X|%*d|%.*d|%*.*d|%*c|%*s|%.*s|%*.*s|%*G|%.*G|%*.*G|%5.4G|%*dx|%-*dx|%.*d|%.*dx|"
       "%*d|%.*f|1 %*sy",
       "4", "42", "4", "42", "3", "2", "15", "4", "42", "4", "42", "3", "2", "15",
       "3", "123", "2", "x", "2", "abcd", "2", "2", "abcd", "4", "42", "4", "42", "5", "3", "15", "3",
       "-2", "0", "3", "1", "-3", "15", "-2147483649", "0", "'\x05", "7", "'\x02", "1", "-3", "x")


@pytest.mark.parametrize("fmt,arg,what", [
    ("%.*d", "2147483648", "precision"),
    ("%*d", "2147483648", "field width"),
    ("%*d", "-2147483649", "field width"),
])
def test_star_out_of_range(fmt, arg, what):
    fails("a", f"printf: invalid {what}: '{arg}'\n", "a" + fmt, arg, "15")


def test_star_bad_numbers_continue():
    fails("12 empty width|13 space width|14 x|15 x\n",
          "printf: '': expected a numeric value\n"
          "printf: ' ': expected a numeric value\n"
          "printf: '': expected a numeric value\n"
          "printf: ' ': expected a numeric value\n",
          "12 %*s|13 %*s|14 %.*sx|15 %.*sx\n",
          "", "empty width", " ", "space width", "", "empty precision", " ", "space precision")


@pytest.mark.parametrize("fmt,spec", [(f, f) for f in [
    "%#d", "%#u", "%#s", "%#c", "%0s", "%0c", "%.9c", "%'s", "%'x", "%'e", "%'c", "%Ix",
    "%z", "%5b", "%-q", "%lq", "%n", "%$", "%5", "%", "%ll",
]] + [("%0$s", "%0$"), ("%*5d", "%*5"), ("%+5.3Lk", "%+5.3Lk")])
def test_invalid_conversions(fmt, spec):
    fails("a", f"printf: {spec}: invalid conversion specification\n", "a" + fmt, "1")


# ---- numeric arguments ----------------------------------------------------------

def test_numeric_forms():
    ok("31 15 -8 7 65 65|1f 777 97 FFFFFFFFFFFFFFF0|18446744073709551615 ffffffffffffffff "
       "1777777777777777777777|9223372036854775807 18446744073709551615 -9223372036854775808|"
       "0.5 100.0 0.5 5 97.000000 -2.5|inf -inf nan 16.000000",
       "%d %d %d %d %d %d|%x %o %u %X|%u %x %o|%d %u %d|%.1f %.1f %g %g %f %g|%f %f %f %f",
       "0x1F", "017", "-010", " +7", "'A", "\"A", "0X1f", "0777", "'a", "-0x10", "-1", "-1", "-1",
       "9223372036854775807", "18446744073709551615", "-9223372036854775808",
       "0x1p-1", "1e2", ".5", "5.", "'a", "  -2.5", "inf", "-infinity", "NaN", "0x10")


def test_missing_arguments_are_empty_or_zero():
    ok(b"[][0][0.000000][\x00][0][][][]", "[%s][%d][%f][%c][%x][%b][%q][%*s]")
    ok("x 0", "%s %d", "x")


def test_bad_integers():
    fails("0|9|0|0|12|0|0|0|0|9223372036854775807|-9223372036854775808|ffffffffffffffff|0",
          "printf: 'no-num': expected a numeric value\n"
          "printf: '9z': value not completely converted\n"
          "printf: '0x': value not completely converted\n"
          "printf: '08': value not completely converted\n"
          "printf: '12 ': value not completely converted\n"
          "printf: '': expected a numeric value\n"
          "printf: '': expected a numeric value\n"
          "printf: '\\'': expected a numeric value\n"
          "printf: '\"': expected a numeric value\n"
          "printf: '999999999999999999999999999999': Numerical result out of range\n"
          "printf: '-99999999999999999999': Numerical result out of range\n"
          "printf: '-99999999999999999999': Numerical result out of range\n"
          "printf: 'x1': expected a numeric value\n",
          "%d|%d|%d|%d|%d|%d|%u|%d|%d|%d|%d|%x|%u",
          "no-num", "9z", "0x", "08", "12 ", "", "", "'", "\"", "999999999999999999999999999999",
          "-99999999999999999999", "-99999999999999999999", "x1")


def test_bad_floats():
    fails("0.000000|inf|1.500000|1.000000|0|1.000000e+00",
          "printf: '': expected a numeric value\n"
          "printf: '1e5000': Numerical result out of range\n"
          "printf: '1.5e': value not completely converted\n"
          "printf: '1,5': value not completely converted\n"
          "printf: 'abc': expected a numeric value\n"
          "printf: '0x1pz': value not completely converted\n",
          "%f|%f|%f|%f|%g|%e", "", "1e5000", "1.5e", "1,5", "abc", "0x1pz")


def test_bad_numbers_keep_going():
    fails("1-0-3\n4-5-0\n",
          "printf: 'x': expected a numeric value\nprintf: '4y': value not completely converted\n",
          "%d-%d-%d\n", "1", "x", "3", "4y", "5")


def test_character_constants():
    check(run("printf", "%d %d %d %x %x\n", "'a", "\"a\"", "'ab", b"'\xe9", "'\u00e1"), out="97 97 97 e9 c3\n",
          err=b"printf: warning: \": character(s) following character constant have been ignored\n"
              b"printf: warning: b: character(s) following character constant have been ignored\n"
              b"printf: warning: \xa1: character(s) following character constant have been ignored\n")


def test_character_constants_posixly_correct():
    ok("97 97\n", "%d %d\n", "\"a\"", "'ab", env={"POSIXLY_CORRECT": "1"})


def test_character_constants_utf8():
    check(run("printf", "%04x %d %x %04x %x\n", "\"\u00e1", "'\u20ac", b"'\xe1", "\"\u00e1=", b"'\xe1=", env=UTF8),
          out="00e1 8364 e1 00e1 e1\n",
          err="printf: warning: =: character(s) following character constant have been ignored\n"
              "printf: warning: =: character(s) following character constant have been ignored\n")


# ---- %b and %q ---------------------------------------------------------------

def test_b():
    ok(b"nl\ntab\tx|\x01y \x01y \x01y \x01y|AA\x00|AJ\"\\q\\|A\\u00E9|%d\\%",
       "%b|%b|%b|%b|%b|%b", "nl\\ntab\\tx", "\\1y \\01y \\001y \\0001y", "\\0101\\101\\0",
       "\\x41\\x4a\\\"\\q\\", "\\u0041\\u00e9", "%d\\%")


def test_b_utf8():
    ok("é😀\n".encode(), "%b\n", "\\u00e9\\U0001F600", env=UTF8)


def test_b_stops_at_c():
    ok("a", "%b%s\\n", "a\\cb", "x", "y")


@pytest.mark.parametrize("arg,err", [
    ("\\x", "missing hexadecimal number in escape"),
    ("\\u12", "missing hexadecimal number in escape"),
    ("\\ud800", "invalid universal character name \\ud800"),
])
def test_b_bad_escapes(arg, err):
    fails("<a", "printf: " + err + "\n", "<%b>", "a" + arg)


def test_q_shell_escape_quoting():
    args = ["", "'", "a", "a b", "~a", "a~", "a\r", "\x01'\x01", "it's", "a'b*", "a$b", "{", "}", "{}",
            "#x", "x#", "!", "a=b", "a\tb", "\x01a", "a\\b", "-n", "a@'b", b"\xff", "\u00e9"]
    exp = ["''", "\"'\"", "a", "'a b'", "'~a'", "a~", "'a'$'\\r'", "''$'\\001'\\'''$'\\001'", "\"it's\"",
           "'a'\\''b*'", "'a$b'", "'{'", "'}'", "{}", "'#x'", "x#", "'!'", "'a=b'", "'a'$'\\t''b'",
           "''$'\\001''a'", "'a\\b'", "-n", "\"a@'b\"", "''$'\\377'", "''$'\\303\\251'"]
    ok("".join(e + "\n" for e in exp), "%q\n", *args)


def test_q_utf8():
    ok("áḃç\n''$'\\302\\201'\n\"it's é\"\n", "%q\n", "áḃç", b"\xc2\x81", "it's é", env=UTF8)


# ---- arguments and format reuse --------------------------------------------------

def test_format_reused_while_arguments_remain():
    ok("a\nb\nc\n", "%s\n", "a", "b", "c")
    ok("A 1 2\nA 3 \n", "A %s %s\n", "1", "2", "3")
    ok("1-2\n3-0\n", "%d-%d\n", "1", "2", "3")


def test_excess_arguments():
    check(run("printf", "B", "1", "2"), out="B",
          err="printf: warning: ignoring excess arguments, starting with '1'\n")
    check(run("printf", "%%\\n", "x y"), out="%\n",
          err="printf: warning: ignoring excess arguments, starting with 'x y'\n")


@pytest.mark.parametrize("args,out", [
    (("%2$s%1$s\n", "1", "2"), "21\n"),
    (("%1$s%1$s\n", "1", "2"), "11\n22\n"),
    (("%s %3$s %s\n", "A", "B", "C", "D"), "A C B\nD  \n"),
    (("%1$*d\n", "4", "1"), "   4\n1\n"),
    (("%s %s %1$s\n", "A", "B"), "A B A\n"),
    (("%100$*d %s %s %s\n", "4", "1"), "   0 1  \n"),
    (("%1$*2$.*3$d|%3$*.*d|%3$*2$.*d|%3$*.*2$d\n", "1", "3", "2"), " 01|002| 02|002\n"),
    (("%2$*1$d|%2$*d|%01$4d|%1$0*2$d\n", "4", "1"), "   1|   1|   4|4\n"),
    (("%2$b|%1$q|%1$c\n", "a b", "x\\ty"), "x\ty|'a b'|a\n"),
    (("empty%999$s|%2147483647$s|%9223372036854775808$s\n", "foo"), "empty||\n"),
])
def test_indexed_arguments(args, out):
    ok(out, *args)


@pytest.mark.parametrize("args,out,err", [
    (("%-2$s %1$s\n", "A", "B"), "", "%-2$: invalid conversion specification"),
    (("% 2$s %1$s\n", "A", "B"), "", "% 2$: invalid conversion specification"),
    (("%0x2$s %2$s\n", "A", "B"), "02$s B\n", "'A': expected a numeric value"),
    (("%$d\n", "1"), "", "%$: invalid conversion specification"),
])
def test_indexed_argument_errors(args, out, err):
    fails(out, "printf: " + err + "\n", *args)


# ---- output errors -------------------------------------------------------------------

@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as f:
        r = run("printf", "%s\n", "x", stdout=f)
    check(r, err="printf: write error: No space left on device\n", status=1)


def test_closed_stdout():
    assert run_closed_stdout("printf", "x\n") == (1, b"printf: write error: Bad file descriptor\n")
    assert run_closed_stdout("printf", "") == (0, b"")


def test_conversion_too_large():
    # A width beyond what printf(3) can produce is a write error at the
    # end; the rest of the output still appears.
    fails("a|b\n", "printf: write error\n", "a%99999999999d|b\n", "1")


def test_large_output():
    ok(" " * 199999 + "x|1." + "0" * 70000 + "\n", "%200000s|%.70000f\n", "x", "1")
