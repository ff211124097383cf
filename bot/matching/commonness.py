"""How common a word is in general English: common words say little about what is asked.

IDF tells how well a word separates the facts of this knowledge base, but a word the base
never uses ("better", "work") is not thereby a sign of an off-topic question, while
"router" or "Skripal" is. The table ships with the package (see data/english_zipf.tsv).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent.parent / "data"
_TABLES = {"en": _DATA / "english_zipf.tsv", "ru": _DATA / "russian_zipf.tsv"}
RARE_ZIPF = 3.5  # at or below: a specific word, full weight
COMMON_ZIPF = 6.5  # at or above: an everyday word, FLOOR weight
FLOOR = 0.2


@lru_cache(maxsize=2)
def _zipf(lang: str) -> dict[str, float]:
    table = {}
    with _TABLES[lang].open(encoding="utf-8") as lines:
        for line in lines:
            if not line.startswith("#"):
                word, _, value = line.rstrip("\n").partition("\t")
                table[word] = float(value)
    return table


# English endings, and what the base form ends in: the table lists "keen", "categorize" and "fix",
# not "keenest", "categorised" or "fixable", which are no rarer for it; nor every British doubled l
# ("quarrelling" is as common as "quarrel").
_ENDINGS = (("lling", "l"), ("lled", "l"), ("iest", "y"), ("ier", "y"), ("ied", "y"), ("ies", "y"), ("ised", "ize"),
            ("ising", "izing"), ("ises", "izes"), ("isation", "ization"), ("est", ""), ("est", "e"), ("er", ""),
            ("er", "e"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("ly", ""),
            ("ise", "ize"), ("able", ""), ("able", "e"))


def zipf(word: str) -> float:
    """Zipf frequency of a lower-case word in its language (0 outside the 60,000 most common); an
    English word the table lacks takes the frequency of its base form ("keenest" that of "keen")."""
    russian = bool(word) and "\u0400" <= word[0] <= "\u04ff"
    table = _zipf("ru" if russian else "en")
    found = table.get(word, 0.0)
    if found or russian or len(word) < 5:
        return found
    found = max((table.get(word[: -len(end)] + base, 0.0) for end, base in _ENDINGS
                 if word.endswith(end) and len(word) - len(end) >= 3), default=0.0)
    # "unfixable" is as common for it as "fixable".
    return found or (zipf(word[2:]) if word.startswith("un") and len(word) >= 7 else 0.0)


def specificity(word: str, *, rare: float = RARE_ZIPF, common: float = COMMON_ZIPF, floor: float = FLOOR) -> float:
    """1.0 for words at most `rare` on the Zipf scale, falling linearly to `floor` at `common`."""
    z = zipf(word)
    if z <= rare:
        return 1.0
    if z >= common:
        return floor
    return 1.0 - (1.0 - floor) * (z - rare) / (common - rare)
