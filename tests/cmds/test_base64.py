"""Black-box tests of base64: RFC 4648 encoding, line wrapping, decoding
with newlines, missing or inner padding, garbage, and GNU's messages.
The expected bytes are GNU coreutils 9.10's (round trips are checked
against Python's base64 module)."""
import base64
import random

import pytest

from conftest import check, needs_dev_full, run, run_closed_stdout

# (args, stdin, stdout, stderr, status); run in a directory holding a
# ("a"), b ("b"), enc64 ("YWJj\n") and the directory dir.
CASES = [
    ([], b'',
     b'', b'', 0),
    ([], b'a',
     b'YQ==\n', b'', 0),
    ([], b'ab',
     b'YWI=\n', b'', 0),
    ([], b'abc',
     b'YWJj\n', b'', 0),
    ([], b'foobar',
     b'Zm9vYmFy\n', b'', 0),
    ([], b'\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\x7f\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c\x8d\x8e\x8f\x90\x91\x92\x93\x94\x95\x96\x97\x98\x99\x9a\x9b\x9c\x9d\x9e\x9f\xa0\xa1\xa2\xa3\xa4\xa5\xa6\xa7\xa8\xa9\xaa\xab\xac\xad\xae\xaf\xb0\xb1\xb2\xb3\xb4\xb5\xb6\xb7\xb8\xb9\xba\xbb\xbc\xbd\xbe\xbf\xc0\xc1\xc2\xc3\xc4\xc5\xc6\xc7\xc8\xc9\xca\xcb\xcc\xcd\xce\xcf\xd0\xd1\xd2\xd3\xd4\xd5\xd6\xd7\xd8\xd9\xda\xdb\xdc\xdd\xde\xdf\xe0\xe1\xe2\xe3\xe4\xe5\xe6\xe7\xe8\xe9\xea\xeb\xec\xed\xee\xef\xf0\xf1\xf2\xf3\xf4\xf5\xf6\xf7\xf8\xf9\xfa\xfb\xfc\xfd\xfe\xff',
     b'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4\nOTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3Bx\ncnN0dXZ3eHl6e3x9fn+AgYKDhIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmq\nq6ytrq+wsbKztLW2t7i5uru8vb6/wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g4eLj\n5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/w==\n', b'', 0),
    ([], b'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
     b'YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFh\n', b'', 0),
    ([], b'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
     b'YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFh\nYQ==\n', b'', 0),
    (['-w', '0'], b'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
     b'YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYQ==', b'', 0),
    (['--wrap=0'], b'',
     b'', b'', 0),
    (['-w5'], b'aaaaaaaaaa',
     b'YWFhY\nWFhYW\nFhYQ=\n=\n', b'', 0),
    (['-w', '4'], b'abcdef',
     b'YWJj\nZGVm\n', b'', 0),
    (['--wrap', '08'], b'a',
     b'YQ==\n', b'', 0),
    (['-w', ' +3'], b'abcd',
     b'YWJ\njZA\n==\n', b'', 0),
    (['-w', '99999999999999999999'], b'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
     b'YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYQ==', b'', 0),
    (['-w0x0'], b'',
     b'', b"base64: invalid wrap size: '0x0'\n", 1),
    (['-w1k'], b'',
     b'', b"base64: invalid wrap size: '1k'\n", 1),
    (['-w-1'], b'',
     b'', b"base64: invalid wrap size: '-1'\n", 1),
    (['-w', ''], b'',
     b'', b"base64: invalid wrap size: ''\n", 1),
    (['-w', '-99999999999999999999'], b'',
     b'', b"base64: invalid wrap size: '-99999999999999999999'\n", 1),
    (['-d'], b'YWJj',
     b'abc', b'', 0),
    (['-d'], b'Zm9v\nYmFy\n',
     b'foobar', b'', 0),
    (['--decode'], b'\n\nZ\nm\n9\nv\n\n',
     b'foo', b'', 0),
    (['-d'], b'aQ',
     b'i', b'', 0),
    (['-d'], b'Zzw',
     b'g<', b'', 0),
    (['-d'], b'MTIzNA==MTIzNA',
     b'12341234', b'', 0),
    (['-d'], b'MTIzNA==\nMTIzNA',
     b'12341234', b'', 0),
    (['-d'], b'a',
     b'', b'base64: invalid input\n', 1),
    (['-d'], b'Zz=',
     b'g', b'base64: invalid input\n', 1),
    (['-d'], b'Z===',
     b'', b'base64: invalid input\n', 1),
    (['-d'], b'SB==',
     b'H', b'base64: invalid input\n', 1),
    (['-d'], b'SGVsbG9=',
     b'Hello', b'base64: invalid input\n', 1),
    (['-d'], b'MTIzNA=',
     b'1234', b'base64: invalid input\n', 1),
    (['-d'], b'MTIzNA=\n',
     b'1234', b'base64: invalid input\n', 1),
    (['-d'], b'YWJj YWJj',
     b'abc', b'base64: invalid input\n', 1),
    (['-d'], b'YWJj\r\n',
     b'abc', b'base64: invalid input\n', 1),
    (['-d'], b'YW!j',
     b'a', b'base64: invalid input\n', 1),
    (['-d'], b'\xff',
     b'', b'base64: invalid input\n', 1),
    (['-d', '-i'], b'&YWJj*\r\nY\xffWJ j!',
     b'abcabc', b'', 0),
    (['-di'], b'YW=J',
     b'a', b'base64: invalid input\n', 1),
    (['--ignore-garbage', '--decode'], b'Y W J j',
     b'abc', b'', 0),
    (['-i'], b'abc',
     b'YWJj\n', b'', 0),
    (['enc64'], b'',
     b'WVdKago=\n', b'', 0),
    (['-d', 'enc64'], b'',
     b'abc', b'', 0),
    (['-d', '-'], b'YWJj',
     b'abc', b'', 0),
    (['nonexistent'], b'',
     b'', b'base64: nonexistent: No such file or directory\n', 1),
    (['dir'], b'',
     b'', b'base64: read error: Is a directory\n', 1),
    (['-d', 'dir'], b'',
     b'', b'base64: read error: Is a directory\n', 1),
    (['a', 'b'], b'',
     b'', b"base64: extra operand 'b'\nTry 'base64 --help' for more information.\n", 1),
    (['-di', '--wrap=40', 'a', 'b'], b'',
     b'', b"base64: extra operand 'b'\nTry 'base64 --help' for more information.\n", 1),
    (['-x'], b'',
     b'', b"base64: invalid option -- 'x'\nTry 'base64 --help' for more information.\n", 1),
    (['--wrap'], b'',
     b'', b"base64: option '--wrap' requires an argument\nTry 'base64 --help' for more information.\n", 1),
    (['--deco'], b'YWJj',
     b'abc', b'', 0),
]


@pytest.fixture
def files(tmp_path):
    (tmp_path / "a").write_bytes(b"a")
    (tmp_path / "b").write_bytes(b"b")
    (tmp_path / "enc64").write_bytes(b"YWJj\n")
    (tmp_path / "dir").mkdir()
    return tmp_path


@pytest.mark.parametrize("args,inp,out,err,status", CASES,
                         ids=[" ".join(c[0]) or "encode" for c in CASES])
def test_cases(files, args, inp, out, err, status):
    check(run("base64", *args, input=inp, cwd=files), out=out, err=err, status=status)


def wrap(text, cols):
    lines = [text[i:i + cols] for i in range(0, len(text), cols)]
    return b"".join(line + b"\n" for line in lines)


def test_round_trip_large():
    data = random.Random(64).randbytes(500000)
    enc = base64.b64encode(data)
    check(run("base64", input=data), out=wrap(enc, 76))
    check(run("base64", "-w", "0", input=data), out=enc)
    check(run("base64", "-d", input=wrap(enc, 64)), out=data)
    # Any line length, and newlines at the very start.
    check(run("base64", "-d", input=b"\n\n" + wrap(enc, 61)), out=data)


def test_decode_error_after_output():
    good = base64.b64encode(b"x" * 9000)
    check(run("base64", "-d", input=good + b"*" + good),
          out=b"x" * 9000, err=b"base64: invalid input\n", status=1)


@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as full:
        r = run("base64", input=b"abc", stdout=full)
    check(r, err=b"base64: write error: No space left on device\n", status=1)


def test_closed_stdout(files):
    status, err = run_closed_stdout("base64", str(files / "a"))
    assert (status, err) == (1, b"base64: write error: Bad file descriptor\n")


def test_help_and_version():
    r = run("base64", "--help")
    assert r.status == 0 and r.out.startswith(b"Usage: base64 [OPTION]... [FILE]\n")
    assert b"--ignore-garbage" in r.out and b"--wrap=COLS" in r.out
    r = run("base64", "--version")
    assert r.status == 0 and r.out.startswith(b"base64 (corebox) ")
