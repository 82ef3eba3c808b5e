#!/usr/bin/env python3
"""The batch benchmark (not a test): throughput, scaling, memory, lexicon load.

usage: tests/bench/bench.py [--build DIR] [--rounds N] [CORPUS.jsonl]

CORPUS defaults to ../shared/corpus/news.jsonl next to the repository. In one
run it measures and prints:
  - MB/s of `lichang tag --jobs 1` and of the ICU-only baseline (bench_icu:
    the same JSON Lines reading, then ICU's word BreakIterator, locale zh,
    over every text) and their ratio (goal >= 0.8);
  - the speed-up of --jobs 2 over --jobs 1 (goal >= 1.8);
  - peak resident memory (ru_maxrss) on the whole corpus and on its first
    tenth, at --jobs 1 and 2 (goal < 64 MB, and the same for both);
  - the time to load the built-in lexicon (bench_lexicon; goal < 10 ms);
  - one thread's time stage by stage (bench_stages), and the floor: reading,
    decoding, segmenting and writing JSON with no analysis at all, as a
    ratio to the baseline like the pipeline's;
  - the machine's own ceiling for a second thread: two bench_icu processes
    at once against one (shared or throttled cores show here, not in
    lichang).
Runs are interleaved and each figure is the best of --rounds, so load from
other processes on the machine skews the ratios as little as it can; CPU
seconds (user + sys) are printed too, since they do not depend on it.

Build first: cmake -S . -B build && cmake --build build -j2
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


RSS = None  # bench_rss: peak RSS measured apart from this (big) process


def run(cmd, out=subprocess.DEVNULL):
    """Runs cmd; returns (wall s, cpu s, peak RSS in MB)."""
    t0 = time.monotonic()
    p = subprocess.Popen([RSS] + cmd, stdout=out, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"bench: {' '.join(cmd)} exited {code}: {err}")
    rss = [l for l in err.splitlines() if l.startswith("peak_rss_kb ")]
    return (wall, ru.ru_utime + ru.ru_stime,
            int(rss[-1].split()[1]) / 1024.0 if rss else float("nan"))


def run_pair(cmd):
    """Runs two copies of cmd at once; returns the wall time of the pair.
    Two independent single-threaded processes show what the machine itself
    gives a second thread: the ceiling for any --jobs 2 speed-up here."""
    t0 = time.monotonic()
    ps = [subprocess.Popen(cmd, stdout=subprocess.DEVNULL) for _ in range(2)]
    for p in ps:
        if p.wait() != 0:
            sys.exit(f"bench: {' '.join(cmd)} exited {p.returncode}")
    return (time.monotonic() - t0, 0.0, float("nan"))


def best(results):
    return (min(r[0] for r in results), min(r[1] for r in results),
            max(r[2] for r in results))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?",
                    default=os.path.join(ROOT, "..", "shared", "corpus",
                                         "news.jsonl"))
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    lichang = os.path.join(a.build, "cli", "lichang")
    icu = os.path.join(a.build, "tests", "bench", "bench_icu")
    lexicon = os.path.join(a.build, "tests", "bench", "bench_lexicon")
    stages = os.path.join(a.build, "tests", "bench", "bench_stages")
    global RSS
    RSS = os.path.join(a.build, "tests", "bench", "bench_rss")
    for prog in (lichang, icu, lexicon, stages, RSS):
        if not os.access(prog, os.X_OK):
            sys.exit(f"bench: {prog} is missing: build first")
    if not os.path.exists(a.corpus):
        sys.exit(f"bench: {a.corpus}: no such file")
    size = os.path.getsize(a.corpus)
    mb = size / 1e6

    with tempfile.TemporaryDirectory() as tmp:
        tenth = os.path.join(tmp, "tenth.jsonl")
        with open(a.corpus, "rb") as f:
            articles = sum(1 for _ in f)
        with open(a.corpus, "rb") as f, open(tenth, "wb") as t:
            for i, line in enumerate(f):
                if i >= max(1, articles // 10):
                    break
                t.write(line)
        tag = [lichang, "tag", "--no-progress", "--input", "jsonl"]
        runs = {"icu": [], "j1": [], "j2": [], "pair": []}
        breakdown = None  # bench_stages' report with the lowest floor
        for _ in range(a.rounds):
            runs["icu"].append(run([icu, a.corpus]))
            out = subprocess.run([stages, a.corpus], capture_output=True,
                                 text=True, check=True).stdout
            floor = float(out.split("floor (no analysis)")[1].split()[0])
            if breakdown is None or floor < breakdown[0]:
                breakdown = (floor, out)
            runs["j1"].append(run(tag + ["--jobs", "1", a.corpus]))
            runs["j2"].append(run(tag + ["--jobs", "2", a.corpus]))
            runs["pair"].append(run_pair([icu, a.corpus]))
        icu_w, icu_c, _ = best(runs["icu"])
        j1_w, j1_c, j1_rss = best(runs["j1"])
        j2_w, j2_c, j2_rss = best(runs["j2"])
        t1_rss = run(tag + ["--jobs", "1", tenth])[2]
        t2_rss = run(tag + ["--jobs", "2", tenth])[2]
    lex = subprocess.run([lexicon, "200"], capture_output=True, text=True,
                         check=True).stdout.strip()

    print(f"corpus: {a.corpus}, {mb:.1f} MB, {articles} "
          f"articles; best of {a.rounds} rounds; {os.cpu_count()} processors, "
          f"load average {os.getloadavg()[0]:.2f}")
    print(f"ICU-only baseline     {mb / icu_w:7.2f} MB/s  ({icu_w:.2f} s wall, "
          f"{icu_c:.2f} s CPU, {mb / icu_c:.2f} MB/CPU-s)")
    print(f"lichang tag --jobs 1  {mb / j1_w:7.2f} MB/s  ({j1_w:.2f} s wall, "
          f"{j1_c:.2f} s CPU, {mb / j1_c:.2f} MB/CPU-s)")
    print(f"lichang tag --jobs 2  {mb / j2_w:7.2f} MB/s  ({j2_w:.2f} s wall, "
          f"{j2_c:.2f} s CPU)")
    print(f"ratio jobs 1 / ICU:   {icu_w / j1_w:.2f} by wall time, "
          f"{icu_c / j1_c:.2f} by CPU time (goal >= 0.80)")
    print(f"speed-up jobs 2 / 1:  {j1_w / j2_w:.2f} (goal >= 1.80); CPU time "
          f"jobs 2 / jobs 1: {j2_c / j1_c:.2f} (1.00: no cost to going "
          f"parallel, the rest is free cores)")
    pair_w = best(runs["pair"])[0]
    print(f"machine ceiling:      {2 * icu_w / pair_w:.2f} (two bench_icu "
          f"processes at once do this much more work per second than one)")
    print(f"peak RSS, whole:      {j1_rss:.1f} MB at --jobs 1, "
          f"{j2_rss:.1f} MB at --jobs 2 (goal < 64)")
    print(f"peak RSS, tenth:      {t1_rss:.1f} MB at --jobs 1, "
          f"{t2_rss:.1f} MB at --jobs 2")
    print(lex + " (goal < 10 ms)")
    floor, out = breakdown
    print("one thread, stage by stage (bench_stages, best of the rounds):")
    print("  " + out.rstrip().replace("\n", "\n  "))
    print(f"floor / ICU-only:     {icu_w / floor:.2f} by wall time: what is left "
          f"of the 0.80 goal for keywords, passages, speakers and stance is "
          f"{max(0.0, icu_w / 0.8 - floor):.2f} s; they take "
          f"{j1_w - floor:.2f} s in tag --jobs 1 (with its threads)")


if __name__ == "__main__":
    main()
