"""The webhook server: the secret is checked before any body is read, nothing a stranger sends can exhaust it."""

from __future__ import annotations

import asyncio
import json
import logging

import pytest

from bot.telegram import webhook
from bot.telegram.webhook import WebhookServer

SECRET = "s3cret-token"
UPDATE = json.dumps({"update_id": 7, "message": {"message_id": 1, "date": 0, "chat": {"id": 1, "type": "private"},
                                                 "text": "hi"}}).encode()


@pytest.fixture
async def server(unused_tcp_port):
    got: list[dict] = []

    async def deliver(data: dict) -> None:
        got.append(data)

    hook = WebhookServer("/hook", SECRET, deliver, max_connections=20)
    await hook.start("127.0.0.1", unused_tcp_port)
    hook.port, hook.got = unused_tcp_port, got
    yield hook
    await hook.stop()


async def request(port: int, head: str, body: bytes = b"", *, read: bool = True) -> bytes:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(head.encode() + body)
    await writer.drain()
    answer = await asyncio.wait_for(reader.read(4096), 5) if read else b""
    writer.close()
    return answer


def post(length: int, secret: str | None = SECRET, path: str = "/hook") -> str:
    header = f"X-Telegram-Bot-Api-Secret-Token: {secret}\r\n" if secret is not None else ""
    return (f"POST {path} HTTP/1.1\r\nHost: x\r\n{header}Content-Type: application/json\r\n"
            f"Content-Length: {length}\r\n\r\n")


async def test_a_good_update_is_delivered(server):
    answer = await request(server.port, post(len(UPDATE)), UPDATE)
    assert answer.startswith(b"HTTP/1.1 200") and server.got == [json.loads(UPDATE)]


async def test_no_secret_is_refused_before_the_body_is_read(server):
    # Claims a 99 MB body and sends none of it: the answer comes at once, nothing is buffered.
    answer = await request(server.port, post(99 * 2**20, secret=None))
    assert answer.startswith(b"HTTP/1.1 403") and server.got == []
    assert (await request(server.port, post(len(UPDATE), secret="wrong"), UPDATE)).startswith(b"HTTP/1.1 403")


@pytest.mark.parametrize(("head", "status"), [
    (post(2 * 2**20), b"413"), (post(10, path="/other"), b"404"),
    ("GET /hook HTTP/1.1\r\nHost: x\r\n\r\n", b"405"), (post(5), b"400"),
])
async def test_what_is_not_a_small_update_is_refused(server, head, status):
    answer = await request(server.port, head, b"hello" if status == b"400" else b"")
    assert answer.startswith(b"HTTP/1.1 " + status) and server.got == []


async def test_idle_and_slow_connections_are_closed(server, monkeypatch):
    monkeypatch.setattr(webhook, "HEADER_SECONDS", 0.3)
    reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
    writer.write(b"POST /hook HTTP/1.1\r\n")  # and then nothing more
    assert await asyncio.wait_for(reader.read(100), 3) == b""  # closed by the server
    writer.close()


async def test_idle_connections_cannot_lock_out_an_update(server):
    idle = [await asyncio.open_connection("127.0.0.1", server.port) for _ in range(60)]  # cap is 20
    await asyncio.sleep(0.1)
    answer = await request(server.port, post(len(UPDATE)), UPDATE)
    assert answer.startswith(b"HTTP/1.1 200") and len(server.got) == 1
    for _, writer in idle:
        writer.close()


async def test_a_flood_is_logged_once_not_once_per_request(server, caplog):
    caplog.set_level(logging.WARNING, logger="bot.telegram.webhook")
    for _ in range(50):
        await request(server.port, post(10, secret="wrong"))
    lines = [r for r in caplog.records if "refused" in r.getMessage()]
    assert len(lines) == 1
