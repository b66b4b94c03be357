#!/usr/bin/env python3
"""Times commands side by side, interleaved: round after round, every command once per round, in a shuffled order.

    bench/interleave.py [--rounds N] [--warmup N] [--json FILE] NAME 'ARGV ; ARGV' [NAME 'ARGV ; ARGV' ...]

Each command is one or more programs run one after the other (split on ' ; ', each split like a shell would, but run
without a shell: no shell start-up in any figure). The first command is the floor: every other one is reported as a
ratio of it. On a shared machine the load drifts while hyperfine runs one command after the other; interleaving puts
the same drift on every command, so the ratios hold even when the absolute figures move. Prints a Markdown table of the
median wall time, the median CPU time (user + sys of the children, from wait4), and both as ratios of the floor's.
"""
import argparse
import json
import os
import random
import shlex
import statistics
import sys
import time


DEVNULL = os.open(os.devnull, os.O_RDWR)


def run_once(programs, cwd):
    # posix_spawn, not subprocess: Python's fork costs milliseconds, which would count once per program (twice for the floor).
    wall = 0.0
    cpu = 0.0
    actions = [(os.POSIX_SPAWN_DUP2, DEVNULL, 0), (os.POSIX_SPAWN_DUP2, DEVNULL, 1), (os.POSIX_SPAWN_DUP2, DEVNULL, 2)]
    for argv in programs:
        start = time.perf_counter()
        pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
        _, status, usage = os.wait4(pid, 0)
        wall += time.perf_counter() - start
        cpu += usage.ru_utime + usage.ru_stime
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            sys.exit(f"interleave: {shlex.join(argv)} exited {code} in {cwd}")
    return wall, cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--json")
    parser.add_argument("pairs", nargs="+", metavar="NAME COMMAND")
    args = parser.parse_args()
    if len(args.pairs) % 2:
        parser.error("give NAME COMMAND pairs")
    names = args.pairs[0::2]
    commands = [[shlex.split(part) for part in text.split(" ; ")] for text in args.pairs[1::2]]
    cwd = os.getcwd()

    for _ in range(args.warmup):
        for programs in commands:
            run_once(programs, cwd)

    walls = [[] for _ in names]
    cpus = [[] for _ in names]
    rng = random.Random(1)
    for _ in range(args.rounds):
        order = list(range(len(names)))
        rng.shuffle(order)
        for i in order:
            wall, cpu = run_once(commands[i], cwd)
            walls[i].append(wall)
            cpus[i].append(cpu)

    floor_wall = statistics.median(walls[0])
    floor_cpu = statistics.median(cpus[0])
    print("| command | median wall | p10–p90 | median CPU | wall / floor | CPU / floor | runs |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    results = []
    for name, wall, cpu in zip(names, walls, cpus):
        deciles = statistics.quantiles(wall, n=10)
        w, c = statistics.median(wall), statistics.median(cpu)
        print(f"| {name} | {w * 1000:.1f} ms | {deciles[0] * 1000:.1f}–{deciles[-1] * 1000:.1f} | {c * 1000:.1f} ms | "
              f"{w / floor_wall:.2f}x | {c / floor_cpu:.2f}x | {len(wall)} |")
        results.append({"name": name, "wall": wall, "cpu": cpu, "median_wall": w, "median_cpu": c})
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"rounds": args.rounds, "results": results}, out, indent=1)


if __name__ == "__main__":
    main()
