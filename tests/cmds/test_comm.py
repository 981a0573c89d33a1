"""Tests for comm: columns, order checking, delimiters, totals, errors."""
import hashlib
import os
import shutil
import subprocess
import tempfile

import pytest

from conftest import ON_WINE, check, needs_dev_full, run, run_closed_stdout

TRY = b"Try 'comm --help' for more information.\n"


@pytest.fixture
def d(tmp_path):
    files = {"a": b"1\n3\n3\n3", "b": b"2\n2\n3\n3\n3", "za": b"1\0003\0003\0003", "zb": b"2\0002\0003\0003\0003",
             "o1": b"1\n3", "o2": b"3\n2", "o3": b"3\n1\n0", "o4": b"3\n2\n0", "o5": b"2\n1\n0",
             "px": b"Xa\nX\n", "e": b""}
    for k, v in files.items():
        (tmp_path / k).write_bytes(v)
    return str(tmp_path)


@pytest.mark.parametrize("args,out", [
    ([], b"1\n\t2\n\t2\n\t\t3\n\t\t3\n\t\t3\n"),
    (["-1"], b"2\n2\n\t3\n\t3\n\t3\n"),
    (["-2"], b"1\n\t3\n\t3\n\t3\n"),
    (["-3"], b"1\n\t2\n\t2\n"),
    (["-12"], b"3\n3\n3\n"),
    (["-1", "-3"], b"2\n2\n"),
    (["-23"], b"1\n"),
    (["-123"], b""),
    (["--total"], b"1\n\t2\n\t2\n\t\t3\n\t\t3\n\t\t3\n1\t2\t3\ttotal\n"),
    (["--total", "-123"], b"1\t2\t3\ttotal\n"),
    (["--output-delimiter=,"], b"1\n,2\n,2\n,,3\n,,3\n,,3\n"),
    (["--output-delimiter=++"], b"1\n++2\n++2\n++++3\n++++3\n++++3\n"),
    (["--output-delimiter="], b"1\n\0002\n\0002\n\0\0003\n\0\0003\n\0\0003\n"),
    (["--total", "--output-delimiter="], b"1\n\0002\n\0002\n\0\0003\n\0\0003\n\0\0003\n1\0002\0003\0total\n"),
    (["--output-delimiter=,", "--output-delimiter=,"], b"1\n,2\n,2\n,,3\n,,3\n,,3\n"),
])
def test_columns(d, args, out):
    check(run("comm", *args, "a", "b", cwd=d), out=out)


@pytest.mark.parametrize("args,out", [
    (["-z"], b"1\0\t2\0\t2\0\t\t3\0\t\t3\0\t\t3\0"),
    (["-12z"], b"3\0003\0003\0"),
    (["--total", "-z"], b"1\0\t2\0\t2\0\t\t3\0\t\t3\0\t\t3\0" + b"1\t2\t3\ttotal\0"),
    (["--total", "-z123", "--output-delimiter=,"], b"1,2,3,total\0"),
])
def test_zero_terminated(d, args, out):
    check(run("comm", *args, "za", "zb", cwd=d), out=out)


@pytest.mark.parametrize("args,files,out,err,status", [
    ([], ["o1", "o2"], b"1\n\t\t3\n\t2\n", b"comm: file 2 is not in sorted order\ncomm: input is not in sorted order\n", 1),
    (["--check-order"], ["o1", "o2"], b"1\n\t\t3\n", b"comm: file 2 is not in sorted order\n", 1),
    (["--nocheck-order"], ["o1", "o2"], b"1\n\t\t3\n\t2\n", b"", 0),
    ([], ["o3", "o4"], b"\t\t3\n1\n0\n\t2\n\t0\n",
     b"comm: file 1 is not in sorted order\ncomm: file 2 is not in sorted order\n"
     b"comm: input is not in sorted order\n", 1),
    ([], ["o5", "o5"], b"\t\t2\n\t\t1\n\t\t0\n", b"", 0),
    (["--check-order"], ["o5", "o5"], b"\t\t2\n", b"comm: file 1 is not in sorted order\n", 1),
    (["--check-order"], ["px", "e"], b"Xa\n", b"comm: file 1 is not in sorted order\n", 1),
])
def test_order_checks(d, args, files, out, err, status):
    check(run("comm", *args, *files, cwd=d), out=out, err=err, status=status)


def test_stdin_operand(d):
    check(run("comm", "-", "b", cwd=d, input=b"2\n4\n"), out=b"\t\t2\n\t2\n\t3\n\t3\n\t3\n4\n")
    check(run("comm", "a", "-", cwd=d, input=b"1\n"), out=b"\t\t1\n3\n3\n3\n")


def test_stdin_twice(d):
    check(run("comm", "-", "-", input=b"1\n2\n3\n"), out=b"1\n\t2\n3\n",
          err=b"comm: -: Bad file descriptor\n", status=1)


def test_c_locale_byte_order(tmp_path):
    (tmp_path / "x").write_bytes(b"a\nB\n")
    (tmp_path / "y").write_bytes(b"a\nb\n")
    # In the C locale "B" sorts before "a", so x is out of order.
    check(run("comm", "--check-order", "x", "y", cwd=str(tmp_path)), out=b"\t\ta\n",
          err=b"comm: file 1 is not in sorted order\n", status=1)


@pytest.mark.parametrize("args,err", [
    (["a"], b"comm: missing operand after 'a'\n" + TRY),
    ([], b"comm: missing operand\n" + TRY),
    (["a", "b", "no-such"], b"comm: extra operand 'no-such'\n" + TRY),
    (["--output-delimiter=,", "--output-delimiter=+", "a", "b"], b"comm: multiple output delimiters specified\n"),
    (["-4", "a", "b"], b"comm: invalid option -- '4'\n" + TRY),
    (["nope", "a"], b"comm: nope: No such file or directory\n"),
])
def test_errors(d, args, err):
    check(run("comm", *args, cwd=d), err=err, status=1)


def test_directory(d):
    os.mkdir(os.path.join(d, "dir"))
    check(run("comm", "a", "dir", cwd=d), err=b"comm: dir: Is a directory\n", status=1)


def test_no_trailing_newline_and_empty(d):
    check(run("comm", "e", "e", cwd=d), out=b"")
    check(run("comm", "o1", "e", cwd=d), out=b"1\n3\n")


@needs_dev_full
def test_dev_full(d):
    with open("/dev/full", "wb") as o:
        r = run("comm", "a", "b", cwd=d, stdout=o)
    check(r, err=b"comm: write error: No space left on device\n", status=1)


@pytest.mark.skipif(ON_WINE, reason="needs POSIX descriptors")
def test_closed_stdout(d):
    status, err = run_closed_stdout("comm", os.path.join(d, "a"), os.path.join(d, "b"))
    assert (status, err) == (1, b"comm: write error: Bad file descriptor\n")


def _make_en_us():
    """A directory for LOCPATH holding en_US.UTF-8, compiled with localedef
    once and kept in the temporary directory (keyed by localedef and the
    locale sources, so an upgrade makes a new one), or a reason to skip."""
    localedef = shutil.which("localedef")
    if not localedef:
        return None, "localedef not found: cannot make the en_US.UTF-8 locale"
    key = []
    for f in (localedef, "/usr/share/i18n/locales/en_US", "/usr/share/i18n/locales/iso14651_t1_common"):
        try:
            st = os.stat(f)
            key.append(f"{st.st_size}.{st.st_mtime_ns}")
        except OSError:
            key.append("-")
    uid = os.getuid() if hasattr(os, "getuid") else 0
    top = os.path.join(tempfile.gettempdir(), f"corebox-test-locale-{uid}-" + hashlib.sha1(" ".join(key).encode()).hexdigest()[:12])
    if os.path.exists(os.path.join(top, "en_US.UTF-8", "LC_COLLATE")):
        return top, None
    work = tempfile.mkdtemp(prefix="corebox-locale-")
    r = subprocess.run([localedef, "-i", "en_US", "-f", "UTF-8", os.path.join(work, "en_US.UTF-8")],
                       capture_output=True)
    if not os.path.exists(os.path.join(work, "en_US.UTF-8", "LC_COLLATE")):
        shutil.rmtree(work, ignore_errors=True)
        return None, ("localedef could not make en_US.UTF-8 (Debian: install 'locales'): "
                      + r.stderr.decode(errors="replace").strip())
    try:
        os.rename(work, top)
    except OSError:  # made meanwhile by another test process
        shutil.rmtree(work, ignore_errors=True)
    return top, None


@pytest.fixture(scope="module")
def en_us():
    """The environment of the en_US.UTF-8 locale: on Linux a private copy
    (LOCPATH), so no system-wide locale is needed; under Wine the name
    alone, which corebox.exe gives to Windows (CompareStringEx, as Wine has
    no icu.dll)."""
    if ON_WINE:
        return {"LC_ALL": "en_US.UTF-8"}
    top, why = _make_en_us()
    if why:
        pytest.skip(why)
    return {"LC_ALL": "en_US.UTF-8", "LOCPATH": top}


# Orders GNU comm 9.1 gives under glibc's en_US.UTF-8, where ICU agrees:
# case after letters and accents, spaces and punctuation compared last.
@pytest.mark.parametrize("x,y,out", [
    (b"apple\nApple\nbanana\n\xc3\xa9cole\nzebra\n", b"Apple\nBanana\necole\nZebra\n",
     b"apple\n\t\tApple\nbanana\n\tBanana\n\tecole\n\xc3\xa9cole\nzebra\n\tZebra\n"),
    (b"a1\na b\nac\n", b"a b\nab\n", b"a1\n\t\ta b\n\tab\nac\n"),
    (b"a\0b\nb\n", b"a\0c\n", b"a\0b\n\ta\0c\nb\n"),
])
def test_locale_order(tmp_path, en_us, x, y, out):
    (tmp_path / "x").write_bytes(x)
    (tmp_path / "y").write_bytes(y)
    check(run("comm", "--check-order", "x", "y", cwd=str(tmp_path), env=en_us), out=out)


def test_locale_order_checks(tmp_path, en_us):
    (tmp_path / "ab").write_bytes(b"a\nB\n")
    (tmp_path / "ba").write_bytes(b"B\na\n")
    check(run("comm", "--check-order", "ab", "ab", cwd=str(tmp_path), env=en_us), out=b"\t\ta\n\t\tB\n")
    check(run("comm", "--check-order", "ba", "ba", cwd=str(tmp_path), env=en_us), out=b"\t\tB\n",
          err=b"comm: file 1 is not in sorted order\n", status=1)


def test_locale_invalid_utf8(tmp_path, en_us):
    # Equal lines pair up whatever their bytes. Lines that differ only in
    # invalid bytes (both read as U+FFFD) are ordered by those bytes:
    # only equal bytes are equal (glibc's strcoll calls these two equal).
    (tmp_path / "i").write_bytes(b"a\n\xff\n")
    (tmp_path / "fe").write_bytes(b"\xfe\n")
    (tmp_path / "ff").write_bytes(b"\xff\n")
    check(run("comm", "i", "i", cwd=str(tmp_path), env=en_us), out=b"\t\ta\n\t\t\xff\n")
    check(run("comm", "fe", "ff", cwd=str(tmp_path), env=en_us), out=b"\xfe\n\t\xff\n")
