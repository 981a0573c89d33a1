"""Tests for tr: translating, deleting, squeezing, the string syntax and
its errors."""
import os
import subprocess

import pytest

from conftest import BASE_ENV, COREBOX, ON_WINE, check, needs_dev_full, run, run_closed_stdin, run_closed_stdout

TRY = b"Try 'tr --help' for more information.\n"


@pytest.mark.parametrize("args,inp,out", [
    (["abc", "xyz"], b"aabbcc-d\n", b"xxyyzz-d\n"),
    (["a-z", "A-Z"], b"Hello, World!\n", b"HELLO, WORLD!\n"),
    (["[:lower:]", "[:upper:]"], b"abcxyzABCXYZ", b"ABCXYZABCXYZ"),
    (["[:upper:]", "[:lower:]"], b"abcxyzABCXYZ", b"abcxyzabcxyz"),
    (["[:lower:][:upper:]", "[:upper:][:lower:]"], b"aBcD", b"AbCd"),
    (["abcd", "xy"], b"abcde", b"xyyye"),
    (["-t", "abcd", "xy"], b"abcde", b"xycde"),
    (["abcd", "x[y*]"], b"abcde", b"xyyye"),
    (["abcd", "[]*]"], b"abcd", b"]]]]"),
    (["abc", "[%*]xyz"], b"abc", b"xyz"),
    (["ah", "-H"], b"aha", b"-H-"),
    (["a\\-z", "A-Z"], b"abc-z", b"AbcBC"),
    (["a\\055b", "def"], b"a-b", b"def"),
    (["\\n\\t\\\\\\q", "NT/Q"], b"a\n\t\\q", b"aNT/Q"),
    (["\\a\\b\\f\\r\\v", "abfrv"], b"\a\b\f\r\v", b"abfrv"),
    (["\\1\\12\\101", "xyz"], b"\x01\nA", b"xyz"),
    (["a[=*2][=c=]", "xyyz"], b"a=c", b"xyz"),
    (["[:*3][:digit:]", "a-m"], b":1239", b"cefgm"),
    (["a[b*512]c", "1[x*]2"], b"abc", b"1x2"),
    (["[b*010]cd", "[a*7]BC[x*]"], b"bcd", b"BCx"),
    (["abc", "[b*\\9]"], b"abcd", b"[b*d"),
    (["abc", "[b*0]"], b"abcd", b"bbbd"),
    (["[:lower:]", "0-9"], b"abcdefghijklmnopqrstuvwxyz", b"01234567899999999999999999"),
    (["[:lower:][:lower:]", "[:upper:]0-9"], b"abcdefghijklmnopqrstuvwxyz", b"01234567899999999999999999"),
    (["[:lower:]", "[.*]"], b"#$%123abcABC", b"#$%123...ABC"),
    (["[:lower:].", "[:upper:]x"], b"abc.", b"ABCx"),
    (["[:upper:][:lower:]", "a-z[:upper:]"], b"aBc", b"AbC"),
    (["-c", "a", "[b*256]"], b"abc", b"abb"),
    (["-C", "[a*65536]\\n", "[b*]"], b"abcd", b"abbb"),
    (["-ct", "ab", "xy"], b"ab\0\1cd", b"abxycd"),
    (["-cs", "[:upper:]", "[X*]"], b"AMZamz123.-+AMZ", b"AMZXAMZ"),
    (["\\350\\345", "xy"], b"\xe8\xe5\xff", b"xy\xff"),
])
def test_translate(args, inp, out):
    check(run("tr", *args, input=inp), out=out)


@pytest.mark.parametrize("args,inp,out", [
    (["-d", "a-z"], b"abc $code", b" $"),
    (["--delete", "[:digit:]"], b"a0b1c2d3e4f5g6h7i8j9k", b"abcdefghijk"),
    (["-d", "[:xdigit:]"], b"w0x1y2z3456789acbdefABCDEFz", b"wxyzz"),
    (["-d", "[:alnum:]"], b".abcXYZ019.", b".."),
    (["-d", "[:alpha:][:blank:]"], b"a1 B\t2", b"12"),
    (["-d", "[:cntrl:][:upper:]"], b"a\x01B\x7fc\n", b"ac"),
    (["-d", "[:graph:]"], b"a b!\n", b" \n"),
    (["-d", "[:print:]"], b"a b!\n\x80", b"\n\x80"),
    (["-d", "[:punct:]"], b"a,b.c!d~", b"abcd"),
    (["-d", "[:space:]"], b"a b\tc\nd\ve\ff\rg", b"abcdefg"),
    (["-d", "[=[=]"], b"[[[[[[[]]]]]]]]", b"]]]]]]]]"),
    (["-d", "[=]=]"], b"[[[[[[[]]]]]]]]", b"[[[[[[["),
    (["-dc", "a"], b"abcabc", b"aa"),
    (["-d", "\\0"], b"a\0b\0", b"ab"),
])
def test_delete(args, inp, out):
    check(run("tr", *args, input=inp), out=out)


@pytest.mark.parametrize("args,inp,out", [
    (["-s", "[a-z]"], b"aabbcc", b"abc"),
    (["-s", "[a-b]"], b"aabbcc", b"abcc"),
    (["-s", "[\\0-\\5]"], b"\0\0a\1\1b\2\2\2c", b"\0a\1b\2c"),
    (["-s", "a-p", "%[.*]$"], b"abcdefghijklmnop", b"%.$"),
    (["-s", "abcdefghijklmn", "[:*016]"], b"abcdefghijklmnop", b":op"),
    (["-cs", "[:alnum:]", "\\n"], b"The big  black fox.", b"The\nbig\nblack\nfox\n"),
    (["-cs", "[:alnum:]", "[\\n*]"], b"The big  black fox.", b"The\nbig\nblack\nfox\n"),
    (["-ds", "b", "a"], b"aabbaa", b"a"),
    (["-ds", "a-z", "$."], b"a.b.c $$$$code\\", b". $\\"),
    (["-ds", "\\350", "\\345"], b"\300\301\377\345\345\350\345", b"\300\301\377\345"),
    (["-dcs", "[:lower:]", "n-rs-z"], b"amzAMZ123.-+amz", b"amzamz"),
])
def test_squeeze(args, inp, out):
    check(run("tr", *args, input=inp), out=out)


def test_squeeze_across_blocks():
    data = b"a" * 300000 + b"b" * 300000
    check(run("tr", "-s", "ab", input=data), out=b"ab")


def test_big_input_translated():
    data = bytes(range(256)) * 4096
    expected = data.translate(bytes.maketrans(b"abcdefghijklmnopqrstuvwxyz", b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    check(run("tr", "a-z", "A-Z", input=data), out=expected)


def test_options_end_at_first_operand():
    check(run("tr", "a", "-d", input=b"aaa"), out=b"---")
    check(run("tr", "--", "-d", "x", input=b"-d-"), out=b"xxx")


def test_warnings():
    check(run("tr", "\\", "x", input=b"\\"), out=b"x",
          err=b"tr: warning: an unescaped backslash at end of string is not portable\n")
    check(run("tr", "\\400", "xy", input=b" 0"), out=b"xy",
          err=b"tr: warning: the ambiguous octal escape \\400 is being\n"
              b"\tinterpreted as the 2-byte sequence \\040, 0\n")


@pytest.mark.parametrize("args,err", [
    ([], b"tr: missing operand\n" + TRY),
    (["a"], b"tr: missing operand after 'a'\nTwo strings must be given when translating.\n" + TRY),
    (["-ds", "a"], b"tr: missing operand after 'a'\n"
                   b"Two strings must be given when both deleting and squeezing repeats.\n" + TRY),
    (["a", "b", "c"], b"tr: extra operand 'c'\n" + TRY),
    (["-d", "a", "b"], b"tr: extra operand 'b'\n"
                       b"Only one string may be given when deleting without squeezing repeats.\n" + TRY),
    (["-s", "a", "b", "c"], b"tr: extra operand 'c'\n" + TRY),
    (["-x", "a"], b"tr: invalid option -- 'x'\n" + TRY),
    (["--bogus", "a"], b"tr: unrecognized option '--bogus'\n" + TRY),
])
def test_usage_errors(args, err):
    check(run("tr", *args), err=err, status=1)


@pytest.mark.parametrize("args,err", [
    (["a", ""], b"tr: when not truncating set1, string2 must be non-empty\n"),
    (["z-a", "x"], b"tr: range-endpoints of 'z-a' are in reverse collating sequence order\n"),
    (["\\n-\\1", "x"], b"tr: range-endpoints of '\\012-\\001' are in reverse collating sequence order\n"),
    (["[b*08]", "[x*]"], b"tr: invalid repeat count '08' in [c*n] construct\n"),
    (["[b*1x]", "x"], b"tr: invalid repeat count '1x' in [c*n] construct\n"),
    (["[==]", "x"], b"tr: missing equivalence class character '[==]'\n"),
    (["[::]", "x"], b"tr: missing character class name '[::]'\n"),
    (["[:foo:]", "x"], b"tr: invalid character class 'foo'\n"),
    (["[=ab=]", "x"], b"tr: ab: equivalence class operand must be a single character\n"),
    (["[a*]", "x"], b"tr: the [c*] repeat construct may not appear in string1\n"),
    (["a", "[x*][y*]"], b"tr: only one [c*] repeat construct may appear in string2\n"),
    (["-s", "a", "[x*]", ], None),
    (["-s", "ab", "[x*]", ], None),
    (["-ds", "a", "[x*]"], b"tr: the [c*] construct may appear in string2 only when translating\n"),
    (["a", "[=a=]"], b"tr: [=c=] expressions may not appear in string2 when translating\n"),
    (["a", "[:digit:]"], b"tr: when translating, the only character classes that may appear in\n"
                         b"string2 are 'upper' and 'lower'\n"),
    (["A-Z[:lower:]", "a-y[:upper:]"], b"tr: misaligned [:upper:] and/or [:lower:] construct\n"),
    (["x[:upper:]", "[:lower:]"], b"tr: misaligned [:upper:] and/or [:lower:] construct\n"),
    (["[:upper:] ", "[:lower:]"], b"tr: when translating with string1 longer than string2,\n"
                                  b"the latter string must not end with a character class\n"),
    (["-cs", "[:upper:]", "X[Y*]"], b"tr: when translating with complemented character classes,\n"
                                    b"string2 must map all characters in the domain to one\n"),
    (["-c", "[:upper:]\\000-\\370", "[:lower:]"], b"tr: when translating with complemented character classes,\n"
                                                  b"string2 must map all characters in the domain to one\n"),
    (["[a*18446744073709551614][b*2]", "x"], b"tr: too many characters in set\n"),
])
def test_string_errors(args, err):
    if err is None:
        check(run("tr", *args, input=b"aab"), out=b"xb" if args[1] == "a" else b"x")
        return
    check(run("tr", *args, input=b"abc"), err=err, status=1)


def test_empty_input():
    check(run("tr", "a", "b"))
    check(run("tr", "-d", "a"))


def test_invalid_utf8_is_bytes():
    check(run("tr", "\\303\\251", "xy", input=b"\xc3\xa9\xff", env={"LC_ALL": "C.UTF-8"}), out=b"xy\xff")


@pytest.mark.skipif(ON_WINE, reason="needs POSIX descriptors")
def test_stdin_directory(tmp_path):
    fd = os.open(str(tmp_path), os.O_RDONLY)
    try:
        p = subprocess.run(COREBOX + ["tr", "a", "b"], stdin=fd, capture_output=True, env=BASE_ENV)
    finally:
        os.close(fd)
    assert (p.returncode, p.stdout, p.stderr) == (1, b"", b"tr: read error: Is a directory\n")


@pytest.mark.skipif(ON_WINE, reason="needs POSIX descriptors")
def test_closed_stdin():
    assert run_closed_stdin("tr", "a", "b") == (1, b"", b"tr: read error: Bad file descriptor\n")

@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as o:
        r = run("tr", "a", "b", input=b"abc\n", stdout=o)
    check(r, err=b"tr: write error: No space left on device\n", status=1)


@pytest.mark.skipif(ON_WINE, reason="needs POSIX descriptors")
def test_closed_stdout():
    assert run_closed_stdout("tr", "a", "b") == (0, b"")


def test_help_and_version():
    r = run("tr", "--help")
    assert r.status == 0 and r.out.startswith(b"Usage: tr [OPTION]... STRING1 [STRING2]\n")
    assert b"--truncate-set1" in r.out
    r = run("tr", "--version")
    assert r.status == 0 and r.out.startswith(b"tr (corebox) ")
