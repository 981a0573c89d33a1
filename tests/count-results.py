#!/usr/bin/env python3
"""Print how many tests ran, passed, were skipped and failed, from JUnit
XML reports (pytest's --junitxml, ctest's --output-junit).

    tests/count-results.py LABEL [--only=PREFIX] REPORT_OR_DIR... [-- LABEL ...]

Each group prints one line, "LABEL: N run, P passed, S skipped, F failed"
("run" counts every test case reported, the skipped ones included). A
directory stands for the *.xml files in it; --only=PREFIX counts only
the test cases whose name starts with PREFIX (ctest's "unit."). A report
that is missing or unreadable is named on the line, and the exit status
is 1.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def count(args):
    """(run, passed, skipped, failed, problems) over the reports in ARGS."""
    prefix = ""
    files, problems = [], []
    for a in args:
        if a.startswith("--only="):
            prefix = a[len("--only="):]
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
                failed += 1
            elif case.find("skipped") is not None:
                skipped += 1
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
            status = 1
        print(line)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
