"""nl: GNU coreutils 9.10 behaviour."""
import os

import pytest

from conftest import check, needs_dev_full, run, run_closed_stdout

TRY = "Try 'nl --help' for more information.\n"

# Body lines, a header, a body and a footer, and a last line without a newline.
PAGES = b'a\n\nb\n\n\n\\:\\:\\:\nh\n\\:\\:\nbb\n\\:\nf\nlast'


@pytest.mark.parametrize("args,out", [
    ((),
     b'     1\ta\n       \n     2\tb\n       \n       \n\n       h\n\n     1\tbb\n\n       f\n       last\n'),
    (('-ba',),
     b'     1\ta\n     2\t\n     3\tb\n     4\t\n     5\t\n\n       h\n\n     1\tbb\n\n       f\n       last\n'),
    (('--body-numbering=a',),
     b'     1\ta\n     2\t\n     3\tb\n     4\t\n     5\t\n\n       h\n\n     1\tbb\n\n       f\n       last\n'),
    (('-bn',),
     b'       a\n       \n       b\n       \n       \n\n       h\n\n       bb\n\n       f\n       last\n'),
    (('-bt',),
     b'     1\ta\n       \n     2\tb\n       \n       \n\n       h\n\n     1\tbb\n\n       f\n       last\n'),
    (('-bpb',),
     b'       a\n       \n     1\tb\n       \n       \n\n       h\n\n     1\tbb\n\n       f\n       last\n'),
    (('-bp',),
     b'     1\ta\n     2\t\n     3\tb\n     4\t\n     5\t\n\n       h\n\n     1\tbb\n\n       f\n       last\n'),
    (('-bp^$',),
     b'       a\n     1\t\n       b\n     2\t\n     3\t\n\n       h\n\n       bb\n\n       f\n       last\n'),
    (('-bp[[:upper:]]',),
     b'       a\n       \n       b\n       \n       \n\n       h\n\n       bb\n\n       f\n       last\n'),
    (('-bp\\(a\\|bb\\)$',),
     b'     1\ta\n       \n       b\n       \n       \n\n       h\n\n     1\tbb\n\n       f\n       last\n'),
    (('-ha', '-fa'),
     b'     1\ta\n       \n     2\tb\n       \n       \n\n     1\th\n\n     1\tbb\n\n     1\tf\n     2\tlast\n'),
    (('-ha', '-fa', '-p'),
     b'     1\ta\n       \n     2\tb\n       \n       \n\n     3\th\n\n     4\tbb\n\n     5\tf\n     6\tlast\n'),
    (('--no-renumber', '--header-numbering=a'),
     b'     1\ta\n       \n     2\tb\n       \n       \n\n     3\th\n\n     4\tbb\n\n       f\n       last\n'),
    (('-ba', '-l2'),
     b'     1\ta\n       \n     2\tb\n       \n     3\t\n\n       h\n\n     1\tbb\n\n       f\n       last\n'),
    (('-ba', '-l3'),
     b'     1\ta\n       \n     2\tb\n       \n       \n\n       h\n\n     1\tbb\n\n       f\n       last\n'),
    (('--join-blank-lines=2', '-ba'),
     b'     1\ta\n       \n     2\tb\n       \n     3\t\n\n       h\n\n     1\tbb\n\n       f\n       last\n'),
    (('-nln',),
     b'1     \ta\n       \n2     \tb\n       \n       \n\n       h\n\n1     \tbb\n\n       f\n       last\n'),
    (('-nrz',),
     b'000001\ta\n       \n000002\tb\n       \n       \n\n       h\n\n000001\tbb\n\n       f\n       last\n'),
    (('-n', 'rn'),
     b'     1\ta\n       \n     2\tb\n       \n       \n\n       h\n\n     1\tbb\n\n       f\n       last\n'),
    (('--number-format=rz', '-w', '3'),
     b'001\ta\n    \n002\tb\n    \n    \n\n    h\n\n001\tbb\n\n    f\n    last\n'),
    (('-w2', '-s', '::'),
     b' 1::a\n    \n 2::b\n    \n    \n\n    h\n\n 1::bb\n\n    f\n    last\n'),
    (('--number-separator=',),
     b'     1a\n      \n     2b\n      \n      \n\n      h\n\n     1bb\n\n      f\n      last\n'),
    (('-w1',),
     b'1\ta\n  \n2\tb\n  \n  \n\n  h\n\n1\tbb\n\n  f\n  last\n'),
    (('-v', '10', '-i', '5'),
     b'    10\ta\n       \n    15\tb\n       \n       \n\n       h\n\n    10\tbb\n\n       f\n       last\n'),
    (('-v', '-2', '-i', '-3'),
     b'    -2\ta\n       \n    -5\tb\n       \n       \n\n       h\n\n    -2\tbb\n\n       f\n       last\n'),
    (('-i0',),
     b'     1\ta\n       \n     1\tb\n       \n       \n\n       h\n\n     1\tbb\n\n       f\n       last\n'),
    (('-ht', '-ft'),
     b'     1\ta\n       \n     2\tb\n       \n       \n\n     1\th\n\n     1\tbb\n\n     1\tf\n     2\tlast\n'),
    (('-hp^h', '-fp^f'),
     b'     1\ta\n       \n     2\tb\n       \n       \n\n     1\th\n\n     1\tbb\n\n     1\tf\n       last\n'),
    (('-d', 'x'),
     b'     1\ta\n       \n     2\tb\n       \n       \n     3\t\\:\\:\\:\n     4\th\n     5\t\\:\\:\n     6\tbb\n     7\t\\:\n     8\tf\n     9\tlast\n'),
    (('-d', '\\'),
     b'     1\ta\n       \n     2\tb\n       \n       \n\n       h\n\n     1\tbb\n\n       f\n       last\n'),
    (('-d', ''),
     b'     1\ta\n       \n     2\tb\n       \n       \n     3\t\\:\\:\\:\n     4\th\n     5\t\\:\\:\n     6\tbb\n     7\t\\:\n     8\tf\n     9\tlast\n'),
    (('--section-delimiter=\\:\\',),
     b'     1\ta\n       \n     2\tb\n       \n       \n     3\t\\:\\:\\:\n     4\th\n     5\t\\:\\:\n     6\tbb\n     7\t\\:\n     8\tf\n     9\tlast\n'),
    (('-babc',),
     b'     1\ta\n     2\t\n     3\tb\n     4\t\n     5\t\n\n       h\n\n     1\tbb\n\n       f\n       last\n'),
], ids=lambda v: " ".join(v) if isinstance(v, tuple) else "_")
def test_styles_formats_sections(args, out):
    check(run("nl", *args, input=PAGES), out=out)


@pytest.mark.parametrize("args,inp,out", [
    (("-bpa.c",), b"abc\na\nc\naXc\n", b"     1\tabc\n       a\n       c\n     2\taXc\n"),
    (("-bpx*",), b"q\n", b"     1\tq\n"),
    (("-bp\\<w",), b"aw\na w\n", b"       aw\n     1\ta w\n"),
    ((b"-bp\xc3\xa9",), b"caf\xc3\xa9\nx\n", b"     1\tcaf\xc3\xa9\n       x\n"),
    (("-bp\\w\\+$",), b"x\0y\n\xff\n", b"     1\tx\0y\n       \xff\n"),
    (("-bpa\\{2\\}",), b"a\naa\n", b"       a\n     1\taa\n"),
    (("-bp*a",), b"*a\na\n", b"     1\t*a\n       a\n"),
    (("-bp[z-a]",), b"a\n", b"       a\n"),
    (("-ba",), b"\0\n\xff\xfe\n", b"     1\t\0\n     2\t\xff\xfe\n"),
    ((), b"", b""),
    ((), b"\n", b"       \n"),
    ((), b"x", b"     1\tx\n"),
])
def test_regex_and_odd_input(args, inp, out):
    check(run("nl", *args, input=inp), out=out)


def test_regex_in_utf8_locale():
    r = run("nl", "-bp^.$", input=b"\xc3\xa9\nab\n", env={"LC_ALL": "C.UTF-8"})
    check(r, out=b"     1\t\xc3\xa9\n       ab\n")


def test_numbering_goes_on_across_files(tmp_path):
    (tmp_path / "f").write_bytes(b"x\ny")
    check(run("nl", "f", "-", "f", input=b"s\n", cwd=tmp_path),
          out=b"     1\tx\n     2\ty\n     3\ts\n     4\tx\n     5\ty\n")


def test_blank_line_runs_carry_across_sections():
    check(run("nl", "-ba", "-ha", "-l2", input=b"\n\\:\\:\\:\n\n\n"),
          out=b"       \n\n     1\t\n       \n")


def test_gnu_examples():
    check(run("nl", "-s%n", input=b"b\n"), out=b"     1%nb\n")
    src = b"\\:\\:\\:\na\n\\:\\:\nb\n\\:\nc\n"
    check(run("nl", "-ha", "-fa", input=src), out=b"\n     1\ta\n\n     1\tb\n\n     1\tc\n")
    check(run("nl", "-p", "-ha", "-fa", input=src), out=b"\n     1\ta\n\n     2\tb\n\n     3\tc\n")
    check(run("nl", "-d", "foo", input=b"a\nfoofoo\nc\n"), out=b"     1\ta\n\n     1\tc\n")
    check(run("nl", "-d", "x", input=b"a\nx:x:\nc\n"), out=b"     1\ta\n\n     1\tc\n")


MAX = "9223372036854775807"
MIN = "-9223372036854775808"


def test_line_number_limits():
    check(run("nl", "-v" + MAX, input=b"a\n\\:\\:\nb\n"),
          out=(MAX + "\ta\n\n" + MAX + "\tb\n").encode())
    check(run("nl", "-p", "-v" + MAX, input=b"a\n\\:\\:\nb\n"),
          out=(MAX + "\ta\n\n").encode(), err="nl: line number overflow\n", status=1)
    check(run("nl", "-v" + MAX, "-i" + MIN, input=b"a\nb\n"), out=(MAX + "\ta\n    -1\tb\n").encode())
    check(run("nl", "-v" + MAX, "-i" + MIN, input=b"a\nb\nc\n"),
          out=(MAX + "\ta\n    -1\tb\n").encode(), err="nl: line number overflow\n", status=1)
    check(run("nl", "-v9223372036854775808", input=b""),
          err="nl: invalid starting line number: '9223372036854775808': "
              "Value too large for defined data type\n", status=1)
    check(run("nl", "-i-9223372036854775809", input=b""),
          err="nl: invalid line number increment: '-9223372036854775809': "
              "Value too large for defined data type\n", status=1)


def test_join_blank_lines_limits():
    # 9.10 accepts any count too large (and, by gnulib's rule, 0 as 1).
    check(run("nl", "-ba", "-l", "99999999999999999999999", input=b"\n\n"), out=b"       \n       \n")
    check(run("nl", "-ba", "-l", "0", input=b"\n\n"), out=b"     1\t\n     2\t\n")
    check(run("nl", "-l", "-1", input=b""),
          err="nl: invalid line number of blank lines: '-1': Numerical result out of range\n", status=1)


@pytest.mark.parametrize("args,err", [
    (("-bq",), "nl: invalid body numbering style: 'q'\n" + TRY),
    (("-hx",), "nl: invalid header numbering style: 'x'\n" + TRY),
    (("-f", " "), "nl: invalid footer numbering style: ' '\n" + TRY),
    (("-bq", "-hx"), "nl: invalid body numbering style: 'q'\nnl: invalid header numbering style: 'x'\n" + TRY),
    (("-n", "xx"), "nl: invalid line numbering format: 'xx'\n" + TRY),
    (("-v", "1x"), "nl: invalid starting line number: '1x'\n"),
    (("-i", ""), "nl: invalid line number increment: ''\n"),
    (("-l", "x"), "nl: invalid line number of blank lines: 'x'\n"),
    (("-w", "0"), "nl: invalid line number field width: '0': Numerical result out of range\n"),
    (("-w", "2147483648"),
     "nl: invalid line number field width: '2147483648': Value too large for defined data type\n"),
    (("-bp\\(",), "nl: Unmatched ( or \\(\n"),
    (("-bpa\\{1",), "nl: Unmatched \\{\n"),
    (("-bp[",), "nl: Invalid regular expression\n"),
    (("-bp[[:nope:]]",), "nl: Invalid character class name\n"),
    (("-bp\\1",), "nl: Invalid back reference\n"),
    (("-bpa\\",), "nl: Trailing backslash\n"),
    (("-x",), "nl: invalid option -- 'x'\n" + TRY),
    (("--foo",), "nl: option '--footer-numbering' requires an argument\n" + TRY),
    (("-b",), "nl: option requires an argument -- 'b'\n" + TRY),
    (("--bogus",), "nl: unrecognized option '--bogus'\n" + TRY),
    (("-p=1",), "nl: invalid option -- '='\n" + TRY),
])
def test_errors(args, err):
    check(run("nl", *args, input=b"a\n"), err=err, status=1)


def test_missing_files_and_directories(tmp_path):
    (tmp_path / "f").write_bytes(b"ok\n")
    (tmp_path / "d").mkdir()
    check(run("nl", "nope", "f", "d", cwd=tmp_path), out=b"     1\tok\n",
          err="nl: nope: No such file or directory\nnl: d: Is a directory\n", status=1)
    check(run("nl", "a b", cwd=tmp_path), err="nl: 'a b': No such file or directory\n", status=1)


def test_unreadable_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their permissions")
    f = tmp_path / "secret"
    f.write_bytes(b"x\n")
    f.chmod(0)
    check(run("nl", str(f)), err=f"nl: {f}: Permission denied\n", status=1)


def test_long_lines():
    line = b"x" * 300000
    check(run("nl", input=line + b"\n" + line), out=b"     1\t" + line + b"\n     2\t" + line + b"\n")


@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as full:
        r = run("nl", input=b"a\n", stdout=full)
    check(r, err="nl: write error: No space left on device\n", status=1)


def test_closed_stdout():
    assert run_closed_stdout("nl", "/dev/null") == (0, b"")


def test_help_and_version():
    r = run("nl", "--help")
    assert r.status == 0 and r.err == b""
    assert r.stdout.startswith("Usage: nl [OPTION]... [FILE]...\n")
    for opt in ("--body-numbering=STYLE", "--section-delimiter=CC", "--footer-numbering=STYLE",
                "--header-numbering=STYLE", "--line-increment=NUMBER", "--join-blank-lines=NUMBER",
                "--number-format=FORMAT", "--no-renumber", "--number-separator=STRING",
                "--starting-line-number=NUMBER", "--number-width=NUMBER"):
        assert opt in r.stdout
    r = run("nl", "--version")
    assert r.status == 0 and r.stdout.startswith("nl (corebox) ")
