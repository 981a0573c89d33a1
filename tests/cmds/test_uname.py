"""uname: GNU coreutils 9.10 behaviour, checked against os.uname()."""
import os
import sys

import pytest

from conftest import ON_WINE, check, needs_dev_full, run, run_closed_stdout

needs_posix_uname = pytest.mark.skipif(ON_WINE or not hasattr(os, "uname"),
                                       reason="compares with the host's uname(2)")

U = os.uname() if hasattr(os, "uname") else None
# What GNU prints for -o: a build-time name, "GNU/Linux" on Linux.
OS_NAME = "GNU/Linux" if sys.platform.startswith("linux") else (U.sysname if U else "")

FIELD = {
    "s": lambda: U.sysname,
    "n": lambda: U.nodename,
    "r": lambda: U.release,
    "v": lambda: U.version,
    "m": lambda: U.machine,
    "p": lambda: "unknown",
    "i": lambda: "unknown",
    "o": lambda: OS_NAME,
}
ORDER = "snrvmpio"


def line(letters):
    return " ".join(FIELD[c]() for c in ORDER if c in letters) + "\n"


@needs_posix_uname
def test_default_is_kernel_name():
    check(run("uname"), out=U.sysname + "\n")


@needs_posix_uname
@pytest.mark.parametrize("opt, letters", [
    ("-s", "s"), ("--kernel-name", "s"), ("--sysname", "s"),
    ("-n", "n"), ("--nodename", "n"),
    ("-r", "r"), ("--kernel-release", "r"), ("--release", "r"),
    ("-v", "v"), ("--kernel-version", "v"),
    ("-m", "m"), ("--machine", "m"),
    ("-p", "p"), ("--processor", "p"),
    ("-i", "i"), ("--hardware-platform", "i"),
    ("-o", "o"), ("--operating-system", "o"),
])
def test_single_field(opt, letters):
    check(run("uname", opt), out=line(letters))


@needs_posix_uname
def test_fields_come_in_fixed_order():
    check(run("uname", "-mrs"), out=line("smr"))
    check(run("uname", "-o", "-n", "-s"), out=line("sno"))
    check(run("uname", "-snrvmpio"), out=line("snrvmpio"))
    check(run("uname", "-pi"), out="unknown unknown\n")


@needs_posix_uname
@pytest.mark.parametrize("args", [["-a"], ["--all"], ["-a", "-p"], ["-i", "-a"], ["-as"], ["--al"]])
def test_all_leaves_out_unknown(args):
    # -a prints everything but -p and -i, which are unknown on Linux.
    check(run("uname", *args), out=line("snrvmo"))


def test_usage_errors():
    check(run("uname", "x"), err="uname: extra operand 'x'\nTry 'uname --help' for more information.\n",
          status=1)
    check(run("uname", "-x"), err="uname: invalid option -- 'x'\nTry 'uname --help' for more information.\n",
          status=1)
    check(run("uname", "--kernel"),
          err="uname: option '--kernel' is ambiguous; possibilities: '--kernel-name' "
              "'--kernel-release' '--kernel-version'\nTry 'uname --help' for more information.\n",
          status=1)


def test_help_and_version():
    r = run("uname", "--help")
    assert r.status == 0 and r.err == b"" and r.out.startswith(b"Usage: uname [OPTION]...\n")
    for opt in (b"--all", b"--kernel-name", b"--nodename", b"--kernel-release", b"--kernel-version",
                b"--machine", b"--processor", b"--hardware-platform", b"--operating-system"):
        assert opt in r.out
    r = run("uname", "--version")
    assert r.status == 0 and r.out.startswith(b"uname (corebox) ") and r.err == b""


@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as full:
        r = run("uname", "-a", stdout=full)
    check(r, err="uname: write error: No space left on device\n", status=1)


def test_closed_stdout():
    assert run_closed_stdout("uname") == (1, b"uname: write error: Bad file descriptor\n")
