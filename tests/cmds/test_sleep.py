"""Tests for sleep: GNU coreutils 9.10 behaviour (doc/coreutils.texi,
tests/misc/sleep.sh). No timing is measured: short sleeps must succeed,
long ones must still be running when stopped, bad input must fail."""
import subprocess

import pytest

from conftest import COREBOX, BASE_ENV, check, needs_dev_full, run, run_closed_stdout

TRY = "Try 'sleep --help' for more information.\n"


@pytest.mark.parametrize("args", [
    ["0"],
    ["0.01", "0.01"],
    # Each form on its own would do; together they sum to a short sleep.
    [".001s", "0m", "0h", "0d", "0x.002p1", "1e-3", "1e-400", " 0", "+0",
     "0x0.01d"],          # 'd' is a hexadecimal digit here, not days
    ["1e-5000"],          # too small for a long double: still valid
    ["--", "-0"],
    ["0", "--"],
    ["--"],               # no operand after "--" is not a missing operand
])
def test_short_sleeps_succeed(args):
    check(run("sleep", *args))


@pytest.mark.parametrize("args,err", [
    ([], "sleep: missing operand\n" + TRY),
    (["x"], "sleep: invalid time interval 'x'\n" + TRY),
    ([""], "sleep: invalid time interval ''\n" + TRY),
    (["--", "-1"], "sleep: invalid time interval '-1'\n" + TRY),
    (["0", "--", "-1"], "sleep: invalid time interval '-1'\n" + TRY),
    (["--", "-inf"], "sleep: invalid time interval '-inf'\n" + TRY),
    (["--", "-1e-5000"], "sleep: invalid time interval '-1e-5000'\n" + TRY),
    (["nan"], "sleep: invalid time interval 'nan'\n" + TRY),
    (["42D"], "sleep: invalid time interval '42D'\n" + TRY),
    (["0S"], "sleep: invalid time interval '0S'\n" + TRY),
    (["0 "], "sleep: invalid time interval '0 '\n" + TRY),
    (["1.5x"], "sleep: invalid time interval '1.5x'\n" + TRY),
    (["1e"], "sleep: invalid time interval '1e'\n" + TRY),
    (["."], "sleep: invalid time interval '.'\n" + TRY),
    (["s"], "sleep: invalid time interval 's'\n" + TRY),
    (["--", "--"], "sleep: invalid time interval '--'\n" + TRY),
    ([b"\xff"], "sleep: invalid time interval '\\377'\n" + TRY),
    # Every bad operand is reported before the usage hint.
    (["42d", "42day"], "sleep: invalid time interval '42day'\n" + TRY),
    (["1x", "0", "2y"], "sleep: invalid time interval '1x'\nsleep: invalid time interval '2y'\n" + TRY),
    # A leading '-' starts an option.
    (["-1"], "sleep: invalid option -- '1'\n" + TRY),
    (["-0"], "sleep: invalid option -- '0'\n" + TRY),
    (["-x"], "sleep: invalid option -- 'x'\n" + TRY),
    (["--x"], "sleep: unrecognized option '--x'\n" + TRY),
    (["0", "--bogus"], "sleep: unrecognized option '--bogus'\n" + TRY),
])
def test_errors(args, err):
    check(run("sleep", *args), err=err, status=1)


@pytest.mark.parametrize("args", [["inf"], ["infinity"], ["1e400"], ["1d", "2h", "3m", "4s"], ["0", "0.5m"]])
def test_long_sleeps_keep_running(args):
    argv = list(COREBOX) + ["sleep"] + args
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=BASE_ENV)
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            proc.wait(timeout=0.3)
    finally:
        proc.kill()
        proc.communicate()


def test_help_anywhere():
    r = run("sleep", "1d", "--help")
    assert r.status == 0 and r.err == b""
    assert r.stdout.startswith("Usage: sleep NUMBER[SUFFIX]...\n  or:  sleep OPTION\n")
    assert "--version" in r.stdout
    check(run("sleep", "--version", "x"), out="sleep (corebox) 0.1.0\n")


def test_closed_stdout():
    assert run_closed_stdout("sleep", "0") == (0, b"")


@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as f:
        check(run("sleep", "0", stdout=f))
        check(run("sleep", "--help", stdout=f),
              err="sleep: write error: No space left on device\n", status=1)
