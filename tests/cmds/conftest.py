"""Shared helpers for the black-box tests of corebox's utilities.

Every test runs a utility through $COREBOX (the path of the corebox
binary, or a command such as "wine64 /path/corebox.exe") as
`$COREBOX UTIL ARGS...` and checks stdout, stderr and the exit status
exactly. Expectations are written from GNU coreutils' documented
behaviour, never produced by corebox itself.
"""
import os
import shlex
import subprocess

import pytest

COREBOX = shlex.split(os.environ.get("COREBOX", "corebox"))


def _wine_wrapper():
    """How to run a Windows program here: $COREBOX_WRAPPER, else Wine's
    loader run directly (the wine64 script adds a shell per start)."""
    if os.environ.get("COREBOX_WRAPPER"):
        return shlex.split(os.environ["COREBOX_WRAPPER"])
    for cand in ("/usr/lib/wine/wine64", "/usr/lib64/wine/wine64"):
        if os.access(cand, os.X_OK):
            return [cand]
    return ["wine64"]


# COREBOX=path/corebox.exe on a system that is not Windows runs it under Wine.
if os.name != "nt" and len(COREBOX) == 1 and COREBOX[0].lower().endswith(".exe"):
    COREBOX = _wine_wrapper() + COREBOX
ON_WINE = any("wine" in os.path.basename(p) for p in COREBOX)

# Tests see a predictable environment: the C locale unless a test asks for
# another, no POSIXLY_CORRECT, no colour variables.
BASE_ENV = {k: v for k, v in os.environ.items()
            if not k.startswith(("LC_", "POSIXLY", "LS_COLORS"))}
BASE_ENV["LC_ALL"] = "C"
BASE_ENV.pop("LANG", None)
BASE_ENV.pop("LANGUAGE", None)
if ON_WINE:
    # Quiet Wine, and a crash must not start its debugger (which writes
    # to stdout and leaves a random status).
    BASE_ENV.setdefault("WINEDEBUG", "-all")
    BASE_ENV.setdefault("WINEDLLOVERRIDES", "winedbg.exe=d")

# The status of a process ended by a write to a pipe nobody reads: killed
# by SIGPIPE on POSIX; on Windows corebox exits with 128 + 13 instead.
SIGPIPE_STATUS = 141 if ON_WINE or os.name == "nt" else -13


def _wine_skip(reason):
    return pytest.mark.skipif(ON_WINE, reason=reason)


# What the Windows build cannot do under Wine, or does differently because
# it is Windows. Tests marked so are skipped there, with the reason.
wine_adds_environment = _wine_skip(
    "Wine: every process Wine starts gets Wine's own WINE* environment variables")
windows_cwd = _wine_skip(
    "Windows: the working directory is a Windows path (Z:\\... under Wine)")
windows_backslash = _wine_skip(
    "Windows: a backslash separates file name components")
windows_no_newline_names = _wine_skip(
    "Windows: file names cannot contain a newline")
windows_exec_right = _wine_skip(
    "Windows: execute access is an ACL right that ordinary files have (Wine grants it "
    "to every file its owner can read)")
wine_inherited_volume = _wine_skip(
    "Wine 8: handles inherited from Linux have no volume, so a file cannot be "
    "recognised through them as the same file as one opened by name")
wine_closed_is_directory = _wine_skip(
    "Wine 8: a closed descriptor reaches the program as a directory, so corebox takes a "
    "directory as a standard stream for a closed one")
wine_pipe_state = _wine_skip(
    "Wine 8: cannot tell that the reader of a pipe from Linux has gone until a write fails")
wine_no_symlinks = _wine_skip(
    "Wine 8: shows a Linux symbolic link as the file it points to, and cannot create one")


def _wine_unpassable(args, env):
    """Why Wine cannot give ARGS (and the variables in ENV) to a Windows
    program unchanged, or None."""
    loc = next((env[k] for k in ("LC_ALL", "LC_CTYPE", "LANG") if env.get(k)), "C").lower()
    utf8 = "utf-8" in loc or "utf8" in loc
    total = 0
    for a in args:
        b = to_bytes(a)
        total += len(b) + 3
        if utf8:
            try:
                b.decode("utf-8")
            except UnicodeDecodeError:
                return ("Windows: arguments and environment are UTF-16, "
                        "bytes that are not UTF-8 cannot be passed")
        elif any(c >= 0x80 for c in b):
            return ("Wine: converts arguments and environment with the locale's character set, "
                    "ASCII in the C locale")
    if total > 32000:
        return "Windows: a command line holds at most 32767 characters"
    return None


def wine_check(args, env=None):
    """Skip the calling test when Wine cannot pass ARGS or ENV's values."""
    if ON_WINE:
        e = dict(BASE_ENV)
        e.update({k: v for k, v in (env or {}).items() if v is not None})
        extra = [f"{k}={v}" if isinstance(v, str) else to_bytes(k) + b"=" + v
                 for k, v in (env or {}).items() if v is not None]
        why = _wine_unpassable(list(args) + extra, e)
        if why:
            pytest.skip(why)


class Result:
    def __init__(self, proc):
        self.status = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    @property
    def stdout(self):
        return self.out.decode("utf-8", "surrogateescape")

    @property
    def stderr(self):
        return self.err.decode("utf-8", "surrogateescape")

    def __repr__(self):
        return f"Result(status={self.status}, out={self.out!r}, err={self.err!r})"


def to_bytes(x):
    if x is None or isinstance(x, bytes):
        return x
    return x.encode("utf-8", "surrogateescape")


@pytest.fixture(autouse=True)
def _same_cwd_after_each_test():
    """A test that changes directory must not change it for the tests after
    it: under Wine an unquoted wildcard argument such as [a-z] is expanded
    against the files of the current directory, as a shell would."""
    cwd = os.getcwd()
    yield
    os.chdir(cwd)


def run(util, *args, input=None, env=None, stdout=None, cwd=None, timeout=60, argv0=None):
    """Run `corebox UTIL ARGS` and return a Result.

    input: bytes/str for stdin (default: empty stdin).
    env: extra environment variables (None values remove one).
    stdout: a file object to use as stdout instead of a pipe.
    argv0: run through a link with this name instead of `corebox UTIL`.
    """
    wine_check(((util,) if util is not None else ()) + args + ((argv0,) if argv0 else ()), env)
    e = dict(BASE_ENV)
    for k, v in (env or {}).items():
        if v is None:
            e.pop(k, None)
        else:
            e[k] = v
    argv = list(COREBOX) + [util] + [to_bytes(a) for a in args]
    if argv0 is not None:
        argv = COREBOX[:-1] + [argv0] + [to_bytes(a) for a in args]
    proc = subprocess.run(
        argv,
        input=to_bytes(input) if input is not None else b"",
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=e,
        cwd=cwd,
        timeout=timeout,
    )
    if stdout is not None:
        proc.stdout = b""
    return Result(proc)


def check(result, out=b"", err=b"", status=0):
    """Assert the exact stdout, stderr and exit status of a run."""
    assert (result.status, result.out, result.err) == (status, to_bytes(out), to_bytes(err))


@pytest.fixture
def cb():
    return run


def run_closed_stdout(util, *args):
    """Run with standard output closed (as `>&-` does)."""
    wine_check((util,) + args)
    argv = list(COREBOX) + [util] + [to_bytes(a) for a in args]
    proc = subprocess.run(argv, stdin=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          env=BASE_ENV, close_fds=True, pass_fds=(),
                          preexec_fn=lambda: os.close(1))
    return proc.returncode, proc.stderr


def run_closed_stdin(util, *args):
    """Run with standard input closed (as `<&-` does). Returns (status,
    stdout, stderr)."""
    argv = list(COREBOX) + [util] + [to_bytes(a) for a in args]
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=BASE_ENV,
                          preexec_fn=lambda: os.close(0))
    return proc.returncode, proc.stdout, proc.stderr


def run_pipe_closed(util, *args, read_bytes=0):
    """Run with stdout a pipe whose reader goes away after READ_BYTES bytes,
    with SIGPIPE at its default action. Returns (status, stderr)."""
    wine_check((util,) + args)
    argv = list(COREBOX) + [util] + [to_bytes(a) for a in args]
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=BASE_ENV)
    if read_bytes:
        proc.stdout.read(read_bytes)
    proc.stdout.close()
    err = proc.stderr.read()
    proc.wait(timeout=60)
    return proc.returncode, err


def dev_full_available():
    return os.path.exists("/dev/full")


needs_dev_full = pytest.mark.skipif(not dev_full_available(), reason="/dev/full is not available here")


def unreadable_file(tmp_path, name="secret"):
    """A file its owner cannot read, or a skip when running as root (root
    reads files whatever their permissions)."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root reads files whatever their permissions")
    f = tmp_path / name
    f.write_bytes(b"x\n")
    f.chmod(0)
    return f
