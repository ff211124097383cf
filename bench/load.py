"""Load: N questions from U concurrent users through a local Bot API server, bot vs echo bot.

    python -m bench.load [--questions 300] [--users 10]

Both the real bot (`python -m bot run`) and a bare python-telegram-bot echo bot
(bench/echo_bot.py) long-poll the same kind of local fake Bot API server (tests/support/fake_bot_api.py),
one after the other in the same run. Each user sends a question, waits for the answer, then sends
the next (closed loop). Prints answered/sent, duplicates, throughput, p50/p95 latency and the
bot process's peak RSS (sampled every 20 ms). The per-user limit is switched off for the run
(QUESTIONS_PER_MINUTE=0): 30 questions a minute from one user is what it exists to stop.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from bench.rss import PeakRss
from tests.support.fake_bot_api import FakeBotApi

ROOT = Path(__file__).resolve().parent.parent

TOKEN = "111111:load-test-token"


def _questions() -> list[str]:
    import yaml

    dev = ROOT.parent / "shared" / "eval" / "dev.yaml"
    source = dev if dev.exists() else ROOT / "bench" / "heldout2.yaml"
    # Plain messages only: the echo bot (like any bot) does not treat "/ask ..." as text.
    return [item["q"] for item in yaml.safe_load(source.read_text(encoding="utf-8"))
            if item["q"].strip() and not item["q"].startswith("/")]


def run_one(label: str, command: list[str], total: int, users: int, **extra_env: str) -> dict:
    api = FakeBotApi().start()
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": api.base_url,
           "QUESTIONS_PER_MINUTE": "0", "LOG_LEVEL": "WARNING", **extra_env}
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    rss = PeakRss(proc.pid)
    # Ready when it has fetched updates once (both bots call getMe first, then poll).
    deadline = time.monotonic() + 30
    while not any(c.method == "getMe" for c in api.calls) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)

    questions = _questions()
    latencies: list[float] = []
    lock = threading.Lock()
    per_user = total // users

    def user(n: int) -> None:
        chat = 90_000 + n
        for i in range(per_user):
            question = questions[(n * per_user + i) % len(questions)]
            start = time.monotonic()
            api.message(question, chat_id=chat, user_id=chat)
            api.wait_sent(chat, more_than=i, timeout=30)
            with lock:
                latencies.append(time.monotonic() - start)

    started = time.monotonic()
    threads = [threading.Thread(target=user, args=(n,)) for n in range(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    time.sleep(0.5)  # let any duplicate arrive before counting
    rss.stop()
    proc.terminate()
    proc.wait(15)
    api.stop()
    per_chat = Counter(m["chat_id"] for m in api.sent())
    # One question -> one reply message (answers fit one message); more would be a duplicate.
    answered = sum(min(count, per_user) for count in per_chat.values())
    duplicates = sum(max(0, count - per_user) for count in per_chat.values())
    latencies.sort()
    logged = None
    if extra_env.get("DATA_DIR") and (Path(extra_env["DATA_DIR"]) / "questions.sqlite3").exists():
        with sqlite3.connect(Path(extra_env["DATA_DIR"]) / "questions.sqlite3") as db:
            logged = db.execute("SELECT COUNT(*) FROM questions").fetchone()[0]
    return {"label": label, "logged": logged, "p99": latencies[int(len(latencies) * 0.99) - 1] * 1000,
            "sent": per_user * users, "answered": answered, "duplicates": duplicates,
            "throughput": per_user * users / elapsed, "p50": statistics.median(latencies) * 1000,
            "p95": latencies[int(len(latencies) * 0.95) - 1] * 1000, "rss": rss.peak_mb}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=300)
    parser.add_argument("--users", type=int, default=10)
    args = parser.parse_args(argv)
    bot_command = [sys.executable, "-m", "bot", "run"]
    with tempfile.TemporaryDirectory() as data:
        runs = [
            run_one("bot, log on", bot_command, args.questions, args.users, DATA_DIR=data),
            run_one("bot, log off", bot_command, args.questions, args.users, QUESTION_LOG="off"),
            run_one("echo bot", [sys.executable, str(ROOT / "bench" / "echo_bot.py")], args.questions, args.users),
        ]
    print(f"{args.questions} questions from {args.users} concurrent users, local fake Bot API, long polling")
    print(f"{'':<13}{'answered':>12}{'dupes':>7}{'q/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
          f"{'peak RSS MB':>13}{'logged':>8}")
    for r in runs:
        print(f"{r['label']:<13}{r['answered']:>7}/{r['sent']:<4}{r['duplicates']:>7}{r['throughput']:>8.1f}"
              f"{r['p50']:>9.1f}{r['p95']:>9.1f}{r['p99']:>9.1f}{r['rss']:>13.1f}{r['logged'] or '-':>8}")
    bot, unlogged, echo = runs
    print(f"question log: p99 {bot['p99'] - unlogged['p99']:+.1f} ms with it on (noisy: python -m bench.questionlog "
          f"measures recording alone); {bot['logged']} of {bot['sent']} questions recorded")
    print(f"throughput ratio bot/echo: {bot['throughput'] / echo['throughput']:.2f} (target >= 0.8); "
          f"bot RSS {bot['rss']:.0f} MB (target <= 250 with the embedding model; round 1's lexical bot aimed at < 120)")
    ok = bot["answered"] == bot["sent"] and bot["duplicates"] == 0 and bot["logged"] == bot["sent"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
