"""Tests for join: pairing, unpaired lines, formats, separators, order checks."""
import os

import pytest

from conftest import ON_WINE, check, needs_dev_full, run, run_closed_stdout
from test_comm import en_us  # noqa: F401 (the en_US.UTF-8 locale fixture)

TRY = b"Try 'join --help' for more information.\n"
UTF8 = {"LC_ALL": "C.UTF-8"}


@pytest.fixture
def d(tmp_path):
    files = {"j1": b"a 1\nb 2\nc 3\n", "j2": b"a x\nc z\nd w\n", "j3": b"a x y\n",
             "c1": b"a,1\nb,2\n", "c2": b"a,x\n", "h1": b"H h1\na 1\n", "h2": b"H h2\na 2\n",
             "u1": b"b 1\na 2\n", "e": b"", "nonl": b"a 1", "dup1": b"k 1\nk 2\n", "dup2": b"k x\nk y\n",
             "sp": b"  a   1  \n", "z1": b"a 1\0b 2\0", "z2": b"a x\0"}
    for k, v in files.items():
        (tmp_path / k).write_bytes(v)
    return str(tmp_path)


@pytest.mark.parametrize("args,out", [
    (["j1", "j2"], b"a 1 x\nc 3 z\n"),
    (["-a1", "j1", "j2"], b"a 1 x\nb 2\nc 3 z\n"),
    (["-a", "2", "j1", "j2"], b"a 1 x\nc 3 z\nd w\n"),
    (["-a1", "-a2", "j1", "j2"], b"a 1 x\nb 2\nc 3 z\nd w\n"),
    (["-v2", "j1", "j2"], b"d w\n"),
    (["-v1", "-v2", "j1", "j2"], b"b 2\nd w\n"),
    (["-o", "1.2,2.2,0", "-a2", "-e", "E", "j1", "j2"], b"1 x a\n3 z c\nE w d\n"),
    (["-o", "1.2 2.2", "j1", "j2"], b"1 x\n3 z\n"),
    (["-o", "auto", "-a1", "-e", "-", "j1", "j3"], b"a 1 x y\nb 2 - -\nc 3 - -\n"),
    (["-t,", "c1", "c2"], b"a,1,x\n"),
    (["--header", "h1", "h2"], b"H h1 h2\na 1 2\n"),
    (["--header", "h1", "e"], b"H h1\n"),
    (["-j", "1", "j1", "j2"], b"a 1 x\nc 3 z\n"),
    (["dup1", "dup2"], b"k 1 x\nk 1 y\nk 2 x\nk 2 y\n"),
    (["nonl", "j2"], b"a 1 x\n"),
    (["sp", "j2"], b"a 1 x\n"),
    (["e", "e"], b""),
    (["-e", "X", "-o", "1.5,0", "j1", "j2"], b"X a\nX c\n"),
])
def test_join(d, args, out):
    check(run("join", *args, cwd=d), out=out)


def test_ignore_case(tmp_path):
    (tmp_path / "x").write_bytes(b"A 1\n")
    (tmp_path / "y").write_bytes(b"a 2\n")
    check(run("join", "-i", "x", "y", cwd=str(tmp_path)), out=b"A 1 2\n")
    check(run("join", "--ignore-case", "y", "x", cwd=str(tmp_path)), out=b"a 2 1\n")
    check(run("join", "x", "y", cwd=str(tmp_path)), out=b"")


def test_separators(tmp_path):
    (tmp_path / "n1").write_bytes(b"a\0001\n")
    (tmp_path / "n2").write_bytes(b"a\0002\n")
    check(run("join", "-t", "\\0", "n1", "n2", cwd=str(tmp_path)), out=b"a\0001\0002\n")
    (tmp_path / "w").write_bytes(b"a b\n")
    check(run("join", "-t", "", "w", "w", cwd=str(tmp_path)), out=b"a b\n")
    (tmp_path / "m1").write_bytes("0×A\n1×a\n".encode())
    (tmp_path / "m2").write_bytes("0×B\n".encode())
    check(run("join", "-t×", "m1", "m2", cwd=str(tmp_path), env=UTF8), out="0×A×B\n".encode())
    check(run("join", "-t×", "m1", "m2", cwd=str(tmp_path)), status=1,
          err=b"join: multi-character tab '\\303\\227'\n")


def test_zero_terminated(d):
    check(run("join", "-z", "z1", "z2", cwd=d), out=b"a 1 x\0")


def test_j1_ambiguity(d):
    # "-j1 2" with three operands: 2 is the field for -j1's file 1.
    check(run("join", "-j1", "2", "j1", "j2", cwd=d), out=b"")
    check(run("join", "-j1", "j1", "j2", cwd=d), out=b"a 1 x\nc 3 z\n")
    check(run("join", "-o", "1.1", "2.2", "j1", "j2", cwd=d), out=b"a x\nc z\n")


def test_stdin(d):
    check(run("join", "-", "j2", cwd=d, input=b"c 9\n"), out=b"c 9 z\n")


@pytest.mark.parametrize("args,out,err,status", [
    (["u1", "j2"], b"", b"join: u1:2: is not sorted: a 2\njoin: input is not in sorted order\n", 1),
    (["--check-order", "u1", "j2"], b"", b"join: u1:2: is not sorted: a 2\n", 1),
    (["--nocheck-order", "u1", "j2"], b"", b"", 0),
    (["-a1", "u1", "j2"], b"b 1\na 2\n", b"join: u1:2: is not sorted: a 2\njoin: input is not in sorted order\n", 1),
    (["u1", "e"], b"", b"", 0),
    (["-1", "2", "-2", "2", "j1", "j2"], b"", b"join: j2:3: is not sorted: d w\njoin: input is not in sorted order\n", 1),
])
def test_order(d, args, out, err, status):
    check(run("join", *args, cwd=d), out=out, err=err, status=status)


@pytest.mark.parametrize("args,err", [
    (["-1", "0", "j1", "j2"], b"join: invalid field number: '0'\n"),
    (["-a3", "j1", "j2"], b"join: invalid file number: '3'\n"),
    (["-o", "3.1", "j1", "j2"], b"join: invalid file number in field spec: '3.1'\n"),
    (["-o", "1.x", "j1", "j2"], b"join: invalid field number: 'x'\n"),
    (["-o", "1", "j1", "j2"], b"join: invalid field specifier: '1'\n"),
    (["-o", "0.1", "j1", "j2"], b"join: invalid field specifier: '0.1'\n"),
    (["-t", "ab", "j1", "j2"], b"join: multi-character tab 'ab'\n"),
    (["-t,", "-t:", "j1", "j2"], b"join: incompatible tabs\n"),
    (["-e", "a", "-e", "b", "j1", "j2"], b"join: conflicting empty-field replacement strings\n"),
    # GNU 9.10 shows the fields counted from 0 here.
    (["-j", "1", "-1", "2", "j1", "j2"], b"join: incompatible join fields 0, 1\n"),
    (["-", "-"], b"join: both files cannot be standard input\n"),
    (["j1"], b"join: missing operand after 'j1'\n" + TRY),
    ([], b"join: missing operand\n" + TRY),
    (["j1", "j2", "j3"], b"join: extra operand 'j3'\n" + TRY),
    (["nope", "j1"], b"join: nope: No such file or directory\n"),
    (["-y", "j1", "j2"], b"join: invalid option -- 'y'\n" + TRY),
])
def test_errors(d, args, err):
    check(run("join", *args, cwd=d), err=err, status=1)


def test_directory(d):
    os.mkdir(os.path.join(d, "dir"))
    check(run("join", "j1", "dir", cwd=d), err=b"join: read error: Is a directory\n", status=1)


@needs_dev_full
def test_dev_full(d):
    with open("/dev/full", "wb") as o:
        r = run("join", "j1", "j2", cwd=d, stdout=o)
    check(r, err=b"join: write error: No space left on device\n", status=1)


@pytest.mark.skipif(ON_WINE, reason="needs POSIX descriptors")
def test_closed_stdout(d):
    status, err = run_closed_stdout("join", os.path.join(d, "j1"), os.path.join(d, "j2"))
    assert (status, err) == (1, b"join: write error: Bad file descriptor\n")


# Orders GNU join 9.1 gives under glibc's en_US.UTF-8, where ICU agrees.
@pytest.mark.parametrize("args,f1,f2,out", [
    ([], b"apple 1\nApple 2\nbanana 3\n\xc3\xa9cole 4\nzoo 5\n", b"Apple x\nbanana y\necole z\n\xc3\xa9cole w\n",
     b"Apple 2 x\nbanana 3 y\n\xc3\xa9cole 4 w\n"),
    (["-a1", "-a2"], b"apple 1\nApple 2\nbanana 3\n\xc3\xa9cole 4\nzoo 5\n", b"Apple x\nbanana y\necole z\n\xc3\xa9cole w\n",
     b"apple 1\nApple 2 x\nbanana 3 y\necole z\n\xc3\xa9cole 4 w\nzoo 5\n"),
    (["-a1", "-t,"], b"a1,2\na b,1\nab,3\n", b"a b,x\nab,y\n", b"a1,2\na b,1,x\nab,3,y\n"),
    ([], b"x\0y 1\n", b"x\0y 2\nx\0z 3\n", b"x\0y 1 2\n"),
])
def test_locale_order(tmp_path, en_us, args, f1, f2, out):
    (tmp_path / "f1").write_bytes(f1)
    (tmp_path / "f2").write_bytes(f2)
    check(run("join", "--check-order", *args, "f1", "f2", cwd=str(tmp_path), env=en_us), out=out)


def test_locale_order_check(tmp_path, en_us):
    # Byte order ("A" before "a") is not en_US's order.
    (tmp_path / "f1").write_bytes(b"Apple 1\napple 2\n")
    (tmp_path / "f2").write_bytes(b"apple x\n")
    check(run("join", "f1", "f2", cwd=str(tmp_path), env=en_us),
          err=b"join: f1:2: is not sorted: apple 2\njoin: input is not in sorted order\n", status=1)
