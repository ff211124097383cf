"""Per-user limits and group repeat suppression keep bounded memory."""

from __future__ import annotations

from bot.telegram.guards import RateLimiter, RepeatFilter, Verdict


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_rate_limit_allows_the_limit_then_notifies_once_then_drops():
    clock = Clock()
    limiter = RateLimiter(3, window=60, clock=clock)
    verdicts = [limiter.check("u") for _ in range(6)]
    assert verdicts == [Verdict.ALLOW] * 3 + [Verdict.NOTIFY, Verdict.DROP, Verdict.DROP]
    clock.now = 61
    assert limiter.check("u") is Verdict.ALLOW
    assert limiter.check("other") is Verdict.ALLOW


def test_rate_limit_state_stays_bounded_as_users_grow():
    limiter = RateLimiter(20, capacity=1000)
    for user in range(50_000):
        limiter.check(user)
    assert len(limiter) == 1000


def test_repeat_filter_suppresses_within_the_window_only():
    clock = Clock()
    repeats = RepeatFilter(window=60, clock=clock)
    assert repeats.first(("chat", "q")) is True
    clock.now = 30
    assert repeats.first(("chat", "q")) is False
    assert repeats.first(("other chat", "q")) is True
    clock.now = 61
    assert repeats.first(("chat", "q")) is True


def test_repeat_filter_is_bounded():
    repeats = RepeatFilter(capacity=100)
    for n in range(10_000):
        repeats.first((n, "q"))
    assert len(repeats) == 100
