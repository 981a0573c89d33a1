"""shuf: GNU coreutils 9.10 behaviour.

With --random-source the choices depend only on the bytes of that file,
and are GNU's: the expected outputs below are what GNU's shuf writes for
the same random bytes.
"""
import os

import pytest

from conftest import ON_WINE, check, needs_dev_full, run, run_closed_stdout

TRY = "Try 'shuf --help' for more information.\n"

posix_only = pytest.mark.skipif(ON_WINE, reason="needs POSIX descriptors and signals")

R37 = bytes((i * 37 + 11) % 256 for i in range(8192))
R256 = bytes(range(256)) * 16


def nums(*v):
    return b"".join(b"%d\n" % i for i in v)


@pytest.fixture
def rnd(tmp_path):
    p = tmp_path / "r37"
    p.write_bytes(R37)
    return str(p)


# ---- GNU's choices from the same random bytes --------------------------

@pytest.mark.parametrize("args,out", [
    (("-i", "1-10"), nums(2, 3, 1, 10, 5, 6, 8, 9, 4, 7)),
    (("-i", "1-100", "-n", "5"), nums(12, 50, 88, 29, 36)),
    (("-i", "0-18446744073709551614", "-n", "3"),
     b"806238318454171918\n3699845231977173303\n6593452145483463008\n"),
    (("-e", "a", "b", "c", "d", "e", "f"), b"f\nc\nb\nd\ne\na\n"),
    (("-n", "3", "-e", "a", "b", "c", "d", "e"), b"b\nd\nc\n"),
    (("-r", "-n", "8", "-e", "a", "b", "c"), b"c\na\nb\na\na\na\nb\nc\n"),
    (("-r", "-n", "6", "-i", "3-9"), nums(7, 4, 9, 9, 3, 4)),
    (("-z", "-n", "2", "-e", "x", "y", "z"), b"z\0x\0"),
], ids=lambda v: " ".join(v) if isinstance(v, tuple) else "_")
def test_random_source(rnd, args, out):
    check(run("shuf", *args, "--random-source=" + rnd), out=out)


S20 = nums(*range(1, 21))
PERM20 = nums(12, 1, 5, 4, 10, 8, 15, 11, 9, 6, 17, 7, 19, 20, 3, 18, 2, 16, 13, 14)


def test_file_permutation(tmp_path, rnd):
    (tmp_path / "s20").write_bytes(S20)
    check(run("shuf", "--random-source", rnd, str(tmp_path / "s20")), out=PERM20)
    check(run("shuf", "-n", "5", "--random-source", rnd, str(tmp_path / "s20")),
          out=nums(12, 1, 5, 4, 10))
    check(run("shuf", "--random-source", rnd, input=S20), out=PERM20)


def test_pipe_sampling(tmp_path, rnd):
    # With -n, input of unknown size is sampled while read: other choices.
    check(run("shuf", "-n", "5", "--random-source", rnd, input=S20), out=nums(10, 7, 3, 5, 4))
    check(run("shuf", "-n", "30", "--random-source", rnd, input=S20), out=PERM20)
    r256 = tmp_path / "r256"
    r256.write_bytes(R256)
    check(run("shuf", "-n", "5", "--random-source", str(r256), input=S20), out=nums(20, 8, 15, 13, 11))


def test_big_file_sampling_matches_pipe(tmp_path):
    # A regular file above 8 MiB is sampled just like a pipe.
    data = b"".join(b"%0999d\n" % i for i in range(8500))
    (tmp_path / "big").write_bytes(data)
    (tmp_path / "rnd").write_bytes(R37 * 8)
    a = run("shuf", "-n", "4", "--random-source=rnd", "big", cwd=tmp_path)
    b = run("shuf", "-n", "4", "--random-source=rnd", input=data, cwd=tmp_path)
    check(a, out=b.out)
    assert len(a.out) == 4000


def test_random_source_runs_out(tmp_path):
    (tmp_path / "r2").write_bytes(b"\x0b\x30")
    check(run("shuf", "--random-source", "r2", input=S20, cwd=tmp_path),
          err="shuf: 'r2': end of file\n", status=1)


def test_random_source_missing(tmp_path):
    check(run("shuf", "--random-source=nope", input=b"a\nb\n", cwd=tmp_path),
          err="shuf: nope: No such file or directory\n", status=1)
    # Not even opened when no random byte is needed.
    check(run("shuf", "--random-source=nope", input=b"", cwd=tmp_path))
    check(run("shuf", "-n0", "--random-source=nope", "nope2", cwd=tmp_path))


# ---- permutations from the system's randomness --------------------------

def test_default_randomness():
    r = run("shuf", input=nums(*range(1, 101)))
    assert r.status == 0 and r.err == b""
    assert sorted(r.out.split()) == sorted(nums(*range(1, 101)).split())
    assert r.out != nums(*range(1, 101))


def test_range_is_permutation():
    r = run("shuf", "-i", "1-100")
    assert sorted(int(x) for x in r.out.split()) == list(range(1, 101))


def test_huge_range_small_count():
    r = run("shuf", "-i", "1-18446744073709551615", "-n", "2")
    assert r.status == 0 and len(r.out.split()) == 2


@posix_only
def test_repeat_forever():
    import subprocess
    from conftest import BASE_ENV, COREBOX
    p = subprocess.Popen(COREBOX + ["shuf", "-r", "-i", "0-9"], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=BASE_ENV)
    got = b""
    while got.count(b"\n") < 2000:
        got += p.stdout.read(4096)
    p.stdout.close()
    assert p.wait(timeout=30) != 0 and p.stderr.read() == b""
    assert set(got.split(b"\n")[:2000]) == {b"%d" % i for i in range(10)}


def test_repeat_count():
    r = run("shuf", "-r", "-n", "1000", input=b"A\nB\nC\n")
    assert r.status == 0 and r.out.count(b"\n") == 1000
    assert set(r.out.split()) == {b"A", b"B", b"C"}


# ---- input forms ---------------------------------------------------------

@pytest.mark.parametrize("args,inp,out", [
    ((), b"", b""),
    ((), b"only", b"only\n"),
    (("-z",), b"only", b"only\0"),
    (("-z",), b"a\nb", b"a\nb\0"),
    ((), b"\xff\xfe\n", b"\xff\xfe\n"),
    (("-i", "5-5"), b"", b"5\n"),
    (("-i", "1-0"), b"", b""),
    (("-i", " 3- 3"), b"", b"3\n"),
    (("-e",), b"", b""),
    (("-e", "one"), b"", b"one\n"),
    (("-n", "0", "-i", "1-9"), b"", b""),
    (("-r", "-n", "0", "-i", "1-9"), b"", b""),
    (("-r", "-n", "0"), b"A\n", b""),
    (("-n", "99999999999999999999", "-i", "7-7"), b"", b"7\n"),
    (("-n", "10", "-i", "0-9", "-n", "1", "-n", "20"), b"", None),
    (("-",), b"x\n", b"x\n"),
], ids=lambda v: " ".join(v) if isinstance(v, tuple) else "_")
def test_inputs(args, inp, out):
    r = run("shuf", *args, input=inp)
    if out is None:
        assert r.status == 0 and r.out.count(b"\n") == 1
    else:
        check(r, out=out)


def test_output_file_same_as_input(tmp_path, rnd):
    f = tmp_path / "s20"
    f.write_bytes(S20)
    check(run("shuf", "--random-source", rnd, "-o", str(f), str(f)))
    assert f.read_bytes() == PERM20
    check(run("shuf", "-n", "5", "--random-source", rnd, "-o", str(f), "-o", str(f), input=S20))
    assert f.read_bytes() == nums(10, 7, 3, 5, 4)


def test_output_file_error(tmp_path):
    (tmp_path / "d").mkdir()
    check(run("shuf", "-e", "a", "-o", "d", cwd=tmp_path), err="shuf: d: Is a directory\n", status=1)


@posix_only
def test_input_closed_is_fine(tmp_path):
    import subprocess
    from conftest import BASE_ENV, COREBOX
    p = subprocess.run(COREBOX + ["shuf", "/dev/null"], stdin=subprocess.DEVNULL,
                       capture_output=True, env=BASE_ENV, preexec_fn=lambda: os.close(0))
    assert (p.returncode, p.stdout, p.stderr) == (0, b"", b"")
    p = subprocess.run(COREBOX + ["shuf", "-r", "-n", "0", "x"], stdin=subprocess.DEVNULL,
                       capture_output=True, env=BASE_ENV, preexec_fn=lambda: os.close(0))
    assert (p.returncode, p.stdout, p.stderr) == (0, b"", b"")


# ---- errors -----------------------------------------------------------------

@pytest.mark.parametrize("args,err", [
    (("nope",), "shuf: nope: No such file or directory\n"),
    (("-er",), "shuf: no lines to repeat\n"),
    (("-r", "-i", "1-0"), "shuf: no lines to repeat\n"),
    (("-i", "5-3"), "shuf: invalid input range: '5-3'\n"),
    (("-i", "1"), "shuf: invalid input range: '1'\n"),
    (("-i", "A"), "shuf: invalid input range: 'A'\n"),
    (("-i", "1-"), "shuf: invalid input range: '1-'\n"),
    (("-i", "1-A"), "shuf: invalid input range: '1-A'\n"),
    (("-i", "-1-5"), "shuf: invalid input range: '-1-5'\n"),
    (("-i", "1-5x"), "shuf: invalid input range: '1-5x'\n"),
    (("-i", "0-18446744073709551615"), "shuf: invalid input range: '0-18446744073709551615'\n"),
    (("-i", "99999999999999999999-1"),
     "shuf: invalid input range: '99999999999999999999-1': Value too large for defined data type\n"),
    (("-i", "1-99999999999999999999"),
     "shuf: invalid input range: '1-99999999999999999999': Value too large for defined data type\n"),
    (("-i", "1-99999999999999999999x"), "shuf: invalid input range: '1-99999999999999999999x'\n"),
    (("-i0-9", "-n10", "-i8-90"), "shuf: multiple -i options specified\n"),
    (("-n", "A"), "shuf: invalid line count: 'A'\n"),
    (("-n", "-1"), "shuf: invalid line count: '-1'\n"),
    (("-i0-9", "-o", "A", "-o", "B"), "shuf: multiple output files specified\n"),
    (("-i0-9", "--random-source", "A", "--random-source", "B"),
     "shuf: multiple random sources specified\n"),
])
def test_errors(tmp_path, args, err):
    check(run("shuf", *args, cwd=tmp_path), err=err, status=1)


@pytest.mark.parametrize("args,err", [
    (("-i0-9", "-e", "A", "B"), "shuf: cannot combine -e and -i options\n"),
    (("a", "b"), "shuf: extra operand 'b'\n"),
    (("-i0-0", "1"), "shuf: extra operand '1'\n"),
    (("-x",), "shuf: invalid option -- 'x'\n"),
    (("-n",), "shuf: option requires an argument -- 'n'\n"),
    (("--rep=1",), "shuf: option '--repeat' doesn't allow an argument\n"),
])
def test_usage_errors(args, err):
    check(run("shuf", *args), err=err + TRY, status=1)


def test_directory_input(tmp_path):
    check(run("shuf", str(tmp_path)), err="shuf: read error: Is a directory\n", status=1)
    check(run("shuf", "-n", "1", str(tmp_path)), err="shuf: read error: Is a directory\n", status=1)


@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as full:
        check(run("shuf", "-i", "1-3", stdout=full),
              err="shuf: write error: No space left on device\n", status=1)


@posix_only
def test_closed_stdout():
    assert run_closed_stdout("shuf", "-e", "a") == (1, b"shuf: write error: Bad file descriptor\n")


def test_help():
    r = run("shuf", "--help")
    assert r.status == 0
    assert r.out.startswith(b"Usage: shuf [OPTION]... [FILE]\n  or:  shuf -e [OPTION]... [ARG]...\n"
                            b"  or:  shuf -i LO-HI [OPTION]...\n")
    for opt in (b"--echo", b"--input-range", b"--head-count", b"--output", b"--random-source",
                b"--repeat", b"--zero-terminated"):
        assert opt in r.out
