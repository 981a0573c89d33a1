#!/usr/bin/env python3
"""Start-up time of programs, measured interleaved so that a changing
load on a shared machine hits every program alike.

    bench/startup.py [-n ROUNDS] 'build/static/corebox true' 'build/release/corebox true' /usr/bin/true

Each round starts every command once, in an order shuffled per round so
that no command gains from its place in the round (after 200 rounds of
warm-up). For each command it prints the wall time of posix_spawn to
wait4 (minimum and median), the child's CPU time (user + system, from
wait4's rusage) and its minor page faults (medians). The programs'
standard output goes to /dev/null, so short jobs can be timed the same
way: bench/startup.py 'build/release/corebox tail -n 1000 BIG' ...
Each command after the first is also compared with the first, round by
round: the mean difference and its 95% bootstrap interval."""
import argparse
import os
import random
import shlex
import statistics
import time


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", "--rounds", type=int, default=2000)
    ap.add_argument("--row", metavar="LABEL", help="print a Markdown table row for GNU (first) and corebox")
    ap.add_argument("commands", nargs="+")
    args = ap.parse_args()
    if args.row and len(args.commands) != 2:
        ap.error("--row takes two commands: GNU's, then corebox's")
    cmds = [shlex.split(c) for c in args.commands]
    wall = [[] for _ in cmds]
    cpu = [[] for _ in cmds]
    faults = [[] for _ in cmds]
    load = open("/proc/loadavg").read().split()[:3]
    null = os.open(os.devnull, os.O_WRONLY)
    rng = random.Random(1)
    order = list(range(len(cmds)))
    for i in range(args.rounds + 200):
        rng.shuffle(order)
        for k in order:
            argv = cmds[k]
            t0 = time.perf_counter_ns()
            pid = os.posix_spawnp(argv[0], argv, os.environ,
                                  file_actions=[(os.POSIX_SPAWN_DUP2, null, 1)])
            _, _, ru = os.wait4(pid, 0)
            t1 = time.perf_counter_ns()
            if i >= 200:
                wall[k].append((t1 - t0) / 1e6)
                cpu[k].append((ru.ru_utime + ru.ru_stime) * 1e3)
                faults[k].append(ru.ru_minflt)
    end = open("/proc/loadavg").read().split()[:3]
    if args.row:
        g, c = (statistics.median(w) for w in wall[:2])
        gc, cc = (statistics.median(u) for u in cpu[:2])
        lo, mid, hi = paired(wall[1], wall[0], rng)
        print(f"| {args.row} | {g * 1e3:.0f} µs | {c * 1e3:.0f} µs | {g / c:.2f}x"
              f" | {gc * 1e3:.0f} µs | {cc * 1e3:.0f} µs | {gc / cc:.2f}x |")
        print(f"corebox minus GNU, same round: {mid * 1e3:+.1f} µs"
              f" (95% interval {lo * 1e3:+.1f} .. {hi * 1e3:+.1f} µs)")
        return
    print(f"{args.rounds} interleaved rounds, load {' '.join(load)} -> {' '.join(end)}")
    for k, c in enumerate(args.commands):
        print(f"{c}: wall min {min(wall[k]):.2f} ms, median {statistics.median(wall[k]):.2f} ms;"
              f" CPU median {statistics.median(cpu[k]):.2f} ms;"
              f" minor faults {statistics.median(faults[k]):.0f}")
    for k in range(1, len(cmds)):
        lo, mid, hi = paired(wall[k], wall[0], rng)
        print(f"{args.commands[k]} minus {args.commands[0]}, same round:"
              f" mean {mid * 1e3:+.1f} us (95% interval {lo * 1e3:+.1f} .. {hi * 1e3:+.1f} us)")


def paired(xs, ys, rng):
    """Mean of the per-round differences xs[i] - ys[i], with a bootstrap
    95% interval: runs of one round share the machine's state, so their
    difference is far less noisy than the difference of two medians."""
    d = [x - y for x, y in zip(xs, ys)]
    means = sorted(statistics.fmean(rng.choices(d, k=len(d))) for _ in range(400))
    return means[10], statistics.fmean(d), means[389]


if __name__ == "__main__":
    main()
