"""head: GNU coreutils 9.10 behaviour."""
import os
import subprocess

import pytest

from conftest import BASE_ENV, COREBOX, check, needs_dev_full, run, run_closed_stdout, unreadable_file

TRY = "Try 'head --help' for more information.\n"

NUMS = b"".join(b"%d\n" % i for i in range(1, 21))          # 1..20
BIG = b"".join(b"%d\n" % i for i in range(1, 200001))       # ~1.3 MB, many chunks


def lines(a, b):
    """The text of lines A..B of NUMS/BIG."""
    return b"".join(b"%d\n" % i for i in range(a, b + 1))


def argid(value):
    """Test ids from the arguments only (inputs and outputs are long)."""
    return " ".join(value) if isinstance(value, tuple) else "_"


@pytest.fixture
def nums(tmp_path):
    p = tmp_path / "nums"
    p.write_bytes(NUMS)
    return str(p)


@pytest.fixture
def big(tmp_path):
    p = tmp_path / "big"
    p.write_bytes(BIG)
    return str(p)


# ---- the first part ----------------------------------------------------

@pytest.mark.parametrize("args,inp,out", [
    ((), NUMS, lines(1, 10)),
    ((), b"a\nb\n", b"a\nb\n"),
    ((), b"", b""),
    ((), b"a", b"a"),
    (("-n", "3"), NUMS, lines(1, 3)),
    (("--lines=3",), NUMS, lines(1, 3)),
    (("--li", "3"), NUMS, lines(1, 3)),
    (("-n", "0"), NUMS, b""),
    (("-n", "+2"), NUMS, lines(1, 2)),
    (("-n", " 2"), NUMS, lines(1, 2)),
    (("-n", "08"), b"\n" * 12, b"\n" * 8),
    (("-n", "2"), b"a\nb", b"a\nb"),
    (("-n", "2"), b"a\0b\nc\n", b"a\0b\nc\n"),
    (("-c", "5"), NUMS, b"1\n2\n3"),
    (("--bytes=5",), NUMS, b"1\n2\n3"),
    (("-c", "0"), NUMS, b""),
    (("-c", "100"), b"abc", b"abc"),
    (("-c", "3", "-n", "2"), NUMS, lines(1, 2)),
    (("-n", "2", "-c", "3"), NUMS, b"1\n2"),
    (("-z", "-n", "1"), b"x\0y", b"x\0"),
    (("--zero-terminated", "-n", "1"), b"a\nb\0c", b"a\nb\0"),
    (("-n", "1"), b"\xff\xfe\x80\n\xc3\n", b"\xff\xfe\x80\n"),
], ids=argid)
def test_first_part(args, inp, out):
    check(run("head", *args, input=inp), out=out)


@pytest.mark.parametrize("args,out", [
    (("-c", "1k"), BIG[:1024]),
    (("-c", "1kB"), BIG[:1000]),
    (("-c", "1KiB"), BIG[:1024]),
    (("-c", "2b"), BIG[:1024]),
    (("-n", "2048m"), BIG),
    (("-n", "99999999999999999999999"), BIG),
    (("-c", "99999999999999999999999"), BIG),
    (("-c", "1Q"), BIG),
    (("-n", "150000"), lines(1, 150000)),
], ids=argid)
def test_suffixes_and_large_counts(args, out):
    check(run("head", *args, input=BIG), out=out)


# ---- all but the last part ---------------------------------------------

ELIDE = [
    (("-n", "-1"), b"a\nb\nc\n", b"a\nb\n"),
    (("-n", "-1"), b"a\nb\nc", b"a\nb\n"),
    (("-n", "-2"), b"a\nb\nc", b"a\n"),
    (("-n", "-3"), b"a\nb\nc", b""),
    (("-n", "-0"), b"a\nb\nc", b"a\nb\nc"),
    (("-n", "-1"), b"\n\n\n", b"\n\n"),
    (("-c", "-2"), b"abcdef", b"abcd"),
    (("-c", "-6"), b"abcdef", b""),
    (("-c", "-99999999999999999999999"), b"abcdef", b""),
    (("-n", "-99999999999999999999999"), b"a\n", b""),
    (("-z", "-n", "-1"), b"a\0b\0c", b"a\0b\0"),
    (("-n", "-199990"), BIG, lines(1, 10)),
    (("-n", "-10"), BIG, lines(1, 199990)),
    (("-n", "-150000"), BIG, lines(1, 50000)),
    (("-c", "-1000000"), BIG, BIG[:len(BIG) - 1000000]),
    (("-c", "-7"), BIG, BIG[:-7]),
]


@pytest.mark.parametrize("args,inp,out", ELIDE, ids=argid)
def test_elide_from_pipe(args, inp, out):
    check(run("head", *args, input=inp), out=out)


@pytest.mark.parametrize("args,inp,out", ELIDE, ids=argid)
def test_elide_from_file(tmp_path, args, inp, out):
    f = tmp_path / "in"
    f.write_bytes(inp)
    check(run("head", *args, str(f)), out=out)


@pytest.mark.parametrize("args", [("-n", "-10"), ("-c", "-100")])
def test_elide_presume_input_pipe(big, args):
    expect = lines(1, 199990) if args[0] == "-n" else BIG[:-100]
    check(run("head", "---presume-input-pipe", *args, big), out=expect)


def run_sharing_stdin(path, *args):
    """Run head with standard input open on PATH; return its result and the
    offset it left the shared file description at."""
    with open(path, "rb") as f:
        proc = subprocess.run(list(COREBOX) + ["head"] + list(args), stdin=f,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=BASE_ENV, timeout=60)
        return proc, os.lseek(f.fileno(), 0, os.SEEK_CUR)


@pytest.mark.parametrize("args,offset", [
    (("-n", "3"), len(lines(1, 3))),
    (("-n", "1"), 2),
    (("-c", "7"), 7),
    (("-n", "-1"), len(NUMS) - 3),
    (("-n", "-18"), 4),
    (("-c", "-5"), len(NUMS) - 5),
])
def test_leaves_seekable_input_after_output(nums, args, offset):
    proc, pos = run_sharing_stdin(nums, *args)
    assert (proc.returncode, proc.stderr, pos) == (0, b"", offset)
    assert proc.stdout == NUMS[:offset]


@pytest.mark.parametrize("args,offset", [
    # Across the small first reads and the big ones after them.
    (("-n", "30000"), len(lines(1, 30000))),
    (("-n", "2000"), len(lines(1, 2000))),
    (("-c", "100000"), 100000),
    (("-c", "300001"), 300001),
])
def test_big_file_leaves_offset(big, args, offset):
    proc, pos = run_sharing_stdin(big, *args)
    assert (proc.returncode, proc.stderr, pos) == (0, b"", offset)
    assert proc.stdout == BIG[:offset]


def test_elide_lines_of_big_file_leaves_offset(big):
    proc, pos = run_sharing_stdin(big, "-n", "-50000")
    assert (proc.returncode, proc.stderr) == (0, b"")
    assert pos == len(lines(1, 150000)) and proc.stdout == lines(1, 150000)


# ---- obsolete syntax --------------------------------------------------

@pytest.mark.parametrize("args,inp,out", [
    (("-1",), b"1\n2\n", b"1\n"),
    (("-1c",), b"12", b"1"),
    (("-14c",), b"1234567890abcdefg", b"1234567890abcd"),
    (("-2b",), BIG, BIG[:1024]),
    (("-1k",), BIG, BIG[:1024]),
    (("-08",), b"\n" * 12, b"\n" * 8),
    (("-010",), b"\n" * 12, b"\n" * 10),
    (("-3kc",), NUMS, NUMS[:3]),
    (("-2cl",), NUMS, lines(1, 2)),
    (("-1z",), b"a\0b\0", b"a\0"),
    (("-2", "-n", "1"), NUMS, lines(1, 1)),
    (("-99999999999999999999999",), NUMS, NUMS),
], ids=argid)
def test_obsolete_syntax(args, inp, out):
    check(run("head", *args, input=inp), out=out)


def test_obsolete_with_headers(nums):
    check(run("head", "-2v", nums), out=f"==> {nums} <==\n".encode() + lines(1, 2))
    check(run("head", "-2q", nums, nums), out=lines(1, 2) * 2)


@pytest.mark.parametrize("args,msg", [
    (("-5x",), "head: invalid trailing option -- x\n"),
    (("-1c2",), "head: invalid trailing option -- 2\n"),
    (("-n", "2", "-5"), "head: invalid trailing option -- 5\n"),
    (("-c", "1", "-12"), "head: invalid trailing option -- 1\n"),
])
def test_obsolete_syntax_errors(args, msg):
    check(run("head", *args, input=NUMS), err=msg + TRY, status=1)


# ---- headers --------------------------------------------------------------

def test_headers(tmp_path):
    a = tmp_path / "a"
    b = tmp_path / "b"
    a.write_bytes(b"1\n2\n")
    b.write_bytes(b"x")
    check(run("head", "-n", "1", "a", "b", cwd=tmp_path),
          out=b"==> a <==\n1\n\n==> b <==\nx")
    check(run("head", "-n", "1", "-q", "a", "b", cwd=tmp_path), out=b"1\nx")
    check(run("head", "-n", "1", "--silent", "a", "b", cwd=tmp_path), out=b"1\nx")
    check(run("head", "-n", "1", "--quiet", "-v", "a", cwd=tmp_path), out=b"==> a <==\n1\n")
    check(run("head", "--verbose", "-n", "0", "a", "b", cwd=tmp_path),
          out=b"==> a <==\n\n==> b <==\n")
    check(run("head", "-n", "1", "a", "-", cwd=tmp_path, input=b"in\nput\n"),
          out=b"==> a <==\n1\n\n==> standard input <==\nin\n")
    check(run("head", "-v", "-c", "2", cwd=tmp_path, input=b"abc"),
          out=b"==> standard input <==\nab")


def test_stdin_twice(tmp_path):
    check(run("head", "-n", "1", "-", "-", input=b"a\nb\n"),
          out=b"==> standard input <==\na\n\n==> standard input <==\n")


# ---- bad input ------------------------------------------------------------

def test_missing_file_and_directory(tmp_path):
    (tmp_path / "f").write_bytes(b"ok\n")
    (tmp_path / "dir").mkdir()
    check(run("head", "nope", cwd=tmp_path),
          err="head: cannot open 'nope' for reading: No such file or directory\n", status=1)
    check(run("head", "dir", "f", cwd=tmp_path),
          out=b"==> dir <==\n\n==> f <==\nok\n",
          err="head: error reading 'dir': Is a directory\n", status=1)
    check(run("head", "-n", "-1", "dir", cwd=tmp_path),
          err="head: error reading 'dir': Is a directory\n", status=1)
    check(run("head", "-c", "-1", "nope", "f", cwd=tmp_path), out=b"==> f <==\nok",
          err="head: cannot open 'nope' for reading: No such file or directory\n", status=1)
    check(run("head", "a b", cwd=tmp_path),
          err="head: cannot open 'a b' for reading: No such file or directory\n", status=1)


def test_unreadable_file(tmp_path):
    f = unreadable_file(tmp_path)
    check(run("head", str(f)),
          err=f"head: cannot open '{f}' for reading: Permission denied\n", status=1)


@pytest.mark.parametrize("args,msg", [
    (("-n", "1x"), "head: invalid number of lines: '1x'\n"),
    (("-n", ""), "head: invalid number of lines: ''\n"),
    (("-n", "--5"), "head: invalid number of lines: '-5'\n"),
    (("-n", "-"), "head: invalid number of lines: ''\n"),
    (("-c", "1e"), "head: invalid number of bytes: '1e'\n"),
    (("-c", "-1x"), "head: invalid number of bytes: '1x'\n"),
    (("-c", "1kb"), "head: invalid number of bytes: '1kb'\n"),
    (("-c", "1B"), "head: invalid number of bytes: '1B'\n"),
    (("--bytes=abc",), "head: invalid number of bytes: 'abc'\n"),
    (("-n", "99999999999999999999x"), "head: invalid number of lines: '99999999999999999999x'\n"),
])
def test_invalid_numbers(args, msg):
    check(run("head", *args, input=NUMS), err=msg, status=1)


@pytest.mark.parametrize("args,msg", [
    (("-x",), "head: invalid option -- 'x'\n"),
    (("-n",), "head: option requires an argument -- 'n'\n"),
    (("--lines",), "head: option '--lines' requires an argument\n"),
    (("--bogus",), "head: unrecognized option '--bogus'\n"),
    (("--quiet=1",), "head: option '--quiet' doesn't allow an argument\n"),
])
def test_invalid_options(args, msg):
    check(run("head", *args, input=NUMS), err=msg + TRY, status=1)


def test_posixly_correct_stops_at_operand(nums):
    r = run("head", nums, "-n", "1", env={"POSIXLY_CORRECT": "1"})
    check(r, out=f"==> {nums} <==\n".encode() + lines(1, 10),
          err="head: cannot open '-n' for reading: No such file or directory\n"
              "head: cannot open '1' for reading: No such file or directory\n", status=1)


def test_closed_stdin():
    argv = list(COREBOX) + ["head"]
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=BASE_ENV,
                          preexec_fn=lambda: os.close(0))
    assert (proc.returncode, proc.stdout, proc.stderr) == (
        1, b"", b"head: error reading 'standard input': Bad file descriptor\n"
                b"head: -: Bad file descriptor\n")


@needs_dev_full
def test_dev_full(nums):
    with open("/dev/full", "wb") as full:
        r = run("head", "-n", "2", nums, stdout=full)
    check(r, err="head: write error: No space left on device\n", status=1)


@needs_dev_full
@pytest.mark.parametrize("args", [("-c", "1M"), ("-n", "-1"), ("-c", "-1")], ids=argid)
def test_dev_full_while_running(big, args):
    """Failing to write a large output is reported at once, as GNU does."""
    with open("/dev/full", "wb") as full:
        r = run("head", *args, big, stdout=full)
    check(r, err="head: error writing 'standard output': No space left on device\n", status=1)


def test_closed_stdout(nums):
    assert run_closed_stdout("head", "-n", "1", nums) == (1, b"head: write error: Bad file descriptor\n")
    assert run_closed_stdout("head", "-n", "0", nums) == (0, b"")


def test_help_and_version():
    r = run("head", "--help")
    assert r.status == 0 and r.err == b""
    assert r.stdout.startswith("Usage: head [OPTION]... [FILE]...\n")
    for opt in ("--bytes=[-]NUM", "--lines=[-]NUM", "--quiet", "--verbose", "--zero-terminated"):
        assert opt in r.stdout
    r = run("head", "--version")
    assert r.status == 0 and r.stdout.startswith("head (corebox) ")
