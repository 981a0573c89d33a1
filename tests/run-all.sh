#!/usr/bin/env bash
# The whole test suite, as the README's second command and CI run it:
#  1. the ASan+UBSan build: configure, build, unit and program tests;
#  2. the release build: configure and build;
#  3. GNU's suites on the release build (tests/gnu/run.py): coreutils'
#     tests of every program corebox implements, then grep's and tar's
#     (each runs once corebox has that program), against the committed
#     baselines (a test that passed before and fails now fails the run);
#  4. the Windows build (docs/windows.md): `cmake --workflow --preset
#     windows` (which builds scripts/win-deps.sh's libraries first when
#     their cache is missing), scripts/check-win-imports.sh, the unit
#     tests under Wine (`ctest --preset windows`) and the program tests
#     under Wine (tests/run-wine.sh), each step timed;
#  5. the release build's unit and program tests;
#  6. the counts of tests run, passed, skipped and failed on Linux and on
#     Windows, then ctest's summary of step 5 again, so that a test
#     runner's summary is the last thing printed.
# Set COREBOX_SKIP_GNU=1 to leave out step 3 (it needs GNU's tarballs in
# ../shared/upstream or $COREBOX_UPSTREAM, and builds them once), and
# COREBOX_SKIP_WINDOWS=1 to leave out step 4; outside CI step 4 is also
# left out when the mingw-w64 cross compiler or Wine is not installed.
# A failing test does not stop the later steps; the status is then 1.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
status=0

cmake --workflow --preset asan
cmake --preset release
cmake --build --preset release
if [ "${COREBOX_SKIP_GNU:-0}" != 1 ]; then
	for suite in coreutils grep tar; do
		python3 tests/gnu/run.py --suite "$suite" --corebox build/release/corebox || status=1
	done
fi

windows=1
if [ "${COREBOX_SKIP_WINDOWS:-0}" = 1 ]; then
	windows=0
elif [ "${CI:-}" != true ] && ! { command -v x86_64-w64-mingw32-gcc-posix && { command -v wine64 || [ -x /usr/lib/wine/wine64 ]; }; } >/dev/null; then
	echo "run-all.sh: no mingw-w64 cross compiler or no Wine: the Windows steps are left out"
	windows=0
fi
win_times=
step() { # NAME COMMAND...: run and time a Windows step
	local name=$1 t0 rc=0
	shift
	t0=$(date +%s)
	"$@" || rc=$?
	win_times="$win_times $name $(($(date +%s) - t0)) s;"
	return $rc
}
if [ "$windows" = 1 ]; then
	rm -f build/windows/ctest-junit.xml build/windows/pytest-wine.xml
	step build cmake --workflow --preset windows
	step imports scripts/check-win-imports.sh build/windows/corebox.exe
	tests/run-wine.sh --start build/windows
	step unit ctest --preset windows --output-junit "$root/build/windows/ctest-junit.xml" || status=1
	step programs tests/run-wine.sh build/windows --junitxml="$root/build/windows/pytest-wine.xml" || status=1
fi

rm -rf build/release/pytest-junit
ctest --preset release --output-junit "$root/build/release/ctest-junit.xml" 2>&1 | tee build/release/ctest.log || status=1

echo
echo "==== test counts"
counts=(
	"Linux unit tests (release)" --only=unit. build/release/ctest-junit.xml
	-- "Linux program tests (release)" build/release/pytest-junit
	-- "Linux program tests (ASan)" build/asan/pytest-junit
)
if [ "$windows" = 1 ]; then
	counts+=(
		-- "Windows unit tests (Wine)" build/windows/ctest-junit.xml
		-- "Windows program tests (Wine)" --rerun=build/windows/pytest-wine-rerun.xml build/windows/pytest-wine.xml
	)
fi
python3 tests/count-results.py "${counts[@]}" || status=1
if [ "$windows" = 1 ]; then
	echo "Windows steps (wall clock):$win_times"
fi
echo
# ctest's own summary (from "N% tests passed" on) is the last output.
sed -n '/% tests passed/,$p' build/release/ctest.log
exit $status
