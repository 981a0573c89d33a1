#!/usr/bin/env python3
"""The judge: GNU's own test suites run against corebox, with a ratchet.

    tests/gnu/run.py [--suite coreutils] [--corebox PATH] [--upstream DIR]
                     [--cache DIR] [--jobs N] [--tests PATTERN...]
                     [--full] [--reference] [--update-baseline] [--no-compat]

What it does, for the coreutils 9.10 suite:

 1. Takes coreutils_9.10.orig.tar.xz from --upstream (default: $COREBOX_UPSTREAM,
    else ../shared/upstream beside the repository), checks it against that
    directory's SHA256SUMS, and unpacks, configures and builds it once into
    a cache (default build/gnu/, keyed by the tarball's hash). Nothing from
    the tarball is ever copied into the repository.
 2. Puts corebox in place of every program it implements: src/PROG becomes
    a link named PROG to corebox (so dispatch by argv[0] is exercised;
    `install` is src/ginstall). Programs corebox lacks keep GNU's build, as
    helpers for the tests of others; their own tests are not run or counted
    (reported as "not implemented"), and the report lists them.
 3. Runs the selected tests the way upstream does (make check SUBDIRS=.
    TESTS=... with -j), each under a time limit: as upstream intends, the
    tests meant for root (all_root_tests) as root with
    NON_ROOT_USERNAME=nobody, and the others as an unprivileged user
    (--user, default "cbtest", created when missing, with a second group
    since some tests need two), so that tests needing a non-root user run.
 4. Reads every test's result (PASS/FAIL/SKIP/XFAIL/ERROR) and skip reason,
    writes build/gnu/results-coreutils.tsv and a per-program table, and
    compares with the committed baseline tests/gnu/baseline-coreutils.tsv:
    a test that is PASS there and not PASS now fails the run (each one is
    named); new passes are printed so the baseline can be raised
    (--update-baseline writes it).
 5. Guards against hollow runs: the skips are compared with what GNU's own
    programs skip on this machine (tests/gnu/reference-coreutils.tsv, made
    by --reference [--full], which runs the tests with GNU's build); a test that
    GNU runs here but that skips for corebox fails the run.
 6. Writes docs/compat.md: pass/fail/skip per program and in total, with
    the date and the corebox commit.

By default the tests of every implemented program run (plus the
cross-program tests in tests/misc that exercise all programs); --full runs
the whole suite, counting tests of programs corebox lacks as "not
implemented"; --tests limits the run to tests whose path contains a pattern.

The grep 3.12 and tar 1.35 suites (--suite grep, --suite tar) use the
same machinery and run once corebox has `grep` / `tar` (until then they
print "suite not run"; --reference runs them with GNU's programs). grep's
is automake's harness in tests/ (TESTS of tests/Makefile.am; src/grep,
src/egrep and src/fgrep are replaced). tar's is autotest (tests/testsuite,
tests named "NNN: title"), whose first test checks the version string and,
when it differs, turns the later tests into expected failures: so
"expected failure" counts as FAIL and "UNEXPECTED PASS" as PASS, and the
version test itself fails for corebox by design (it says "tar (corebox)").
"""

import argparse
import datetime
import fcntl
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.join(REPO, "tests", "gnu")

SUITES = {
    "coreutils": {
        "tarball": "coreutils_9.10.orig.tar.xz",
        "dir": "coreutils-9.10",
        "programs_needed": None,          # always on
        "programs": None,                 # those GNU's Makefile builds
        "harness": "automake",
        "testdir": "",                    # make check at the top
    },
    "grep": {
        "tarball": "grep_3.12.orig.tar.xz",
        "dir": "grep-3.12",
        "programs_needed": ["grep"],
        "programs": ["grep", "egrep", "fgrep"],
        "harness": "automake",
        "testdir": "tests",
    },
    "tar": {
        "tarball": "tar_1.35+dfsg.orig.tar.xz",
        "dir": "tar-1.35+dfsg",
        "programs_needed": ["tar"],
        "programs": ["tar"],
        "harness": "autotest",
        "testdir": "tests",
    },
}

# Tests in tests/misc and elsewhere whose name does not start with the
# program they test.
MISC_OWNER = {
    "tests/misc/xstrtol.pl": "*",
    "tests/misc/invalid-opt.pl": "*",
    "tests/misc/io-errors.sh": "*",
    "tests/misc/read-errors.sh": "*",
    "tests/misc/write-errors.sh": "*",
    "tests/misc/close-stdout.sh": "*",
    "tests/misc/coreutils.sh": "*",
    "tests/misc/option-aliases.sh": "*",
    "tests/misc/usage_vs_getopt.sh": "*",
    "tests/misc/getopt_vs_usage.sh": "*",
    "tests/misc/usage_vs_refs.sh": "*",
    "tests/misc/time-style.sh": "ls",
    "tests/misc/xattr.sh": "cp",
    "tests/misc/false-status.sh": "false",
    "tests/misc/selinux.sh": "*",
    "tests/misc/env-S.pl": "env",
    "tests/misc/env-S-script.sh": "env",
    "tests/misc/ls-time.sh": "ls",
}

# Directory names under tests/ that are not program names.
DIR_OWNER = {
    "factor": "factor", "install": "install", "misc": None, "d_type-check": None,
    "basenc": "basenc", "cksum": "cksum", "lang-default": "*", "help": "*",
}

GNU_NAME = {"install": "ginstall"}


def log(msg):
    print(f"gnu: {msg}", flush=True)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def check_tarball(upstream, name):
    path = os.path.join(upstream, name)
    if not os.path.exists(path):
        sys.exit(f"gnu: {path} not found (give --upstream DIR or COREBOX_UPSTREAM)")
    sums = os.path.join(upstream, "SHA256SUMS")
    want = None
    if os.path.exists(sums):
        for line in open(sums):
            parts = line.split()
            if len(parts) == 2 and parts[1].lstrip("*") == name:
                want = parts[0]
    digest = sha256(path)
    if want is None:
        sys.exit(f"gnu: {name} is not listed in {sums}")
    if digest != want:
        sys.exit(f"gnu: {name}: checksum mismatch ({digest} != {want})")
    return path, digest


def run(cmd, cwd=None, env=None, log_to=None, check=True):
    with open(log_to, "ab") if log_to else open(os.devnull, "wb") as out:
        r = subprocess.run(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
    if check and r.returncode != 0:
        sys.exit(f"gnu: {' '.join(cmd)} failed (status {r.returncode}); see {log_to}")
    return r.returncode


def prepare_tree(suite, tarball, digest, cache, jobs):
    """Unpack and build the upstream tree once; reuse it while the tarball
    is unchanged. Returns the tree's path."""
    spec = SUITES[suite]
    root = os.path.join(cache, f"{spec['dir']}-{digest[:12]}")
    tree = os.path.join(root, spec["dir"])
    stamp = os.path.join(root, ".built")
    if os.path.exists(stamp):
        return tree
    if os.path.exists(root):
        shutil.rmtree(root)
    os.makedirs(root)
    build_log = os.path.join(root, "build.log")
    log(f"unpacking and building {spec['tarball']} in {root} (once; log: {build_log})")
    with tarfile.open(tarball) as t:
        t.extractall(root)
    env = dict(os.environ, FORCE_UNSAFE_CONFIGURE="1")
    run(["./configure", "--quiet", "--disable-nls"], cwd=tree, env=env, log_to=build_log)
    run(["make", f"-j{jobs}"], cwd=tree, env=env, log_to=build_log)
    open(stamp, "w").close()
    return tree


def corebox_programs(corebox):
    out = subprocess.run([corebox, "--list"], stdout=subprocess.PIPE, check=True).stdout
    return [line for line in out.decode().split("\n") if line]


def gnu_programs(tree, spec=None):
    """The programs GNU's build made in src/ (for coreutils, the names in
    its Makefile; for the other suites, the list in SUITES)."""
    if spec and spec["programs"]:
        return list(spec["programs"])
    mk = open(os.path.join(tree, "Makefile"), encoding="utf-8", errors="replace").read()
    names = set()
    for var in ("bin_PROGRAMS", "EXTRA_PROGRAMS"):
        m = re.search(rf"^{var} =(.*?)(?<!\\)\n", mk, re.M | re.S)
        if m:
            for word in m.group(1).replace("\\\n", " ").split():
                if word.startswith("src/"):
                    names.add(word[4:].replace("$(EXEEXT)", ""))
    return sorted(names)


def first_built_program(tree):
    mk = open(os.path.join(tree, "Makefile"), encoding="utf-8", errors="replace").read()
    # The tests see the list in C-locale order (observed: "[ b2sum ..."),
    # not in the Makefile's order.
    m = re.search(r"^built_programs = *(.*)$", mk, re.M)
    words = sorted(m.group(1).split()) if m else []
    name = words[0] if words else ""
    return "install" if name == "ginstall" else name


def install_programs(tree, corebox, implemented, reference, spec):
    """Point src/PROG at corebox for each implemented program (or back at
    GNU's build with REFERENCE). Returns the programs left as GNU's."""
    src = os.path.join(tree, "src")
    gnu_left = []
    # A copy inside the tree, so an unprivileged test user can run it
    # wherever the build directory is.
    local = os.path.join(src, "corebox")
    shutil.copy2(corebox, local)
    # Newer than every object of GNU's build: `make check` remakes any
    # program older than its objects, and would put GNU's build back in
    # place of the links (a fresh cache is built after corebox).
    os.utime(local)
    corebox = "corebox"
    for prog in gnu_programs(tree, spec):
        user_name = "install" if prog == "ginstall" else prog
        path = os.path.join(src, prog)
        orig = path + ".gnu"
        if not os.path.exists(orig) and os.path.exists(path) and not os.path.islink(path):
            os.rename(path, orig)
        if os.path.lexists(path):
            os.unlink(path)
        if user_name in implemented and not reference:
            # A link named after the program, to exercise argv[0] dispatch.
            os.symlink(corebox, path)
        else:
            os.symlink(os.path.basename(orig), path)
            gnu_left.append(user_name)
    # Keep make from rebuilding man pages (help2man) from the new binaries.
    man = os.path.join(tree, "man")
    if os.path.isdir(man):
        for f in os.listdir(man):
            if f.endswith(".1"):
                os.utime(os.path.join(man, f))
    return gnu_left


def replaced_links(tree, implemented, reference, spec):
    """The programs whose src/ link to corebox was replaced during the run."""
    if reference:
        return []
    src = os.path.join(tree, "src")
    gone = []
    for prog in gnu_programs(tree, spec):
        user_name = "install" if prog == "ginstall" else prog
        path = os.path.join(src, prog)
        if user_name in implemented and not (os.path.islink(path) and os.readlink(path) == "corebox"):
            gone.append(prog)
    return gone


def list_tests(tree, spec, only=None):
    """The suite's tests (for coreutils: or just those of ONLY, a variable
    of tests/local.mk), as paths from the top of the tree; autotest's as
    "NNN: title"."""
    if spec["harness"] == "autotest":
        return [] if only else list_autotest(tree, spec)
    if spec["testdir"]:
        return list_automake(tree, spec, only)
    mk = open(os.path.join(tree, "tests", "local.mk")).read()
    tests = []
    for var in (only,) if only else ("all_root_tests", "all_tests", "factor_tests"):
        m = re.search(rf"^{var} =(.*?)(?:\n\n|\n[^ \t\n][^\n]*=)", mk, re.M | re.S)
        if not m:
            continue
        for word in m.group(1).replace("\\\n", " ").split():
            word = word.replace("$(tf)", "tests/factor")
            if word.startswith("tests/") and word not in tests:
                tests.append(word)
    return tests


def list_automake(tree, spec, only=None):
    """The TESTS of an automake tests/Makefile.am (grep's): test scripts
    named without an extension."""
    if only:
        return []
    mk = open(os.path.join(tree, spec["testdir"], "Makefile.am")).read()
    m = re.search(r"^TESTS =(.*?)(?:\n\n|\n[^ \t\n])", mk, re.M | re.S)
    words = m.group(1).replace("\\\n", " ").split() if m else []
    return [f"{spec['testdir']}/{w}" for w in words if not w.startswith("$")]


def list_autotest(tree, spec):
    """An autotest suite's tests, from `testsuite --list`: "NNN: title"."""
    out = subprocess.run(["/bin/sh", "./testsuite", "--list"], cwd=os.path.join(tree, spec["testdir"]),
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True).stdout.decode()
    tests = []
    for line in out.split("\n"):
        m = re.match(r"^\s*(\d+): \S+\s+(.*?)\s*$", line)
        if m:
            tests.append(f"{int(m.group(1)):03d}: {m.group(2)}")
    return tests


def owner(test, programs, spec=None):
    """The program a test belongs to ("*" for tests of every program)."""
    if spec and spec["programs"]:
        return spec["programs_needed"][0]
    if test in MISC_OWNER:
        return MISC_OWNER[test]
    parts = test.split("/")
    if len(parts) >= 3 and parts[1] != "misc":
        d = parts[1]
        if d in DIR_OWNER and DIR_OWNER[d] is not None:
            return DIR_OWNER[d]
        if d in programs:
            return d
    base = re.sub(r"\.(sh|pl|xpl)$", "", parts[-1])
    best = None
    for p in programs:
        if base == p or base.startswith(p + "-") or base.startswith(p + "_"):
            if best is None or len(p) > len(best):
                best = p
    if best:
        return best
    return parts[1] if len(parts) >= 3 else "*"


def read_results(tree, tests, spec):
    if spec["harness"] == "autotest":
        return read_autotest(tree, tests, spec)
    results = {}
    for t in tests:
        base = re.sub(r"\.(sh|pl|xpl)$", "", t)
        trs = os.path.join(tree, base + ".trs")
        logf = os.path.join(tree, base + ".log")
        result, reason = "ERROR", "no result (test did not run)"
        if os.path.exists(trs):
            for line in open(trs, errors="replace"):
                if line.startswith(":test-result:"):
                    result = line.split()[1]
                    reason = ""
        if result == "SKIP" and os.path.exists(logf):
            for line in open(logf, errors="replace"):
                m = re.match(r"^\S+: skipped test: (.*)$", line.rstrip("\n"))
                if m:
                    reason = m.group(1)
        results[t] = (result, reason)
    return results


def show_log(tree, test, spec, lines=60):
    """Print the end of a failing test's log, so that a CI run says why."""
    if spec["harness"] == "autotest":
        return
    logf = os.path.join(tree, re.sub(r"\.(sh|pl|xpl)$", "", test) + ".log")
    if not os.path.exists(logf):
        return
    tail = open(logf, errors="replace").read().splitlines()[-lines:]
    print(f"---- end of {os.path.relpath(logf, tree)} ----")
    for line in tail:
        print(f"  | {line}")
    print("----")


# autotest's verdicts. When the version test fails (a program that is not
# GNU tar), tar's suite marks every later test as an expected failure:
# then "expected failure" means the test failed and "UNEXPECTED PASS"
# that it passed. Neither may count as anything else.
AUTOTEST_VERDICT = [
    ("ok", "PASS"), ("skipped", "SKIP"), ("FAILED", "FAIL"),
    ("expected failure", "FAIL"), ("UNEXPECTED PASS", "PASS"),
]


def read_autotest(tree, tests, spec):
    """Per-test verdicts. autotest prints one line per test on its output
    ("  NNN: title   verdict (FILE.at:LINE)", kept in corebox-check.log);
    testsuite.log repeats some as "NNN. title (FILE.at:LINE): verdict"."""
    words = "|".join(re.escape(w) for w, _ in AUTOTEST_VERDICT)
    forms = [
        (os.path.join(tree, "corebox-check.log"), rf"^\s*(\d+): .*?\s+({words})\b(.*)$"),
        (os.path.join(tree, spec["testdir"], "testsuite.log"), rf"^(\d+)\. .*\(\S+\.at:\d+\): ({words})\b(.*)$"),
    ]
    verdicts = {}
    for path, pattern in forms:
        if not os.path.exists(path):
            continue
        for line in open(path, errors="replace"):
            m = re.match(pattern, line.rstrip("\n"))
            if not m or int(m.group(1)) in verdicts:
                continue
            res = dict(AUTOTEST_VERDICT)[m.group(2)]
            where = re.match(r"\s*(?:\(([^)]*)\))?", m.group(3)).group(1) or ""
            reason = where if res == "SKIP" and not re.match(r"\d+m[\d.]+s", where) else ""
            verdicts[int(m.group(1))] = (res, reason)
    return {t: verdicts.get(int(t.split(":")[0]), ("ERROR", "no result (test did not run)")) for t in tests}


def test_user(name):
    """As root, the unprivileged user that runs the tests not meant for
    root: NAME, created when missing with a second group ("users"), since
    some tests need membership in two groups. None when not root."""
    if os.geteuid() != 0:
        return None
    import pwd
    try:
        pwd.getpwnam(name)
    except KeyError:
        log(f"creating the unprivileged test user {name}")
        subprocess.run(["useradd", "--user-group", "--groups", "users", "--no-create-home",
                        "--shell", "/bin/sh", name], check=True)
    return name


def traversable(path):
    """True when every directory above PATH lets others pass (o+x)."""
    path = os.path.abspath(path)
    while True:
        parent = os.path.dirname(path)
        if parent == path:
            return True
        if not os.stat(parent).st_mode & 0o001:
            return False
        path = parent


def check_command(spec, batch, jobs, timeout, limiter, version):
    """The make command that runs BATCH the way upstream runs its suite."""
    common = ["make", "-k", f"-j{jobs}", "check", "VERBOSE=no"]
    if spec["harness"] == "autotest":
        # autotest has no per-test limit: the whole run gets one.
        numbers = " ".join(str(int(t.split(":")[0])) for t in batch)
        return limiter.replace(f" {timeout}", f" {timeout * 6}").split() + [
            "make", "check", f"TESTSUITEFLAGS=-j{jobs} {numbers}"]
    if spec["testdir"]:
        names = [t[len(spec["testdir"]) + 1:] for t in batch]
        return common + [f"LOG_COMPILER={limiter}", f"TESTS={' '.join(names)}"]
    return common + ["SUBDIRS=.", "RUN_EXPENSIVE_TESTS=no", "RUN_VERY_EXPENSIVE_TESTS=no",
                     "NON_ROOT_USERNAME=nobody",
                     *([f"VERSION={version}"] if version else []),
                     f"SH_LOG_COMPILER={limiter} /bin/bash",
                     f"TESTS={' '.join(batch)}"]


def run_tests(tree, spec, tests, root_tests, jobs, timeout, user, version):
    """make check for TESTS; those in ROOT_TESTS as root, the others as
    USER when one is given (GNU runs its non-root tests unprivileged)."""
    stale = [re.sub(r"\.(sh|pl|xpl)$", "", t) + ext for t in tests for ext in (".trs", ".log")]
    if spec["harness"] == "autotest":
        stale = [os.path.join(spec["testdir"], "testsuite.log")]
    for rel in stale:
        p = os.path.join(tree, rel)
        if os.path.exists(p):
            os.unlink(p)
    limiter = f"{shutil.which('timeout', path='/usr/bin:/bin') or '/usr/bin/timeout'} -k 10 {timeout}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.pop("POSIXLY_CORRECT", None)
    env.pop("COREBOX", None)
    # A plain PATH: directories the test user cannot search (a root-only
    # tool directory) would turn "not found" (127) into "denied" (126).
    env["PATH"] = "/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin"
    log_path = os.path.join(tree, "corebox-check.log")
    if os.path.exists(log_path):
        os.unlink(log_path)
    as_root = [t for t in tests if t in root_tests] if user else []
    as_user = [t for t in tests if t not in as_root]
    for batch, who in ((as_user, user), (as_root, None)):
        if not batch:
            continue
        cmd = check_command(spec, batch, jobs, timeout, limiter, version)
        e = dict(env)
        if who:
            subprocess.run(["chown", "-R", f"{who}:", os.path.realpath(tree)], check=True)
            cmd = ["setpriv", f"--reuid={who}", f"--regid={who}", "--init-groups", "--"] + cmd
            e["HOME"] = tree
            e["USER"] = e["LOGNAME"] = who
        run(cmd, cwd=os.path.join(tree, spec["testdir"]), env=e, log_to=log_path, check=False)


def load_tsv(path):
    rows = {}
    if os.path.exists(path):
        for line in open(path):
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            rows[parts[0]] = parts[1:]
    return rows


def write_tsv(path, header, rows):
    with open(path, "w") as f:
        f.write("# " + "\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")


def summarize(results, owners):
    table = {}
    for t, (res, _) in results.items():
        p = owners[t]
        row = table.setdefault(p, {"PASS": 0, "FAIL": 0, "SKIP": 0, "XFAIL": 0, "ERROR": 0, "XPASS": 0})
        row[res] = row.get(res, 0) + 1
    return table


def git_commit():
    try:
        return subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True).stdout.decode().strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def write_compat(path, suite, table, not_impl_tests, gnu_left, total_tests):
    """Rewrite SUITE's section of docs/compat.md, keeping the others."""
    cols = ["PASS", "FAIL", "SKIP", "XFAIL", "ERROR"]
    lines = [f"## {suite}\n\n",
             f"Generated by `tests/gnu/run.py --suite {suite}` on {datetime.date.today().isoformat()} "
             f"at corebox commit {git_commit()}.\n\n"]
    if suite == "coreutils":
        lines.append("Tests are attributed to the program they exercise; `*` marks tests that\n"
                     "exercise every program (help, version, option handling, write errors).\n\n")
    lines.append("| program | " + " | ".join(c.lower() for c in cols) + " |\n")
    lines.append("|---|" + "---|" * len(cols) + "\n")
    total = {c: 0 for c in cols}
    for p in sorted(table):
        lines.append(f"| {p} | " + " | ".join(str(table[p].get(c, 0)) for c in cols) + " |\n")
        for c in cols:
            total[c] += table[p].get(c, 0)
    lines.append("| **total** | " + " | ".join(f"**{total[c]}**" for c in cols) + " |\n\n")
    lines.append(f"Of the suite's {total_tests} tests, {not_impl_tests} belong to programs corebox does\n"
                 "not implement yet and were not counted.\n\n")
    if gnu_left:
        lines.append("Programs still taken from GNU's build in this run (as helpers for\n"
                     "other tests): " + ", ".join(f"`{p}`" for p in sorted(gnu_left)) + ".\n\n")
    sections = {}
    if os.path.exists(path):
        current = None
        for line in open(path):
            if line.startswith("## "):
                current = line[3:].strip()
                sections[current] = []
            if current:
                sections[current].append(line)
    sections[suite] = lines
    with open(path, "w") as f:
        f.write("# Compatibility with GNU's test suites\n\n")
        for name in [n for n in SUITES if n in sections]:
            f.write("".join(sections[name]).rstrip("\n") + "\n\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--suite", default="coreutils", choices=sorted(SUITES))
    ap.add_argument("--corebox", default=os.path.join(REPO, "build", "release", "corebox"))
    ap.add_argument("--upstream", default=os.environ.get("COREBOX_UPSTREAM",
                                                         os.path.join(os.path.dirname(REPO), "shared", "upstream")))
    ap.add_argument("--cache", default=os.path.join(REPO, "build", "gnu"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=int, default=600, help="seconds per test")
    ap.add_argument("--tests", nargs="*", default=[], help="only tests whose path contains one of these")
    ap.add_argument("--full", action="store_true", help="run every test of the suite")
    ap.add_argument("--reference", action="store_true",
                    help="run with GNU's own programs and write the reference results")
    ap.add_argument("--update-baseline", action="store_true")
    ap.add_argument("--no-compat", action="store_true", help="do not rewrite docs/compat.md")
    ap.add_argument("--user", default="cbtest",
                    help="as root: the unprivileged user for the non-root tests (created if missing)")
    args = ap.parse_args()

    spec = SUITES[args.suite]
    corebox = os.path.abspath(args.corebox)
    if not os.access(corebox, os.X_OK):
        sys.exit(f"gnu: {corebox} is not an executable (build first, or give --corebox)")
    implemented = set(corebox_programs(corebox))
    needed = spec["programs_needed"]
    if needed and not set(needed) & implemented and not args.reference:
        log(f"{args.suite}: corebox does not provide {', '.join(needed)} yet; suite not run")
        return 0

    tarball, digest = check_tarball(args.upstream, spec["tarball"])
    user = test_user(args.user)
    os.makedirs(args.cache, exist_ok=True)
    if user and not traversable(args.cache):
        args.cache = "/var/tmp/corebox-gnu"
        log(f"the build directory is not reachable by {user}; using {args.cache}")
        os.makedirs(args.cache, exist_ok=True)
    # One run at a time per cache: the tree's src/ is rewired for each run.
    lock = open(os.path.join(args.cache, f".lock-{args.suite}"), "w")
    fcntl.flock(lock, fcntl.LOCK_EX)
    tree = prepare_tree(args.suite, tarball, digest, os.path.abspath(args.cache), args.jobs)
    gnu_left = install_programs(tree, corebox, implemented, args.reference, spec)
    all_programs = set(gnu_programs(tree, spec)) | {"install", "["}
    all_programs.discard("ginstall")

    tests = list_tests(tree, spec)
    owners = {t: owner(t, all_programs, spec) for t in tests}
    if args.full:
        selected = list(tests)
    else:
        selected = [t for t in tests if owners[t] == "*" or owners[t] in implemented]
    not_impl = [t for t in tests if t not in selected]
    if args.tests:
        selected = [t for t in selected if any(p in t for p in args.tests)]
    root_tests = set(list_tests(tree, spec, "all_root_tests"))
    if os.geteuid() != 0:
        dropped = [t for t in selected if t in root_tests]
        selected = [t for t in selected if t not in root_tests]
        if dropped:
            log(f"not root: leaving out {len(dropped)} tests that need root")
    log(f"running {len(selected)} of {len(tests)} tests with {'GNU' if args.reference else 'corebox'}"
        f" programs (-j{args.jobs})")
    started = datetime.datetime.now()
    # help-version.sh checks that the first of the suite's built programs
    # reports the version under test: when that program is corebox's, tell
    # the suite corebox's version.
    version = None
    first = first_built_program(tree) if args.suite == "coreutils" else None
    if not args.reference and first in implemented:
        out = subprocess.run([corebox, "true", "--version"], stdout=subprocess.PIPE).stdout.decode()
        version = out.split("\n")[0].rsplit(" ", 1)[-1]
    run_tests(tree, spec, selected, root_tests, args.jobs, args.timeout, user, version)
    replaced = replaced_links(tree, implemented, args.reference, spec)
    elapsed = (datetime.datetime.now() - started).total_seconds()
    results = read_results(tree, selected, spec)

    if args.reference:
        path = os.path.join(HERE, f"reference-{args.suite}.tsv")
        old = load_tsv(path)
        for t, (res, reason) in results.items():
            old[t] = [owners[t], res, reason]
        write_tsv(path, ["test", "program", "result with GNU's programs", "skip reason"],
                  [[t] + old[t] for t in sorted(old)])
        counts = summarize(results, {t: "all" for t in results})["all"] if results else {}
        log(f"reference written to {path}: {counts} in {elapsed:.0f} s")
        return 0

    out_dir = os.path.abspath(args.cache)
    write_tsv(os.path.join(out_dir, f"results-{args.suite}.tsv"), ["test", "program", "result", "skip reason"],
              [[t, owners[t], r[0], r[1]] for t, r in sorted(results.items())])

    table = summarize(results, owners)
    cols = ["PASS", "FAIL", "SKIP", "XFAIL", "ERROR"]
    print(f"{'program':12} " + " ".join(f"{c:>5}" for c in cols))
    for p in sorted(table):
        print(f"{p:12} " + " ".join(f"{table[p].get(c, 0):5}" for c in cols))
    if gnu_left:
        print(f"GNU's build was used for {len(gnu_left)} programs corebox lacks: {' '.join(sorted(gnu_left))}")
    print(f"{len(not_impl)} tests not run: their programs are not implemented")

    failed = False
    if replaced:
        print(f"HOLLOW: make put GNU's build back in place of corebox during the run: {' '.join(replaced)}")
        failed = True
    # The hollow-run guard: what GNU runs here must not be skipped for us.
    # A few skips are inherent (tests/gnu/skips-allowed-*.tsv says why).
    reference = load_tsv(os.path.join(HERE, f"reference-{args.suite}.tsv"))
    allowed = load_tsv(os.path.join(HERE, f"skips-allowed-{args.suite}.tsv"))
    for t, (res, reason) in sorted(results.items()):
        ref = reference.get(t)
        if ref is None:
            log(f"warning: {t} has no reference result (run --reference)")
            continue
        if res == "SKIP" and ref[1] != "SKIP" and t in allowed:
            print(f"allowed skip: {t}: {allowed[t][0]}")
        elif res == "SKIP" and ref[1] != "SKIP":
            print(f"HOLLOW: {t} skipped for corebox ({reason}) but GNU runs it here ({ref[1]})")
            failed = True

    # The ratchet.
    baseline_path = os.path.join(HERE, f"baseline-{args.suite}.tsv")
    baseline = load_tsv(baseline_path)
    new_passes = []
    for t, (res, _) in sorted(results.items()):
        base = baseline.get(t)
        if base and base[1] == "PASS" and res != "PASS":
            print(f"REGRESSION: {t} ({owners[t]}) was PASS in the baseline, now {res}")
            show_log(tree, t, spec)
            failed = True
        if res == "PASS" and (not base or base[1] != "PASS"):
            new_passes.append(t)
    for t in new_passes:
        print(f"new pass: {t} ({owners[t]})")
    if args.update_baseline:
        rows = dict(baseline)
        for t, (res, _) in results.items():
            rows[t] = [owners[t], res]
        write_tsv(baseline_path, ["test", "program", "result"], [[t] + rows[t] for t in sorted(rows)])
        log(f"baseline written: {baseline_path}")
    elif new_passes:
        print(f"{len(new_passes)} new passes: raise the baseline with --update-baseline")

    if not args.no_compat and not args.tests:
        write_compat(os.path.join(REPO, "docs", "compat.md"), args.suite, table, len(not_impl), gnu_left, len(tests))

    total = summarize(results, {t: "all" for t in results}).get("all", {})
    print(f"gnu {args.suite}: {len(results)} tests in {elapsed:.0f} s; "
          f"{total.get('PASS', 0)} passed, {total.get('FAIL', 0) + total.get('ERROR', 0)} failed, "
          f"{total.get('SKIP', 0)} skipped, {total.get('XFAIL', 0)} expected failures")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
