"""Tests for comm: columns, order checking, delimiters, totals, errors."""
import os

import pytest

from conftest import ON_WINE, check, needs_dev_full, run, run_closed_stdout

TRY = b"Try 'comm --help' for more information.\n"


@pytest.fixture
def d(tmp_path):
    files = {"a": b"1\n3\n3\n3", "b": b"2\n2\n3\n3\n3", "za": b"1\0003\0003\0003", "zb": b"2\0002\0003\0003\0003",
             "o1": b"1\n3", "o2": b"3\n2", "o3": b"3\n1\n0", "o4": b"3\n2\n0", "o5": b"2\n1\n0",
             "px": b"Xa\nX\n", "e": b""}
    for k, v in files.items():
        (tmp_path / k).write_bytes(v)
    return str(tmp_path)


@pytest.mark.parametrize("args,out", [
    ([], b"1\n\t2\n\t2\n\t\t3\n\t\t3\n\t\t3\n"),
    (["-1"], b"2\n2\n\t3\n\t3\n\t3\n"),
    (["-2"], b"1\n\t3\n\t3\n\t3\n"),
    (["-3"], b"1\n\t2\n\t2\n"),
    (["-12"], b"3\n3\n3\n"),
    (["-1", "-3"], b"2\n2\n"),
    (["-23"], b"1\n"),
    (["-123"], b""),
    (["--total"], b"1\n\t2\n\t2\n\t\t3\n\t\t3\n\t\t3\n1\t2\t3\ttotal\n"),
    (["--total", "-123"], b"1\t2\t3\ttotal\n"),
    (["--output-delimiter=,"], b"1\n,2\n,2\n,,3\n,,3\n,,3\n"),
    (["--output-delimiter=++"], b"1\n++2\n++2\n++++3\n++++3\n++++3\n"),
    (["--output-delimiter="], b"1\n\0002\n\0002\n\0\0003\n\0\0003\n\0\0003\n"),
    (["--total", "--output-delimiter="], b"1\n\0002\n\0002\n\0\0003\n\0\0003\n\0\0003\n1\0002\0003\0total\n"),
    (["--output-delimiter=,", "--output-delimiter=,"], b"1\n,2\n,2\n,,3\n,,3\n,,3\n"),
])
def test_columns(d, args, out):
    check(run("comm", *args, "a", "b", cwd=d), out=out)


@pytest.mark.parametrize("args,out", [
    (["-z"], b"1\0\t2\0\t2\0\t\t3\0\t\t3\0\t\t3\0"),
    (["-12z"], b"3\0003\0003\0"),
    (["--total", "-z"], b"1\0\t2\0\t2\0\t\t3\0\t\t3\0\t\t3\0" + b"1\t2\t3\ttotal\0"),
    (["--total", "-z123", "--output-delimiter=,"], b"1,2,3,total\0"),
])
def test_zero_terminated(d, args, out):
    check(run("comm", *args, "za", "zb", cwd=d), out=out)


@pytest.mark.parametrize("args,files,out,err,status", [
    ([], ["o1", "o2"], b"1\n\t\t3\n\t2\n", b"comm: file 2 is not in sorted order\ncomm: input is not in sorted order\n", 1),
    (["--check-order"], ["o1", "o2"], b"1\n\t\t3\n", b"comm: file 2 is not in sorted order\n", 1),
    (["--nocheck-order"], ["o1", "o2"], b"1\n\t\t3\n\t2\n", b"", 0),
    ([], ["o3", "o4"], b"\t\t3\n1\n0\n\t2\n\t0\n",
     b"comm: file 1 is not in sorted order\ncomm: file 2 is not in sorted order\n"
     b"comm: input is not in sorted order\n", 1),
    ([], ["o5", "o5"], b"\t\t2\n\t\t1\n\t\t0\n", b"", 0),
    (["--check-order"], ["o5", "o5"], b"\t\t2\n", b"comm: file 1 is not in sorted order\n", 1),
    (["--check-order"], ["px", "e"], b"Xa\n", b"comm: file 1 is not in sorted order\n", 1),
])
def test_order_checks(d, args, files, out, err, status):
    check(run("comm", *args, *files, cwd=d), out=out, err=err, status=status)


def test_stdin_operand(d):
    check(run("comm", "-", "b", cwd=d, input=b"2\n4\n"), out=b"\t\t2\n\t2\n\t3\n\t3\n\t3\n4\n")
    check(run("comm", "a", "-", cwd=d, input=b"1\n"), out=b"\t\t1\n3\n3\n3\n")


def test_stdin_twice(d):
    check(run("comm", "-", "-", input=b"1\n2\n3\n"), out=b"1\n\t2\n3\n",
          err=b"comm: -: Bad file descriptor\n", status=1)


def test_c_locale_byte_order(tmp_path):
    (tmp_path / "x").write_bytes(b"a\nB\n")
    (tmp_path / "y").write_bytes(b"a\nb\n")
    # In the C locale "B" sorts before "a", so x is out of order.
    check(run("comm", "--check-order", "x", "y", cwd=str(tmp_path)), out=b"\t\ta\n",
          err=b"comm: file 1 is not in sorted order\n", status=1)


@pytest.mark.parametrize("args,err", [
    (["a"], b"comm: missing operand after 'a'\n" + TRY),
    ([], b"comm: missing operand\n" + TRY),
    (["a", "b", "no-such"], b"comm: extra operand 'no-such'\n" + TRY),
    (["--output-delimiter=,", "--output-delimiter=+", "a", "b"], b"comm: multiple output delimiters specified\n"),
    (["-4", "a", "b"], b"comm: invalid option -- '4'\n" + TRY),
    (["nope", "a"], b"comm: nope: No such file or directory\n"),
])
def test_errors(d, args, err):
    check(run("comm", *args, cwd=d), err=err, status=1)


def test_directory(d):
    os.mkdir(os.path.join(d, "dir"))
    check(run("comm", "a", "dir", cwd=d), err=b"comm: dir: Is a directory\n", status=1)


def test_no_trailing_newline_and_empty(d):
    check(run("comm", "e", "e", cwd=d), out=b"")
    check(run("comm", "o1", "e", cwd=d), out=b"1\n3\n")


@needs_dev_full
def test_dev_full(d):
    with open("/dev/full", "wb") as o:
        r = run("comm", "a", "b", cwd=d, stdout=o)
    check(r, err=b"comm: write error: No space left on device\n", status=1)


@pytest.mark.skipif(ON_WINE, reason="needs POSIX descriptors")
def test_closed_stdout(d):
    status, err = run_closed_stdout("comm", os.path.join(d, "a"), os.path.join(d, "b"))
    assert (status, err) == (1, b"comm: write error: Bad file descriptor\n")
