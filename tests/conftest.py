"""Shared fixtures: one engine for the whole run (the index is immutable, so sharing is safe), and
factories for the fake Bot API server and the bot process that clean up after each test."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from bot.engine import Engine

from .support.bot_process import BotProcess
from .support.fake_bot_api import FakeBotApi


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.load()


@pytest.fixture(scope="session")
def lexical_engine() -> Engine:
    """The engine without the embedding model, as on a platform where it cannot load."""
    return Engine.load(embedder=None)


@pytest.fixture
def fake_api() -> Iterator[Callable[[], FakeBotApi]]:
    """Starts fake Bot API servers on demand; each is stopped when the test ends."""
    servers: list[FakeBotApi] = []

    def start() -> FakeBotApi:
        servers.append(FakeBotApi().start())
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def start_bot() -> Iterator[Callable[..., BotProcess]]:
    """Starts `python -m bot run` against a fake Bot API; whatever is still running at the end gets SIGTERM."""
    processes: list[BotProcess] = []

    def start(api: FakeBotApi, **env: str) -> BotProcess:
        processes.append(BotProcess(api, **env))
        return processes[-1]

    yield start
    for process in processes:
        process.remove()
