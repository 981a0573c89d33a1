#!/usr/bin/env bash
# The program tests (tests/cmds) against the Windows build, under Wine.
#
#   tests/run-wine.sh [BUILD_DIR] [PYTEST_ARGS...]
#   tests/run-wine.sh --start [BUILD_DIR]
#
# BUILD_DIR is an existing cross build (default build/windows, as the
# "windows" preset makes it); it is brought up to date first. Wine runs in
# its own prefix, build/wineprefix (or $WINEPREFIX), created on first use
# and set to report Windows 10; one wineserver is kept alive for the run,
# because starting Wine costs most of each test's time. With pytest-xdist
# (Debian's python3-pytest-xdist) the tests run in $COREBOX_WINE_JOBS
# processes (default 4: a Wine process start mostly waits, so more
# processes than cores still pay); without it, one after the other. Tests
# that need what Wine 8 or Windows lack are skipped with their reason
# (-rs lists them); pytest's summary is the last line printed. The
# wineserver leaves by itself a minute after the last test.
#
# A Wine session (a wineserver and Wine's background programs:
# services.exe, winedevice.exe, plugplay.exe, rpcss.exe...) is started by
# the first Windows program that finds no wineserver; the wineserver and
# those programs keep that program's standard streams open until the
# session ends. A test whose pipes they held waited for the end of its
# output until its 60 s limit (docs/windows.md, "Tests under Wine"). So
# the session is started here, by programs whose streams go nowhere: the
# wineserver first (before the prefix is prepared, so that no Windows
# program starts one that leaves a few seconds after it), then a program
# that starts the background programs, then one that stays until the
# tests are over, so that the session cannot end and start again during
# them. --start does the first two only (and prepares the prefix), for
# callers that run Windows programs themselves (`ctest --preset windows`,
# whose environment names the same prefix).
set -euo pipefail
cd "$(dirname "$0")/.."

start_only=0
if [ "${1:-}" = --start ]; then
	start_only=1
	shift
fi
build=${1:-build/windows}
shift || true
if [ ! -d "$build" ]; then
	echo "run-wine.sh: no build directory '$build' (configure one first)" >&2
	exit 2
fi
[ "$start_only" = 1 ] || cmake --build "$build"
exe=$(cd "$build" && pwd)/corebox.exe

loader=
for cand in "${COREBOX_WRAPPER:-}" /usr/lib/wine/wine64 /usr/lib64/wine/wine64 "$(command -v wine64 || true)"; do
	if [ -n "$cand" ] && [ -x "$cand" ]; then
		loader=$cand
		break
	fi
done
if [ -z "$loader" ]; then
	echo "run-wine.sh: wine64 not found (apt-get install wine64)" >&2
	exit 2
fi
server=$(command -v wineserver || echo /usr/lib/wine/wineserver)

export WINEPREFIX=${WINEPREFIX:-$PWD/build/wineprefix}
export WINEDEBUG=-all
# No debugger on a crash (it would write to stdout and leave a random
# status), no Mono or Gecko installers on the first start.
export WINEDLLOVERRIDES="winedbg.exe=d;mscoree=d;mshtml=d"
mkdir -p "$WINEPREFIX"
# A server that stays a minute after its last program (one already
# running for this prefix is used as it is: the program below keeps it).
"$server" -p60 </dev/null >/dev/null 2>&1 || true
if [ ! -f "$WINEPREFIX/system.reg" ]; then
	"$loader" wineboot -i </dev/null >/dev/null 2>&1
fi
# A new prefix (also one that ctest's first Wine start made) says Windows 7.
if ! grep -qs '^"Version"="win10"' "$WINEPREFIX/user.reg"; then
	"$loader" reg add 'HKCU\Software\Wine' /v Version /d win10 /f </dev/null >/dev/null 2>&1
fi
"$loader" cmd.exe /c exit </dev/null >/dev/null 2>&1 || true
[ "$start_only" = 0 ] || exit 0
# The session's anchor: a program that reads until this script (and the
# pytest it runs) has gone, however it ends.
exec {anchor}> >(exec "$loader" "$exe" cat >/dev/null 2>&1)

python=/usr/bin/python3
[ -x "$python" ] || python=python3
parallel=()
jobs=${COREBOX_WINE_JOBS:-4}
if [ "$jobs" -gt 1 ] && "$python" -c 'import xdist' 2>/dev/null; then
	parallel=(-n "$jobs")
fi
# A safety net, not needed since the session is started above: what
# fails when run in parallel is run once more, alone, and named; a test
# that fails alone too is a failure (tests/count-results.py --rerun).
cache=$(cd "$build" && pwd)/pytest-cache
rerun=$(cd "$build" && pwd)/pytest-wine-rerun.xml
rm -rf "$cache" "$rerun"
cd tests/cmds
export COREBOX_WRAPPER=$loader COREBOX=$exe
# pytest's arguments name test files or tests, or else all of tests/cmds.
where=(.)
for a in "$@"; do
	case $a in -*) continue ;; esac
	if [ -e "${a%%::*}" ]; then
		where=()
		break
	fi
done
status=0
"$python" -m pytest -q -o cache_dir="$cache" -rs "${parallel[@]}" "$@" "${where[@]}" || status=$?
if [ "$status" = 1 ] && [ ${#parallel[@]} -gt 0 ]; then
	echo "run-wine.sh: running the tests that failed in parallel again, one at a time"
	"$python" -m pytest -q -o cache_dir="$cache" -rs --last-failed --last-failed-no-failures none \
		"$@" --junitxml="$rerun" "${where[@]}" && status=0
fi
exit $status
