#!/usr/bin/env python3
"""Before/after: two Attune builds side by side on the same inputs.

Usage: compare-builds.py OLD_ATTUNE NEW_ATTUNE INPUTS

INPUTS is a folder left by `attune-bench ATTUNE --keep` (it holds
cohort-1000/ and archive/; cohort-10000/ is used when present). Runs
alternate between the builds, each after `sync`, each into a new folder;
prints a Markdown table of medians with CPU seconds and peak memory, and
the ratio old / new. Nothing is deleted (see Benchmarks/results.md on why).
"""
import os, statistics, subprocess, sys, tempfile, time

old, new, inputs = (os.path.abspath(path) for path in sys.argv[1:4])
scratch = tempfile.mkdtemp(prefix="attune-compare-")
count = 0


def fresh(base):
    global count
    count += 1
    return f"{base}/run-{count}"


def run(binary, args, cwd=None):
    os.sync()
    start = time.perf_counter()
    process = subprocess.Popen([binary] + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{binary} {' '.join(args)} failed ({status})")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


empty = fresh(scratch)
os.makedirs(empty)
memory = "/dev/shm" if os.path.isdir("/dev/shm") else scratch
cases = [
    ("handouts N=1000 (disk)", lambda: ["handouts", f"{inputs}/cohort-1000/roster.yaml", "--out", fresh(scratch), "--format", "html,md"], None, 5),
    ("handouts N=1000 (tmpfs)", lambda: ["handouts", f"{inputs}/cohort-1000/roster.yaml", "--out", fresh(memory + "/attune-compare"), "--format", "html,md"], None, 5),
    ("build, 52 journals", lambda: ["build", f"{inputs}/archive", "--out", fresh(scratch)], None, 5),
    ("site", lambda: ["site", "--out", fresh(scratch)], None, 5),
    ("check", lambda: ["check"], empty, 9),
]
if os.path.isdir(f"{inputs}/cohort-10000"):
    cases.insert(2, ("handouts N=10000 (disk)", lambda: ["handouts", f"{inputs}/cohort-10000/roster.yaml", "--out", fresh(scratch), "--format", "html,md"], None, 3))

print("| run | before: median s (CPU s, peak MB) | after: median s (CPU s, peak MB) | before / after |")
print("| --- | ---: | ---: | ---: |")
for name, arguments, cwd, runs in cases:
    samples = [[], []]  # old, new (by position: the two may be the same file)
    run(old, arguments(), cwd)  # warm-up, discarded
    run(new, arguments(), cwd)
    for index in range(runs):
        for which in ([0, 1] if index % 2 == 0 else [1, 0]):
            samples[which].append(run([old, new][which], arguments(), cwd))

    def summary(values):
        return (statistics.median(v[0] for v in values), statistics.median(v[1] for v in values), max(v[2] for v in values))

    b, a = summary(samples[0]), summary(samples[1])
    print(f"| {name} | {b[0]:.3f} ({b[1]:.3f}, {b[2]:.1f}) | {a[0]:.3f} ({a[1]:.3f}, {a[2]:.1f}) | {b[0] / a[0]:.2f}× |", flush=True)
print(f"\nOutputs are in {scratch}; remove them when done.", file=sys.stderr)
