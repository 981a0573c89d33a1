"""Tests for fmt: filling, the line-breaking choices, options, errors."""
import pytest

from conftest import ON_WINE, check, needs_dev_full, run, run_closed_stdin, run_closed_stdout

TRY = b"Try 'fmt --help' for more information.\n"


TEXI = b"""
@command{fmt} prefers breaking lines at the end of a sentence, and tries to
avoid line breaks after the first word of a sentence or before the last word
of a sentence.  A @dfn{sentence break} is defined as either the end of a
paragraph or a word ending in any of @samp{.?!}, followed by two spaces or end
of line, ignoring any intervening parentheses or quotes.  Like @TeX{},
@command{fmt} reads entire ''paragraphs'' before choosing line breaks; the
algorithm is a variant of that given by
Donald E. Knuth and Michael F. Plass
in ''Breaking Paragraphs Into Lines'',
@cite{Software---Practice & Experience}
@b{11}, 11 (November 1981), 1119--1184.
"""

TEXI_G60_W72 = b"""
@command{fmt} prefers breaking lines at the end of a sentence,
and tries to avoid line breaks after the first word of a sentence
or before the last word of a sentence.  A @dfn{sentence break}
is defined as either the end of a paragraph or a word ending
in any of @samp{.?!}, followed by two spaces or end of line,
ignoring any intervening parentheses or quotes.  Like @TeX{},
@command{fmt} reads entire ''paragraphs'' before choosing line
breaks; the algorithm is a variant of that given by Donald
E. Knuth and Michael F. Plass in ''Breaking Paragraphs Into
Lines'', @cite{Software---Practice & Experience} @b{11}, 11
(November 1981), 1119--1184.
"""

TEXI_DEFAULT = b"""
@command{fmt} prefers breaking lines at the end of a sentence, and tries
to avoid line breaks after the first word of a sentence or before the
last word of a sentence.  A @dfn{sentence break} is defined as either
the end of a paragraph or a word ending in any of @samp{.?!}, followed
by two spaces or end of line, ignoring any intervening parentheses
or quotes.  Like @TeX{}, @command{fmt} reads entire ''paragraphs''
before choosing line breaks; the algorithm is a variant of that given
by Donald E. Knuth and Michael F. Plass in ''Breaking Paragraphs Into
Lines'', @cite{Software---Practice & Experience} @b{11}, 11 (November
1981), 1119--1184.
"""


def test_goal_and_width():
    check(run("fmt", "-g", "60", "-w", "72", input=TEXI), out=TEXI_G60_W72)


def test_default_width():
    check(run("fmt", input=TEXI), out=TEXI_DEFAULT)


@pytest.mark.parametrize("args,inp,out", [
    (["-w", "8"], b"aa bb cc dd ee", b"aa bb cc\ndd ee\n"),
    (["-w", "7"], b"aa bb cc dd ee", b"aa\nbb cc\ndd ee\n"),
    (["-u"], b"a  b   c.  d e.\nf\n", b"a b c.  d e.  f\n"),
    (["--uniform-spacing"], b"one.   two\n", b"one.  two\n"),
    ([], b"one.   two three.\nfour\n", b"one.   two three.  four\n"),
    (["-s", "-w", "10"], b"aaa bbb ccc ddd\n  eee fff ggg hhh\n", b"aaa bbb\nccc ddd\n  eee fff\n  ggg hhh\n"),
    (["-c"], b"  first line\n    second\n    third\n", b"  first line second third\n"),
    (["-c", "-w", "20"], b"  first line\n    second\n    third fourth fifth\n",
     b"  first line second\n    third fourth\n    fifth\n"),
    (["-t"], b"  first line\n    second line\n", b"  first line second line\n"),
    (["-t", "-w", "15"], b"one two three four five\n", b"one two three\n   four five\n"),
    (["-p", ">"], b" 1\n  2\n\t3\n> quoted\n> text\n", b" 1\n  2\n\t3\n> quoted text\n"),
    (["-p", ">"], b">\n", b">\n"),
    (["-p", "foo"], b"fo\n", b"fo\n"),
    (["-p", "  # "], b"  # hello there\n  # world\n#x\n", b"  # hello there world\n#x\n"),
    (["-p", "\u00e7"], "\u00e7a\n\u00e7b\n".encode(), "\u00e7a b\n".encode()),
    (["-50"], b"word " * 20, b"word word word word word word word word word word\n" * 2),
    ([], b"\tx y z\n\ty\n", b"\tx y z y\n"),
    ([], b"   \n\n\t\n", b"\n\n\n"),
    ([], b"no newline", b"no newline\n"),
    ([], b"", b""),
    (["-w", "0"], b"a b\n", b"a\nb\n"),
    (["-s", "-w", "1"], "=\u00a0=".encode(), "=\u00a0=\n".encode()),
])
def test_fmt(args, inp, out):
    check(run("fmt", *args, input=inp), out=out)


def test_long_lines():
    inp = (" y" * 1015 + "\n").encode()
    line = b" y" * 35 + b"\n"
    check(run("fmt", "-s", input=inp), out=line * 29)


def test_long_paragraph():
    words = [b"alpha", b"be", b"gamma.", b"delta", b"(eps", b"zeta,"]
    inp = b" ".join(words[i % 6] for i in range(3000)) + b"\n"
    r = run("fmt", "-w", "40", input=inp)
    assert r.status == 0 and r.err == b""
    lines = r.out.split(b"\n")
    assert lines[-1] == b"" and all(len(x) <= 40 for x in lines)
    assert b" ".join(lines).split() == inp.split()


@pytest.mark.parametrize("args,err", [
    (["-w", "32768"], b"fmt: invalid width: '32768': Numerical result out of range\n"),
    (["-w", "2501"], b"fmt: invalid width: '2501': Numerical result out of range\n"),
    (["-72x"], b"fmt: invalid width: '72x'\n"),
    (["-w", "-1"], b"fmt: invalid width: '-1'\n"),
    (["-g", "80"], b"fmt: invalid width: '80': Value too large for defined data type\n"),
    (["-w", "20", "-g", "30"], b"fmt: invalid width: '30': Value too large for defined data type\n"),
    (["-c", "-72"], b"fmt: invalid option -- 7; -WIDTH is recognized only when it is the first\n"
                    b"option; use -w N instead\n" + TRY),
    (["-x"], b"fmt: invalid option -- 'x'\n" + TRY),
    (["no-such-file"], b"fmt: cannot open 'no-such-file' for reading: No such file or directory\n"),
])
def test_errors(args, err):
    check(run("fmt", *args), err=err, status=1)


def test_files(tmp_path):
    (tmp_path / "a").write_bytes(b"one\ntwo\n")
    (tmp_path / "d").mkdir()
    check(run("fmt", "a", "d", "-", "a", cwd=str(tmp_path), input=b"x\ny\n"), out=b"one two\nx y\none two\n",
          err=b"fmt: error reading 'd': Is a directory\n", status=1)


@pytest.mark.skipif(ON_WINE, reason="needs POSIX descriptors")
def test_closed_stdin():
    assert run_closed_stdin("fmt") == (1, b"", b"fmt: read error: Bad file descriptor\nfmt: closing standard input: Bad file descriptor\n")

@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as o:
        r = run("fmt", input=b"a b\n", stdout=o)
    check(r, err=b"fmt: write error: No space left on device\n", status=1)


@pytest.mark.skipif(ON_WINE, reason="needs POSIX descriptors")
def test_closed_stdout():
    assert run_closed_stdout("fmt", "/dev/null") == (0, b"")


def test_help():
    r = run("fmt", "--help")
    assert r.status == 0 and r.out.startswith(b"Usage: fmt [-WIDTH] [OPTION]... [FILE]...\n")
    assert b"--goal=WIDTH" in r.out
