"""Time per question and index build time, on the shipped knowledge base and on one 100x its size.

    python -m bench.latency [--scale 100] [--rounds 5]

The large base is generated here: every fact is copied `scale` times, each copy with its own
made-up names mixed into its questions, keywords and answer, so the vocabulary and the
postings grow as they would with a real, larger base. Questions are the dev set's plus typo'd
and off-topic variants. Peak memory is measured with tracemalloc around one index build. "cold build" is the first build
in the process (it also loads the English frequency table and fills the stemmer cache, as
start-up does); "build" is the best of three.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

from bench.eval import DEFAULT_QUESTIONS, load_items
from bot.knowledge import Knowledge, load
from bot.matching import Matcher, load_embedder
from bot.matching.semantic import cache_dir

ROOT = Path(__file__).resolve().parent.parent
SYLLABLES = ("ka", "lo", "mi", "ten", "sar", "vo", "ru", "bel", "din", "gra", "po", "zek", "an", "tor")


def synthetic(knowledge: Knowledge, scale: int, seed: int = 7) -> Knowledge:
    rng = random.Random(seed)

    def name() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))

    facts = []
    for copy in range(scale):
        for f in knowledge.facts:
            extra = [name() for _ in range(3)]
            facts.append(replace(
                f, id=f"{f.id}-{copy}",
                questions=tuple(f"{q} {rng.choice(extra)}" for q in f.questions),
                keywords=(*f.keywords, *extra),
                answer=f"{f.answer} {' '.join(extra)}",
                related=tuple(f"{r}-{copy}" for r in f.related),
            ))
    return replace(knowledge, facts=tuple(facts))


def questions() -> list[str]:
    base = [item["q"] for item in load_items(DEFAULT_QUESTIONS)]
    typos = [q.replace("e", "a", 1) for q in base]
    long = [" ".join(base[:20])]  # one long, rambling message
    return base + typos + long


def measure(knowledge: Knowledge, qs: list[str], rounds: int, embedder=None) -> dict[str, float]:
    builds = []
    for attempt in range(3):
        if attempt == 1:  # memory pass, between the cold and warm builds: tracemalloc slows allocation
            tracemalloc.start()
            Matcher(knowledge, embedder, cache=cache_dir())
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
        start = time.perf_counter()
        matcher = Matcher(knowledge, embedder, cache=cache_dir())
        builds.append(time.perf_counter() - start)
    build, cold = min(builds), builds[0]
    for q in qs:  # warm caches (stems, typo corrections) as a running bot would have them
        matcher.decide(q)
    times = []
    for _ in range(rounds):
        for q in qs:
            t0 = time.perf_counter()
            matcher.decide(q)
            times.append(time.perf_counter() - t0)
    times.sort()
    return {
        "facts": len(knowledge.facts),
        "build_ms": build * 1000,
        "cold_build_ms": cold * 1000,
        "peak_mb": peak / 2**20,
        "p50_ms": statistics.median(times) * 1000,
        "p99_ms": times[int(len(times) * 0.99) - 1] * 1000,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    shipped = load()
    qs = questions()
    print(f"{len(qs)} questions x {args.rounds} rounds, after one warm-up pass")
    print(f"{'knowledge base':<22}{'facts':>7}{'cold build ms':>15}{'build ms':>10}{'build MB':>10}"
          f"{'p50 ms':>9}{'p99 ms':>9}")
    embedder = load_embedder()
    runs = [("shipped, semantic", shipped, embedder), ("shipped, lexical", shipped, None),
            (f"x{args.scale}, lexical", synthetic(shipped, args.scale), None)]
    for label, kb, model in runs:
        r = measure(kb, qs, args.rounds, model)
        print(f"{label:<22}{r['facts']:>7}{r['cold_build_ms']:>15.1f}{r['build_ms']:>10.1f}{r['peak_mb']:>10.1f}"
              f"{r['p50_ms']:>9.3f}{r['p99_ms']:>9.3f}")
    cold_start()
    return 0


def cold_start() -> None:
    """A new process answering one question with the embedding cache present, and its peak RSS."""
    # The child reports its own peak RSS (VmHWM, Linux) as it exits: ru_maxrss would carry over
    # this benchmark's own high-water mark through fork and exec.
    script = ("import atexit, re, runpy, sys; sys.argv = ['bot', 'ask', 'When does New START expire?']; "
              "atexit.register(lambda: print(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())[1], "
              "file=sys.stderr)); runpy.run_module('bot', run_name='__main__')")
    command = [sys.executable, "-c", script]
    subprocess.run(command, capture_output=True, check=False, cwd=ROOT)  # make sure the cache exists
    start = time.perf_counter()
    child = subprocess.run(command, capture_output=True, check=False, cwd=ROOT)
    seconds = time.perf_counter() - start
    peak_kb = int(child.stderr.split()[-1])
    print(f"cold start to the first answer: {seconds:.2f} s ({len(child.stdout)} bytes); "
          f"peak RSS of that process: {peak_kb / 1024:.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
