"""Shared fixtures: one engine for the whole run (the index is immutable, so sharing is safe)."""

from __future__ import annotations

import pytest

from bot.engine import Engine


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.load()
