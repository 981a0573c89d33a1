#!/usr/bin/env bash
# Time corebox against GNU coreutils on data this script makes itself.
#
#   bench/run.sh [COREBOX] [RESULTS.md]
#
# The table goes to standard output, and to RESULTS.md when it is given
# (docs/bench.md is written by hand from such runs: it is not the default,
# so that a partial run cannot overwrite it).
# COREBOX defaults to build/release/corebox; GNU's programs are taken from
# /usr/bin. Needs hyperfine. Each case is run by hyperfine in the same
# session for both, and the ratio GNU/corebox is printed (> 1: corebox is
# faster). The data (a 1 GiB text file with some UTF-8) lives in a
# temporary directory that is removed at the end; BENCH_DIR keeps it.
# BENCH_ONLY=REGEX runs only the cases whose name matches, e.g.
# BENCH_ONLY='sum|cksum' for the digests.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
cb=$(realpath "${1:-$here/build/release/corebox}")
results=${2:-}
command -v hyperfine >/dev/null || { echo "bench: hyperfine is needed (apt-get install hyperfine)" >&2; exit 1; }

dir=${BENCH_DIR:-$(mktemp -d)}
[ -n "${BENCH_DIR:-}" ] || trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/bin"
for u in cat wc head tail seq yes true; do ln -sf "$cb" "$dir/bin/$u"; done
for u in md5sum sha1sum sha256sum sha512sum b2sum cksum; do ln -sf "$cb" "$dir/bin/$u"; done
for u in base64 od cut tr uniq; do ln -sf "$cb" "$dir/bin/$u"; done

big=$dir/big.txt
if [ ! -s "$big" ]; then
	echo "bench: making 1 GiB of text in $big" >&2
	/usr/bin/python3 - "$big" <<'PY'
import random, sys
random.seed(1)
words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
         "naïve", "café", "Grüße", "日本語", "παράδειγμα", "x", "42", "lorem", "ipsum"]
lines = []
size = 0
while size < (1 << 20):
    line = " ".join(random.choice(words) for _ in range(random.randint(0, 14))) + "\n"
    lines.append(line)
    size += len(line.encode())
chunk = "".join(lines).encode()
with open(sys.argv[1], "wb") as f:
    total = 0
    while total < (1 << 30):
        f.write(chunk)
        total += len(chunk)
PY
fi

tmp_out=$dir/out.txt
export LC_ALL=C
md=$dir/results.md
: > "$md"
ratio_lines=()

# bench NAME CMD_TEMPLATE: CMD_TEMPLATE uses @ for the program directory.
# BENCH_ONLY (an extended regular expression) limits the cases to those
# whose name matches.
want() { [[ -z "${BENCH_ONLY:-}" || $1 =~ $BENCH_ONLY ]]; }
bench() {
	local name=$1 tmpl=$2
	want "$name" || return 0
	local gnu=${tmpl//@//usr/bin} ours=${tmpl//@/$dir/bin}
	local json=$dir/h.json
	hyperfine -N --style basic --warmup 1 --min-runs 5 --export-json "$json" \
		-n GNU "$gnu" -n corebox "$ours" >/dev/null 2>&1 || \
	hyperfine --style basic --warmup 1 --min-runs 5 --export-json "$json" \
		-n GNU "$gnu" -n corebox "$ours" >/dev/null
	local line
	line=$(/usr/bin/python3 - "$json" "$name" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
g, c = r["GNU"]["mean"], r["corebox"]["mean"]
gc = r["GNU"]["user"] + r["GNU"]["system"]
cc = r["corebox"]["user"] + r["corebox"]["system"]
print(f"| {sys.argv[2]} | {g*1000:.1f} ms | {c*1000:.1f} ms | {g/c:.2f}x "
      f"| {gc*1000:.1f} ms | {cc*1000:.1f} ms | {gc/cc:.2f}x |")
PY
)
	echo "$line"
	ratio_lines+=("$line")
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
echo "| case | GNU | corebox | GNU/corebox | GNU CPU | corebox CPU | CPU ratio |"
echo "|---|---|---|---|---|---|---|"
bench "cat 1 GiB to a file" "bash -c '@/cat $big > $tmp_out'"
bench "cat 1 GiB to a pipe" "bash -c '@/cat $big | /usr/bin/tail -c 1 >/dev/null'"
bench "wc -l 1 GiB" "@/wc -l $big"
bench "wc 1 GiB" "@/wc $big"
LC_ALL=C.UTF-8 bench "wc -m 1 GiB (C.UTF-8)" "@/wc -m $big"
bench "head -c 512M" "bash -c '@/head -c 512M $big > /dev/null'"
bench "tail -n 1000 1 GiB" "@/tail -n 1000 $big"
bench "tail -n +10000000 1 GiB" "bash -c '@/tail -n +10000000 $big > /dev/null'"
bench "seq 1 10000000" "bash -c '@/seq 1 10000000 > /dev/null'"
bench "yes piped to head -c 1G" "bash -c '@/yes | /usr/bin/head -c 1G > /dev/null'"
for u in md5sum sha1sum sha256sum sha512sum b2sum cksum; do
	bench "$u 1 GiB" "@/$u $big"
done
! want "base64 -d" || /usr/bin/head -c 256M "$big" | /usr/bin/base64 > "$dir/big.b64"
bench "base64 1 GiB" "bash -c '@/base64 $big > /dev/null'"
bench "base64 -d 256 MiB" "bash -c '@/base64 -d $dir/big.b64 > /dev/null'"
! want "cut" || /usr/bin/head -c 256M "$big" | /usr/bin/tr ' ' , > "$dir/big.csv"
bench "cut -d, -f2 256 MiB" "bash -c '@/cut -d, -f2 $dir/big.csv > /dev/null'"
bench "tr a-z A-Z 1 GiB" "bash -c '@/tr a-z A-Z < $big > /dev/null'"
! want "uniq" || /usr/bin/head -c 256M "$big" | /usr/bin/sort > "$dir/big.sorted"
bench "uniq 256 MiB sorted" "bash -c '@/uniq $dir/big.sorted > /dev/null'"
bench "uniq -c 256 MiB sorted" "bash -c '@/uniq -c $dir/big.sorted > /dev/null'"
bench "od -An -tx1 -N 16M" "bash -c '@/od -An -tx1 -N 16M $big > /dev/null'"
bench "od -N 16M (octal words)" "bash -c '@/od -N 16M $big > /dev/null'"
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
startup=
! want "start-up: true" ||
startup=$(hyperfine -N --style basic --warmup 20 --runs 500 --export-json "$dir/s.json" \
	-n GNU "/usr/bin/true" -n corebox "$dir/bin/true" >/dev/null 2>&1 && /usr/bin/python3 - "$dir/s.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
g, c = r["GNU"]["mean"], r["corebox"]["mean"]
print(f"| start-up: true | {g*1e6:.0f} µs | {c*1e6:.0f} µs | {g/c:.2f}x | | | |")
PY
)
[ -z "$startup" ] || echo "$startup"
# hyperfine runs one command's 500 runs, then the other's, so a drift of the
# machine's speed between the two shows as a difference of several percent.
# bench/startup.py alternates the two in shuffled rounds and pairs them.
startup_paired=
! want "start-up: true" ||
startup_paired=$(/usr/bin/python3 "$here/bench/startup.py" -n 3000 \
	--row "start-up: true, interleaved (3000 rounds, medians)" /usr/bin/true "$dir/bin/true")
[ -z "$startup_paired" ] || echo "$startup_paired"

size_cb=$(stat -c %s "$cb")
size_gnu=$(du -cb /usr/bin/{cat,wc,head,tail,seq,yes,true,false,echo,printf,tee,basename,dirname,pwd,sleep,env,printenv,test,[,link,unlink,nproc,uname,arch,whoami,logname,tty} 2>/dev/null | tail -1 | cut -f1)
{
	echo "# Benchmarks: corebox against GNU coreutils"
	echo
	echo "Measured by \`bench/run.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m);"
	echo "GNU: $(/usr/bin/cat --version | head -1). corebox commit $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)."
	echo "Means of hyperfine runs; GNU/corebox > 1 means corebox is faster."
	echo "CPU: user + system time per run, less sensitive to the machine's load"
	echo "than wall time (load average $load_before before the cases, $load_after after)."
	echo
	echo "| case | GNU | corebox | GNU/corebox | GNU CPU | corebox CPU | CPU ratio |"
	echo "|---|---|---|---|---|---|---|"
	[ ${#ratio_lines[@]} -eq 0 ] || printf '%s\n' "${ratio_lines[@]}"
	[ -z "$startup" ] || echo "$startup"
	[ -z "$startup_paired" ] || head -1 <<<"$startup_paired"
	echo
	[ -z "$startup_paired" ] || { tail -n +2 <<<"$startup_paired"; echo; }
	echo "Binary size: corebox $size_cb bytes (one file, all utilities);"
	echo "the 27 matching GNU programs: $size_gnu bytes in total."
} > "${results:-/dev/null}"
[ -z "$results" ] || echo "bench: results written to $results" >&2
