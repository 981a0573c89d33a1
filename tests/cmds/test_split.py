"""split: GNU coreutils 9.10 behaviour."""
import os
import subprocess

import pytest

from conftest import BASE_ENV, COREBOX, ON_WINE, check, needs_dev_full, run, run_closed_stdout

TRY = "Try 'split --help' for more information.\n"

needs_sh = pytest.mark.skipif(ON_WINE, reason="--filter needs a POSIX shell")
posix_only = pytest.mark.skipif(ON_WINE, reason="needs POSIX descriptors")

NUMS = b"".join(b"%d\n" % i for i in range(1, 11))   # 1..10, 21 bytes
ABC = b"abcdefghijklmnopqrstuvwxyz0"                  # 27 bytes


def pieces(d, prefix="x"):
    """The output files in directory D whose names start with PREFIX."""
    return {n: (d / n).read_bytes() for n in sorted(os.listdir(d)) if n.startswith(prefix)}


def split_in(tmp_path, *args, input=b"", env=None):
    """Run split in TMP_PATH; return (result, files starting with 'x')."""
    r = run("split", *args, input=input, cwd=tmp_path, env=env)
    return r, pieces(tmp_path)


def lines(a, b):
    return b"".join(b"%d\n" % i for i in range(a, b + 1))


# ---- by lines, bytes and line-bytes ----------------------------------

@pytest.mark.parametrize("args,inp,files", [
    ((), NUMS, {"xaa": NUMS}),
    (("-l", "3"), NUMS, {"xaa": lines(1, 3), "xab": lines(4, 6), "xac": lines(7, 9), "xad": b"10\n"}),
    (("--lines=5",), NUMS, {"xaa": lines(1, 5), "xab": lines(6, 10)}),
    (("-4",), NUMS, {"xaa": lines(1, 4), "xab": lines(5, 8), "xac": lines(9, 10)}),
    (("-1", "-2"), NUMS, {"xaa": lines(1, 2), "xab": lines(3, 4), "xac": lines(5, 6),
                          "xad": lines(7, 8), "xae": lines(9, 10)}),
    (("-12",), NUMS, {"xaa": NUMS}),
    (("-l", "2"), b"a\nb\nc", {"xaa": b"a\nb\n", "xab": b"c"}),
    (("-l", "1"), b"", {}),
    (("-l", "99999999999999999999"), NUMS, {"xaa": NUMS}),
    (("-b", "8"), NUMS, {"xaa": NUMS[:8], "xab": NUMS[8:16], "xac": NUMS[16:]}),
    (("--bytes=1k",), b"y" * 2500, {"xaa": b"y" * 1024, "xab": b"y" * 1024, "xac": b"y" * 452}),
    (("-b", "1kB"), b"y" * 2500, {"xaa": b"y" * 1000, "xab": b"y" * 1000, "xac": b"y" * 500}),
    (("-b", "3"), b"\xff\xfe\x80\xc3\n", {"xaa": b"\xff\xfe\x80", "xab": b"\xc3\n"}),
    (("-C", "6"), NUMS, {"xaa": lines(1, 3), "xab": lines(4, 6), "xac": lines(7, 9),
                         "xad": b"10\n"}),
    (("--line-bytes=3",), b"abcdefg\nh\n", {"xaa": b"abc", "xab": b"def", "xac": b"g\n",
                                            "xad": b"h\n"}),
    (("-C", "4"), b"1\n2222\n3\n4", {"xaa": b"1\n", "xab": b"2222", "xac": b"\n3\n",
                                      "xad": b"4"}),
    (("-C", "1"), b"x\n", {"xaa": b"x", "xab": b"\n"}),
], ids=lambda v: " ".join(v) if isinstance(v, tuple) else "_")
def test_pieces(tmp_path, args, inp, files):
    r, got = split_in(tmp_path, *args, input=inp)
    check(r)
    assert got == files


def test_file_and_prefix(tmp_path):
    (tmp_path / "in").write_bytes(NUMS)
    check(run("split", "-l", "6", "in", "out-", cwd=tmp_path))
    assert pieces(tmp_path, "out-") == {"out-aa": lines(1, 6), "out-ab": lines(7, 10)}


def test_empty_prefix(tmp_path):
    (tmp_path / "in").write_bytes(b"1\n2\n")
    check(run("split", "-l1", "in", "", cwd=tmp_path))
    assert (tmp_path / "aa").read_bytes() == b"1\n"
    assert (tmp_path / "ab").read_bytes() == b"2\n"


def test_large_block_input(tmp_path):
    data = b"".join(b"%d\n" % i for i in range(200000))
    r, got = split_in(tmp_path, "-l", "70000", input=data)
    check(r)
    assert b"".join(got.values()) == data
    assert [v.count(b"\n") for v in got.values()] == [70000, 70000, 60000]


# ---- -n CHUNKS -----------------------------------------------------------

@pytest.mark.parametrize("args,inp,files", [
    (("-n", "3"), b"1\n2\n3\n4\n5\n", {"xaa": b"1\n2\n", "xab": b"3\n4", "xac": b"\n5\n"}),
    (("-n", "4"), b"abc", {"xaa": b"a", "xab": b"b", "xac": b"c", "xad": b""}),
    (("-e", "-n", "4"), b"abc", {"xaa": b"a", "xab": b"b", "xac": b"c"}),
    (("-n", "l/3"), b"1\n2\n3\n4\n5\n", {"xaa": b"1\n2\n", "xab": b"3\n4\n", "xac": b"5\n"}),
    (("-n", "l/3"), b"12345678\n1\n", {"xaa": b"12345678\n", "xab": b"", "xac": b"1\n"}),
    (("-e", "-n", "l/3"), b"12345678\n1\n", {"xaa": b"12345678\n", "xab": b"1\n"}),
    (("-n", "r/3"), b"1\n2\n3\n4\n5\n", {"xaa": b"1\n4\n", "xab": b"2\n5\n", "xac": b"3\n"}),
    (("-n", "r/3"), b"1\n", {"xaa": b"1\n", "xab": b"", "xac": b""}),
    (("-e", "-n", "r/3"), b"1\n", {"xaa": b"1\n"}),
    (("-u", "-n", "r/2"), b"a\nb\nc", {"xaa": b"a\nc", "xab": b"b\n"}),
    (("-n", " r/2"), b"a\nb\n", {"xaa": b"a\n", "xab": b"b\n"}),
    (("-n", "2"), b"", {"xaa": b"", "xab": b""}),
], ids=lambda v: " ".join(v) if isinstance(v, tuple) else "_")
def test_chunks(tmp_path, args, inp, files):
    # Through a file and through a pipe (copied to a temporary file).
    (tmp_path / "in").write_bytes(inp)
    check(run("split", *args, "in", cwd=tmp_path))
    assert pieces(tmp_path) == files
    for name in files:
        os.unlink(tmp_path / name)
    r, got = split_in(tmp_path, *args, input=inp)
    check(r)
    assert got == files


@pytest.mark.parametrize("chunk,out", [
    ("1/3", b"1\n2\n"),
    ("2/3", b"3\n4"),
    ("3/3", b"\n5\n"),
    ("l/1/3", b"1\n2\n"),
    ("l/2/3", b"3\n4\n"),
    ("l/3/3", b"5\n"),
    ("r/1/3", b"1\n4\n"),
    ("r/2/3", b"2\n5\n"),
    ("r/3/3", b"3\n"),
])
def test_chunk_to_stdout(tmp_path, chunk, out):
    (tmp_path / "in").write_bytes(b"1\n2\n3\n4\n5\n")
    check(run("split", "-n", chunk, "in", cwd=tmp_path), out=out)
    check(run("split", "-n", chunk, "-u", cwd=tmp_path, input=b"1\n2\n3\n4\n5\n"), out=out)
    assert pieces(tmp_path) == {}


def test_chunk_line_without_newline(tmp_path):
    (tmp_path / "in").write_bytes(b"12\n34\n5")
    check(run("split", "-n", "l/7/7", "in", cwd=tmp_path), out=b"5")


def test_chunks_larger_than_blocks(tmp_path):
    data = b"".join(b"%d\n" % i for i in range(100000))
    (tmp_path / "in").write_bytes(data)
    check(run("split", "-n", "l/5", "---io-blksize=1000", "in", cwd=tmp_path))
    got = pieces(tmp_path)
    assert len(got) == 5 and b"".join(got.values()) == data
    assert all(v.endswith(b"\n") for v in got.values())
    check(run("split", "-n", "l/2/5", "in", cwd=tmp_path), out=got["xab"])


# ---- record separator ---------------------------------------------------

@pytest.mark.parametrize("sep,inp", [
    (":", b"1:2:3:"),
    ("\\0", b"1\x002\x003\x00"),
])
def test_separator(tmp_path, sep, inp):
    s = inp[1:2]
    r, got = split_in(tmp_path, "-t", sep, "-l", "2", input=inp)
    check(r)
    assert got == {"xaa": b"1" + s + b"2" + s, "xab": b"3" + s}


@pytest.mark.parametrize("args,err", [
    (("-t", ""), "split: empty record separator\n"),
    (("-t", "ab"), "split: multi-character separator 'ab'\n"),
    (("-ta", "-tb"), "split: multiple separator characters specified\n"),
    (("-t", "\n", "-t", ","), "split: multiple separator characters specified\n"),
])
def test_bad_separator(tmp_path, args, err):
    check(run("split", *args, cwd=tmp_path), err=err, status=1)


def test_same_separator_twice(tmp_path):
    check(run("split", "-t:", "-t:", cwd=tmp_path))


# ---- suffixes -------------------------------------------------------------

def test_numeric_and_hex_suffixes(tmp_path):
    inp = b"1\n2\n3\n"
    r, got = split_in(tmp_path, "-d", "-l1", input=inp)
    check(r)
    assert list(got) == ["x00", "x01", "x02"]
    for n in got:
        os.unlink(tmp_path / n)
    r, got = split_in(tmp_path, "--numeric-suffixes=9", "-l1", input=inp)
    check(r)
    assert list(got) == ["x09", "x10", "x11"]
    for n in got:
        os.unlink(tmp_path / n)
    r, got = split_in(tmp_path, "--hex-suffixes=9", "-l1", input=inp)
    check(r)
    assert list(got) == ["x09", "x0a", "x0b"]
    for n in got:
        os.unlink(tmp_path / n)
    r, got = split_in(tmp_path, "-x", "-a", "3", "--additional-suffix=.t", "-l2", input=inp)
    check(r)
    assert got == {"x000.t": b"1\n2\n", "x001.t": b"3\n"}


def test_suffix_widening(tmp_path):
    (tmp_path / "in").write_bytes(b"y" * 91)
    check(run("split", "-b1", "-d", "in", cwd=tmp_path))
    names = sorted(pieces(tmp_path))
    assert len(names) == 91
    assert names[89] == "x89" and names[90] == "x9000"


def test_suffix_widening_letters(tmp_path):
    (tmp_path / "in").write_bytes(b"y" * (25 * 26 + 2))
    check(run("split", "-b1", "in", cwd=tmp_path))
    names = set(pieces(tmp_path))
    assert {"xyz", "xzaaa", "xzaab"} <= names and "xza" not in names


def test_suffixes_exhausted(tmp_path):
    (tmp_path / "in").write_bytes(ABC)
    check(run("split", "-b", "1", "-a", "1", "in", cwd=tmp_path),
          err="split: output file suffixes exhausted\n", status=1)
    got = pieces(tmp_path)
    assert len(got) == 26 and got["xz"] == b"z"


def test_start_without_widening(tmp_path):
    (tmp_path / "in").write_bytes(b"y" * 12)
    check(run("split", "in", "-b1", "--numeric=89", cwd=tmp_path),
          err="split: output file suffixes exhausted\n", status=1)
    assert len(pieces(tmp_path)) == 11


def test_verbose(tmp_path):
    (tmp_path / "in").write_bytes(ABC)
    out = "".join("creating file 'xa%s'\n" % c for c in "abcdefghijklmnopqrstuvwxyz")
    check(run("split", "--verbose", "-b", "1", "-a", "2", "in", cwd=tmp_path),
          out=out + "creating file 'xba'\n")


@pytest.mark.parametrize("args,err", [
    (("-a2", "-n1000"), "split: the suffix length needs to be at least 3\n"),
    (("-a", "1", "--numeric-suffixes=10"),
     "split: numerical suffix start value is too large for the suffix length\n" + TRY),
    (("--numeric-suffixes=1000", "-a", "3"),
     "split: numerical suffix start value is too large for the suffix length\n" + TRY),
    (("--numeric-suffixes=x",), "split: 'x': invalid start value for numerical suffix\n" + TRY),
    (("--numeric-suffixes=-1",), "split: '-1': invalid start value for numerical suffix\n" + TRY),
    (("--hex-suffixes=g",), "split: 'g': invalid start value for hexadecimal suffix\n" + TRY),
    (("--additional-suffix=a/b",), "split: invalid suffix 'a/b', contains directory separator\n" + TRY),
    (("--additional-suffix=a/",), "split: invalid suffix 'a/', contains directory separator\n" + TRY),
    (("-a", "x"), "split: invalid suffix length: 'x'\n"),
    (("--numeric-suffixes=100", "--number=r/100"),
     "split: numerical suffix start value is too large for the suffix length\n" + TRY),
])
def test_suffix_errors(tmp_path, args, err):
    (tmp_path / "in").write_bytes(b"")
    check(run("split", *args, "in", cwd=tmp_path), err=err, status=1)
    assert pieces(tmp_path) == {}


def test_suffix_length_from_count(tmp_path):
    (tmp_path / "in").write_bytes(b"")
    check(run("split", "--numeric-suffixes=1", "--number=r/100", "in", cwd=tmp_path))
    names = sorted(pieces(tmp_path))
    assert names[0] == "x001" and names[-1] == "x100"


def test_zero_suffix_length_means_default(tmp_path):
    r, got = split_in(tmp_path, "-a", "0", input=b"a\n")
    check(r)
    assert got == {"xaa": b"a\n"}


# ---- --filter --------------------------------------------------------------

@needs_sh
def test_filter(tmp_path):
    r, got = split_in(tmp_path, "-l", "4", "--filter=cat > $FILE.f", input=NUMS)
    check(r)
    assert got == {"xaa.f": lines(1, 4), "xab.f": lines(5, 8), "xac.f": lines(9, 10)}


@needs_sh
def test_filter_verbose_and_output(tmp_path):
    check(run("split", "-n", "r/2", "--verbose", "--filter=tr 0-9 a-j", cwd=tmp_path,
              input=b"1\n2\n3\n"),
          out=b"b\nd\nc\nexecuting with FILE=xaa\nexecuting with FILE=xab\n")


@needs_sh
def test_filter_empty_chunks_elided(tmp_path):
    check(run("split", "-e", "-n", "10", "--filter=cat > $FILE.f", "/dev/null", cwd=tmp_path))
    assert pieces(tmp_path) == {}


@needs_sh
def test_filter_that_stops_reading(tmp_path):
    data = b"y\n" * 300000
    check(run("split", "-b", "1G", "--filter=head -c1 > $FILE.f", cwd=tmp_path, input=data))
    assert pieces(tmp_path) == {"xaa.f": b"y"}
    for n in ("xaa.f",):
        os.unlink(tmp_path / n)
    check(run("split", "-n", "r/2", "--filter=head -c1 > $FILE.f", cwd=tmp_path, input=data))
    assert pieces(tmp_path) == {"xaa.f": b"y", "xab.f": b"y"}


@needs_sh
@pytest.mark.parametrize("cmd,err,status", [
    ("exit 3", "split: with FILE=xaa, exit 3 from command: exit 3\n", 3),
    ("kill -TERM $$", "split: with FILE=xaa, signal TERM from command: kill -TERM $$\n", 143),
    ("kill -PIPE $$", "", 0),
])
def test_filter_status(tmp_path, cmd, err, status):
    check(run("split", "--filter=" + cmd, cwd=tmp_path, input=b"a\n"), err=err, status=status)


@needs_sh
def test_filter_shell_missing(tmp_path):
    check(run("split", "--filter=cat", cwd=tmp_path, input=b"a\n", env={"SHELL": "/nonexistent/sh"}),
          err='split: failed to run command: "/nonexistent/sh -c cat": No such file or directory\n',
          status=1)


def test_filter_with_chunk_to_stdout(tmp_path):
    check(run("split", "-n", "1/2", "--filter=true", "/dev/null", cwd=tmp_path),
          err="split: --filter does not process a chunk extracted to standard output\n" + TRY,
          status=1)


# ---- overwriting and output errors ---------------------------------------

@posix_only
def test_refuses_to_overwrite_input(tmp_path):
    (tmp_path / "xaa").write_bytes(NUMS)
    os.symlink("xaa", tmp_path / "in2")
    os.link(tmp_path / "xaa", tmp_path / "in3")
    for args in (("-C", "6", "xaa"), ("-C", "6", "in2"), ("-l", "2", "in3", "x")):
        check(run("split", *args, cwd=tmp_path),
              err="split: 'xaa' would overwrite input; aborting\n", status=1)
    with open(tmp_path / "xaa", "rb") as f:
        p = subprocess.run(COREBOX + ["split", "-C", "6", "-"], stdin=f, cwd=tmp_path,
                           capture_output=True, env=BASE_ENV)
    assert (p.returncode, p.stdout, p.stderr) == (
        1, b"", b"split: 'xaa' would overwrite input; aborting\n")
    assert (tmp_path / "xaa").read_bytes() == NUMS


def test_existing_output_is_truncated(tmp_path):
    (tmp_path / "xaa").write_bytes(b"old contents\n" * 10)
    r, got = split_in(tmp_path, input=b"new\n")
    check(r)
    assert got == {"xaa": b"new\n"}


def test_output_is_directory(tmp_path):
    (tmp_path / "xaa").mkdir()
    check(run("split", "-b", "1", cwd=tmp_path, input=b"12"),
          err="split: xaa: Is a directory\n", status=1)


@needs_dev_full
def test_output_full(tmp_path):
    os.symlink("/dev/full", tmp_path / "xaa")
    check(run("split", "-b", "1", cwd=tmp_path, input=b"1\n2\n"),
          err="split: xaa: No space left on device\n", status=1)
    assert not (tmp_path / "xab").exists()


@needs_dev_full
def test_chunk_to_full_stdout(tmp_path):
    with open("/dev/full", "wb") as full:
        r = run("split", "-n", "r/1/2", cwd=tmp_path, input=b"1\n2\n3\n", stdout=full)
        check(r, err="split: write error: No space left on device\n", status=1)
        (tmp_path / "in").write_bytes(b"abcd")
        r = run("split", "-n", "1/2", "in", cwd=tmp_path, stdout=full)
        check(r, err="split: -: No space left on device\n", status=1)


@posix_only
def test_verbose_closed_stdout(tmp_path):
    (tmp_path / "in").write_bytes(b"abc")
    status, err = run_closed_stdout("split", "--verbose", "-b1", str(tmp_path / "in"),
                                    str(tmp_path / "x"))
    assert (status, err) == (1, b"split: write error: Bad file descriptor\n")


# ---- input errors and usage -------------------------------------------------

def test_missing_input(tmp_path):
    check(run("split", "nope", cwd=tmp_path),
          err="split: cannot open 'nope' for reading: No such file or directory\n", status=1)


def test_directory_input(tmp_path):
    (tmp_path / "d").mkdir()
    check(run("split", "d", cwd=tmp_path), err="split: d: Is a directory\n", status=1)


@pytest.mark.parametrize("args,err", [
    (("-b", "0"), "split: invalid number of bytes: '0'\n"),
    (("-b", "-1"), "split: invalid number of bytes: '-1'\n"),
    (("-b", "1x"), "split: invalid number of bytes: '1x'\n"),
    (("-b", "99999999999999999999x"),
     "split: invalid number of bytes: '99999999999999999999x': Numerical result out of range\n"),
    (("-l", "1k"), "split: invalid number of lines: '1k'\n"),
    (("-C", "0"), "split: invalid number of lines: '0'\n"),
    (("-n", "0"), "split: invalid number of chunks: '0'\n"),
    (("-n", "l/1o"), "split: invalid number of chunks: '1o'\n"),
    (("-n", "1/0"), "split: invalid number of chunks: '0'\n"),
    (("-n", "0/1"), "split: invalid chunk number: '0'\n"),
    (("-n", "l/16/15"), "split: invalid chunk number: '16'\n"),
    (("-n", "r/99999999999999999999"), "split: memory exhausted\n"),
    (("---io-blksize=0",), "split: invalid IO block size: '0': Numerical result out of range\n"),
])
def test_bad_numbers(tmp_path, args, err):
    check(run("split", *args, cwd=tmp_path), err=err, status=1)


@pytest.mark.parametrize("args,err", [
    (("-b", "2", "-l", "3"), "split: cannot split in more than one way\n"),
    (("-5", "-b", "3"), "split: cannot split in more than one way\n"),
    (("-n", "2", "-C", "3"), "split: cannot split in more than one way\n"),
    (("-0",), "split: invalid number of lines: '0'\n"),
    (("a", "b", "c"), "split: extra operand 'c'\n"),
    (("-t",), "split: option requires an argument -- 't'\n"),
    (("--bogus",), "split: unrecognized option '--bogus'\n"),
    (("--n=3",), "split: option '--n=3' is ambiguous; possibilities: '--number' '--numeric-suffixes'\n"),
    (("--s=3",), "split: option '--s=3' is ambiguous; possibilities: '--suffix-length' '--separator'\n"),
])
def test_usage_errors(tmp_path, args, err):
    check(run("split", *args, cwd=tmp_path), err=err + TRY, status=1)


def test_help():
    r = run("split", "--help")
    assert r.status == 0 and r.out.startswith(b"Usage: split [OPTION]... [FILE [PREFIX]]\n")
    for opt in (b"--suffix-length", b"--additional-suffix", b"--bytes", b"--line-bytes",
                b"--numeric-suffixes", b"--hex-suffixes", b"--elide-empty-files", b"--filter",
                b"--lines", b"--number", b"--separator", b"--unbuffered", b"--verbose"):
        assert opt in r.out
    assert b"io-blksize" not in r.out
