#!/usr/bin/env python3
"""Print how many tests ran, passed, were skipped and failed, from JUnit
XML reports (pytest's --junitxml, ctest's --output-junit).

    tests/count-results.py LABEL [--only=PREFIX] [--rerun=REPORT] REPORT_OR_DIR... [-- LABEL ...]

Each group prints one line, "LABEL: N run, P passed, S skipped, F failed"
("run" counts every test case reported, the skipped ones included). A
directory stands for the *.xml files in it; --only=PREFIX counts only
the test cases whose name starts with PREFIX (ctest's "unit."). With
--rerun=REPORT, a test that failed in the reports and passed in REPORT
(tests/run-wine.sh runs again, one at a time, what failed in parallel
under Wine) counts as passed, and the line names it. A report
that is missing or unreadable is named on the line, and the exit status
is 1.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def case_id(case):
    return f"{case.get('classname', '')}::{case.get('name', '')}"


def passed_in(report):
    """The test cases that passed in REPORT (none when it is missing)."""
    try:
        root = ET.parse(report).getroot()
    except (OSError, ET.ParseError):
        return set()
    return {case_id(c) for c in root.iter("testcase")
            if not any(c.find(t) is not None for t in ("failure", "error", "skipped"))}


def count(args):
    """(run, passed, skipped, failed, problems) over the reports in ARGS."""
    prefix = ""
    files, problems = [], []
    rerun_passed, flaky = set(), []
    for a in args:
        if a.startswith("--only="):
            prefix = a[len("--only="):]
            continue
        if a.startswith("--rerun="):
            rerun_passed = passed_in(a[len("--rerun="):])
            continue
        p = Path(a)
        if p.is_dir():
            found = sorted(p.glob("*.xml"))
            if not found:
                problems.append(f"no reports in {p}")
            files += found
        else:
            files.append(p)
    run = skipped = failed = 0
    for f in files:
        try:
            root = ET.parse(f).getroot()
        except (OSError, ET.ParseError) as e:
            problems.append(f"{f}: {e}")
            continue
        for case in root.iter("testcase"):
            if not case.get("name", "").startswith(prefix):
                continue
            run += 1
            if case.find("failure") is not None or case.find("error") is not None:
                if case_id(case) in rerun_passed:
                    flaky.append(case_id(case))
                else:
                    failed += 1
            elif case.find("skipped") is not None:
                skipped += 1
    if flaky:
        problems.append(f"{len(flaky)} passed only when run again alone: {', '.join(flaky)}")
    return run, run - skipped - failed, skipped, failed, problems


def main(argv):
    groups, cur = [], []
    for a in argv:
        if a == "--":
            groups.append(cur)
            cur = []
        else:
            cur.append(a)
    groups.append(cur)
    status = 0
    for g in groups:
        if len(g) < 2:
            print("usage: count-results.py LABEL [--only=PREFIX] REPORT... [-- LABEL ...]",
                  file=sys.stderr)
            return 2
        run, passed, skipped, failed, problems = count(g[1:])
        line = f"{g[0]}: {run} run, {passed} passed, {skipped} skipped, {failed} failed"
        if problems:
            line += " (" + "; ".join(problems) + ")"
            if any("passed only when run again" not in p for p in problems):
                status = 1
        print(line)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
