"""Tests for wc: the counts, column widths, totals, --files0-from, errors."""
import os
import subprocess

import pytest

from conftest import (BASE_ENV, COREBOX, ON_WINE, check, needs_dev_full, run, run_closed_stdout, wine_closed_is_directory,
                      windows_no_newline_names)

UTF8 = {"LC_ALL": "C.UTF-8"}


def write(path, data):
    path.write_bytes(data)
    return str(path)


def run_fd(args, stdin_fd, env=None):
    e = dict(BASE_ENV)
    e.update(env or {})
    p = subprocess.run(COREBOX + ["wc"] + args, stdin=stdin_fd, capture_output=True, env=e)
    return p.returncode, p.stdout, p.stderr


# ---- single counts ----------------------------------------------------------

def count_files(tmp_path, opts, cases, env=None):
    """Run wc OPTS on one file per case (DATA, EXPECTED COLUMNS) and check
    each line. The column width is the number of digits of the files'
    total size, as for any set of regular files."""
    names = []
    for i, (data, _) in enumerate(cases):
        write(tmp_path / ("f%02d" % i), data)
        names.append("f%02d" % i)
    width = len(str(sum(len(d) for d, _ in cases)))
    expected = b"".join(b" ".join(b"%*d" % (width, v) for v in vals) + b" " + n.encode() + b"\n"
                        for n, (_, vals) in zip(names, cases))
    check(run("wc", *opts, "--total=never", *names, cwd=str(tmp_path), env=env), out=expected)


def test_bytes(tmp_path):
    count_files(tmp_path, ["-c"], [(b"", [0]), (b"x", [1]), (b"\xc3\xa9\n", [3])])


def test_lines(tmp_path):
    count_files(tmp_path, ["-l"], [(b"", [0]), (b"x y", [0]), (b"x y\n", [1]), (b"x\ny\n", [2]),
                                   (b"\n\n\r\f", [2])])


def test_words(tmp_path):
    count_files(tmp_path, ["-w"], [
        (b"", [0]), (b"x", [1]), (b"x y\n", [2]), (b"x y\nz", [3]), (b"  lead and trail  ", [3]),
        (b"a\tb\vc\fd\re\nf", [6]), (b"\x01\n", [1]), (b"\xff \xff", [2]), (b"a\xa0b", [2]),
        (b"\x00", [1])])


def test_max_line_length(tmp_path):
    count_files(tmp_path, ["-L"], [
        (b"", [0]), (b"1\n12\n", [2]), (b"1\n123\n1\n", [3]), (b"\n123456", [6]), (b"a\tb\n", [9]),
        (b"\t\t", [16]), (b"1234567\tx", [9]), (b"abc\rde\n", [3]), (b"abc\fde", [3]),
        (b"a\vb\x01c", [3]), (b"\xc3\xa9", [0])])


def test_chars_c_locale(tmp_path):
    count_files(tmp_path, ["-m"], [(b"", [0]), (b"\xc3\xa9", [2]), (b"\xff\n", [2])])


def test_single_counts_from_stdin():
    check(run("wc", "-l", input=b"x\ny\n"), out=b"2\n")
    check(run("wc", "-w", input=b""), out=b"0\n")
    check(run("wc", "-c", input=b"abc"), out=b"3\n")


def test_long_option_names():
    data = b"one two\nthree\n"
    check(run("wc", "--lines", "--words", "--chars", "--bytes", "--max-line-length", input=data),
          out=b"      2       3      14      14       7\n")


def test_default_counts_from_pipe():
    check(run("wc", input=b""), out=b"      0       0       0\n")
    check(run("wc", input=b"a b\nc\n"), out=b"      2       3       6\n")


def test_counts_always_in_fixed_order():
    check(run("wc", "-Lcmwl", input=b"ab cd\n"), out=b"      1       2       6       6       5\n")
    check(run("wc", "-cl", input=b"ab cd\n"), out=b"      1       6\n")


# ---- UTF-8 -----------------------------------------------------------------

def test_utf8_all_counts(tmp_path):
    count_files(tmp_path, ["-lwmcL"], [
        ("é€😀\n".encode(), [1, 1, 4, 10, 4]),
        (b"a\xffb\xe2\x82\n", [1, 1, 3, 6, 2]),
        ("日本\n".encode(), [1, 1, 3, 7, 4]),
        ("é\tx".encode(), [0, 2, 3, 4, 9]),
        (b"e\xcc\x81", [0, 1, 2, 3, 1]),
        (b"\xed\xa0\x80", [0, 1, 0, 3, 0]),          # a surrogate
        (b"\xc0\x80\xf5\x80", [0, 1, 0, 4, 0]),      # overlong, bad lead
        (b"\xf4\x90\x80\x80", [0, 1, 0, 4, 0]),      # above U+10FFFF (RFC 3629)
        (b"\xe2\x82", [0, 1, 0, 2, 0]),              # cut short at the end
        (b"\xf0\x9f\x98x", [0, 1, 1, 4, 1]),
        (b"\xff \xff", [0, 2, 1, 3, 1]),
    ], env=UTF8)


def test_utf8_word_separators(tmp_path):
    cases = [
        ("a\u00a0b", 2),    # no-break spaces separate words
        ("a\u2007b", 2),
        ("a\u202fb", 2),
        ("a\u2060b", 2),
        ("a\u2003b", 2),    # em space
        ("a\u3000b", 2),    # ideographic space
        ("a\u1680b", 2),
        ("a\u2028b", 2),
        ("a\u205fb", 2),
        ("a\u0085b", 1),    # NEL is not a space in the locale
        ("a\u200bb", 1),    # nor is the zero width space
        ("a\x01b", 1),
        ("\u3000\u3000", 0),
    ]
    count_files(tmp_path, ["-w"], [(d.encode(), [w]) for d, w in cases], env=UTF8)
    check(run("wc", "-w", input="x\u2003y\u00a0z".encode(), env=UTF8), out=b"3\n")


def test_posixly_correct_keeps_nbsp_in_words():
    check(run("wc", "-w", input="a\u00a0b c".encode(), env={"LC_ALL": "C.UTF-8", "POSIXLY_CORRECT": "1"}),
          out=b"2\n")
    check(run("wc", "-w", input="a\u2003b c".encode(), env={"LC_ALL": "C.UTF-8", "POSIXLY_CORRECT": "1"}),
          out=b"3\n")


def test_c_locale_bytes_are_characters():
    check(run("wc", "-lwmcL", input="é€ x\n".encode()), out=b"      1       2       8       8       2\n")


def test_utf8_character_split_between_reads(tmp_path):
    data = b"a" * 262143 + "é".encode() + b"b" * 100000 + "😀".encode()
    f = write(tmp_path / "f", data)
    check(run("wc", "-m", f, env=UTF8), out=b"362145 %s\n" % f.encode())
    check(run("wc", "-mwL", input=data, env=UTF8), out=b"      1  362145  362146\n")


def test_utf8_invalid_at_end_of_input():
    check(run("wc", "-mc", input=b"ab\xe2\x82", env=UTF8), out=b"      2       4\n")


def test_lines_in_big_input(tmp_path):
    data = b"x" * 1000 + b"\n" * 70000 + b"y\n" * 200000 + b"z"
    f = write(tmp_path / "f", data)
    check(run("wc", "-l", f), out=b"270000 %s\n" % f.encode())
    check(run("wc", "-lm", f, env=UTF8), out=b"270000 471001 %s\n" % f.encode())
    check(run("wc", "-lc", input=data), out=b" 270000  471001\n")


# ---- files and column widths ------------------------------------------------

def test_files_width_from_sizes_and_total(tmp_path):
    write(tmp_path / "2b", b"2\n")
    write(tmp_path / "2w", b"2 words\n")
    check(run("wc", "2b", "2w", cwd=str(tmp_path)),
          out=b" 1  1  2 2b\n 1  2  8 2w\n 2  3 10 total\n")


def test_one_file_one_count_width_1(tmp_path):
    write(tmp_path / "f", b"x\n" * 100)
    check(run("wc", "-l", "f", cwd=str(tmp_path)), out=b"100 f\n")
    check(run("wc", "f", cwd=str(tmp_path)), out=b"100 100 200 f\n")


def test_stdin_redirected_from_file_width(tmp_path):
    f = write(tmp_path / "f", b"a b\n" * 300)
    with open(f, "rb") as i:
        assert run_fd([], i) == (0, b" 300  600 1200\n", b"")
    with open(f, "rb") as i:
        assert run_fd(["-l"], i) == (0, b"300\n", b"")


def test_pipe_and_device_width_7(tmp_path):
    write(tmp_path / "f", b"x\n")
    check(run("wc", "-l", "f", "-", cwd=str(tmp_path), input=b"a\nb\n"),
          out=b"      1 f\n      2 -\n      3 total\n")
    if os.path.exists("/dev/null") and not ON_WINE:
        check(run("wc", "/dev/null"), out=b"      0       0       0 /dev/null\n")


@windows_no_newline_names
def test_name_with_newline_is_quoted(tmp_path):
    write(tmp_path / "1\n2", b"")
    check(run("wc", "1\n2", cwd=str(tmp_path)), out=b"0 0 0 '1'$'\\n''2'\n")


def test_name_with_space_not_quoted(tmp_path):
    write(tmp_path / "a b", b"xy")
    check(run("wc", "-c", "a b", cwd=str(tmp_path)), out=b"2 a b\n")


# ---- --total -------------------------------------------------------------

@pytest.fixture
def two(tmp_path):
    write(tmp_path / "2b", b"2\n")
    write(tmp_path / "2w", b"2 words\n")
    return str(tmp_path)


def test_total_never(two):
    check(run("wc", "--total=never", "2b", "2w", cwd=two), out=b" 1  1  2 2b\n 1  2  8 2w\n")


def test_total_only(two):
    check(run("wc", "--total=only", "2b", "2w", cwd=two), out=b"2 3 10\n")
    check(run("wc", "--total=only", "-l", input=b"a\nb\n"), out=b"2\n")


def test_total_always(two):
    check(run("wc", "--total=always", "2b", cwd=two), out=b"1 1 2 2b\n1 1 2 total\n")
    check(run("wc", "--total=always", "-c", input=b"abc"), out=b"3\n3 total\n")


def test_total_auto_and_abbreviations(two):
    check(run("wc", "--total=auto", "2b", cwd=two), out=b"1 1 2 2b\n")
    check(run("wc", "--total=o", "2b", "2w", cwd=two), out=b"2 3 10\n")
    check(run("wc", "--tot=al", "2b", cwd=two), out=b"1 1 2 2b\n1 1 2 total\n")


def test_total_requires_argument(two):
    # "--total 2b" takes 2b as the argument.
    check(run("wc", "--total", "2b", "2w", cwd=two),
          err=b"wc: invalid argument '2b' for '--total'\nValid arguments are:\n  - 'auto'\n"
              b"  - 'always'\n  - 'only'\n  - 'never'\nTry 'wc --help' for more information.\n",
          status=1)


def test_total_ambiguous():
    check(run("wc", "--total=a"),
          err=b"wc: ambiguous argument 'a' for '--total'\nValid arguments are:\n  - 'auto'\n"
              b"  - 'always'\n  - 'only'\n  - 'never'\nTry 'wc --help' for more information.\n",
          status=1)


def test_total_overflow(tmp_path):
    big = tmp_path / "big"
    try:
        with open(big, "wb") as f:
            f.truncate(2 << 60)
    except OSError:
        pytest.skip("no files of 2 EiB here")
    args = ["-c"] + ["big"] * 8
    check(run("wc", "--total=only", *args, cwd=str(tmp_path)),
          out=b"18446744073709551615\n", err=b"wc: total bytes: Value too large for defined data type\n",
          status=1)
    r = run("wc", "--total=never", *args, cwd=str(tmp_path))
    check(r, out=b" 2305843009213693952 big\n" * 8)


# ---- --files0-from -------------------------------------------------------

def test_files0_from_file(tmp_path):
    write(tmp_path / "2b", b"2\n")
    write(tmp_path / "2w", b"2 words\n")
    write(tmp_path / "names", b"2b\x002w\x00")
    expected = b" 1  1  2 2b\n 1  2  8 2w\n 2  3 10 total\n"
    check(run("wc", "--files0-from=names", cwd=str(tmp_path)), out=expected)
    with open(tmp_path / "names", "rb") as i:
        p = subprocess.run(COREBOX + ["wc", "--files0-from=-"], stdin=i, capture_output=True,
                           env=BASE_ENV, cwd=str(tmp_path))
    assert (p.returncode, p.stdout, p.stderr) == (0, expected, b"")


def test_files0_from_pipe_width_1(tmp_path):
    write(tmp_path / "g", b"")
    cwd = str(tmp_path)
    check(run("wc", "--files0-from=-", input=b"g", cwd=cwd), out=b"0 0 0 g\n")
    check(run("wc", "--files0-from=-", input=b"g\0", cwd=cwd), out=b"0 0 0 g\n")
    check(run("wc", "--files0-from=-", input=b"g\0g", cwd=cwd), out=b"0 0 0 g\n0 0 0 g\n0 0 0 total\n")
    check(run("wc", "--files0-from=-", input=b"g\0g\0", cwd=cwd), out=b"0 0 0 g\n0 0 0 g\n0 0 0 total\n")


@windows_no_newline_names
def test_files0_from_name_with_newline(tmp_path):
    write(tmp_path / "1\n2", b"")
    check(run("wc", "--files0-from=-", input=b"1\n2\0", cwd=str(tmp_path)), out=b"0 0 0 '1'$'\\n''2'\n")


def test_files0_from_sizes(tmp_path):
    big = tmp_path / "wc.big"
    with open(big, "wb") as f:
        f.truncate(1 << 30)
    write(tmp_path / "wc.small", b"")
    check(run("wc", "-c", "--files0-from=-", input=b"wc.big\0wc.small\0", cwd=str(tmp_path)),
          out=b"1073741824 wc.big\n0 wc.small\n1073741824 total\n")


def test_files0_from_empty(tmp_path):
    write(tmp_path / "empty", b"")
    check(run("wc", "--files0-from=empty", cwd=str(tmp_path)))
    check(run("wc", "--files0-from=-", input=b""))
    check(run("wc", "--total=always", "--files0-from=-", input=b""), out=b"0 0 0 total\n")


def test_files0_from_zero_length_names(tmp_path):
    write(tmp_path / "g", b"")
    cwd = str(tmp_path)
    check(run("wc", "--files0-from=-", input=b"\0"), err=b"wc: -:1: invalid zero-length file name\n", status=1)
    check(run("wc", "--files0-from=-", input=b"\0\0"), out=b"0 0 0 total\n",
          err=b"wc: -:1: invalid zero-length file name\nwc: -:2: invalid zero-length file name\n", status=1)
    check(run("wc", "--files0-from=-", input=b"\0g\0", cwd=cwd), out=b"0 0 0 g\n0 0 0 total\n",
          err=b"wc: -:1: invalid zero-length file name\n", status=1)
    write(tmp_path / "list", b"g\0\0")
    check(run("wc", "--files0-from=list", cwd=cwd), out=b"0 0 0 g\n0 0 0 total\n",
          err=b"wc: list:2: invalid zero-length file name\n", status=1)


def test_files0_from_stdin_names_dash():
    check(run("wc", "--files0-from=-", input=b"-"),
          err=b"wc: when reading file names from standard input, no file name of '-' allowed\n", status=1)


def test_files0_from_file_names_dash_reads_stdin(tmp_path):
    write(tmp_path / "list", b"-\0")
    check(run("wc", "--files0-from=list", input=b"a b\n", cwd=str(tmp_path)),
          out=b"      1       2       4 -\n")


def test_files0_from_missing(tmp_path):
    check(run("wc", "--files0-from=missing", cwd=str(tmp_path)),
          err=b"wc: cannot open 'missing' for reading: No such file or directory\n", status=1)


def test_files0_from_missing_listed_file(tmp_path):
    check(run("wc", "--files0-from=-", input=b"nosuch\0", cwd=str(tmp_path)),
          err=b"wc: nosuch: No such file or directory\n", status=1)


def test_files0_from_directory(tmp_path):
    check(run("wc", "--files0-from=.", cwd=str(tmp_path)), err=b"wc: .: read error: Is a directory\n", status=1)


def test_files0_from_with_operand():
    check(run("wc", "--files0-from=-", "no-such", input=b"a"),
          err=b"wc: extra operand 'no-such'\nfile operands cannot be combined with --files0-from\n"
              b"Try 'wc --help' for more information.\n",
          status=1)


# ---- byte counts without reading ------------------------------------------

@pytest.mark.skipif(ON_WINE, reason="needs shared file offsets")
def test_bytes_from_current_offset(tmp_path):
    f = write(tmp_path / "f", b"0123456789")
    with open(f, "rb") as i:
        i.seek(3)
        assert run_fd(["-c"], i) == (0, b"7\n", b"")
        # The offset moved to the end, as if the file had been read.
        assert run_fd(["-c"], i) == (0, b"0\n", b"")


@pytest.mark.skipif(ON_WINE, reason="needs shared file offsets")
def test_bytes_page_multiple_size(tmp_path):
    f = tmp_path / "pages"
    with open(f, "wb") as o:
        o.truncate(1048576)
    write(tmp_path / "two", b"ab")
    check(run("wc", "-c", "two", "pages", cwd=str(tmp_path)),
          out=b"      2 two\n1048576 pages\n1048578 total\n")
    with open(f, "rb") as i:
        assert run_fd(["-c"], i) == (0, b"1048576\n", b"")
        assert run_fd(["-c"], i) == (0, b"0\n", b"")


@pytest.mark.skipif(not os.path.exists("/proc/version") or ON_WINE, reason="needs /proc")
def test_bytes_of_proc_file():
    with open("/proc/version", "rb") as f:
        size = len(f.read())
    check(run("wc", "-c", "/proc/version"), out=b"%d /proc/version\n" % size)


def test_chars_in_c_locale_are_bytes(tmp_path):
    f = write(tmp_path / "f", "éé".encode())
    check(run("wc", "-m", "f", cwd=str(tmp_path)), out=b"4 f\n")


# ---- --debug ---------------------------------------------------------------

def test_debug_without_avx2():
    # corebox names only the instructions it can use.
    check(run("wc", "-l", "--debug", input=b"a\n", env={"GLIBC_TUNABLES": "glibc.cpu.hwcaps=-AVX2,-AVX512F"}),
          out=b"1\n", err=b"wc: avx2 support not detected\n")


# ---- errors ----------------------------------------------------------------

def test_missing_file(tmp_path):
    write(tmp_path / "f", b"x\n")
    check(run("wc", "-l", "nosuch", "f", cwd=str(tmp_path)), out=b"1 f\n1 total\n",
          err=b"wc: nosuch: No such file or directory\n", status=1)


def test_missing_file_quoted(tmp_path):
    check(run("wc", "a b", cwd=str(tmp_path)), err=b"wc: 'a b': No such file or directory\n", status=1)


def test_directory(tmp_path):
    (tmp_path / "d").mkdir()
    check(run("wc", "d", cwd=str(tmp_path)), out=b"      0       0       0 d\n",
          err=b"wc: d: Is a directory\n", status=1)
    check(run("wc", "-c", "d", cwd=str(tmp_path)), out=b"0 d\n", err=b"wc: d: Is a directory\n", status=1)


@wine_closed_is_directory
def test_stdin_directory(tmp_path):
    fd = os.open(str(tmp_path), os.O_RDONLY)
    try:
        assert run_fd([], fd) == (1, b"      0       0       0\n", b"wc: 'standard input': Is a directory\n")
        assert run_fd(["-m"], fd, env=UTF8) == (1, b"0\n", b"wc: 'standard input': Is a directory\n")
    finally:
        os.close(fd)


def test_zero_length_operand(tmp_path):
    write(tmp_path / "f", b"x")
    check(run("wc", "-c", "", "f", cwd=str(tmp_path)), out=b"1 f\n1 total\n",
          err=b"wc: invalid zero-length file name\n", status=1)


def test_invalid_option():
    check(run("wc", "-x"), err=b"wc: invalid option -- 'x'\nTry 'wc --help' for more information.\n", status=1)


def test_help_and_version():
    r = run("wc", "--help")
    assert r.status == 0 and r.out.startswith(b"Usage: ") and b"--files0-from=F" in r.out
    r = run("wc", "--version")
    assert r.status == 0 and r.out.startswith(b"wc (corebox) ")


@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as o:
        r = run("wc", input=b"x\n", stdout=o)
    check(r, err=b"wc: write error: No space left on device\n", status=1)


@pytest.mark.skipif(ON_WINE, reason="needs POSIX descriptors")
def test_closed_stdout():
    status, err = run_closed_stdout("wc", "/dev/null")
    assert (status, err) == (1, b"wc: write error: Bad file descriptor\n")
