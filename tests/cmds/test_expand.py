"""Tests for expand: tab stop lists, -i, backspaces, several files."""
import pytest

from conftest import ON_WINE, check, needs_dev_full, run, run_closed_stdin, run_closed_stdout

TRY = b"Try 'expand --help' for more information.\n"



@pytest.mark.parametrize("args,inp,out", [
    ([], b"a\tb\n\tc\n", b"a       b\n        c\n"),
    (["--tabs=3"], b"a\tb", b"a  b"),
    (["-t", "3,6,9"], b"a\tb\tc\td\te", b"a  b  c  d e"),
    (["--tabs=3 6 9"], b"a\tb\tc\td\te", b"a  b  c  d e"),
    (["--tabs=, 3,6 9"], b"a\tb\tc\td\te", b"a  b  c  d e"),
    (["--tabs="], b"a\tb\tc", b"a       b       c"),
    (["--tabs=/"], b"a\tb\tc", b"a       b       c"),
    (["--tabs=6,9"], b"a\tbbbbbbbbbbbbb\tc", b"a     bbbbbbbbbbbbb c"),
    (["--tabs=3", "-i"], b"\ta\tb", b"   a\tb"),
    (["--initial", "--tabs=3"], b" \ta\tb\n\tc\td\n", b"   a\tb\n   c\td\n"),
    (["-3"], b"a\tb\tc", b"a  b  c"),
    (["-4", "-9"], b"a\tb\tc", b"a   b    c"),
    (["-11"], b"a\tb\tc", b"a          b          c"),
    (["-3,9"], b"a\tb\tc", b"a  b     c"),
    ([], b"aaa\b\b\bc\td\n", b"aaa\b\b\bc       d\n"),
    ([], b"\bc\td", b"\bc       d"),
    (["--tabs", "2,4,6,10"], b"a\tbHELLO\b\b\b\tc\td\te\n", b"a bHELLO\b\b\b c   d e\n"),
    (["--tabs=1,/5"], b"\ta\tb\tc", b" a   b    c"),
    (["--tabs=/5"], b"\ta\tb", b"     a    b"),
    (["--tabs=1", "-t/5"], b"\ta\tb\tc", b" a   b    c"),
    (["--tabs=1,+5"], b"\ta\tb\tc", b" a    b    c"),
    (["--tabs=1,2,+5"], b"\ta\tb\tc", b" a     b    c"),
    (["--tabs=++5"], b"\ta\tb", b"     a    b"),
    ([], "\u00e9\tx\n".encode(), "\u00e9      x\n".encode()),
    ([], b"", b""),
    ([], b"no tab, no newline", b"no tab, no newline"),
])
def test_expand(args, inp, out):
    check(run("expand", *args, input=inp), out=out)


def test_long_line():
    check(run("expand", input=b"x" * 200000 + b"\t|\n"), out=b"x" * 200000 + b" " * 8 + b"|\n")


@pytest.mark.parametrize("args,err", [
    (["--tabs=a"], b"expand: tab size contains invalid character(s): 'a'\n"),
    (["-t", "18446744073709551616"], b"expand: tab stop is too large '18446744073709551616'\n"),
    (["-t", "99999999999999999999,x"], b"expand: tab stop is too large '99999999999999999999'\n"
                                      b"expand: tab size contains invalid character(s): 'x'\n"),
    (["--tabs=0"], b"expand: tab size cannot be 0\n"),
    (["--tabs=3,3"], b"expand: tab sizes must be ascending\n"),
    (["--tabs=5,3"], b"expand: tab sizes must be ascending\n"),
    (["--tabs=/3,6,8"], b"expand: '/' specifier only allowed with the last value\n"),
    (["-t/3", "-t/6"], b"expand: '/' specifier only allowed with the last value\n"),
    (["-t+3", "-t+6"], b"expand: '+' specifier only allowed with the last value\n"),
    (["--tabs=3/"], b"expand: '/' specifier not at start of number: '/'\n"),
    (["--tabs=3+4"], b"expand: '+' specifier not at start of number: '+4'\n"),
    (["-t/4", "-t+3"], b"expand: '/' specifier is mutually exclusive with '+'\n"),
])
def test_tab_errors(args, err):
    check(run("expand", *args, input=b"a\tb\n"), err=err, status=1)


def test_usage_errors():
    check(run("expand", "-t"), err=b"expand: option requires an argument -- 't'\n" + TRY, status=1)
    check(run("expand", "-x"), err=b"expand: invalid option -- 'x'\n" + TRY, status=1)


def test_files_are_one_stream(tmp_path):
    (tmp_path / "a").write_bytes(b"ab")
    (tmp_path / "b").write_bytes(b"\tc\n")
    (tmp_path / "e").write_bytes(b"")
    check(run("expand", "a", "e", "b", cwd=str(tmp_path)), out=b"ab      c\n")
    check(run("expand", "--tabs=4", "b", "-", cwd=str(tmp_path), input=b"x\ty\n"), out=b"    c\nx   y\n")


def test_missing_and_directory(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "f").write_bytes(b"a\tb\n")
    check(run("expand", "nope", "f", "d", "f", cwd=str(tmp_path)),
          out=b"a       b\na       b\n",
          err=b"expand: nope: No such file or directory\nexpand: d: Is a directory\n", status=1)


@pytest.mark.skipif(ON_WINE, reason="needs POSIX descriptors")
def test_closed_stdin():
    assert run_closed_stdin("expand") == (1, b"", b"expand: -: Bad file descriptor\nexpand: -: Bad file descriptor\n")

@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as o:
        r = run("expand", input=b"a\tb\n", stdout=o)
    check(r, err=b"expand: write error: No space left on device\n", status=1)


@pytest.mark.skipif(ON_WINE, reason="needs POSIX descriptors")
def test_closed_stdout():
    assert run_closed_stdout("expand", "/dev/null") == (0, b"")


def test_help():
    r = run("expand", "--help")
    assert r.status == 0 and r.out.startswith(b"Usage: expand [OPTION]... [FILE]...\n")
    assert b"--tabs=LIST" in r.out and b"--initial" in r.out
