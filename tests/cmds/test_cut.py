"""Tests for cut: bytes, fields, delimiters, lists, -w/-F and errors."""
import os

import pytest

from conftest import ON_WINE, check, needs_dev_full, run, run_closed_stdout

TRY = b"Try 'cut --help' for more information.\n"


@pytest.mark.parametrize("args,inp,out", [
    (["-d:", "-f1,3-"], b"a:b:c\n", b"a:c\n"),
    (["-d:", "-f2-"], b"a:b:c\n", b"b:c\n"),
    (["-d:", "-f4"], b"a:b:c\n", b"\n"),
    (["-f2"], b"a\tb\tc\n", b"b\n"),
    (["-f", "1 3"], b"a\tb\tc\n", b"a\tc\n"),
    (["--fields=3,1"], b"a\tb\tc\n", b"a\tc\n"),
    (["-d:", "-f1-3"], b":::\n", b"::\n"),
    (["-d:", "-f2-3"], b":::\n", b":\n"),
    (["-f2"], b"no tab\n", b"no tab\n"),
    (["-f1"], b"", b""),
    (["-f2"], b"", b""),
    (["-d:", "-f1"], b"a:1\nb:2", b"a\nb\n"),
    (["-d:", "-f2"], b"a:1\nb:2", b"1\n2\n"),
    (["-f1-"], b"a\nb", b"a\nb\n"),
    (["-d:", "-f1-"], b"a1:\n:", b"a1:\n:\n"),
    (["-d", ",", "-f2", "-"], b"x,y\n", b"y\n"),
])
def test_fields(args, inp, out):
    check(run("cut", *args, input=inp), out=out)


@pytest.mark.parametrize("args,inp,out", [
    (["-s", "-d:", "-f3-"], b"a:b:c\n", b"c\n"),
    (["-s", "-d:", "-f2,3"], b"abc\n", b""),
    (["-s", "-d:", "-f1,3"], b"a:b:c:\n", b"a:c\n"),
    (["-s", "-d:", "-f2-4"], b":::\n:\n", b"::\n\n"),
    (["-s", "-d:", "-f1"], b"a1\nb2", b""),
    (["-s", "-d:", "-f1"], b"a:1\nb:", b"a\nb\n"),
    (["--only-delimited", "-f1"], b"a\tb\nno tab\n", b"a\n"),
])
def test_only_delimited(args, inp, out):
    check(run("cut", *args, input=inp), out=out)


@pytest.mark.parametrize("args,inp,out", [
    (["-c4"], b"123\n", b"\n"),
    (["-c4"], b"123", b"\n"),
    (["-c4"], b"123\n1", b"\n\n"),
    (["-b", "2-3"], b"abcdef\nxy\n", b"bc\ny\n"),
    (["-b", "-2"], b"hello\n\nab\n", b"he\n\nab\n"),
    (["--bytes=3-,2-"], b"1234\n", b"234\n"),
    (["-b3-,2-"], b"1234\n", b"234\n"),
    (["--complement", "-b3,4-4,5,2-"], b"123456\n", b"1\n"),
    (["-b1", "-n"], b"xyz\n", b"x\n"),
    (["-b18446744073709551614-"], b"abc\n", b"\n"),
])
def test_bytes(args, inp, out):
    check(run("cut", *args, input=inp), out=out)


UTF8 = {"LC_ALL": "C.UTF-8"}


def test_characters_are_bytes_in_c_locale():
    # In the C locale a character is a byte; in a UTF-8 locale GNU 9.11
    # counts characters (GNU 9.10 counted bytes there too).
    check(run("cut", "-c1", input="é\n"), out=b"\xc3\n")
    check(run("cut", "-c1", input="é\n", env=UTF8), out="é\n")
    check(run("cut", "-b1", "-n", input="é\n"), out=b"\xc3\n")


@pytest.mark.parametrize("args,inp,out", [
    (["-c1-3,5-", "--output-d=:"], b"abcdefg\n", b"abc:efg\n"),
    (["-c1-3,2-4,6", "--output-d=:"], b"abcdefg\n", b"abcd:f\n"),
    (["-c4-,2-3", "--output-d=:"], b"abcdefg\n", b"bc:defg\n"),
    (["-b1-2,3-4", "--output-d=:"], b"abcd\n", b"ab:cd\n"),
    (["--output-d=:", "-b1,9-"], b"123456789", b"1:9\n"),
    (["-d:", "--out=_", "-f2,3"], b"a:b:c\n", b"b_c\n"),
    (["-d:", "--out=", "-f2,3"], b"a:b:c\n", b"b\0c\n"),
    (["-d:", "-O", "_._", "-f2,3"], b"a:b:c\n", b"b_._c\n"),
    (["-d", "", "--out=_", "-f2,3"], b"a\0b\0c\n", b"b_c\n"),
    (["-d", "\xad", "--out=_", "-f2,3"], b"a\xadb\xadc\n", b"b_c\n"),
])
def test_output_delimiter(args, inp, out):
    check(run("cut", *[a.encode("latin-1") for a in args], input=inp), out=out)


@pytest.mark.parametrize("args,inp,out", [
    (["-z", "-c1"], b"ab\0cd\0", b"a\0c\0"),
    (["-z", "-c1"], b"ab\0cd", b"a\0c\0"),
    (["-z", "-d:", "-f1"], b"a:1\0b:2", b"a\0b\0"),
    (["-z", "-d", "", "-f1,2", "--ou=:"], b"a\0b\0", b"a:b\0"),
])
def test_zero_terminated(args, inp, out):
    check(run("cut", *args, input=inp), out=out)


@pytest.mark.parametrize("args,inp,out", [
    (["-d\n", "-f1"], b"a:1\nb:", b"a:1\n"),
    (["-s", "-d\n", "-f2"], b"\nb", b"b\n"),
    (["-d\n", "-f1"], b"\nb", b"\n"),
    (["-d\n", "-f1-", "--ou=:"], b"a\nb\n", b"a:b\n"),
    (["-d\n", "-f2"], b"abc\n", b"\n"),
    (["-s", "-d\n", "-f2"], b"abc\n", b""),
])
def test_newline_delimiter(args, inp, out):
    check(run("cut", *args, input=inp), out=out)


@pytest.mark.parametrize("args,inp,out", [
    (["-w", "-f2"], b"a  b\t\tc\n", b"b\n"),
    (["-w", "-f1,3"], b"a  b\t\tc\n", b"a\tc\n"),
    (["-w", "-f1"], b"  lead\n", b"\n"),
    (["--whitespace-delimited=trimmed", "-f1"], b"  lead  x \n", b"lead\n"),
    (["--whitespace-delimited", "-f2", "-O", ","], b"a b c\n", b"b\n"),
    (["-w", "-s", "-f1"], b"one\ntwo words\n", b"two\n"),
    (["-F", "2-"], b"a  b   c\n", b"b c\n"),
    (["-F", "2", "-d", ","], b"a,,b,c\n", b"\n"),
    (["-F", "3", "-d", ","], b"a,,b,c\n", b"b\n"),
    (["-F", "2,3", "-d", ","], b"1,2,3\n", b"2 3\n"),
    (["-F", "1,2", "-O", "-"], b"x y\n", b"x-y\n"),
])
def test_whitespace_fields(args, inp, out):
    check(run("cut", *args, input=inp), out=out)


def test_files_and_stdin(tmp_path):
    (tmp_path / "f").write_bytes(b"x")
    (tmp_path / "g").write_bytes(b"y\tz\n")
    check(run("cut", "-f2-", "f", "-", "g", cwd=str(tmp_path), input=b"1\t2\n"), out=b"x\n2\nz\n")


def test_big_input_streams(tmp_path):
    line = b"field1,field2," + b"x" * 300 + b"\n"
    data = line * 5000 + b"a," + b"y" * 300000
    f = tmp_path / "big"
    f.write_bytes(data)
    check(run("cut", "-d,", "-f2", str(f)), out=b"field2\n" * 5000 + b"y" * 300000 + b"\n")
    check(run("cut", "-b", "1-3,7", str(f)), out=b"fie,\n" * 5000 + b"a,yy\n")


@pytest.mark.parametrize("args,inp,out", [
    (["-c1"], b"\xc3\xa9x\n", b"\xc3\xa9\n"),
    (["-c2"], b"\xc3\xa9x\n", b"x\n"),
    (["-c2-"], "añ€😀z\n", "ñ€😀z\n"),
    (["-c4"], "añ€😀z\n", "😀\n"),
    (["-c-3"], "añ€😀z\n", "añ€\n"),
    (["-c1,3", "--output-d=:"], b"\xc3\xa9a\xe2\x82\xacb\n", b"\xc3\xa9:\xe2\x82\xac\n"),
    (["-c1,3", "--output-d=\u241e"], "éab\n", "é\u241eb\n"),
    (["-c1-2,3-4", "--output-d=:"], "éüxy\n", "éü:xy\n"),
    # An invalid byte is one character; so is each byte of a cut-short sequence.
    (["-c1-2"], b"\xc3x\n", b"\xc3x\n"),
    (["-c2"], b"\xe2\x82x\n", b"\x82\n"),
    (["-c2"], b"\xff\xfe\n", b"\xfe\n"),
    (["-c2"], b"\xed\xa0\x80\n", b"\xa0\n"),
    (["--complement", "-c1"], b"\xc3\xa9x\n", b"x\n"),
    (["--complement", "-c2"], b"\xc3\xa9x\n", b"\xc3\xa9\n"),
    (["-z", "-c1"], b"\xc3\xa9x\0\xc3\xa9y\0", b"\xc3\xa9\0\xc3\xa9\0"),
    (["-c2"], b"a\xc3\xa9", b"\xc3\xa9\n"),
    (["-c3"], "ab\nñéü\n", "\nü\n"),
])
def test_characters_utf8(args, inp, out):
    check(run("cut", *args, input=inp, env=UTF8), out=out)


@pytest.mark.parametrize("args,inp,out", [
    (["-b1"], b"\xc3\xa9x\n", b"\n"),
    (["-b2"], b"\xc3\xa9x\n", b"\xc3\xa9\n"),
    (["-b1-2"], b"\xc3\xa9x\n", b"\xc3\xa9\n"),
    (["-b1,3"], b"\xc3\xa9x\n", b"x\n"),
    (["-b2-3"], b"\xc3\xa9x\n", b"\xc3\xa9x\n"),
    (["-b2"], b"\xe2\x82\xacx\n", b"\n"),
    (["-b3"], b"\xe2\x82\xacx\n", b"\xe2\x82\xac\n"),
    (["-b2-3"], b"\xe2\x82\xacx\n", b"\xe2\x82\xac\n"),
    # The bytes selected must run on to the character's end.
    (["-b1,3"], b"\xe2\x82\xacx\n", b"\n"),
    (["-b2-5"], "abcé€\n", "bcé\n"),
    (["-b1,3", "--output-d=:"], b"\xc3\xa9x\n", b"x\n"),
    (["-b1-2,4", "--output-d=:"], b"\xc3\xa9\xc3\xbcx\n", b"\xc3\xa9:\xc3\xbc\n"),
    (["--complement", "-b1"], b"\xc3\xa9x\n", b"\xc3\xa9x\n"),
    (["--complement", "-b3"], b"\xc3\xa9x\n", b"\xc3\xa9\n"),
    (["-b2"], b"a\xc3x\n", b"\xc3\n"),
])
def test_bytes_no_split_utf8(args, inp, out):
    check(run("cut", "-n", *args, input=inp, env=UTF8), out=out)


def test_bytes_split_characters_without_n():
    check(run("cut", "-b1", input=b"\xc3\xa9x\n", env=UTF8), out=b"\xc3\n")


@pytest.mark.parametrize("args,inp,out", [
    (["-d", "é", "-f2"], "aébéc\n", "b\n"),
    (["-d", "é", "-f1,3"], "aébéc\n", "aéc\n"),
    (["-d", "é", "-f1,3"], "aébéc", "aéc\n"),
    (["-s", "-d", "é", "-f2"], "abc\n", ""),
    (["-s", "-d", "é", "-f1"], "aéb\n", "a\n"),
    (["-d", "é", "-f2"], b"a\0b\xc3\xa9c\n", b"c\n"),
    (["-s", "-d", "é", "-f2"], b"a\0b\0", b""),
    (["-f1", "-d", "😀"], "a😀b\n", "a\n"),
    (["-d", "é", "-f1"], "ééc\n", "\n"),
    (["-d", "é", "-f2"], "ééc\n", "\n"),
    (["-d", "é", "-f3"], "ééc\n", "c\n"),
    (["-d", "é", "-f1-3", "--output-d=:"], "ééc\n", "::c\n"),
    (["-d", "é", "-f1,3", "--output-d=€"], "aébéc\n", "a€c\n"),
    (["-d", "é", "-f2"], "aéb\ncéd", "b\nd\n"),
    (["--complement", "-d", "é", "-f1"], "aébéc\n", "béc\n"),
    (["-z", "-d", "é", "-f2"], "aéb\0céd\0", "b\0d\0"),
    (["-z", "-d", "é", "-f1"], "aéb\0céd", "a\0c\0"),
    # The last -d counts.
    (["-f1", "-d", "😀", "-d", "，"], "a，b\n", "a\n"),
    # Bytes no valid character holds match anywhere; a byte that valid
    # characters hold matches only where it stands alone.
    (["-d", b"\xff", "-f2"], b"a\xffb\n", b"b\n"),
    (["-d", b"\xa9", "-f2"], b"A\xc3\xa9B\xa9C\n", b"C\n"),
    (["-d", b"\xa9", "-f1,2"], b"\xa9\xa9\xe2\x82\xac\xa9\n", b"\xa9\n"),
    (["-d", b"\xc3", "-f2"], b"\xc3\xa9\xc3:\xc3\n", b":\n"),
    (["-d", b"\xe2", "-f1,2", "-O", "+"], b"x\xe2\x82\xe2\x82\xacy\n", b"x+\x82\xe2\x82\xacy\n"),
    (["-F", "2", "-d", "é"], "aééb\n", "\n"),
    (["-F", "3", "-d", "é"], "aééb\n", "b\n"),
])
def test_delimiter_utf8(args, inp, out):
    check(run("cut", *args, input=inp, env=UTF8), out=out)


@pytest.mark.parametrize("args,inp,out", [
    (["-w", "-f2"], "a\u2003b\n", "b\n"),
    (["-w", "-f2"], "a\u3000\u1680 \u205fb c\n", "b\n"),
    (["-sw", "-f2"], "a\u00a0b\n", ""),
    (["-sw", "-f2"], "a\u202fb\u2007c\n", ""),
    (["-w", "-f2"], b"abc", b"abc\n"),
    (["-w", "-f1,2"], "é\tü\n", "é\tü\n"),
    (["--whitespace-delimited=trimmed", "-f1,2", "-O", ","], "\u2003a b\u2003\u3000\n", "a,b\n"),
    (["-F", "2"], "é\tü\n", "ü\n"),
    (["-F", "1-"], "x\u2002y \u2009z\n", "x y z\n"),
])
def test_whitespace_fields_utf8(args, inp, out):
    check(run("cut", *args, input=inp, env=UTF8), out=out)


def test_unicode_blanks_are_bytes_in_c_locale():
    check(run("cut", "-w", "-f2", input="a\u2003b c\n"), out=b"c\n")


@pytest.mark.parametrize("delim", ["é", "ab", "😀x"])
def test_multibyte_delimiter_refused_in_c_locale(delim):
    check(run("cut", "-d", delim, "-f1", input=b"a\n"), status=1,
          err=b"cut: the delimiter must be a single character\n" + TRY)


def test_multibyte_delimiter_needs_one_character():
    for delim in ("éé", "ab", "é:"):
        check(run("cut", "-d", delim, "-f1", input=b"a\n", env=UTF8), status=1,
              err=b"cut: the delimiter must be a single character\n" + TRY)


def test_utf8_across_input_blocks(tmp_path):
    # Characters and delimiters that straddle the 128 KiB read blocks.
    f = tmp_path / "f"
    for pad in (131071, 131070, 65535):
        f.write_bytes(b"a" * pad + "é😀b\n".encode() + b"x" * pad + b"\xe2\x82:y\n")
        check(run("cut", "-d", "😀", "-f2", str(f), env=UTF8), out=b"b\n" + b"x" * pad + b"\xe2\x82:y\n")
        check(run("cut", "-c", f"{pad + 1}-{pad + 2}", str(f), env=UTF8), out="é😀\n".encode() + b"\xe2\x82\n")
        check(run("cut", "-n", "-b", f"{pad + 2}-{pad + 6}", str(f), env=UTF8), out="é😀\n".encode() + b"\x82:y\n")
        check(run("cut", "-d", b"\x82", "-f2", str(f), env=UTF8), out=b"a" * pad + "é😀b\n:y\n".encode())


def test_utf8_long_line_open_range(tmp_path):
    f = tmp_path / "f"
    body = "€" * 100000
    f.write_text("ab" + body + "\n", encoding="utf-8")
    check(run("cut", "-c1,3-", "--output-d=:", str(f), env=UTF8), out="a:" + body + "\n")
    check(run("cut", "-c1,100001-", "--output-d=:", str(f), env=UTF8), out="a:€€\n")


def test_utf8_cut_short_at_end_of_input():
    check(run("cut", "-c2-", input=b"a\xf0\x9f\x98", env=UTF8), out=b"\xf0\x9f\x98\n")
    check(run("cut", "-d", b"\xf0", "-f2", input=b"a\xf0b\xf0\x9f", env=UTF8), out=b"b\n")


NOFIELD = b"cut: an input delimiter may be specified only when operating on fields\n" + TRY


@pytest.mark.parametrize("args,err", [
    ([], b"cut: you must specify a list of bytes, characters, or fields\n" + TRY),
    (["-f", ""], b"cut: fields are numbered from 1\n" + TRY),
    (["-f", "--"], b"cut: invalid field range\n" + TRY),
    (["-b", ""], b"cut: byte/character positions are numbered from 1\n" + TRY),
    (["-b", "--"], b"cut: invalid byte or character range\n" + TRY),
    (["-f", "2-0"], b"cut: invalid decreasing range\n" + TRY),
    (["-f", "-"], b"cut: invalid range with no endpoint: -\n" + TRY),
    (["-f", "1,x"], b"cut: invalid field value 'x'\n" + TRY),
    (["-c", "1,x"], b"cut: invalid byte/character position 'x'\n" + TRY),
    (["-b18446744073709551615"], b"cut: byte/character offset '18446744073709551615' is too large\n" + TRY),
    (["-f18446744073709551616"], b"cut: field number '18446744073709551616' is too large\n" + TRY),
    (["-f1", "-b1"], b"cut: only one list may be specified\n" + TRY),
    (["-d", "ab", "-f1"], b"cut: the delimiter must be a single character\n" + TRY),
    (["-d:", "-b1"], NOFIELD),
    (["-d", "", "-b1"], NOFIELD),
    (["-s", "-b4"], b"cut: suppressing non-delimited lines makes sense\n\tonly when operating on fields\n" + TRY),
    (["-x"], b"cut: invalid option -- 'x'\n" + TRY),
    (["--c", "1"], b"cut: option '--c' is ambiguous; possibilities: '--characters' '--complement'\n" + TRY),
    (["-w", "-d:", "-f1"], b"cut: -d and -w are mutually exclusive\n" + TRY),
    (["--whitespace-delimited=x", "-f1"],
     b"cut: invalid argument 'x' for '--whitespace-delimited'\nValid arguments are:\n  - 'trimmed'\n" + TRY),
])
def test_usage_errors(args, err):
    check(run("cut", *args, input=b"a\n"), err=err, status=1)


def test_missing_file_and_directory(tmp_path):
    (tmp_path / "ok").write_bytes(b"a\tb\n")
    os.mkdir(tmp_path / "dir")
    r = run("cut", "-f2", "nope", "dir", "ok", cwd=str(tmp_path))
    check(r, out=b"b\n", status=1,
          err=b"cut: nope: No such file or directory\ncut: dir: Is a directory\n")


def test_invalid_utf8_passes_through():
    check(run("cut", "-d:", "-f2", input=b"\xff:\xfe\x80\n", env={"LC_ALL": "C.UTF-8"}), out=b"\xfe\x80\n")


@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as o:
        r = run("cut", "-f1", input=b"x\n", stdout=o)
    check(r, err=b"cut: write error: No space left on device\n", status=1)


@pytest.mark.skipif(ON_WINE, reason="needs POSIX descriptors")
def test_closed_stdout():
    status, err = run_closed_stdout("cut", "-f1", "/dev/null")
    assert status == 0 and err == b""
    r = run("cut", "--help")
    assert r.status == 0 and r.out.startswith(b"Usage: cut OPTION... [FILE]...\n")
