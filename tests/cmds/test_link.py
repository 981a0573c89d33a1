"""link: GNU coreutils 9.10 behaviour."""
import os

import pytest

from conftest import check, run

TRY = "Try 'link --help' for more information.\n"


def test_makes_hard_link(tmp_path):
    (tmp_path / "a").write_bytes(b"data")
    check(run("link", "a", "b", cwd=tmp_path))
    assert os.path.samefile(tmp_path / "a", tmp_path / "b")
    assert os.stat(tmp_path / "a").st_nlink == 2
    assert (tmp_path / "b").read_bytes() == b"data"


def test_into_other_directory_and_odd_names(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "-a").write_bytes(b"")
    check(run("link", "--", "-a", "d/x y", cwd=tmp_path))
    assert os.path.samefile(tmp_path / "-a", tmp_path / "d" / "x y")
    name = os.fsencode(str(tmp_path)) + b"/\xff"
    check(run("link", "--", "-a", name, cwd=tmp_path))
    assert os.path.samefile(tmp_path / "-a", name)


def test_options_after_operands_are_options(tmp_path):
    (tmp_path / "a").write_bytes(b"")
    check(run("link", "a", "--bogus", cwd=tmp_path),
          err="link: unrecognized option '--bogus'\n" + TRY, status=1)


def test_target_exists(tmp_path):
    (tmp_path / "a").write_bytes(b"")
    (tmp_path / "b").write_bytes(b"")
    check(run("link", "a", "b", cwd=tmp_path),
          err="link: cannot create link 'b' to 'a': File exists\n", status=1)


def test_missing_source(tmp_path):
    check(run("link", "nope", "c", cwd=tmp_path),
          err="link: cannot create link 'c' to 'nope': No such file or directory\n", status=1)
    assert not (tmp_path / "c").exists()


def test_quoting_in_message(tmp_path):
    check(run("link", "no pe", b"x\xffy", cwd=tmp_path),
          err=b"link: cannot create link 'x'$'\\377''y' to 'no pe': No such file or directory\n",
          status=1)


def test_directory_source(tmp_path):
    (tmp_path / "d").mkdir()
    check(run("link", "d", "e", cwd=tmp_path),
          err="link: cannot create link 'e' to 'd': Operation not permitted\n", status=1)


def test_missing_directory_for_target(tmp_path):
    (tmp_path / "a").write_bytes(b"")
    check(run("link", "a", "no/b", cwd=tmp_path),
          err="link: cannot create link 'no/b' to 'a': No such file or directory\n", status=1)


def test_operand_count():
    check(run("link"), err="link: missing operand\n" + TRY, status=1)
    check(run("link", "a"), err="link: missing operand after 'a'\n" + TRY, status=1)
    check(run("link", "a", "b", "c"), err="link: extra operand 'c'\n" + TRY, status=1)


def test_bad_options():
    check(run("link", "-s", "a", "b"), err="link: invalid option -- 's'\n" + TRY, status=1)


def test_help_and_version():
    r = run("link", "--help")
    assert r.status == 0 and r.err == b""
    assert r.out.startswith(b"Usage: link FILE1 FILE2\n  or:  link OPTION\n")
    r = run("link", "--version")
    assert r.status == 0 and r.out.startswith(b"link (corebox) ") and r.err == b""
    # Help wins wherever it is.
    r = run("link", "a", "b", "--help")
    assert r.status == 0 and r.out.startswith(b"Usage: link")
