"""Logging set-up: one format, the token never printed, chatty libraries kept quiet."""

from __future__ import annotations

import logging
import sys

REDACTED = "[redacted-token]"


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then removes every occurrence of the secrets, tracebacks included."""

    def __init__(self, fmt: str, secrets: tuple[str, ...]):
        super().__init__(fmt)
        self._secrets = tuple(s for s in secrets if s)

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text


class StartupRetries(logging.Filter):
    """Shows python-telegram-bot's start-up retries (logged at DEBUG) as WARNINGs with the count,
    so an unreachable Telegram is visible at INFO; everything else below `level` is dropped."""

    def __init__(self, level: int):
        super().__init__()
        self.level = level

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args if isinstance(record.args, tuple) else ()
        if record.name == "telegram.ext" and len(args) == 3 and "Bootstrap" in str(args[0]) \
                and "Retrying" in str(record.msg):
            attempt = args[1]
            record.msg, record.args = "Telegram cannot be reached at start-up (attempt %s failed), retrying", (attempt,)
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return record.levelno >= self.level


def configure(level: str = "INFO", secrets: tuple[str | None, ...] = ()) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s",
                                            tuple(s for s in secrets if s)))
    handler.addFilter(StartupRetries(logging.getLevelName(level)))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("telegram.ext").setLevel(logging.DEBUG)  # its retry records reach the filter above
    # httpx logs every request URL at INFO, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
