"""Per-user question limits and per-chat repeat suppression, with bounded memory.

Both keep at most `capacity` keys and forget the least recently seen first, so memory stays
flat however many users write to the bot.
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable
from enum import StrEnum


class Verdict(StrEnum):
    ALLOW = "allow"
    NOTIFY = "notify"  # over the limit: tell the user once
    DROP = "drop"  # over the limit and already told


class RateLimiter:
    """At most `limit` questions per user in any `window` seconds; one notice per excess."""

    def __init__(self, limit: int, window: float = 60.0, capacity: int = 10_000,
                 clock: Callable[[], float] = time.monotonic):
        self.limit, self.window, self.capacity, self._clock = limit, window, capacity, clock
        self._seen: OrderedDict[Hashable, tuple[deque[float], bool]] = OrderedDict()

    def check(self, user: Hashable) -> Verdict:
        if self.limit <= 0:
            return Verdict.ALLOW
        now = self._clock()
        stamps, notified = self._seen.pop(user, (deque(maxlen=self.limit), False))
        while stamps and now - stamps[0] >= self.window:
            stamps.popleft()
        if len(stamps) < self.limit:
            stamps.append(now)
            verdict, notified = Verdict.ALLOW, False
        else:
            verdict, notified = (Verdict.DROP, True) if notified else (Verdict.NOTIFY, True)
        self._remember(user, (stamps, notified))
        return verdict

    def _remember(self, key: Hashable, value: tuple[deque[float], bool]) -> None:
        self._seen[key] = value
        while len(self._seen) > self.capacity:
            self._seen.popitem(last=False)

    def __len__(self) -> int:
        return len(self._seen)


class RepeatFilter:
    """True the first time a (chat, question) pair is seen within `window` seconds."""

    def __init__(self, window: float = 60.0, capacity: int = 10_000, clock: Callable[[], float] = time.monotonic):
        self.window, self.capacity, self._clock = window, capacity, clock
        self._seen: OrderedDict[Hashable, float] = OrderedDict()

    def first(self, key: Hashable) -> bool:
        now = self._clock()
        last = self._seen.pop(key, None)
        if last is not None and now - last < self.window:
            self._seen[key] = last  # keep the first time: a repeat does not extend the window
            return False
        self._seen[key] = now
        while len(self._seen) > self.capacity:
            self._seen.popitem(last=False)
        return True

    def __len__(self) -> int:
        return len(self._seen)
