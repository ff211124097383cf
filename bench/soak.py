"""Soak: many questions through the real bot and a local Bot API, RSS sampled: does memory plateau?

    python -m bench.soak [--questions 10000] [--users 20]

Runs `python -m bot run` (question log on, in a temporary DATA_DIR) against the fake Bot API and
sends the questions from closed-loop users. Prints RSS after each tenth of the run, the growth
over the second half, and the size of the question log at the end.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from bench.eval import DEFAULT_QUESTIONS, load_items
from tests.support.fake_bot_api import FakeBotApi

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--users", type=int, default=20)
    args = parser.parse_args(argv)
    questions = [i["q"] for i in load_items(DEFAULT_QUESTIONS, include_ru=True)]
    api = FakeBotApi().start()
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": "333333:soak", "TELEGRAM_API_BASE_URL": api.base_url,
               "QUESTIONS_PER_MINUTE": "0", "LOG_LEVEL": "WARNING", "DATA_DIR": data}
        proc = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while not any(c.method == "getMe" for c in api.calls) and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(1.0)
        per_user = args.questions // args.users
        done = [0]
        lock = threading.Lock()

        def user(n: int) -> None:
            chat = 70_000 + n
            for i in range(per_user):
                api.message(questions[(n * 7 + i) % len(questions)], chat_id=chat, user_id=chat)
                api.wait_sent(chat, more_than=i, timeout=30)
                with lock:
                    done[0] += 1

        threads = [threading.Thread(target=user, args=(n,)) for n in range(args.users)]
        for t in threads:
            t.start()
        samples: list[tuple[int, float]] = []
        process = psutil.Process(proc.pid)
        step = per_user * args.users // 10
        while any(t.is_alive() for t in threads):
            if not samples or done[0] >= samples[-1][0] + step:
                samples.append((done[0], process.memory_info().rss / 2**20))
            time.sleep(0.2)
        samples.append((done[0], process.memory_info().rss / 2**20))
        proc.terminate()
        proc.wait(15)
        size = sum(f.stat().st_size for f in Path(data).iterdir()) / 2**20
    api.stop()
    answered = len(api.sent())
    print(f"{done[0]} questions from {args.users} users, {answered} answers sent")
    print("RSS MB after n questions: " + ", ".join(f"{n}: {rss:.0f}" for n, rss in samples))
    half = [rss for n, rss in samples if n >= done[0] // 2]
    print(f"second half: {half[0]:.0f} -> {half[-1]:.0f} MB ({half[-1] - half[0]:+.1f} MB); "
          f"question log {size:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
