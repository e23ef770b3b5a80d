"""Idempotent ingestion of records into documents and stories, in committed batches.

Each batch runs in one transaction: known documents (same identity) are skipped, the rest
are clustered into stories, saved, indexed for full-text search, and counted into their
stories' hourly growth. A process killed mid-import loses at most the batch in flight,
and running the same import again adds exactly what is missing.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from kiemchung.core.bulk import allocate_ids, insert_rows, time_adapter
from kiemchung.sources.children import die_with_parent
from kiemchung.sources.models import Document, IngestRun, Source
from kiemchung.sources.prepare import PreparedDoc, prepare_many
from kiemchung.sources.records import Item, Record, Rejection, Unparsed
from kiemchung.sources.search import search_backend
from kiemchung.stories import growth
from kiemchung.stories.clustering import Assignment, Clusterer, open_index
from kiemchung.stories.index import StoryIndex
from kiemchung.stories.models import Story
from kiemchung.stories.spikes import detect_spikes

log = logging.getLogger(__name__)

MAX_KEPT_REJECTIONS = 1000
Prepared = PreparedDoc | Rejection
BATCH_MAX_CHARS = 8_000_000  # text held by one batch, whatever its record count
CLUSTER_LOCK_KEY = 727_001  # PostgreSQL advisory lock id for the clustering step


@dataclass
class IngestReport:
    origin: str = ""
    received: int = 0
    added: int = 0
    duplicates: int = 0
    rejected: int = 0
    new_stories: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    touched_hours: dict[int, set[datetime]] = field(default_factory=dict)

    def reject(self, rejection: Rejection) -> None:
        self.rejected += 1
        if len(self.rejections) < MAX_KEPT_REJECTIONS:
            self.rejections.append(rejection)

    def as_dict(self) -> dict[str, object]:
        return {
            "origin": self.origin,
            "received": self.received,
            "added": self.added,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "new_stories": self.new_stories,
            "rejections": [
                {"line": r.line, "reason": r.reason}
                for r in sorted(self.rejections, key=lambda r: r.line)
            ],
        }


@dataclass
class BatchResult:
    added: int = 0
    duplicates: int = 0
    new_stories: int = 0
    touched: dict[int, set[datetime]] = field(default_factory=dict)


class Ingestor:
    """Turns a stream of records into documents of one source."""

    def __init__(
        self,
        source: Source,
        *,
        workers: int = 1,
        batch_size: int | None = None,
        index: StoryIndex | None = None,
        detect: bool = True,
        route: Callable[[Record], Source] | None = None,
    ) -> None:
        self.source = source
        self.route = route
        self.workers = max(1, workers)
        self.batch_size = batch_size or settings.INGEST_BATCH_SIZE
        self.index = index or open_index()
        self.clusterer = Clusterer(self.index, settings.STORY_SIMILARITY)
        self.search = search_backend()
        self.detect = detect

    def run(self, items: Iterable[Item | Unparsed], origin: str) -> IngestReport:
        report = IngestReport(origin=origin)
        run = IngestRun.objects.create(source=self.source, origin=origin[:2000])
        try:
            for prepared in self._prepared_batches(self._records(items, report)):
                docs = [doc for doc in prepared if isinstance(doc, PreparedDoc)]
                for rejection in prepared:
                    if isinstance(rejection, Rejection):
                        report.reject(rejection)
                self._account(report, self.store(docs))
        finally:
            self.index.save()
            self._finish(run, report)
        if self.detect and report.touched_hours:
            detect_spikes(report.touched_hours)
        return report

    def store(self, prepared: list[PreparedDoc]) -> BatchResult:
        """Save one batch of prepared documents, atomically."""
        try:
            with transaction.atomic():
                result = self._store_locked(prepared)
        except BaseException:
            self.index.discard()
            raise
        self.index.commit()
        return result

    def _store_locked(self, prepared: list[PreparedDoc]) -> BatchResult:
        _lock_clustering()
        self.index.refresh()
        fresh = self._fresh(prepared)
        result = BatchResult(duplicates=len(prepared) - len(fresh))
        if not fresh:
            return result
        now = timezone.now()
        self.index.prefetch([doc.bands for doc in fresh])
        assignments = [self.clusterer.assign(doc) for doc in fresh]
        doc_ids = allocate_ids(Document, len(fresh))
        deltas = _deltas(fresh, assignments, now)
        new_ids = _create_stories(fresh, assignments, doc_ids, deltas, now)
        story_ids = [new_ids.get(a.story_id, a.story_id) for a in assignments]
        self._insert_documents(fresh, doc_ids, story_ids, now)
        self.index.resolve(doc_ids, new_ids)
        rows = [
            (pk, doc.match_text, doc.ascii_text) for pk, doc in zip(doc_ids, fresh, strict=True)
        ]
        self.search.add(rows)
        growth.apply_to_existing({sid: d for sid, d in deltas.items() if sid > 0})
        growth.add_buckets({new_ids.get(sid, sid): d for sid, d in deltas.items()})
        result.added = len(fresh)
        result.new_stories = len(new_ids)
        result.touched = {new_ids.get(sid, sid): set(d.hours) for sid, d in deltas.items()}
        return result

    def _insert_documents(
        self, docs: list[PreparedDoc], doc_ids: list[int], story_ids: list[int], now: datetime
    ) -> None:
        route = self.route or (lambda record: self.source)
        to_db = time_adapter()
        fetched = to_db(now)  # also the time of an undated document
        rows = [
            _document_row(pk, route(doc.record).pk, doc, story_id, fetched, to_db)
            for pk, doc, story_id in zip(doc_ids, docs, story_ids, strict=True)
        ]
        insert_rows(Document, DOCUMENT_COLUMNS, rows)

    def _fresh(self, prepared: list[PreparedDoc]) -> list[PreparedDoc]:
        identities = [doc.identity for doc in prepared]
        known = set(
            Document.objects.filter(identity__in=identities).values_list("identity", flat=True)
        )
        fresh: list[PreparedDoc] = []
        for doc in prepared:
            if doc.identity not in known:
                known.add(doc.identity)
                fresh.append(doc)
        return fresh

    def _records(
        self, items: Iterable[Item | Unparsed], report: IngestReport
    ) -> Iterator[Record | Unparsed]:
        for item in items:
            report.received += 1
            if isinstance(item, Rejection):
                report.reject(item)
            else:
                yield item

    def _prepared_batches(self, records: Iterator[Record | Unparsed]) -> Iterator[list[Prepared]]:
        batches = _chunks(records, self.batch_size)
        if self.workers == 1:
            yield from map(prepare_many, batches)
            return
        yield from _prepare_in_pool(batches, self.workers)

    def _account(self, report: IngestReport, result: BatchResult) -> None:
        report.added += result.added
        report.duplicates += result.duplicates
        report.new_stories += result.new_stories
        for story_id, hours in result.touched.items():
            report.touched_hours.setdefault(story_id, set()).update(hours)

    def _finish(self, run: IngestRun, report: IngestReport) -> None:
        run.finished_at = timezone.now()
        run.received, run.added = report.received, report.added
        run.duplicates, run.rejected = report.duplicates, report.rejected
        run.errors = report.as_dict()["rejections"]
        run.save()


DOCUMENT_COLUMNS = (
    "id",
    "source_id",
    "identity",
    "content_hash",
    "url",
    "title",
    "text",
    "language",
    "platform",
    "account",
    "account_kind",
    "likes",
    "comments",
    "shares",
    "published_at",
    "undated",
    "fetched_at",
    "story_id",
    "signature",
)


def _document_row(
    pk: int,
    source_id: int,
    doc: PreparedDoc,
    story_id: int,
    fetched: object,
    to_db: Callable[[datetime], object],
) -> tuple[object, ...]:
    record = doc.record
    return (
        pk,
        source_id,
        doc.identity,
        doc.content_hash,
        doc.url[:2000],
        record.title,
        record.text,
        doc.language,
        record.platform,
        record.account,
        record.account_kind,
        record.likes,
        record.comments,
        record.shares,
        fetched if record.posted_at is None else to_db(record.posted_at),
        record.posted_at is None,
        fetched,
        story_id,
        doc.signature,
    )


def _deltas(
    docs: list[PreparedDoc], assignments: list[Assignment], now: datetime
) -> dict[int, growth.StoryDelta]:
    deltas: dict[int, growth.StoryDelta] = {}
    for doc, assignment in zip(docs, assignments, strict=True):
        delta = deltas.setdefault(assignment.story_id, growth.StoryDelta())
        if doc.record.posted_at is None:
            delta.add_undated()  # counted, but in no hour: no growth window, no spike
        else:
            delta.add(doc.record.posted_at)
    return deltas


def _create_stories(
    docs: list[PreparedDoc],
    assignments: list[Assignment],
    doc_ids: list[int],
    deltas: dict[int, growth.StoryDelta],
    now: datetime,
) -> dict[int, int]:
    """Create the batch's new stories, each represented by its first document.

    Returns the map from the clusterer's temporary story ids to the saved ids.
    """
    firsts: dict[int, tuple[int, PreparedDoc]] = {}
    for pk, doc, assignment in zip(doc_ids, docs, assignments, strict=True):
        if assignment.is_new:
            firsts[assignment.story_id] = (pk, doc)
    story_ids = allocate_ids(Story, len(firsts))
    db_time = time_adapter()
    created = db_time(now)
    rows = [
        (
            sid,
            growth.story_title(doc.record.title, doc.record.text),
            pk,
            db_time(deltas[temp].first or now),
            db_time(deltas[temp].last or now),
            deltas[temp].count,
            deltas[temp].first is None,
            created,
        )
        for sid, (temp, (pk, doc)) in zip(story_ids, firsts.items(), strict=True)
    ]
    insert_rows(Story, STORY_COLUMNS, rows)
    return dict(zip(firsts, story_ids, strict=True))


STORY_COLUMNS = (
    "id",
    "title",
    "representative_id",
    "first_seen",
    "last_seen",
    "doc_count",
    "undated",
    "created_at",
)


def _lock_clustering() -> None:
    """Serialise clustering across processes. SQLite's IMMEDIATE transactions already do."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CLUSTER_LOCK_KEY])


def _chunks(
    records: Iterator[Record | Unparsed], size: int, max_chars: int = BATCH_MAX_CHARS
) -> Iterator[list[Record | Unparsed]]:
    """Batches of ``size`` records, cut early when their text reaches ``max_chars``.

    A batch of long records (up to the record limit each) would otherwise hold hundreds
    of megabytes, several times over while batches are in flight to the workers.
    """
    batch: list[Record | Unparsed] = []
    chars = 0
    for record in records:
        batch.append(record)
        chars += len(record.text)
        if len(batch) >= size or chars >= max_chars:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _prepare_in_pool(
    batches: Iterator[list[Record | Unparsed]], workers: int
) -> Iterator[list[Prepared]]:
    """Prepare batches in worker processes, keeping a bounded number in flight, in order.

    The workers die with this process, even when it is killed with SIGKILL.
    """
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=die_with_parent,
        initargs=(os.getpid(),),
    ) as pool:
        in_flight: deque[Future[list[Prepared]]] = deque()
        for batch in batches:
            in_flight.append(pool.submit(prepare_many, batch))
            if len(in_flight) > workers * 2:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()
