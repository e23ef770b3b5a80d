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
- ``entity``: a name one text gives is replaced by another ("Sở Y tế" / "Sở Giáo
  dục", "Liverpool" / "Everton");
- ``antonym``: a word is replaced by its opposite ("cho phép" / "cấm", "thắng" /
  "thua"; ``changes.ANTONYMS``);
- ``changed``: other content words are replaced, none explained as a synonym, a
  function word, a diacritic variant or a reordering (``changes``);
- ``added``: one text adds content words, inside a sentence that repeats the other
  (an invented event: "… đã bị hủy bỏ");
- ``too_short``: either text has fewer than four content syllables, too little to
  tell two claims apart.

Only ``negation``, ``number``, ``date`` and ``place`` lower the score (``scoring``):
the others only keep a pair from being confirmed, so a restatement written with
other words is still found, as a suggestion.

``guard_findings`` gives each reason with what it found ("number:300→3000",
"entity:y tế→giáo dục"), for people to read; ``guard_reasons`` the bare codes.

One side without numbers, dates or places agrees with the other (a paraphrase may
leave them out); ``quantities.compatible`` and ``places.compatible_places`` say when
both sides have some.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from kiemchung.matching.changes import Difference, difference
from kiemchung.matching.negation import Site, antonym_swap, hint_readings, relevant
from kiemchung.matching.places import compatible_places
from kiemchung.matching.prepare import Prepared, prepare
from kiemchung.matching.quantities import Quantity, compatible

__all__ = [
    "MIN_CONTENT_SYLLABLES",
    "REASONS",
    "guard_findings",
    "guard_findings_prepared",
    "guard_reasons",
    "guard_reasons_prepared",
    "reason_code",
]

MIN_CONTENT_SYLLABLES = 4
REASONS = (
    "negation",
    "number",
    "date",
    "place",
    "entity",
    "antonym",
    "changed",
    "added",
    "too_short",
)
_SHOWN_WORDS = 3
_NUMBER_KINDS = frozenset({"number", "percent", "ratio", "score"})
_DATE_KINDS = frozenset({"date", "time"})


def guard_reasons(query: str, candidate: str) -> list[str]:
    """Stable reason codes (in ``REASONS`` order) why the pair must not be confirmed."""
    return guard_reasons_prepared(prepare(query), prepare(candidate))


def guard_reasons_prepared(first: Prepared, second: Prepared) -> list[str]:
    """``guard_reasons`` for texts already prepared."""
    return [reason_code(finding) for finding in guard_findings_prepared(first, second)]


def reason_code(finding: str) -> str:
    """The reason code of a finding ("number:300→3000" → "number")."""
    return finding.split(":", 1)[0]


def guard_findings(query: str, candidate: str) -> list[str]:
    """Each reason (in ``REASONS`` order) with what it found: "code" or "code:detail"."""
    return guard_findings_prepared(prepare(query), prepare(candidate))


def guard_findings_prepared(first: Prepared, second: Prepared, wording: bool = True) -> list[str]:
    """``guard_findings`` for texts already prepared; without ``wording``, only the
    reasons that lower the score and ``too_short`` (the index skips the wording of
    candidates that could not be confirmed anyway)."""
    found: dict[str, str | None] = {
        "negation": "" if negation_mismatch(first, second) else None,
        "number": _quantity_change(first, second, _NUMBER_KINDS),
        "date": _quantity_change(first, second, _DATE_KINDS),
        "place": None if compatible_places(first.places, second.places) else _places(first, second),
        "too_short": "" if too_short(first) or too_short(second) else None,
    }
    if wording:
        found.update(_wording(difference(first, second)))
    return [
        reason if found[reason] == "" else f"{reason}:{found[reason]}"
        for reason in REASONS
        if found.get(reason) is not None
    ]


def _arrow(first: Sequence[str], second: Sequence[str]) -> str:
    return f"{' '.join(first[:_SHOWN_WORDS])}→{' '.join(second[:_SHOWN_WORDS])}"


def _quantity_change(first: Prepared, second: Prepared, kinds: frozenset[str]) -> str | None:
    if _agree(first.quantities, second.quantities, kinds):
        return None
    mine = [q.lexical for q in first.quantities if q.kind in kinds]
    theirs = [q.lexical for q in second.quantities if q.kind in kinds]
    return _arrow([q for q in mine if q not in theirs], [q for q in theirs if q not in mine])


def _places(first: Prepared, second: Prepared) -> str:
    return _arrow(sorted(first.places - second.places), sorted(second.places - first.places))


def _wording(change: Difference) -> dict[str, str | None]:
    """``entity``, ``antonym``, ``changed`` or ``added`` from the unexplained words."""
    if change.antonym is not None:
        return {"antonym": _arrow([change.antonym[0]], [change.antonym[1]])}
    if change.first and change.second:
        if change.first_names or change.second_names:
            return {"entity": _arrow(change.first, change.second)}
        return {"changed": _arrow(change.first, change.second)}
    if change.first or change.second:
        return {"added": " ".join((change.first or change.second)[:_SHOWN_WORDS])}
    return {}


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
    mine = [q for q in first if q.kind in kinds]
    theirs = [q for q in second if q.kind in kinds]
    if not compatible(mine, theirs):
        return False
    # As many amounts on each side: each must be there as often ("3 tuổi và 2 tuổi"
    # is not "3 tuổi và 3 tuổi", though each side's set fits in the other's).
    same_count = kinds == _NUMBER_KINDS and len(mine) == len(theirs) > 1
    return not same_count or Counter(mine) == Counter(theirs)
