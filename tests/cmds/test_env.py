"""env: environment changes, printing, running commands, -S splitting,
signal options, --debug output, exit statuses, and uutils' -f (.env files).

Commands run by env are corebox itself (SELF), so the tests need no other
programs; a few that need a POSIX shell or #! scripts are skipped on Wine.
"""
import os
import re
import sys

import pytest

from conftest import (COREBOX, ON_WINE, check, needs_dev_full, run, run_closed_stdout, wine_adds_environment,
                      windows_backslash, windows_cwd)

SELF = COREBOX[-1]
TRY = "Try 'env --help' for more information.\n"
SHEBANG_HINT = "env: use -[v]S to pass options in shebang lines\n"

posix_only = pytest.mark.skipif(ON_WINE or os.name != "posix", reason="needs POSIX exec and signals")
linux_only = pytest.mark.skipif(ON_WINE or not sys.platform.startswith("linux"),
                                reason="Linux signal numbers")
# Tests that put SELF inside a -S string need a path -S passes through as is.
plain_self = pytest.mark.skipif(re.search(r"[\s'\"\\$#]", SELF) is not None,
                                reason="corebox path has characters special to -S")


def q(s):
    """GNU's quote() of a plain value in the C locale."""
    return "'" + s + "'"


# ---- printing the environment ------------------------------------------------

@pytest.mark.parametrize("args,out", [
    (["-i"], ""),
    (["-"], ""),
    (["-i", "A=1", "B=2"], "A=1\nB=2\n"),
    (["-", "A=1"], "A=1\n"),
    (["--ignore-environment", "A="], "A=\n"),
    (["-i", "A=1", "A=2"], "A=2\n"),
    (["-i", "A=1", "B==2", "C=x=y"], "A=1\nB==2\nC=x=y\n"),
    (["-i", "--", "A=b"], "A=b\n"),
    (["-u", "X", "-i", "-u", "X", "--"], ""),
    (["-i", "-0", "A=b\nc=", "D=e"], "A=b\nc=\0D=e\0"),
    (["-i", "--null", "A=1"], "A=1\0"),
])
def test_print_environment(args, out):
    check(run("env", *args), out=out)


def test_print_keeps_inherited_and_replaces_in_place():
    r = run("env", "ENV_TEST2=", "ENV_TEST1=b", env={"ENV_TEST1": "a"})
    assert r.status == 0 and r.err == b""
    lines = [l for l in r.out.split(b"\n") if l.startswith(b"ENV_TEST")]
    assert lines == [b"ENV_TEST1=b", b"ENV_TEST2="]


def test_print_unset_inherited():
    r = run("env", "-u", "ENV_TEST1", "ENV_TEST3=c", env={"ENV_TEST1": "a"})
    assert r.status == 0
    assert [l for l in r.out.split(b"\n") if l.startswith(b"ENV_TEST")] == [b"ENV_TEST3=c"]


@posix_only
def test_empty_name_is_kept():
    # GNU puts "=x" into the environment as it is.
    check(run("env", "-i", "=x", "A=1"), out="=x\nA=1\n")


def test_bytes_pass_through():
    check(run("env", "-i", b"A=\xff\xfe", b"N\xa0=1"), out=b"A=\xff\xfe\nN\xa0=1\n")


# ---- running commands ---------------------------------------------------------

def test_runs_command_with_changes():
    check(run("env", "-i", "A=1", "B=two words", SELF, "printenv", "A", "B"), out="1\ntwo words\n")


def test_unset_before_running():
    check(run("env", "-u", "X", SELF, "printenv", "X", env={"X": "1"}), status=1)
    check(run("env", "--unset=X", "Y=2", SELF, "printenv", "Y", env={"X": "1"}), out="2\n")


@wine_adds_environment
def test_dash_implies_ignore_environment():
    check(run("env", "-", "A=1", SELF, "env"), out="A=1\n")
    check(run("env", "--", "-", "A=1", SELF, "env"), out="A=1\n")


def test_exit_status_is_commands():
    check(run("env", SELF, "false"), status=1)
    check(run("env", SELF, "true"), status=0)


@posix_only
def test_exit_status_propagates_from_shell():
    check(run("env", "sh", "-c", "exit 2"), status=2)


@wine_adds_environment
def test_options_end_at_first_operand():
    # "-u" after the command is the command's argument, not env's option.
    check(run("env", "-i", "A=1", SELF, "env", "-u", "A"), out="")
    check(run("env", "-i", "A=1", SELF, "printenv", "-0", "A"), out="1\0")


@wine_adds_environment
def test_assignment_after_double_dash_still_assigns():
    check(run("env", "-i", "--", "A=1", SELF, "env"), out="A=1\n")


def test_double_dash_after_assignment_is_a_command():
    check(run("env", "-i", "A=b", "--", "true"), err="env: '--': No such file or directory\n", status=127)


@posix_only
def test_path_change_affects_search(tmp_path):
    os.symlink(SELF, tmp_path / "printenv_link")
    check(run("env", "printenv_link", "A"), err="env: 'printenv_link': No such file or directory\n", status=127)
    check(run("env", "-a", "printenv", "printenv_link", "A", env={"PATH": str(tmp_path), "A": "1"}), out="1\n")
    check(run("env", "-a", "printenv", f"PATH={tmp_path}", "A=2", "printenv_link", "A"), out="2\n")


def test_argv0():
    # corebox picks the utility from argv[0].
    check(run("env", "-i", "-a", "printenv", "A=5", SELF, "A"), out="5\n")
    check(run("env", "--argv0=printenv", "-i", "A=5", SELF, "A"), out="5\n")


@pytest.mark.parametrize("arg,status", [("true", 0), ("false", 1)])
def test_argv0_debug(arg, status):
    check(run("env", "-v", "-a", "short", f"--argv0={arg}", SELF), status=status,
          err=f"argv0:     {q(arg)}\nexecuting: {SELF}\n   arg[0]= {q(arg)}\n")


@windows_cwd
def test_chdir(tmp_path):
    check(run("env", "-C", str(tmp_path), SELF, "pwd", "-P"), out=os.path.realpath(tmp_path) + "\n")
    check(run("env", f"--chdir={tmp_path}", SELF, "pwd", "-P"), out=os.path.realpath(tmp_path) + "\n")


def test_chdir_missing(tmp_path):
    d = tmp_path / "nonexistent"
    check(run("env", f"--chdir={d}", "true"),
          err=f"env: cannot change directory to {q(str(d))}: No such file or directory\n", status=125)


def test_chdir_not_a_directory(tmp_path):
    f = tmp_path / "f"
    f.write_text("x")
    check(run("env", "-C", str(f), "true"),
          err=f"env: cannot change directory to {q(str(f))}: Not a directory\n", status=125)


# ---- command failures ---------------------------------------------------------

def test_command_not_found():
    check(run("env", "no_such_command_xyz"), err="env: 'no_such_command_xyz': No such file or directory\n",
          status=127)


def test_command_not_found_with_spaces_hints_at_S():
    check(run("env", "cat -n", "./xxx"),
          err="env: 'cat -n': No such file or directory\n" + SHEBANG_HINT, status=127)


@posix_only
def test_command_cannot_be_invoked(tmp_path):
    check(run("env", "."), err="env: '.': Permission denied\n", status=126)
    f = tmp_path / "script"
    f.write_text("#!/bin/sh\n")
    os.chmod(f, 0o644)
    check(run("env", str(f)), err=f"env: {q(str(f))}: Permission denied\n", status=126)


# ---- usage errors ----------------------------------------------------------------

@pytest.mark.parametrize("args,err", [
    (["---"], "env: unrecognized option '---'\n" + TRY),
    (["--nope"], "env: unrecognized option '--nope'\n" + TRY),
    (["-x"], "env: invalid option -- 'x'\n" + TRY),
    (["-u"], "env: option requires an argument -- 'u'\n" + TRY),
    (["-C"], "env: option requires an argument -- 'C'\n" + TRY),
    (["--i"], "env: option '--i' is ambiguous; possibilities: '--ignore-environment' '--ignore-signal'\n" + TRY),
    (["--de"], "env: option '--de' is ambiguous; possibilities: '--default-signal' '--debug'\n" + TRY),
    (["--null=x"], "env: option '--null' doesn't allow an argument\n" + TRY),
    (["-0", "true"], "env: cannot specify --null (-0) with command\n" + TRY),
    (["-C", "/"], "env: must specify command with --chdir (-C)\n" + TRY),
    (["-i", "-C", "/", "A=1"], "env: must specify command with --chdir (-C)\n" + TRY),
    (["-a", "x"], "env: must specify command with --argv0 (-a)\n" + TRY),
    (["-u", "a=b"], "env: cannot unset 'a=b': Invalid argument\n"),
    (["-u", "", "true"], "env: cannot unset '': Invalid argument\n"),
])
def test_usage_errors(args, err):
    check(run("env", *args), err=err, status=125)


def test_unset_checks_skipped_with_ignore_environment():
    check(run("env", "-i", "-u", "a=b"))


@pytest.mark.parametrize("arg,c", [("-v -S cat -n", " "), ("-v\t-S cat -n", "\t"), ("-i\nA=1", "\n")])
def test_shebang_whitespace_diagnosed(arg, c):
    check(run("env", arg), err=f"env: invalid option -- '{c}'\n" + SHEBANG_HINT + TRY, status=125)


def test_help_and_version():
    r = run("env", "--help")
    assert r.status == 0 and r.err == b""
    assert r.out.startswith(b"Usage: env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]\n")
    for opt in (b"--argv0", b"--ignore-environment", b"--null", b"--unset", b"--chdir", b"--split-string",
                b"--block-signal", b"--default-signal", b"--ignore-signal", b"--list-signal-handling",
                b"--debug", b"--file"):
        assert opt in r.out
    check(run("env", "--version"), out="env (corebox) 0.1.0\n")
    # Options end at the command: its --help is its own.
    check(run("env", "-i", SELF, "printenv", "--version"), out="printenv (corebox) 0.1.0\n")


# ---- output errors -------------------------------------------------------------------

def test_closed_stdout():
    status, err = run_closed_stdout("env", "-i", "A=1")
    assert (status, err) == (125, b"env: write error: Bad file descriptor\n")


def test_closed_stdout_is_commands_business():
    status, err = run_closed_stdout("env", "-i", SELF, "true")
    assert (status, err) == (0, b"")


@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as full:
        check(run("env", "-i", "A=1", stdout=full), err="env: write error: No space left on device\n", status=125)


# ---- debug output ----------------------------------------------------------------------

def test_debug_steps():
    r = run("env", "-v", "-u", "TERM", "-u", "X", "A=B", SELF, "printenv", "A")
    check(r, out="B\n", err="unset:    TERM\nunset:    X\nsetenv:   A=B\n"
          f"executing: {SELF}\n   arg[0]= {q(SELF)}\n   arg[1]= 'printenv'\n   arg[2]= 'A'\n")


def test_debug_clean_and_chdir(tmp_path):
    r = run("env", "--debug", "-i", "-u", "X", "-C", str(tmp_path), SELF, "true")
    check(r, err=f"cleaning environ\nchdir:    {q(str(tmp_path))}\n"
          f"executing: {SELF}\n   arg[0]= {q(SELF)}\n   arg[1]= 'true'\n")


def test_debug_quotes_arguments():
    r = run("env", "-v", "-i", SELF, "printenv", "it's")
    check(r, err=f"cleaning environ\nexecuting: {SELF}\n   arg[0]= {q(SELF)}\n   arg[1]= 'printenv'\n"
          "   arg[2]= 'it\\'s'\n", status=1)


# ---- -S / --split-string -----------------------------------------------------------------

# Each fragment assigns V (renamed V0, V1, ...); all are checked in one run.
QUOTING = [
    ('V="B C"', "B C"),
    ("V='B C'", "B C"),
    ('V="B \\" C"', 'B " C'),
    ("V='B \\' C'", "B ' C"),
    ("V=\"B'C\"", "B'C"),
    ("V='B\"C'", 'B"C'),
    ('V="B \tC"', "B \tC"),
    ('V="B\\tC"', "B\tC"),
    ('V="B\\fC"', "B\fC"),
    ('V="B\\rC"', "B\rC"),
    ('V="B\\nC"', "B\nC"),
    ('V="B\\vC"', "B\vC"),
    ('V="B\\$C"', "B$C"),
    ("V=B\\$C", "B$C"),
    ('V="B\\#C"', "B#C"),
    ('V="B\\\\C"', "B\\C"),
    ("V='B\\\\C'", "B\\C"),
    ("V='B\\tC'", "B\\tC"),
    ("V='B\\#C'", "B\\#C"),
    ("V='B\\$C'", "B\\$C"),
    ("V='B\\\"C'", 'B\\"C'),
    ("V=\\'B\\\"C", "'B\"C"),
    ('V="B\\_C=D"', "B C=D"),
    ('V="#B"', "#B"),
    ("V=B#", "B#"),
    ('V=""', ""),
    ("V=''", ""),
    ("V=\"x\"'y'z", "xyz"),
]


def test_split_string_quoting_and_escapes():
    frags = [f.replace("V=", f"V{i}=", 1) for i, (f, _) in enumerate(QUOTING)]
    out = "".join(f"V{i}={v}\n" for i, (_, v) in enumerate(QUOTING))
    check(run("env", "-i", "-S", " ".join(frags)), out=out)
    check(run("env", "-i", "--split-string=" + " ".join(frags)), out=out)


@pytest.mark.parametrize("s,out", [
    ("-i A=B\\_C=D", "A=B\nC=D\n"),
    ("-i\\_A=B", "A=B\n"),
    ("-i A=B #C=D", "A=B\n"),
    ("-i #A=B C=D", ""),
    ("-i A=B #", "A=B\n"),
    ("-i A=B\\cC=D", "A=B\n"),
    ("-i \\cA=B C=D", ""),
    ("-i A=B \\c", "A=B\n"),
    ("-i \\#A=B", "#A=B\n"),
    ("-i   A=1  \t B=2 \v\f\r\n", "A=1\nB=2\n"),
    ("", ""),
    ("  \t", ""),
])
def test_split_string(s, out):
    check(run("env", "-i", "-S", s), out=out)


def test_split_string_then_more_arguments():
    check(run("env", "-S-i A=1", "B=2", SELF, "printenv", "A", "B"), out="1\n2\n")
    check(run("env", "-S", "-i", "-S", "A=1 B=2", "C=3"), out="A=1\nB=2\nC=3\n")
    check(run("env", "-S-i -S'A=1 B=2' C=3"), out="A=1\nB=2\nC=3\n")
    # After an assignment options have ended: a second -S is the command.
    check(run("env", "-i", "-S", "A=1", "-S", "B=2"), err="env: '-S': No such file or directory\n", status=127)


@windows_cwd
def test_split_string_options_inside():
    check(run("env", "-uY", "-S-u X -i A=1"), out="A=1\n")
    check(run("env", "-S -C /", SELF, "pwd", "-P"), out="/\n")
    check(run("env", "-S-C/", SELF, "pwd", "-P"), out="/\n")
    check(run("env", "-S --ch'dir='/", SELF, "pwd", "-P"), out="/\n")


def test_split_string_expansion():
    env = {"FOO": "BAR", "EMPTY": "", "NOPE": None, "_FOO": "u1", "F_OO": "u2", "FOO1": "d", "SP": "x y"}
    s = ("-i A=${FOO} B=x${FOO}x C=x${EMPTY}x D=x${NOPE}x E=\"x${FOO}x\" ${FOO}=A F='x${FOO}x' "
         "G=\"${_FOO}\" H=${F_OO} I=${FOO1} J=${SP}")
    check(run("env", "-S" + s, env=env),
          out="A=BAR\nB=xBARx\nC=xx\nD=xx\nE=xBARx\nBAR=A\nF=x${FOO}x\nG=u1\nH=u2\nI=d\nJ=x y\n")


def test_split_string_expands_original_environment():
    # ${FOO} is the value env started with, wherever -u FOO appears.
    check(run("env", "-uFOO", "-S-i A=${FOO}", env={"FOO": "BAR"}), out="A=BAR\n")
    check(run("env", "-S-uFOO A=${FOO}", SELF, "printenv", "A", "FOO", env={"FOO": "BAR"}), out="BAR\n",
          status=1)


@plain_self
@pytest.mark.parametrize("s,out", [
    pytest.param('basename -a A "B C" \'D E\' F\\_G "H\\_I" \'J\\_K\' L\tM N\\tO',
                 "A\nB C\nD E\nF\nG\nH I\nJ\\_K\nL\nM\nN\tO\n", marks=windows_backslash),
    ('basename -a A "" B A"" B A""B A ""B \'\' A\'\'B', "A\n\nB\nA\nB\nAB\nA\nB\n\nAB\n"),
    ("basename -a FOO #BAR", "FOO\n"),
    ("basename -a FOO \\#BAR FOO#BAR", "FOO\n#BAR\nFOO#BAR\n"),
    ("\\_\\_basename -a \\_ FOO\\_\\_ \\_", "FOO\n"),
    ("basename\\_-a\\_FOO \t\v\f\r\n", "FOO\n"),
])
def test_split_string_command_arguments(s, out):
    check(run("env", "-S" + SELF + " " + s), out=out)


@plain_self
def test_split_string_appends_remaining_arguments():
    check(run("env", "-S" + SELF + " basename -a x", "C", "D E"), out="x\nC\nD E\n")


@pytest.mark.parametrize("s,err", [
    ('"\\c"', "env: '\\c' must not appear in double-quoted -S string\n"),
    ("A=B\\", "env: invalid backslash at end of string in -S\n"),
    ('"A=B\\"', "env: no terminating quote in -S string\n"),
    ("'A=B\\'", "env: no terminating quote in -S string\n"),
    ("'A=B", "env: no terminating quote in -S string\n"),
    ("A=B\\q", "env: invalid sequence '\\q' in -S\n"),
    ("A=$B", "env: only ${VARNAME} expansion is supported, error at: $B\n"),
    ("A=${B", "env: only ${VARNAME} expansion is supported, error at: ${B\n"),
    ("A=${B%B}", "env: only ${VARNAME} expansion is supported, error at: ${B%B}\n"),
    ("A=${9B}", "env: only ${VARNAME} expansion is supported, error at: ${9B}\n"),
    ("A=${}", "env: only ${VARNAME} expansion is supported, error at: ${}\n"),
    ('"A=$B"', "env: only ${VARNAME} expansion is supported, error at: $B\"\n"),
])
def test_split_string_errors(s, err):
    check(run("env", "-S" + s), err=err, status=125)


def test_split_string_debug():
    r = run("env", "-v", "-i", "-S", 'A=1 B="x y"', SELF, "printenv", "B")
    check(r, out="x y\n", err="split -S:  'A=1 B=\"x y\"'\n into:    'A=1'\n     &    'B=x y'\n"
          "cleaning environ\nsetenv:   A=1\nsetenv:   B=x y\n"
          f"executing: {SELF}\n   arg[0]= {q(SELF)}\n   arg[1]= 'printenv'\n   arg[2]= 'B'\n")


def test_split_string_debug_expansion():
    r = run("env", "-vS-i A=${FOO}${NOPE}", env={"FOO": "BAR", "NOPE": None})
    check(r, out="A=BAR\n", err="expanding ${FOO} into 'BAR'\nreplacing ${NOPE} with null string\n"
          "split -S:  '-i A=${FOO}${NOPE}'\n into:    '-i'\n     &    'A=BAR'\ncleaning environ\n"
          "setenv:   A=BAR\n")


def test_split_string_empty_is_silent_in_debug():
    check(run("env", "-v", "-S", "  ", "-i"), err="cleaning environ\n")


# ---- #! lines ------------------------------------------------------------------------------------

@posix_only
def test_shebang_split(tmp_path):
    env_link = tmp_path / "env"
    os.symlink(SELF, env_link)
    os.symlink(SELF, tmp_path / "basename")
    script = tmp_path / "s1"
    script.write_text(f"#!{env_link} -S {tmp_path}/basename -a A\\_\"B C\"\n")
    os.chmod(script, 0o755)
    check(run("env", str(script), "D"), out="A\nB C\ns1\nD\n")


@posix_only
def test_shebang_debug(tmp_path):
    env_link = tmp_path / "env"
    os.symlink(SELF, env_link)
    os.symlink(SELF, tmp_path / "printenv")
    script = tmp_path / "s2"
    script.write_text(f"#!{env_link} -vS -i A=1 {tmp_path}/printenv A\n")
    os.chmod(script, 0o755)
    pe = f"{tmp_path}/printenv"
    check(run("env", str(script)), out="1\n", status=1,
          err=f"split -S:  {q(f' -i A=1 {pe} A')}\n into:    '-i'\n     &    'A=1'\n     &    {q(pe)}\n"
          f"     &    'A'\ncleaning environ\nsetenv:   A=1\nexecuting: {pe}\n   arg[0]= {q(pe)}\n"
          f"   arg[1]= 'A'\n   arg[2]= {q(str(script))}\n")


@posix_only
def test_shebang_without_S_is_diagnosed(tmp_path):
    env_link = tmp_path / "env"
    os.symlink(SELF, env_link)
    script = tmp_path / "s3"
    script.write_text(f"#!{env_link} -i A=1\n")
    os.chmod(script, 0o755)
    # Messages name the program as invoked, here the link's path.
    e = str(env_link)
    check(run("env", str(script)), status=125, err=f"{e}: invalid option -- ' '\n"
          f"{e}: use -[v]S to pass options in shebang lines\nTry '{e} --help' for more information.\n")


# ---- signals ------------------------------------------------------------------------------------------

@linux_only
@pytest.mark.parametrize("opts,err", [
    (["--ignore-signal=INT"], "INT        ( 2): IGNORE\n"),
    (["--ignore-signal=int,sigpipe"], "INT        ( 2): IGNORE\nPIPE       (13): IGNORE\n"),
    (["--ignore-signal=PIPE", "--default-signal=PIPE"], ""),
    (["--default-signal=INT,PIPE", "--ignore-signal=INT"], "INT        ( 2): IGNORE\n"),
    (["--block-signal=USR1,TERM", "--ignore-signal=TERM"],
     "USR1       (10): BLOCK\nTERM       (15): BLOCK,IGNORE\n"),
    (["--block-signal=USR1", "--default-signal=USR1"], ""),
    (["--block-signal", "--default-signal=INT"], None),
    (["--ignore-signal=130"], "INT        ( 2): IGNORE\n"),
    (["--ignore-signal=258"], "INT        ( 2): IGNORE\n"),
    (["--ignore-signal=SIG5"], "TRAP       ( 5): IGNORE\n"),
    (["--ignore-signal=RTMIN,RTMAX-1"], "RTMIN      (34): IGNORE\nRTMAX-1    (63): IGNORE\n"),
    (["--ignore-signal="], ""),
    (["--ignore-signal=,,"], ""),
    (["--block-signal="], ""),
])
def test_list_signal_handling(opts, err):
    # Start from defaults so the test runner's own signal state does not show.
    r = run("env", "--default-signal", *opts, "--list-signal-handling", SELF, "true")
    if err is None:
        assert r.status == 0 and r.out == b""
        lines = r.err.decode().splitlines()
        assert "INT        ( 2): BLOCK" not in lines
        assert "HUP        ( 1): BLOCK" in lines and "TERM       (15): BLOCK" in lines
        assert not any("SIG32" in l or "SIG33" in l for l in lines)
    else:
        check(r, err=err)


@linux_only
def test_signal_state_reaches_command():
    r = run("env", "--default-signal", "--ignore-signal=PIPE", "--block-signal=USR2",
            SELF, "env", "--list-signal-handling", SELF, "true")
    check(r, err="USR2       (12): BLOCK\nPIPE       (13): IGNORE\n")


@linux_only
def test_signal_debug():
    r = run("env", "-v", "--ignore-signal=INT,PIPE", "--block-signal=HUP", "--default-signal=USR1", SELF, "true")
    check(r, err="Reset signal INT (2) to IGNORE\nReset signal USR1 (10) to DEFAULT\n"
          "Reset signal PIPE (13) to IGNORE\nsignal HUP (1) mask set to BLOCK\n"
          "signal USR1 (10) mask set to UNBLOCK\n"
          f"executing: {SELF}\n   arg[0]= {q(SELF)}\n   arg[1]= 'true'\n")


@linux_only
def test_signal_debug_all():
    r = run("env", "-v", "--ignore-signal", SELF, "true")
    assert r.status == 0
    lines = r.err.decode().splitlines()
    assert lines[0] == "Reset signal HUP (1) to IGNORE"
    assert "Reset signal KILL (9) to IGNORE (failure ignored)" in lines
    assert "Reset signal STOP (19) to IGNORE (failure ignored)" in lines
    assert "Reset signal RTMIN+1 (35) to IGNORE" in lines
    assert "Reset signal RTMAX (64) to IGNORE" in lines
    r = run("env", "-v", "--block-signal", SELF, "true")
    lines = r.err.decode().splitlines()
    assert lines[0] == "signal HUP (1) mask set to BLOCK"
    assert "signal KILL (9) mask set to BLOCK" in lines
    assert not any("(32)" in l or "(33)" in l for l in lines)


@pytest.mark.parametrize("opt,sig", [
    ("--default-signal", "FOO"), ("--ignore-signal", "0"), ("--block-signal", "EXIT"),
    ("--default-signal", "-1"), ("--ignore-signal", "+2"), ("--block-signal", " 2"),
    ("--default-signal", "2x"), ("--ignore-signal", "65"), ("--block-signal", "256"),
    ("--ignore-signal", "99999999999999999999"),
])
def test_invalid_signal(opt, sig):
    check(run("env", f"{opt}={sig}", "true"), err=f"env: {q(sig)}: invalid signal\n" + TRY, status=125)


def test_invalid_signal_in_list():
    check(run("env", "--ignore-signal=INT,NOPE,TERM", "true"), err="env: 'NOPE': invalid signal\n" + TRY,
          status=125)


@linux_only
@pytest.mark.parametrize("opts,err", [
    (["--ignore-signal=KILL"], "env: failed to set signal action for signal 9: Invalid argument\n"),
    (["--default-signal=STOP"], "env: failed to set signal action for signal 19: Invalid argument\n"),
    (["--ignore-signal=32"], "env: failed to get signal action for signal 32: Invalid argument\n"),
    (["--block-signal=33"], "env: failed to block signal 33: Invalid argument\n"),
])
def test_signal_failures(opts, err):
    check(run("env", *opts, SELF, "true"), err=err, status=125)


def test_signal_options_need_command_only_to_apply():
    # Without a command the environment is printed and signals are left alone.
    check(run("env", "-i", "--ignore-signal=INT", "--list-signal-handling", "A=1"), out="A=1\n")


# ---- -f / --file (uutils extension) -------------------------------------------------------------------

def write(path, data):
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return str(path)


def test_file_basic(tmp_path):
    f = write(tmp_path / "a.env", "A=1\nB = two words  \n\n# comment\n; comment\n[section]\nC=3")
    check(run("env", "-i", "-f", f), out="A=1\nB=two words\nC=3\n")
    check(run("env", "-i", f"--file={f}", SELF, "printenv", "B"), out="two words\n")


def test_file_values(tmp_path):
    f = write(tmp_path / "v.env", b"\xef\xbb\xbf" +
              b"Q=\"quoted # x \"  tail  \n"
              b"S='single\\tq'\n"
              b"E: colon\n"
              b"X=esc\\x0041\\n.\n"
              b"G=\n"
              b"H=a=b\n"
              b"I=\"multi\nline\"\n"
              b"J=cont\\\nnued\r\n"
              b"  K=indented\n")
    check(run("env", "-i", "-0", "-f", f),
          out="Q=quoted # x   tail\0S=single\tq\0E=colon\0X=escA\n.\0G=\0H=a=b\0I=multi\nline\0"
              "J=contnued\0K=indented\0")


def test_file_order_with_unset_and_assignments(tmp_path):
    f = write(tmp_path / "o.env", "A=file\nB=file\nC=file\n")
    # -i first, then the file, then -u, then NAME=VALUE.
    check(run("env", "-i", "-f", f, "-u", "A", "B=arg"), out="B=arg\nC=file\n")
    check(run("env", "-f", f, SELF, "printenv", "A", env={"A": "inherited"}), out="file\n")


def test_file_several_and_last_wins(tmp_path):
    f1 = write(tmp_path / "1.env", "A=1\nB=1\nA=again\n")
    f2 = write(tmp_path / "2.env", "B=2\n")
    check(run("env", "-i", "-f", f1, "-f", f2), out="A=again\nB=2\n")


def test_file_from_stdin():
    check(run("env", "-i", "-f", "-", input="X=stdin\n"), out="X=stdin\n")


def test_file_empty(tmp_path):
    check(run("env", "-i", "-f", write(tmp_path / "e.env", "")), out="")


def test_file_debug(tmp_path):
    f = write(tmp_path / "d.env", "A=1\n")
    check(run("env", "-v", "-i", "-f", f, "-u", "A", "B=2"),
          out="B=2\n", err="cleaning environ\nsetenv:   A=1\nunset:    A\nsetenv:   B=2\n")


@pytest.mark.parametrize("data,line,msg", [
    ("A=1\n=x\n", 2, "missing variable name"),
    ("A=1\nnoequals\n", 2, "'=' expected after the variable name"),
    ('A=1\nB="open\n', 2, "no terminating quote"),
    ("A=\\x12\n", 1, "invalid \\x escape: four hexadecimal digits expected"),
    ("A=\\x0000\n", 1, "invalid \\x escape: not a character"),
    ("A=1\nB=x\0y\n", 2, "NUL byte in a value"),
    ("A\0B=1\n", 1, "NUL byte in a variable name"),
])
def test_file_syntax_errors(tmp_path, data, line, msg):
    f = write(tmp_path / "bad.env", data)
    check(run("env", "-f", f, "true"), err=f"env: {f}:{line}: {msg}\n", status=125)


def test_file_missing_and_directory(tmp_path):
    missing = str(tmp_path / "missing.env")
    check(run("env", "-f", missing), err=f"env: {missing}: No such file or directory\n", status=125)
    check(run("env", "-f", str(tmp_path)), err=f"env: {tmp_path}: Is a directory\n", status=125)
