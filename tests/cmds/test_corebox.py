"""The multi-call binary itself (--list, --help, --version, dispatch by
program name, --install), the write-error check at exit, and the option
parser's error messages (libcommon/opt.c), which exit and so are checked
here through real utilities rather than in the unit tests. Expected
messages are glibc's getopt_long texts as GNU coreutils prints them."""
import os
import re
import shutil
import stat
import subprocess

import pytest

from conftest import (BASE_ENV, COREBOX, ON_WINE, Result, check, needs_dev_full, run,
                      run_closed_stdout, wine_no_symlinks)

HERE = os.path.dirname(os.path.abspath(__file__))
COMMANDS_DEF = os.path.join(HERE, "..", "..", "cmds", "commands.def")
NATIVE = len(COREBOX) == 1 and os.path.isfile(COREBOX[0])


def registered_names():
    names = []
    with open(COMMANDS_DEF, encoding="utf-8") as f:
        for line in f:
            m = re.match(r'\s*CMD\("((?:[^"\\]|\\.)*)",', line)
            if m:
                names.append(m.group(1))
    return names


def run_bare():
    """Run the binary with no arguments at all."""
    proc = subprocess.run(COREBOX, input=b"", stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          env=BASE_ENV, timeout=60)
    return Result(proc)


def try_help(prog):
    return f"Try '{prog} --help' for more information.\n"


# ---- the multi-call binary ------------------------------------------------

def test_list_is_the_registry():
    r = run("--list")
    names = registered_names()
    assert "true" in names and "[" in names
    check(r, out="".join(n + "\n" for n in names))


def test_help():
    r = run("--help")
    assert r.status == 0 and r.err == b""
    lines = r.stdout.splitlines()
    assert lines[0] == "Usage: corebox UTILITY [ARGUMENT]..."
    assert lines[1] == "  or:  corebox --list"
    assert lines[2] == "  or:  corebox --install [--symlinks|--hardlinks] DIR"
    assert any(l.startswith("  --list") for l in lines)
    assert any(l.startswith("  --install") for l in lines)


def test_version():
    r = run("--version")
    assert r.status == 0 and r.err == b""
    assert re.fullmatch(r"corebox \(corebox\) \d+\.\d+\.\d+\n", r.stdout)


def test_no_arguments_prints_usage_and_fails():
    r = run_bare()
    assert r.status == 1
    assert r.stdout.startswith("Usage: corebox UTILITY [ARGUMENT]...\n")


def test_unknown_program():
    check(run("nosuch-utility", "x"), err="corebox: unknown program 'nosuch-utility'\n" + try_help("corebox"),
          status=1)


def test_dispatch_by_argument():
    check(run("echo", "hi", "there"), out="hi there\n")
    check(run("false"), status=1)


@pytest.fixture
def linkdir(tmp_path):
    if not NATIVE and not ON_WINE:
        pytest.skip("needs links to a native corebox binary")
    return tmp_path


def link(d, name):
    """A link to corebox named NAME in D: under Wine a hard link (or a
    copy) named NAME.exe, as Windows finds programs by that suffix."""
    if not ON_WINE:
        p = d / name
        os.symlink(os.path.abspath(COREBOX[0]), p)
        return str(p)
    p = d / (name + ".exe")
    try:
        os.link(COREBOX[-1], p)
    except OSError:
        shutil.copyfile(COREBOX[-1], p)
    return str(p)


def test_dispatch_through_symlink(linkdir):
    check(run(None, "a", "b", argv0=link(linkdir, "echo")), out="a b\n")
    check(run(None, argv0=link(linkdir, "true")), status=0)
    check(run(None, argv0=link(linkdir, "false")), status=1)


def test_dispatch_through_prefixed_name(linkdir):
    check(run(None, argv0=link(linkdir, "x86_64-true")), status=0)
    check(run(None, argv0=link(linkdir, "x86_64-false")), status=1)
    check(run(None, "x", argv0=link(linkdir, "x86_64-linux-gnu-echo")), out="x\n")


def test_program_name_in_messages_is_argv0(linkdir):
    p = link(linkdir, "head")
    # On Windows the name is the file's, in lower case and without ".exe".
    name = "head" if ON_WINE else p
    check(run(None, "-x", argv0=p), err=f"{name}: invalid option -- 'x'\n" + try_help(name), status=1)


def test_name_ending_in_box_is_multicall(linkdir):
    check(run(None, "echo", "via", "box", argv0=link(linkdir, "mybox")), out="via box\n")
    check(run(None, "true", argv0=link(linkdir, "coreutils")), status=0)


def test_unknown_program_name(linkdir):
    check(run(None, argv0=link(linkdir, "frobnicate")),
          err="corebox: unknown program 'frobnicate'\n", status=1)


def installed(d):
    return sorted(os.listdir(d))


@wine_no_symlinks
def test_install_symlinks(linkdir):
    d = linkdir / "bin"
    d.mkdir()
    check(run("--install", "--symlinks", str(d)))
    assert installed(d) == sorted(registered_names())
    target = os.path.realpath(COREBOX[0])
    for name in installed(d):
        p = d / name
        assert stat.S_ISLNK(os.lstat(p).st_mode)
        assert os.path.realpath(p) == target
    check(run(None, "ok", argv0=str(d / "echo")), out="ok\n")
    check(run(None, argv0=str(d / "false")), status=1)
    # Again over the existing links: replaced, no errors.
    check(run("--install", str(d)))
    assert stat.S_ISLNK(os.lstat(d / "true").st_mode)


@wine_no_symlinks
def test_install_hardlinks(linkdir):
    d = linkdir / "hard"
    d.mkdir()
    r = run("--install", "--hardlinks", str(d))
    if r.status and b"Invalid cross-device link" in r.err:
        pytest.skip("the build directory is on another file system")
    check(r)
    assert installed(d) == sorted(registered_names())
    binary = os.stat(COREBOX[0])
    for name in installed(d):
        st = os.lstat(d / name)
        assert stat.S_ISREG(st.st_mode)
        assert (st.st_dev, st.st_ino) == (binary.st_dev, binary.st_ino)
    check(run(None, "hard", argv0=str(d / "echo")), out="hard\n")
    # A symlink install replaces the hard links.
    check(run("--install", "--symlinks", str(d)))
    assert stat.S_ISLNK(os.lstat(d / "echo").st_mode)


def test_install_errors(tmp_path):
    check(run("--install"), err="corebox: missing operand\n" + try_help("corebox"), status=1)
    check(run("--install", "a", "b"), err="corebox: extra operand 'b'\n" + try_help("corebox"), status=1)
    check(run("--install", "--bogus", "d"), err="corebox: unrecognized option '--bogus'\n" + try_help("corebox"),
          status=1)
    missing = tmp_path / "missing"
    check(run("--install", str(missing)),
          err=f"corebox: failed to access '{missing}': No such file or directory\n", status=1)
    f = tmp_path / "file"
    f.write_bytes(b"")
    check(run("--install", str(f)), err=f"corebox: target '{f}' is not a directory\n", status=1)


# ---- write errors at exit --------------------------------------------------

@needs_dev_full
@pytest.mark.parametrize("args, prog", [
    (("true", "--help"), "true"),
    (("true", "--version"), "true"),
    (("echo", "hi"), "echo"),
    (("--version",), "corebox"),
    (("--list",), "corebox"),
    (("head", "--help"), "head"),
])
def test_write_error_dev_full(args, prog):
    with open("/dev/full", "wb") as full:
        r = run(*args, stdout=full)
    check(r, err=f"{prog}: write error: No space left on device\n", status=1)


def test_write_error_closed_stdout():
    status, err = run_closed_stdout("true", "--help")
    assert (status, err) == (1, b"true: write error: Bad file descriptor\n")
    status, err = run_closed_stdout("true")
    assert (status, err) == (0, b"")


# ---- option parsing errors (libcommon/opt.c), through head -----------------

@pytest.mark.parametrize("args, message", [
    (["-x"], "invalid option -- 'x'"),
    (["-qx"], "invalid option -- 'x'"),
    (["--foo"], "unrecognized option '--foo'"),
    (["--foo=bar"], "unrecognized option '--foo=bar'"),
    (["--verbose", "--lines=1", "--co=1"], "unrecognized option '--co=1'"),
    (["-n"], "option requires an argument -- 'n'"),
    (["-qz", "-n"], "option requires an argument -- 'n'"),
    (["--lines"], "option '--lines' requires an argument"),
    (["--li"], "option '--lines' requires an argument"),
    (["--quiet=1"], "option '--quiet' doesn't allow an argument"),
    (["--qu=1"], "option '--quiet' doesn't allow an argument"),
    (["--v"], "option '--v' is ambiguous; possibilities: '--verbose' '--version'"),
    (["--ver=3"], "option '--ver=3' is ambiguous; possibilities: '--verbose' '--version'"),
])
def test_option_errors(args, message):
    check(run("head", *args), err=f"head: {message}\n" + try_help("head"), status=1)


def test_option_abbreviations_of_help_and_version():
    r = run("head", "--he")
    assert r.status == 0 and r.err == b"" and r.stdout.startswith("Usage: head ")
    r = run("head", "--vers")
    assert r.status == 0 and r.err == b"" and r.stdout.startswith("head (corebox) ")


def test_option_permutation(tmp_path):
    f = tmp_path / "f"
    f.write_bytes(b"1\n2\n")
    check(run("head", str(f), "-n", "1"), out="1\n")
    check(run("head", "-n", "1", "--", str(f)), out="1\n")


def test_posixly_correct_stops_at_first_operand(tmp_path):
    f = tmp_path / "f"
    f.write_bytes(b"a\n")
    r = run("head", str(f), "-n", "1", env={"POSIXLY_CORRECT": "1"})
    check(r, out=f"==> {f} <==\na\n",
          err="head: cannot open '-n' for reading: No such file or directory\n"
              "head: cannot open '1' for reading: No such file or directory\n",
          status=1)
