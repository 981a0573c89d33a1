"""dirname: GNU coreutils 9.10 behaviour."""
import pytest

from conftest import check, needs_dev_full, run, run_closed_stdout

TRY = "Try 'dirname --help' for more information.\n"


@pytest.mark.parametrize("name, out", [
    ("d/f", "d"),
    ("/d/f", "/d"),
    ("d/f/", "d"),
    ("d/f//", "d"),
    ("f", "."),
    ("", "."),
    ("/", "/"),
    ("//", "/"),          # Linux: "//" is the same directory as "/"
    ("///", "/"),
    ("//a//", "/"),
    ("///a///", "/"),
    ("///a///b", "///a"),
    ("///a//b/", "///a"),
    ("a//b//c", "a//b"),
    ("/usr/bin/", "/usr"),
    ("a/", "."),
    ("a//", "."),
    (".", "."),
    ("..", "."),
    ("../x", ".."),
    ("./x/", "."),
])
def test_dirname(name, out):
    check(run("dirname", name), out=out + "\n")


def test_several_operands():
    check(run("dirname", "dir1/str", "dir2/str", "stdio.h", "/"), out="dir1\ndir2\n.\n/\n")


def test_zero():
    check(run("dirname", "-z", "a/b", "c"), out=b"a\0.\0")
    check(run("dirname", "a/b", "--zero"), out=b"a\0")   # options may follow operands
    check(run("dirname", "--ze", "/x"), out=b"/\0")


def test_dash_operands():
    check(run("dirname", "--", "-a/b", "-z"), out="-a\n.\n")


def test_invalid_utf8_passes_through():
    check(run("dirname", b"\xff\xfe/\x80"), out=b"\xff\xfe\n")


def test_missing_operand():
    check(run("dirname"), err="dirname: missing operand\n" + TRY, status=1)
    check(run("dirname", "-z"), err="dirname: missing operand\n" + TRY, status=1)


def test_bad_options():
    check(run("dirname", "-q", "a"), err="dirname: invalid option -- 'q'\n" + TRY, status=1)
    check(run("dirname", "--bogus", "a"), err="dirname: unrecognized option '--bogus'\n" + TRY, status=1)


def test_help_and_version():
    r = run("dirname", "--help")
    assert r.status == 0 and r.err == b""
    assert r.out.startswith(b"Usage: dirname [OPTION] NAME...\n")
    assert b"--zero" in r.out and b"--help" in r.out and b"--version" in r.out
    r = run("dirname", "--version")
    assert r.status == 0 and r.out.startswith(b"dirname (corebox) ") and r.err == b""


@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as full:
        r = run("dirname", "a/b", stdout=full)
    check(r, err="dirname: write error: No space left on device\n", status=1)


def test_closed_stdout():
    assert run_closed_stdout("dirname", "a/b") == (1, b"dirname: write error: Bad file descriptor\n")
