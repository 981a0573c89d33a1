"""Tests for tee: copying to outputs, appending, and output errors."""
import os
import signal
import subprocess

import pytest

from conftest import (BASE_ENV, COREBOX, ON_WINE, SIGPIPE_STATUS, check, needs_dev_full, run,
                      wine_closed_is_directory, wine_pipe_state)

MODES_LIST = (b"Valid arguments are:\n  - 'warn'\n  - 'warn-nopipe'\n  - 'exit'\n  - 'exit-nopipe'\n"
              b"Try 'tee --help' for more information.\n")


def tee_to_broken_pipe(*args, data=b"y\n" * 200000):
    """Run tee with DATA on stdin and stdout a pipe whose reader is gone.
    Returns (status, stderr)."""
    r, w = os.pipe()
    os.close(r)
    try:
        p = subprocess.Popen(COREBOX + ["tee"] + list(args), stdin=subprocess.PIPE, stdout=w,
                             stderr=subprocess.PIPE, env=BASE_ENV,
                             preexec_fn=lambda: signal.signal(signal.SIGPIPE, signal.SIG_DFL))
    finally:
        os.close(w)
    try:
        p.stdin.write(data)
    except BrokenPipeError:
        pass
    try:
        p.stdin.close()
    except BrokenPipeError:
        pass
    err = p.stderr.read()
    p.wait(timeout=60)
    return p.returncode, err


def test_stdin_to_stdout_only():
    check(run("tee", input=b"line\n"), out=b"line\n")


def test_empty_input(tmp_path):
    f = tmp_path / "f"
    f.write_bytes(b"old")
    check(run("tee", str(f), input=b""))
    assert f.read_bytes() == b""


@pytest.mark.parametrize("n", [1, 2, 13])
def test_copies_to_files(tmp_path, n):
    names = [str(tmp_path / str(i)) for i in range(n)]
    data = b"line\nno newline at end"
    check(run("tee", *names, input=data), out=data)
    for name in names:
        with open(name, "rb") as f:
            assert f.read() == data


def test_big_input(tmp_path):
    data = os.urandom(1 << 20)
    f = tmp_path / "f"
    check(run("tee", str(f), input=data), out=data)
    assert f.read_bytes() == data


def test_overwrites_by_default(tmp_path):
    f = tmp_path / "f"
    f.write_bytes(b"old contents that are longer\n")
    check(run("tee", str(f), input=b"new\n"), out=b"new\n")
    assert f.read_bytes() == b"new\n"


@pytest.mark.parametrize("opt", ["-a", "--append", "--app"])
def test_append(tmp_path, opt):
    f = tmp_path / "f"
    f.write_bytes(b"line 1\n")
    check(run("tee", opt, str(f), input=b"line 2\n"), out=b"line 2\n")
    assert f.read_bytes() == b"line 1\nline 2\n"


def test_append_creates(tmp_path):
    f = tmp_path / "new"
    check(run("tee", "-a", str(f), input=b"x"), out=b"x")
    assert f.read_bytes() == b"x"


def test_dash_is_a_file_name(tmp_path):
    check(run("tee", "-", input=b"data\n", cwd=str(tmp_path)), out=b"data\n")
    assert (tmp_path / "-").read_bytes() == b"data\n"


def test_ignore_interrupts_option(tmp_path):
    f = tmp_path / "f"
    check(run("tee", "-i", str(f), input=b"a\n"), out=b"a\n")
    check(run("tee", "--ignore-interrupts", input=b"b\n"), out=b"b\n")


@pytest.mark.skipif(ON_WINE, reason="needs POSIX signals")
def test_ignore_interrupts_survives_sigint(tmp_path):
    p = subprocess.Popen(COREBOX + ["tee", "-i"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=BASE_ENV)
    p.stdin.write(b"before\n")
    p.stdin.flush()
    assert os.read(p.stdout.fileno(), 100) == b"before\n"
    p.send_signal(signal.SIGINT)
    p.stdin.write(b"after\n")
    p.stdin.close()
    rest = p.stdout.read()
    p.wait(timeout=30)
    assert (p.returncode, rest) == (0, b"after\n")


def test_output_is_not_held_back():
    p = subprocess.Popen(COREBOX + ["tee"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=BASE_ENV)
    p.stdin.write(b"partial")
    p.stdin.flush()
    first = os.read(p.stdout.fileno(), 100)
    p.stdin.close()
    p.wait(timeout=30)
    assert (first, p.returncode) == (b"partial", 0)


# ---- errors on outputs ------------------------------------------------------

def test_unopenable_file_goes_on(tmp_path):
    ok = tmp_path / "ok"
    bad = str(tmp_path / "no" / "such")
    check(run("tee", bad, str(ok), input=b"x\n"), out=b"x\n",
          err=b"tee: %s: No such file or directory\n" % bad.encode(), status=1)
    assert ok.read_bytes() == b"x\n"


def test_directory_as_output(tmp_path):
    check(run("tee", ".", input=b"x\n", cwd=str(tmp_path)), out=b"x\n", err=b"tee: .: Is a directory\n", status=1)


def test_output_error_exit_stops_at_open(tmp_path):
    later = tmp_path / "later"
    check(run("tee", "--output-error=exit", "no/such", str(later), input=b"x\n", cwd=str(tmp_path)),
          err=b"tee: no/such: No such file or directory\n", status=1)
    assert not later.exists()


@pytest.mark.skipif(ON_WINE, reason="needs POSIX file permissions")
def test_read_only_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can write any file")
    f = tmp_path / "ro"
    f.write_bytes(b"")
    os.chmod(f, 0o444)
    check(run("tee", "-p", "ro", cwd=str(tmp_path)), err=b"tee: ro: Permission denied\n", status=1)


@needs_dev_full
def test_dev_full_file_other_outputs_complete(tmp_path):
    data = b"".join(b"%d\n" % i for i in range(10000))
    out2 = tmp_path / "out2"
    check(run("tee", "/dev/full", str(out2), input=data), out=data,
          err=b"tee: /dev/full: No space left on device\n", status=1)
    assert out2.read_bytes() == data


@needs_dev_full
def test_dev_full_stdout(tmp_path):
    data = b"".join(b"%d\n" % i for i in range(10000))
    out1 = tmp_path / "out1"
    with open("/dev/full", "wb") as o:
        r = run("tee", str(out1), input=data, stdout=o)
    check(r, err=b"tee: 'standard output': No space left on device\n", status=1)
    assert out1.read_bytes() == data


@needs_dev_full
def test_all_outputs_failed_stops_early():
    with open("/dev/full", "wb") as o:
        r = run("tee", "/dev/full", input=b"y\n" * 100000, stdout=o)
    check(r, err=b"tee: 'standard output': No space left on device\ntee: /dev/full: No space left on device\n",
          status=1)


@needs_dev_full
def test_output_error_exit_on_write(tmp_path):
    f = tmp_path / "f"
    with open("/dev/full", "wb") as o:
        r = run("tee", "--output-error=exit", str(f), input=b"x\n", stdout=o)
    check(r, err=b"tee: 'standard output': No space left on device\n", status=1)
    assert f.read_bytes() == b""


def test_closed_stdout(tmp_path):
    f = tmp_path / "f"
    p = subprocess.run(COREBOX + ["tee", str(f)], input=b"x\n", stderr=subprocess.PIPE, env=BASE_ENV,
                       stdout=subprocess.DEVNULL, preexec_fn=lambda: os.close(1))
    assert (p.returncode, p.stderr) == (1, b"tee: 'standard output': Bad file descriptor\n")
    assert f.read_bytes() == b"x\n"


@wine_closed_is_directory
def test_read_error(tmp_path):
    fd = os.open(str(tmp_path), os.O_RDONLY)
    try:
        p = subprocess.run(COREBOX + ["tee"], stdin=fd, capture_output=True, env=BASE_ENV)
    finally:
        os.close(fd)
    assert (p.returncode, p.stdout, p.stderr) == (1, b"", b"tee: read error: Is a directory\n")


# ---- broken pipes and --output-error -------------------------------------------

def test_broken_pipe_default_is_sigpipe():
    assert tee_to_broken_pipe() == (SIGPIPE_STATUS, b"")


@pytest.mark.parametrize("args", [["-p"], ["--output-error"], ["--output-error=warn-nopipe"],
                                  ["--output-error=exit-nopipe"], ["--output-error=exit-n"]])
def test_broken_pipe_nopipe_modes_quiet(args):
    assert tee_to_broken_pipe(*args) == (0, b"")


def test_broken_pipe_warn():
    assert tee_to_broken_pipe("--output-error=warn") == (1, b"tee: 'standard output': Broken pipe\n")


def test_broken_pipe_exit(tmp_path):
    f = tmp_path / "f"
    assert tee_to_broken_pipe("--output-error=exit", str(f)) == (1, b"tee: 'standard output': Broken pipe\n")


def test_broken_pipe_p_other_outputs_go_on(tmp_path):
    f = tmp_path / "f"
    data = b"z\n" * 100000
    assert tee_to_broken_pipe("-p", str(f), data=data) == (0, b"")
    assert f.read_bytes() == data


@wine_pipe_state
def test_p_leaves_when_reader_goes_while_input_idle():
    # The input stays open and silent; tee -p notices that its only output
    # lost its reader and ends without waiting for input.
    r, w = os.pipe()
    inr, inw = os.pipe()
    p = subprocess.Popen(COREBOX + ["tee", "-p"], stdin=inr, stdout=w, stderr=subprocess.PIPE, env=BASE_ENV)
    os.close(inr)
    os.close(w)
    os.close(r)
    try:
        err = p.stderr.read()
        p.wait(timeout=30)
    finally:
        os.close(inw)
    assert (p.returncode, err) == (0, b"")


def test_invalid_mode():
    check(run("tee", "--output-error=bogus"),
          err=b"tee: invalid argument 'bogus' for '--output-error'\n" + MODES_LIST, status=1)


def test_ambiguous_mode():
    check(run("tee", "--output-error=w"),
          err=b"tee: ambiguous argument 'w' for '--output-error'\n" + MODES_LIST, status=1)


def test_p_takes_no_argument(tmp_path):
    # -pa is -p -a.
    f = tmp_path / "f"
    f.write_bytes(b"1\n")
    check(run("tee", "-pa", str(f), input=b"2\n"), out=b"2\n")
    assert f.read_bytes() == b"1\n2\n"


def test_invalid_option():
    check(run("tee", "-x"), err=b"tee: invalid option -- 'x'\nTry 'tee --help' for more information.\n",
          status=1)


def test_help_and_version():
    r = run("tee", "--help")
    assert r.status == 0 and r.out.startswith(b"Usage: ") and b"--output-error[=MODE]" in r.out
    r = run("tee", "--version")
    assert r.status == 0 and r.out.startswith(b"tee (corebox) ")
