"""Environment -> frozen settings, validated once at start-up."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .questionlog import default_data_dir


class SettingsError(ValueError):
    """A setting is missing or malformed; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    token: str | None = None
    api_base_url: str | None = None  # e.g. http://127.0.0.1:8081/bot for a local Bot API server
    knowledge_path: str | None = None
    log_level: str = "INFO"
    webhook_url: str | None = None
    webhook_secret: str | None = None
    port: int = 8080
    questions_per_minute: int = 20  # per user; 0 turns the limit off
    data_dir: Path = field(default_factory=default_data_dir)  # where the question log lives
    question_log: bool = True
    retention_days: int = 90
    admin_user_ids: frozenset[int] = frozenset()

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env

        def get(name: str) -> str | None:
            value = env.get(name, "").strip()
            return value or None

        def secret(name: str) -> str | None:
            # NAME_FILE (Docker secrets) names a file holding the value; NAME itself wins when both are set.
            if get(name) or not get(f"{name}_FILE"):
                return get(name)
            try:
                return Path(get(f"{name}_FILE")).read_text(encoding="utf-8").strip() or None
            except OSError as exc:
                raise SettingsError(f"{name}_FILE: cannot read {get(f'{name}_FILE')}: {exc.strerror}") from None

        settings = cls(
            token=secret("TELEGRAM_BOT_TOKEN"),
            api_base_url=get("TELEGRAM_API_BASE_URL"),
            knowledge_path=get("KNOWLEDGE_PATH"),
            log_level=(get("LOG_LEVEL") or "INFO").upper(),
            webhook_url=get("WEBHOOK_URL"),
            webhook_secret=secret("WEBHOOK_SECRET"),
            port=_int(get("PORT"), "PORT", 8080, 1, 65535),
            questions_per_minute=_int(get("QUESTIONS_PER_MINUTE"), "QUESTIONS_PER_MINUTE", 20, 0, 10_000),
            data_dir=Path(get("DATA_DIR")) if get("DATA_DIR") else default_data_dir(dict(env)),
            question_log=_switch(get("QUESTION_LOG"), "QUESTION_LOG"),
            retention_days=_int(get("RETENTION_DAYS"), "RETENTION_DAYS", 90, 1, 3650),
            admin_user_ids=_ids(get("ADMIN_USER_IDS"), "ADMIN_USER_IDS"),
        )
        if settings.log_level not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
            raise SettingsError(
                f"LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL, not {settings.log_level!r}")
        if settings.webhook_url and not settings.webhook_secret:
            raise SettingsError("WEBHOOK_URL is set but WEBHOOK_SECRET is not: set a random secret token")
        if settings.webhook_secret and not _valid_secret(settings.webhook_secret):
            raise SettingsError("WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
        return settings


def _int(value: str | None, name: str, default: int, low: int, high: int) -> int:
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not {value!r}") from None
    if not low <= number <= high:
        raise SettingsError(f"{name} must be between {low} and {high}, not {number}")
    return number


def _switch(value: str | None, name: str) -> bool:
    if value is None or value.lower() in ("on", "1", "true", "yes"):
        return True
    if value.lower() in ("off", "0", "false", "no"):
        return False
    raise SettingsError(f"{name} must be on or off, not {value!r}")


def _ids(value: str | None, name: str) -> frozenset[int]:
    if value is None:
        return frozenset()
    try:
        return frozenset(int(part) for part in value.replace(" ", "").split(",") if part)
    except ValueError:
        raise SettingsError(f"{name} must be comma-separated Telegram user ids, not {value!r}") from None


def _valid_secret(secret: str) -> bool:
    return 0 < len(secret) <= 256 and all(c.isascii() and (c.isalnum() or c in "_-") for c in secret)
