"""The public "Has this been checked?" search, over every fact-check we hold.

It asks the claim matcher (``kiemchung.claims.matching_service``), so a query is
normalised exactly as claims are: case, tone-mark style and diacritics do not matter
("tiem vac xin" finds "tiêm vắc xin"). A result is kept when the matcher suggests or
confirms it, or when it holds every word of the query (a few keywords are too short for
the matcher to call a match, yet plainly what the person looks for).
"""

from __future__ import annotations

from dataclasses import dataclass

from kiemchung.claims.matching_service import NONE, match_text
from kiemchung.claims.models import FactCheck
from kiemchung.matching.lexicon import is_stop
from kiemchung.text.normalize import ascii_key
from kiemchung.text.tokens import syllables

MAX_QUERY_CHARS = 500
MAX_RESULTS = 20


@dataclass(frozen=True)
class Hit:
    factcheck: FactCheck
    score: float
    decision: str


def search_factchecks(query: str, limit: int = MAX_RESULTS) -> list[Hit]:
    """Fact-checks (ours and imported) about ``query``, best first."""
    query = query.strip()[:MAX_QUERY_CHARS]
    if not query:
        return []
    results = match_text(query, top_k=limit)
    checks = FactCheck.objects.select_related("case").in_bulk([r.id for r in results])
    words = query_words(query)
    return [
        Hit(checks[r.id], r.score, r.decision)
        for r in results
        if r.id in checks and (r.decision != NONE or words <= text_words(r.claim))
    ]


def query_words(query: str) -> set[str]:
    """The accent-free words of a query, without stop words (unless that is all)."""
    words = set(syllables(ascii_key(query)))
    meaningful = {word for word in words if not is_stop(word)}
    return meaningful or words


def text_words(text: str) -> set[str]:
    return set(syllables(ascii_key(text)))
