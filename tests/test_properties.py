"""Property-based tests: the normaliser and the matcher take any input without failing."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.matching.normalise import normalise

any_text = st.text(max_size=300)
hostile = st.one_of(any_text, st.sampled_from([
    "\x00", "\u202e\u200f\u200b", "🙂" * 50, "<script>alert(1)</script>", "{0} %s %(x)s {{}}", "Ǆ\u0301\u0327",
    "Когда заканчивается договор СНВ?", "新START条约何时到期", "\ud800".encode("utf-8", "surrogatepass").decode(
        "utf-8", "replace"),
]))
PROPS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPS
@given(hostile)
def test_normalise_never_raises_and_is_idempotent(text):
    once = normalise(text)
    assert normalise(once) == once
    assert once == once.strip() and "  " not in once


@PROPS
@given(hostile)
def test_matcher_never_raises_and_scores_within_0_100(engine, text):
    decision = engine.decide(text)
    assert 0 <= decision.score <= 100
    assert engine.reply(text).plain()


@PROPS
@given(hostile)
def test_matcher_is_deterministic(engine, text):
    assert engine.decide(text) == engine.decide(text)


@PROPS
@given(any_text, st.sampled_from([" ", "\t", "\n", "  \n "]))
def test_result_ignores_surrounding_whitespace_and_case(engine, text, pad):
    base = engine.decide(text)
    for variant in (pad + text + pad, text.upper(), text.lower()):
        other = engine.decide(variant)
        assert (other.kind, other.best and other.best.fact, other.score) == (
            base.kind, base.best and base.best.fact, base.score)
