"""pwd: GNU coreutils 9.10 behaviour."""
import os
import subprocess

import pytest

from conftest import BASE_ENV, COREBOX, ON_WINE, check, needs_dev_full, run, run_closed_stdout, windows_cwd

TRY = "Try 'pwd --help' for more information.\n"


@pytest.fixture
def tree(tmp_path):
    """BASE/a/b, and BASE/c a symbolic link to a/b. Returns (base, physical, logical)."""
    base = os.path.realpath(tmp_path)
    os.makedirs(os.path.join(base, "a", "b"))
    try:
        os.symlink(os.path.join("a", "b"), os.path.join(base, "c"))
    except OSError:
        pytest.skip("cannot create symbolic links here")
    return base, os.path.join(base, "a", "b"), os.path.join(base, "c")


def pwd_in(logical, *args, pwd=None, env=None):
    e = {"PWD": logical if pwd is None else pwd}
    e.update(env or {})
    return run("pwd", *args, cwd=logical, env=e)


@windows_cwd
def test_default_is_physical(tree):
    base, phys, logi = tree
    check(pwd_in(logi), out=phys + "\n")


@pytest.mark.parametrize("args, want_logical", [
    (["-L"], True),
    (["--logical"], True),
    (["--log"], True),
    (["-P"], False),
    (["--physical"], False),
    (["--logical", "-P"], False),   # the last of -L / -P wins
    (["-P", "-L"], True),
    (["-LP"], False),
    (["-PL"], True),
])
@windows_cwd
def test_logical_and_physical(tree, args, want_logical):
    base, phys, logi = tree
    check(pwd_in(logi, *args), out=(logi if want_logical else phys) + "\n")


@windows_cwd
def test_posixly_correct_defaults_to_logical(tree):
    base, phys, logi = tree
    check(pwd_in(logi, env={"POSIXLY_CORRECT": "1"}), out=logi + "\n")
    check(pwd_in(logi, "-P", env={"POSIXLY_CORRECT": "1"}), out=phys + "\n")


@pytest.mark.parametrize("bad", [
    "{logi}/.",
    "{logi}/./",
    "{base}/./c",
    "{base}/a/../c",
    "{base}/c/..",
    "bogus",
    "c",
    "",
    "{base}",        # absolute and clean, but another directory
    "{base}/nope",
])
@windows_cwd
def test_unusable_pwd_falls_back_to_physical(tree, bad):
    base, phys, logi = tree
    check(pwd_in(logi, "-L", pwd=bad.format(base=base, logi=logi)), out=phys + "\n")


@windows_cwd
def test_pwd_unset(tree):
    base, phys, logi = tree
    check(run("pwd", "-L", cwd=logi, env={"PWD": None}), out=phys + "\n")


@windows_cwd
def test_pwd_kept_as_written(tree):
    base, phys, logi = tree
    check(pwd_in(logi, "-L", pwd="/" + logi), out="/" + logi + "\n")
    check(pwd_in(logi, "-L", pwd=logi + "/"), out=logi + "/\n")
    doubled = logi.replace("/", "//")
    check(pwd_in(logi, "-L", pwd=doubled), out=doubled + "\n")


@windows_cwd
def test_dot_names_are_not_dot_components(tmp_path):
    base = os.path.realpath(tmp_path)
    d = os.path.join(base, ".x", "..y")
    os.makedirs(d)
    check(run("pwd", "-L", cwd=d, env={"PWD": d}), out=d + "\n")


@windows_cwd
def test_non_option_arguments_ignored(tree):
    base, phys, logi = tree
    check(pwd_in(logi, "x", "y"), out=phys + "\n", err="pwd: ignoring non-option arguments\n")
    check(pwd_in(logi, "x", "-L"), out=logi + "\n", err="pwd: ignoring non-option arguments\n")


@windows_cwd
def test_invalid_utf8_directory_name(tmp_path):
    base = os.fsencode(os.path.realpath(tmp_path))
    d = base + b"/\xff\xfe"
    os.mkdir(d)
    check(run("pwd", cwd=d), out=d + b"\n")


@windows_cwd
def test_long_directory_name(tmp_path):
    # Deeper than PATH_MAX: built with directory descriptors.
    comp = "d" * 200
    fd = os.open(tmp_path, os.O_RDONLY)
    try:
        for _ in range(30):
            os.mkdir(comp, dir_fd=fd)
            nfd = os.open(comp, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = nfd
        want = os.path.realpath(tmp_path) + ("/" + comp) * 30 + "\n"
        argv = list(COREBOX) + ["pwd"]
        proc = subprocess.run(argv, capture_output=True, env=BASE_ENV, stdin=subprocess.DEVNULL,
                              preexec_fn=lambda: os.fchdir(fd), pass_fds=(fd,))
    finally:
        os.close(fd)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, want.encode(), b"")


@pytest.mark.skipif(ON_WINE, reason="a removed current directory is a POSIX situation")
def test_removed_directory(tmp_path):
    d = str(tmp_path / "gone")
    os.mkdir(d)

    def enter_and_remove():
        os.chdir(d)
        os.rmdir(d)

    argv = list(COREBOX) + ["pwd"]
    proc = subprocess.run(argv, capture_output=True, env=BASE_ENV, stdin=subprocess.DEVNULL,
                          preexec_fn=enter_and_remove)
    assert (proc.returncode, proc.stdout, proc.stderr) == (
        1, b"", b"pwd: couldn't find directory entry in '..' with matching i-node\n")


def test_bad_options():
    check(run("pwd", "-x"), err="pwd: invalid option -- 'x'\n" + TRY, status=1)
    check(run("pwd", "--bogus"), err="pwd: unrecognized option '--bogus'\n" + TRY, status=1)
    check(run("pwd", "--physical=1"), err="pwd: option '--physical' doesn't allow an argument\n" + TRY,
          status=1)


def test_help_and_version():
    r = run("pwd", "--help")
    assert r.status == 0 and r.err == b"" and r.out.startswith(b"Usage: pwd [OPTION]...\n")
    assert b"--logical" in r.out and b"--physical" in r.out
    r = run("pwd", "--version")
    assert r.status == 0 and r.out.startswith(b"pwd (corebox) ") and r.err == b""


@needs_dev_full
def test_dev_full(tmp_path):
    with open("/dev/full", "wb") as full:
        r = run("pwd", stdout=full, cwd=tmp_path)
    check(r, err="pwd: write error: No space left on device\n", status=1)


def test_closed_stdout():
    assert run_closed_stdout("pwd") == (1, b"pwd: write error: Bad file descriptor\n")
