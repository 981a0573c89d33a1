"""Tests for cut: bytes, fields, delimiters, lists, -w/-F and errors."""
import os

import pytest

from conftest import ON_WINE, check, needs_dev_full, run, run_closed_stdout

TRY = b"Try 'cut --help' for more information.\n"


@pytest.mark.parametrize("args,inp,out", [
    (["-d:", "-f1,3-"], b"a:b:c\n", b"a:c\n"),
    (["-d:", "-f2-"], b"a:b:c\n", b"b:c\n"),
    (["-d:", "-f4"], b"a:b:c\n", b"\n"),
    (["-f2"], b"a\tb\tc\n", b"b\n"),
    (["-f", "1 3"], b"a\tb\tc\n", b"a\tc\n"),
    (["--fields=3,1"], b"a\tb\tc\n", b"a\tc\n"),
    (["-d:", "-f1-3"], b":::\n", b"::\n"),
    (["-d:", "-f2-3"], b":::\n", b":\n"),
    (["-f2"], b"no tab\n", b"no tab\n"),
    (["-f1"], b"", b""),
    (["-f2"], b"", b""),
    (["-d:", "-f1"], b"a:1\nb:2", b"a\nb\n"),
    (["-d:", "-f2"], b"a:1\nb:2", b"1\n2\n"),
    (["-f1-"], b"a\nb", b"a\nb\n"),
    (["-d:", "-f1-"], b"a1:\n:", b"a1:\n:\n"),
    (["-d", ",", "-f2", "-"], b"x,y\n", b"y\n"),
])
def test_fields(args, inp, out):
    check(run("cut", *args, input=inp), out=out)


@pytest.mark.parametrize("args,inp,out", [
    (["-s", "-d:", "-f3-"], b"a:b:c\n", b"c\n"),
    (["-s", "-d:", "-f2,3"], b"abc\n", b""),
    (["-s", "-d:", "-f1,3"], b"a:b:c:\n", b"a:c\n"),
    (["-s", "-d:", "-f2-4"], b":::\n:\n", b"::\n\n"),
    (["-s", "-d:", "-f1"], b"a1\nb2", b""),
    (["-s", "-d:", "-f1"], b"a:1\nb:", b"a\nb\n"),
    (["--only-delimited", "-f1"], b"a\tb\nno tab\n", b"a\n"),
])
def test_only_delimited(args, inp, out):
    check(run("cut", *args, input=inp), out=out)


@pytest.mark.parametrize("args,inp,out", [
    (["-c4"], b"123\n", b"\n"),
    (["-c4"], b"123", b"\n"),
    (["-c4"], b"123\n1", b"\n\n"),
    (["-b", "2-3"], b"abcdef\nxy\n", b"bc\ny\n"),
    (["-b", "-2"], b"hello\n\nab\n", b"he\n\nab\n"),
    (["--bytes=3-,2-"], b"1234\n", b"234\n"),
    (["-b3-,2-"], b"1234\n", b"234\n"),
    (["--complement", "-b3,4-4,5,2-"], b"123456\n", b"1\n"),
    (["-b1", "-n"], b"xyz\n", b"x\n"),
    (["-b18446744073709551614-"], b"abc\n", b"\n"),
])
def test_bytes(args, inp, out):
    check(run("cut", *args, input=inp), out=out)


def test_characters_are_bytes():
    # GNU 9.10 cuts -c by bytes, also in UTF-8 locales.
    check(run("cut", "-c1", input="é\n", env={"LC_ALL": "C.UTF-8"}), out=b"\xc3\n")


@pytest.mark.parametrize("args,inp,out", [
    (["-c1-3,5-", "--output-d=:"], b"abcdefg\n", b"abc:efg\n"),
    (["-c1-3,2-4,6", "--output-d=:"], b"abcdefg\n", b"abcd:f\n"),
    (["-c4-,2-3", "--output-d=:"], b"abcdefg\n", b"bc:defg\n"),
    (["-b1-2,3-4", "--output-d=:"], b"abcd\n", b"ab:cd\n"),
    (["--output-d=:", "-b1,9-"], b"123456789", b"1:9\n"),
    (["-d:", "--out=_", "-f2,3"], b"a:b:c\n", b"b_c\n"),
    (["-d:", "--out=", "-f2,3"], b"a:b:c\n", b"b\0c\n"),
    (["-d:", "-O", "_._", "-f2,3"], b"a:b:c\n", b"b_._c\n"),
    (["-d", "", "--out=_", "-f2,3"], b"a\0b\0c\n", b"b_c\n"),
    (["-d", "\xad", "--out=_", "-f2,3"], b"a\xadb\xadc\n", b"b_c\n"),
])
def test_output_delimiter(args, inp, out):
    check(run("cut", *[a.encode("latin-1") for a in args], input=inp), out=out)


@pytest.mark.parametrize("args,inp,out", [
    (["-z", "-c1"], b"ab\0cd\0", b"a\0c\0"),
    (["-z", "-c1"], b"ab\0cd", b"a\0c\0"),
    (["-z", "-d:", "-f1"], b"a:1\0b:2", b"a\0b\0"),
    (["-z", "-d", "", "-f1,2", "--ou=:"], b"a\0b\0", b"a:b\0"),
])
def test_zero_terminated(args, inp, out):
    check(run("cut", *args, input=inp), out=out)


@pytest.mark.parametrize("args,inp,out", [
    (["-d\n", "-f1"], b"a:1\nb:", b"a:1\n"),
    (["-s", "-d\n", "-f2"], b"\nb", b"b\n"),
    (["-d\n", "-f1"], b"\nb", b"\n"),
    (["-d\n", "-f1-", "--ou=:"], b"a\nb\n", b"a:b\n"),
    (["-d\n", "-f2"], b"abc\n", b"\n"),
    (["-s", "-d\n", "-f2"], b"abc\n", b""),
])
def test_newline_delimiter(args, inp, out):
    check(run("cut", *args, input=inp), out=out)


@pytest.mark.parametrize("args,inp,out", [
    (["-w", "-f2"], b"a  b\t\tc\n", b"b\n"),
    (["-w", "-f1,3"], b"a  b\t\tc\n", b"a\tc\n"),
    (["-w", "-f1"], b"  lead\n", b"\n"),
    (["--whitespace-delimited=trimmed", "-f1"], b"  lead  x \n", b"lead\n"),
    (["--whitespace-delimited", "-f2", "-O", ","], b"a b c\n", b"b\n"),
    (["-w", "-s", "-f1"], b"one\ntwo words\n", b"two\n"),
    (["-F", "2-"], b"a  b   c\n", b"b c\n"),
    (["-F", "2", "-d", ","], b"a,,b,c\n", b"b\n"),
    (["-F", "1,2", "-O", "-"], b"x y\n", b"x-y\n"),
])
def test_whitespace_fields(args, inp, out):
    check(run("cut", *args, input=inp), out=out)


def test_files_and_stdin(tmp_path):
    (tmp_path / "f").write_bytes(b"x")
    (tmp_path / "g").write_bytes(b"y\tz\n")
    check(run("cut", "-f2-", "f", "-", "g", cwd=str(tmp_path), input=b"1\t2\n"), out=b"x\n2\nz\n")


def test_big_input_streams(tmp_path):
    line = b"field1,field2," + b"x" * 300 + b"\n"
    data = line * 5000 + b"a," + b"y" * 300000
    f = tmp_path / "big"
    f.write_bytes(data)
    check(run("cut", "-d,", "-f2", str(f)), out=b"field2\n" * 5000 + b"y" * 300000 + b"\n")
    check(run("cut", "-b", "1-3,7", str(f)), out=b"fie,\n" * 5000 + b"a,yy\n")


NOFIELD = b"cut: an input delimiter may be specified only when operating on fields\n" + TRY


@pytest.mark.parametrize("args,err", [
    ([], b"cut: you must specify a list of bytes, characters, or fields\n" + TRY),
    (["-f", ""], b"cut: fields are numbered from 1\n" + TRY),
    (["-f", "--"], b"cut: invalid field range\n" + TRY),
    (["-b", ""], b"cut: byte/character positions are numbered from 1\n" + TRY),
    (["-b", "--"], b"cut: invalid byte or character range\n" + TRY),
    (["-f", "2-0"], b"cut: invalid decreasing range\n" + TRY),
    (["-f", "-"], b"cut: invalid range with no endpoint: -\n" + TRY),
    (["-f", "1,x"], b"cut: invalid field value 'x'\n" + TRY),
    (["-c", "1,x"], b"cut: invalid byte/character position 'x'\n" + TRY),
    (["-b18446744073709551615"], b"cut: byte/character offset '18446744073709551615' is too large\n" + TRY),
    (["-f18446744073709551616"], b"cut: field number '18446744073709551616' is too large\n" + TRY),
    (["-f1", "-b1"], b"cut: only one list may be specified\n" + TRY),
    (["-d", "ab", "-f1"], b"cut: the delimiter must be a single character\n" + TRY),
    (["-d:", "-b1"], NOFIELD),
    (["-d", "", "-b1"], NOFIELD),
    (["-s", "-b4"], b"cut: suppressing non-delimited lines makes sense\n\tonly when operating on fields\n" + TRY),
    (["-x"], b"cut: invalid option -- 'x'\n" + TRY),
    (["--c", "1"], b"cut: option '--c' is ambiguous; possibilities: '--characters' '--complement'\n" + TRY),
    (["-w", "-d:", "-f1"], b"cut: the -d and -w options are mutually exclusive\n" + TRY),
    (["--whitespace-delimited=x", "-f1"],
     b"cut: invalid argument 'x' for '--whitespace-delimited'\nValid arguments are:\n  - 'trimmed'\n" + TRY),
])
def test_usage_errors(args, err):
    check(run("cut", *args, input=b"a\n"), err=err, status=1)


def test_missing_file_and_directory(tmp_path):
    (tmp_path / "ok").write_bytes(b"a\tb\n")
    os.mkdir(tmp_path / "dir")
    r = run("cut", "-f2", "nope", "dir", "ok", cwd=str(tmp_path))
    check(r, out=b"b\n", status=1,
          err=b"cut: nope: No such file or directory\ncut: dir: Is a directory\n")


def test_invalid_utf8_passes_through():
    check(run("cut", "-d:", "-f2", input=b"\xff:\xfe\x80\n", env={"LC_ALL": "C.UTF-8"}), out=b"\xfe\x80\n")


@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as o:
        r = run("cut", "-f1", input=b"x\n", stdout=o)
    check(r, err=b"cut: write error: No space left on device\n", status=1)


@pytest.mark.skipif(ON_WINE, reason="needs POSIX descriptors")
def test_closed_stdout():
    status, err = run_closed_stdout("cut", "-f1", "/dev/null")
    assert status == 0 and err == b""
    r = run("cut", "--help")
    assert r.status == 0 and r.out.startswith(b"Usage: cut OPTION... [FILE]...\n")
