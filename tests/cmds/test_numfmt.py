"""Tests for numfmt: scaling, rounding, padding, formats, fields and errors."""
import os
import subprocess

import pytest

from conftest import (BASE_ENV, COREBOX, ON_WINE, check, needs_dev_full, run, run_closed_stdout,
                      wine_closed_is_directory)

TRY = b"Try 'numfmt --help' for more information.\n"


@pytest.mark.parametrize("args,out", [
    (["1234"], b"1234\n"),
    (["--from=si", "1K"], b"1000\n"),
    (["--from=iec", "1K"], b"1024\n"),
    (["--from=auto", "1K"], b"1000\n"),
    (["--from=auto", "1Mi"], b"1048576\n"),
    (["--from=iec-i", "1Ki"], b"1024\n"),
    (["--from=iec-i", "1"], b"1\n"),
    (["--to=si", "1000"], b"1.0k\n"),
    (["--to=si", "2001"], b"2.1k\n"),
    (["--to=si", "999999"], b"1.0M\n"),
    (["--to=si", "1"], b"1\n"),
    (["--to=iec", "1536"], b"1.5K\n"),
    (["--to=iec", "2047"], b"2.0K\n"),
    (["--to=iec-i", "4096"], b"4.0Ki\n"),
    (["--to=iec", "--", "9100", "-9100"], b"8.9K\n-8.9K\n"),
    (["--from=si", "--to=iec", "1M"], b"977K\n"),
    (["--", "-0.1"], b"-0.1\n"),
    (["--", "-0"], b"0\n"),
    (["1.22"], b"1.22\n"),
])
def test_scaling(args, out):
    check(run("numfmt", *args), out=out)


@pytest.mark.parametrize("method,out", [
    ("up", b"2.0k\n"), ("down", b"1.9k\n"), ("from-zero", b"2.0k\n"),
    ("towards-zero", b"1.9k\n"), ("nearest", b"1.9k\n"), ("near", b"1.9k\n"),
])
def test_rounding(method, out):
    check(run("numfmt", "--to=si", "--round=" + method, "1901"), out=out)


def test_rounding_negative():
    check(run("numfmt", "--to=si", "--round=up", "--", "-1901"), out=b"-1.9k\n")
    check(run("numfmt", "--to=si", "--round=down", "--", "-1901"), out=b"-2.0k\n")


@pytest.mark.parametrize("args,out", [
    (["--from-unit=512", "4"], b"2048\n"),
    (["--to-unit=512", "2048"], b"4\n"),
    (["--from-unit=K", "30"], b"30000\n"),
    (["--from-unit=Ki", "30"], b"30720\n"),
    (["--to-unit=1K", "2000"], b"2\n"),
    (["--suffix=Foo", "70"], b"70Foo\n"),
    (["--suffix=Foo", "--from=si", "70KFoo"], b"70000Foo\n"),
    (["--suffix=B", "--to=si", "1500"], b"1.5kB\n"),
    (["--to=si", "--unit-separator= ", "1000"], b"1.0 k\n"),
    (["-d", "", "--from=si", "--unit-sep= ", "1 K"], b"1000\n"),
    (["--to=si", "--unit-separator= ", "500"], b"500\n"),
])
def test_units_and_suffixes(args, out):
    check(run("numfmt", *args), out=out)


@pytest.mark.parametrize("args,out", [
    (["--padding=8", "42"], b"      42\n"),
    (["--padding=-8", "42"], b"42      \n"),
    (["--padding=5", "--", "-1234"], b"-1234\n"),
    (["--padding=6", "--", "-1234"], b" -1234\n"),
    (["--format=%08.2f", "3.14159"], b"00003.15\n"),
    (["--format=%-8f|", "5"], b"5       |\n"),
    (["--format=x%'10fy", "1234"], b"x      1234y\n"),
    (["--format=%.3f", "1.5"], b"1.500\n"),
    (["--to=si", "--format=%.3f", "1234567"], b"1.235M\n"),
    # The prefix keeps one byte per item, as GNU's does.
    (["--format=%%%f%%", "5"], b"%5%%\n"),
    (["--format=ab%%c%f", "5"], b"ab%%5\n"),
    (["--grouping", "1234567"], b"1234567\n"),
])
def test_padding_and_format(args, out):
    check(run("numfmt", *args), out=out)


@pytest.mark.parametrize("args,inp,out", [
    (["--to=si"], b"1000\n2000\n", b"1.0k\n2.0k\n"),
    (["--to=si"], b"1000", b"1.0k"),
    (["--header", "--to=si"], b"size\n1000\n", b"size\n1.0k\n"),
    (["--header=2", "--to=si"], b"a\nb\n1000\n", b"a\nb\n1.0k\n"),
    (["--field=2", "--to=si"], b"x 1000 2000\n", b"x 1.0k 2000\n"),
    (["--field=2-", "--to=si"], b"x 1000 2000\n", b"x 1.0k 2.0k\n"),
    (["--field=-", "--to=si"], b"1000 2000\n", b"1.0k 2.0k\n"),
    (["--to=si"], b"   1000 x\n", b"   1.0k x\n"),
    (["--to=si"], b"1000\tx\n", b"1.0k x\n"),
    (["-d:", "--field=2", "--to=si"], b"a:3000:b\n", b"a:3.0k:b\n"),
    (["-z", "--to=si"], b"1000\0002000\0", b"1.0k\0002.0k\0"),
    (["--from=si", "--field=2", "-d", "\xe2\x82\xac"], "1€2K\n".encode(), "1€2000\n".encode()),
])
def test_stdin_lines(args, inp, out):
    env = {"LC_ALL": "C.UTF-8"} if any("\xe2" in a for a in args) else None
    args = [a.encode("latin-1") for a in args]
    check(run("numfmt", *args, input=inp, env=env), out=out)


@pytest.mark.parametrize("args,out,err,status", [
    (["--invalid=warn", "x", "5"], b"x\n5\n", b"numfmt: invalid number: 'x'\n", 0),
    (["--invalid=fail", "x", "5"], b"x\n5\n", b"numfmt: invalid number: 'x'\n", 2),
    (["--invalid=ignore", "x", "5"], b"x\n5\n", b"", 0),
    (["x", "5"], b"", b"numfmt: invalid number: 'x'\n", 2),
    (["4J"], b"", b"numfmt: invalid suffix in input: '4J'\n", 2),
    (["4M"], b"", b"numfmt: rejecting suffix in input: '4M' (consider using --from)\n", 2),
    (["--from=si", "4MJ"], b"", b"numfmt: invalid suffix in input '4MJ': 'J'\n", 2),
    (["--from=iec-i", "4M"], b"", b"numfmt: missing 'i' suffix in input: '4M' (e.g Ki/Mi/Gi)\n", 2),
    (["1.22."], b"", b"numfmt: invalid suffix in input: '1.22.'\n", 2),
    (["--", "-0.-1"], b"", b"numfmt: invalid number: '-0.-1'\n", 2),
    (["99999999999999999999"], b"",
     b"numfmt: value too large to be printed: '1e+20' (consider using --to)\n", 2),
    (["--to=si", "99999999999999999999999999999999999"], b"",
     b"numfmt: value too large to be converted: '99999999999999999999999999999999999'\n", 2),
    (["--debug", "1"], b"1\n", b"numfmt: no conversion option specified\n", 0),
    (["--debug", "--invalid=warn", "--to=si", "x"], b"x\n",
     b"numfmt: invalid number: 'x'\nnumfmt: failed to convert some of the input numbers\n", 0),
])
def test_conversion_errors(args, out, err, status):
    check(run("numfmt", *args), out=out, err=err, status=status)


@pytest.mark.parametrize("args,err", [
    (["--from-unit=AA", "4"], b"numfmt: invalid unit size: 'AA'\n"),
    (["--from-unit=0", "4"], b"numfmt: invalid unit size: '0'\n"),
    (["--to-unit=1i", "4"], b"numfmt: invalid unit size: '1i'\n"),
    (["--padding=0", "4"], b"numfmt: invalid padding value '0'\n"),
    (["--padding=x", "4"], b"numfmt: invalid padding value 'x'\n"),
    (["--header=0"], b"numfmt: invalid header value '0'\n"),
    (["--field=1", "--field=2", "4"], b"numfmt: multiple field specifications\n"),
    (["-d", "ab", "4"], b"numfmt: the delimiter must be a single character\n"),
    (["--grouping", "--to=si", "4"], b"numfmt: grouping cannot be combined with --to\n"),
    (["--grouping", "--format=%f", "4"], b"numfmt: --grouping cannot be combined with --format\n"),
    (["--format=abc", "4"], b"numfmt: format 'abc' has no % directive\n"),
    (["--format=%", "4"], b"numfmt: format '%' ends in %\n"),
    (["--format=%d", "4"], b"numfmt: invalid format '%d', directive must be %[0]['][-][N][.][N]f\n"),
    (["--format=%f%f", "4"], b"numfmt: format '%f%f' has too many % directives\n"),
    (["--format=%.-1f", "4"], b"numfmt: invalid precision in format '%.-1f'\n"),
])
def test_option_errors(args, err):
    check(run("numfmt", *args), err=err, status=1)


@pytest.mark.parametrize("args,err", [
    (["--field=0", "4"], b"numfmt: fields are numbered from 1\n" + TRY),
    (["--field=2-1", "4"], b"numfmt: invalid decreasing range\n" + TRY),
    (["--to=x", "4"], b"numfmt: invalid argument 'x' for '--to'\nValid arguments are:\n  - 'none'\n  - 'si'\n"
                      b"  - 'iec'\n  - 'iec-i'\n" + TRY),
    (["--round=x", "4"], b"numfmt: invalid argument 'x' for '--round'\nValid arguments are:\n  - 'up'\n"
                         b"  - 'down'\n  - 'from-zero'\n  - 'towards-zero'\n  - 'nearest'\n" + TRY),
    (["-x"], b"numfmt: invalid option -- 'x'\n" + TRY),
])
def test_usage_errors(args, err):
    check(run("numfmt", *args), err=err, status=1)


@wine_closed_is_directory
def test_read_error(tmp_path):
    fd = os.open(str(tmp_path), os.O_RDONLY)
    try:
        p = subprocess.run(COREBOX + ["numfmt"], stdin=fd, capture_output=True, env=BASE_ENV)
    finally:
        os.close(fd)
    assert (p.returncode, p.stdout, p.stderr) == (1, b"", b"numfmt: error reading input: Is a directory\n")


@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as o:
        r = run("numfmt", "1", stdout=o)
    check(r, err=b"numfmt: write error: No space left on device\n", status=1)


@pytest.mark.skipif(ON_WINE, reason="needs POSIX descriptors")
def test_closed_stdout():
    status, err = run_closed_stdout("numfmt", "1")
    assert (status, err) == (1, b"numfmt: write error: Bad file descriptor\n")
