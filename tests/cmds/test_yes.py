"""yes: GNU coreutils 9.10 behaviour."""
import os
import subprocess

import pytest

from conftest import (BASE_ENV, COREBOX, SIGPIPE_STATUS, check, needs_dev_full, run, run_closed_stdout,
                      run_pipe_closed, wine_check)

TRY = "Try 'yes --help' for more information.\n"


def head(nbytes, *args, env=None):
    """The first NBYTES bytes yes writes, then the reader goes away."""
    wine_check(("yes",) + args, env)
    e = dict(BASE_ENV)
    e.update(env or {})
    argv = list(COREBOX) + ["yes"] + [a if isinstance(a, bytes) else a.encode() for a in args]
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=e)
    chunks, got = [], 0
    while got < nbytes:
        b = proc.stdout.read(nbytes - got)
        if not b:
            break
        chunks.append(b)
        got += len(b)
    proc.stdout.close()
    err = proc.stderr.read()
    proc.wait(timeout=60)
    return b"".join(chunks), err


def repeated(line, nbytes):
    return (line * (nbytes // len(line) + 1))[:nbytes]


def test_default_y():
    out, err = head(1000)
    assert (out, err) == (repeated(b"y\n", 1000), b"")


def test_operands_joined_by_spaces():
    out, err = head(1000, "a", "b c", "d")
    assert (out, err) == (repeated(b"a b c d\n", 1000), b"")


def test_empty_operands():
    assert head(10, "") == (b"\n" * 10, b"")
    assert head(10, "", "") == (b" \n" * 5, b"")


def spaces(size):
    """SIZE spaces as operands no longer than the system allows one argument
    to be: 1 + the number of extra operands spaces are the separators."""
    n = size // 65536 + 1
    base, extra = divmod(size - (n - 1), n)
    return [b" " * (base + (i < extra)) for i in range(n)]


@pytest.mark.parametrize("size", [1, 1999, 4095, 4096, 8191, 8192, 16383, 16384,
                                  131071, 131072, 200001])
def test_long_lines(size):
    # Lines shorter and longer than the output block stay whole across writes.
    line = b" " * size + b"\n"
    nbytes = max(3 * len(line), 3 * 131072 + 17)
    out, err = head(nbytes, *spaces(size))
    assert err == b"" and out == repeated(line, nbytes)


@pytest.mark.parametrize("word", ["abcdefghi", "abcdef", "x" * 1000])
def test_line_length_not_dividing_blocks(word):
    line = word.encode() + b"\n"
    out, err = head(600000, word)
    assert (out, err) == (repeated(line, 600000), b"")


def test_many_operands():
    words = [str(i) for i in range(1, 4001)]
    line = (" ".join(words) + "\n").encode()
    out, err = head(2 * len(line), *words)
    assert (out, err) == (line * 2, b"")


def test_invalid_utf8_passes_through():
    assert head(9, b"\xff\xfe") == (b"\xff\xfe\n" * 3, b"")


@pytest.mark.parametrize("args, line", [
    (["--"], b"y\n"),
    (["--", "--help"], b"--help\n"),
    (["--", "-x"], b"-x\n"),
    (["-"], b"-\n"),
    (["a", "--", "b"], b"a b\n"),          # options and operands may mix
    (["a", "--", "--", "b"], b"a -- b\n"),
])
def test_option_parsing(args, line):
    assert head(3 * len(line), *args) == (line * 3, b"")


def test_posixly_correct_stops_at_first_operand():
    line = b"a --help\n"
    assert head(2 * len(line), "a", "--help", env={"POSIXLY_CORRECT": "1"}) == (line * 2, b"")


def test_invalid_options():
    check(run("yes", "-x"), err="yes: invalid option -- 'x'\n" + TRY, status=1)
    check(run("yes", "a", "-n"), err="yes: invalid option -- 'n'\n" + TRY, status=1)
    check(run("yes", "--bogus"), err="yes: unrecognized option '--bogus'\n" + TRY, status=1)
    check(run("yes", "--help=x"), err="yes: option '--help' doesn't allow an argument\n" + TRY, status=1)


def test_help_and_version():
    for args in (["--help"], ["a", "--help"], ["--he"]):
        r = run("yes", *args)
        assert r.status == 0 and r.err == b""
        assert r.out.startswith(b"Usage: yes [STRING]...\n  or:  yes OPTION\n")
    r = run("yes", "--version")
    assert r.status == 0 and r.out.startswith(b"yes (corebox) ") and r.err == b""


@needs_dev_full
@pytest.mark.parametrize("size", [1, 16384, 300000])
def test_dev_full(size):
    with open("/dev/full", "wb") as full:
        r = run("yes", *spaces(size), stdout=full)
    check(r, err="yes: standard output: No space left on device\n", status=1)


def test_closed_stdout():
    assert run_closed_stdout("yes") == (1, b"yes: standard output: Bad file descriptor\n")


def test_reader_goes_away():
    # Default SIGPIPE: the process ends quietly, killed by the signal.
    status, err = run_pipe_closed("yes", read_bytes=100000)
    assert (status, err) == (SIGPIPE_STATUS, b"")
