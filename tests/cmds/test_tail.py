"""tail: GNU coreutils 9.10 behaviour, following included."""
import os
import select
import signal
import subprocess
import threading
import time

import pytest

from conftest import (BASE_ENV, COREBOX, ON_WINE, SIGPIPE_STATUS, check, needs_dev_full, run, run_closed_stdout,
                      unreadable_file, wine_pipe_state)

TRY = "Try 'tail --help' for more information.\n"

NUMS = b"".join(b"%d\n" % i for i in range(1, 21))          # 1..20
BIG = b"".join(b"%d\n" % i for i in range(1, 200001))       # ~1.3 MB, many chunks
XY = b"x\n" + b"y\n" * 10 + b"z"


def lines(a, b):
    return b"".join(b"%d\n" % i for i in range(a, b + 1))


def argid(value):
    """Test ids from the arguments only (inputs and outputs are long)."""
    return " ".join(value) if isinstance(value, tuple) else "_"


# ---- the last part ----------------------------------------------------------

LAST = [
    ((), NUMS, lines(11, 20)),
    ((), b"a\nb\n", b"a\nb\n"),
    ((), b"", b""),
    ((), b"a", b"a"),
    (("-n", "3"), NUMS, lines(18, 20)),
    (("--lines=3",), NUMS, lines(18, 20)),
    (("-n", "-3"), NUMS, lines(18, 20)),
    (("-n", "0"), NUMS, b""),
    (("-n", "1"), b"x\ny", b"y"),
    (("-n", "1"), b"x\ny\n", b"y\n"),
    (("-n", "2"), b"\n\n\n", b"\n\n"),
    (("-n", "+18"), NUMS, lines(18, 20)),
    (("-n", "+0"), b"y\n" * 5, b"y\n" * 5),
    (("-n", "+1"), b"y\n" * 5, b"y\n" * 5),
    (("-n", "+10"), XY, b"y\ny\nz"),
    (("-n", "+99"), NUMS, b""),
    (("-c", "2"), b"abcd\n", b"d\n"),
    (("-c2",), b"abcd\n", b"d\n"),
    (("--bytes=+3",), b"abcd", b"cd"),
    (("-c", "+0"), b"abcd", b"abcd"),
    (("-c", "9"), b"abcd", b"abcd"),
    (("-c", "0"), b"abcd", b""),
    (("-c", "1k"), BIG, BIG[-1024:]),
    (("-c", "1kB"), BIG, BIG[-1000:]),
    (("-c", "2b"), BIG, BIG[-1024:]),
    (("-n", "150000"), BIG, lines(50001, 200000)),
    (("-n", "+150000"), BIG, lines(150000, 200000)),
    (("-c", "1000000"), BIG, BIG[-1000000:]),
    (("-c", "+1000000"), BIG, BIG[999999:]),
    (("-n", "99999999999999999999"), NUMS, NUMS),
    (("-c", "99999999999999999999"), NUMS, NUMS),
    (("-n", "+99999999999999999999"), NUMS, b""),
    (("-z", "-n", "1"), b"x\0y", b"y"),
    (("-z", "-n", "2"), b"x\0y", b"x\0y"),
    (("-z", "-n", "+2"), b"a\0b\0c\0", b"b\0c\0"),
    (("-n", "1"), b"\xff\xfe\n\x80\xc3\n", b"\x80\xc3\n"),
    (("-n", "2"), b"a\0b\nc\nd", b"c\nd"),
]


@pytest.mark.parametrize("args,inp,out", LAST, ids=argid)
def test_last_part_of_pipe(args, inp, out):
    check(run("tail", *args, input=inp), out=out)


@pytest.mark.parametrize("args,inp,out", LAST, ids=argid)
def test_last_part_of_file(tmp_path, args, inp, out):
    f = tmp_path / "in"
    f.write_bytes(inp)
    check(run("tail", *args, str(f)), out=out)


@pytest.mark.parametrize("args,out", [
    (("-n", "5"), lines(199996, 200000)),
    (("-c", "10"), BIG[-10:]),
    (("-n", "+199999"), lines(199999, 200000)),
], ids=argid)
def test_presume_input_pipe(tmp_path, args, out):
    f = tmp_path / "big"
    f.write_bytes(BIG)
    check(run("tail", "---presume-input-pipe", *args, str(f)), out=out)


LONG = b"a" * 100000 + b"\n" + b"b" * 70000 + b"\n"     # lines longer than a read


@pytest.mark.parametrize("args,inp,out", [
    # The last lines span several backward reads (small ones, then big).
    (("-n", "30000"), BIG, lines(170001, 200000)),
    (("-n", "199999"), BIG, lines(2, 200000)),
    (("-n", "200001"), BIG, BIG),
    # Lines longer than the first (and the second) read.
    (("-n", "1"), LONG, b"b" * 70000 + b"\n"),
    (("-n", "2"), LONG, LONG),
    (("-n", "1"), LONG[:-1], b"b" * 70000),
    (("-n", "1"), b"c" * 16384 + b"\n" + b"d" * 16383 + b"\n", b"d" * 16383 + b"\n"),
    (("-n", "1"), b"e" * 65535 + b"\n" + b"f" * 32768, b"f" * 32768),
    (("-z", "-n", "2"), BIG.replace(b"\n", b"\0"), b"199999\0" + b"200000\0"),
    (("-c", "100000"), BIG, BIG[-100000:]),
    (("-c", "+1000"), BIG, BIG[999:]),
], ids=argid)
def test_big_file(tmp_path, args, inp, out):
    f = tmp_path / "big"
    f.write_bytes(inp)
    check(run("tail", *args, str(f)), out=out)


def test_stdin_at_an_offset(tmp_path):
    """Only the part after standard input's offset is looked at."""
    f = tmp_path / "in"
    f.write_bytes(NUMS)
    with open(f, "rb") as fh:
        fh.seek(len(lines(1, 17)))
        proc = subprocess.run(list(COREBOX) + ["tail", "-n", "5"], stdin=fh,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=BASE_ENV)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, lines(18, 20), b"")


# ---- obsolete syntax ----------------------------------------------------

@pytest.mark.parametrize("args,inp,out,env", [
    (("+2c",), b"abcd", b"bcd", None),
    (("+8c",), b"abcd", b"", None),
    (("+999999999999999999999999999999999999999999c",), b"abcd", b"", None),
    (("-1c",), b"abcd", b"d", None),
    (("-9c",), b"abcd", b"abcd", None),
    (("-12c",), b"x" + b"y" * 12 + b"z", b"y" * 11 + b"z", None),
    (("-1l",), b"x\ny\n", b"y\n", None),
    (("-1",), b"x\ny", b"y", None),
    (("+1l",), b"x\ny\n", b"x\ny\n", None),
    (("+2",), b"x\ny\n", b"y\n", None),
    (("+c",), b"x" + b"y" * 10 + b"z", b"yyz", None),
    (("+l",), b"x\n" + b"y\n" * 10 + b"z", b"y\ny\nz", None),
    (("-l",), XY, b"y\n" * 9 + b"z", None),
    (("-b",), b"x\n" * 2561, b"x\n" * 2560, None),
    (("-",), XY, b"y\n" * 9 + b"z", {"_POSIX2_VERSION": "199209"}),
    (("-c",), XY, XY[-10:], {"_POSIX2_VERSION": "199209"}),
    (("-c", "2"), b"abcd\n", b"d\n", {"_POSIX2_VERSION": "200112"}),
    (("-2", "--"), b"a\nb\nc\n", b"b\nc\n", None),
    (("-c99999999999999999999",), b"abc", b"abc", None),
], ids=argid)
def test_obsolete_syntax(args, inp, out, env):
    check(run("tail", *args, input=inp, env=env), out=out)


def test_obsolete_with_one_file(tmp_path):
    f = tmp_path / "in"
    f.write_bytes(NUMS)
    check(run("tail", "-2", str(f)), out=lines(19, 20))
    check(run("tail", "+19", str(f)), out=lines(19, 20))
    check(run("tail", "-3c", "--", str(f)), out=b"20\n")


@pytest.mark.parametrize("args,err,env", [
    (("+cl",), "tail: cannot open '+cl' for reading: No such file or directory\n", None),
    (("-cl",), "tail: invalid number of bytes: 'l'\n", None),
    (("+2cz",), "tail: cannot open '+2cz' for reading: No such file or directory\n", None),
    (("-2cX",), "tail: option used in invalid context -- 2\n", None),
    (("-c", "--"), "tail: invalid number of bytes: '-'\n", {"_POSIX2_VERSION": "200112"}),
    (("+2",), "tail: cannot open '+2' for reading: No such file or directory\n",
     {"_POSIX2_VERSION": "200112"}),
    (("-5", "a", "b"), "tail: option used in invalid context -- 5\n", None),
    (("-n", "1", "-5"), "tail: option used in invalid context -- 5\n", None),
], ids=argid)
def test_obsolete_syntax_errors(args, err, env):
    check(run("tail", *args, input=b"", env=env), err=err, status=1)


def test_posixly_correct(tmp_path):
    f = tmp_path / "xy"
    f.write_bytes(b"x\ny\n")
    check(run("tail", str(f), "-n", "1", env={"POSIXLY_CORRECT": "1"}),
          out=f"==> {f} <==\nx\ny\n".encode(),
          err="tail: cannot open '-n' for reading: No such file or directory\n"
              "tail: cannot open '1' for reading: No such file or directory\n", status=1)
    check(run("tail", str(f), "-n", "1"), out=b"y\n")
    # -f is ignored when standard input is a pipe.
    check(run("tail", "-f", "-n", "1", input=b"a\nb\n", env={"POSIXLY_CORRECT": "1"}), out=b"b\n")


# ---- headers --------------------------------------------------------------

def test_headers(tmp_path):
    (tmp_path / "a").write_bytes(b"1\n2\n")
    (tmp_path / "b").write_bytes(b"x")
    check(run("tail", "-n", "1", "a", "b", cwd=tmp_path), out=b"==> a <==\n2\n\n==> b <==\nx")
    check(run("tail", "-n", "1", "-q", "a", "b", cwd=tmp_path), out=b"2\nx")
    check(run("tail", "-n", "1", "--silent", "-v", "a", cwd=tmp_path), out=b"==> a <==\n2\n")
    check(run("tail", "-c", "1", "b", "-", cwd=tmp_path, input=b"in"),
          out=b"==> b <==\nx\n==> standard input <==\nn")
    check(run("tail", "-n", "0", "-v", "a", cwd=tmp_path), out=b"")
    check(run("tail", "-n", "+0", "-v", "-", "-", input=b"q\n"),
          out=b"==> standard input <==\nq\n\n==> standard input <==\n")


# ---- bad input ------------------------------------------------------------

def test_missing_file_and_directory(tmp_path):
    (tmp_path / "f").write_bytes(b"ok\n")
    (tmp_path / "dir").mkdir()
    check(run("tail", "nope", cwd=tmp_path),
          err="tail: cannot open 'nope' for reading: No such file or directory\n", status=1)
    check(run("tail", "nope", "f", cwd=tmp_path), out=b"==> f <==\nok\n",
          err="tail: cannot open 'nope' for reading: No such file or directory\n", status=1)
    check(run("tail", "dir", "f", cwd=tmp_path), out=b"==> dir <==\n\n==> f <==\nok\n",
          err="tail: error reading 'dir': Is a directory\n", status=1)
    check(run("tail", "-n", "+2", "dir", cwd=tmp_path),
          err="tail: error reading 'dir': Is a directory\n", status=1)
    check(run("tail", "-c", "3", "dir", cwd=tmp_path),
          err="tail: error reading 'dir': Is a directory\n", status=1)
    # Nothing to print: nothing is read, not even a missing file.
    check(run("tail", "-n", "0", "nope", cwd=tmp_path))
    check(run("tail", "-c", "+99999999999999999999", "nope", cwd=tmp_path))


def test_unreadable_file(tmp_path):
    f = unreadable_file(tmp_path)
    check(run("tail", str(f)),
          err=f"tail: cannot open '{f}' for reading: Permission denied\n", status=1)


@pytest.mark.parametrize("args,msg", [
    (("-n", "1x"), "tail: invalid number of lines: '1x'\n"),
    (("-n", "-x"), "tail: invalid number of lines: 'x'\n"),
    (("-n", "++5"), "tail: invalid number of lines: '++5'\n"),
    (("-n", "--5"), "tail: invalid number of lines: '-5': Value too large for defined data type\n"),
    (("-c", "1e"), "tail: invalid number of bytes: '1e'\n"),
    (("-c", ""), "tail: invalid number of bytes: ''\n"),
    (("--max-unchanged-stats=1k",),
     "tail: invalid maximum number of unchanged stats between opens: '1k'\n"),
    (("--max-unchanged-stats=-1",),
     "tail: invalid maximum number of unchanged stats between opens: '-1': "
     "Value too large for defined data type\n"),
    (("--pid=x",), "tail: invalid PID: 'x'\n"),
    (("--pid=-1",), "tail: invalid PID: '-1'\n"),
    (("--pid=99999999999",), "tail: invalid PID: '99999999999': Value too large for defined data type\n"),
    (("-s", "x"), "tail: invalid number of seconds: 'x'\n"),
    (("-s", "-1"), "tail: invalid number of seconds: '-1'\n"),
    (("-s", "1s"), "tail: invalid number of seconds: '1s'\n"),
    (("-s", "nan"), "tail: invalid number of seconds: 'nan'\n"),
    (("-F", "-"), "tail: cannot follow '-' by name\n"),
    (("--follow=name",), "tail: cannot follow '-' by name\n"),
], ids=argid)
def test_invalid_arguments(args, msg):
    check(run("tail", *args, input=NUMS), err=msg, status=1)


@pytest.mark.parametrize("args,msg", [
    (("-x",), "tail: invalid option -- 'x'\n"),
    (("-c",), "tail: option requires an argument -- 'c'\n"),
    (("-n", "1", "-s"), "tail: option requires an argument -- 's'\n"),
    (("--lines",), "tail: option '--lines' requires an argument\n"),
    (("--follow=x",), "tail: invalid argument 'x' for '--follow'\n"
                      "Valid arguments are:\n  - 'descriptor'\n  - 'name'\n"),
], ids=argid)
def test_invalid_options(args, msg):
    check(run("tail", *args, input=NUMS), err=msg + TRY, status=1)


def test_warnings(tmp_path):
    f = tmp_path / "f"
    f.write_bytes(b"a\nb\n")
    check(run("tail", "--retry", "-n", "1", str(f)), out=b"b\n",
          err="tail: warning: --retry ignored; --retry is useful only when following\n")
    check(run("tail", "--pid=1", "-n", "1", str(f)), out=b"b\n",
          err="tail: warning: PID ignored; --pid=PID is useful only when following\n")
    check(run("tail", "-s", "0.5", "--max-unchanged-stats=3", "-n", "1", str(f)), out=b"b\n")


def test_closed_stdin():
    argv = list(COREBOX) + ["tail"]
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=BASE_ENV,
                          preexec_fn=lambda: os.close(0))
    assert (proc.returncode, proc.stdout, proc.stderr) == (
        1, b"", b"tail: cannot fstat 'standard input': Bad file descriptor\n"
                b"tail: -: Bad file descriptor\n")


@needs_dev_full
def test_dev_full(tmp_path):
    f = tmp_path / "f"
    f.write_bytes(NUMS)
    with open("/dev/full", "wb") as full:
        r = run("tail", "-n", "2", str(f), stdout=full)
    check(r, err="tail: write error: No space left on device\n", status=1)


def test_closed_stdout(tmp_path):
    f = tmp_path / "f"
    f.write_bytes(NUMS)
    assert run_closed_stdout("tail", "-n", "1", str(f)) == (1, b"tail: write error: Bad file descriptor\n")


def test_follow_closed_stdout(tmp_path):
    f = tmp_path / "f"
    f.write_bytes(NUMS)
    assert run_closed_stdout("tail", "-f", "-n", "0", str(f)) == (
        1, b"tail: standard output: Bad file descriptor\n")
    assert run_closed_stdout("tail", "-f", "-n", "1", str(f)) == (
        1, b"tail: standard output: Bad file descriptor\ntail: write error: Bad file descriptor\n")


@needs_dev_full
def test_dev_full_while_running(tmp_path):
    f = tmp_path / "big"
    f.write_bytes(BIG)
    with open("/dev/full", "wb") as full:
        r = run("tail", "-c", "1M", str(f), stdout=full)
    check(r, err="tail: error writing 'standard output': No space left on device\n", status=1)


def test_help_and_version():
    r = run("tail", "--help")
    assert r.status == 0 and r.err == b""
    assert r.stdout.startswith("Usage: tail [OPTION]... [FILE]...\n")
    for opt in ("--bytes=[+]NUM", "--lines=[+]NUM", "--follow[={name|descriptor}]", "-F",
                "--max-unchanged-stats=N", "--pid=PID", "--retry", "--sleep-interval=N",
                "--zero-terminated", "--debug"):
        assert opt in r.stdout
    r = run("tail", "--version")
    assert r.status == 0 and r.stdout.startswith("tail (corebox) ")


# ---- following ----------------------------------------------------------------

# Polling is the fallback where the system has no change notification;
# ---disable-inotify forces it, with short sleeps to keep the tests fast.
MODES = [pytest.param([], id="notify"),
         pytest.param(["---disable-inotify", "-s", "0.1", "--max-unchanged-stats=1"], id="poll")]
DEADLINE = 20


class Tail:
    """A `tail` running in the background, its output read as it comes."""

    def __init__(self, *args, cwd=None, stdin=subprocess.DEVNULL):
        self.proc = subprocess.Popen(list(COREBOX) + ["tail"] + list(args), cwd=cwd, stdin=stdin,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=BASE_ENV)
        self.out = b""
        self.err = b""

    def _pump(self, timeout):
        """Read what is there within TIMEOUT; False when nothing was."""
        streams = [s for s in (self.proc.stdout, self.proc.stderr) if not s.closed]
        if not streams:
            time.sleep(timeout)
            return False
        ready, _, _ = select.select(streams, [], [], timeout)
        got = False
        for s in ready:
            data = os.read(s.fileno(), 65536)
            if not data:
                s.close()
            elif s is self.proc.stdout:
                self.out += data
            else:
                self.err += data
            got |= bool(data)
        return got

    def expect(self, out, err=b""):
        """Wait until the output so far is exactly OUT and ERR."""
        deadline = time.monotonic() + DEADLINE
        while (self.out, self.err) != (out, err) and time.monotonic() < deadline:
            self._pump(0.05)
        assert (self.out, self.err) == (out, err)

    def wait(self):
        """Wait for tail to end by itself; its status."""
        deadline = time.monotonic() + DEADLINE
        while self.proc.poll() is None and time.monotonic() < deadline:
            self._pump(0.05)
        status = self.proc.poll()
        if status is None:
            self.stop()
        assert status is not None, "tail did not end by itself"
        while self._pump(0):
            pass
        return status

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self.proc.stdout.close()
        self.proc.stderr.close()


@pytest.fixture
def follow():
    started = []

    def start(*args, **kw):
        t = Tail(*args, **kw)
        started.append(t)
        return t
    yield start
    for t in started:
        t.stop()


def append(path, data):
    with open(path, "ab") as f:
        f.write(data)


@pytest.mark.parametrize("mode", MODES)
def test_follow_appended_data(tmp_path, follow, mode):
    f = tmp_path / "log"
    f.write_bytes(b"1\n2\n3\n")
    t = follow(*mode, "-f", "-n", "2", str(f))
    t.expect(b"2\n3\n")
    append(f, b"4\n")
    t.expect(b"2\n3\n4\n")
    append(f, b"no newline")
    t.expect(b"2\n3\n4\nno newline")


@pytest.mark.parametrize("mode", MODES)
def test_follow_truncated(tmp_path, follow, mode):
    f = tmp_path / "log"
    f.write_bytes(b"one\ntwo\n")
    t = follow(*mode, "-f", str(f))
    t.expect(b"one\ntwo\n")
    f.write_bytes(b"3\n")
    t.expect(b"one\ntwo\n3\n", f"tail: {f}: file truncated\n".encode())


@pytest.mark.parametrize("mode", MODES)
def test_follow_several_files(tmp_path, follow, mode):
    (tmp_path / "a").write_bytes(b"a1\n")
    (tmp_path / "b").write_bytes(b"b1\n")
    t = follow(*mode, "-f", "a", "b", cwd=tmp_path)
    first = b"==> a <==\na1\n\n==> b <==\nb1\n"
    t.expect(first)
    append(tmp_path / "b", b"b2\n")
    t.expect(first + b"b2\n")
    append(tmp_path / "a", b"a2\n")
    t.expect(first + b"b2\n\n==> a <==\na2\n")
    append(tmp_path / "a", b"a3\n")
    t.expect(first + b"b2\n\n==> a <==\na2\na3\n")


@pytest.mark.parametrize("mode", MODES)
def test_follow_descriptor_after_rename(tmp_path, follow, mode):
    f = tmp_path / "log"
    f.write_bytes(b"a\n")
    t = follow(*mode, "-f", str(f))
    t.expect(b"a\n")
    os.rename(f, tmp_path / "moved")
    append(tmp_path / "moved", b"b\n")
    t.expect(b"a\nb\n")


@pytest.mark.parametrize("mode", MODES)
def test_follow_name_rotation(tmp_path, follow, mode):
    f = tmp_path / "log"
    f.write_bytes(b"a\n")
    t = follow(*mode, "-F", "log", cwd=tmp_path)
    t.expect(b"a\n")
    os.rename(f, tmp_path / "log.1")
    gone = b"tail: 'log' has become inaccessible: No such file or directory\n"
    t.expect(b"a\n", gone)
    f.write_bytes(b"b\n")
    appeared = gone + b"tail: 'log' has appeared;  following new file\n"
    t.expect(b"a\nb\n", appeared)
    (tmp_path / "new").write_bytes(b"c\n")
    os.rename(tmp_path / "new", f)
    t.expect(b"a\nb\nc\n", appeared + b"tail: 'log' has been replaced;  following new file\n")
    append(f, b"d\n")
    t.expect(b"a\nb\nc\nd\n", appeared + b"tail: 'log' has been replaced;  following new file\n")


@pytest.mark.parametrize("mode", MODES)
def test_follow_name_retry_missing_at_start(tmp_path, follow, mode):
    t = follow(*mode, "-F", "later", cwd=tmp_path)
    cannot = b"tail: cannot open 'later' for reading: No such file or directory\n"
    t.expect(b"", cannot)
    (tmp_path / "later").write_bytes(b"hello\n")
    t.expect(b"hello\n", cannot + b"tail: 'later' has appeared;  following new file\n")


@pytest.mark.parametrize("mode", MODES)
def test_follow_name_without_retry_ends(tmp_path, follow, mode):
    f = tmp_path / "log"
    f.write_bytes(b"a\n")
    t = follow(*mode, "--follow=name", "log", cwd=tmp_path)
    t.expect(b"a\n")
    f.unlink()
    assert t.wait() == 1
    assert (t.out, t.err) == (b"a\n", b"tail: 'log' has become inaccessible: No such file or directory\n"
                                      b"tail: no files remaining\n")


def test_follow_missing_file_ends(tmp_path):
    for args in (("-f",), ("--follow=name",), ("-f", "---disable-inotify")):
        check(run("tail", *args, "nope", cwd=tmp_path),
              err="tail: cannot open 'nope' for reading: No such file or directory\n"
                  "tail: no files remaining\n", status=1)


def test_follow_descriptor_retry_gives_up_on_directory(tmp_path, follow):
    t = follow("-s", "0.1", "--follow=descriptor", "--retry", "d", cwd=tmp_path)
    start = (b"tail: warning: --retry only effective for the initial open\n"
             b"tail: cannot open 'd' for reading: No such file or directory\n")
    t.expect(b"", start)
    (tmp_path / "d").mkdir()
    assert t.wait() == 1
    assert t.err == start + (b"tail: 'd' has been replaced with an untailable file; giving up on this name\n"
                             b"tail: no files remaining\n")


def test_follow_directory_operand(tmp_path, follow):
    (tmp_path / "d").mkdir()
    (tmp_path / "f").write_bytes(b"x\n")
    t = follow("-f", "d", "f", cwd=tmp_path)
    t.expect(b"==> d <==\n\n==> f <==\nx\n",
             b"tail: error reading 'd': Is a directory\n"
             b"tail: d: cannot follow end of this type of file; giving up on this name\n")
    append(tmp_path / "f", b"y\n")
    t.expect(b"==> d <==\n\n==> f <==\nx\ny\n",
             b"tail: error reading 'd': Is a directory\n"
             b"tail: d: cannot follow end of this type of file; giving up on this name\n")


def test_follow_regular_stdin(tmp_path, follow):
    f = tmp_path / "log"
    f.write_bytes(b"a\n")
    with open(f, "rb") as fh:
        t = follow("-f", "-s", "0.1", stdin=fh)
    t.expect(b"a\n")
    append(f, b"b\n")
    t.expect(b"a\nb\n")


def test_follow_ignores_stdin_pipe():
    check(run("tail", "-f", "-n", "1", input=b"a\nb\n"), out=b"b\n")
    check(run("tail", "-f", "-c", "+2", "-", input=b"abc"), out=b"bc")


def test_follow_from_start_past_end(tmp_path, follow):
    """The offset is past the end: that looks like truncation (GNU does so too)."""
    f = tmp_path / "log"
    f.write_bytes(b"abc\n")
    t = follow("-c", "+100", "-f", "log", cwd=tmp_path)
    t.expect(b"abc\n", b"tail: log: file truncated\n")


@pytest.mark.skipif(ON_WINE, reason="process ids of the host are not Windows processes")
@pytest.mark.parametrize("mode", MODES)
def test_pid_ends_following(tmp_path, follow, mode):
    f = tmp_path / "log"
    f.write_bytes(b"a\n")
    writer = subprocess.Popen(["sleep", "1"])
    threading.Thread(target=writer.wait, daemon=True).start()   # reap it when it ends
    t = follow(*mode, "-f", "-s", "0.1", f"--pid={writer.pid}", str(f))
    assert t.wait() == 0
    assert (t.out, t.err) == (b"a\n", b"")


@wine_pipe_state
def test_follow_stops_when_reader_goes(tmp_path, follow):
    f = tmp_path / "log"
    f.write_bytes(b"a\n")
    t = follow("-f", "-s", "0.1", str(f))
    t.expect(b"a\n")
    t.proc.stdout.close()
    assert t.wait() == SIGPIPE_STATUS


def test_debug(tmp_path, follow):
    f = tmp_path / "log"
    f.write_bytes(b"")
    t = follow("--debug", "-f", str(f))
    t.expect(b"", b"tail: using notification mode\n")
    t = follow("--debug", "---disable-inotify", "-f", str(f))
    t.expect(b"", b"tail: using polling mode\n")


@needs_dev_full
def test_follow_dev_full(tmp_path):
    f = tmp_path / "f"
    f.write_bytes(b"a\n")
    with open("/dev/full", "wb") as full:
        r = run("tail", "-f", str(f), stdout=full)
    check(r, err="tail: write error: No space left on device\n", status=1)
