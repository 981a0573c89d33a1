"""arch: GNU coreutils 9.10 behaviour (uname -m), checked against os.uname()."""
import os

import pytest

from conftest import ON_WINE, check, needs_dev_full, run, run_closed_stdout

TRY = "Try 'arch --help' for more information.\n"


@pytest.mark.skipif(ON_WINE or not hasattr(os, "uname"), reason="compares with the host's uname(2)")
def test_prints_machine():
    check(run("arch"), out=os.uname().machine + "\n")


def test_usage_errors():
    check(run("arch", "x"), err="arch: extra operand 'x'\n" + TRY, status=1)
    check(run("arch", "-m"), err="arch: invalid option -- 'm'\n" + TRY, status=1)
    check(run("arch", "--machine"), err="arch: unrecognized option '--machine'\n" + TRY, status=1)


def test_help_and_version():
    r = run("arch", "--help")
    assert r.status == 0 and r.err == b"" and r.out.startswith(b"Usage: arch [OPTION]...\n")
    assert b"--machine" not in r.out and b"--help" in r.out and b"--version" in r.out
    r = run("arch", "--version")
    assert r.status == 0 and r.out.startswith(b"arch (corebox) ") and r.err == b""


@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as full:
        r = run("arch", stdout=full)
    check(r, err="arch: write error: No space left on device\n", status=1)


def test_closed_stdout():
    assert run_closed_stdout("arch") == (1, b"arch: write error: Bad file descriptor\n")
