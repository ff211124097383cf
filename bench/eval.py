"""Accuracy of the engine on an evaluation file, by the rules in that file's header.

    python -m bench.eval [QUESTIONS.yaml] [--include-ru] [--knowledge PATH]

expect: answer  -> correct iff answered AND the reply text contains one of any_of
                   (case-insensitive, curly quotes and dashes normalised, whitespace collapsed)
expect: abstain -> correct iff not answered
Categories `ru` and `ru_abstain` (Russian questions) are left out unless --include-ru.
DEV_SET names the dev file when it is not at ../shared/eval/dev.yaml.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.engine import Engine
from bot.knowledge import comparable

DEFAULT_QUESTIONS = Path(os.environ.get("DEV_SET") or
                         Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev.yaml")
ABSTAIN_CATEGORIES = ("offtopic", "nearscope", "sidebar")


@dataclass(frozen=True)
class Outcome:
    item: dict
    answered: bool
    text: str
    fact: str | None
    correct: bool


def _fold(text: str) -> str:
    return comparable(text).casefold()


def judge(item: dict, answered: bool, text: str) -> bool:
    if item["expect"] == "abstain":
        return not answered
    return answered and any(_fold(p) in _fold(text) for p in item.get("any_of", []))


def evaluate(engine: Engine, items: list[dict]) -> list[Outcome]:
    outcomes = []
    for item in items:
        reply = engine.reply(item["q"])
        text = reply.plain()
        outcomes.append(Outcome(item, reply.answered, text, reply.fact.id if reply.fact else None,
                                judge(item, reply.answered, text)))
    return outcomes


@dataclass(frozen=True)
class Summary:
    per_category: dict[str, tuple[int, int]]
    in_scope: tuple[int, int]
    abstention: tuple[int, int]
    overall: tuple[int, int]


def summarise(outcomes: list[Outcome]) -> Summary:
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    groups = {"in": [0, 0], "abstain": [0, 0], "all": [0, 0]}
    for o in outcomes:
        key = "abstain" if o.item["expect"] == "abstain" else "in"
        for bucket in (per[o.item.get("category", "?")], groups[key], groups["all"]):
            bucket[0] += o.correct
            bucket[1] += 1
    return Summary({k: tuple(v) for k, v in sorted(per.items())}, tuple(groups["in"]), tuple(groups["abstain"]),
                   tuple(groups["all"]))


def load_items(path: Path, include_ru: bool = False) -> list[dict]:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [i for i in items if include_ru or not str(i.get("category", "")).startswith("ru")]


def _pct(pair: tuple[int, int]) -> str:
    right, total = pair
    return f"{right:3d}/{total:<3d} {100 * right / total:5.1f}%" if total else "  -"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", nargs="?", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--include-ru", action="store_true", help="also score the Russian questions")
    parser.add_argument("--knowledge", help="knowledge file or folder")
    args = parser.parse_args(argv)
    engine = Engine.load(args.knowledge)
    outcomes = evaluate(engine, load_items(args.questions, args.include_ru))
    s = summarise(outcomes)
    print(f"evaluation of {args.questions}")
    for category, pair in s.per_category.items():
        print(f"  {category:<11} {_pct(pair)}")
    print(f"  {'in-scope':<11} {_pct(s.in_scope)}")
    print(f"  {'abstention':<11} {_pct(s.abstention)}")
    print(f"  {'overall':<11} {_pct(s.overall)}")
    failures = [o for o in outcomes if not o.correct]
    if failures:
        print("failures:")
    for o in failures:
        got = f"answered with {o.fact}" if o.answered else "abstained"
        print(f"  {o.item.get('id', '?')} [{o.item.get('category')}] expected {o.item['expect']}, {got}: {o.item['q']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
