"""Incremental near-duplicate clustering: each new document joins a story or starts one.

Candidates come from the LSH index (documents sharing at least one band); a candidate is
confirmed only when the MinHash estimate of the Jaccard similarity with one of the
story's kept member signatures reaches ``KIEMCHUNG_STORY_SIMILARITY``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from kiemchung.sources.prepare import PreparedDoc, bands_of
from kiemchung.stories.index import BandStore, IndexEntry, MemoryBandStore, StoryIndex
from kiemchung.stories.similarity import similarity

DIVERSE_BELOW = 0.8  # a joining document's signature is kept when it is this different


@dataclass(frozen=True, slots=True)
class Assignment:
    story_id: int  # negative: a story created in this batch, not saved yet
    similarity: float
    is_new: bool


class Clusterer:
    def __init__(self, index: StoryIndex, threshold: float) -> None:
        self.index = index
        self.threshold = threshold
        self._next_temp = -1

    def assign(self, doc: PreparedDoc) -> Assignment:
        story_id, score = self._best(doc.signature, doc.bands)
        if story_id is None:
            story_id, score, is_new = self._next_temp, 1.0, True
            self._next_temp -= 1
        else:
            is_new = False
        keep = is_new or score < DIVERSE_BELOW
        self.index.add(IndexEntry(0, story_id, doc.bands, doc.signature, keep))
        return Assignment(story_id, score, is_new)

    def _best(self, signature: bytes, bands: tuple[int, ...]) -> tuple[int | None, float]:
        best_id: int | None = None
        best = 0.0
        for story_id, members in self.index.candidates(bands).items():
            score = max(similarity(signature, member) for member in members)
            if score > best:
                best_id, best = story_id, score
        if best < self.threshold:
            return None, best
        return best_id, best


def open_index() -> StoryIndex:
    """The index configured by ``KIEMCHUNG_STORY_INDEX``, caught up with the database."""
    store = STORES[settings.STORY_INDEX]()
    index = StoryIndex(store=store, catch_up=entries_since, verify=still_in_database)
    index.refresh()
    return index


def still_in_database(doc_id: int, signature: bytes) -> bool:
    from kiemchung.sources.models import Document

    row = Document.objects.filter(id=doc_id).values_list("signature", flat=True).first()
    return row is not None and bytes(row) == signature


def entries_since(doc_id: int) -> list[IndexEntry]:
    return list(_iter_entries_since(doc_id))


def _iter_entries_since(doc_id: int) -> Iterator[IndexEntry]:
    from kiemchung.sources.models import Document

    rows = (
        Document.objects.filter(id__gt=doc_id, story__isnull=False)
        .order_by("id")
        .values_list("id", "story_id", "signature")
    )
    for pk, story_id, signature in rows.iterator(chunk_size=2000):
        raw = bytes(signature)
        yield IndexEntry(pk, story_id, bands_of(raw), raw, keep_signature=True)


def _file_store() -> BandStore:
    return MemoryBandStore.open(index_path())


def _redis_store() -> BandStore:
    from kiemchung.stories.redis_index import RedisBandStore

    return RedisBandStore.from_settings()


def index_path() -> Path:
    name = settings.DATABASES["default"]["NAME"]
    tag = (
        Path(str(name)).stem
        if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")
        else str(name)
    )
    return Path(settings.DATA_DIR) / "story_index" / f"{tag}.pickle"


STORES = {"file": _file_store, "redis": _redis_store}
