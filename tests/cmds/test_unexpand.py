"""Tests for unexpand: which blanks become tabs, tab stop lists, options."""
import pytest

from conftest import ON_WINE, check, needs_dev_full, run, run_closed_stdin, run_closed_stdout

TRY = b"Try 'unexpand --help' for more information.\n"



@pytest.mark.parametrize("args,inp,out", [
    ([], b" " * 7 + b"y\n", b" " * 7 + b"y\n"),
    ([], b" " * 8 + b"y\n", b"\ty\n"),
    ([], b" " * 17 + b"y  z        w\n", b"\t\t y  z        w\n"),
    (["-a"], b"w" + b" " * 6 + b"y\n", b"w" + b" " * 6 + b"y\n"),
    (["-a"], b"w" + b" " * 7 + b"y\n", b"w\ty\n"),
    (["--all"], b"w" + b" " * 8 + b"y\n", b"w\t y\n"),
    (["-t", "2,4"], b"      .", b"\t\t  ."),
    (["-t", "1,2"], b" \t\t .\n", b"\t\t\t .\n"),
    (["-t", "4,5"], b"    \t\t \n", b"\t\t\t \n"),
    (["-t", "2,3"], b"x \t\t \n", b"x\t\t\t \n"),
    (["-t", "1,2"], b"x\t\t .\n", b"x\t\t .\n"),
    (["-t", "3"], b"   a  b\n", b"\ta\tb\n"),
    (["-t", "3", "--first-only"], b"   a  b\n", b"\ta  b\n"),
    (["-t", "1"], b" b  c   d\n", b"\tb\t\tc\t\t\td\n"),
    (["-t", "1"], b"a ", b"a "),
    (["-t", "1"], b"a  ", b"a\t\t"),
    (["-t", "2"], b"   a  a  a\n", b"\t a\ta\t a\n"),
    (["-t", "3,4"], b"0   4\n", b"0\t\t4\n"),
    (["-t", "3,+6"], b"\t      ", b"\t\t"),
    (["-t", "3,/9"], b"\t      ", b"\t\t"),
    (["-a"], b"1234567   \t1\n", b"1234567\t\t1\n"),
    (["-a"], b"1234567 \t1\n", b"1234567\t\t1\n"),
    (["-a"], b"1234567  1\n", b"1234567\t 1\n"),
    (["-a"], b"1234567 1\n", b"1234567 1\n"),
    (["-a", "-t4"], b"aa\b  c\n", b"aa\b  c\n"),
    (["-a", "-t4"], b"aa\b   c\n", b"aa\b\tc\n"),
    (["-a", "-3"], b"a  b  c", b"a\tb\tc"),
    (["-a", "-4,9"], b"a   b    c", b"a\tb\tc"),
    (["-a", "-11"], b"a          b", b"a\tb"),
    (["-a", "-4", "-9"], b"a" + b" " * 52 + b"b\n", b"a\t    b\n"),
    (["-3"], b"   a   b", b"\ta   b"),
    (["-t8,9"], b"x\t \t y\n", b"x\t\t\t y\n"),
    (["-t5,8"], b"x\t \t y\n", b"x\t\t y\n"),
    ([], b"", b""),
    ([], "        \u00e9        x\n".encode(), "\t\u00e9        x\n".encode()),
])
def test_unexpand(args, inp, out):
    check(run("unexpand", *args, input=inp), out=out)


def test_long_line():
    data = b" " * 16 + b"x" * 200000 + b" " * 8 + b"y\n"
    check(run("unexpand", "-a", input=data), out=b"\t\t" + b"x" * 200000 + b"\ty\n")


@pytest.mark.parametrize("args,err", [
    (["-18446744073709551616"], b"unexpand: tab stop value is too large\n"),
    (["--tabs=x"], b"unexpand: tab size contains invalid character(s): 'x'\n"),
    (["-t", "0"], b"unexpand: tab size cannot be 0\n"),
    (["-t", "4,2"], b"unexpand: tab sizes must be ascending\n"),
    (["-t", "/2,4"], b"unexpand: '/' specifier only allowed with the last value\n"),
])
def test_errors(args, err):
    check(run("unexpand", *args), err=err, status=1)


def test_usage_errors():
    check(run("unexpand", "-x"), err=b"unexpand: invalid option -- 'x'\n" + TRY, status=1)
    check(run("unexpand", "--first"), err=b"", out=b"", status=0)


def test_files(tmp_path):
    (tmp_path / "a").write_bytes(b"    ")
    (tmp_path / "b").write_bytes(b"    x\n")
    (tmp_path / "d").mkdir()
    check(run("unexpand", "a", "b", cwd=str(tmp_path)), out=b"\tx\n")
    check(run("unexpand", "a", "nope", "d", "b", cwd=str(tmp_path)), out=b"\tx\n",
          err=b"unexpand: nope: No such file or directory\nunexpand: d: Is a directory\n", status=1)


@pytest.mark.skipif(ON_WINE, reason="needs POSIX descriptors")
def test_closed_stdin():
    assert run_closed_stdin("unexpand") == (1, b"", b"unexpand: -: Bad file descriptor\nunexpand: -: Bad file descriptor\n")

@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as o:
        r = run("unexpand", input=b"        x\n", stdout=o)
    check(r, err=b"unexpand: write error: No space left on device\n", status=1)


@pytest.mark.skipif(ON_WINE, reason="needs POSIX descriptors")
def test_closed_stdout():
    assert run_closed_stdout("unexpand", "/dev/null") == (0, b"")


def test_help():
    r = run("unexpand", "--help")
    assert r.status == 0 and r.out.startswith(b"Usage: unexpand [OPTION]... [FILE]...\n")
    assert b"--first-only" in r.out and b"--all" in r.out
