"""Publishing approved cases as fact-checks, and receiving citizens' tips.

``publish_case`` is called by the case workflow when a reviewer approves a verdict: the
case becomes a local ``FactCheck`` (the knowledge base the matcher searches, the public
pages and the Atom feed read it). ``receive_tip`` takes a tip from the public form, keeps
the optional contact apart, and matches the tip against the fact-checks quickly; the
thorough match and joining it to a story (ingestion, clustering) are left
to the worker.

The publisher of every local fact-check is ``KIEMCHUNG_PUBLISHER_NAME``: the one public
name of the organisation, the same on the pages, in the feed and in the ClaimReview
markup. Organisation units are internal structure and are never shown to the public.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F, QuerySet
from django.urls import reverse
from django.utils import timezone

from kiemchung.cases.audit import audit
from kiemchung.cases.models import Case, EvidenceKind
from kiemchung.claims.claimreview import VERDICT_LABELS_VI, clean_url
from kiemchung.claims.extraction import score_sentence
from kiemchung.claims.knowledge import factcheck_key
from kiemchung.claims.matching_service import (
    CONFIRMED,
    NONE,
    Result,
    match_text,
    rematch_unconfirmed,
)
from kiemchung.claims.models import FactCheck, Verdict
from kiemchung.publishing.models import Tip, TipContact, TipStatus
from kiemchung.sources.canonical import canonical_url
from kiemchung.sources.models import AccountKind, Document
from kiemchung.sources.prepare import identity_of, prepare
from kiemchung.sources.records import Record
from kiemchung.sources.services import add_manual_document
from kiemchung.stories.models import Story
from kiemchung.text.sentences import split_sentences

# Verdicts that state a fact: publishing one needs at least one public evidence link.
FACTUAL_VERDICTS = (Verdict.TRUE, Verdict.MOSTLY_TRUE, Verdict.MISLEADING, Verdict.FALSE)
MAX_APPEARANCES = 20
MAX_TIP_TEXT = 5000
MAX_TIP_URL = 2000
MAX_TIP_CONTACT = 200
TIP_SOURCE_NAME = "Tin báo của người dân"
# A tip is matched as a whole when short, and by its most check-worthy sentences.
WHOLE_TIP_CHARS = 600
TIP_SENTENCES = 3


class PublishRefused(ValueError):
    """The case cannot be published as it is (the message says why, in English)."""


# --- publishing ------------------------------------------------------------------------


def public_path(case_id: int) -> str:
    return reverse("publishing:detail", args=[case_id])


def public_url(case_id: int) -> str:
    """The absolute address of a case's public page."""
    return factcheck_key(settings.PUBLIC_BASE_URL + public_path(case_id))


def published_factchecks() -> QuerySet[FactCheck]:
    """Our own fact-checks, newest first."""
    return (
        FactCheck.objects.filter(is_local=True)
        .select_related("case")
        .order_by(F("published_at").desc(nulls_last=True), "-pk")
    )


def public_link(factcheck: FactCheck) -> str:
    """Where a reader goes for a fact-check: our page when we published it from a case,
    else the publisher's own page (an http(s) address, or "" when it has none)."""
    case = getattr(factcheck, "case", None) if factcheck.is_local else None
    if case is not None:
        return public_path(case.pk)
    return clean_url(factcheck.url) or ""


def public_title(factcheck: FactCheck) -> str:
    """The heading readers see: the public title staff wrote for the case, else the claim
    reviewed (never the story's headline)."""
    case = getattr(factcheck, "case", None) if factcheck.is_local else None
    written = case.public_title.strip() if case is not None else ""
    return written or factcheck.claim_reviewed


def publisher_url() -> str:
    return settings.PUBLIC_BASE_URL + reverse("publishing:list")


@transaction.atomic
def publish_case(case: Case) -> FactCheck:
    """Publish an approved case as a local fact-check, or update the one it already has.

    Refused (``PublishRefused``) without a verdict, without a reviewer, when the reviewer
    wrote the verdict, or for a factual verdict (true … false) with no public evidence.
    The first publication date is kept; a later one is recorded as ``dateModified``.
    """
    check_publishable(case)
    values = _factcheck_values(case)
    factcheck = case.factcheck or FactCheck.objects.filter(url=values["url"]).first()
    now = timezone.now()
    if factcheck is None:
        factcheck = FactCheck.objects.create(published_at=now, **values)
    else:
        for name, value in values.items():
            setattr(factcheck, name, value)
        factcheck.published_at = factcheck.published_at or now
        factcheck.extra = {**(factcheck.extra or {}), "dateModified": now.isoformat()}
        factcheck.save()
    case.factcheck = factcheck
    case.published_at = case.published_at or factcheck.published_at
    case.save(update_fields=["factcheck", "published_at"])
    rematch_unconfirmed()  # the knowledge base changed: the worker matches claims again
    return factcheck


def check_publishable(case: Case) -> None:
    if not case.verdict:
        raise PublishRefused("the case has no verdict")
    if case.reviewed_by_id is None:
        raise PublishRefused("the verdict has not been approved by a reviewer")
    author_id = case.verdict_by_id or case.created_by_id
    if case.reviewed_by_id == author_id:
        raise PublishRefused("the reviewer must be someone other than the verdict's author")
    if case.verdict in FACTUAL_VERDICTS and not public_evidence(case):
        raise PublishRefused("a factual verdict must cite at least one public evidence link")


def public_evidence(case: Case) -> list[dict[str, str]]:
    """The case's links and cited documents with a web address, as [{"url", "title"}]."""
    found: dict[str, str] = {}
    items = case.evidence.filter(kind__in=(EvidenceKind.LINK, EvidenceKind.DOCUMENT))
    for item in items.select_related("document"):
        document = item.document
        written = item.url or (document.url if document is not None else "")
        url = clean_url(written) if written else None
        if url is not None and url not in found:
            found[url] = item.title or (document.title if document is not None else "")
    return [{"url": url, "title": title} for url, title in found.items()]


def appearances(case: Case) -> list[str]:
    """Where the claim appeared: the web addresses of the story's public documents.

    Documents of private accounts are left out: their addresses hold pseudonyms.
    """
    if case.story_id is None:
        return []
    urls = (
        Document.objects.filter(story_id=case.story_id, account_kind=AccountKind.PUBLIC)
        .exclude(url="")
        .order_by("published_at", "pk")
        .values_list("url", flat=True)
    )
    found: list[str] = []
    for written in urls.iterator(chunk_size=200):
        url = clean_url(written)
        if url is not None and url not in found:
            found.append(url)
        if len(found) == MAX_APPEARANCES:
            break
    return found


def _factcheck_values(case: Case) -> dict[str, Any]:
    return {
        "url": public_url(case.pk),
        "claim_reviewed": case.claim_text,
        "verdict": case.verdict,
        "original_rating": VERDICT_LABELS_VI[case.verdict],
        "summary": case.summary,
        "publisher": settings.PUBLISHER_NAME,
        "publisher_url": publisher_url(),
        "language": "vi",
        "evidence": public_evidence(case),
        "appearances": appearances(case),
        "is_local": True,
    }


# --- tips ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TipMatch:
    factcheck_id: int
    score: float
    decision: str
    # why it is not certain, as the guard found it ("number:300→3000"); none by link
    findings: tuple[str, ...] = ()


def process_tip(tip: Tip) -> Story | None:
    """The worker's part: join the tip to its story, then match all of its text."""
    story = attach_tip(tip)
    match_tip(tip)
    return story


def match_tip(tip: Tip, pieces: int | None = None) -> TipMatch | None:
    """Record the best fact-check for the tip: by its link, else by its text (the first
    ``pieces`` of ``tip_sentences``, or all). An earlier match is only replaced by a
    better one. A confirmed match makes a new tip "already checked". The guard's
    findings (why the match is not certain) are kept with it, as for claims."""
    found = _match_by_link(tip.url) or _match_by_text(tip.text, pieces)
    if found is None or not _better(found, tip):
        return None
    tip.factcheck_id = found.factcheck_id
    tip.match_score = found.score
    tip.match_findings = list(found.findings)
    fields = ["factcheck", "match_score", "match_findings"]
    if found.decision == CONFIRMED and tip.status == TipStatus.NEW:
        tip.status = TipStatus.ALREADY_CHECKED
        fields.append("status")
    tip.save(update_fields=fields)
    return found


def _better(found: TipMatch, tip: Tip) -> bool:
    if tip.factcheck_id is None:
        return True
    current = (tip.status == TipStatus.ALREADY_CHECKED, tip.match_score or 0.0)
    return (found.decision == CONFIRMED, found.score) > current


def tip_sentences(text: str) -> list[str]:
    """What of a tip to match, most telling first: the whole text when short, then its
    most check-worthy sentences."""
    chosen = [text] if 0 < len(text) <= WHOLE_TIP_CHARS else []
    sentences = [s.strip()[:WHOLE_TIP_CHARS] for s in split_sentences(text) if s.strip()]
    sentences.sort(key=lambda s: -score_sentence(s).value)
    chosen += [s for s in sentences[:TIP_SENTENCES] if s not in chosen]
    return chosen


def _match_by_text(text: str, pieces: int | None = None) -> TipMatch | None:
    best: Result | None = None
    for piece in tip_sentences(text)[:pieces]:
        for result in match_text(piece, top_k=3):
            if result.decision != NONE and (best is None or _rank(result) > _rank(best)):
                best = result
    if best is None:
        return None
    return TipMatch(best.id, best.score, best.decision, tuple(best.findings or best.reasons))


def _rank(result: Result) -> tuple[bool, float]:
    return (result.decision == CONFIRMED, result.score)


def _match_by_link(url: str) -> TipMatch | None:
    """A link we already know: a story marked already checked, or a fact-check's
    appearance."""
    story = story_for_link(url)
    if story is not None and story.already_checked_id is not None:
        return TipMatch(story.already_checked_id, 1.0, CONFIRMED)
    wanted = canonical_url(url) if clean_url(url) else ""
    if not wanted:
        return None
    host_and_path = wanted.split("://", 1)[1]
    for factcheck in FactCheck.objects.filter(appearances__icontains=host_and_path)[:50]:
        if any(canonical_url(str(seen)) == wanted for seen in factcheck.appearances or []):
            return TipMatch(factcheck.pk, 1.0, CONFIRMED)
    return None


def story_for_link(url: str) -> Story | None:
    """The story of a document we ingested from this address, if any."""
    wanted = canonical_url(url) if clean_url(url) else ""
    if not wanted:
        return None
    identity = identity_of(wanted, "", "", None)
    document = Document.objects.filter(identity=identity).select_related("story").first()
    return document.story if document is not None else None


def attach_tip(tip: Tip) -> Story | None:
    """Join the tip to a story: the story of its link if we know it, else its text
    ingested as a document of the source "Tin báo của người dân".

    The link is never used as the document's address: a tipster's words are not the
    page's text, and a feed that later brings the page must not find it taken. The same
    text sent twice is one document (no author, no time in its identity).
    """
    story = story_for_link(tip.url) if tip.url else None
    if tip.text:
        document = _ingest_tip_text(tip.text)
        tip.document = document
        story = story or (document.story if document is not None else None)
    tip.story = story
    fields = ["document", "story"]
    if story is not None and story.already_checked_id and tip.factcheck_id is None:
        tip.factcheck_id = story.already_checked_id
        tip.match_score = 1.0
        fields += ["factcheck", "match_score"]
        if tip.status == TipStatus.NEW:
            tip.status = TipStatus.ALREADY_CHECKED
            fields.append("status")
    tip.save(update_fields=fields)
    return story


def _ingest_tip_text(text: str) -> Document | None:
    record = Record(text=text, platform="tip")
    identity = prepare(record).identity
    add_manual_document(TIP_SOURCE_NAME, record)
    return Document.objects.filter(identity=identity).select_related("story").first()


def dismiss_tip(tip: Tip, user: Any) -> None:
    """Mark a tip as needing no follow-up, with an audit event."""
    before = tip.status
    tip.status = TipStatus.DISMISSED
    tip.save(update_fields=["status"])
    audit(user, None, "tip.status", {"status": [before, TipStatus.DISMISSED.value]}, obj=tip)


def purge_tip_contacts() -> int:
    """Delete tipsters' contacts whose retention period is over. Returns how many."""
    deleted, _ = TipContact.objects.filter(purge_after__lte=timezone.now()).delete()
    return deleted
