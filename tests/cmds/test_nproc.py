"""nproc: GNU coreutils 9.10 behaviour, checked against what Python's os
module reports about this process."""
import os
import shutil
import subprocess
import sys

import pytest

from conftest import BASE_ENV, COREBOX, ON_WINE, check, needs_dev_full, run, run_closed_stdout

TRY = "Try 'nproc --help' for more information.\n"
ULONG_MAX = 2**32 - 1 if ON_WINE else 2**64 - 1

needs_linux = pytest.mark.skipif(not sys.platform.startswith("linux") or ON_WINE,
                                 reason="needs Linux affinity and cgroup facts")


def cgroup2_quota(root="/"):
    """The CPU count the cgroup v2 cpu.max files allow this process
    (rounded to nearest, at least 1), or None."""
    try:
        with open(os.path.join(root, "proc/self/cgroup")) as f:
            path = next((l[3:].rstrip("\n") for l in f if l.startswith("0::/")), None)
    except OSError:
        return None
    if path is None:
        return None
    mount = os.path.join(root, "sys/fs/cgroup")
    if not os.path.exists(os.path.join(mount, "cgroup.controllers")):
        mount = None
        try:
            with open(os.path.join(root, "proc/self/mounts")) as f:
                for line in f:
                    fields = line.split()
                    if len(fields) > 2 and fields[2] == "cgroup2":
                        mount = fields[1]
                        break
        except OSError:
            pass
        if mount is None:
            return None
    best = None
    parts = [p for p in path.split("/") if p]
    for depth in range(len(parts), -1, -1):
        name = os.path.join(mount, *parts[:depth], "cpu.max")
        try:
            with open(name) as f:
                words = f.readline().split()
        except OSError:
            continue
        if len(words) < 2 or words[0].startswith("max"):
            continue
        quota, period = int(words[0]), int(words[1])
        if period == 0:
            continue
        ratio = quota / period
        if best is None or ratio < best:
            best = max(1, int(ratio + 0.5))
            if best == 1:
                break
    return best


def current():
    n = len(os.sched_getaffinity(0))
    if os.sched_getscheduler(0) not in (os.SCHED_FIFO, os.SCHED_RR):
        q = cgroup2_quota()
        if q is not None:
            n = min(n, q)
    return n


def installed():
    n = os.sysconf("SC_NPROCESSORS_CONF")
    if n in (1, 2):
        n = max(n, len(os.sched_getaffinity(0)))
    return n


@needs_linux
def test_available():
    check(run("nproc", env={"OMP_NUM_THREADS": None, "OMP_THREAD_LIMIT": None}),
          out=f"{current()}\n")


@needs_linux
def test_all():
    check(run("nproc", "--all"), out=f"{installed()}\n")
    # --all disregards the OpenMP variables.
    check(run("nproc", "--a", env={"OMP_NUM_THREADS": "99", "OMP_THREAD_LIMIT": "1"}),
          out=f"{installed()}\n")


@needs_linux
def test_affinity_mask_is_honoured():
    cpu = min(os.sched_getaffinity(0))
    argv = list(COREBOX) + ["nproc"]
    for args, want in (([], 1), (["--all"], installed())):
        proc = subprocess.run(argv + args, capture_output=True, env=BASE_ENV, stdin=subprocess.DEVNULL,
                              preexec_fn=lambda: os.sched_setaffinity(0, {cpu}))
        assert (proc.returncode, proc.stdout, proc.stderr) == (0, f"{want}\n".encode(), b"")


# (OMP_THREAD_LIMIT, OMP_NUM_THREADS, expected) as in GNU's nproc-override
# test; "A" is the count available without them.
OVERRIDES = [
    (None, None, "A"),
    ("1", None, "1"),
    ("1", "0", "1"),
    (None, "0", "A"),
    (None, "2,2,1", "2"),
    (None, "2,ignored", "2"),
    (None, "2bad", "A"),
    (None, "-2", "A"),
    ("1", "2,2,1", "1"),
    ("0", "2,2,1", "2"),
    ("1bad", "2,2,1", "2"),
    ("1bad", "A+1,2,1", "A+1"),
    ("1", "A+1", "1"),
    ("A+2", "A+1", "A+1"),
    ("A+1", "A+2", "A+1"),
    (None, "A+1", "A+1"),
    (None, " 3 ", "3"),
    (None, "\t3,\n", "3"),
    (None, "+3", "A"),
    (None, "3 4", "A"),
    (None, "0x10", "A"),
    (None, "", "A"),
    (" 1 ", None, "1"),
    (None, "99999999999999999999999", str(ULONG_MAX)),
]


@needs_linux
@pytest.mark.parametrize("limit, threads, want", OVERRIDES)
def test_openmp_variables(limit, threads, want):
    avail = current()

    def subst(s):
        return None if s is None else s.replace("A+2", str(avail + 2)).replace(
            "A+1", str(avail + 1)).replace("A", str(avail))

    r = run("nproc", env={"OMP_THREAD_LIMIT": subst(limit), "OMP_NUM_THREADS": subst(threads)})
    check(r, out=subst(want) + "\n")


@needs_linux
@pytest.mark.parametrize("n", ["0", "1", " 1", "+1", "2", "1000", "99999999999999999999999"])
def test_ignore(n):
    avail = current()
    k = int(n)
    want = avail - k if k < avail else 1
    check(run("nproc", f"--ignore={n}"), out=f"{want}\n")


def test_ignore_with_openmp():
    check(run("nproc", "--ignore", "40", env={"OMP_NUM_THREADS": "42"}), out="2\n")
    check(run("nproc", "--ig=50", env={"OMP_NUM_THREADS": "42"}), out="1\n")


@pytest.mark.parametrize("n", ["-1", "N", "", "1k", "1.5", "1 ", "0x1"])
def test_ignore_invalid(n):
    check(run("nproc", f"--ignore={n}"), err=f"nproc: invalid number: '{n}'\n", status=1)


def test_usage_errors():
    check(run("nproc", "a"), err="nproc: extra operand 'a'\n" + TRY, status=1)
    check(run("nproc", "-a"), err="nproc: invalid option -- 'a'\n" + TRY, status=1)
    check(run("nproc", "--ignore"), err="nproc: option '--ignore' requires an argument\n" + TRY, status=1)
    check(run("nproc", "--all=1"), err="nproc: option '--all' doesn't allow an argument\n" + TRY, status=1)


def test_help_and_version():
    r = run("nproc", "--help")
    assert r.status == 0 and r.err == b"" and r.out.startswith(b"Usage: nproc [OPTION]...\n")
    assert b"--all" in r.out and b"--ignore=N" in r.out
    r = run("nproc", "--version")
    assert r.status == 0 and r.out.startswith(b"nproc (corebox) ") and r.err == b""


@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as full:
        r = run("nproc", stdout=full)
    check(r, err="nproc: write error: No space left on device\n", status=1)


def test_closed_stdout():
    assert run_closed_stdout("nproc") == (1, b"nproc: write error: Bad file descriptor\n")


@pytest.fixture(scope="module")
def cgroup_root(tmp_path_factory):
    """A chroot with a corebox, a fake /proc/self/cgroup ("0::/foo") and a
    cgroup v2 tree under /sys/fs/cgroup."""
    if not sys.platform.startswith("linux") or ON_WINE or os.geteuid() != 0:
        pytest.skip("needs root on Linux for chroot")
    exe = shutil.which(COREBOX[0]) if len(COREBOX) == 1 else None
    ldd = shutil.which("ldd")
    if not exe or not ldd:
        pytest.skip("needs a native corebox and ldd")
    root = tmp_path_factory.mktemp("cgroup") / "root"
    (root / "proc" / "self").mkdir(parents=True)
    (root / "sys" / "fs" / "cgroup" / "foo").mkdir(parents=True)
    (root / "sys" / "fs" / "cgroup" / "cgroup.controllers").write_text("cpu\n")
    (root / "proc" / "self" / "cgroup").write_text("0::/foo\n")
    libs = subprocess.run([ldd, exe], capture_output=True, text=True).stdout
    for word in libs.split():
        if word.startswith("/") and os.path.exists(word):
            dest = root / word.lstrip("/")
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(word, dest)
    shutil.copy(exe, root / "corebox")
    probe = subprocess.run(["chroot", str(root), "/corebox", "true"], capture_output=True, env=BASE_ENV)
    if probe.returncode != 0 or probe.stderr:
        pytest.skip("corebox does not run in a bare chroot (a sanitizer build needs /proc)")
    return root


def nproc_in(root, *args, env=None):
    e = dict(BASE_ENV)
    e.pop("OMP_NUM_THREADS", None)
    e.pop("OMP_THREAD_LIMIT", None)
    e.update(env or {})
    proc = subprocess.run(["chroot", str(root), "/corebox", "nproc", *args], capture_output=True, env=e)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.mark.parametrize("top, foo, want", [
    (None, None, "N"),
    ("max 100000", None, "N"),
    (None, "max 100000", "N"),
    ("1000000 1", None, "N"),
    ("100000 0", None, "N"),
    ("40000 100000", None, "1"),
    ("50000 100000", None, "1"),
    ("100000 100000", None, "1"),
    ("140000 100000", None, "1"),
    ("1 1000000", None, "1"),
    ("150000 100000", None, "2"),
    ("150000 100000", "40000 100000", "1"),   # the lowest quota on the way up counts
    ("40000 100000", "150000 100000", "1"),
    (None, "150000 100000", "2"),
])
def test_cgroup_cpu_quota(cgroup_root, top, foo, want):
    cg = cgroup_root / "sys" / "fs" / "cgroup"
    for old in (cg / "cpu.max", cg / "foo" / "cpu.max"):
        if old.exists():
            old.unlink()
    if top is not None:
        (cg / "cpu.max").write_text(top + "\n")
    if foo is not None:
        (cg / "foo" / "cpu.max").write_text(foo + "\n")
    n = len(os.sched_getaffinity(0))
    expect = n if want == "N" else min(n, int(want))
    assert nproc_in(cgroup_root) == (0, f"{expect}\n".encode(), b"")
    # Quotas do not limit --all, nor an explicit OMP_NUM_THREADS.
    assert nproc_in(cgroup_root, "--all") == (0, f"{installed()}\n".encode(), b"")
    assert nproc_in(cgroup_root, env={"OMP_NUM_THREADS": str(n + 3)}) == (0, f"{n + 3}\n".encode(), b"")
    # OMP_THREAD_LIMIT caps, it does not lift the quota.
    assert nproc_in(cgroup_root, env={"OMP_THREAD_LIMIT": "10"}) == (0, f"{min(expect, 10)}\n".encode(), b"")
