"""The desk's search: documents by full text with filters, and fact-checks by meaning.

Documents are found by the full-text index (FTS5 or PostgreSQL), best first, then
filtered by time, source, theme and status in the database; without words, the newest
documents that pass the filters. Fact-checks are found by the claim matcher, which
ignores diacritics and word order and understands paraphrases.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from kiemchung.claims.matching_service import Result, match_text
from kiemchung.sources.models import Document
from kiemchung.sources.search import search_backend

MAX_TEXT_HITS = 2000
FACTCHECK_FLOOR = 0.3  # weaker matches than this are noise, not answers


class Status:
    UNCHECKED = "unchecked"
    IN_CASE = "case"
    CHECKED = "checked"


STATUS_FILTERS: dict[str, Q] = {
    Status.UNCHECKED: Q(story__already_checked__isnull=True, story__cases__isnull=True),
    Status.IN_CASE: Q(story__cases__isnull=False),
    Status.CHECKED: Q(story__already_checked__isnull=False),
}


@dataclass
class Filters:
    query: str = ""
    since: date | None = None
    until: date | None = None
    source: int | None = None
    theme: str = ""
    status: str = ""

    def apply(self, documents: QuerySet[Document]) -> QuerySet[Document]:
        if self.since:
            documents = documents.filter(published_at__gte=_start_of(self.since))
        if self.until:
            documents = documents.filter(published_at__lt=_start_of(self.until + timedelta(days=1)))
        if self.source:
            documents = documents.filter(source_id=self.source)
        if self.theme:
            documents = documents.filter(story__theme=self.theme)
        if self.status in STATUS_FILTERS:
            documents = documents.filter(STATUS_FILTERS[self.status]).distinct()
        return documents


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def find_documents(filters: Filters) -> tuple[QuerySet[Document], list[int] | None]:
    """The filtered documents, and (when searching by words) their ids in rank order."""
    documents = filters.apply(Document.objects.all())
    if not filters.query.strip():
        return documents.order_by("-published_at", "-pk"), None
    ranked = search_backend().search(filters.query, limit=MAX_TEXT_HITS)
    allowed = set(documents.filter(pk__in=ranked).values_list("pk", flat=True))
    return documents.none(), [pk for pk in ranked if pk in allowed]


def load_in_order(ids: list[int]) -> list[Document]:
    found: dict[Any, Document] = Document.objects.select_related("source", "story").in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def find_factchecks(query: str, limit: int = 20) -> list[Result]:
    if not query.strip():
        return []
    return [r for r in match_text(query, top_k=limit) if r.score >= FACTCHECK_FLOOR]
