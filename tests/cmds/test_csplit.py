"""csplit: GNU coreutils 9.10 behaviour."""
import os
import subprocess

import pytest

from conftest import BASE_ENV, COREBOX, check, needs_dev_full, run, run_closed_stdout, wine_no_symlinks

TRY = "Try 'csplit --help' for more information.\n"

IN = b"".join(b"%d\n" % i for i in range(1, 21))
U = b"a\na\nYY\n\nXX\nb\nb\nYY\n\nXX\nc\nYY\n\nXX\nd\nd\nd\n"
S6 = b"1\n2\n3\n4\n5\n6\n"
NL = b"\n"
NLA = b"\na\n"
NOEOL = b"1\n2\n3"


def pieces(d, skip=("in",)):
    return {f: (d / f).read_bytes() for f in sorted(os.listdir(d)) if f not in skip}


def argid(v):
    return " ".join(v) if isinstance(v, tuple) else "_"


# (args, input, status, stdout, stderr, the files left behind)
CASES = [
    (('-', '5'), IN, 0, b'8\n43\n', '', {'xx00': b'1\n2\n3\n4\n', 'xx01': b'5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n'}),
    (('-', '5', '10'), IN, 0, b'8\n10\n33\n', '', {'xx00': b'1\n2\n3\n4\n', 'xx01': b'5\n6\n7\n8\n9\n', 'xx02': b'10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n'}),
    (('-', '5', '{2}'), IN, 0, b'8\n10\n15\n18\n', '', {'xx00': b'1\n2\n3\n4\n', 'xx01': b'5\n6\n7\n8\n9\n', 'xx02': b'10\n11\n12\n13\n14\n', 'xx03': b'15\n16\n17\n18\n19\n20\n'}),
    (('-', '5', '{*}'), IN, 1, b'8\n10\n15\n15\n3\n', "csplit: '5': line number out of range on repetition 4\n", {}),
    (('-k', '-', '5', '{*}'), IN, 1, b'8\n10\n15\n15\n3\n', "csplit: '5': line number out of range on repetition 4\n", {'xx00': b'1\n2\n3\n4\n', 'xx01': b'5\n6\n7\n8\n9\n', 'xx02': b'10\n11\n12\n13\n14\n', 'xx03': b'15\n16\n17\n18\n19\n', 'xx04': b'20\n'}),
    (('-', '20'), IN, 0, b'48\n3\n', '', {'xx00': b'1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n', 'xx01': b'20\n'}),
    (('-', '21'), IN, 1, b'51\n', "csplit: '21': line number out of range\n", {}),
    (('-', '/5/'), IN, 0, b'8\n43\n', '', {'xx00': b'1\n2\n3\n4\n', 'xx01': b'5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n'}),
    (('-', '/5/+2'), IN, 0, b'12\n39\n', '', {'xx00': b'1\n2\n3\n4\n5\n6\n', 'xx01': b'7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n'}),
    (('-', '/5/-2'), IN, 0, b'4\n47\n', '', {'xx00': b'1\n2\n', 'xx01': b'3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n'}),
    (('-', '%5%'), IN, 0, b'43\n', '', {'xx00': b'5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n'}),
    (('-', '%5%2', '/1/'), IN, 0, b'6\n33\n', '', {'xx00': b'7\n8\n9\n', 'xx01': b'10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n'}),
    (('-', '/1/', '{*}'), IN, 0, b'0\n18\n3\n3\n3\n3\n3\n3\n3\n3\n3\n6\n', '', {'xx00': b'', 'xx01': b'1\n2\n3\n4\n5\n6\n7\n8\n9\n', 'xx02': b'10\n', 'xx03': b'11\n', 'xx04': b'12\n', 'xx05': b'13\n', 'xx06': b'14\n', 'xx07': b'15\n', 'xx08': b'16\n', 'xx09': b'17\n', 'xx10': b'18\n', 'xx11': b'19\n20\n'}),
    (('-', '/1/', '{3}'), IN, 0, b'0\n18\n3\n3\n27\n', '', {'xx00': b'', 'xx01': b'1\n2\n3\n4\n5\n6\n7\n8\n9\n', 'xx02': b'10\n', 'xx03': b'11\n', 'xx04': b'12\n13\n14\n15\n16\n17\n18\n19\n20\n'}),
    (('-', '/1/', '{9}'), IN, 0, b'0\n18\n3\n3\n3\n3\n3\n3\n3\n3\n9\n', '', {'xx00': b'', 'xx01': b'1\n2\n3\n4\n5\n6\n7\n8\n9\n', 'xx02': b'10\n', 'xx03': b'11\n', 'xx04': b'12\n', 'xx05': b'13\n', 'xx06': b'14\n', 'xx07': b'15\n', 'xx08': b'16\n', 'xx09': b'17\n', 'xx10': b'18\n19\n20\n'}),
    (('-', '/x/'), IN, 1, b'51\n', "csplit: '/x/': match not found\n", {}),
    (('-k', '-', '/x/'), IN, 1, b'51\n', "csplit: '/x/': match not found\n", {'xx00': b'1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n'}),
    (('-', '%x%'), IN, 1, b'', "csplit: '%x%': match not found\n", {}),
    (('-', '/x/', '{*}'), IN, 0, b'51\n', '', {'xx00': b'1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n'}),
    (('-', '%1%', '{*}'), IN, 0, b'', '', {}),
    (('-', '/5/-10'), IN, 1, b'0\n', "csplit: '/5/-10': line number out of range\n", {}),
    (('-', '/5/30'), IN, 1, b'51\n', "csplit: '/5/30': line number out of range\n", {}),
    (('-', '/^1/-1', '{*}'), IN, 1, b'0\n', "csplit: '/^1/-1': line number out of range\n", {}),
    (('-z', '-', '/^1/', '{*}'), IN, 0, b'18\n3\n3\n3\n3\n3\n3\n3\n3\n3\n6\n', '', {'xx00': b'1\n2\n3\n4\n5\n6\n7\n8\n9\n', 'xx01': b'10\n', 'xx02': b'11\n', 'xx03': b'12\n', 'xx04': b'13\n', 'xx05': b'14\n', 'xx06': b'15\n', 'xx07': b'16\n', 'xx08': b'17\n', 'xx09': b'18\n', 'xx10': b'19\n20\n'}),
    (('-s', '-', '5'), IN, 0, b'', '', {'xx00': b'1\n2\n3\n4\n', 'xx01': b'5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n'}),
    (('--quiet', '-', '5'), IN, 0, b'', '', {'xx00': b'1\n2\n3\n4\n', 'xx01': b'5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n'}),
    (('-q', '-', '5'), IN, 0, b'', '', {'xx00': b'1\n2\n3\n4\n', 'xx01': b'5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n'}),
    (('-f', 'pre', '-n', '3', '-', '5'), IN, 0, b'8\n43\n', '', {'pre000': b'1\n2\n3\n4\n', 'pre001': b'5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n'}),
    (('--prefix=p', '--digits=1', '-', '5'), IN, 0, b'8\n43\n', '', {'p0': b'1\n2\n3\n4\n', 'p1': b'5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n'}),
    (('-b', '%x.txt', '-', '5', '10'), IN, 0, b'8\n10\n33\n', '', {'xx0.txt': b'1\n2\n3\n4\n', 'xx1.txt': b'5\n6\n7\n8\n9\n', 'xx2.txt': b'10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n'}),
    (('-b', '%03d', '-', '5'), IN, 0, b'8\n43\n', '', {'xx000': b'1\n2\n3\n4\n', 'xx001': b'5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n'}),
    (('-b', '%#o', '-', '3', '{5}'), IN, 0, b'4\n6\n6\n8\n9\n9\n9\n', '', {'xx0': b'1\n2\n', 'xx01': b'3\n4\n5\n', 'xx02': b'6\n7\n8\n', 'xx03': b'9\n10\n11\n', 'xx04': b'12\n13\n14\n', 'xx05': b'15\n16\n17\n', 'xx06': b'18\n19\n20\n'}),
    (('--suffix-format=%-4dz', '-', '5'), IN, 0, b'8\n43\n', '', {'xx0   z': b'1\n2\n3\n4\n', 'xx1   z': b'5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n'}),
    (('-b', "%'d", '-', '5'), IN, 0, b'8\n43\n', '', {'xx0': b'1\n2\n3\n4\n', 'xx1': b'5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n'}),
    (('-b', '%u', '-', '5'), IN, 0, b'8\n43\n', '', {'xx0': b'1\n2\n3\n4\n', 'xx1': b'5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n'}),
    (('-b', 'a%%%d', '-', '5'), IN, 0, b'8\n43\n', '', {'xxa%0': b'1\n2\n3\n4\n', 'xxa%1': b'5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n'}),
    (('-b', '%0#6.3x', '-', '1'), NL, 0, b'0\n1\n', '', {'xx   000': b'', 'xx 0x001': b'\n'}),
    (('-', '/[[:digit:]]\\{2\\}/'), IN, 0, b'18\n33\n', '', {'xx00': b'1\n2\n3\n4\n5\n6\n7\n8\n9\n', 'xx01': b'10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n'}),
    (('-', '/\\(1\\)\\1/'), IN, 0, b'21\n30\n', '', {'xx00': b'1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n', 'xx01': b'11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n'}),
    (('-', '/^2$/'), IN, 0, b'2\n49\n', '', {'xx00': b'1\n', 'xx01': b'2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n'}),
    (('-', '/[z-a]/'), IN, 1, b'51\n', "csplit: '/[z-a]/': match not found\n", {}),
    (('-', '/*1/'), IN, 1, b'51\n', "csplit: '/*1/': match not found\n", {}),
    (('--suppress-matched', '-q', '-', '/^$/', '{*}'), U, 0, b'', '', {'xx00': b'a\na\nYY\n', 'xx01': b'XX\nb\nb\nYY\n', 'xx02': b'XX\nc\nYY\n', 'xx03': b'XX\nd\nd\nd\n'}),
    (('--suppress-matched', '-q', '-', '/^$/1', '{*}'), U, 0, b'', '', {'xx00': b'a\na\nYY\n\n', 'xx01': b'b\nb\nYY\n\n', 'xx02': b'c\nYY\n\n', 'xx03': b'd\nd\nd\n'}),
    (('--suppress-matched', '-q', '-', '/^$/-1', '{*}'), U, 0, b'', '', {'xx00': b'a\na\n', 'xx01': b'\nXX\nb\nb\n', 'xx02': b'\nXX\nc\n', 'xx03': b'\nXX\nd\nd\nd\n'}),
    (('--suppress-matched', '-q', '-', '/^$/', '{2}'), U, 0, b'', '', {'xx00': b'a\na\nYY\n', 'xx01': b'XX\nb\nb\nYY\n', 'xx02': b'XX\nc\nYY\n', 'xx03': b'XX\nd\nd\nd\n'}),
    (('-q', '-', '/^$/', '{*}'), U, 0, b'', '', {'xx00': b'a\na\nYY\n', 'xx01': b'\nXX\nb\nb\nYY\n', 'xx02': b'\nXX\nc\nYY\n', 'xx03': b'\nXX\nd\nd\nd\n'}),
    (('--suppress-matched', '-q', '-', '2', '4', '6'), S6, 0, b'', '', {'xx00': b'1\n', 'xx01': b'3\n', 'xx02': b'5\n', 'xx03': b''}),
    (('--suppress-matched', '-zq', '-', '2', '4', '6'), S6, 0, b'', '', {'xx00': b'1\n', 'xx01': b'3\n', 'xx02': b'5\n'}),
    (('--elide-empty-files', '-', '1', '2'), S6, 0, b'2\n10\n', '', {'xx00': b'1\n', 'xx01': b'2\n3\n4\n5\n6\n'}),
    (('--suppress-matched', '-', '5', '{*}'), IN, 1, b'8\n8\n12\n12\n0\n', "csplit: '5': line number out of range on repetition 4\n", {}),
    (('-', '/a/-1', '{*}'), NLA, 0, b'0\n3\n', '', {'xx00': b'', 'xx01': b'\na\n'}),
    (('-', '1', '1'), NL, 0, b'0\n0\n1\n', "csplit: warning: line number '1' is the same as preceding line number\n", {'xx00': b'', 'xx01': b'', 'xx02': b'\n'}),
    (('-', '3'), NOEOL, 0, b'4\n1\n', '', {'xx00': b'1\n2\n', 'xx01': b'3'}),
    (('-', '/3/'), NOEOL, 0, b'4\n1\n', '', {'xx00': b'1\n2\n', 'xx01': b'3'}),
    (('--keep-files', '-', '/x/', '{*}'), NOEOL, 0, b'5\n', '', {'xx00': b'1\n2\n3'}),
]


@pytest.mark.parametrize("args,inp,status,out,err,files", CASES, ids=argid)
def test_split(tmp_path, args, inp, status, out, err, files):
    r = run("csplit", *args, input=inp, cwd=tmp_path)
    check(r, out=out, err=err, status=status)
    assert pieces(tmp_path) == files


def test_named_input_file_and_utf8(tmp_path):
    (tmp_path / "in").write_bytes("caf\u00e9\nna\u00efve\n\u00e9t\u00e9\n".encode())
    r = run("csplit", "in", "/^.t.$/", cwd=tmp_path, env={"LC_ALL": "C.UTF-8"})
    check(r, out=b"13\n6\n")
    assert pieces(tmp_path) == {"xx00": "caf\u00e9\nna\u00efve\n".encode(), "xx01": "\u00e9t\u00e9\n".encode()}


def test_empty_input(tmp_path):
    # 9.10: the empty piece made for the first pattern is removed again.
    check(run("csplit", "-", "1", input=b"", cwd=tmp_path),
          out=b"0\n", err="csplit: '1': line number out of range\n", status=1)
    assert pieces(tmp_path) == {}


def test_long_lines_and_many_pieces(tmp_path):
    data = b"x" + b" " * 8199 + b"\nx\n" + b" " * 8199 + b"\nx\n"
    check(run("csplit", "-", "/x\\{1\\}/", "{*}", input=data, cwd=tmp_path), out=b"0\n8201\n8202\n2\n")
    assert b"".join(pieces(tmp_path).values()) == data
    for f in os.listdir(tmp_path):
        os.unlink(tmp_path / f)
    data = b"".join(b"%d\n" % i for i in range(1, 1001))
    r = run("csplit", "-s", "-", "/./", "{*}", input=data, cwd=tmp_path)
    check(r)
    got = pieces(tmp_path)
    assert len(got) == 1001 and "xx1000" in got and got["xx1000"] == b"1000\n"


def test_big_input_dropped_as_it_goes(tmp_path):
    data = b"y\n" * 500000 + b"n\nlast\n"
    check(run("csplit", "-z", "-", "%n%1", input=data, cwd=tmp_path), out=b"5\n")
    assert pieces(tmp_path) == {"xx00": b"last\n"}


@pytest.mark.parametrize("args,err", [
    (("-", "0"), "csplit: 0: line number must be greater than zero\n"),
    (("-", "2", "1"), "csplit: line number '1' is smaller than preceding line number, 2\n"),
    (("-", "x"), "csplit: 'x': invalid pattern\n"),
    (("-", "1x"), "csplit: '1x': invalid pattern\n"),
    (("-", "99999999999999999999"), "csplit: '99999999999999999999': invalid pattern\n"),
    (("-", "/a"), "csplit: /a: closing delimiter '/' missing\n"),
    (("-", "%a"), "csplit: %a: closing delimiter '%' missing\n"),
    (("-", "/a/x"), "csplit: '/a/x': integer expected after delimiter\n"),
    (("-", "/a/+"), "csplit: '/a/+': integer expected after delimiter\n"),
    (("-", "/\\(/"), r"csplit: '/\\(/': invalid regular expression: Unmatched ( or \(" "\n"),
    (("-", "/[/"), "csplit: '/[/': invalid regular expression: Invalid regular expression\n"),
    (("-", "/a\\{1/"), r"csplit: '/a\\{1/': invalid regular expression: Unmatched \{" "\n"),
    (("-", "/[[:x:]]/"), "csplit: '/[[:x:]]/': invalid regular expression: Invalid character class name\n"),
    (("-", "5", "{x}"), "csplit: '{x'}: integer required between '{' and '}'\n"),
    (("-", "5", "{-1}"), "csplit: '{-1'}: integer required between '{' and '}'\n"),
    (("-", "5", "{}"), "csplit: '{'}: integer required between '{' and '}'\n"),
    (("-", "5", "{1"), "csplit: '{1': '}' is required in repeat count\n"),
    (("-b", "%d%d", "-", "5"), "csplit: too many % conversion specifications in suffix\n"),
    (("-b", "abc", "-", "5"), "csplit: missing % conversion specification in suffix\n"),
    (("-b", "%", "-", "5"), "csplit: missing conversion specifier in suffix\n"),
    (("-b", "%s", "-", "5"), "csplit: invalid conversion specifier in suffix: s\n"),
    (("-b", "%\x01", "-", "5"), "csplit: invalid conversion specifier in suffix: \\001\n"),
    (("-b", "%.3", "-", "5"), "csplit: missing conversion specifier in suffix\n"),
    (("-b", "%#d", "-", "5"), "csplit: invalid flags in conversion specification: %#d\n"),
    (("-b", "%'x", "-", "5"), "csplit: invalid flags in conversion specification: %'x\n"),
    (("-n", "x", "-", "5"), "csplit: invalid number: 'x'\n"),
    (("-n", "-1", "-", "5"), "csplit: invalid number: '-1': Value too large for defined data type\n"),
    (("nope", "1"), "csplit: cannot open 'nope' for reading: No such file or directory\n"),
    ((), "csplit: missing operand\n" + TRY),
    (("-",), "csplit: missing operand after '-'\n" + TRY),
    (("-x",), "csplit: invalid option -- 'x'\n" + TRY),
    (("--bogus",), "csplit: unrecognized option '--bogus'\n" + TRY),
    (("-f",), "csplit: option requires an argument -- 'f'\n" + TRY),
])
def test_errors(tmp_path, args, err):
    check(run("csplit", *args, input=IN, cwd=tmp_path), err=err, status=1)
    assert pieces(tmp_path) == {}


def test_same_line_number_warns(tmp_path):
    check(run("csplit", "-", "1", "1", input=b"\n", cwd=tmp_path), out=b"0\n0\n1\n",
          err="csplit: warning: line number '1' is the same as preceding line number\n")
    check(run("csplit", "-", "3", "3", input=b"\n", cwd=tmp_path), out=b"1\n",
          err="csplit: warning: line number '3' is the same as preceding line number\n"
              "csplit: '3': line number out of range\n", status=1)


def test_directory_input_and_output(tmp_path):
    (tmp_path / "d").mkdir()
    check(run("csplit", "d", "1", cwd=tmp_path), out=b"0\n", err="csplit: read error: Is a directory\n",
          status=1)
    (tmp_path / "xx01").mkdir()
    check(run("csplit", "-", "2", input=b"1\n2\n", cwd=tmp_path), out=b"2\n",
          err="csplit: xx01: Is a directory\n", status=1)
    assert sorted(os.listdir(tmp_path)) == ["d", "xx01"]


@needs_dev_full
@wine_no_symlinks
def test_full_piece_is_removed(tmp_path):
    os.symlink("/dev/full", tmp_path / "xx01")
    check(run("csplit", "-", "1", input=b"1\n2\n", cwd=tmp_path), out=b"0\n",
          err="csplit: xx01: No space left on device\n", status=1)
    assert os.listdir(tmp_path) == []


@needs_dev_full
def test_dev_full(tmp_path):
    with open("/dev/full", "wb") as full:
        r = run("csplit", "-", "2", input=b"1\n2\n", stdout=full, cwd=tmp_path)
    check(r, err="csplit: write error: No space left on device\n", status=1)


def test_closed_stdout(tmp_path):
    (tmp_path / "f").write_bytes(b"1\n2\n3\n")
    argv = list(COREBOX) + ["csplit", "f", "2"]
    proc = subprocess.run(argv, stdin=subprocess.DEVNULL, stderr=subprocess.PIPE, env=BASE_ENV,
                          cwd=tmp_path, preexec_fn=lambda: os.close(1))
    assert (proc.returncode, proc.stderr) == (1, b"csplit: write error: Bad file descriptor\n")
    assert pieces(tmp_path, skip=("f",)) == {"xx00": b"1\n", "xx01": b"2\n3\n"}


def test_help_and_version():
    r = run("csplit", "--help")
    assert r.status == 0 and r.err == b""
    assert r.stdout.startswith("Usage: csplit [OPTION]... FILE PATTERN...\n")
    for opt in ("--suffix-format=FORMAT", "--prefix=PREFIX", "--keep-files", "--suppress-matched",
                "--digits=DIGITS", "--quiet", "--silent", "--elide-empty-files"):
        assert opt in r.stdout
    r = run("csplit", "--version")
    assert r.status == 0 and r.stdout.startswith("csplit (corebox) ")
