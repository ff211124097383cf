"""Bot API faults, hostile input at every door, secrets, shutdown: nothing lost, no crash, no leak."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .support.bot_process import FAKE_TOKEN
from .support.fake_bot_api import Fault
from .support.telegram_html import problems

ROOT = Path(__file__).resolve().parent.parent

HOSTILE = [
    "", "   \t ", "x" * 100_000, "who wrote it\x00\x01\x02\x1b[31m", "\u202ewho wrote it\u200f\u200b\ufeff",
    "🙂🔥🇺🇦", "<script>alert('x')</script> <b>bold</b> & co", "{0} {question} %s %(x)d {{}} ${HOME}",
    "Когда заканчивается договор о СНВ?", "新START条约什么时候到期？", "\\n\\r\\t", "' OR 1=1; --",
]


def test_bot_api_faults_lose_no_question_and_answer_each_once(fake_api, start_bot):
    api = fake_api()
    process = start_bot(api).wait_ready()
    api.fail("getUpdates", Fault(status=502, description="Bad Gateway"))
    api.fail("getUpdates", Fault(status=0))  # connection dropped while polling
    api.fail("sendMessage", Fault(status=500, times=2))
    api.fail("sendMessage", Fault(status=429, retry_after=1, description="Too Many Requests: retry after 1"))
    api.fail("sendMessage", Fault(status=503, delay=1.0))  # a slow error answer
    chats = list(range(2001, 2011))
    for chat in chats:
        api.message("When does New START expire?", chat_id=chat)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len({m["chat_id"] for m in api.sent()}) < len(chats):
        time.sleep(0.1)
    answered = [m["chat_id"] for m in api.sent()]
    assert sorted(answered) == sorted(str(c) for c in chats), process.log()  # each once, none lost
    assert all("February 2026" in m["text"] and problems(m["text"]) == [] for m in api.sent())
    assert process.proc.poll() is None  # still running
    code, _ = process.terminate()
    log = process.log()
    assert code == 0, log
    assert "polling failed" in log and "send failed" in log and "Rate limit hit" in log  # the faults did happen
    assert FAKE_TOKEN not in log and FAKE_TOKEN.split(":")[1] not in log


def test_rejected_token_exits_2_without_printing_it(fake_api, start_bot):
    api = fake_api()
    api.fail("getMe", Fault(status=401, description="Unauthorized", times=100))
    process = start_bot(api)
    code = process.proc.wait(30)
    log = process.log()
    assert code == 2 and "Telegram rejected TELEGRAM_BOT_TOKEN" in log
    assert FAKE_TOKEN.split(":")[1] not in log  # PTB's own message contains it: the logger redacts it


def test_api_down_at_start_up_is_waited_out(fake_api, start_bot):
    api = fake_api()
    api.fail("getMe", Fault(status=502, description="Bad Gateway", times=2))
    process = start_bot(api)
    process.wait_ready(timeout=30)
    api.message("who wrote it", chat_id=3101)
    assert "Zhao Huasheng" in api.wait_for(chat_id="3101")[0]["text"]
    code, _ = process.terminate()
    assert code == 0
    log = process.log()  # visible at the default INFO level, with the attempt count
    assert "WARNING telegram.ext: Telegram cannot be reached at start-up (attempt 1 failed), retrying" in log, log
    assert " DEBUG " not in log


def test_slow_api_that_carries_out_the_send_gets_each_answer_exactly_once(fake_api, start_bot):
    # Telegram sends the message but answers after 7 s (PTB's default read timeout is 5 s):
    # a blind retry would answer 3-4 times.
    api = fake_api()
    process = start_bot(api).wait_ready()
    api.fail("sendMessage", Fault(status=200, processed=True, delay=7.0, times=10))
    chats = list(range(2101, 2111))
    for chat in chats:
        api.message("When does New START expire?", chat_id=chat)
    api.wait_for(count=10, timeout=40)
    time.sleep(8)  # time for any retry to land
    assert sorted(int(m["chat_id"]) for m in api.sent()) == chats, process.log()


def test_an_outage_is_ridden_out_without_loss_and_sigterm_during_one_exits_fast(fake_api, start_bot):
    api = fake_api()
    process = start_bot(api).wait_ready()
    # 25 s of 502s (Telegram down, nothing carried out): every answer arrives after it.
    api.fail("sendMessage", Fault(status=502, description="Bad Gateway", until=time.monotonic() + 25))
    chats = list(range(2201, 2206))
    for chat in chats:
        api.message("who wrote it", chat_id=chat)
    api.wait_for(count=5, timeout=60)
    assert sorted(int(m["chat_id"]) for m in api.sent()) == chats
    # Another outage, and SIGTERM in the middle of it: the retry loop lets go at once.
    api.fail("sendMessage", Fault(status=502, description="Bad Gateway", until=time.monotonic() + 120))
    seen = len(process.log())
    api.message("who wrote it", chat_id=2299)
    deadline = time.monotonic() + 10
    while "send failed" not in process.log()[seen:] and time.monotonic() < deadline:
        time.sleep(0.05)
    code, seconds = process.terminate(timeout=20)
    assert code == 0 and seconds < 10, (seconds, process.log())
    assert "not delivered: the bot is shutting down" in process.log()


def test_the_send_policy_retries_only_what_certainly_was_not_sent():
    import asyncio

    import httpx
    from telegram.error import NetworkError, TimedOut

    from bot.telegram import sending

    def failing(errors):
        calls = []

        async def call():
            calls.append(1)
            if errors:
                raise errors.pop(0)
        return call, calls

    def raised(error, cause):
        try:
            raise error from cause
        except NetworkError as exc:
            return exc

    ambiguous, count = failing([raised(TimedOut(), httpx.ReadTimeout("read"))])
    assert asyncio.run(sending.send_once(None, ambiguous)) is False and len(count) == 1
    cut_off, count = failing([raised(NetworkError("x"), httpx.RemoteProtocolError("dropped"))])
    assert asyncio.run(sending.send_once(None, cut_off)) is False and len(count) == 1
    refused, count = failing([raised(NetworkError("x"), httpx.ConnectError("refused")), NetworkError("Bad Gateway")])
    assert asyncio.run(sending.send_once(None, refused)) is True and len(count) == 3


def test_blocked_user_does_not_stop_answers_to_others(fake_api, start_bot):
    api = fake_api()
    process = start_bot(api).wait_ready()
    api.fail("sendMessage", Fault(status=403, description="Forbidden: bot was blocked by the user"))
    api.message("who wrote it", chat_id=3001)
    deadline = time.monotonic() + 10
    while "not delivered, the user blocked the bot" not in process.log() and time.monotonic() < deadline:
        time.sleep(0.05)
    api.message("who wrote it", chat_id=3002)
    (sent,) = api.wait_for(chat_id="3002")
    assert "Zhao Huasheng" in sent["text"]
    time.sleep(0.5)
    assert api.sent(chat_id="3001") == []  # not retried: the user blocked the bot


def test_sigterm_finishes_the_answer_in_flight_and_exits_0(fake_api, start_bot):
    api = fake_api()
    process = start_bot(api).wait_ready()
    api.fail("sendMessage", Fault(status=200, delay=1.5))  # a slow send is in flight at SIGTERM
    api.message("who wrote it", chat_id=4001)
    deadline = time.monotonic() + 10
    while "question chat=private" not in process.log() and time.monotonic() < deadline:
        time.sleep(0.02)
    code, seconds = process.terminate()
    assert code == 0 and seconds < 10, process.log()
    assert len(api.sent(chat_id="4001")) == 1


def test_hostile_input_through_telegram_gets_a_reply_and_no_crash(fake_api, start_bot):
    api = fake_api()
    process = start_bot(api, QUESTIONS_PER_MINUTE="0").wait_ready()
    texts = [t for t in HOSTILE if t.strip()]  # Telegram never delivers an empty text message
    for n, text in enumerate(texts):
        api.message(text, chat_id=5000 + n)
    api.wait_for(count=len(texts), timeout=30)
    for params in api.sent():
        assert problems(params["text"]) == [], params["text"]
    assert "<script>" not in "".join(p["text"] for p in api.sent())
    assert process.proc.poll() is None
    code, _ = process.terminate()
    assert code == 0 and "Traceback" not in process.log()


def _bot(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, cwd=ROOT,
                          timeout=120)


def test_hostile_input_through_ask_json_gives_one_object_per_line():
    stdin = b"\n".join(t.replace("\n", " ").encode("utf-8", "surrogatepass") for t in HOSTILE) + b"\n\xff\xfe\x00\n"
    result = _bot("ask", "--json", "-", stdin=stdin)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.decode().split("\n") if line]
    assert len(records) == len(HOSTILE) + 1
    assert all(0 <= r["score"] <= 100 and r["text"] for r in records)


@pytest.mark.parametrize("text", [t for t in HOSTILE if "\x00" not in t])  # argv cannot carry NUL
def test_hostile_input_through_ask(text):
    result = _bot("ask", text)
    assert result.returncode == 0 and result.stdout and not result.stderr


def test_hostile_input_through_the_terminal_chat():
    stdin = "\n".join(t.replace("\n", " ") for t in HOSTILE).encode("utf-8", "surrogatepass") + b"\n\xff\xfe bad\n"
    result = _bot("chat", stdin=stdin)
    assert result.returncode == 0 and not result.stderr
    assert result.stdout.decode().count("> ") >= len(HOSTILE) + 1
