"""Claim matching against the knowledge base, for the database's fact-checks and claims.

One ``ClaimIndex`` per process over the fact-checks (and one over earlier claims), rebuilt
when the knowledge base changes. New claims are matched by the worker; a story whose claim
is ``confirmed`` against a fact-check becomes "already checked". Confirmation is only ever
a suggestion to staff: the guards forbid it for negated, number-, date- or place-changed
and too-short texts.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max

from kiemchung.claims.models import Claim, ClaimMatch, FactCheck
from kiemchung.matching import ClaimIndex, Match
from kiemchung.stories.models import Story

CONFIRMED = "confirmed"
SUGGESTED = "suggested"
NONE = "none"

EMBED_ON_BUILD = 300
_lock = threading.Lock()
_cache: dict[str, tuple[tuple[Any, ...], ClaimIndex]] = {}


@dataclass(frozen=True)
class Result:
    kind: str  # "factcheck" or "claim"
    id: int
    url: str
    claim: str
    verdict: str | None
    score: float
    decision: str
    reasons: list[str]

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "url": self.url,
            "claim": self.claim,
            "verdict": self.verdict,
            "score": round(self.score, 4),
            "decision": self.decision,
            "reasons": self.reasons,
        }


def _index(name: str, fingerprint: tuple[Any, ...], items: Any) -> ClaimIndex:
    """The process's index, rebuilt when the database changed; embeddings are carried over
    from the previous build, and the first ``EMBED_ON_BUILD`` missing ones computed now
    (the worker's ``embed_knowledge_base`` job does the rest in the background)."""
    with _lock:
        cached = _cache.get(name)
        if cached is not None and cached[0] == fingerprint:
            return cached[1]
        index = ClaimIndex(
            items(),
            embedder=settings.EMBEDDER if settings.EMBEDDER != "none" else None,
            suggested=settings.MATCH_SUGGESTED,
            confirmed=settings.MATCH_CONFIRMED,
            vectors=cached[1].dense_vectors() if cached is not None else None,
        )
        index.embed_pending(limit=EMBED_ON_BUILD)
        _cache[name] = (fingerprint, index)
        return index


def embed_knowledge_base(limit: int = 2000) -> int:
    """Embed fact-checks the index has no embedding for yet (a periodic job)."""
    return factcheck_index().embed_pending(limit=limit)


def factcheck_index() -> ClaimIndex:
    state = FactCheck.objects.aggregate(n=Count("id"), last=Max("updated_at"), top=Max("id"))
    fingerprint = (state["n"], state["last"], state["top"])
    return _index(
        "factchecks",
        fingerprint,
        lambda: FactCheck.objects.values_list("id", "claim_reviewed").iterator(chunk_size=2000),
    )


def claim_index() -> ClaimIndex:
    state = Claim.objects.aggregate(n=Count("id"), top=Max("id"))
    return _index(
        "claims",
        (state["n"], state["top"]),
        lambda: Claim.objects.values_list("id", "text").iterator(chunk_size=2000),
    )


def match_text(text: str, top_k: int = 10, include_claims: bool = False) -> list[Result]:
    """Ranked fact-checks (and, if asked, earlier claims) for a text, best first."""
    results = _factcheck_results(factcheck_index().search(text, top_k=top_k))
    if include_claims:
        results += _claim_results(claim_index().search(text, top_k=top_k))
    results.sort(key=lambda r: -r.score)
    return results[:top_k]


def _factcheck_results(matches: list[Match]) -> list[Result]:
    checks = FactCheck.objects.in_bulk([m.id for m in matches])
    return [
        Result(
            "factcheck",
            m.id,
            checks[m.id].url,
            checks[m.id].claim_reviewed,
            checks[m.id].verdict,
            m.score,
            m.decision,
            list(m.reasons),
        )
        for m in matches
        if m.id in checks
    ]


def _claim_results(matches: list[Match]) -> list[Result]:
    claims = Claim.objects.select_related("matched").in_bulk([m.id for m in matches])
    results = []
    for m in matches:
        claim = claims.get(m.id)
        if claim is None:
            continue
        verdict = (
            claim.matched.verdict if claim.matched and claim.match_decision == CONFIRMED else None
        )
        results.append(
            Result("claim", m.id, "", claim.text, verdict, m.score, m.decision, list(m.reasons))
        )
    return results


def match_claim(claim: Claim, top_k: int = 5) -> list[ClaimMatch]:
    """Match one claim, keep its matches, and mark its story if a match is confirmed."""
    found = [m for m in factcheck_index().search(claim.text, top_k=top_k) if m.decision != NONE]
    with transaction.atomic():
        ClaimMatch.objects.filter(claim=claim).delete()
        kept = [
            ClaimMatch.objects.create(
                claim=claim,
                factcheck_id=m.id,
                score=m.score,
                decision=m.decision,
                reasons=list(m.reasons),
            )
            for m in found
        ]
        best = found[0] if found else None
        claim.matched_id = best.id if best else None
        claim.match_score = best.score if best else None
        claim.match_decision = best.decision if best else NONE
        claim.save(update_fields=["matched", "match_score", "match_decision"])
        if best is not None and best.decision == CONFIRMED and claim.story_id:
            Story.objects.filter(pk=claim.story_id, already_checked__isnull=True).update(
                already_checked_id=best.id
            )
    return kept


def match_pending(limit: int = 500) -> int:
    """Match claims that were never matched. Returns how many were."""
    pending = Claim.objects.filter(match_decision="").order_by("-checkworthiness")[:limit]
    done = 0
    for claim in pending:
        match_claim(claim)
        done += 1
    return done


def rematch_unconfirmed() -> int:
    """After the knowledge base changed: match again every claim not yet confirmed."""
    return Claim.objects.exclude(match_decision=CONFIRMED).update(match_decision="")
