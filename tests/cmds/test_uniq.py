"""Tests for uniq: filtering, counting, grouping, skipping, errors."""
import os

import pytest

from conftest import ON_WINE, check, needs_dev_full, run, run_closed_stdout

TRY = b"Try 'uniq --help' for more information.\n"
UTF8 = {"LC_ALL": "C.UTF-8"}


@pytest.mark.parametrize("args,inp,out", [
    ([], b"", b""),
    ([], b"a\na\n", b"a\n"),
    ([], b"a\na", b"a\n"),
    ([], b"a\nb", b"a\nb\n"),
    ([], b"b\na\na\n", b"b\na\n"),
    ([], b"a\nb\na\n", b"a\nb\na\n"),
    (["-z"], b"a\na\n", b"a\na\n\0"),
    (["-z"], b"a\0a\0b", b"a\0b\0"),
    (["-c"], b"a\na\nb\n", b"      2 a\n      1 b\n"),
    (["-d"], b"a\na\nb\nc\nc\nc\n", b"a\nc\n"),
    (["-u"], b"a\na\nb\nc\nc\n", b"b\n"),
    (["-D"], b"a\na\nb\nc\nc\n", b"a\na\nc\nc\n"),
    (["--all-repeated=prepend"], b"a\na\nb\nc\nc\n", b"\na\na\n\nc\nc\n"),
    (["--all-repeated=separate"], b"a\na\nb\nc\nc\n", b"a\na\n\nc\nc\n"),
    (["--all-repeated=s"], b"a\na\nb\nc\nc\n", b"a\na\n\nc\nc\n"),
    (["--all-repeated"], b"a\na\nb\n", b"a\na\n"),
    (["--group"], b"a\na\nb\nc\n", b"a\na\n\nb\n\nc\n"),
    (["--group=prepend"], b"a\nb\n", b"\na\n\nb\n"),
    (["--group=append"], b"a\nb\n", b"a\n\nb\n\n"),
    (["--group=both"], b"a\nb\n", b"\na\n\nb\n\n"),
    (["--group"], b"", b""),
    (["-d", "-u"], b"a\na\nb\n", b""),
    (["-c", "-d"], b"a\na\nb\n", b"      2 a\n"),
])
def test_modes(args, inp, out):
    check(run("uniq", *args, input=inp), out=out)


@pytest.mark.parametrize("args,inp,out", [
    (["-f", "1"], b"x a\ny a\nz b\n", b"x a\nz b\n"),
    (["-f1"], b" x a\n\ty a\n", b" x a\n"),
    (["-1"], b"x a\ny a\n", b"x a\n"),
    (["-2", "-1"], b"a b c\nx b c\ny y c\n", b"a b c\n"),
    (["-f", "2", "-1"], b"a b c\nx y c\n", b"a b c\nx y c\n"),
    (["-s", "1"], b"xa\nya\nzb\n", b"xa\nzb\n"),
    (["+1"], b"xa\nya\n", b"xa\n"),
    (["--", "+1"], b"", None),
    (["-w", "2"], b"abx\naby\nacz\n", b"abx\nacz\n"),
    (["-w", "0"], b"a\nb\n", b"a\n"),
    (["-i"], b"A\na\nB\n", b"A\nB\n"),
    (["-f", "1", "-s", "1", "-w", "1"], b"1 ax\n2 ay\n3 bz\n", b"1 ax\n3 bz\n"),
    (["-f", "5"], b"a\nb\n", b"a\n"),
    (["-s", "99999999999999999999999"], b"a\nb\n", b"a\n"),
])
def test_skipping(args, inp, out):
    if out is None:
        check(run("uniq", *args, input=inp), status=1, err=b"uniq: +1: No such file or directory\n")
    else:
        check(run("uniq", *args, input=inp), out=out)


def test_utf8_characters_and_blanks():
    check(run("uniq", "-s", "1", input="éa\nüa\n".encode(), env=UTF8), out="éa\n".encode())
    check(run("uniq", "-s", "1", input="éa\nüa\n".encode()), out="éa\nüa\n".encode())
    check(run("uniq", "-w", "1", input="éa\néb\n".encode(), env=UTF8), out="éa\n".encode())
    # U+3000 is a blank in UTF-8 locales: it separates fields.
    check(run("uniq", "-f", "1", input="x\u3000a\nx\u3000b\n".encode(), env=UTF8),
          out="x\u3000a\nx\u3000b\n".encode())
    check(run("uniq", "-f", "1", input="x\u3000a\nx\u3000b\n".encode()), out="x\u3000a\n".encode())


def test_invalid_utf8():
    check(run("uniq", "-c", input=b"\xff\n\xff\n\xfe", env=UTF8), out=b"      2 \xff\n      1 \xfe\n")


def test_input_and_output_files(tmp_path):
    (tmp_path / "in").write_bytes(b"a\na\nb\n")
    check(run("uniq", "in", "out", cwd=str(tmp_path)))
    assert (tmp_path / "out").read_bytes() == b"a\nb\n"
    check(run("uniq", "-", "out2", cwd=str(tmp_path), input=b"x\nx\n"))
    assert (tmp_path / "out2").read_bytes() == b"x\n"


@pytest.mark.parametrize("args,err", [
    (["--group", "-c"], b"uniq: --group is mutually exclusive with -c/-d/-D/-u\n" + TRY),
    (["--group", "-u"], b"uniq: --group is mutually exclusive with -c/-d/-D/-u\n" + TRY),
    (["-c", "-D"], b"uniq: printing all duplicated lines and repeat counts is meaningless\n" + TRY),
    (["-c", "--all-repeated=none"], b"uniq: printing all duplicated lines and repeat counts is meaningless\n" + TRY),
    (["-f", "x"], b"uniq: x: invalid number of fields to skip\n"),
    (["-f", "-1"], b"uniq: -1: invalid number of fields to skip\n"),
    (["-s", "1x"], b"uniq: 1x: invalid number of bytes to skip\n"),
    (["-w", ""], b"uniq: : invalid number of bytes to compare\n"),
    (["--group=x"], b"uniq: invalid argument 'x' for '--group'\nValid arguments are:\n  - 'prepend'\n"
                    b"  - 'append'\n  - 'separate'\n  - 'both'\n" + TRY),
    (["--all-repeated=x"], b"uniq: invalid argument 'x' for '--all-repeated'\nValid arguments are:\n"
                           b"  - 'none'\n  - 'prepend'\n  - 'separate'\n" + TRY),
    (["a", "b", "c"], b"uniq: extra operand 'c'\n" + TRY),
    (["-x"], b"uniq: invalid option -- 'x'\n" + TRY),
    (["nope"], b"uniq: nope: No such file or directory\n"),
])
def test_errors(args, err):
    check(run("uniq", *args), err=err, status=1)


def test_directory(tmp_path):
    check(run("uniq", str(tmp_path)), status=1,
          err=b"uniq: error reading '" + str(tmp_path).encode() + b"': Is a directory\n")


def test_long_lines():
    line = b"z" * 200000 + b"\n"
    check(run("uniq", "-c", input=line * 3 + b"q\n"), out=b"      3 " + line + b"      1 q\n")


@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as o:
        r = run("uniq", input=b"x\n", stdout=o)
    check(r, err=b"uniq: write error: No space left on device\n", status=1)


@pytest.mark.skipif(ON_WINE, reason="needs POSIX descriptors")
def test_closed_stdout(tmp_path):
    (tmp_path / "f").write_bytes(b"x\n")
    status, err = run_closed_stdout("uniq", str(tmp_path / "f"))
    assert (status, err) == (1, b"uniq: write error: Bad file descriptor\n")
