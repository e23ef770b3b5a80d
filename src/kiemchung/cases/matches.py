"""The fact-checks that may already answer a case's claim, for the case page.

Two sources, through the claims' public matching service: the matches the worker stored
for the case's claim and the other claims of its story (what the dashboard's "may
already be checked" reads), and a live search with the case's claim text as it now reads
(staff may have reworded it). Ours and imported ClaimReview fact-checks alike; the case's
own published fact-check is left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from kiemchung.cases.models import Case
from kiemchung.claims.matching_service import NONE, match_text
from kiemchung.claims.models import ClaimMatch, FactCheck

MAX_SHOWN = 5


@dataclass(frozen=True)
class FactCheckMatch:
    factcheck: FactCheck
    score: float
    decision: str

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
    worker stored (the one the dashboard shows), else at the live search's."""
    scores: dict[int, tuple[float, str]] = {}
    mine = Q(claim_id=case.claim_id) if case.claim_id is not None else Q(pk__in=[])
    if case.story_id is not None:
        mine |= Q(claim__story_id=case.story_id)
    stored = ClaimMatch.objects.filter(mine).exclude(decision=NONE)
    for factcheck_id, score, decision in stored.values_list("factcheck_id", "score", "decision"):
        _keep(scores, factcheck_id, score, decision)
    for result in match_text(case.claim_text, top_k=limit, embed_on_build=0):
        if result.decision != NONE and result.id not in scores:
            _keep(scores, result.id, result.score, result.decision)
    scores.pop(case.factcheck_id or 0, None)
    by_id = FactCheck.objects.in_bulk(list(scores))
    found = [
        FactCheckMatch(by_id[pk], score, decision)
        for pk, (score, decision) in scores.items()
        if pk in by_id
    ]
    found.sort(key=lambda match: (-match.score, match.factcheck.pk))
    return found[:limit]


def _keep(scores: dict[int, tuple[float, str]], pk: int, score: float, decision: str) -> None:
    if pk not in scores or score > scores[pk][0]:
        scores[pk] = (score, decision)
