"""Sending replies at most once: retry only what certainly failed, for a bounded time, never past shutdown.

Telegram has no idempotency key, so a request that timed out or was cut off mid-way may have
been carried out: sending it again could answer twice. Only a failure that certainly did not
take effect (an error answer, a connection never made, a 429) is retried.
"""

from __future__ import annotations

import asyncio
import logging
import time

import httpx
from telegram import Message
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter
from telegram.ext import ContextTypes

from .. import replies
from ..replies import Button
from .keyboards import inline_keyboard

log = logging.getLogger(__name__)

SEND_RETRY_SECONDS = 90.0  # keep retrying a send that certainly failed this long: rides out a 60 s outage
BACKOFF_SECONDS = 0.5  # doubled after each failed attempt, up to BACKOFF_MAX_SECONDS
BACKOFF_MAX_SECONDS = 5.0


async def send(context: ContextTypes.DEFAULT_TYPE, message: Message, reply: replies.Reply, *, quote: bool = False,
               extra: tuple[tuple[Button, ...], ...] = ()) -> None:
    """Send a reply as one or more HTML messages; buttons (and `extra` rows) go on the last one."""
    parts = reply.html()
    markup = inline_keyboard(reply, extra)
    for i, part in enumerate(parts):
        last, first = i == len(parts) - 1, i == 0
        sent = await send_once(context.application, lambda part=part, last=last, first=first: message.reply_text(
            part, reply_markup=markup if last else None, do_quote=quote and first))
        if not sent:
            return  # the rest of a split reply would make no sense without its start


def certainly_not_sent(exc: NetworkError) -> bool:
    """Whether a failed request certainly did not reach Telegram, so that sending again cannot duplicate it.

    Telegram answered with an error status (no transport error underneath), or the connection
    was never made (refused, connect timeout, no free connection in the pool). A read or write
    timeout, or a connection dropped mid-request, is ambiguous: the message may have been sent.
    """
    cause = exc.__cause__
    return cause is None or isinstance(cause, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)


async def send_once(app, call) -> bool:
    """Deliver one message at most once: retry only what certainly failed, for SEND_RETRY_SECONDS,
    and stop retrying as soon as the bot is shutting down. True when delivered."""
    # Not worth retrying: the user blocked the bot (Forbidden), the request itself is wrong
    # (BadRequest). 429s are retried by AIORateLimiter; one that still gets here waits its delay.
    deadline = time.monotonic() + SEND_RETRY_SECONDS
    delay, attempt = BACKOFF_SECONDS, 0
    while True:
        attempt += 1
        try:
            await call()
            return True
        except Forbidden as exc:
            log.info("not delivered, the user blocked the bot or left: %s", exc.message)
            return False
        except BadRequest:
            raise
        except RetryAfter as exc:
            wait = _seconds(exc.retry_after)
        except NetworkError as exc:  # TimedOut included
            if not certainly_not_sent(exc):
                log.warning("send timed out or was cut off (%s): delivered or lost, not sent again to avoid "
                            "a duplicate", exc.__class__.__name__)
                return False
            wait = delay
            delay = min(delay * 2, BACKOFF_MAX_SECONDS)
            log.warning("send failed (%s), retry %d in %.1fs", exc.__class__.__name__, attempt, wait)
        if time.monotonic() + wait > deadline:
            log.error("not delivered: Telegram unreachable for %.0f s", SEND_RETRY_SECONDS)
            return False
        if not await _sleep_unless_stopping(app, wait):
            log.warning("not delivered: the bot is shutting down")
            return False


async def _sleep_unless_stopping(app, seconds: float) -> bool:
    """Sleep; False as soon as the application starts stopping (so SIGTERM is not held up)."""
    end = time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        if app is not None and not app.running:
            return False
        await asyncio.sleep(min(0.2, left))
    return app is None or app.running


def _seconds(value) -> float:
    return value.total_seconds() if hasattr(value, "total_seconds") else float(value)
