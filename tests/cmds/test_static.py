"""The static build (preset "static", docs/static.md) in a minimal root:
only the corebox binary and, for some tests, an /etc/passwd and
/etc/group. User and group names then come from those files alone, and
the programs that need no names, or that use libcrypto and zlib (linked
in), work without any other file. Skipped unless $COREBOX is a statically
linked ELF binary and the tests run as root (chroot)."""
import os
import shutil
import struct
import subprocess

import pytest

from conftest import BASE_ENV, COREBOX, check


def _is_static_elf(path):
    """True when PATH is an ELF executable without a program interpreter."""
    try:
        with open(path, "rb") as f:
            head = f.read(64)
            if head[:4] != b"\x7fELF" or head[4] != 2:
                return False
            phoff, = struct.unpack_from("<Q", head, 32)
            phentsize, phnum = struct.unpack_from("<HH", head, 54)
            f.seek(phoff)
            table = f.read(phentsize * phnum)
    except OSError:
        return False
    return all(struct.unpack_from("<I", table, i * phentsize)[0] != 3  # PT_INTERP
               for i in range(phnum))


pytestmark = [
    pytest.mark.skipif(len(COREBOX) != 1 or not _is_static_elf(COREBOX[0]),
                       reason="$COREBOX is not a statically linked binary"),
    pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                       reason="chroot needs root"),
]

PASSWD = ("root:x:0:0:root:/root:/bin/sh\n"
          "# comment:x:5:5::/:/bin/sh\n"
          "alice:x:1000:1000:Alice:/home/alice:/bin/sh\n"
          "bob:x:1001:100::/home/bob:/bin/sh\n")
GROUP = "root:x:0:\nusers:x:100:alice\nalice:x:1000:\n"


def make_root(tmp_path, etc=True):
    root = tmp_path / "root"
    (root / "bin").mkdir(parents=True)
    shutil.copy2(COREBOX[0], root / "bin" / "corebox")
    if etc:
        (root / "etc").mkdir()
        (root / "etc" / "passwd").write_text(PASSWD)
        (root / "etc" / "group").write_text(GROUP)
    return root


class Result:
    def __init__(self, proc):
        self.status, self.out, self.err = proc.returncode, proc.stdout, proc.stderr


def run_in(root, *args, uid=0, gid=0, input=b"", prog="/bin/corebox"):
    """Run `PROG ARGS` chrooted to ROOT as UID:GID."""
    def enter():
        os.chroot(root)
        os.chdir("/")
        os.setgroups([])
        os.setgid(gid)
        os.setuid(uid)
    proc = subprocess.run([prog] + list(args), input=input, capture_output=True,
                          env={"LC_ALL": "C", "PATH": "/bin"}, preexec_fn=enter, timeout=60)
    return Result(proc)


@pytest.mark.parametrize("uid,name", [(0, "root"), (1000, "alice"), (1001, "bob")])
def test_whoami_from_passwd(tmp_path, uid, name):
    check(run_in(make_root(tmp_path), "whoami", uid=uid, gid=uid), out=name + "\n")


def test_whoami_unknown_user(tmp_path):
    check(run_in(make_root(tmp_path), "whoami", uid=4242, gid=4242),
          err="whoami: cannot find name for user ID 4242\n", status=1)


def test_whoami_without_etc(tmp_path):
    check(run_in(make_root(tmp_path, etc=False), "whoami"),
          err="whoami: cannot find name for user ID 0\n", status=1)


def test_logname_without_login(tmp_path):
    check(run_in(make_root(tmp_path), "logname"), err="logname: no login name\n", status=1)


def test_programs_needing_no_names(tmp_path):
    root = make_root(tmp_path, etc=False)
    check(run_in(root, "true"))
    check(run_in(root, "false"), status=1)
    check(run_in(root, "seq", "-s", " ", "3"), out="1 2 3\n")
    check(run_in(root, "wc", "-l", input=b"a\nb\n"), out="2\n")
    check(run_in(root, "printf", "%05.1f|%s\n", "3.14159", "x"), out="003.1|x\n")
    check(run_in(root, "basename", "/a/b.c", ".c"), out="b\n")
    check(run_in(root, "tr", "a-z", "A-Z", input=b"static\n"), out="STATIC\n")
    check(run_in(root, "cat", "/nope"), err="cat: /nope: No such file or directory\n",
          status=1)
    r = run_in(root, "--list")
    assert r.status == 0 and b"whoami\n" in r.out and r.err == b""


def test_digests_linked_in(tmp_path):
    root = make_root(tmp_path, etc=False)
    check(run_in(root, "sha256sum", input=b"abc"),
          out="ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  -\n")
    check(run_in(root, "md5sum", input=b"abc"), out="900150983cd24fb0d6963f7d28e17f72  -\n")
    check(run_in(root, "cksum", "-a", "crc32b", input=b"abc"), out="891568578 3\n")


def test_links_by_name(tmp_path):
    root = make_root(tmp_path, etc=False)
    os.symlink("corebox", root / "bin" / "echo")
    os.link(root / "bin" / "corebox", root / "bin" / "sha1sum")
    check(run_in(root, "linked", prog="/bin/echo"), out="linked\n")
    check(run_in(root, input=b"abc", prog="/bin/sha1sum"),
          out="a9993e364706816aba3e25717850c26c9cd0d89d  -\n")
