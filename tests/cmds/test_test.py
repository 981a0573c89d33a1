"""Tests for test and [ (GNU coreutils 9.10 behaviour)."""
import os
import socket
import stat
import subprocess

import pytest

from conftest import (BASE_ENV, COREBOX, ON_WINE, check, needs_dev_full, run,
                      run_closed_stdout, windows_exec_right)
from test_comm import en_us  # noqa: F401 (the en_US.UTF-8 locale fixture)

posix_only = pytest.mark.skipif(ON_WINE, reason="needs POSIX file types, modes or owners")
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def err_for(prog, msg):
    return f"{prog}: {msg}\n" if msg else ""


# (arguments, exit status, message after "test: " or "")
EXPRESSIONS = [
    # no argument, one argument: non-empty means true, whatever it looks like
    ((), 1, ""),
    (("",), 1, ""),
    (("any-string",), 0, ""),
    (("-",), 0, ""),
    (("--",), 0, ""),
    (("-0",), 0, ""),
    (("-f",), 0, ""),
    (("-t",), 0, ""),
    (("-l",), 0, ""),
    (("!",), 0, ""),
    (("(",), 0, ""),
    (("--help",), 0, ""),
    (("--version",), 0, ""),
    (("]",), 0, ""),
    # two arguments
    (("-z", ""), 0, ""),
    (("-z", "a"), 1, ""),
    (("-n", ""), 1, ""),
    (("-n", "a"), 0, ""),
    (("-n", "-n"), 0, ""),
    (("!", ""), 0, ""),
    (("!", "a"), 1, ""),
    (("!", "!"), 1, ""),
    (("a", "b"), 2, "missing argument after 'b'"),
    (("-", "a"), 2, "missing argument after 'a'"),
    (("(", "a"), 2, "missing argument after 'a'"),
    (("a", "-a"), 2, "missing argument after '-a'"),
    (("-q", "a"), 2, "'-q': unary operator expected"),
    (("--", "a"), 2, "'--': unary operator expected"),
    (("-a", "file"), 2, "'-a': unary operator expected"),
    (("-o", "arg"), 2, "'-o': unary operator expected"),
    (("-l", "abc"), 2, "'-l': unary operator expected"),
    # three arguments: strings
    (("t", "=", "t"), 0, ""),
    (("t", "=", "f"), 1, ""),
    (("t", "==", "t"), 0, ""),
    (("t", "==", "f"), 1, ""),
    (("t", "!=", "t"), 1, ""),
    (("t", "!=", "f"), 0, ""),
    (("", "=", ""), 0, ""),
    (("!", "=", "!"), 0, ""),
    (("=", "=", "="), 0, ""),
    (("(", "=", "("), 0, ""),
    (("(", "=", ")"), 1, ""),
    (("!", "!=", "!"), 1, ""),
    (("-n", "=", "-n"), 0, ""),
    # "<" and ">" compare in the locale's collating order (new in 9.6)
    (("a", "<", "b"), 0, ""),
    (("a", "<", "a"), 1, ""),
    (("b", "<", "a"), 1, ""),
    (("B", "<", "a"), 0, ""),
    (("b", ">", "a"), 0, ""),
    (("a", ">", "a"), 1, ""),
    (("a", ">", "b"), 1, ""),
    (("ab", ">", "a"), 0, ""),
    # three arguments: connectives, negation, parentheses
    (("t", "-a", "t"), 0, ""),
    (("", "-a", "t"), 1, ""),
    (("t", "-a", ""), 1, ""),
    (("", "-a", ""), 1, ""),
    (("t", "-o", "t"), 0, ""),
    (("", "-o", "t"), 0, ""),
    (("t", "-o", ""), 0, ""),
    (("", "-o", ""), 1, ""),
    (("!", "-z", "a"), 0, ""),
    (("!", "-n", "a"), 1, ""),
    (("!", "!", "!"), 0, ""),
    (("!", "a", "b"), 2, "missing argument after 'b'"),
    (("(", "a", ")"), 0, ""),
    (("(", "", ")"), 1, ""),
    (("(", "(", ")"), 0, ""),
    (("(", ")", ")"), 0, ""),
    (("(", "!", ")"), 0, ""),
    (("(", "-a", ")"), 0, ""),
    (("a", "b", "c"), 2, "'b': binary operator expected"),
    (("-n", "a", "b"), 2, "'a': binary operator expected"),
    (("a", "(", "b"), 2, "'(': binary operator expected"),
    (("-x", "a", "b"), 2, "'a': binary operator expected"),
    # four arguments
    (("!", "a", "=", "b"), 0, ""),
    (("!", "a", "=", "a"), 1, ""),
    (("!", "a", "-o", "b"), 1, ""),
    (("(", "-n", "a", ")"), 0, ""),
    (("(", "-z", "a", ")"), 1, ""),
    (("(", "!", "", ")"), 0, ""),
    (("!", "!", "a", "="), 2, "missing argument after '='"),
    (("a", "b", "c", "d"), 2, "extra argument 'b'"),
    (("-n", "-a", "-z", "x"), 2, "extra argument '-z'"),
    (("(", "a", "-a", "b"), 2, "')' expected"),
    (("1", "-eq", "1", "-a"), 2, "missing argument after '-a'"),
    # the general grammar: -a binds tighter than -o, ! tighter than both
    (("a", "-o", "", "-a", ""), 0, ""),
    (("", "-a", "b", "-o", "c"), 0, ""),
    (("", "-o", "b", "-a", ""), 1, ""),
    (("!", "a", "-o", "a", "-a", "a"), 0, ""),
    (("!", "", "-a", "!", "", "-a", "x"), 0, ""),
    (("(", "a", "-o", "", ")", "-a", ""), 1, ""),
    (("(", "a", "-a", "", ")", "-o", "a"), 0, ""),
    (("(", "(", "a", "-a", "b", ")", ")"), 0, ""),
    (("(", "(", "a", ")", ")"), 2, "missing argument after ')'"),
    (("(", "a", "b", "c", "d", "e", ")"), 2, "')' expected, found 'b'"),
    (("(", "a", "-a", "b", "c"), 2, "')' expected, found 'c'"),
    (("a", "-a", "b", "-a"), 2, "missing argument after '-a'"),
    (("a", "-a", "!"), 2, "missing argument after '!'"),
    (("a", "-a", "b", "-a", "!"), 2, "missing argument after '!'"),
    (("a", "-a", "-q", "a"), 2, "'-q': unary operator expected"),
    (("1", "-eq", "1", "-a", "-n", "x", "-a", "2", "-gt", "1"), 0, ""),
    (("2", "-eq", "1", "-o", "1", "-eq", "x"), 2, "invalid integer 'x'"),
    (("a", "-o", "-n", "", "-o", "-z", "x"), 0, ""),
    # integers
    (("9", "-eq", "9"), 0, ""),
    (("0", "-eq", "00"), 0, ""),
    (("8", "-eq", "9"), 1, ""),
    (("4", "-ne", "5"), 0, ""),
    (("4", "-ne", "4"), 1, ""),
    (("4", "-lt", "5"), 0, ""),
    (("5", "-lt", "5"), 1, ""),
    (("5", "-le", "5"), 0, ""),
    (("5", "-le", "4"), 1, ""),
    (("5", "-gt", "4"), 0, ""),
    (("5", "-gt", "5"), 1, ""),
    (("5", "-ge", "5"), 0, ""),
    (("4", "-ge", "5"), 1, ""),
    (("-1", "-gt", "-2"), 0, ""),
    (("-1", "-lt", "-2"), 1, ""),
    (("-10", "-lt", "-9"), 0, ""),
    (("-1", "-lt", "0"), 0, ""),
    (("-0", "-eq", "0"), 0, ""),
    (("+0", "-eq", "-00"), 0, ""),
    (("-007", "-eq", "-7"), 0, ""),
    (("00012", "-eq", "+12"), 0, ""),
    (("0", "-eq", " 0 "), 0, ""),
    ((" 1 ", "-eq", "+1"), 0, ""),
    # 9.10 skips any isspace() character around integers (9.1: blanks only)
    (("\t12\n", "-lt", " 13\t"), 0, ""),
    (("18446744073709551616", "-eq", "0"), 1, ""),
    (("18446744073709551616", "-gt", "-9223372036854775809"), 0, ""),
    (("-9223372036854775809", "-lt", "18446744073709551616"), 0, ""),
    (("99999999999999999999999", "-eq", "0099999999999999999999999"), 0, ""),
    (("99999999999999999999998", "-lt", "99999999999999999999999"), 0, ""),
    (("-99999999999999999999999", "-lt", "-99999999999999999999998"), 0, ""),
    (("100000000000000000000", "-gt", "99999999999999999999"), 0, ""),
    (("0x0", "-eq", "00"), 2, "invalid integer '0x0'"),
    (("1e3", "-eq", "1000"), 2, "invalid integer '1e3'"),
    (("1.0", "-eq", "1"), 2, "invalid integer '1.0'"),
    (("1 2", "-eq", "1"), 2, "invalid integer '1 2'"),
    ((" ", "-eq", "0"), 2, "invalid integer ' '"),
    (("", "-eq", "0"), 2, "invalid integer ''"),
    (("+-1", "-eq", "1"), 2, "invalid integer '+-1'"),
    (("--1", "-eq", "1"), 2, "invalid integer '--1'"),
    (("-", "-eq", "1"), 2, "invalid integer '-'"),
    (("+", "-eq", "1"), 2, "invalid integer '+'"),
    (("1", "-eq", "x"), 2, "invalid integer 'x'"),
    (("a", "-lt", "b"), 2, "invalid integer 'a'"),
    (("a\nb", "-eq", "1"), 2, "invalid integer 'a\\nb'"),
    (("\udcff", "-eq", "1"), 2, "invalid integer '\\377'"),
    # -l STRING as an integer operand
    (("-l", "abc", "-gt", "1"), 0, ""),
    (("-l", "", "-eq", "0"), 0, ""),
    (("-l", "abc", "-eq", "3"), 0, ""),
    (("-l", "abc", "-ne", "3"), 1, ""),
    (("1", "-eq", "-l", "a"), 0, ""),
    (("2", "-eq", "-l", "a"), 1, ""),
    (("-l", "ab", "-eq", "-l", "cd"), 0, ""),
    (("-l", "ab", "-lt", "-l", "cde"), 0, ""),
    (("-l", "abc", "-eq", "x"), 2, "invalid integer 'x'"),
    (("-l", "abc", "=", "abc"), 0, ""),
    (("x", "-nt", "-l", "y"), 2, "-nt does not accept -l"),
    (("-l", "x", "-ot", "y"), 2, "-ot does not accept -l"),
    (("-l", "x", "-ef", "y"), 2, "-ef does not accept -l"),
    # -t FD, with standard input and output pipes here
    (("-t", "0"), 1, ""),
    (("-t", "1"), 1, ""),
    (("-t", " 1 "), 1, ""),
    (("-t", "-1"), 1, ""),
    (("-t", "99999999999999999999"), 1, ""),
    (("-t", "x"), 2, "invalid integer 'x'"),
    (("-t", ""), 2, "invalid integer ''"),
]


@pytest.mark.parametrize("args,status,msg", EXPRESSIONS, ids=lambda v: repr(v))
def test_expressions(args, status, msg):
    check(run("test", *args), status=status, err=err_for("test", msg))


# A selection run through "[" (with the closing bracket).
BRACKET = [
    ((), 1, ""),
    (("",), 1, ""),
    (("a",), 0, ""),
    (("-n",), 0, ""),
    (("!",), 0, ""),
    (("--help",), 0, ""),
    (("--version",), 0, ""),
    (("]",), 0, ""),
    (("-z", ""), 0, ""),
    (("a", "]"), 2, "missing argument after ']'"),
    (("t", "=", "t"), 0, ""),
    (("t", "!=", "t"), 1, ""),
    (("a", "<", "b"), 0, ""),
    (("1", "-lt", "2"), 0, ""),
    (("1", "-eq", "x"), 2, "invalid integer 'x'"),
    (("!", "a", "=", "b"), 0, ""),
    (("a", "-o", "", "-a", ""), 0, ""),
    (("(", "a", ")"), 0, ""),
    (("(", "a", "-a", "b"), 2, "')' expected, found ']'"),
    (("a", "b", "c", "d"), 2, "extra argument 'b'"),
    (("-q", "a"), 2, "'-q': unary operator expected"),
]


@pytest.mark.parametrize("args,status,msg", BRACKET, ids=lambda v: repr(v))
def test_bracket_expressions(args, status, msg):
    check(run("[", *args, "]"), status=status, err=err_for("[", msg))


@pytest.mark.parametrize("args", [(), ("a",), ("a", "=", "a"), ("--help", "x"), ("--hel",),
                                  ("--versio",), ("]", "a"), ("-h",)])
def test_bracket_missing_close(args):
    check(run("[", *args), status=2, err="[: missing ']'\n")


def test_bracket_help():
    r = run("[", "--help")
    assert (r.status, r.err) == (0, b"")
    assert r.stdout.startswith("Usage: [ EXPRESSION ]\n  or:  [ ]\n  or:  [ OPTION\n")
    for line in ("  ! EXPR ", "  EXPR1 -a EXPR2 ", "  N1 -ge N2 ", "  F1 -nt F2 ",
                 "  -N FILE ", "  -t FD ", "  -x FILE ", "      --help ", "      --version "):
        assert line in r.stdout


def test_bracket_version():
    r = run("[", "--version")
    assert (r.status, r.err) == (0, b"")
    assert r.stdout.startswith("[ (corebox) ")


def test_test_help_version_are_strings():
    check(run("test", "--help"))
    check(run("test", "--version"))
    check(run("test", "--help", "=", "--version"), status=1)


@needs_dev_full
def test_bracket_help_dev_full():
    with open("/dev/full", "wb") as full:
        r = run("[", "--help", stdout=full)
    check(r, status=2, err="[: write error: No space left on device\n")


def test_closed_stdout():
    assert run_closed_stdout("[", "--version") == (2, b"[: write error: Bad file descriptor\n")
    assert run_closed_stdout("test", "a", "=", "a") == (0, b"")


@posix_only
def test_bracket_name_from_link(tmp_path):
    exe = COREBOX[-1]
    if len(COREBOX) != 1:
        pytest.skip("needs a native binary")
    link = tmp_path / "["
    os.symlink(os.path.abspath(exe), link)
    r = run("[", "a", argv0=str(link))
    check(r, status=2, err=f"{link}: missing ']'\n")
    check(run("[", "a", "]", argv0=str(link)))


def test_utf8_locale_quotes():
    r = run("test", "x", "-eq", "1", env={"LC_ALL": "C.UTF-8"})
    check(r, status=2, err="test: invalid integer \u2018x\u2019\n")


def test_invalid_utf8_strings():
    check(run("test", "\udcff", "=", "\udcff"))
    check(run("test", "\udcff", "!=", "\udcfe"))
    check(run("test", "-n", "\udcff"))


@posix_only
def test_tty_fd():
    try:
        master, slave = os.openpty()
    except OSError:
        pytest.skip("no pseudo-terminal")
    try:
        argv = list(COREBOX) + ["test", "-t", "0", "-a", "-t", " 0 ", "-a", "!", "-t", "1"]
        p = subprocess.run(argv, stdin=slave, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env=BASE_ENV)
        assert (p.returncode, p.stdout, p.stderr) == (0, b"", b"")
        argv = list(COREBOX) + ["[", "-t", "1", "]"]
        p = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=slave,
                           stderr=subprocess.PIPE, env=BASE_ENV)
        assert (p.returncode, p.stderr) == (0, b"")
    finally:
        os.close(master)
        os.close(slave)


# ---- file tests ------------------------------------------------------------

def set_ns_times(path, atime_ns, mtime_ns):
    os.utime(path, ns=(atime_ns, mtime_ns), follow_symlinks=True)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("files")
    (d / "reg").write_bytes(b"data\n")
    (d / "other").write_bytes(b"x")
    (d / "empty").write_bytes(b"")
    (d / "exec").write_bytes(b"#!/bin/sh\n")
    os.chmod(d / "exec", 0o755)
    (d / "noperm").write_bytes(b"secret")
    os.chmod(d / "noperm", 0)
    (d / "dir").mkdir()
    os.link(d / "reg", d / "hard")
    if not ON_WINE:
        os.symlink("reg", d / "link")
        os.symlink("dir", d / "linkdir")
        os.symlink("nowhere", d / "dangling")
        os.mkfifo(d / "fifo")
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.bind(str(d / "sock"))
        s.close()
        for name, mode in (("suid", 0o4755), ("sgid", 0o2755)):
            (d / name).write_bytes(b"")
            os.chmod(d / name, mode)
        (d / "sticky").mkdir()
        os.chmod(d / "sticky", 0o1777)
    base = 1_600_000_000 * 10**9
    set_ns_times(d / "other", base, base)
    (d / "older").write_bytes(b"")
    (d / "newer").write_bytes(b"")
    (d / "newer1ns").write_bytes(b"")
    set_ns_times(d / "older", base, base)
    set_ns_times(d / "newer", base, base + 3600 * 10**9)
    set_ns_times(d / "newer1ns", base, base + 1)
    if not ON_WINE:
        os.symlink("newer", d / "linknewer")
    return d


def block_device():
    for name in ("loop0", "sda", "vda", "nvme0n1", "xvda", "ram0"):
        p = "/dev/" + name
        try:
            if stat.S_ISBLK(os.stat(p).st_mode):
                return p
        except OSError:
            pass
    return None


FILE_CASES = [
    ("-e", "reg", 0), ("-e", "dir", 0), ("-e", "missing", 1), ("-e", "", 1),
    ("-f", "reg", 0), ("-f", "noperm", 0), ("-f", "dir", 1), ("-f", "missing", 1),
    ("-d", "dir", 0), ("-d", "reg", 1), ("-d", "missing", 1), ("-d", "dir/", 0),
    ("-d", "reg/", 1),
    ("-s", "reg", 0), ("-s", "empty", 1), ("-s", "missing", 1),
    ("-x", "exec", 0), ("-x", "dir", 0),
    pytest.param("-x", "reg", 1, marks=windows_exec_right),
    pytest.param("-x", "noperm", 1, marks=windows_exec_right),
    ("-x", "missing", 1),
    ("-r", "reg", 0), ("-r", "missing", 1),
    ("-w", "reg", 0), ("-w", "missing", 1),
    ("-O", "reg", 0), ("-O", "missing", 1),
    ("-G", "reg", 0), ("-G", "missing", 1),
    ("-c", "reg", 1), ("-b", "reg", 1), ("-p", "reg", 1), ("-S", "reg", 1),
    ("-h", "reg", 1), ("-L", "missing", 1),
    ("-u", "reg", 1), ("-g", "reg", 1), ("-k", "dir", 1),
    ("-N", "missing", 1),
]


@pytest.mark.parametrize("op,name,status", FILE_CASES)
def test_file_operators(files, op, name, status):
    check(run("test", op, name, cwd=files), status=status)


POSIX_FILE_CASES = [
    ("-e", "link", 0), ("-e", "dangling", 1), ("-f", "link", 0), ("-d", "linkdir", 0),
    ("-h", "link", 0), ("-h", "dangling", 0), ("-h", "linkdir", 0), ("-L", "link", 0),
    ("-L", "dangling", 0), ("-h", "dir", 1),
    ("-p", "fifo", 0), ("-f", "fifo", 1), ("-S", "sock", 0), ("-S", "fifo", 1),
    ("-p", "sock", 1),
    ("-u", "suid", 0), ("-u", "sgid", 1), ("-g", "sgid", 0), ("-g", "suid", 1),
    ("-k", "sticky", 0), ("-k", "reg", 1), ("-d", "sticky", 0),
    ("-s", "link", 0), ("-x", "link", 1),
]


@posix_only
@pytest.mark.parametrize("op,name,status", POSIX_FILE_CASES)
def test_file_operators_posix(files, op, name, status):
    check(run("test", op, name, cwd=files), status=status)


# On Windows /dev/null is the NUL device, a character device too.
@pytest.mark.parametrize("op,status", [("-c", 0), ("-b", 1), ("-f", 1), ("-w", 0)])
def test_dev_null(op, status):
    check(run("test", op, "/dev/null"), status=status)


@posix_only
def test_block_device():
    dev = block_device()
    if dev is None:
        pytest.skip("no block device found")
    check(run("test", "-b", dev))
    check(run("test", "-c", dev), status=1)


@posix_only
def test_unreadable_unwritable(files):
    if IS_ROOT:
        pytest.skip("root bypasses permission bits")
    check(run("test", "-r", "noperm", cwd=files), status=1)
    check(run("test", "-w", "noperm", cwd=files), status=1)


@posix_only
def test_owner_and_group(tmp_path):
    if not IS_ROOT:
        pytest.skip("needs root to give a file away")
    f = tmp_path / "given"
    f.write_bytes(b"")
    os.chown(f, 12345, 12345)
    check(run("test", "-O", str(f)), status=1)
    check(run("test", "-G", str(f)), status=1)
    os.chown(f, 0, 12345)
    check(run("test", "-O", str(f), "-a", "!", "-G", str(f)))


BINARY_FILE_CASES = [
    ("newer", "-nt", "older", 0), ("older", "-nt", "newer", 1), ("older", "-nt", "older", 1),
    ("newer1ns", "-nt", "older", 0), ("older", "-nt", "newer1ns", 1),
    ("newer", "-nt", "missing", 0), ("missing", "-nt", "newer", 1),
    ("missing", "-nt", "missing2", 1),
    ("older", "-ot", "newer", 0), ("newer", "-ot", "older", 1), ("older", "-ot", "older", 1),
    ("older", "-ot", "newer1ns", 0), ("newer1ns", "-ot", "older", 1),
    ("missing", "-ot", "older", 0), ("older", "-ot", "missing", 1),
    ("missing", "-ot", "missing2", 1),
    ("reg", "-ef", "hard", 0), ("hard", "-ef", "reg", 0), ("reg", "-ef", "reg", 0),
    ("reg", "-ef", "other", 1), ("reg", "-ef", "missing", 1), ("missing", "-ef", "reg", 1),
    ("missing", "-ef", "missing", 1), ("dir", "-ef", "dir/.", 0), ("dir", "-ef", ".", 1),
]


@pytest.mark.parametrize("left,op,right,status", BINARY_FILE_CASES)
def test_file_comparisons(files, left, op, right, status):
    if "1ns" in left + right and ON_WINE:
        pytest.skip("Windows: file times have 100 ns resolution")
    if "1ns" in left + right and os.stat(files / "newer1ns").st_mtime_ns % 10 == 0:
        pytest.skip("file system without nanosecond times")
    check(run("test", left, op, right, cwd=files), status=status)


@posix_only
@pytest.mark.parametrize("left,op,right,status", [
    ("link", "-ef", "reg", 0), ("reg", "-ef", "link", 0), ("link", "-ef", "hard", 0),
    ("dangling", "-ef", "dangling", 1), ("linknewer", "-nt", "older", 0),
    ("older", "-ot", "linknewer", 0), ("dangling", "-ot", "older", 0),
])
def test_file_comparisons_symlinks(files, left, op, right, status):
    check(run("[", left, op, right, "]", cwd=files), status=status)


@pytest.mark.parametrize("delta_ns,status", [
    (-3600 * 10**9, 0),   # read before the last change
    (-1, 0),
    (0, 1),               # never changed since read
    (3600 * 10**9, 1),    # read after the last change
])
def test_modified_since_read(tmp_path, delta_ns, status):
    f = tmp_path / "f"
    f.write_bytes(b"x")
    mtime = 1_600_000_000 * 10**9 + 500
    set_ns_times(f, mtime + delta_ns, mtime)
    if os.stat(f).st_atime_ns != mtime + delta_ns:
        pytest.skip("file system without nanosecond times")
    check(run("test", "-N", str(f)), status=status)


def test_missing_operand_after_file_operator(files):
    check(run("test", "-f", "reg", "-a", "-d", cwd=files),
          status=2, err="test: missing argument after '-d'\n")
    check(run("test", "-f", "reg", "-a", "-d", "dir", "-a", "-e", cwd=files),
          status=2, err="test: missing argument after '-e'\n")


# "<" and ">" use the locale's collation (GNU 9.10's test calls strcoll):
# in en_US.UTF-8 lower case "a" sorts before "B", in the C locale after it.
@pytest.mark.parametrize("args,status", [
    (("a", "<", "B"), 0),
    (("B", ">", "a"), 0),
    (("a", ">", "B"), 1),
    (("B", "<", "a"), 1),
    (("a-b", "<", "a-b"), 1),
    (("\u00e9cole", "<", "ecrire"), 0),
])
def test_string_order_in_locale(en_us, args, status):
    check(run("test", *args, env=en_us), status=status)
