"""Questions about the article's parts by their place: "what's the last part about", "summarize section 3",
"о чём первая часть", and its outline ("what are the sections", "table of contents").

A part named by its place is one of the article's sections in the order the text gives them; asked
nothing more than what it says, its answer is the section's overview. Matched on its words, "part" met
"What series is this paper part of?" (the publisher, 0.91 for "what is part 4 about").
"""

from __future__ import annotations

import re

from .normalise import STOP_WORDS, TEXT_NOUNS
from .whole import SAYING

_ORDINALS_EN = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "sixth": 5, "seventh": 6,
                "eighth": 7, "ninth": 8, "tenth": 9, "opening": 0, "introductory": 0,
                "last": -1, "final": -1, "closing": -1, "concluding": -1}
_NUMBERS_EN = {"one": 0, "two": 1, "three": 2, "four": 3, "five": 4, "six": 5, "seven": 6, "eight": 7, "nine": 8,
               "ten": 9}
# Russian ordinals by stem: any case form ("первой части", "в последнем разделе").
_ORDINALS_RU = (("перв", 0), ("втор", 1), ("трет", 2), ("четверт", 3), ("пят", 4), ("шест", 5),
                ("седьм", 6), ("восьм", 7), ("девят", 8), ("десят", 9), ("последн", -1), ("заключительн", -1))
_PART_EN = r"(?:part|section|chapter)"
_PART_RU = r"(?:част|раздел|глав)\w*"
_ORDINAL_PART = re.compile(
    rf"\b(?P<ordinal>{'|'.join(_ORDINALS_EN)}|\d+(?:st|nd|rd|th)) {_PART_EN}\b"
    rf"|\b{_PART_EN} (?P<number>\d+|{'|'.join(_NUMBERS_EN)})\b"
    rf"|(?<!\w)(?P<ordinal_ru>(?:{'|'.join(stem for stem, _ in _ORDINALS_RU)})\w*) {_PART_RU}(?!\w)"
    rf"|(?<!\w){_PART_RU} (?P<number_ru>\d+)(?!\w)")

# What a part is asked, when nothing more: what it says, in brief, in the words that ask it of the whole text ("what's
# the last part about", "sum up part 2"), or what it covers; not who wrote it, when or why ("who wrote the last part").
_SAYS = SAYING | frozenset("cover covers covered discuss discusses content contents deal deals пишется".split())
_ASKING_ELSE = frozenset("who whom whose when where why which кто кого чей когда где почему зачем сколько".split())
_ASKING_WHAT_IT_SAYS = (STOP_WORDS | _SAYS) - _ASKING_ELSE

# "what are the sections", "table of contents", "how is the article structured", "из каких частей статья".
_OUTLINE = re.compile(r"\b(?:table of contents|outline|structure|structured|sections|parts|chapters)\b"
                      r"|(?<!\w)(?:оглавление|содержание|структура|структуру|части|частей|разделы|разделов)(?!\w)")

_MADE_OF = frozenset("many consist consists divided split каких состоит разделена разделен".split())


def asked_part(normalised: str) -> int | None:
    """The place of the part a question asks about, counted from 0 (-1 for the last), when it asks nothing
    more than what that part says; else None ("what does the last part say about NATO" asks about NATO)."""
    found = _ORDINAL_PART.search(normalised)
    if found is None:
        return None
    rest = (normalised[:found.start()] + " " + normalised[found.end():]).split()
    if not set(rest) <= _ASKING_WHAT_IT_SAYS:
        return None
    if word := found.group("ordinal_ru"):
        return next(place for stem, place in _ORDINALS_RU if word.startswith(stem))
    word = found.group("ordinal") or found.group("number") or found.group("number_ru")
    counted = _ORDINALS_EN.get(word, _NUMBERS_EN.get(word))
    if counted is not None:
        return counted
    number = int(re.match(r"\d+", word).group(0))
    return number - 1 if number else None  # "part 0" is no part


def asks_for_the_outline(normalised: str) -> bool:
    """Whether a question asks what parts the article has ("table of contents", "what are the sections"), and
    nothing more ("what is the structure of NATO" asks about NATO)."""
    return (_OUTLINE.search(normalised) is not None
            and set(_OUTLINE.sub(" ", normalised).split()) <= (STOP_WORDS | TEXT_NOUNS | _MADE_OF) - _ASKING_ELSE)
