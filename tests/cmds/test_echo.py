"""Tests for echo (GNU coreutils 9.10 behaviour)."""
import pytest

from conftest import check, needs_dev_full, run, run_closed_stdout

POSIX = {"POSIXLY_CORRECT": "1"}


def ok(out, *args, env=None):
    check(run("echo", *args, env=env), out=out)


def test_plain():
    ok("\n")
    ok("a b  c\n", "a", "b ", "c")
    ok("a  b\n", "a", "", "b")
    ok(" \n", "", "")


def test_no_escapes_by_default():
    ok("a\\tb\\c \\x41\\0101\n", "a\\tb\\c", "\\x41\\0101")


def test_n():
    ok("a b", "-n", "a", "b")
    ok("", "-n")


def test_e_escapes():
    ok(b"\x07\x08\x1b\x0c\n\r\t\x0b\\|\\\"\\'\\z\\u0041\\%|end\\",
       "-n", "-e", "\\a\\b\\e\\f\\n\\r\\t\\v\\\\|\\\"\\'\\z\\u0041\\%|end\\")


def test_e_numeric_escapes():
    # \0 takes up to three more octal digits, \1-\7 up to three in all;
    # \x one or two hex digits, and with none it stays as written.
    ok(b"\x1b\n\x1b\n\x1b\n\x1b\n\x1b\n",
       "-n", "-e", "\\x1b\\n\\e\\n\\33\\n\\033\\n\\0033\\n")
    ok(b"AAA1\x01\x008|\xff\xff|\x01y|JKLMNOJKLMNO|\\x|\\xg|\xa1\n",
       "-e", "\\0101\\101\\1011\\0001\\08|\\0777\\777|\\1y|"
             "\\x4a\\x4b\\x4c\\x4d\\x4e\\x4f\\x4A\\x4B\\x4C\\x4D\\x4E\\x4F|\\x|\\xg|\\xa1")


def test_e_stop():
    ok("foo\n", "-e", "foo\\n\\cbar", "baz")
    ok("a b", "-e", "a", "b\\c", "c")


def test_E_overrides_e():
    ok("a\\tb\n", "-e", "-E", "a\\tb")
    ok("a\tb\n", "-E", "-e", "a\\tb")
    ok("a\\tb", "-neE", "a\\tb")
    ok("a\tb", "-Een", "a\\tb")


@pytest.mark.parametrize("args,out", [
    (("-",), "-\n"),
    (("--", "foo"), "-- foo\n"),
    (("-n", "-e", "--", "foo\\n"), "-- foo\n"),
    (("-nx", "a"), "-nx a\n"),
    (("-n", "-x", "-e", "a"), "-x -e a"),
    (("-nen", "-n", "a\\nb"), "a\nb"),
    (("a", "-n"), "a -n\n"),
    (("-N", "a"), "-N a\n"),
    (("--n", "a"), "--n a\n"),
])
def test_option_words(args, out):
    ok(out, *args)


def test_help():
    r = run("echo", "--help")
    assert r.status == 0 and r.err == b""
    assert r.stdout.startswith("Usage: echo [SHORT-OPTION]... [STRING]...\n  or:  echo LONG-OPTION\n")
    for word in ("-n", "-e", "-E", "\\0NNN", "\\xHH", "\\c", "--version"):
        assert word in r.stdout


def test_version():
    r = run("echo", "--version")
    assert r.status == 0 and r.err == b""
    assert r.stdout.startswith("echo (corebox) ")


@pytest.mark.parametrize("args,out", [
    (("--help", "x"), "--help x\n"),
    (("-n", "--version"), "--version"),
    (("--hel",), "--hel\n"),
    (("--", "--help"), "-- --help\n"),
])
def test_long_options_only_alone(args, out):
    ok(out, *args)


@pytest.mark.parametrize("args,out", [
    (("-n", "-E", "foo\\n"), "foo\n"),
    (("-nE", "foo"), "-nE foo\n"),
    (("-E", "-n", "foo"), "-E -n foo\n"),
    (("--version",), "--version\n"),
    (("--help",), "--help\n"),
    (("-e", "a\\tb"), "-e a\tb\n"),
    (("a\\x41\\0102\\c", "b"), "aAB"),
    (("-n", "-n", "-e", "x"), "x"),
])
def test_posixly_correct(args, out):
    ok(out, *args, env=POSIX)


def test_bytes_pass_through():
    ok(b"\xff\xfe \xc3\xa9\n", b"\xff\xfe", "\u00e9")
    ok(b"\xff\xe9\n", "-e", b"\xff\\xe9")


@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as f:
        r = run("echo", "x", stdout=f)
    check(r, err="echo: write error: No space left on device\n", status=1)


def test_closed_stdout():
    assert run_closed_stdout("echo", "x") == (1, b"echo: write error: Bad file descriptor\n")
    assert run_closed_stdout("echo", "-n") == (0, b"")
