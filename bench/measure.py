#!/usr/bin/env python3
"""Times a command several times, each from a clean output folder (bench/run.sh).

    measure.py KEY RUNS WARMUP CLEAN_DIR -- CMD ARGS...

Before every run CLEAN_DIR is removed (not timed). Each run's wall time, CPU time (user +
system) and peak memory (the child's maximum resident set size, from wait4) are recorded; a
failing command stops the benchmark with its output. Prints one JSON line:
{"key", "runs", "wall": [s...], "cpu": [s...], "rss_kb": [...]}. The folder of the last run
is left in place (for the equivalence table and `cp -r`)."""
import json
import os
import shutil
import subprocess
import sys
import time

key, runs, warmup, clean = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
assert sys.argv[5] == "--"
cmd = sys.argv[6:]


def once() -> tuple[float, float, int]:
    shutil.rmtree(clean, ignore_errors=True)
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = p.stdout.read()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    if status != 0:
        sys.stderr.write(f"FAILED ({status}): {' '.join(cmd)}\n{out.decode(errors='replace')}\n")
        sys.exit(1)
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss


for _ in range(warmup):
    once()
wall, cpu, rss = [], [], []
for _ in range(runs):
    w, c, m = once()
    wall.append(w)
    cpu.append(c)
    rss.append(m)
print(json.dumps({"key": key, "runs": runs, "wall": wall, "cpu": cpu, "rss_kb": rss,
                  "cmd": " ".join(cmd)}))
