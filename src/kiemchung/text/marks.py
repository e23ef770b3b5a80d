"""The parts of a text that change from one issue of a recurring format to the next.

A daily weather bulletin, a ministry's case count, a contest's entries or a TV show's
episodes share most of their wording: near-duplicate detection sees one story. What tells
two issues apart are their numbers, dates and names. ``marks`` collects them (numbers
without thousands separators; capitalised words that do not open a sentence, accent-free
and case-folded) and ``agree`` says whether two texts' marks are compatible with being
copies of one story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiemchung.text.normalize import ascii_key

__all__ = ["Marks", "agree", "marks"]

MIN_MARKS = 2  # fewer numbers (or names) than this in either text: nothing to compare
MIN_AGREEMENT = 0.5  # share of the smaller text's marks the other must hold

_NUMBER_RE = re.compile(r"\d+(?:[.,/:-]\d+)*")
_NAME_RE = re.compile(r"(?<![\w])[^\W\d_][^\W_]*", re.UNICODE)
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;…\n\"“(\[-]\s*)$")


@dataclass(frozen=True, slots=True)
class Marks:
    numbers: frozenset[str]
    names: frozenset[str]


def marks(text: str) -> Marks:
    numbers = frozenset(_NUMBER_RE.sub(lambda m: m.group().replace(".", "").replace(",", ""), n)
                        for n in _NUMBER_RE.findall(text))  # fmt: skip
    names = set()
    for match in _NAME_RE.finditer(text):
        word = match.group()
        if not word[0].isupper():
            continue
        before = text[max(0, match.start() - 3) : match.start()]
        if _SENTENCE_START_RE.search(before) or (word.isupper() and len(word) > 1 and
                                                 _all_caps_run(text, match)):  # fmt: skip
            continue
        names.add(ascii_key(word))
    return Marks(numbers, frozenset(names))


def _all_caps_run(text: str, match: re.Match[str]) -> bool:
    """A word in a shouted run ("CHIA SẺ NGAY"): shouting, not a name."""
    neighbours = text[max(0, match.start() - 12) : match.end() + 12].split()
    return sum(1 for w in neighbours if w.isupper() and len(w) > 1) >= 3


def _agreement(a: frozenset[str], b: frozenset[str]) -> float | None:
    smaller = min(len(a), len(b))
    if smaller < MIN_MARKS:
        return None
    return len(a & b) / smaller


def agree(a: Marks, b: Marks) -> bool:
    """False when the numbers, or the names, of two texts mostly differ."""
    for mine, theirs in ((a.numbers, b.numbers), (a.names, b.names)):
        share = _agreement(mine, theirs)
        if share is not None and share < MIN_AGREEMENT:
            return False
    return True
