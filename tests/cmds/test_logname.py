"""logname: GNU coreutils 9.10 behaviour, checked against getlogin() as
Python's os.getlogin() reports it in a process with the same stdin."""
import os
import subprocess
import sys

import pytest

from conftest import BASE_ENV, ON_WINE, check, needs_dev_full, run, run_closed_stdout

TRY = "Try 'logname --help' for more information.\n"


def login_name():
    """getlogin() in a child whose stdin is, like corebox's, an empty pipe."""
    if ON_WINE:
        return None
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getlogin())"],
                          input=b"", capture_output=True, env=BASE_ENV)
    return proc.stdout.decode().rstrip("\n") if proc.returncode == 0 else None


LOGIN = login_name()


@pytest.mark.skipif(LOGIN is None, reason="this session has no login name")
def test_prints_login_name():
    check(run("logname"), out=LOGIN + "\n")


@pytest.mark.skipif(LOGIN is not None or ON_WINE, reason="this session has a login name")
def test_no_login_name():
    check(run("logname"), err="logname: no login name\n", status=1)


def test_usage_errors():
    check(run("logname", "x"), err="logname: extra operand 'x'\n" + TRY, status=1)
    check(run("logname", "-x"), err="logname: invalid option -- 'x'\n" + TRY, status=1)
    check(run("logname", "--bogus"), err="logname: unrecognized option '--bogus'\n" + TRY, status=1)


def test_help_and_version():
    r = run("logname", "--help")
    assert r.status == 0 and r.err == b"" and r.out.startswith(b"Usage: logname [OPTION]\n")
    r = run("logname", "--version")
    assert r.status == 0 and r.out.startswith(b"logname (corebox) ") and r.err == b""


@pytest.mark.skipif(LOGIN is None, reason="this session has no login name")
@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as full:
        r = run("logname", stdout=full)
    check(r, err="logname: write error: No space left on device\n", status=1)


@pytest.mark.skipif(LOGIN is None, reason="this session has no login name")
def test_closed_stdout():
    assert run_closed_stdout("logname") == (1, b"logname: write error: Bad file descriptor\n")
