"""whoami: GNU coreutils 9.10 behaviour, checked against Python's pwd module."""
import os
import subprocess

import pytest

from conftest import BASE_ENV, COREBOX, ON_WINE, check, needs_dev_full, run, run_closed_stdout

pwd = pytest.importorskip("pwd")

TRY = "Try 'whoami --help' for more information.\n"


def name_of(uid):
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return None


def run_as(util, uid, effective_only):
    """Run UTIL with the effective user ID (and the real one too unless
    EFFECTIVE_ONLY) set to UID."""
    argv = list(COREBOX) + [util]
    change = (lambda: os.seteuid(uid)) if effective_only else (lambda: os.setuid(uid))
    proc = subprocess.run(argv, capture_output=True, env=BASE_ENV, stdin=subprocess.DEVNULL,
                          preexec_fn=change)
    return proc.returncode, proc.stdout, proc.stderr


needs_root = pytest.mark.skipif(ON_WINE or not hasattr(os, "geteuid") or os.geteuid() != 0,
                                reason="changing the effective user ID needs root")


def test_prints_effective_user():
    want = name_of(os.geteuid())
    if want is None:
        pytest.skip("this user ID has no name here")
    check(run("whoami"), out=want + "\n")


@needs_root
def test_effective_not_real_user():
    named = [p for p in pwd.getpwall() if p.pw_uid not in (0, os.getuid())]
    if not named:
        pytest.skip("no other named user")
    user = named[0]
    if run_as("true", user.pw_uid, True) != (0, b"", b""):
        pytest.skip("corebox cannot run with real and effective user IDs apart (sanitizer build)")
    assert run_as("whoami", user.pw_uid, True) == (0, f"{user.pw_name}\n".encode(), b"")


@needs_root
def test_user_id_without_name():
    uid = next(u for u in range(54321, 60000) if name_of(u) is None)
    assert run_as("whoami", uid, False) == (1, b"", f"whoami: cannot find name for user ID {uid}\n".encode())


def test_usage_errors():
    check(run("whoami", "x"), err="whoami: extra operand 'x'\n" + TRY, status=1)
    check(run("whoami", "-u"), err="whoami: invalid option -- 'u'\n" + TRY, status=1)
    check(run("whoami", "--bogus"), err="whoami: unrecognized option '--bogus'\n" + TRY, status=1)


def test_help_and_version():
    r = run("whoami", "--help")
    assert r.status == 0 and r.err == b"" and r.out.startswith(b"Usage: whoami [OPTION]...\n")
    r = run("whoami", "x", "--help")    # options are found after operands too
    assert r.status == 0 and r.out.startswith(b"Usage: whoami")
    r = run("whoami", "--version")
    assert r.status == 0 and r.out.startswith(b"whoami (corebox) ") and r.err == b""


@needs_dev_full
def test_dev_full():
    if name_of(os.geteuid()) is None:
        pytest.skip("this user ID has no name here")
    with open("/dev/full", "wb") as full:
        r = run("whoami", stdout=full)
    check(r, err="whoami: write error: No space left on device\n", status=1)


def test_closed_stdout():
    if name_of(os.geteuid()) is None:
        pytest.skip("this user ID has no name here")
    assert run_closed_stdout("whoami") == (1, b"whoami: write error: Bad file descriptor\n")
