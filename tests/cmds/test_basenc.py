"""Black-box tests of basenc: every encoding (base64, base64url, base58,
base32, base32hex, base16, base2msbf, base2lsbf, z85) both ways, -i, -w,
and GNU's messages and quirks. The expected bytes are GNU coreutils
9.10's (round trips are checked against Python's base64 module)."""
import base64
import random

import pytest

from conftest import check, needs_dev_full, run

# (args, stdin, stdout, stderr, status)
CASES = [
    ([], b'',
     b'', b"basenc: missing encoding type\nTry 'basenc --help' for more information.\n", 1),
    (['a', 'b'], b'',
     b'', b"basenc: missing encoding type\nTry 'basenc --help' for more information.\n", 1),
    (['--base64', 'A', 'B'], b'',
     b'', b"basenc: extra operand 'B'\nTry 'basenc --help' for more information.\n", 1),
    (['--base'], b'',
     b'', b"basenc: option '--base' is ambiguous; possibilities: '--base64' '--base64url' '--base58' '--base32' '--base32hex' '--base16' '--base2msbf' '--base2lsbf'\nTry 'basenc --help' for more information.\n", 1),
    (['--foobar'], b'',
     b'', b"basenc: unrecognized option '--foobar'\nTry 'basenc --help' for more information.\n", 1),
    (['--base64'], b'T\x0f\xdc\xf0\x0f\xafJ',
     b'VA/c8A+vSg==\n', b'', 0),
    (['--base64url'], b'T\x0f\xdc\xf0\x0f\xafJ',
     b'VA_c8A-vSg==\n', b'', 0),
    (['--base64url', '-d'], b'VA_c8A-vSg==',
     b'T\x0f\xdc\xf0\x0f\xafJ', b'', 0),
    (['--base64url', '-d'], b'VA/c8A+vSg==',
     b'', b'basenc: invalid input\n', 1),
    (['--base64url', '-d'], b'YWJj+',
     b'', b'basenc: invalid input\n', 1),
    (['--base64url', '-di'], b'/VA_c8A-vSg==+',
     b'T\x0f\xdc\xf0\x0f\xafJ', b'', 0),
    (['--base64url', '-d'], b'VA\n_c\n8A\n-v\nSg\n==\n',
     b'T\x0f\xdc\xf0\x0f\xafJ', b'', 0),
    (['--base58'], b'Hello World!',
     b'2NEpo7TZRRrLZSi2U\n', b'', 0),
    (['--base58'], b'\x00\x00(\x7f\xb4\xcd',
     b'11233QC4\n', b'', 0),
    (['--base58'], b'\x00',
     b'1\n', b'', 0),
    (['--base58'], b'',
     b'', b'', 0),
    (['--base58', '-w', '10'], b'\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !"#$%&\'',
     b'fAhYWqs6ct\nsWHNZtpYJN\nB9BxxQPq4P\na5LkbLC3wp\nAHLipXE7tX\nVY\n', b'', 0),
    (['--base58', '-d'], b'2NEpo7TZRRrLZSi2U\n',
     b'Hello World!', b'', 0),
    (['--base58', '-d'], b'11233QC4',
     b'\x00\x00(\x7f\xb4\xcd', b'', 0),
    (['--base58', '-d'], b'0',
     b'', b'basenc: invalid input\n', 1),
    (['--base58', '-d'], b'2NEpo7TZRRrLZSi2U ',
     b'', b'basenc: invalid input\n', 1),
    (['--base58', '-di'], b'&2NEpo7TZRR=rLZSi2U ',
     b'Hello World!', b'', 0),
    (['--base32'], b'\xfd\xd8\x07\xd1\xa5',
     b'7XMAPUNF\n', b'', 0),
    (['--base32'], b'\xff\x00',
     b'74AA====\n', b'', 0),
    (['--base32', '-d'], b'74AA====',
     b'\xff\x00', b'', 0),
    (['--base32hex'], b'\xfd\xd8\x07\xd1\xa5',
     b'VNC0FKD5\n', b'', 0),
    (['--base32hex'], b'\xff\x00',
     b'VS00====\n', b'', 0),
    (['--base32hex', '-d'], b'VS0A====',
     b'\xff\x00', b'basenc: invalid input\n', 1),
    (['--base32hex', '-d'], b'VS\n0A\n===\n=',
     b'\xff\x00', b'basenc: invalid input\n', 1),
    (['--base32hex', '-d'], b'VRC0FK55W',
     b'\xfe\xd8\x07\xd0\xa5', b'basenc: invalid input\n', 1),
    (['--base32hex', '-d'], b'WA======',
     b'\xb2', b'basenc: invalid input\n', 1),
    (['--base32hex', '-di'], b'WVRC0FK55',
     b'\xfe\xd8\x07\xd0\xa5', b'', 0),
    (['--base32hex', '-d'], b'C5H66',
     b'abc', b'', 0),
    (['--base16'], b'\xfd\xd8\x07\xd1\xa5',
     b'FDD807D1A5\n', b'', 0),
    (['--base16', '-d'], b'FDD807D1A5',
     b'\xfd\xd8\x07\xd1\xa5', b'', 0),
    (['--base16', '-d'], b'fdd807d1a5',
     b'\xfd\xd8\x07\xd1\xa5', b'', 0),
    (['--base16', '-d'], b'AB\nCD',
     b'\xab\xcd', b'', 0),
    (['--base16', '-d'], b'ABC',
     b'\xab', b'basenc: invalid input\n', 1),
    (['--base16', '-d'], b'AB.C',
     b'\xab', b'basenc: invalid input\n', 1),
    (['--base16', '-d', '-i'], b'=AB.CD\nG',
     b'\xab\xcd', b'', 0),
    (['--base2msbf'], b'\xc1ab',
     b'110000010110000101100010\n', b'', 0),
    (['--base2lsbf'], b'\xc1ab',
     b'100000111000011001000110\n', b'', 0),
    (['--base2m', '-d'], b'110\n00001',
     b'\xc1', b'', 0),
    (['--base2m', '-d'], b'11000001x',
     b'\xc1', b'basenc: invalid input\n', 1),
    (['--base2m', '-d'], b'1000100',
     b'', b'basenc: invalid input\n', 1),
    (['--base2m', '-di'], b'=110x00001=',
     b'\xc1', b'', 0),
    (['--base2l', '-d'], b'11000001',
     b'\x83', b'', 0),
    (['--base2l', '-d'], b'100010000000000',
     b'\x11', b'basenc: invalid input\n', 1),
    (['--z85'], b'\x86O\xd2o\xb5Y\xf7[',
     b'HelloWorld\n', b'', 0),
    (['--z85'], b'\xff\xff\xff\xff',
     b'%nSc0\n', b'', 0),
    (['--z85'], b'ABCDE',
     b'', b'basenc: invalid input (length must be multiple of 4 characters)\n', 1),
    (['--z85', '-w', '3'], b'ABCD',
     b'k%^\n}b\n', b'', 0),
    (['--z85', '-d'], b'HelloWorld',
     b'\x86O\xd2o\xb5Y\xf7[', b'', 0),
    (['--z85', '-d'], b'he\nl\nlo',
     b'5jXu', b'', 0),
    (['--z85', '-d'], b'helloX',
     b'5jXu', b'basenc: invalid input\n', 1),
    (['--z85', '-d'], b'%nSc1',
     b'', b'basenc: invalid input\n', 1),
    (['--z85', '-d'], b'%j$"P',
     b'', b'basenc: invalid input\n', 1),
    (['--z85', '-d', '-i'], b'~%j$ qP',
     b'\xff\xdd\xbb\x99', b'', 0),
    (['--z85', '-d', '-i'], b'hello\x00',
     b'5jXu', b'basenc: invalid input\n', 1),
    (['--base64', '--base32'], b'abc',
     b'MFRGG===\n', b'', 0),
    (['--base16', '-w', '4'], b'abcdef',
     b'6162\n6364\n6566\n', b'', 0),
    (['--base2msbf', '-w0'], b'ab',
     b'0110000101100010', b'', 0),
    (['--base64', '-w', 'x'], b'',
     b'', b"basenc: invalid wrap size: 'x'\n", 1),
    (['--base64', 'nonexistent'], b'',
     b'', b'basenc: nonexistent: No such file or directory\n', 1),
]


@pytest.mark.parametrize("args,inp,out,err,status", CASES,
                         ids=[" ".join(c[0]) or "none" for c in CASES])
def test_cases(args, inp, out, err, status):
    check(run("basenc", *args, input=inp), out=out, err=err, status=status)


DATA = random.Random(85).randbytes(120000)
ORACLES = {
    "--base64": base64.b64encode,
    "--base64url": base64.urlsafe_b64encode,
    "--base32": base64.b32encode,
    "--base32hex": base64.b32hexencode,
    "--base16": base64.b16encode,
    "--base2msbf": lambda d: "".join(format(c, "08b") for c in d).encode(),
    "--base2lsbf": lambda d: "".join(format(c, "08b")[::-1] for c in d).encode(),
    # Z85 is base85 with another alphabet than Python's b85.
    "--z85": lambda d: base64.b85encode(d).translate(bytes.maketrans(
        b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~",
        b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#")),
}


@pytest.mark.parametrize("opt", sorted(ORACLES))
def test_round_trip_large(opt):
    data = DATA[:30000] if opt.startswith("--base2") else DATA
    enc = ORACLES[opt](data)
    lines = b"".join(enc[i:i + 76] + b"\n" for i in range(0, len(enc), 76))
    check(run("basenc", opt, input=data), out=lines)
    check(run("basenc", opt, "-d", input=lines), out=data)


def test_base58_round_trip():
    data = b"\0\0" + random.Random(58).randbytes(3000)
    r = run("basenc", "--base58", "-w0", input=data)
    assert r.status == 0 and r.out.startswith(b"11") and b"0" not in r.out
    check(run("basenc", "--base58", "-d", input=r.out), out=data)


def test_base58_leading_zeros():
    check(run("basenc", "--base58", "-w", "0", input=bytes(40000)), out=b"1" * 40000)
    check(run("basenc", "--base58", "-d", input=b"1" * 40000), out=bytes(40000))


def test_base64url_rejects_a_block_with_plus():
    # GNU decodes base64url in 5600-byte blocks and fails a whole block
    # that holds '+' or '/'.
    check(run("basenc", "--base64url", "-d", input=b"YWJj" * 1400 + b"YW+j"),
          out=b"abc" * 1400, err=b"basenc: invalid input\n", status=1)
    check(run("basenc", "--base64url", "-d", input=b"YWJj" * 1399 + b"YW+j"),
          err=b"basenc: invalid input\n", status=1)


def test_z85_length_error_after_full_blocks():
    # Whole 30720-byte blocks are written before the error, without the
    # last line's newline.
    r = run("basenc", "--z85", input=bytes(30721))
    assert r.out == (b"0" * 76 + b"\n") * 505 + b"0" * 20
    assert (r.err, r.status) == (b"basenc: invalid input (length must be multiple of 4 characters)\n", 1)
    r = run("basenc", "--z85", "-w", "80", input=bytes(30721))
    assert r.out == b"\n".join([b"0" * 80] * 480)


@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as full:
        r = run("basenc", "--base16", input=b"abc", stdout=full)
    check(r, err=b"basenc: write error: No space left on device\n", status=1)


def test_help_and_version():
    r = run("basenc", "--help")
    assert r.status == 0 and r.out.startswith(b"Usage: basenc [OPTION]... [FILE]\n")
    for opt in ORACLES:
        assert opt.encode() in r.out
    assert b"--base58" in r.out
    r = run("basenc", "--version")
    assert r.status == 0 and r.out.startswith(b"basenc (corebox) ")
