"""The curator's reports from the question log: what went unanswered, what readers disliked, what nobody asks.

`python -m bot review [--days N] [--format text|json|yaml]` prints one of them; `/stats` in
Telegram shows a short summary to admins.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter, defaultdict
from typing import Any

import yaml
from rapidfuzz import fuzz

from .knowledge import Knowledge
from .matching.normalise import normalise

SIMILAR = 85  # rapidfuzz token_sort_ratio at which two unanswered questions count as one


def _since(days: int) -> str:
    return (dt.datetime.now(dt.UTC) - dt.timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%S")


def group_similar(questions: list[tuple[str, str | None]]) -> list[dict[str, Any]]:
    """(question, closest fact) pairs -> groups of near-duplicates, most frequent first."""
    groups: list[dict[str, Any]] = []
    for text, fact in questions:
        key = normalise(text)
        for group in groups:
            if fuzz.token_sort_ratio(key, group["key"]) >= SIMILAR:
                break
        else:
            group = {"key": key, "texts": Counter(), "facts": Counter()}
            groups.append(group)
        group["texts"][text] += 1
        if fact:
            group["facts"][fact] += 1
    result = [{"question": g["texts"].most_common(1)[0][0], "count": sum(g["texts"].values()),
               "nearest_fact": g["facts"].most_common(1)[0][0] if g["facts"] else None} for g in groups]
    return sorted(result, key=lambda g: (-g["count"], g["question"]))


def report(db: sqlite3.Connection, knowledge: Knowledge, days: int) -> dict[str, Any]:
    """The review as one object (the shape `review --format json` prints)."""
    since = _since(days)
    rows = db.execute("SELECT id, question, answered, fact, decision FROM questions WHERE at >= ?",
                      (since,)).fetchall()
    unanswered = [(q, fact) for _, q, answered, fact, decision in rows if not answered and decision != "empty"]
    asked = {fact for _, _, answered, fact, _ in rows if answered and fact}
    votes = db.execute("SELECT v.fact, v.helpful, q.question FROM votes v LEFT JOIN questions q "
                       "ON q.id = v.question_id WHERE v.at >= ?", (since,)).fetchall()
    disliked: dict[str, list[str]] = defaultdict(list)
    for fact, helpful, question in votes:
        if not helpful:
            disliked[fact].append(question or "")
    return {
        "days": days,
        "questions": len(rows),
        "answered": sum(1 for r in rows if r[2]),
        "unanswered": group_similar(unanswered),
        "votes": {"helpful": sum(1 for v in votes if v[1]), "not_helpful": sum(1 for v in votes if not v[1])},
        "not_helpful": sorted(({"fact": fact, "count": len(qs), "questions": sorted(set(qs))}
                               for fact, qs in disliked.items()), key=lambda d: (-d["count"], d["fact"])),
        "never_asked": [f.id for f in knowledge.facts if f.id not in asked],
    }


def as_text(data: dict[str, Any]) -> str:
    lines = [f"Last {data['days']} days: {data['questions']} questions, {data['answered']} answered; "
             f"votes: {data['votes']['helpful']} helpful, {data['votes']['not_helpful']} not helpful.", ""]
    lines.append("Unanswered (most frequent first):" if data["unanswered"] else "Unanswered: none.")
    lines += [f"  {g['count']:4d}  {g['question']}   (nearest: {g['nearest_fact'] or '-'})" for g in data["unanswered"]]
    lines.append("")
    lines.append("Not helpful:" if data["not_helpful"] else "Not helpful: none.")
    for d in data["not_helpful"]:
        lines.append(f"  {d['count']:4d}  {d['fact']}")
        lines += [f"          after: {q}" for q in d["questions"]]
    lines.append("")
    lines.append(f"Never asked about ({len(data['never_asked'])}): " + ", ".join(data["never_asked"]))
    return "\n".join(lines)


def as_yaml(data: dict[str, Any]) -> str:
    """Proposed edits per fact: unanswered questions it may answer, and questions readers found its
    answer unhelpful for, which it may not answer at all."""
    proposals: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for group in data["unanswered"]:
        if group["nearest_fact"]:
            proposals[group["nearest_fact"]]["proposed_questions"].append(group["question"])
    for disliked in data["not_helpful"]:
        proposals[disliked["fact"]]["proposed_not_answered"] += [q for q in disliked["questions"] if q]
    header = ("# PROPOSALS for the curator, from readers' questions: check each one.\n"
              "# proposed_questions: add one to the fact's `questions` (or `questions_ru`) only if the fact\n"
              "#   answers it. One the article does not answer stays unanswered: add it to the article's\n"
              "#   `not_answered` file (named in article.yaml), and questions like it are refused more readily.\n"
              "# proposed_not_answered: readers found the fact's answer unhelpful for these. If the article\n"
              "#   does not answer one, add it to the fact's `not_answered`: asked again, verbatim or nearly,\n"
              "#   it is refused. If the article answers it elsewhere, add it to that fact's `questions`.\n")
    body = [{"fact": fact, **kinds} for fact, kinds in proposals.items()]
    return header + (yaml.safe_dump(body, allow_unicode=True, sort_keys=False) if body else "[]\n")


def render(data: dict[str, Any], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False)
    if fmt == "yaml":
        return as_yaml(data)
    return as_text(data)


def stats(db: sqlite3.Connection, top: int = 3) -> dict[str, Any]:
    """For /stats: questions and answer rate today and over 7 days, top topics, top unanswered."""
    today = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT00:00:00")
    week = _since(7)

    def count(since: str) -> tuple[int, int]:
        total, answered = db.execute("SELECT COUNT(*), COALESCE(SUM(answered), 0) FROM questions WHERE at >= ?",
                                     (since,)).fetchone()
        return total, answered

    topics = db.execute("SELECT fact, COUNT(*) FROM questions WHERE at >= ? AND answered = 1 GROUP BY fact "
                        "ORDER BY COUNT(*) DESC, fact LIMIT ?", (week, top)).fetchall()
    misses = db.execute("SELECT question, fact FROM questions WHERE at >= ? AND answered = 0 AND decision != 'empty'",
                        (week,)).fetchall()
    return {"today": count(today), "week": count(week), "topics": topics,
            "unanswered": [(g["question"], g["count"]) for g in group_similar(misses)[:top]]}
