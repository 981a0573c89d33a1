"""printenv: values of named variables, the whole environment, -0, and
its exit statuses (1 when a variable is missing, 2 for errors)."""
import os

import pytest

from conftest import COREBOX, ON_WINE, check, needs_dev_full, run, run_closed_stdout, wine_adds_environment

SELF = COREBOX[-1]
posix_only = pytest.mark.skipif(ON_WINE or os.name != "posix", reason="POSIX environment semantics")
TRY = "Try 'printenv --help' for more information.\n"


def test_named_variables():
    check(run("printenv", "A", "B", env={"A": "1", "B": "two words"}), out="1\ntwo words\n")


def test_values_are_printed_raw():
    check(run("printenv", "A", env={"A": "x\ny\\n"}), out="x\ny\\n\n")
    check(run("printenv", b"N\xff", env={"N\udcff": "\udcfe"}), out=b"\xfe\n")


def test_empty_value():
    check(run("printenv", "A", env={"A": ""}), out="\n")


@pytest.mark.parametrize("args", [["NOPE"], ["A", "NOPE"], ["NOPE", "A"]])
def test_missing_variable(args):
    check(run("printenv", *args, env={"A": "1", "NOPE": None}), out="1\n" if "A" in args else "", status=1)


@pytest.mark.parametrize("name", ["A=1", "A=", "=", ""])
def test_names_with_equals_or_empty_never_match(name):
    # 'printenv A=1' is silent even though "A=1=..." could be in environ.
    check(run("printenv", name, env={"A": "1=2"}), status=1)


def test_name_is_not_a_prefix():
    check(run("printenv", "AB", "A", env={"A": "1", "ABC": "2", "AB": None}), out="1\n", status=1)


@wine_adds_environment
def test_whole_environment():
    check(run("env", "-i", "A=1", "B=x y", SELF, "printenv"), out="A=1\nB=x y\n")


@wine_adds_environment
def test_whole_environment_empty():
    check(run("env", "-i", SELF, "printenv"))


@wine_adds_environment
@pytest.mark.parametrize("opt", ["-0", "--null", "--nu"])
def test_null(opt):
    check(run("env", "-i", "A=b\nc=", "D=", SELF, "printenv", opt), out="A=b\nc=\0D=\0")
    check(run("printenv", opt, "A", "D", env={"A": "b\nc=", "D": ""}), out="b\nc=\0\0")


def test_null_with_missing():
    check(run("printenv", "-0", "B", "A", env={"A": "b\nc=", "B": None}), out="b\nc=\0", status=1)


@posix_only
def test_empty_name_entry_does_not_match():
    # env puts "=2" into the environment as it is; no operand matches it.
    check(run("env", "-i", "A=1", "=2", SELF, "printenv", "A", ""), out="1\n", status=1)
    check(run("env", "-i", "A=1", "=2", SELF, "printenv"), out="A=1\n=2\n")


def test_options_only_before_operands():
    check(run("printenv", "A", "-0", env={"A": "1"}), out="1\n", status=1)
    check(run("printenv", "--", "-0", env={"A": "1"}), status=1)


@pytest.mark.parametrize("args,err", [
    (["-x"], "printenv: invalid option -- 'x'\n" + TRY),
    (["--foo"], "printenv: unrecognized option '--foo'\n" + TRY),
    (["--null=1"], "printenv: option '--null' doesn't allow an argument\n" + TRY),
    (["-u"], "printenv: option requires an argument -- 'u'\n" + TRY),
    # -i and -u are in GNU's option string but rejected.
    (["-i"], TRY),
    (["-u", "X", "A"], TRY),
    (["-0i"], TRY),
])
def test_usage_errors(args, err):
    check(run("printenv", *args, env={"A": "1"}), err=err, status=2)


def test_help_and_version():
    r = run("printenv", "--help")
    assert r.status == 0 and r.err == b""
    assert r.out.startswith(b"Usage: printenv [OPTION] [VARIABLE]...\n")
    assert b"-0, --null" in r.out
    check(run("printenv", "--version"), out="printenv (corebox) 0.1.0\n")
    check(run("printenv", "--he"), out=run("printenv", "--help").out)


def test_closed_stdout():
    status, err = run_closed_stdout("printenv", "PATH")
    assert (status, err) == (2, b"printenv: write error: Bad file descriptor\n")


@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as full:
        check(run("printenv", "A", env={"A": "1"}, stdout=full),
              err="printenv: write error: No space left on device\n", status=2)
        check(run("printenv", stdout=full), err="printenv: write error: No space left on device\n", status=2)


def test_closed_stdout_nothing_written():
    # Nothing to write, nothing to fail.
    status, err = run_closed_stdout("printenv", "NO_SUCH_VARIABLE_XYZ")
    assert (status, err) == (1, b"")
