"""A Telegram outage, on 127.0.0.1: does the bot lose answers, and does SIGTERM wait for it?

    python -m bench.outage [--seconds 60]

Starts the real bot against the fake Bot API, makes sendMessage fail with 502 for `--seconds`,
sends 10 questions during it, and reports how many were answered (and whether exactly once)
after the outage. Then starts a second outage, asks once more, and times SIGTERM.
"""

from __future__ import annotations

import argparse
import sys
import time

from tests.support.bot_process import BotProcess
from tests.support.fake_bot_api import FakeBotApi, Fault


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args(argv)
    api = FakeBotApi().start()
    process = BotProcess(api).wait_ready()
    try:
        start = time.monotonic()
        api.fail("sendMessage", Fault(status=502, description="Bad Gateway", until=start + args.seconds))
        chats = list(range(5001, 5011))
        for chat in chats:
            api.message("who wrote it", chat_id=chat)
        api.wait_for(count=10, timeout=args.seconds + 60)
        got = sorted(int(m["chat_id"]) for m in api.sent())
        print(f"{args.seconds:.0f} s outage: {len(set(got))}/10 answered, each exactly once: {got == chats}, "
              f"the last {time.monotonic() - start:.0f} s after it began")
        api.fail("sendMessage", Fault(status=502, description="Bad Gateway", until=time.monotonic() + 600))
        api.message("who wrote it", chat_id=5099)
        time.sleep(3)
        code, seconds = process.terminate(timeout=30)
        print(f"SIGTERM during an outage: exit code {code} after {seconds:.2f} s (target: within 10 s)")
        return 0 if got == chats and code == 0 and seconds < 10 else 1
    finally:
        process.remove()
        api.stop()


if __name__ == "__main__":
    sys.exit(main())
