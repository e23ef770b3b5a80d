"""The fact-checks that may already answer a case's claim, for the case page.

Two sources, through the claims' public matching service: the matches the worker stored
for the case's claim and the other claims of its story (what the dashboard's "may
already be checked" reads), and a live search with the case's claim text as it now reads
(staff may have reworded it). Ours and imported ClaimReview fact-checks alike; the case's
own published fact-check is left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from kiemchung.cases.models import Case
from kiemchung.claims.match_reasons import explain_all
from kiemchung.claims.matching_service import NONE, match_text
from kiemchung.claims.models import ClaimMatch, FactCheck

MAX_SHOWN = 5


@dataclass(frozen=True)
class FactCheckMatch:
    factcheck: FactCheck
    score: float
    decision: str
    findings: list[str] = field(default_factory=list)

    @property
    def explanations(self) -> list[str]:
        """Why the match is not certain, in words ("số liệu khác: 300 → 3.000")."""
        return explain_all(self.findings)

    @property
    def percent(self) -> int:
        return round(self.score * 100)

    @property
    def link(self) -> str:
        """Where a reader finds it: our public page, else the publisher's page ("")."""
        from kiemchung.publishing.services import public_link

        return public_link(self.factcheck)


def matching_factchecks(case: Case, limit: int = MAX_SHOWN) -> list[FactCheckMatch]:
    """The best fact-checks for the case's claim, best first, each once: at the score the
    worker stored (the one the dashboard shows), else at the live search's; each with the
    guard's findings (its reason codes for matches stored before findings were kept)."""
    scores: dict[int, Found] = {}
    mine = Q(claim_id=case.claim_id) if case.claim_id is not None else Q(pk__in=[])
    if case.story_id is not None:
        mine |= Q(claim__story_id=case.story_id)
    stored = ClaimMatch.objects.filter(mine).exclude(decision=NONE)
    rows = stored.values_list("factcheck_id", "score", "decision", "findings", "reasons")
    for factcheck_id, score, decision, findings, reasons in rows:
        _keep(scores, factcheck_id, Found(score, decision, list(findings or reasons or [])))
    for result in match_text(case.claim_text, top_k=limit, embed_on_build=0):
        if result.decision != NONE and result.id not in scores:
            live = Found(result.score, result.decision, result.findings or result.reasons)
            _keep(scores, result.id, live)
    scores.pop(case.factcheck_id or 0, None)
    by_id = FactCheck.objects.in_bulk(list(scores))
    found = [
        FactCheckMatch(by_id[pk], one.score, one.decision, one.findings)
        for pk, one in scores.items()
        if pk in by_id
    ]
    found.sort(key=lambda match: (-match.score, match.factcheck.pk))
    return found[:limit]


@dataclass(frozen=True)
class Found:
    score: float
    decision: str
    findings: list[str]


def _keep(scores: dict[int, Found], pk: int, found: Found) -> None:
    if pk not in scores or found.score > scores[pk].score:
        scores[pk] = found
