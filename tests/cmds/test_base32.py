"""Black-box tests of base32: RFC 4648 encoding (the section 10 test
vectors), wrapping, decoding with and without padding, and GNU's
messages. The expected bytes are GNU coreutils 9.10's."""
import base64
import random

import pytest

from conftest import check, run

# (args, stdin, stdout, stderr, status); run in a directory holding a
# ("a") and b ("b").
CASES = [
    ([], b'',
     b'', b'', 0),
    ([], b'f',
     b'MY======\n', b'', 0),
    ([], b'fo',
     b'MZXQ====\n', b'', 0),
    ([], b'foo',
     b'MZXW6===\n', b'', 0),
    ([], b'foob',
     b'MZXW6YQ=\n', b'', 0),
    ([], b'fooba',
     b'MZXW6YTB\n', b'', 0),
    ([], b'foobar',
     b'MZXW6YTBOI======\n', b'', 0),
    ([], b'\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abc',
     b'AAAQEAYEAUDAOCAJBIFQYDIOB4IBCEQTCQKRMFYYDENBWHA5DYPSAIJCEMSCKJRHFAUSUKZMFUXC\n6MBRGIZTINJWG44DSOR3HQ6T4P2AIFBEGRCFIZDUQSKKJNGE2TSPKBIVEU2UKVLFOWCZLJNVYXK6\nL5QGCYTD\n', b'', 0),
    (['-w', '0'], b'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
     b'MFQWCYLBMFQWCYLBMFQWCYLBMFQWCYLBMFQWCYLBMFQWCYLBMFQWCYLBMFQWCYLBMFQWCYLBMFQWCYLBMFQWCYLBMFQWCYLBMFQWCYLBMFQWCYLBMFQWCYLBMFQWCYLBMFQWCYLBMFQWCYLBMFQWCYLBMFQWCYLB', b'', 0),
    (['-w7'], b'aaaaaaaaaa',
     b'MFQWCYL\nBMFQWCY\nLB\n', b'', 0),
    (['-w1k'], b'',
     b'', b"base32: invalid wrap size: '1k'\n", 1),
    (['-d'], b'MZXW6YTBOI======',
     b'foobar', b'', 0),
    (['-d'], b'MZXW6\nYTBOI======\n',
     b'foobar', b'', 0),
    (['-d'], b'MFRGG',
     b'abc', b'', 0),
    (['-d'], b'MFRGGZDFMFRGG',
     b'abcdeabc', b'', 0),
    (['-d'], b'IFBA====\nIE',
     b'ABA', b'', 0),
    (['-d'], b'MFRGGZDF=',
     b'abcde', b'base32: invalid input\n', 1),
    (['-d'], b'MFRGGZDF=\n',
     b'abcde', b'base32: invalid input\n', 1),
    (['-d'], b'MZX',
     b'f', b'base32: invalid input\n', 1),
    (['-d'], b'M',
     b'', b'base32: invalid input\n', 1),
    (['-d'], b'mzxw6===',
     b'', b'base32: invalid input\n', 1),
    (['-d'], b'MZXW6YTBO1======',
     b'fooba', b'base32: invalid input\n', 1),
    (['-d', '-i'], b'&MZ\x00XW6YTBOI=====!=\n',
     b'foobar', b'', 0),
    (['a', 'b'], b'',
     b'', b"base32: extra operand 'b'\nTry 'base32 --help' for more information.\n", 1),
    (['nonexistent'], b'',
     b'', b'base32: nonexistent: No such file or directory\n', 1),
]


@pytest.fixture
def files(tmp_path):
    (tmp_path / "a").write_bytes(b"a")
    (tmp_path / "b").write_bytes(b"b")
    return tmp_path


@pytest.mark.parametrize("args,inp,out,err,status", CASES,
                         ids=[" ".join(c[0]) or "encode" for c in CASES])
def test_cases(files, args, inp, out, err, status):
    check(run("base32", *args, input=inp, cwd=files), out=out, err=err, status=status)


def test_round_trip_large():
    data = random.Random(32).randbytes(300000)
    enc = base64.b32encode(data)
    lines = b"".join(enc[i:i + 76] + b"\n" for i in range(0, len(enc), 76))
    check(run("base32", input=data), out=lines)
    check(run("base32", "-d", input=lines), out=data)


def test_help_and_version():
    r = run("base32", "--help")
    assert r.status == 0 and r.out.startswith(b"Usage: base32 [OPTION]... [FILE]\n")
    r = run("base32", "--version")
    assert r.status == 0 and r.out.startswith(b"base32 (corebox) ")
