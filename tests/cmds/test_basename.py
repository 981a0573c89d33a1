"""basename: GNU coreutils 9.10 behaviour."""
import pytest

from conftest import check, needs_dev_full, run, run_closed_stdout

TRY = "Try 'basename --help' for more information.\n"


@pytest.mark.parametrize("name, out", [
    ("/usr/bin/sort", "sort"),
    ("d/f", "f"),
    ("/d/f", "f"),
    ("d/f/", "f"),
    ("d/f//", "f"),
    ("f", "f"),
    ("/", "/"),
    ("//", "/"),
    ("///", "/"),
    ("///a///", "a"),
    ("a//b", "b"),
    ("", ""),
    (".", "."),
    ("..", ".."),
    ("a/..", ".."),
])
def test_last_component(name, out):
    check(run("basename", name), out=out + "\n")


@pytest.mark.parametrize("name, suffix, out", [
    ("include/stdio.h", ".h", "stdio"),
    ("fs.s", ".s", "fs"),
    ("f.s", "s", "f."),
    ("ab/", "b", "a"),
    ("a.h", "a.h", "a.h"),       # the suffix is the whole name: kept
    (".h", ".h", ".h"),
    ("x.h", "y.h", "x.h"),      # no match
    ("x", "long.suffix", "x"),
    ("/", "/", "/"),            # a root keeps its slash
    ("//", "/", "/"),
    ("d/f.c/", ".c", "f"),
])
def test_suffix_operand(name, suffix, out):
    check(run("basename", name, suffix), out=out + "\n")


def test_multiple():
    check(run("basename", "-a", "any/str1", "any/str2"), out="str1\nstr2\n")
    check(run("basename", "--multiple", "/", "a/b/", ""), out="/\nb\n\n")


def test_suffix_option_implies_multiple():
    check(run("basename", "-s", ".h", "include/stdio.h", "x.h", ".h"), out="stdio\nx\n.h\n")
    check(run("basename", "--suffix=.c", "a.c"), out="a\n")
    check(run("basename", "-s.c", "-a", "a.c", "b.c"), out="a\nb\n")
    # The last -s counts.
    check(run("basename", "-s", ".a", "-s", ".b", "x.a", "x.b"), out="x.a\nx\n")


def test_zero():
    check(run("basename", "-z", "a/b"), out=b"b\0")
    check(run("basename", "--zero", "-a", "a/b", "c/"), out=b"b\0c\0")
    check(run("basename", "-zs.c", "x.c", "y.c"), out=b"x\0y\0")


def test_long_option_abbreviations():
    check(run("basename", "--mul", "a/b", "c/d"), out="b\nd\n")
    check(run("basename", "--suf=.h", "a.h"), out="a\n")
    check(run("basename", "--z", "a"), out=b"a\0")


def test_options_end_at_first_operand():
    # basename does not permute: after an operand, "-s" is an operand too.
    check(run("basename", "-s", "x", "a", "-s", "y"), out="a\n-s\ny\n")
    check(run("basename", "a", "-s", "x"), err="basename: extra operand 'x'\n" + TRY, status=1)
    check(run("basename", "--", "-a"), out="-a\n")
    check(run("basename", "-a", "--", "-s"), out="-s\n")


def test_invalid_utf8_passes_through():
    check(run("basename", b"d/\xff\xfe.x", ".x"), out=b"\xff\xfe\n")
    check(run("basename", "-a", b"\xc3/\x80"), out=b"\x80\n")


def test_missing_operand():
    check(run("basename"), err="basename: missing operand\n" + TRY, status=1)
    check(run("basename", "-a"), err="basename: missing operand\n" + TRY, status=1)


def test_extra_operand():
    check(run("basename", "a", "b", "c"), err="basename: extra operand 'c'\n" + TRY, status=1)


def test_bad_options():
    check(run("basename", "-q", "a"), err="basename: invalid option -- 'q'\n" + TRY, status=1)
    check(run("basename", "-s"), err="basename: option requires an argument -- 's'\n" + TRY, status=1)
    check(run("basename", "--suffix"),
          err="basename: option '--suffix' requires an argument\n" + TRY, status=1)
    check(run("basename", "--bogus", "a"), err="basename: unrecognized option '--bogus'\n" + TRY, status=1)
    check(run("basename", "--zero=1", "a"),
          err="basename: option '--zero' doesn't allow an argument\n" + TRY, status=1)


def test_help_and_version():
    r = run("basename", "--help")
    assert r.status == 0 and r.err == b""
    assert r.out.startswith(b"Usage: basename NAME [SUFFIX]\n  or:  basename OPTION... NAME...\n")
    for opt in (b"--multiple", b"--suffix=SUFFIX", b"--zero", b"--help", b"--version"):
        assert opt in r.out
    r = run("basename", "--version")
    assert r.status == 0 and r.out.startswith(b"basename (corebox) ") and r.err == b""


@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as full:
        r = run("basename", "a", stdout=full)
    check(r, err="basename: write error: No space left on device\n", status=1)


def test_closed_stdout():
    assert run_closed_stdout("basename", "a") == (1, b"basename: write error: Bad file descriptor\n")
