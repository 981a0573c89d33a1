"""unlink: GNU coreutils 9.10 behaviour."""
import os

import pytest

from conftest import check, run, wine_no_symlinks

TRY = "Try 'unlink --help' for more information.\n"


def test_removes_file(tmp_path):
    (tmp_path / "a").write_bytes(b"x")
    check(run("unlink", "a", cwd=tmp_path))
    assert not os.path.lexists(tmp_path / "a")


def test_removes_one_link_only(tmp_path):
    (tmp_path / "a").write_bytes(b"x")
    os.link(tmp_path / "a", tmp_path / "b")
    check(run("unlink", "b", cwd=tmp_path))
    assert os.stat(tmp_path / "a").st_nlink == 1


@wine_no_symlinks
def test_removes_symlink_not_target(tmp_path):
    (tmp_path / "t").write_bytes(b"x")
    try:
        os.symlink("t", tmp_path / "s")
    except OSError:
        pytest.skip("cannot create symbolic links here")
    check(run("unlink", "s", cwd=tmp_path))
    assert not os.path.lexists(tmp_path / "s") and (tmp_path / "t").exists()


def test_odd_names(tmp_path):
    (tmp_path / "-f").write_bytes(b"")
    check(run("unlink", "--", "-f", cwd=tmp_path))
    assert not (tmp_path / "-f").exists()
    name = os.fsencode(str(tmp_path)) + b"/\xff y"
    open(name, "wb").close()
    check(run("unlink", name))
    assert not os.path.lexists(name)


def test_missing_file(tmp_path):
    check(run("unlink", "nope", cwd=tmp_path),
          err="unlink: cannot unlink 'nope': No such file or directory\n", status=1)
    check(run("unlink", "a b", cwd=tmp_path),
          err="unlink: cannot unlink 'a b': No such file or directory\n", status=1)
    check(run("unlink", b"x\xffy", cwd=tmp_path),
          err=b"unlink: cannot unlink 'x'$'\\377''y': No such file or directory\n", status=1)


def test_directory(tmp_path):
    (tmp_path / "d").mkdir()
    check(run("unlink", "d", cwd=tmp_path), err="unlink: cannot unlink 'd': Is a directory\n", status=1)
    assert (tmp_path / "d").is_dir()


def test_not_a_directory(tmp_path):
    (tmp_path / "f").write_bytes(b"")
    check(run("unlink", "f/x", cwd=tmp_path),
          err="unlink: cannot unlink 'f/x': Not a directory\n", status=1)


def test_operand_count(tmp_path):
    (tmp_path / "a").write_bytes(b"")
    check(run("unlink"), err="unlink: missing operand\n" + TRY, status=1)
    check(run("unlink", "a", "b", cwd=tmp_path), err="unlink: extra operand 'b'\n" + TRY, status=1)
    assert (tmp_path / "a").exists()


def test_bad_options(tmp_path):
    check(run("unlink", "-f", "a"), err="unlink: invalid option -- 'f'\n" + TRY, status=1)
    check(run("unlink", "--force", "a"), err="unlink: unrecognized option '--force'\n" + TRY, status=1)


def test_help_and_version():
    r = run("unlink", "--help")
    assert r.status == 0 and r.err == b""
    assert r.out.startswith(b"Usage: unlink FILE\n  or:  unlink OPTION\n")
    r = run("unlink", "--version")
    assert r.status == 0 and r.out.startswith(b"unlink (corebox) ") and r.err == b""
