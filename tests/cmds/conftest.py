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
ON_WINE = any("wine" in os.path.basename(p) for p in COREBOX)

# Tests see a predictable environment: the C locale unless a test asks for
# another, no POSIXLY_CORRECT, no colour variables.
BASE_ENV = {k: v for k, v in os.environ.items()
            if not k.startswith(("LC_", "POSIXLY", "LS_COLORS"))}
BASE_ENV["LC_ALL"] = "C"
BASE_ENV.pop("LANG", None)
BASE_ENV.pop("LANGUAGE", None)


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


def run(util, *args, input=None, env=None, stdout=None, cwd=None, timeout=60, argv0=None):
    """Run `corebox UTIL ARGS` and return a Result.

    input: bytes/str for stdin (default: empty stdin).
    env: extra environment variables (None values remove one).
    stdout: a file object to use as stdout instead of a pipe.
    argv0: run through a link with this name instead of `corebox UTIL`.
    """
    e = dict(BASE_ENV)
    for k, v in (env or {}).items():
        if v is None:
            e.pop(k, None)
        else:
            e[k] = v
    argv = list(COREBOX) + [util] + [to_bytes(a) for a in args]
    if argv0 is not None:
        argv = [argv0] + [to_bytes(a) for a in args]
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
    return os.path.exists("/dev/full") and not ON_WINE


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
