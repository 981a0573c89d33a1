"""tac: GNU coreutils 9.10 behaviour."""
import os
import subprocess

import pytest

from conftest import BASE_ENV, COREBOX, ON_WINE, check, needs_dev_full, run, run_closed_stdout

TRY = "Try 'tac --help' for more information.\n"

# GNU's own cases (tests/tac/tac.pl).
GNU = [
    ((), b"", b""),
    ((), b"a", b"a"),
    ((), b"\n", b"\n"),
    ((), b"a\n", b"a\n"),
    ((), b"a\nb", b"ba\n"),
    ((), b"a\nb\n", b"b\na\n"),
    ((), b"1234567\n8\n", b"8\n1234567\n"),
    ((), b"12345678\n9\n", b"9\n12345678\n"),
    (("-s", ""), b"", b""),
    (("-s", ""), b"a", b"a"),
    (("-s", ""), b"\0", b"\0"),
    (("-s", ""), b"a\0", b"a\0"),
    (("-s", ""), b"a\0b", b"ba\0"),
    (("-s", ""), b"a\0b\0", b"b\0a\0"),
    (("-b",), b"\na\nb\nc", b"\nc\nb\na"),
    (("-s:",), b"a:b:c:", b"c:b:a:"),
    (("-s", ":", "-b"), b":a:b:c", b":c:b:a"),
    (("-r", "-s", r"\._+"), b"1._2.__3.___4._", b"4._3.___2.__1._"),
    (("-r", "-s", r"\._+"), b"a.___b.__1._2.__3.___4._", b"4._3.___2.__1._b.__a.___"),
    (("-r", "-s", "^"), b"a\nb\nc\n", b"c\nb\na\n"),
    (("-r", "-s", "$"), b"a\nb\nc\n", b"\n\nc\nba"),
    (("-r", "-s", "^$"), b"a\nb\nc\n", b"a\nb\nc\n"),
    (("-b", "-r", "-s", r"\._+"), b"._1._2.__3.___4", b".___4.__3._2._1"),
    (("-b", "-r", "-s", r"\._+"), b".__x.___y.____z._1._2.__3.___4", b".___4.__3._2._1.____z.___y.__x"),
    ((), b"o" * 16385, b"o" * 16385),
]

# More separators; regular expressions use GNU's default syntax (+ and ?
# are operators, \| alternates, no intervals or character classes).
MORE = [
    (("-s", "aa"), b"aaaaa", b"aaaaa"),
    (("-s", "aa"), b"xaaay", b"yxaaa"),
    (("-b", "-s", "aa"), b"xaaayaa", b"aaaayxa"),
    (("-s", "ab"), b"abab", b"abab"),
    (("-s", "\n\n"), b"a\n\n\nb\n\n", b"b\n\na\n\n\n"),
    (("--separator=:", "--before"), b":a:b", b":b:a"),
    (("-r", "-s", "a*"), b"baab", b"baba"),
    (("-r", "-s", "[0-9]+"), b"a12b345c", b"c54b32a1"),
    (("-r", "-s", r"[0-9]\+"), b"a12b345c", b"a12b345c"),
    (("-r", "-s", r"x\|y"), b"1x2y3", b"32y1x"),
    (("-r", "-s", r"\(ab\)\1"), b"1abab2abab", b"2abab1abab"),
    (("-r", "-s", r"\`"), b"a\nb\n", b"a\nb\n"),
    (("-r", "-s", r"\'"), b"a\nb\n", b"a\nb\n"),
    (("-r", "-s", r"\<"), b"ab cd\n", b"cd\nab "),
    (("-r", "-s", "."), b"abc", b"cba"),
    (("-r", "-s", "a+"), b"xaaay", b"yaaxa"),
    (("-r", "-s", r"\{"), b"a{b", b"ba{"),
    (("-r", "-s", "[[:alpha:]]"), b"1[a:]2", b"21[a:]"),
    (("-rbs", r"\n"), b"anbnc", b"ncnba"),
    (("-r", "-s", "\n\n*"), b"a\n\n\nb\n", b"b\n\n\na\n"),
    (("-s", b"\xc3\xa9"), b"a\xc3\xa9b\xc3\xa9c", b"cb\xc3\xa9a\xc3\xa9"),
    (("-r", "-s", b"\xc3\xa9"), b"a\xc3\xa9b\xc3\xa9c", b"cb\xc3\xa9a\xc3\xa9"),
]


def argid(v):
    return " ".join(a if isinstance(a, str) else repr(a) for a in v) if isinstance(v, tuple) else "_"


@pytest.mark.parametrize("args,inp,out", GNU + MORE, ids=argid)
def test_from_file(tmp_path, args, inp, out):
    f = tmp_path / "in"
    f.write_bytes(inp)
    check(run("tac", *args, str(f)), out=out)


@pytest.mark.parametrize("args,inp,out", GNU[:6] + GNU[17:20] + MORE[:3], ids=argid)
def test_from_pipe(args, inp, out):
    check(run("tac", *args, input=inp), out=out)


def test_from_redirected_file(tmp_path):
    f = tmp_path / "in"
    f.write_bytes(b"1\n2\n3\n")
    with open(f, "rb") as inp:
        proc = subprocess.run(list(COREBOX) + ["tac"], stdin=inp, capture_output=True, env=BASE_ENV)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, b"3\n2\n1\n", b"")


def test_utf8_locale_separator():
    r = run("tac", "-r", "-s", b"\xc3\xa9", input=b"a\xc3\xa9b\xc3\xa9c", env={"LC_ALL": "C.UTF-8"})
    check(r, out=b"cb\xc3\xa9a\xc3\xa9")
    r = run("tac", "-r", "-s", ".", input=b"\xc3\xa9x", env={"LC_ALL": "C.UTF-8"})
    check(r, out=b"x\xc3\xa9")


def test_big_inputs(tmp_path):
    lines = [b"%d\n" % i for i in range(300000)]
    data = b"".join(lines)
    f = tmp_path / "big"
    f.write_bytes(data)
    rev = b"".join(reversed(lines))
    check(run("tac", str(f)), out=rev)
    check(run("tac", input=data), out=rev)
    # Records longer than the blocks read.
    long = [b"x" * 200000 + b"\n", b"y" * 300000 + b"\n", b"z\n"]
    f.write_bytes(b"".join(long))
    check(run("tac", str(f)), out=b"".join(reversed(long)))
    check(run("tac", "-r", "-s", "\n", str(f)), out=b"".join(reversed(long)))
    # -b with a separator of several bytes that meets block boundaries.
    recs = [b"<>" + b"%d" % i * (i % 50) for i in range(20000)]
    f.write_bytes(b"".join(recs))
    check(run("tac", "-b", "-s", "<>", str(f)), out=b"".join(reversed(recs)))


def test_several_files_and_stdin_twice(tmp_path):
    (tmp_path / "f").write_bytes(b"1\n2\n")
    check(run("tac", "f", "-", "f", input=b"a\nb", cwd=tmp_path), out=b"2\n1\nba\n2\n1\n")
    check(run("tac", "-", "-", input=b"x\n"), out=b"x\n")


@pytest.mark.skipif(ON_WINE, reason="Wine: its wineserver's socket is in $TMPDIR, so Wine cannot start "
                    "with an unusable one")
def test_pipe_with_unusable_tmpdir():
    check(run("tac", input=b"a\nb\n", env={"TMPDIR": "no/such/dir"}), out=b"b\na\n")


def test_closed_stdin():
    proc = subprocess.run(list(COREBOX) + ["tac", "-", "-"], capture_output=True, env=BASE_ENV,
                          preexec_fn=lambda: os.close(0))
    assert (proc.returncode, proc.stdout, proc.stderr) == (
        1, b"", b"tac: 'standard input': read error: Bad file descriptor\n" * 2
        + b"tac: -: Bad file descriptor\n")


@pytest.mark.parametrize("args,err", [
    (("-r", "-s", ""), "tac: separator cannot be empty\n"),
    (("-r", "-s", r"\("), "tac: Unmatched ( or \\(\n"),
    (("-r", "-s", "a\\"), "tac: Trailing backslash\n"),
    (("-r", "-s", "["), "tac: Invalid regular expression\n"),
    (("-r", "-s", r"\1"), "tac: Invalid back reference\n"),
    (("-x",), "tac: invalid option -- 'x'\n" + TRY),
    (("-s",), "tac: option requires an argument -- 's'\n" + TRY),
    (("--bogus",), "tac: unrecognized option '--bogus'\n" + TRY),
    (("--regex=1",), "tac: option '--regex' doesn't allow an argument\n" + TRY),
])
def test_errors(args, err):
    check(run("tac", *args, input=b"a\n"), err=err, status=1)


def test_missing_files_and_directories(tmp_path):
    (tmp_path / "f").write_bytes(b"a\nb\n")
    (tmp_path / "d").mkdir()
    check(run("tac", "nope", "f", cwd=tmp_path), out=b"b\na\n",
          err="tac: failed to open 'nope' for reading: No such file or directory\n", status=1)
    r = run("tac", "d", cwd=tmp_path)
    assert r.status == 1 and r.out == b"" and r.err.startswith(b"tac: d: read error: ")


def test_unreadable_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their permissions")
    f = tmp_path / "secret"
    f.write_bytes(b"x\n")
    f.chmod(0)
    check(run("tac", str(f)), err=f"tac: failed to open '{f}' for reading: Permission denied\n", status=1)


@needs_dev_full
def test_dev_full(tmp_path):
    with open("/dev/full", "wb") as full:
        r = run("tac", input=b"a\nb\n", stdout=full)
    check(r, err="tac: write error: No space left on device\n", status=1)


def test_closed_stdout():
    assert run_closed_stdout("tac", "/dev/null") == (0, b"")


def test_help_and_version():
    r = run("tac", "--help")
    assert r.status == 0 and r.err == b""
    assert r.stdout.startswith("Usage: tac [OPTION]... [FILE]...\n")
    for opt in ("--before", "--regex", "--separator=STRING"):
        assert opt in r.stdout
    r = run("tac", "--version")
    assert r.status == 0 and r.stdout.startswith("tac (corebox) ")
