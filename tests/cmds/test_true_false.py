"""true and false: exit statuses, and --help/--version only as the sole argument."""
import pytest

from conftest import check, needs_dev_full, run


@pytest.mark.parametrize("args", [[], ["x"], ["--nope"], ["-x", "y"], ["--help", "x"], ["--version", "--help"]])
def test_status_ignores_arguments(args):
    check(run("true", *args), status=0)
    check(run("false", *args), status=1)


def test_version():
    check(run("true", "--version"), out="true (corebox) 0.1.0\n")
    check(run("false", "--version"), out="false (corebox) 0.1.0\n", status=1)


def test_help_lists_usage_and_options():
    r = run("true", "--help")
    assert r.status == 0 and r.err == b""
    assert r.out.startswith(b"Usage: true [ignored command line arguments]\n  or:  true OPTION\n")
    assert b"      --help " in r.out and b"      --version " in r.out
    r = run("false", "--help")
    assert r.status == 1 and r.out.startswith(b"Usage: false ")


def test_abbreviations_are_not_options():
    # GNU's true/false accept only the exact spellings.
    check(run("true", "--hel"), status=0)
    check(run("true", "--vers"), status=0)


@needs_dev_full
def test_help_write_error():
    with open("/dev/full", "wb") as full:
        check(run("true", "--help", stdout=full), err="true: write error: No space left on device\n", status=1)
        check(run("false", "--version", stdout=full), err="false: write error: No space left on device\n", status=1)
