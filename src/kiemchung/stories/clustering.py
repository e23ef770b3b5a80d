"""Incremental near-duplicate clustering: each new document joins a story or starts one.

Candidates come from the LSH index (documents sharing at least one band); a candidate
passes when the MinHash estimate of the similarity with one of the story's kept member
signatures reaches ``KIEMCHUNG_STORY_SIMILARITY``, and is confirmed on the story's first
documents: an estimated containment must hold exactly on the shingles, and the numbers,
dates and names must agree (``kiemchung.text.marks``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from django.conf import settings

from kiemchung.sources.prepare import PreparedDoc, bands_of, shingles_of
from kiemchung.stories.index import BandStore, IndexEntry, MemoryBandStore, StoryIndex
from kiemchung.stories.similarity import MIN_CONTAINMENT, compare, exact_containment
from kiemchung.text.marks import Marks, agree, marks

DIVERSE_BELOW = 0.8  # a joining document's signature is kept when it is this different


@dataclass(frozen=True, slots=True)
class Assignment:
    story_id: int  # negative: a story created in this batch, not saved yet
    similarity: float
    is_new: bool


class Member:
    """What confirming a join needs of a story's document: its shingles and its marks,
    computed on first use (most documents are never compared with another)."""

    __slots__ = ("_marks", "_shingles", "text", "title")

    def __init__(
        self,
        title: str,
        text: str,
        shingles: np.ndarray | None = None,
        marks: Marks | None = None,
    ) -> None:
        self.title, self.text = title, text
        self._shingles, self._marks = shingles, marks

    @classmethod
    def of(cls, doc: PreparedDoc) -> Member:
        return cls(doc.record.title, doc.record.text, doc.shingles, doc.marks)

    @property
    def shingles(self) -> np.ndarray:
        if self._shingles is None:
            self._shingles = shingles_of(self.title, self.text)
        return self._shingles

    @property
    def marks(self) -> Marks:
        if self._marks is None:
            self._marks = marks(f"{self.title}\n{self.text}")
        return self._marks


LoadMembers = Callable[[int], list[Member]]
MEMBERS_PER_STORY = 6
MEMBER_CACHE_STORIES = 20_000


class Clusterer:
    """Assigns documents to stories. A candidate story passes when its MinHash similarity
    reaches the threshold and the join is confirmed on the documents themselves: a
    containment estimate is checked exactly on the shingles, and the numbers, dates and
    names must agree (a recurring format is not a story)."""

    def __init__(
        self, index: StoryIndex, threshold: float, load_members: LoadMembers | None = None
    ) -> None:
        self.index = index
        self.threshold = threshold
        self._next_temp = -1
        self._load_members = load_members or story_members
        self._members: dict[int, list[Member]] = {}

    def assign(self, doc: PreparedDoc) -> Assignment:
        member = Member.of(doc)
        story_id, score = self._best(doc, member)
        if story_id is None:
            story_id, score, is_new = self._next_temp, 1.0, True
            self._next_temp -= 1
            self._members[story_id] = []
        else:
            is_new = False
        keep = is_new or score < DIVERSE_BELOW
        self.index.add(IndexEntry(0, story_id, doc.bands, doc.signature, keep))
        members = self._members.get(story_id)
        if members is not None and len(members) < MEMBERS_PER_STORY:
            members.append(member)
        return Assignment(story_id, score, is_new)

    def _best(self, doc: PreparedDoc, member: Member) -> tuple[int | None, float]:
        scored: list[tuple[float, int, bool]] = []
        for story_id, packed in self.index.candidates(doc.bands).items():
            best = max((compare(doc.signature, member) for member in packed), key=lambda s: s[0])
            if best.value >= self.threshold:
                scored.append((best.value, story_id, best.via_containment))
        for score, story_id, via_containment in sorted(scored, key=lambda s: (-s[0], s[1])):
            if self._confirmed(member, story_id, via_containment):
                return story_id, score
        return None, 0.0

    def _confirmed(self, doc: Member, story_id: int, via_containment: bool) -> bool:
        members = self._story_members(story_id)
        if not members:  # nothing to check against: trust the signatures
            return not via_containment
        if via_containment and not any(
            exact_containment(doc.shingles, m.shingles) >= MIN_CONTAINMENT for m in members
        ):
            return False
        return any(agree(doc.marks, m.marks) for m in members)

    def _story_members(self, story_id: int) -> list[Member]:
        if story_id not in self._members:
            if len(self._members) >= MEMBER_CACHE_STORIES:
                self._members = {k: v for k, v in self._members.items() if k < 0}
            self._members[story_id] = self._load_members(story_id)
        return self._members[story_id]


def story_members(story_id: int) -> list[Member]:
    """The first documents of a saved story, prepared again for confirming joins."""
    from kiemchung.sources.models import Document

    rows = (
        Document.objects.filter(story_id=story_id)
        .order_by("id")
        .values_list("title", "text")[:MEMBERS_PER_STORY]
    )
    return [Member(title, text) for title, text in rows]


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
