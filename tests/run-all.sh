#!/usr/bin/env bash
# The whole test suite, as the README's second command and CI run it:
#  1. the ASan+UBSan build: configure, build, unit and program tests;
#  2. the release build: configure and build;
#  3. GNU's suites on the release build (tests/gnu/run.py): coreutils'
#     tests of every program corebox implements, then grep's and tar's
#     (each runs once corebox has that program), against the committed
#     baselines (a test that passed before and fails now fails the run);
#  4. the release build's unit and program tests, whose ctest summary is
#     the last thing printed.
# Set COREBOX_SKIP_GNU=1 to leave out step 3 (it needs GNU's tarballs in
# ../shared/upstream or $COREBOX_UPSTREAM, and builds them once).
set -euo pipefail
cd "$(dirname "$0")/.."

cmake --workflow --preset asan
cmake --preset release
cmake --build --preset release
if [ "${COREBOX_SKIP_GNU:-0}" != 1 ]; then
	for suite in coreutils grep tar; do
		python3 tests/gnu/run.py --suite "$suite" --corebox build/release/corebox
	done
fi
ctest --preset release
