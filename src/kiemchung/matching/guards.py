"""Reasons a match must not be confirmed automatically, whatever its score.

Embeddings and word overlap both score "X" and "X is not true" or "fined 6 million"
and "fined 600 thousand" as near-identical. These checks catch what a score cannot:

- ``negation``: the texts negate a different number of times ("chữa khỏi" /
  "không chữa khỏi"), or one says the opposite word ("tăng" / "giảm"); see
  ``negation`` for what counts;
- ``number``: amounts, counts, percentages, ratios or scores disagree ("5.000đ" =
  "5 nghìn đồng", but not "6 triệu" / "600 nghìn"; "tăng gấp đôi" / "tăng 50%");
- ``date``: dates or clock times disagree ("30/9" fits "30/9/2024", not "30/10";
  "15h30" = "15:30");
- ``place``: the places named disagree ("Hà Nội" / "TP.HCM"; "Cầu Giấy" fits "Hà Nội");
- ``too_short``: either text has fewer than four content syllables, too little to
  tell two claims apart.

One side without numbers, dates or places agrees with the other (a paraphrase may
leave them out); ``quantities.compatible`` and ``places.compatible_places`` say when
both sides have some.
"""

from __future__ import annotations

from kiemchung.matching.negation import Site, antonym_swap, hint_readings, relevant
from kiemchung.matching.places import compatible_places
from kiemchung.matching.prepare import Prepared, prepare
from kiemchung.matching.quantities import Quantity, compatible

__all__ = [
    "MIN_CONTENT_SYLLABLES",
    "REASONS",
    "guard_reasons",
    "guard_reasons_prepared",
]

MIN_CONTENT_SYLLABLES = 4
REASONS = ("negation", "number", "date", "place", "too_short")
_NUMBER_KINDS = frozenset({"number", "percent", "ratio", "score"})
_DATE_KINDS = frozenset({"date", "time"})


def guard_reasons(query: str, candidate: str) -> list[str]:
    """Stable reason codes (in ``REASONS`` order) why the pair must not be confirmed."""
    return guard_reasons_prepared(prepare(query), prepare(candidate))


def guard_reasons_prepared(first: Prepared, second: Prepared) -> list[str]:
    """``guard_reasons`` for texts already prepared."""
    found = {
        "negation": negation_mismatch(first, second),
        "number": not _agree(first.quantities, second.quantities, _NUMBER_KINDS),
        "date": not _agree(first.quantities, second.quantities, _DATE_KINDS),
        "place": not compatible_places(first.places, second.places),
        "too_short": too_short(first) or too_short(second),
    }
    return [reason for reason in REASONS if found[reason]]


def negation_mismatch(first: Prepared, second: Prepared) -> bool:
    """Whether the texts negate what they share a different number of times, or swap
    a word for its opposite.

    Only negations bearing on the other text count (``negation.relevant``). A text
    typed without diacritics reads its ambiguous syllables ("chua": chưa or chữa) the
    way the other text, if it has diacritics, spells them.
    """
    if first.accented and second.accented and antonym_swap(first.match_tokens, second.match_tokens):
        return True
    first_sites, second_sites = first.negations, second.negations
    if first.accented != second.accented:
        accented, plain = (first, second) if first.accented else (second, first)
        plain_sites = plain.negation_sites(hint_readings(accented.match_tokens))
        first_sites, second_sites = (
            (first_sites, plain_sites) if first.accented else (plain_sites, second_sites)
        )
    return _bearing(first_sites, second) != _bearing(second_sites, first)


def _bearing(sites: list[Site], other: Prepared) -> int:
    return sum(1 for site in sites if relevant(site, other.weights))


def too_short(text: Prepared) -> bool:
    return text.content_syllables < MIN_CONTENT_SYLLABLES


def _agree(
    first: tuple[Quantity, ...], second: tuple[Quantity, ...], kinds: frozenset[str]
) -> bool:
    return compatible(
        [q for q in first if q.kind in kinds],
        [q for q in second if q.kind in kinds],
    )
