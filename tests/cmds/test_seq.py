"""Tests for seq: GNU coreutils 9.10 behaviour (doc/coreutils.texi, the
tests/seq suite), checked byte for byte."""
import signal
import subprocess

import pytest

from conftest import (COREBOX, ON_WINE, BASE_ENV, SIGPIPE_STATUS, check, needs_dev_full, run,
                      run_closed_stdout, to_bytes)

TRY = "Try 'seq --help' for more information.\n"


def lines(*items):
    return "".join(f"{x}\n" for x in items)


def head(args, nbytes):
    """The first NBYTES of the output of an endless seq."""
    argv = list(COREBOX) + ["seq"] + [to_bytes(a) for a in args]
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=BASE_ENV)
    data = proc.stdout.read(nbytes)
    proc.stdout.close()
    err = proc.stderr.read()
    proc.wait(timeout=60)
    return data, err


@pytest.mark.parametrize("args,out", [
    # Operand forms.
    (["10"], lines(*range(1, 11))),
    (["-1"], ""),
    (["1", "0"], ""),
    (["1", "-1", "3"], ""),
    (["-10", "10", "10"], lines(-10, 0, 10)),
    (["1", "-1", "-1"], lines(1, 0, -1)),
    (["1", "3", "1"], lines(1)),
    (["1", "1", "4.2"], lines(1, 2, 3, 4)),
    (["-0", "3"], lines("-0", 1, 2, 3)),
    (["1", "-0"], ""),
    (["1", "1e0", "4"], lines(1, 2, 3, 4)),
    (["1", "2", "4"], lines(1, 3)),
    # Floating point and the precision taken from the operands.
    (["0.1", "0.1", "0.5"], lines("0.1", "0.2", "0.3", "0.4", "0.5")),
    (["0.8", "0.1", "0.9"], lines("0.8", "0.9")),
    (["0.1", "0.99", "1.99"], lines("0.10", "1.09")),
    (["10.8", "0.1", "10.95"], lines("10.8", "10.9")),
    (["0.8", "1e-1", "0.9"], lines("0.8", "0.9")),
    ([".8", "1e-2", ".81"], lines("0.80", "0.81")),
    ([".89999", "1e-7", ".8999901"], lines("0.8999900", "0.8999901")),
    (["0", "0.000001", "0.000003"], lines("0.000000", "0.000001", "0.000002", "0.000003")),
    (["1.5", "3"], lines("1.5", "2.5")),
    (["1", ".5", "3"], lines("1.0", "1.5", "2.0", "2.5", "3.0")),
    (["1.1e1", "12"], lines(11, 12)),
    (["11", "1.2e1"], lines(11, 12)),
    (["1", "0x1p-1", "2"], lines(1, "1.5", 2)),
    (["0xF423F", "0xF4240"], lines(999999, 1000000)),
    (["1e2", "1", "1e2"], lines(100)),
    (["1e30", "1", "1e30"], lines("1000000000000000000024696061952")),
    (["1e-9223372036854775808"], ""),
    # Equal width.
    (["-w", "-1", "1"], lines("-1", "00", "01")),
    (["-w", "1", "-1", "-1"], lines("01", "00", "-1")),
    (["-w", "-.1", ".1", ".11"], lines("-0.1", "00.0", "00.1")),
    (["-w", "1", "3.0"], lines(1, 2, 3)),
    (["-w", "1", ".5", "2"], lines("1.0", "1.5", "2.0")),
    (["-w", "+1", "2"], lines(1, 2)),
    (["-w", "    .1", "    .1"], lines("0.1")),
    (["-w", "9", "0.5", "10"], lines("09.0", "09.5", "10.0")),
    (["-w", "-1e-3", "1"], lines("-0.001", "00.999")),
    (["-w", "-1.0e-4", "1"], lines("-0.00010", "00.99990")),
    (["-w", "999", "1e3"], lines("0999", "1000")),
    (["-w", "-1", "1.0", "0"], lines("-1.0", "00.0")),
    (["-w", "10", "-.1", "9.9"], lines("10.0", "09.9")),
    (["-w", "1.10000e5", "1.10000e5"], lines(110000)),
    (["-w", "5", "-1", "-2"], lines("05", "04", "03", "02", "01", "00", "-1", "-2")),
    (["--equal-width", "8", "10"], lines("08", "09", "10")),
    # Formats.
    (["-f", "%2.1f", "1.5", ".5", "2"], lines("1.5", "2.0")),
    (["-f", "%3.0f", "1", "2"], lines("  1", "  2")),
    (["-f", "%-3.0f", "1", "2"], lines("1  ", "2  ")),
    (["-f", "%0+3.0f", "1", "2"], lines("+01", "+02")),
    (["-f", "% -3.0f", "-1", "0"], lines("-1 ", " 0 ")),
    (["-f", "%%%g%%", "1"], lines("%1%")),
    (["-f", "%e", "1", "2"], lines("1.000000e+00", "2.000000e+00")),
    (["-f", "%a", "1", "2"], lines("0x8p-3", "0x8p-2")),
    (["-f", "%Lg", "1", "2"], lines(1, 2)),
    (["--format=abc%5.2fxyz%%", "1", ".5", "2"], lines("abc 1.00xyz%", "abc 1.50xyz%", "abc 2.00xyz%")),
    (["-f", "%g=", "1000000", "1000000"], lines("1e+06=")),
    (["-f", "%G", "1000000", "1000001"], lines("1E+06", "1E+06")),
    # Separators.
    (["-s,", "1", "3"], "1,2,3\n"),
    (["-s,", "3"], "1,2,3\n"),
    (["-s,", "1", "1"], "1\n"),
    (["-s,,", "1", "3"], "1,,2,,3\n"),
    (["-s", "", "3"], "123\n"),
    (["--separator=ab", "1.5", "3"], "1.5ab2.5\n"),
    (["--sep", ":", "-w", "8", "10"], "08:09:10\n"),
    (["-s", b"\xff", "3"], b"1\xff2\xff3\n"),
    # Options end at the first operand; "--" ends them too.
    (["--", "-1", "1"], lines(-1, 0, 1)),
    (["-w", "--", "-5", "-1", "-10"], lines("-05", "-06", "-07", "-08", "-09", "-10")),
])
def test_output(args, out):
    check(run("seq", *args), out=out)


@pytest.mark.parametrize("args,out", [
    # Whole numbers as decimal strings, of any size.
    (["18446744073709551616", "18446744073709551618"],
     lines(18446744073709551616, 18446744073709551617, 18446744073709551618)),
    (["9223372036854775807", "9223372036854775808"],
     lines(9223372036854775807, 9223372036854775808)),
    (["9" * 81, "1" + "0" * 80 + "1"], lines("9" * 81, "1" + "0" * 81, "1" + "0" * 80 + "1")),
    (["9" * 81, "1" + "0" * 81], lines("9" * 81, "1" + "0" * 81)),
    (["000", "2"], lines(0, 1, 2)),
    (["00", "02"], lines(0, 1, 2)),
    (["99990", "3", "100002"], lines(99990, 99993, 99996, 99999, 100002)),
    (["5", "200", "1000"], lines(5, 205, 405, 605, 805)),
    (["1e1", "5", "3e1"], lines(10, 15, 20, 25, 30)),
    (["+5", "7"], lines(5, 6, 7)),
])
def test_integers(args, out):
    check(run("seq", *args), out=out)


def test_long_integer_carry():
    n = "9" * 5000
    check(run("seq", n, "1" + "0" * 5000), out=lines(n, "1" + "0" * 5000))


def test_many_numbers():
    r = run("seq", "200000")
    check(r, out="".join(f"{i}\n" for i in range(1, 200001)))


def test_many_numbers_step():
    r = run("seq", "-s", " ", "7", "13", "100000")
    check(r, out=" ".join(str(i) for i in range(7, 100001, 13)) + "\n")


@pytest.mark.parametrize("args,start", [
    (["1", "1", "inf"], lines(*range(1, 11))),
    (["inf"], lines(*range(1, 11))),
    (["999999", "inf"], lines(999999, 1000000)),
    (["18446744073709551617", "inf"], lines(18446744073709551617, 18446744073709551618)),
    (["1", ".1", "inf"], lines("1.0", "1.1", "1.2")),
    (["1", "-1", "-inf"], lines(1, 0, -1, -2, -3)),
    (["inf", "inf"], lines("inf", "inf", "inf")),
])
def test_endless(args, start):
    data, err = head(args, len(start))
    assert (data, err) == (start.encode(), b"")


@pytest.mark.parametrize("args,err", [
    ([], "seq: missing operand\n" + TRY),
    (["1", "2", "3", "4"], "seq: extra operand '4'\n" + TRY),
    (["x"], "seq: invalid floating point argument: 'x'\n" + TRY),
    ([""], "seq: invalid floating point argument: ''\n" + TRY),
    (["1 ", "3"], "seq: invalid floating point argument: '1 '\n" + TRY),
    (["1", "x", "5"], "seq: invalid floating point argument: 'x'\n" + TRY),
    (["1", "0", "x"], "seq: invalid Zero increment value: '0'\n" + TRY),
    (["1", "x", "0"], "seq: invalid floating point argument: 'x'\n" + TRY),
    (["1e99999"], "seq: invalid floating point argument: '1e99999'\n" + TRY),
    ([b"\xff"], "seq: invalid floating point argument: '\\377'\n" + TRY),
    (["1", "0", "10"], "seq: invalid Zero increment value: '0'\n" + TRY),
    (["1", "-0.0e-10", "10"], "seq: invalid Zero increment value: '-0.0e-10'\n" + TRY),
    (["nan"], "seq: invalid 'not-a-number' argument: 'nan'\n" + TRY),
    (["1", "NaN"], "seq: invalid 'not-a-number' argument: 'NaN'\n" + TRY),
    (["--", "-nan"], "seq: invalid 'not-a-number' argument: '-nan'\n" + TRY),
    (["1", "-NaN", "2"], "seq: invalid 'not-a-number' argument: '-NaN'\n" + TRY),
    (["-inf"], "seq: invalid option -- 'i'\n" + TRY),
    (["-x", "3"], "seq: invalid option -- 'x'\n" + TRY),
    (["--bogus", "3"], "seq: unrecognized option '--bogus'\n" + TRY),
    (["-f"], "seq: option requires an argument -- 'f'\n" + TRY),
    (["--equal-width=1", "3"], "seq: option '--equal-width' doesn't allow an argument\n" + TRY),
    (["5", "-w"], "seq: invalid floating point argument: '-w'\n" + TRY),
    (["-f", "%g", "-w", "1"],
     "seq: format string may not be specified when printing equal width strings\n" + TRY),
    # Format errors do not suggest --help.
    (["-f", "x", "1"], "seq: format 'x' has no % directive\n"),
    (["-f", "", "1"], "seq: format '' has no % directive\n"),
    (["-f", "%%g", "1"], "seq: format '%%g' has no % directive\n"),
    (["-f", "%", "1"], "seq: format '%' ends in %\n"),
    (["-f", "%5.2", "1"], "seq: format '%5.2' ends in %\n"),
    (["-f", "%g%", "1"], "seq: format '%g%' has too many % directives\n"),
    (["-f", "%g%g", "1"], "seq: format '%g%g' has too many % directives\n"),
    (["-f", "%d", "1"], "seq: format '%d' has unknown %d directive\n"),
    (["-f", "%lf", "1"], "seq: format '%lf' has unknown %l directive\n"),
    (["-f", "%*g", "1"], "seq: format '%*g' has unknown %* directive\n"),
])
def test_errors(args, err):
    check(run("seq", *args), err=err, status=1)


def test_help_and_version():
    r = run("seq", "--help")
    assert r.status == 0 and r.err == b""
    assert r.stdout.startswith("Usage: seq [OPTION]... LAST\n")
    for opt in ("--format", "--separator", "--equal-width", "--help", "--version"):
        assert opt in r.stdout
    r = run("seq", "--version")
    assert r.status == 0 and r.stdout.startswith("seq (corebox) ")


@needs_dev_full
@pytest.mark.parametrize("args", [["1", "3"], ["1", "inf"], ["1.1", ".1", "inf"], ["1", "0.0001", "99999999"]])
def test_dev_full(args):
    with open("/dev/full", "wb") as f:
        r = run("seq", *args, stdout=f)
    check(r, err="seq: write error: No space left on device\n", status=1)


def test_closed_stdout():
    assert run_closed_stdout("seq", "1", "3") == (1, b"seq: write error: Bad file descriptor\n")


@pytest.mark.skipif(ON_WINE, reason="SIGPIPE is POSIX")
def test_broken_pipe_with_sigpipe_ignored():
    argv = list(COREBOX) + ["seq", "inf"]
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=BASE_ENV, restore_signals=False,
                            preexec_fn=lambda: signal.signal(signal.SIGPIPE, signal.SIG_IGN))
    assert proc.stdout.read(2) == b"1\n"
    proc.stdout.close()
    err = proc.stderr.read()
    assert (proc.wait(timeout=60), err) == (1, b"seq: write error: Broken pipe\n")


def test_broken_pipe_default():
    argv = list(COREBOX) + ["seq", "inf"]
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=BASE_ENV)
    proc.stdout.read(2)
    proc.stdout.close()
    err = proc.stderr.read()
    assert (proc.wait(timeout=60), err) == (SIGPIPE_STATUS, b"")
