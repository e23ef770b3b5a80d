"""One text made ready for matching: cleaned, keyed, tokenised, with its guard facts.

``prepare(text)`` runs once per text (the index caches it per claim). Steps:

1. Clean: NFC; URLs, hashtags, @mentions, emoji and calls to action ("chia sẻ
   ngay", "NÓNG:", "mọi người chú ý") removed. The cleaned text is what the
   embedder reads.
2. Keys and syllables from ``kiemchung.text``; abbreviations and variants expanded
   (TP.HCM → thành phố hồ chí minh, UBND, CSGT, BHXH, ko → không, ngàn → nghìn).
3. Quantities rewritten as canonical tokens (``quantities``), so "5.000đ" and
   "5 nghìn đồng" share the token "5000".
4. Accent-free tokens for lexical comparison, their weights (function syllables
   count a quarter), and character n-grams.
5. Guard facts: quantities, places, negation clauses, number of content syllables.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from kiemchung.matching.lexicon import ABBREVIATIONS, NOISE_PATTERNS, is_stop
from kiemchung.matching.negation import Site, negation_sites
from kiemchung.matching.places import find_places
from kiemchung.matching.quantities import Quantity, parse
from kiemchung.text.langid import detect
from kiemchung.text.normalize import ascii_key, has_diacritics, match_key
from kiemchung.text.tokens import syllables

__all__ = ["STOP_WEIGHT", "Prepared", "clean", "expand", "prepare"]

STOP_WEIGHT = 0.25
CHAR_NGRAMS = (3, 4)
_MAX_CHARS = 2000

_URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_TAG_RE = re.compile(r"[#@][^\s#@]+")
_NOISE_RE = re.compile("|".join(f"(?:{p})" for p in NOISE_PATTERNS), re.IGNORECASE)
_REPEATED_PUNCT_RE = re.compile(r"([!?.])\1+")
_SPACES_RE = re.compile(r"\s+")
_EDGE_PUNCT = " \t:;,-–—|"
# Emoji, pictographs, dingbats, arrows, geometric shapes, variation selectors, joiners.
_SYMBOLS_RE = re.compile(
    "[\u2190-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2900-\u297f\u2b00-\u2bff"
    "\u200d\ufe00-\ufe0f\U0001f000-\U0001faff\U000e0000-\U000e007f]"
)
_CLAUSE_RE = re.compile(r"(?<=[.!?;:,])\s+|\n")


def clean(text: str) -> str:
    """``text`` without URLs, tags, emoji and calls to action; spacing collapsed."""
    text = unicodedata.normalize("NFC", text[:_MAX_CHARS])
    text = _URL_RE.sub(" ", text)
    text = _TAG_RE.sub(" ", text)
    text = _SYMBOLS_RE.sub(" ", text)
    text = _NOISE_RE.sub(" ", text)
    text = _REPEATED_PUNCT_RE.sub(r"\1", text)
    return _SPACES_RE.sub(" ", text).strip(_EDGE_PUNCT)


def expand(tokens: list[str]) -> list[str]:
    """Tokens with abbreviations and spelling variants rewritten (``lexicon``)."""
    expanded: list[str] = []
    for token in tokens:
        replacement = ABBREVIATIONS.get(token)
        if replacement is None:
            expanded.append(token)
        else:
            expanded.extend(replacement.split())
    return expanded


@dataclass(frozen=True, slots=True)
class Clause:
    """The expanded match-key tokens of one clause, and whether it asks a question."""

    tokens: tuple[str, ...]
    question: bool


def _clauses(key: str) -> tuple[Clause, ...]:
    parts = [part.strip() for part in _CLAUSE_RE.split(key)]
    return tuple(
        Clause(tuple(expand(syllables(part))), part.endswith("?")) for part in parts if part
    )


def _char_grams(plain: str) -> dict[str, float]:
    """L2-normalised counts of character n-grams of the accent-free token string."""
    padded = f" {plain} "
    low, high = CHAR_NGRAMS
    counts = Counter(
        padded[i : i + n] for n in range(low, high + 1) for i in range(len(padded) - n + 1)
    )
    norm = math.sqrt(sum(v * v for v in counts.values())) or 1.0
    return {gram: count / norm for gram, count in counts.items()}


@dataclass(frozen=True)
class Prepared:
    """Everything the scorer and the guards need about one text."""

    raw: str
    text: str
    accented: bool
    clauses: tuple[Clause, ...]
    tokens: tuple[str, ...]
    quantities: tuple[Quantity, ...]

    @cached_property
    def plain(self) -> tuple[str, ...]:
        """Accent-free canonical tokens."""
        if not self.tokens:
            return ()
        return tuple(ascii_key(" ".join(self.tokens)).split(" "))

    @cached_property
    def weights(self) -> dict[str, float]:
        """Each distinct accent-free token and its weight (judged with diacritics)."""
        weights: dict[str, float] = {}
        for token, plain in zip(self.tokens, self.plain, strict=True):
            weight = STOP_WEIGHT if is_stop(token) else 1.0
            weights[plain] = max(weight, weights.get(plain, 0.0))
        return weights

    @cached_property
    def total_weight(self) -> float:
        return sum(self.weights.values())

    @cached_property
    def grams(self) -> dict[str, float]:
        return _char_grams(" ".join(self.plain))

    @cached_property
    def content_syllables(self) -> int:
        return sum(1 for weight in self.weights.values() if weight == 1.0)

    @cached_property
    def places(self) -> frozenset[str]:
        return find_places(self.text)

    @cached_property
    def match_tokens(self) -> frozenset[str]:
        """Distinct match-key tokens (with diacritics), for negation hints."""
        return frozenset(t for clause in self.clauses for t in clause.tokens)

    @cached_property
    def plain_vietnamese(self) -> bool:
        """Vietnamese typed without diacritics (the embedder reads it poorly)."""
        return not self.accented and detect(self.text).code == "vi-noaccent"

    @cached_property
    def negations(self) -> list[Site]:
        """Negation sites, reading ambiguous accent-free syllables by their patterns."""
        return self.negation_sites(None)

    def negation_sites(self, hints: dict[str, bool] | None) -> list[Site]:
        clauses = [(c.tokens, c.question) for c in self.clauses]
        return negation_sites(clauses, self.accented, hints)


def prepare(text: str) -> Prepared:
    """Clean and analyse ``text`` (see the module docstring)."""
    cleaned = clean(text)
    accented = has_diacritics(cleaned)
    clauses = _clauses(match_key(cleaned))
    flat = [t for clause in clauses for t in clause.tokens]
    tokens, quantities = parse(flat, accented)
    return Prepared(
        raw=text,
        text=cleaned,
        accented=accented,
        clauses=clauses,
        tokens=tuple(tokens),
        quantities=tuple(quantities),
    )
