"""Tests for tsort: ordering, loops, odd input, errors."""
import pytest

from conftest import ON_WINE, check, needs_dev_full, run, run_closed_stdin, run_closed_stdout

TRY = b"Try 'tsort --help' for more information.\n"


@pytest.mark.parametrize("inp,out", [
    (b"a b c c d e\ng g\nf g e f\nh h\n", b"a\nc\nd\nh\nb\ne\nf\ng\n"),
    (b"b a\nd c\nz h x h r h\n", b"b\nd\nr\nx\nz\na\nc\nh\n"),
    (b"a b b c c d d e e f f g\n", b"a\nb\nc\nd\ne\nf\ng\n"),
    (b"a b b c c d d e e f f g\nc x x y y z\n", b"a\nb\nc\nx\nd\ny\ne\nz\nf\ng\n"),
    (b"a b b c c d d e e f f g\nc x x y y z\nf r r s s t\n", b"a\nb\nc\nx\nd\ny\ne\nz\nf\nr\ng\ns\nt\n"),
    (b"  \t\n a\tb\n\n", b"a\nb\n"),
    (b"x y", b"x\ny\n"),
    (b"", b""),
])
def test_order(inp, out):
    check(run("tsort", input=inp), out=out)


def test_loops(tmp_path):
    (tmp_path / "f").write_bytes(b"t b\nt s\ns t\n")
    check(run("tsort", "f", cwd=str(tmp_path)), out=b"s\nt\nb\n",
          err=b"tsort: f: input contains a loop:\ntsort: s\ntsort: t\n", status=1)
    check(run("tsort", "-w", input=b"a a\na b\na c\nc a\nb a"), out=b"a\nc\nb\n",
          err=b"tsort: -: input contains a loop:\ntsort: a\ntsort: b\n"
              b"tsort: -: input contains a loop:\ntsort: a\ntsort: c\n", status=1)


def test_odd_tokens():
    check(run("tsort", input=b"a\n"), err=b"tsort: -: input contains an odd number of tokens\n", status=1)
    check(run("tsort", input=b"a b c"), err=b"tsort: -: input contains an odd number of tokens\n", status=1)


def test_big_chain():
    words = [b"w%06d" % i for i in range(20000)]
    inp = b"\n".join(words[i] + b" " + words[i + 1] for i in range(len(words) - 1)) + b"\n"
    check(run("tsort", input=inp), out=b"\n".join(words) + b"\n")


def test_errors(tmp_path):
    (tmp_path / "d").mkdir()
    check(run("tsort", "nope", cwd=str(tmp_path)), err=b"tsort: nope: No such file or directory\n", status=1)
    check(run("tsort", "d", cwd=str(tmp_path)), err=b"tsort: d: read error: Is a directory\n", status=1)
    check(run("tsort", "a", "b"), err=b"tsort: extra operand 'b'\n" + TRY, status=1)
    check(run("tsort", "-x"), err=b"tsort: invalid option -- 'x'\n" + TRY, status=1)


@pytest.mark.skipif(ON_WINE, reason="needs POSIX descriptors")
def test_closed_stdin():
    assert run_closed_stdin("tsort") == (1, b"", b"tsort: -: read error: Bad file descriptor\n")

@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as o:
        r = run("tsort", input=b"a b\n", stdout=o)
    check(r, err=b"tsort: write error: No space left on device\n", status=1)


@pytest.mark.skipif(ON_WINE, reason="needs POSIX descriptors")
def test_closed_stdout():
    assert run_closed_stdout("tsort", "/dev/null") == (0, b"")


def test_help():
    r = run("tsort", "--help")
    assert r.status == 0 and r.out.startswith(b"Usage: tsort [OPTION] [FILE]\n")
