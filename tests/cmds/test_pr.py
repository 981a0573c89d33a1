"""pr: GNU coreutils 9.10 behaviour.

The layouts below are GNU's for the same input; GNU's own suite
(tests/pr/pr-tests.pl) covers many more option combinations.
"""
import os

import pytest

from conftest import ON_WINE, check, needs_dev_full, run, run_closed_stdout

TRY = "Try 'pr --help' for more information.\n"

SEVEN = b"one\ntwo\nthree\nfour\nfive\nsix\nseven\n"
MIXED = b"a\tb\tc\nx\001y\177z\351\n\fnew page\nlast"
MTIME = 1623053350   # 2021-06-07 08:09:10 UTC
UTC = {"TZ": "UTC"}


@pytest.fixture
def files(tmp_path):
    for name, data in (("seven", SEVEN), ("mixed", MIXED)):
        p = tmp_path / name
        p.write_bytes(data)
        os.utime(p, (MTIME, MTIME))
    return tmp_path


# ---- layouts, checked against GNU's ------------------------------------

@pytest.mark.parametrize("args,out", [
    (('-l', '12', 'seven'), b'\n\n2021-06-07 08:09                      seven                       Page 1\n\n\none\ntwo\n\n\n\n\n\n\n\n2021-06-07 08:09                      seven                       Page 2\n\n\nthree\nfour\n\n\n\n\n\n\n\n2021-06-07 08:09                      seven                       Page 3\n\n\nfive\nsix\n\n\n\n\n\n\n\n2021-06-07 08:09                      seven                       Page 4\n\n\nseven\n\n\n\n\n\n\n'),
    (('-l', '12', '-h', 'Title', 'seven'), b'\n\n2021-06-07 08:09                      Title                       Page 1\n\n\none\ntwo\n\n\n\n\n\n\n\n2021-06-07 08:09                      Title                       Page 2\n\n\nthree\nfour\n\n\n\n\n\n\n\n2021-06-07 08:09                      Title                       Page 3\n\n\nfive\nsix\n\n\n\n\n\n\n\n2021-06-07 08:09                      Title                       Page 4\n\n\nseven\n\n\n\n\n\n\n'),
    (('-l', '12', '-D', '%d/%m', 'seven'), b'\n\n07/06                            seven                            Page 1\n\n\none\ntwo\n\n\n\n\n\n\n\n07/06                            seven                            Page 2\n\n\nthree\nfour\n\n\n\n\n\n\n\n07/06                            seven                            Page 3\n\n\nfive\nsix\n\n\n\n\n\n\n\n07/06                            seven                            Page 4\n\n\nseven\n\n\n\n\n\n\n'),
    (('-l', '12', '-F', 'seven'), b'\n\n2021-06-07 08:09                      seven                       Page 1\n\n\none\ntwo\n\x0c\n\n2021-06-07 08:09                      seven                       Page 2\n\n\nthree\nfour\n\x0c\n\n2021-06-07 08:09                      seven                       Page 3\n\n\nfive\nsix\n\x0c\n\n2021-06-07 08:09                      seven                       Page 4\n\n\nseven\n\x0c'),
    (('-l', '12', '+2', 'seven'), b'\n\n2021-06-07 08:09                      seven                       Page 2\n\n\nthree\nfour\n\n\n\n\n\n\n\n2021-06-07 08:09                      seven                       Page 3\n\n\nfive\nsix\n\n\n\n\n\n\n\n2021-06-07 08:09                      seven                       Page 4\n\n\nseven\n\n\n\n\n\n\n'),
    (('-l', '12', '--pages=1:1', '-d', 'seven'), b'\n\n2021-06-07 08:09                      seven                       Page 1\n\n\none\n\n\n\n\n\n\n'),
    (('-t', '-3', 'seven'), b'one\t\t\tfour\t\t\tsix\ntwo\t\t\tfive\t\t\tseven\nthree\n'),
    (('-t', '-3', '-a', 'seven'), b'one\t\t\ttwo\t\t\tthree\nfour\t\t\tfive\t\t\tsix\nseven\n'),
    (('-t', '--columns=2', '-w', '20', 'seven'), b'one\t  five\ntwo\t  six\nthree\t  seven\nfour\n'),
    (('-t', '-2', '-s:', 'seven'), b'one:five\ntwo:six\nthree:seven\nfour\n'),
    (('-t', '-2', '--sep-string= | ', 'seven'), b'one\t\t\t\t   | five\ntwo\t\t\t\t   | six\nthree\t\t\t\t   | seven\nfour\n'),
    (('-t', '-2', '-J', 'seven'), b'one\tfive\ntwo\tsix\nthree\tseven\nfour\n'),
    (('-t', '-W', '3', 'seven'), b'one\ntwo\nthr\nfou\nfiv\nsix\nsev\n'),
    (('-t', '-m', 'seven', 'mixed'), b'one\t\t\t\t    a\t    b\t    c\ntwo\t\t\t\t    x\x01y\x7fz\xe9\nthree\t\t\t\t    \nfour\t\t\t\t    \nfive\t\t\t\t    \nsix\t\t\t\t    \nseven\t\t\t\t    \n\x0c\t\t\t\t    new page\n\t\t\t\t    last\n'),
    (('-t', '-n', 'seven'), b'    1\tone\n    2\ttwo\n    3\tthree\n    4\tfour\n    5\tfive\n    6\tsix\n    7\tseven\n'),
    (('-t', '-n:3', '-N', '98', 'seven'), b' 98:one\n 99:two\n100:three\n101:four\n102:five\n103:six\n104:seven\n'),
    (('-t', '-o', '4', 'seven'), b'    one\n    two\n    three\n    four\n    five\n    six\n    seven\n'),
    (('-t', '-e4', 'mixed'), b'a   b   c\nx\x01y\x7fz\xe9\n\x0cnew page\nlast\n'),
    (('-t', '-i', '-o', '9', 'seven'), b'\t one\n\t two\n\t three\n\t four\n\t five\n\t six\n\t seven\n'),
    (('-t', '-c', 'mixed'), b'a\tb\tc\nx^Ay^?z\\351\n\x0cnew page\nlast\n'),
    (('-t', '-v', 'mixed'), b'a\tb\tc\nx\\001y\\177z\\351\n\x0cnew page\nlast\n'),
    (('-T', 'mixed'), b'a\tb\tc\nx\x01y\x7fz\xe9\nnew page\nlast\n'),
    (('-t', 'mixed'), b'a\tb\tc\nx\x01y\x7fz\xe9\n\x0cnew page\nlast\n'),
    (('-l', '11', 'mixed'), b'\n\n2021-06-07 08:09                      mixed                       Page 1\n\n\na\tb\tc\n\n\n\n\n\n\n\n2021-06-07 08:09                      mixed                       Page 2\n\n\nx\x01y\x7fz\xe9\n\n\n\n\n\n\n\n2021-06-07 08:09                      mixed                       Page 3\n\n\nnew page\n\n\n\n\n\n\n\n2021-06-07 08:09                      mixed                       Page 4\n\n\nlast\n\n\n\n\n\n'),
], ids=lambda v: " ".join(v) if isinstance(v, tuple) else "_")
def test_layout(files, args, out):
    check(run("pr", *args, cwd=files, env=UTC), out=out)


def test_stdin_header_and_padding():
    head = b"\n\nDATE" + b" " * 62 + b"Page 1\n\n\n"
    check(run("pr", "-D", "DATE", "-l", "11", input=b"x\n"), out=head + b"x\n" + b"\n" * 5)


def test_empty_input():
    check(run("pr", "-l", "12", input=b""))
    check(run("pr", "-t", input=b""))


def test_bytes_pass_through():
    check(run("pr", "-t", input=b"\xff\xfe\n"), out=b"\xff\xfe\n")


def test_form_feeds_make_pages():
    check(run("pr", "-D", "D", "-h", "", "-l", "11", input=b"a\fb\n"),
          out=(b"\n\nD" + b" " * 65 + b"Page 1\n\n\na\n" + b"\n" * 5
               + b"\n\nD" + b" " * 65 + b"Page 2\n\n\nb\n" + b"\n" * 5))
    check(run("pr", "-t", input=b"a\fb\n"), out=b"a\n\fb\n")
    check(run("pr", "-T", input=b"a\fb\n"), out=b"a\nb\n")


def test_merge_with_stdin(files):
    out = (b"one\t\t\t\t    a\t    b\t    c\ntwo\t\t\t\t    x\x01y\x7fz\xe9\n"
           b"three\t\t\t\t    \nfour\t\t\t\t    \nfive\t\t\t\t    \nsix\t\t\t\t    \n"
           b"seven\t\t\t\t    \n\x0c\t\t\t\t    new page\n\t\t\t\t    last\n")
    check(run("pr", "-t", "-m", "seven", "-", cwd=files, input=MIXED), out=out)


def test_numbering_restarts_per_file(files):
    out = b"".join(b"%5d\t%s\n" % (i + 1, w) for i, w in enumerate(SEVEN.split()))
    out += b"    1\ta\tb\tc\n    2\tx\x01y\x7fz\xe9\n    3\tnew page\n    4\tlast\n"
    check(run("pr", "-t", "-n", "seven", "mixed", cwd=files), out=out.replace(b"\n    3\tnew", b"\n\x0c    3\tnew"))


def test_missing_file_goes_on(files):
    check(run("pr", "-t", "seven", "nope", cwd=files), out=SEVEN,
          err="pr: nope: No such file or directory\n", status=1)
    check(run("pr", "-r", "-t", "nope", "seven", cwd=files), out=SEVEN, status=1)
    check(run("pr", "-m", "-t", "seven", "nope", cwd=files), out=SEVEN,
          err="pr: nope: No such file or directory\n", status=1)


def test_directory(tmp_path):
    (tmp_path / "d").mkdir()
    check(run("pr", "d", cwd=tmp_path), err="pr: d: Is a directory\n", status=1)


def test_start_page_beyond_end(files):
    check(run("pr", "-t", "+5", "seven", cwd=files),
          err="pr: starting page number 5 exceeds page count 1\n")


@pytest.mark.parametrize("arg,out", [
    ("+0", None),                       # no page number: a file name
    ("+5x", None),
    ("+5:3", None),
])
def test_plus_operand_as_file(tmp_path, arg, out):
    check(run("pr", arg, cwd=tmp_path),
          err="pr: %s: No such file or directory\n" % (arg if ":" not in arg else "'%s'" % arg),
          status=1)


def test_pages_option_dominates(files):
    # --pages before +N: +N is a file name; after it, --pages wins.
    check(run("pr", "-l", "11", "--pages=9", "+2", cwd=files), err="pr: +2: No such file or directory\n",
          status=1)
    check(run("pr", "-t", "-l", "3", "+3", "--pages=2:2", "seven", cwd=files), out=b"four\nfive\nsix\n")


@pytest.mark.parametrize("args,err", [
    (("-l", "x"), "pr: '-l PAGE_LENGTH' invalid number of lines: 'x'\n"),
    (("-l", "0"), "pr: '-l PAGE_LENGTH' invalid number of lines: '0': Numerical result out of range\n"),
    (("-w", "0"), "pr: '-w PAGE_WIDTH' invalid number of characters: '0': Numerical result out of range\n"),
    (("-W", "x"), "pr: '-W PAGE_WIDTH' invalid number of characters: 'x'\n"),
    (("-o", "-1"), "pr: '-o MARGIN' invalid line offset: '-1': Value too large for defined data type\n"),
    (("-N", "x"), "pr: '-N NUMBER' invalid starting line number: 'x'\n"),
    (("-0",), "pr: invalid number of columns: '0': Numerical result out of range\n"),
    (("--columns=x",), "pr: invalid number of columns: 'x'\n"),
    (("-3", "-m"), "pr: cannot specify number of columns when printing in parallel\n"),
    (("-a", "-m"), "pr: cannot specify both printing across and printing in parallel\n"),
    (("-W", "1", "-3"), "pr: page width too narrow\n"),
    (("+abc",), "pr: invalid + argument 'abc'\n"),
    (("+",), "pr: invalid + argument ''\n"),
    (("+1:5x",), "pr: invalid suffix in + argument '1:5x'\n"),
    (("+1:",), "pr: invalid + argument '1:'\n"),
    (("+99999999999999999999",), "pr: + argument '99999999999999999999' too large\n"),
    (("--pages=abc",), "pr: invalid --pages argument 'abc'\n"),
    (("--pages=0",), "pr: invalid page range '0'\n"),
    (("--pages=5:3",), "pr: invalid page range '5:3'\n"),
    (("--pages=99999999999999999999",), "pr: --pages argument '99999999999999999999' too large\n"),
])
def test_errors(args, err):
    check(run("pr", *args, input=b"a\n"), err=err, status=1)


@pytest.mark.parametrize("args,err", [
    (("--expand-tabs=",), "pr: '-e': Invalid argument: ''\n"),
    (("-ex0",), "pr: '-e' extra characters or invalid number in the argument: '0'\n"),
    (("-ex5y",), "pr: '-e' extra characters or invalid number in the argument: '5y'\n"),
    (("-n:99999999999",),
     "pr: '-n' extra characters or invalid number in the argument: '99999999999': "
     "Value too large for defined data type\n"),
    (("-i:-3",), "pr: '-i' extra characters or invalid number in the argument: '-3'\n"),
    (("-x",), "pr: invalid option -- 'x'\n"),
    (("-l",), "pr: option requires an argument -- 'l'\n"),
    (("--s",), "pr: option '--s' is ambiguous; possibilities: '--show-control-chars' "
               "'--separator' '--sep-string' '--show-nonprinting'\n"),
])
def test_usage_errors(args, err):
    check(run("pr", *args, input=b"a\n"), err=err + TRY, status=1)


@pytest.mark.parametrize("args,inp,out", [
    (("-t", "-n,15"), b"1\n", b" " * 14 + b"1,1\n"),
    (("-t", "-n,64"), b"1\n", b" " * 63 + b"1,1\n"),
    (("-t", "-N1000000", "-n,1"), b"1\n", b"0,1\n"),
    (("-tn", "-i5", "-o9"), b"a        b\n", b"\t\t   1\ta\t    b\n"),
    (("-t", "-2", "-s", "-w", "9"), b"abcdefgh\nij\n", b"abcdij\n"),
    (("-t", "-c", "-e:2"), b"a:b\x1bc\n", b"a b^[c\n"),
], ids=lambda v: " ".join(v) if isinstance(v, tuple) else "_")
def test_numbers_and_tabs(args, inp, out):
    check(run("pr", *args, input=inp), out=out)


def test_double_space_length_one():
    check(run("pr", "-dl1", input=b"a\nb\n"), out=b"a\n\nb\n\n")


@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as full:
        check(run("pr", input=b"a\n", stdout=full),
              err="pr: write error: No space left on device\n", status=1)


@pytest.mark.skipif(ON_WINE, reason="needs POSIX descriptors")
def test_closed_stdout(files):
    assert run_closed_stdout("pr", "-t", str(files / "seven")) == (
        1, b"pr: write error: Bad file descriptor\n")


def test_help():
    r = run("pr", "--help")
    assert r.status == 0 and r.out.startswith(b"Usage: pr [OPTION]... [FILE]...\n")
    for opt in (b"--pages", b"--columns", b"--across", b"--show-control-chars", b"--double-space",
                b"--date-format", b"--expand-tabs", b"--form-feed", b"--header", b"--output-tabs",
                b"--join-lines", b"--length", b"--merge", b"--number-lines", b"--first-line-number",
                b"--indent", b"--no-file-warnings", b"--separator", b"--sep-string", b"--omit-header",
                b"--omit-pagination", b"--show-nonprinting", b"--width", b"--page-width"):
        assert opt in r.out
