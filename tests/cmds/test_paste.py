"""Tests for paste: side by side and serial joining, delimiters, errors."""
import os

import pytest

from conftest import ON_WINE, check, needs_dev_full, run, run_closed_stdout

UTF8 = {"LC_ALL": "C.UTF-8"}


@pytest.fixture
def d(tmp_path):
    files = {"a": b"a", "b": b"b", "an": b"a\n", "bn": b"b\n", "l3": b"1\n2\n3\n",
             "l2": b"x\ny", "e": b"", "z1": b"1\0a", "z2": b"2\0b\0"}
    for k, v in files.items():
        (tmp_path / k).write_bytes(v)
    return str(tmp_path)


@pytest.mark.parametrize("args,out", [
    (["a", "b"], b"a\tb\n"),
    (["an", "b"], b"a\tb\n"),
    (["a", "bn"], b"a\tb\n"),
    (["an", "bn"], b"a\tb\n"),
    (["-z", "a", "b"], b"a\tb\0"),
    (["-z", "z1", "z2"], b"1\t2\0a\tb\0"),
    (["-d", " ", "l3", "l2"], b"1 x\n2 y\n3 \n"),
    (["e", "l3", "e"], b"\t1\t\n\t2\t\n\t3\t\n"),
    (["l2", "e", "e", "l3"], b"x\t\t\t1\ny\t\t\t2\n\t\t\t3\n"),
    (["-d", "xyz", "l3", "l3", "l3", "l3", "l3"], b"1x1y1z1x1\n2x2y2z2x2\n3x3y3z3x3\n"),
    (["-d", "", "l3", "l2"], b"1x\n2y\n3\n"),
    (["--delimiters=\\0", "l3", "l2"], b"1x\n2y\n3\n"),
    (["e", "e"], b""),
])
def test_parallel(d, args, out):
    check(run("paste", *args, cwd=d), out=out)


@pytest.mark.parametrize("args,inp,out", [
    (["-s", "-d", "\\0,"], b"1\n2\n3\n", b"12,3\n"),
    (["-s", "-d", "\\0"], b"1\n2\n", b"12\n"),
    (["-s", "-d", "\\n"], b"1\n2\n", b"1\n2\n"),
    (["-s", "-d", "\\t"], b"1\n2\n", b"1\t2\n"),
    (["-s", "-d", "\\\\"], b"1\n2\n", b"1\\2\n"),
    (["-s", "-d", "\\b\\f\\r\\v"], b"1\n2\n3\n4\n5\n", b"1\b2\f3\r4\v5\n"),
    (["-s", "-d", "\\q"], b"1\n2\n", b"1q2\n"),
    (["-s"], b"a\nb", b"a\tb\n"),
    (["-s"], b"", b"\n"),
    (["--serial", "-z"], b"a\0b\0", b"a\tb\0"),
])
def test_serial_and_escapes(args, inp, out):
    check(run("paste", *args, input=inp), out=out)


def test_serial_files(d):
    check(run("paste", "-s", "e", "l3", "l2", cwd=d), out=b"\n1\t2\t3\nx\ty\n")


def test_stdin_given_twice():
    check(run("paste", "-", "-", input=b"1\n2\n3\n4\n5\n"), out=b"1\t2\n3\t4\n5\t\n")
    check(run("paste", "-s", "-", "-", input=b"1\n2\n"), out=b"1\t2\n\n")


def test_stdin_between_files(d):
    check(run("paste", "l3", "-", "l2", cwd=d, input=b"q\nr\n"), out=b"1\tq\tx\n2\tr\ty\n3\t\t\n")


def test_multibyte_delimiters(d):
    check(run("paste", "-d", "¢€", "l3", "l3", "l3", cwd=d, env=UTF8),
          out="1¢1€1\n2¢2€2\n3¢3€3\n".encode())
    check(run("paste", "-s", "-d", "€\\0", "l3", cwd=d, env=UTF8), out="1€23\n".encode())
    check(run("paste", "-d", "\\€", "an", "bn", cwd=d, env=UTF8), out="a€b\n".encode())
    # Invalid UTF-8 is taken one byte at a time.
    check(run("paste", "-d", b"\xff\xfe", "l3", "l3", "l3", cwd=d, env=UTF8),
          out=b"1\xff1\xfe1\n2\xff2\xfe2\n3\xff3\xfe3\n")
    # In the C locale each byte is a delimiter.
    check(run("paste", "-d", "€", "an", "bn", "an", "bn", cwd=d), out=b"a\xe2b\x82a\xacb\n")


@pytest.mark.parametrize("arg,shown", [
    ("\\", b"\\"),
    ("a\\", b"a\\"),
    ("a:b\\", b'"a:b\\\\"'),
])
def test_trailing_backslash(arg, shown):
    check(run("paste", "-d", arg, "nonexistent"), status=1,
          err=b"paste: delimiter list ends with an unescaped backslash: " + shown + b"\n")


def test_missing_file_is_fatal_in_parallel(d):
    check(run("paste", "nope", "l3", cwd=d), status=1, err=b"paste: nope: No such file or directory\n")


def test_missing_file_in_serial(d):
    check(run("paste", "-s", "nope", "l3", cwd=d), status=1, out=b"1\t2\t3\n",
          err=b"paste: nope: No such file or directory\n")


def test_directory(d):
    os.mkdir(os.path.join(d, "dir"))
    check(run("paste", "dir", cwd=d), status=1, err=b"paste: dir: Is a directory\n")
    check(run("paste", "-s", "dir", cwd=d), status=1, out=b"\n", err=b"paste: dir: Is a directory\n")


def test_usage_errors():
    check(run("paste", "-x"), status=1,
          err=b"paste: invalid option -- 'x'\nTry 'paste --help' for more information.\n")
    check(run("paste", "-d"), status=1,
          err=b"paste: option requires an argument -- 'd'\nTry 'paste --help' for more information.\n")


def test_long_lines(tmp_path):
    a = b"x" * 300000 + b"\n"
    (tmp_path / "big").write_bytes(a * 3)
    check(run("paste", "big", "-", cwd=str(tmp_path), input=b"1\n"),
          out=b"x" * 300000 + b"\t1\n" + (b"x" * 300000 + b"\t\n") * 2)


@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as o:
        r = run("paste", input=b"x\n", stdout=o)
    check(r, err=b"paste: write error: No space left on device\n", status=1)


@pytest.mark.skipif(ON_WINE, reason="needs POSIX descriptors")
def test_closed_stdout(tmp_path):
    (tmp_path / "f").write_bytes(b"x\n")
    status, err = run_closed_stdout("paste", str(tmp_path / "f"))
    assert (status, err) == (1, b"paste: write error: Bad file descriptor\n")
