"""The Windows build's own behaviour (win32/): wildcard expansion and
quoting, separators, binary standard streams, UTF-8 names, the /dev names,
long and verbatim paths, program names, the command line given to child
processes, and the quiet end on a closed pipe. Run against corebox.exe
(under Wine on Linux: COREBOX=path/corebox.exe); skipped elsewhere."""
import os
import re
import subprocess

import pytest

from conftest import BASE_ENV, COREBOX, ON_WINE, check, run, run_pipe_closed

pytestmark = pytest.mark.skipif(not ON_WINE and os.name != "nt",
                                reason="Windows-only behaviour: COREBOX is not corebox.exe")

EXE = COREBOX[-1]
WRAPPER = COREBOX[:-1]
# Wine converts arguments and file names with the Unix locale's character
# set: non-ASCII ones need a UTF-8 locale (corebox itself ignores it).
UTF8 = {"LC_ALL": "C.UTF-8"}


def winpath(p):
    """The Windows form of host path P (Wine maps / to drive Z:)."""
    p = str(p)
    return "Z:" + p.replace("/", "\\") if ON_WINE else p


@pytest.fixture
def tree(tmp_path):
    for name in ("a.c", "b.c", "B.h", ".hidden.c", "x y.c"):
        (tmp_path / name).write_bytes(name.encode() + b"\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.c").write_bytes(b"x\n")
    (tmp_path / "sub" / "y.txt").write_bytes(b"y\n")
    (tmp_path / "empty").mkdir()
    return tmp_path


# ---- wildcards -------------------------------------------------------------

@pytest.mark.parametrize("pattern,out", [
    ("*.c", "a.c b.c x y.c"),
    ("*.C", "a.c b.c x y.c"),           # Windows names compare without case
    ("?.c", "a.c b.c"),
    ("[ab].c", "a.c b.c"),
    ("[!a].c", "b.c"),
    ("[^a].c", "b.c"),
    ("[a-b].*", "B.h a.c b.c"),         # ranges too
    ("*", "B.h a.c b.c empty sub x y.c"),  # bytes order, no dot-files
    (".*", ".hidden.c"),                   # never . and ..
    ("*/", "empty/ sub/"),
    ("*/x.c", "sub/x.c"),
    ("*\\x.c", "sub\\x.c"),
    ("sub/*", "sub/x.c sub/y.txt"),
    ("sub\\*", "sub\\x.c sub\\y.txt"),
    ("sub//*.c", "sub//x.c"),
    ("s?b\\?.c", "sub\\x.c"),
    ("nomatch*.zz", "nomatch*.zz"),
    ("empty/*", "empty/*"),
    ("nodir/*.c", "nodir/*.c"),
    ("[ab", "[ab"),
])
def test_wildcards(tree, pattern, out):
    check(run("echo", pattern, cwd=tree), out=out + "\n")


def test_wildcards_each_word(tree):
    check(run("echo", "sub\\*.c", "*.h", "none*", cwd=tree), out="sub\\x.c B.h none*\n")


def test_wildcards_absolute(tree):
    base = winpath(tree)
    check(run("echo", base + "\\sub\\*.c", cwd=tree), out=base + "\\sub\\x.c\n")


def test_quoted_wildcards_stay(tree):
    # An argument with a blank is quoted on the command line.
    check(run("echo", "x *.c", cwd=tree), out="x *.c\n")
    # Quote characters inside an argument are escaped, so still quoted.
    check(run("echo", '"*.c"', cwd=tree), out='"*.c"\n')


def run_cmdline(tail, cwd):
    """Run corebox with the raw command line `"EXE" TAIL`, written in a
    batch file (cmd.exe passes a batch file's lines on as they are), so
    that quoting can be tested exactly."""
    (cwd / "t.bat").write_bytes(f'@"{winpath(EXE)}" {tail}\r\n'.encode())
    argv = WRAPPER + ["cmd", "/d", "/c", "t.bat"]
    proc = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, env=BASE_ENV, cwd=cwd, timeout=60)
    (cwd / "t.bat").unlink()
    return proc.returncode, proc.stdout, proc.stderr


@pytest.mark.parametrize("tail,out", [
    ('echo "*.c"', "*.c"),
    ('echo "*".c', "*.c"),
    ('echo *".c"', "a.c b.c x y.c"),    # the quoted part is literal, * still expands
    ('echo "x "*.c', "x y.c"),
    ('echo "s"ub\\*.c', "sub\\x.c"),
    ('echo "sub\\*.c"', "sub\\*.c"),
    ('echo a\\"*.c', 'a"*.c'),          # \" is a literal quote: no match, kept
    ('echo "a""b"', 'a"b'),
    ('echo a\\\\b', "a\\\\b"),          # backslashes not before a quote are literal
])
def test_command_line_quoting(tree, tail, out):
    status, so, se = run_cmdline(tail, tree)
    assert (status, so, se) == (0, (out + "\n").encode(), b"")


# ---- binary standard streams ----------------------------------------------

def test_no_crlf_added():
    check(run("echo", "a"), out=b"a\n")
    check(run("printf", "x\\ny\\n"), out=b"x\ny\n")
    check(run("seq", "2"), out=b"1\n2\n")


def test_bytes_pass_unchanged():
    data = b"a\r\nb\x1ac\nd\re\x00f\xff"
    check(run("cat", input=data), out=data)
    check(run("head", "-c", "6", input=data), out=data[:6])
    check(run("wc", "-c", input=data), out=f"{len(data)}\n")


def test_ctrl_z_is_not_end_of_input(tmp_path):
    f = tmp_path / "z"
    f.write_bytes(b"1\x1a2\n3\n")
    check(run("cat", "z", cwd=tmp_path), out=b"1\x1a2\n3\n")
    check(run("tail", "-n", "1", "z", cwd=tmp_path), out=b"3\n")
    check(run("wc", "-l", input=b"\x1a\n\x1a\n"), out="2\n")


def test_stderr_binary():
    check(run("cat", "nonexistent"), err="cat: nonexistent: No such file or directory\n", status=1)


# ---- UTF-8 names and arguments --------------------------------------------

def test_utf8_file_names(tmp_path):
    name = "\u00e9t\u00e9 \u65e5\u672c.txt"
    (tmp_path / name).write_bytes(b"caf\xc3\xa9\n")
    check(run("cat", name, cwd=tmp_path, env=UTF8), out="caf\u00e9\n")
    check(run("wc", "-c", name, cwd=tmp_path, env=UTF8), out=f"6 {name}\n")
    check(run("echo", "*.txt", cwd=tmp_path, env=UTF8), out=f"{name}\n")
    check(run("head", "-n", "1", "-v", name, cwd=tmp_path, env=UTF8),
          out=f"==> {name} <==\ncaf\u00e9\n")


def test_utf8_arguments():
    s = "\u00e9\u00e8 \U0001f600 \u4e2d"
    check(run("echo", s, env=UTF8), out=s + "\n")
    check(run("printf", "%s|", s, "\u00df", env=UTF8), out=s + "|\u00df|")


def test_utf8_missing_name(tmp_path):
    check(run("cat", "\u00e9", cwd=tmp_path, env=UTF8),
          err="cat: \u00e9: No such file or directory\n", status=1)


def test_utf8_environment():
    check(run("printenv", "COREBOX_T", env={**UTF8, "COREBOX_T": "\u00e9\u4e2d"}), out="\u00e9\u4e2d\n")


# ---- /dev names -------------------------------------------------------------

def test_dev_null():
    check(run("cat", "/dev/null"))
    check(run("wc", "-c", "/dev/null"), out="0 /dev/null\n")
    check(run("tee", "/dev/null", input=b"abc\n"), out=b"abc\n")
    check(run("test", "-c", "/dev/null"))
    check(run("test", "-f", "/dev/null"), status=1)


def test_dev_stdin_stdout():
    check(run("cat", "/dev/stdin", input=b"in\n"), out=b"in\n")
    check(run("tee", "/dev/stdout", input=b"x\n"), out=b"x\nx\n")
    check(run("tee", "/dev/stderr", input=b"x\n"), out=b"x\n", err=b"x\n")
    check(run("head", "-c", "2", "/dev/fd/0", input=b"abc"), out=b"ab")


# ---- paths -----------------------------------------------------------------

def test_backslash_and_drive_paths(tree):
    check(run("cat", "sub\\x.c", cwd=tree), out=b"x\n")
    check(run("cat", winpath(tree / "sub" / "x.c"), cwd=tree), out=b"x\n")
    check(run("cat", "sub/x.c", cwd=tree), out=b"x\n")


def test_verbatim_path(tree):
    check(run("cat", "\\\\?\\" + winpath(tree / "sub" / "x.c")), out=b"x\n")


def test_not_a_directory(tree):
    check(run("cat", "a.c\\x", cwd=tree), err="cat: 'a.c\\x': Not a directory\n", status=1)
    check(run("cat", "a.c/", cwd=tree), err="cat: a.c/: Not a directory\n", status=1)


def test_is_a_directory(tree):
    check(run("cat", "sub", cwd=tree), err="cat: sub: Is a directory\n", status=1)


def test_long_paths(tmp_path):
    d = tmp_path
    for i in range(6):
        d = d / (chr(ord("a") + i) * 60)
    d.mkdir(parents=True)
    (d / "f.txt").write_bytes(b"deep\n")
    full = winpath(d / "f.txt")
    assert len(full) > 300
    check(run("cat", full), out=b"deep\n")
    rel = str((d / "f.txt").relative_to(tmp_path)).replace("/", "\\")
    check(run("wc", "-c", rel, cwd=tmp_path), out=f"5 {rel}\n")
    check(run("test", "-f", full))


def test_pwd_is_windows_path(tmp_path):
    check(run("pwd", cwd=tmp_path), out=winpath(tmp_path) + "\n")


# ---- program names ------------------------------------------------------------

@pytest.mark.parametrize("name", ["CAT.EXE", "cat.exe", "Cat", "x86_64-cat.exe"])
def test_program_name_folded(tmp_path, name):
    exe = tmp_path / name
    exe.write_bytes(open(EXE, "rb").read())
    proc = subprocess.run(WRAPPER + [str(exe), "--version"], stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=BASE_ENV)
    assert proc.returncode == 0 and proc.stdout.startswith(b"cat (corebox) ")


def test_messages_name_the_utility(tmp_path):
    exe = tmp_path / "HEAD.EXE"
    exe.write_bytes(open(EXE, "rb").read())
    proc = subprocess.run(WRAPPER + [str(exe), "-n", "x"], stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=BASE_ENV)
    assert (proc.returncode, proc.stderr) == (1, b"head: invalid number of lines: 'x'\n")


# ---- child processes (env runs a program in its place) ------------------------

@pytest.mark.parametrize("args", [
    ["a b", "", 'q"uote', "back\\", "back\\\\", 'mid\\"q', "\t"],
    ["\u00e9\u4e2d", "x"],
])
def test_env_passes_arguments_exactly(tree, args):
    check(run("env", winpath(EXE), "printf", "[%s]", *args, cwd=tree, env=UTF8),
          out="".join(f"[{a}]" for a in args))


def test_env_passes_wildcards_unexpanded(tree):
    # env -S splits "*.c" out of one (quoted) argument: the program it
    # runs must get it as it is, as after exec.
    check(run("env", "-S", f"{EXE} printf [%s] *.c [ab].c", cwd=tree), out="[*.c][[ab].c]")


def test_env_status_and_environment():
    check(run("env", winpath(EXE), "false"), status=1)
    check(run("env", "-i", "A=1", winpath(EXE), "printenv", "A"), out="1\n")
    check(run("env", "-u", "COREBOX_X", winpath(EXE), "printenv", "COREBOX_X",
              env={"COREBOX_X": "1"}), status=1)


def test_env_missing_program():
    check(run("env", "no-such-program-here"),
          err="env: 'no-such-program-here': No such file or directory\n", status=127)


# ---- system facts --------------------------------------------------------------

def test_uname():
    check(run("uname", "-s"), out="Windows_NT\n")
    check(run("uname", "-o"), out="MS/Windows\n")
    check(run("uname", "-m"), out="x86_64\n")


def run_on_console(*args, cwd=None):
    """Run corebox with a terminal as its standard streams (Wine makes it
    a console); returns (status, everything the terminal received)."""
    pty = pytest.importorskip("pty")
    master, slave = pty.openpty()
    e = dict(BASE_ENV)
    e.update(UTF8)
    proc = subprocess.Popen(COREBOX + list(args), stdin=slave, stdout=slave, stderr=slave, env=e, cwd=cwd)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    # Wine's console hides and shows the cursor around each write.
    return proc.wait(timeout=60), re.sub(rb"\x1b\[\?25[lh]", b"", out)


def test_console_is_a_tty():
    status, out = run_on_console("tty")
    assert status == 0 and b"CON" in out
    assert run_on_console("test", "-t", "1")[0] == 0


def test_console_shows_utf8(tmp_path):
    # Written as UTF-16 whatever the console code page; a character split
    # between two writes (two files for cat) arrives whole.
    (tmp_path / "a").write_bytes(b"caf\xc3")
    (tmp_path / "b").write_bytes(b"\xa9 \xe6\x97\xa5\n")
    status, out = run_on_console("cat", "a", "b", cwd=tmp_path)
    assert status == 0 and "caf\u00e9 \u65e5".encode() in out
    # Colours pass through (virtual terminal processing).
    status, out = run_on_console("printf", "\\033[31mred\\033[0m\\n")
    assert status == 0 and b"\x1b[31mred\x1b[0m" in out


def test_console_incomplete_character_at_exit(tmp_path):
    (tmp_path / "a").write_bytes(b"ab\xc3")
    status, out = run_on_console("cat", "a", cwd=tmp_path)
    assert status == 0 and "ab\ufffd".encode() in out


def test_not_a_tty():
    check(run("tty"), out="not a tty\n", status=1)
    check(run("test", "-t", "0"), status=1)


# ---- closed pipes ----------------------------------------------------------------

def test_closed_pipe_ends_quietly():
    # 141 = 128 + SIGPIPE: what a shell shows for a death by SIGPIPE.
    assert run_pipe_closed("yes") == (141, b"")
    assert run_pipe_closed("seq", "inf", read_bytes=10) == (141, b"")
