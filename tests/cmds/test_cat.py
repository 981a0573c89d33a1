"""Tests for cat: copying, the formatting options, and errors."""
import os
import subprocess

import pytest

from conftest import (BASE_ENV, COREBOX, ON_WINE, check, needs_dev_full, run, run_closed_stdout, run_pipe_closed,
                      SIGPIPE_STATUS, wine_closed_is_directory, wine_inherited_volume)

ALL_BYTES = bytes(b for b in range(256) if b != 10) + b"\n"

# cat -v of ALL_BYTES (every byte but newline, then a newline).
ALL_BYTES_V = (
    b"^@^A^B^C^D^E^F^G^H\t^K^L^M^N^O^P^Q^R^S^T^U^V^W^X^Y^Z^[^\\^]^^^_"
    b" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
    b"abcdefghijklmnopqrstuvwxyz{|}~^?"
    b"M-^@M-^AM-^BM-^CM-^DM-^EM-^FM-^GM-^HM-^IM-^JM-^KM-^LM-^MM-^NM-^O"
    b"M-^PM-^QM-^RM-^SM-^TM-^UM-^VM-^WM-^XM-^YM-^ZM-^[M-^\\M-^]M-^^M-^_"
    b"M- M-!M-\"M-#M-$M-%M-&M-'M-(M-)M-*M-+M-,M--M-.M-/"
    b"M-0M-1M-2M-3M-4M-5M-6M-7M-8M-9M-:M-;M-<M-=M->M-?"
    b"M-@M-AM-BM-CM-DM-EM-FM-GM-HM-IM-JM-KM-LM-MM-NM-O"
    b"M-PM-QM-RM-SM-TM-UM-VM-WM-XM-YM-ZM-[M-\\M-]M-^M-_"
    b"M-`M-aM-bM-cM-dM-eM-fM-gM-hM-iM-jM-kM-lM-mM-nM-o"
    b"M-pM-qM-rM-sM-tM-uM-vM-wM-xM-yM-zM-{M-|M-}M-~M-^?\n"
)


def write(path, data):
    path.write_bytes(data)
    return str(path)


# ---- plain copying -------------------------------------------------------

def test_stdin_to_stdout():
    check(run("cat", input=b"one\ntwo\n"), out=b"one\ntwo\n")


def test_empty_input():
    check(run("cat", input=b""), out=b"")


def test_no_trailing_newline_kept():
    check(run("cat", input=b"abc"), out=b"abc")


def test_files_and_dash_in_order(tmp_path):
    a = write(tmp_path / "a", b"A\n")
    b = write(tmp_path / "b", b"B")
    check(run("cat", a, "-", b, input=b"in\n"), out=b"A\nin\nB")


def test_dash_twice_reads_stdin_once_to_end(tmp_path):
    check(run("cat", "-", "-", input=b"x\n"), out=b"x\n")


def test_double_dash_ends_options(tmp_path):
    f = write(tmp_path / "-n", b"dash\n")
    check(run("cat", "--", f, cwd=str(tmp_path)), out=b"dash\n")


def test_binary_data_unchanged(tmp_path):
    data = bytes(range(256)) * 3000
    f = write(tmp_path / "bin", data)
    check(run("cat", f), out=data)


@pytest.mark.parametrize("size", [0, 1, 131071, 131072, 131073, 1 << 20])
def test_big_file_to_pipe(tmp_path, size):
    data = (b"0123456789abcdef\n" * (size // 17 + 1))[:size]
    f = write(tmp_path / "big", data)
    check(run("cat", f, f), out=data + data)


def test_big_file_to_regular_file(tmp_path):
    data = os.urandom(300000)
    f = write(tmp_path / "big", data)
    out = tmp_path / "out"
    with open(out, "wb") as o:
        r = run("cat", f, "-", f, input=b"middle", stdout=o)
    check(r)
    assert out.read_bytes() == data + b"middle" + data


def test_big_stdin_to_regular_file(tmp_path):
    data = os.urandom(200000)
    out = tmp_path / "out"
    with open(out, "wb") as o:
        check(run("cat", input=data, stdout=o))
    assert out.read_bytes() == data


def test_u_is_ignored():
    check(run("cat", "-u", input=b"a\tb\n"), out=b"a\tb\n")


# ---- formatting ----------------------------------------------------------

def test_number():
    check(run("cat", "-n", input=b"a\n\nb\n"), out=b"     1\ta\n     2\t\n     3\tb\n")


def test_number_long_and_abbreviated():
    check(run("cat", "--number", input=b"a\n"), out=b"     1\ta\n")
    check(run("cat", "--number-n", input=b"\na\n"), out=b"\n     1\ta\n")


def test_number_last_line_without_newline():
    check(run("cat", "-n", input=b"a\nb"), out=b"     1\ta\n     2\tb")


def test_number_nonblank():
    check(run("cat", "-b", input=b"a\n\n\nb\n"), out=b"     1\ta\n\n\n     2\tb\n")
    check(run("cat", "--number-nonblank", input=b"\nx\n"), out=b"\n     1\tx\n")


def test_number_nonblank_beats_number():
    check(run("cat", "-n", "-b", input=b"a\n\nb\n"), out=b"     1\ta\n\n     2\tb\n")
    check(run("cat", "-bn", input=b"a\n\nb\n"), out=b"     1\ta\n\n     2\tb\n")


def test_numbers_continue_across_files(tmp_path):
    a = write(tmp_path / "a", b"1\n2\n")
    b = write(tmp_path / "b", b"3\n")
    check(run("cat", "-n", a, b), out=b"     1\t1\n     2\t2\n     3\t3\n")


def test_line_continues_across_files(tmp_path):
    # A file without a final newline: the next file goes on with its line,
    # which is not numbered again.
    a = write(tmp_path / "a", b"x")
    b = write(tmp_path / "b", b"y\nz\n")
    check(run("cat", "-n", a, b), out=b"     1\txy\n     2\tz\n")


def test_number_width_grows():
    r = run("cat", "-n", input=b"\n" * 1000001)
    assert r.status == 0 and r.err == b""
    lines = r.out.split(b"\n")
    assert lines[0] == b"     1\t"
    assert lines[999998] == b"999999\t"
    assert lines[999999] == b"1000000\t"
    assert lines[1000000] == b"1000001\t"
    assert lines[1000001] == b""


def test_squeeze_blank():
    check(run("cat", "-s", input=b"a\n\n\n\nb\n\n"), out=b"a\n\nb\n\n")
    check(run("cat", "--squeeze-blank", input=b"\n\n\nx\n"), out=b"\nx\n")


def test_squeeze_blank_across_files(tmp_path):
    a = write(tmp_path / "a", b"a\n\n")
    b = write(tmp_path / "b", b"\n\nb\n")
    check(run("cat", "-s", a, b), out=b"a\n\nb\n")


def test_squeeze_with_number():
    check(run("cat", "-sn", input=b"a\n\n\n\nb\n"), out=b"     1\ta\n     2\t\n     3\tb\n")


def test_show_ends():
    check(run("cat", "-E", input=b"a\n\nb"), out=b"a$\n$\nb")
    check(run("cat", "--show-ends", input=b"x\n"), out=b"x$\n")


def test_show_ends_cr_lf():
    check(run("cat", "-E", input=b"a\rb\r\nc\n\r\nd\r"), out=b"a\rb^M$\nc$\n^M$\nd\r")


def test_show_ends_cr_lf_across_files(tmp_path):
    a = write(tmp_path / "a", b"1\r")
    b = write(tmp_path / "b", b"\n2\r\n")
    check(run("cat", "-E", a, b), out=b"1^M$\n2^M$\n")
    c = write(tmp_path / "c", b"2\r\n")
    check(run("cat", "-E", a, c), out=b"1\r2^M$\n")


def test_show_ends_cr_at_buffer_edge(tmp_path):
    data = b"x" * 131071 + b"\r\n" + b"y\r"
    f = write(tmp_path / "f", data)
    check(run("cat", "-E", f), out=b"x" * 131071 + b"^M$\ny\r")


def test_show_tabs():
    check(run("cat", "-T", input=b"a\tb\x01\n"), out=b"a^Ib\x01\n")
    check(run("cat", "--show-tabs", input=b"\t\t"), out=b"^I^I")


def test_show_nonprinting_all_bytes():
    check(run("cat", "-v", input=ALL_BYTES), out=ALL_BYTES_V)
    check(run("cat", "--show-nonprinting", input=ALL_BYTES), out=ALL_BYTES_V)


def test_show_all():
    expected = ALL_BYTES_V.replace(b"\t", b"^I")[:-1] + b"$\n"
    check(run("cat", "-A", input=ALL_BYTES), out=expected)
    check(run("cat", "--show-all", input=ALL_BYTES), out=expected)
    check(run("cat", "-vET", input=ALL_BYTES), out=expected)


def test_e_and_t():
    check(run("cat", "-e", input=b"a\tb\x7f\r\n"), out=b"a\tb^?^M$\n")
    check(run("cat", "-t", input=b"a\tb\x80\n"), out=b"a^IbM-^@\n")


def test_show_nonprinting_utf8_is_bytes():
    check(run("cat", "-v", input="é€\n", env={"LC_ALL": "C.UTF-8"}), out=b"M-CM-)M-bM-^BM-,\n")


def test_nonprinting_big_input_in_pieces():
    data = (b"\x01\xff ok\t\n" * 50000)
    expected = b"^AM-^? ok\t\n" * 50000
    check(run("cat", "-v", input=data), out=expected)


def test_number_and_show_ends_combined():
    check(run("cat", "-nE", input=b"a\n\nb"), out=b"     1\ta$\n     2\t$\n     3\tb")
    check(run("cat", "-bA", input=b"\t\n\n"), out=b"     1\t^I$\n$\n")


# ---- errors --------------------------------------------------------------

def test_missing_file_continues(tmp_path):
    a = write(tmp_path / "a", b"A\n")
    check(run("cat", "nosuch", a, cwd=str(tmp_path)), out=b"A\n",
          err=b"cat: nosuch: No such file or directory\n", status=1)


def test_missing_file_name_quoted(tmp_path):
    check(run("cat", "a b", cwd=str(tmp_path)),
          err=b"cat: 'a b': No such file or directory\n", status=1)


def test_directory(tmp_path):
    (tmp_path / "d").mkdir()
    a = write(tmp_path / "a", b"A\n")
    check(run("cat", "d", "a", cwd=str(tmp_path)), out=b"A\n", err=b"cat: d: Is a directory\n", status=1)
    check(run("cat", "-n", "d", cwd=str(tmp_path)), err=b"cat: d: Is a directory\n", status=1)


@wine_closed_is_directory
def test_stdin_directory(tmp_path):
    fd = os.open(str(tmp_path), os.O_RDONLY)
    try:
        argv = COREBOX + ["cat"]
        p = subprocess.run(argv, stdin=fd, capture_output=True, env=BASE_ENV)
    finally:
        os.close(fd)
    assert (p.returncode, p.stdout, p.stderr) == (1, b"", b"cat: -: Is a directory\n")


@pytest.mark.skipif(ON_WINE, reason="needs POSIX file permissions")
def test_unreadable_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    f = write(tmp_path / "secret", b"x")
    os.chmod(f, 0)
    check(run("cat", "secret", cwd=str(tmp_path)), err=b"cat: secret: Permission denied\n", status=1)


def test_invalid_option():
    check(run("cat", "-z"), err=b"cat: invalid option -- 'z'\nTry 'cat --help' for more information.\n",
          status=1)


def test_unknown_long_option():
    check(run("cat", "--bogus"), err=b"cat: unrecognized option '--bogus'\nTry 'cat --help' for more information.\n",
          status=1)


def test_ambiguous_long_option():
    check(run("cat", "--show"),
          err=b"cat: option '--show' is ambiguous; possibilities: '--show-nonprinting' '--show-ends' "
              b"'--show-tabs' '--show-all'\nTry 'cat --help' for more information.\n",
          status=1)


def test_help_and_version():
    r = run("cat", "--help")
    assert r.status == 0 and r.out.startswith(b"Usage: ") and r.err == b""
    r = run("cat", "--version")
    assert r.status == 0 and r.out.startswith(b"cat (corebox) ")


@wine_inherited_volume
def test_input_is_output_append(tmp_path):
    f = tmp_path / "f"
    f.write_bytes(b"x\n")
    with open(f, "ab") as o:
        r = run("cat", str(f), stdout=o)
    check(r, err=b"cat: %s: input file is output file\n" % str(f).encode(), status=1)
    assert f.read_bytes() == b"x\n"


def test_input_is_output_stdin_append(tmp_path):
    f = tmp_path / "f"
    f.write_bytes(b"x\n")
    with open(f, "rb") as i, open(f, "ab") as o:
        p = subprocess.run(COREBOX + ["cat"], stdin=i, stdout=o, stderr=subprocess.PIPE, env=BASE_ENV)
    assert (p.returncode, p.stderr) == (1, b"cat: -: input file is output file\n")
    assert f.read_bytes() == b"x\n"


@wine_inherited_volume
def test_input_is_output_ahead(tmp_path):
    # Output already past the start of the input file: refused; the same
    # file at the same position is fine.
    fx = write(tmp_path / "fx", b"x\n")
    out = tmp_path / "o"
    out.write_bytes(b"x\n")
    fd = os.open(str(out), os.O_RDWR)
    try:
        p = subprocess.run(COREBOX + ["cat", fx, str(out)], stdout=fd, stderr=subprocess.PIPE, env=BASE_ENV)
    finally:
        os.close(fd)
    assert (p.returncode, p.stderr) == (1, b"cat: %s: input file is output file\n" % str(out).encode())
    assert out.read_bytes() == b"x\n"

    same = tmp_path / "s"
    same.write_bytes(b"x\n")
    fy = write(tmp_path / "fy", b"y\n")
    fd = os.open(str(same), os.O_RDWR)
    try:
        p = subprocess.run(COREBOX + ["cat", str(same), fy], stdout=fd, stderr=subprocess.PIPE, env=BASE_ENV)
    finally:
        os.close(fd)
    assert (p.returncode, p.stderr) == (0, b"")
    assert same.read_bytes() == b"x\ny\n"


def test_input_at_end_output_append_is_fine(tmp_path):
    f = tmp_path / "f"
    f.write_bytes(b"foo\n")
    with open(f, "rb") as i, open(f, "ab") as o:
        i.seek(0, 2)
        p = subprocess.run(COREBOX + ["cat"], stdin=i, stdout=o, stderr=subprocess.PIPE, env=BASE_ENV)
    assert (p.returncode, p.stderr) == (0, b"")
    assert f.read_bytes() == b"foo\n"


def test_truncated_output_same_file(tmp_path):
    # POSIX's example: "cat doc doc.end > doc" is not an error.
    doc = tmp_path / "doc"
    doc.write_bytes(b"x\n")
    end = write(tmp_path / "doc.end", b"y\n")
    with open(doc, "wb") as o:
        r = run("cat", str(doc), end, stdout=o)
    check(r)
    assert doc.read_bytes() == b"y\n"


@needs_dev_full
@pytest.mark.parametrize("opts", [[], ["-n"], ["-v"]])
def test_dev_full(tmp_path, opts):
    f = write(tmp_path / "f", b"data\n" * 1000)
    with open("/dev/full", "wb") as o:
        r = run("cat", *opts, f, stdout=o)
    check(r, err=b"cat: write error: No space left on device\n", status=1)
    with open("/dev/full", "wb") as o:
        r = run("cat", *opts, input=b"x\n", stdout=o)
    check(r, err=b"cat: write error: No space left on device\n", status=1)


def test_closed_stdout():
    status, err = run_closed_stdout("cat", "/dev/null")
    assert (status, err) == (1, b"cat: standard output: Bad file descriptor\n")


def test_pipe_closed_is_quiet(tmp_path):
    f = write(tmp_path / "f", b"y\n" * 500000)
    status, err = run_pipe_closed("cat", f, read_bytes=10)
    assert (status, err) == (SIGPIPE_STATUS, b"")
    status, err = run_pipe_closed("cat", "-n", f, read_bytes=10)
    assert (status, err) == (SIGPIPE_STATUS, b"")


def test_formatted_output_is_not_held_back():
    # With formatting, what has been read is written before cat waits for
    # more input.
    p = subprocess.Popen(COREBOX + ["cat", "-v"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=BASE_ENV)
    p.stdin.write(b"1\x01\n")
    p.stdin.flush()
    first = os.read(p.stdout.fileno(), 100)
    p.stdin.write(b"2\n")
    p.stdin.close()
    rest = p.stdout.read()
    p.wait(timeout=30)
    assert (first, rest, p.returncode) == (b"1^A\n", b"2\n", 0)
