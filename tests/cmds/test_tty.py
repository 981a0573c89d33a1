"""tty: GNU coreutils 9.10 behaviour. Terminal names are checked against
os.ttyname() on a pseudo-terminal the test opens itself."""
import os
import shutil
import subprocess
import sys

import pytest

from conftest import BASE_ENV, COREBOX, ON_WINE, check, needs_dev_full, run, run_closed_stdout

TRY = "Try 'tty --help' for more information.\n"


def tty_run(*args, stdin, stdout=subprocess.PIPE, prefix=()):
    argv = list(prefix) + list(COREBOX if not prefix else ["/corebox"]) + ["tty", *args]
    proc = subprocess.run(argv, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, env=BASE_ENV)
    return proc.returncode, proc.stdout if stdout == subprocess.PIPE else b"", proc.stderr


@pytest.fixture
def pty():
    """The slave side of a new pseudo-terminal, and its name."""
    if ON_WINE or not hasattr(os, "openpty"):
        pytest.skip("no pseudo-terminals here")
    try:
        master, slave = os.openpty()
    except OSError as e:
        pytest.skip(f"cannot open a pseudo-terminal: {e}")
    try:
        yield slave, os.ttyname(slave)
    finally:
        os.close(slave)
        os.close(master)


def test_terminal_name(pty):
    fd, name = pty
    assert tty_run(stdin=fd) == (0, f"{name}\n".encode(), b"")


@pytest.mark.parametrize("opt", ["-s", "--silent", "--quiet", "--sil", "--q"])
def test_silent_on_terminal(pty, opt):
    fd, name = pty
    assert tty_run(opt, stdin=fd) == (0, b"", b"")


def test_not_a_tty_pipe():
    check(run("tty"), out="not a tty\n", status=1)
    check(run("tty", input="data\n"), out="not a tty\n", status=1)


def test_not_a_tty_dev_null():
    with open(os.devnull, "rb") as null:
        assert tty_run(stdin=null) == (1, b"not a tty\n", b"")
        assert tty_run("-s", stdin=null) == (1, b"", b"")


def test_not_a_tty_regular_file(tmp_path):
    f = tmp_path / "f"
    f.write_bytes(b"x")
    with open(f, "rb") as fh:
        assert tty_run(stdin=fh) == (1, b"not a tty\n", b"")


def test_closed_stdin():
    argv = list(COREBOX) + ["tty"]
    for args, out in (([], b"not a tty\n"), (["-s"], b"")):
        proc = subprocess.run(argv + args, capture_output=True, env=BASE_ENV, preexec_fn=lambda: os.close(0))
        assert (proc.returncode, proc.stdout, proc.stderr) == (1, out, b"")


def test_silent_not_a_tty():
    check(run("tty", "-s"), status=1)


def test_usage_errors_exit_2():
    check(run("tty", "a"), err="tty: extra operand 'a'\n" + TRY, status=2)
    check(run("tty", "-s", "a"), err="tty: extra operand 'a'\n" + TRY, status=2)
    check(run("tty", "-x"), err="tty: invalid option -- 'x'\n" + TRY, status=2)
    check(run("tty", "--bogus"), err="tty: unrecognized option '--bogus'\n" + TRY, status=2)
    check(run("tty", "--silent=1"), err="tty: option '--silent' doesn't allow an argument\n" + TRY, status=2)


def test_help_and_version():
    r = run("tty", "--help")
    assert r.status == 0 and r.err == b"" and r.out.startswith(b"Usage: tty [OPTION]...\n")
    assert b"--silent" in r.out and b"--quiet" in r.out
    r = run("tty", "--version")
    assert r.status == 0 and r.out.startswith(b"tty (corebox) ") and r.err == b""


@needs_dev_full
def test_write_error_exit_3():
    with open("/dev/full", "wb") as full:
        check(run("tty", stdout=full), err="tty: write error: No space left on device\n", status=3)


@needs_dev_full
def test_write_error_on_terminal_exit_3(pty):
    fd, name = pty
    with open("/dev/full", "wb") as full:
        assert tty_run(stdin=fd, stdout=full) == (3, b"", b"tty: write error: No space left on device\n")


def test_closed_stdout_exit_3():
    assert run_closed_stdout("tty") == (3, b"tty: write error: Bad file descriptor\n")


def test_ttyname_failure_exit_4(pty, tmp_path):
    """A terminal whose name cannot be found (no /dev or /proc in a chroot)."""
    fd, name = pty
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("needs root on Linux for chroot")
    exe = shutil.which(COREBOX[0]) if len(COREBOX) == 1 else None
    ldd = shutil.which("ldd")
    if not exe or not ldd:
        pytest.skip("needs a native corebox and ldd")
    root = tmp_path / "root"
    root.mkdir()
    for word in subprocess.run([ldd, exe], capture_output=True, text=True).stdout.split():
        if word.startswith("/") and os.path.exists(word):
            dest = root / word.lstrip("/")
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(word, dest)
    shutil.copy(exe, root / "corebox")
    probe = subprocess.run(["chroot", str(root), "/corebox", "true"], capture_output=True, env=BASE_ENV)
    if probe.returncode != 0 or probe.stderr:
        pytest.skip("corebox does not run in a bare chroot (a sanitizer build needs /proc)")
    status, out, err = tty_run(stdin=fd, prefix=["chroot", str(root)])
    # The reason after the colon is the C library's.
    assert (status, out) == (4, b"") and err.startswith(b"tty: ttyname error: ") and err.endswith(b"\n")
    assert tty_run("-s", stdin=fd, prefix=["chroot", str(root)]) == (0, b"", b"")
