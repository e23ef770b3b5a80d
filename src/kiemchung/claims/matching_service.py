"""Claim matching against the knowledge base, for the database's fact-checks and claims.

One ``ClaimIndex`` per process over the fact-checks (and one over earlier claims), rebuilt
when the knowledge base changes. New claims are matched by the worker; a story whose claim
is ``confirmed`` against a rated fact-check becomes "already checked" (an imported
fact-check whose rating we could not read, "unrated", is shown as a match with the
publisher's label but never marks a story). Confirmation is only ever a suggestion to
staff: the guards forbid it for negated, number-, date- or place-changed and too-short
texts.

Embeddings of the fact-checks' claims are stored in the database (``FactCheckEmbedding``,
keyed by the claim's text and the embedder): the worker's ``embed_knowledge_base`` job
computes the missing ones, and every process builds its index from the stored vectors,
so a short-lived command (``kiemchung match``) embeds only its query. A fact-check
without a stored vector yet is matched by its words until the worker has embedded it
(``index_state`` says how many).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Max

from kiemchung.claims.match_reasons import explain_all
from kiemchung.claims.models import (
    Claim,
    ClaimMatch,
    FactCheck,
    FactCheckEmbedding,
    Verdict,
    claim_key,
)
from kiemchung.matching import ClaimIndex, Match
from kiemchung.matching.embedders import Vectors
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
    rating: str = ""  # the publisher's own rating, as written
    findings: list[str] = field(default_factory=list)  # reasons with what each found

    @property
    def explanations(self) -> list[str]:
        """The findings in the reader's language ("số liệu khác: 300 → 3.000")."""
        return explain_all(self.findings or self.reasons)

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
            "findings": self.findings,
            "explanations": self.explanations,
            "rating": self.rating,
        }


@dataclass(frozen=True)
class IndexState:
    """How many fact-checks the index holds, and how many have an embedding."""

    fact_checks: int
    embedded: int
    embedder: str

    @property
    def missing(self) -> int:
        return self.fact_checks - self.embedded if self.embedder != "none" else 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "fact_checks": self.fact_checks,
            "embedded": self.embedded,
            "missing": self.missing,
            "embedder": self.embedder,
        }


def _index(
    name: str,
    fingerprint: tuple[Any, ...],
    items: Any,
    stored: Any = None,
    embed_on_build: int = EMBED_ON_BUILD,
) -> ClaimIndex:
    """The process's index, rebuilt when the database changed. Its embeddings come from
    the previous build and from ``stored()``; up to ``embed_on_build`` missing ones are
    computed now (the worker's ``embed_knowledge_base`` job does the rest)."""
    with _lock:
        cached = _cache.get(name)
        if cached is not None and cached[0] == fingerprint:
            return cached[1]
        vectors = dict(cached[1].dense_vectors()) if cached is not None else {}
        if stored is not None and settings.EMBEDDER != "none":
            vectors.update(stored())
        index = ClaimIndex(
            items(),
            embedder=settings.EMBEDDER if settings.EMBEDDER != "none" else None,
            suggested=settings.MATCH_SUGGESTED,
            confirmed=settings.MATCH_CONFIRMED,
            vectors=vectors,
        )
        if embed_on_build and index.embed_pending(limit=embed_on_build) and stored is not None:
            store_embeddings(index)
        _cache[name] = (fingerprint, index)
        return index


def embed_knowledge_base(limit: int = 2000) -> int:
    """Embed fact-checks that have no stored embedding yet, and store them (a periodic
    job of the worker)."""
    index = factcheck_index()
    done = index.embed_pending(limit=limit)
    store_embeddings(index)
    return done


def stored_embeddings() -> dict[int, Vectors]:
    """The stored vectors of the current embedder whose claim text is unchanged."""
    rows = FactCheckEmbedding.objects.filter(
        embedder=settings.EMBEDDER, text_key=F("factcheck__claim_key")
    ).values_list("factcheck_id", "vector")
    return {pk: np.frombuffer(bytes(vector), dtype=np.float32) for pk, vector in rows}


def store_embeddings(index: ClaimIndex) -> int:
    """Store the index's embeddings that the database does not hold yet; how many."""
    known = dict(
        FactCheckEmbedding.objects.filter(embedder=settings.EMBEDDER).values_list(
            "factcheck_id", "text_key"
        )
    )
    rows = []
    for pk, vector in index.dense_vectors().items():
        key = claim_key(index.text(pk))
        if known.get(pk) != key:
            data = np.asarray(vector, dtype=np.float32).tobytes()
            rows.append(
                FactCheckEmbedding(
                    factcheck_id=pk, embedder=settings.EMBEDDER, text_key=key, vector=data
                )
            )
    existing = set(
        FactCheck.objects.filter(pk__in=[r.pk for r in rows]).values_list("pk", flat=True)
    )
    rows = [row for row in rows if row.pk in existing]
    FactCheckEmbedding.objects.bulk_create(
        rows,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["factcheck"],
        update_fields=["embedder", "text_key", "vector"],
    )
    return len(rows)


def factcheck_index(embed_on_build: int = EMBED_ON_BUILD) -> ClaimIndex:
    state = FactCheck.objects.aggregate(n=Count("id"), last=Max("updated_at"), top=Max("id"))
    fingerprint = (state["n"], state["last"], state["top"])
    return _index(
        "factchecks",
        fingerprint,
        lambda: FactCheck.objects.values_list("id", "claim_reviewed").iterator(chunk_size=2000),
        stored_embeddings,
        embed_on_build,
    )


def index_state() -> IndexState:
    """The fact-check index of this process: its size and its embedded share."""
    index = factcheck_index(embed_on_build=0)
    return IndexState(len(index), len(index.dense_vectors()), str(settings.EMBEDDER))


def claim_index(embed_on_build: int = EMBED_ON_BUILD) -> ClaimIndex:
    state = Claim.objects.aggregate(n=Count("id"), top=Max("id"))
    return _index(
        "claims",
        (state["n"], state["top"]),
        lambda: Claim.objects.values_list("id", "text").iterator(chunk_size=2000),
        embed_on_build=embed_on_build,
    )


def match_text(
    text: str,
    top_k: int = 10,
    include_claims: bool = False,
    embed_on_build: int = EMBED_ON_BUILD,
) -> list[Result]:
    """Ranked fact-checks (and, if asked, earlier claims) for a text, best first.

    ``embed_on_build=0`` (short-lived commands) uses the stored embeddings only."""
    index = factcheck_index(embed_on_build)
    results = _factcheck_results(index.search(text, top_k=top_k))
    if include_claims:
        results += _claim_results(claim_index(embed_on_build).search(text, top_k=top_k))
    results.sort(key=lambda r: -r.score)
    return results[:top_k]


def match_payload(
    text: str, top_k: int, include_claims: bool = False, embed_on_build: int = EMBED_ON_BUILD
) -> dict[str, Any]:
    """What `kiemchung match` prints and ``POST /api/v1/match`` answers: one shape."""
    results = match_text(text, top_k, include_claims=include_claims, embed_on_build=embed_on_build)
    return {
        "query": text,
        "results": [result.as_dict() for result in results],
        "index": index_state().as_dict(),
    }


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
            checks[m.id].original_rating,
            list(m.findings),
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
            Result(
                "claim",
                m.id,
                "",
                claim.text,
                verdict,
                m.score,
                m.decision,
                list(m.reasons),
                findings=list(m.findings),
            )
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
                findings=list(m.findings),
            )
            for m in found
        ]
        best = found[0] if found else None
        claim.matched_id = best.id if best else None
        claim.match_score = best.score if best else None
        claim.match_decision = best.decision if best else NONE
        claim.save(update_fields=["matched", "match_score", "match_decision"])
        checked = _best_rated_confirmed(found)
        if checked is not None and claim.story_id:
            Story.objects.filter(pk=claim.story_id, already_checked__isnull=True).update(
                already_checked_id=checked.id
            )
    return kept


def match_explanations(claims: list[Claim]) -> dict[int, list[str]]:
    """Why each claim's best match (``Claim.matched``) is not certain, in words: empty
    for a confirmed match, the stored findings (or codes) for a suggested one."""
    best = {claim.pk: claim.matched_id for claim in claims if claim.matched_id is not None}
    rows = ClaimMatch.objects.filter(claim_id__in=list(best)).values_list(
        "claim_id", "factcheck_id", "findings", "reasons"
    )
    return {
        claim_id: explain_all(findings or reasons or [])
        for claim_id, factcheck_id, findings, reasons in rows
        if best[claim_id] == factcheck_id
    }


def _best_rated_confirmed(found: list[Match]) -> Match | None:
    """The best confirmed match whose fact-check has a verdict: an unrated one (a rating
    we could not read) says a fact-check exists, not what it concluded."""
    confirmed = [m.id for m in found if m.decision == CONFIRMED]
    unrated = set(
        FactCheck.objects.filter(pk__in=confirmed, verdict=Verdict.UNRATED).values_list(
            "pk", flat=True
        )
    )
    return next((m for m in found if m.decision == CONFIRMED and m.id not in unrated), None)


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
