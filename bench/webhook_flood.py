"""The webhook under a flood, on 127.0.0.1 only: the bot in webhook mode vs strangers without the secret.

    python -m bench.webhook_flood [--idle 1100] [--big 10]

Starts the real bot (`python -m bot run` with WEBHOOK_URL) against a local fake Bot API, then
at once: `--big` clients each send headers claiming a 99 MB body without the secret and keep
streaming it, and `--idle` connections are opened and left silent; meanwhile 10 real updates
are posted with the secret. Prints the bot's peak RSS, how many of the 10 were answered, and
the size of its log. Every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.rss import PeakRss
from tests.support.fake_bot_api import FakeBotApi

ROOT = Path(__file__).resolve().parent.parent

SECRET = "flood-test-secret"
CHUNK = b"x" * 65536


async def big_body(port: int, seconds: float) -> None:
    try:
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(f"POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: {99 * 2**20}\r\n\r\n".encode())
        end = time.monotonic() + seconds
        sent = 0
        while time.monotonic() < end and sent < 99 * 2**20:
            writer.write(CHUNK)
            await asyncio.wait_for(writer.drain(), 2)
            sent += len(CHUNK)
    except (OSError, TimeoutError):
        pass  # the server closed it: what it should do


async def idle(port: int, seconds: float) -> None:
    try:
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        await asyncio.sleep(seconds)
        writer.close()
    except OSError:
        pass


async def legit(port: int, n: int) -> int:
    body = json.dumps({"update_id": 10_000 + n, "message": {
        "message_id": n, "date": int(time.time()), "chat": {"id": 8000 + n, "type": "private"},
        "from": {"id": 8000 + n, "is_bot": False, "first_name": "U"}, "text": "when does new start expire"}}).encode()
    for _ in range(20):  # Telegram retries a failed delivery too
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(f"POST /hook HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: {SECRET}\r\n"
                         f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
            await writer.drain()
            answer = await asyncio.wait_for(reader.read(100), 5)
            writer.close()
            if answer.startswith(b"HTTP/1.1 200"):
                return 1
        except (OSError, TimeoutError):
            pass
        await asyncio.sleep(0.5)
    return 0


async def flood(port: int, idle_count: int, big_count: int, seconds: float) -> int:
    tasks = [asyncio.create_task(big_body(port, seconds)) for _ in range(big_count)]
    tasks += [asyncio.create_task(idle(port, seconds)) for _ in range(idle_count)]
    await asyncio.sleep(1.0)
    delivered = await asyncio.gather(*(legit(port, n) for n in range(10)))
    await asyncio.gather(*tasks)
    return sum(delivered)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--idle", type=int, default=1100)
    parser.add_argument("--big", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=15.0)
    args = parser.parse_args(argv)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, args.idle + 500)), hard))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    api = FakeBotApi().start()
    log_file = Path(tempfile.mkstemp(suffix=".log")[1])
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": "222222:flood-test", "TELEGRAM_API_BASE_URL": api.base_url,
           "WEBHOOK_URL": f"http://127.0.0.1:{port}/hook", "WEBHOOK_SECRET": SECRET, "PORT": str(port),
           "QUESTION_LOG": "off"}
    with log_file.open("wb") as out:
        # The bot gets the process's usual limit of 1,024 descriptors, as in the probe.
        proc = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=ROOT, env=env, stdout=out,
                                stderr=subprocess.STDOUT,
                                preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (1024, 1024)))
        deadline = time.monotonic() + 30
        while "Application started" not in log_file.read_text(errors="replace") and time.monotonic() < deadline:
            time.sleep(0.1)
        rss = PeakRss(proc.pid, interval=0.05)
        accepted = asyncio.run(flood(port, args.idle, args.big, args.seconds))
        deadline = time.monotonic() + 30
        while len({m["chat_id"] for m in api.sent()}) < 10 and time.monotonic() < deadline:
            time.sleep(0.1)
        rss.stop()
        proc.terminate()
        proc.wait(15)
    api.stop()
    answered = len({m["chat_id"] for m in api.sent()})
    print(f"flood: {args.big} x 99 MB bodies without the secret + {args.idle} idle connections "
          f"for {args.seconds:.0f} s")
    print(f"bot peak RSS {rss.peak_mb:.0f} MB (target < 300); legitimate updates accepted {accepted}/10, "
          f"answered {answered}/10; log {log_file.stat().st_size / 1024:.1f} KB (target < 5 MB)")
    log_file.unlink()
    return 0 if answered == 10 else 1


if __name__ == "__main__":
    sys.exit(main())
