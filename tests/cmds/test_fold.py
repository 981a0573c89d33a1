"""Tests for fold: widths in columns, characters and bytes, -s, UTF-8."""
import pytest

from conftest import ON_WINE, check, needs_dev_full, run, run_closed_stdin, run_closed_stdout

TRY = b"Try 'fold --help' for more information.\n"

UTF8 = {"LC_ALL": "C.UTF-8"}


@pytest.mark.parametrize("args,inp,out", [
    ([], b"x" * 200 + b"\n", b"x" * 80 + b"\n" + b"x" * 80 + b"\n" + b"x" * 40 + b"\n"),
    (["-w", "10"], b"hello world, this is a test\n", b"hello worl\nd, this is\n a test\n"),
    (["-s", "-w", "10"], b"hello world, this is a test\n", b"hello \nworld, \nthis is a \ntest\n"),
    (["--spaces", "--width=7"], b"The quick brown fox\n", b"The \nquick \nbrown \nfox\n"),
    (["-w", "5"], b"a\tb\tc\n", b"a\n\t\nb\n\t\nc\n"),
    (["-b", "-w", "5"], b"a\tb\tc\n", b"a\tb\tc\n"),
    (["-c", "-w", "3"], b"a\tb\tc\n", b"a\n\t\nb\n\t\nc\n"),
    (["-w", "3"], b"ab\bcd\bef\n", b"ab\bcd\be\nf\n"),
    (["-w", "4"], b"abc\rdefgh\n", b"abc\rdefg\nh\n"),
    (["-s", "-w", "4"], b"a\tb c d\n", b"a\n\t\nb c \nd\n"),
    (["-w", "1"], b"abc", b"a\nb\nc"),
    (["-12"], b"x" * 30, b"x" * 12 + b"\n" + b"x" * 12 + b"\n" + b"x" * 6),
    (["-w", "4"], b"ab\x80\x80\x80cd\n", b"ab\x80\x80\nx80cd\n".replace(b"x80", b"\x80")),
    (["-w", "3"], b"\x01\x02\x03\x04\n", b"\x01\x02\x03\n\x04\n"),
    (["-w", "3"], b"abcd\0\0\0ef\n", b"abc\nd\0\0\0ef\n"),
    ([], b"", b""),
])
def test_fold(args, inp, out):
    check(run("fold", *args, input=inp), out=out)


@pytest.mark.parametrize("args,inp,out", [
    (["-w", "5"], "\ub250\ub250\ub250\n", "\ub250\ub250\n\ub250\n"),
    (["-c", "-w", "5"], "\ub250\ub250\ub250\n", "\ub250\ub250\ub250\n"),
    (["-w", "6"], "a\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9b\n", "a\u00e9\u00e9\u00e9\u00e9\u00e9\n\u00e9\u00e9b\n"),
    (["-b", "-w", "6"], "a\u00e9\u00e9\u00e9\u00e9b\n", "a\u00e9\u00e9\n\u00e9\u00e9b\n"),
    (["-w", "3"], "a\u0301b\u0301c\u0301d\u0301\n", "a\u0301b\u0301c\u0301\nd\u0301\n"),
    (["-s", "-w", "10"], "abcdefghijklmnop\u2007qrstuvwxyz\n", "abcdefghij\nklmnop\u2007qrs\ntuvwxyz\n"),
    (["-s", "-w", "10"], "abcdefghijklmnop\u00a0\u00a0qrstuvwxyz\n", "abcdefghij\nklmnop\u00a0\u00a0qr\nstuvwxyz\n"),
    (["-s", "-w", "10"], "abcdefghijklmnop\u2002qrstuvwxyz\n", "abcdefghij\nklmnop\u2002\nqrstuvwxyz\n"),
    (["-s", "-w", "10"], "abcdefghijklmnop\u2003\u2003qrstuvwxyz\n", "abcdefghij\nklmnop\u2003\u2003\nqrstuvwxyz\n"),
])
def test_utf8(args, inp, out):
    check(run("fold", *args, input=inp.encode(), env=UTF8), out=out.encode())


def test_invalid_utf8():
    bad = b"\xc3|\xed\xba\xad|\x00|\xc2\x89|\xed\xa6\xbf\xed\xbf\xbf\n"
    check(run("fold", input=bad, env=UTF8), out=bad)
    check(run("fold", input=b"\xc3", env=UTF8), out=b"\xc3")
    check(run("fold", "-w", "4", input=b"ab\x80\x80\x80cd\n", env=UTF8), out=b"ab\x80\x80\n\x80cd\n")
    # What follows a break at a blank is measured again, invalid bytes
    # then taking no column.
    check(run("fold", "-s", "-w", "6", input=b"aaa " + b"\x80" * 8 + b"xyz\n", env=UTF8),
          out=b"aaa \n" + b"\x80" * 8 + b"\nxyz\n")


def test_character_cut_by_block_end():
    data = "a" * 131071 + "\ub250" + "b" * 100 + "\n"
    text = data[:-1]
    expected = "\n".join(text[i:i + 80] for i in range(0, len(text), 80)) + "\n"
    check(run("fold", "-c", input=data.encode(), env=UTF8), out=expected.encode())


def test_zero_width_never_breaks():
    data = b"\0" * 600000
    check(run("fold", input=data), out=data)
    r = run("fold", "-c", input=data)
    assert r.status == 0 and r.out.count(b"\n") == 600000 // 80 - 1


@pytest.mark.parametrize("args,err", [
    (["-w", "0"], b"fold: invalid number of columns: '0': Numerical result out of range\n"),
    (["-w", "-3"], b"fold: invalid number of columns: '-3'\n"),
    (["-w", "99999999999999999999999"],
     b"fold: invalid number of columns: '99999999999999999999999': Numerical result out of range\n"),
    (["-5x"], b"fold: invalid number of columns: '5x'\n"),
    (["-w", "x"], b"fold: invalid number of columns: 'x'\n"),
])
def test_width_errors(args, err):
    check(run("fold", *args), err=err, status=1)


def test_usage_errors():
    check(run("fold", "-w"), err=b"fold: option requires an argument -- 'w'\n" + TRY, status=1)
    check(run("fold", "-x"), err=b"fold: invalid option -- 'x'\n" + TRY, status=1)


def test_files(tmp_path):
    (tmp_path / "a").write_bytes(b"abcdef")
    (tmp_path / "d").mkdir()
    check(run("fold", "-w", "4", "a", "nope", "d", "a", cwd=str(tmp_path)), out=b"abcd\nefabcd\nef",
          err=b"fold: nope: No such file or directory\nfold: d: Is a directory\n", status=1)
    check(run("fold", "-w4", "-", "a", cwd=str(tmp_path), input=b"xyz"), out=b"xyzabcd\nef")


def test_posixly_correct_operand(tmp_path):
    (tmp_path / "f").write_bytes(b"abcdef\n")
    check(run("fold", "f", "-3", cwd=str(tmp_path)), out=b"abc\ndef\n")
    check(run("fold", "f", "-3", cwd=str(tmp_path), env={"POSIXLY_CORRECT": "1"}), out=b"abcdef\n",
          err=b"fold: -3: No such file or directory\n", status=1)


@pytest.mark.skipif(ON_WINE, reason="needs POSIX descriptors")
def test_closed_stdin():
    assert run_closed_stdin("fold") == (1, b"", b"fold: -: Bad file descriptor\nfold: -: Bad file descriptor\n")

@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as o:
        r = run("fold", input=b"x\n", stdout=o)
    check(r, err=b"fold: write error: No space left on device\n", status=1)


@pytest.mark.skipif(ON_WINE, reason="needs POSIX descriptors")
def test_closed_stdout():
    assert run_closed_stdout("fold", "/dev/null") == (0, b"")


def test_help():
    r = run("fold", "--help")
    assert r.status == 0 and r.out.startswith(b"Usage: fold [OPTION]... [FILE]...\n")
    assert b"--characters" in r.out
