"""The question log's own cost and size: N questions recorded (and voted on), as a running bot would.

    python -m bench.questionlog [--questions 10000]

Prints p50/p99 of one record() call (the time it adds to a question's handling) and the size
of the database after N questions, before and after a retention pass that keeps them all.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.eval import DEFAULT_QUESTIONS, load_items
from bot.engine import Engine
from bot.questionlog import DB_FILE, QuestionLog


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10_000)
    args = parser.parse_args(argv)
    engine = Engine.load(embedder=None)  # the decisions only need to be realistic, not semantic
    decisions = [engine.decide(item["q"]) for item in load_items(DEFAULT_QUESTIONS, include_ru=True)]
    with tempfile.TemporaryDirectory() as data:
        log = QuestionLog(Path(data))
        times = []
        for n in range(args.questions):
            decision = decisions[n % len(decisions)]
            start = time.perf_counter()
            qid = log.record(decision, "private" if n % 3 else "group")
            times.append(time.perf_counter() - start)
            if qid and decision.answered and n % 10 == 0:
                log.vote(qid, n % 997, helpful=n % 20 == 0)
        log.prune()
        log.close()
        files = {f.name: f.stat().st_size for f in Path(data).iterdir()}
    times.sort()
    print(f"{args.questions} questions recorded: record() p50 {statistics.median(times) * 1000:.3f} ms, "
          f"p99 {times[int(len(times) * 0.99) - 1] * 1000:.3f} ms")
    print(f"database {files.get(DB_FILE, 0) / 2**20:.2f} MB (target < 5 MB); all files: "
          + ", ".join(f"{name} {size / 2**20:.2f} MB" for name, size in sorted(files.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
