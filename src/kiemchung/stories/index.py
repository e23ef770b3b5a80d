"""The near-duplicate index behind story clustering: LSH bands → stories.

The database is the source of truth (every document keeps its MinHash signature and its
story); the index is a fast view of it. A band store holds, for each LSH band key, the
stories that have a document with that band, and for each story a few member signatures
used to confirm a candidate. Two stores, chosen by ``KIEMCHUNG_STORY_INDEX``:

- ``file``: in memory, snapshotted to the data folder, for one machine;
- ``redis``: shared by several workers on several machines.

Writes made while clustering a batch stay pending until the batch's database transaction
commits, so a rolled-back batch never leaves stale entries. On open and before each batch
the index catches up with documents that other processes (or a killed run) committed.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from kiemchung.stories.bandmap import BandMap, as_sequence

MAX_SIGNATURES_PER_STORY = 6
SNAPSHOT_VERSION = 4  # bump when shingles, signatures or bands change


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One document as the index sees it."""

    doc_id: int
    story_id: int
    bands: tuple[int, ...]
    signature: bytes
    keep_signature: bool


class BandStore(Protocol):
    """Where the band → story map and the story signatures live."""

    def stories_for(self, bands: Iterable[int]) -> set[int]: ...

    def stories_for_many(self, band_lists: Sequence[Sequence[int]]) -> list[set[int]]: ...

    def signatures_for(self, story_ids: Iterable[int]) -> dict[int, list[bytes]]: ...

    def apply(self, entries: list[IndexEntry]) -> None: ...

    def last_doc_id(self) -> int: ...

    def last_signature(self) -> bytes: ...

    def reset(self) -> None: ...

    def save(self) -> None: ...


@dataclass
class MemoryBandStore:
    """Band store in this process's memory, snapshotted to a file in the data folder."""

    path: Path | None = None
    bands: BandMap = field(default_factory=BandMap)
    signatures: dict[int, list[bytes]] = field(default_factory=dict)
    high_water: int = 0
    high_water_signature: bytes = b""
    dirty: int = 0

    @classmethod
    def open(cls, path: Path | None) -> MemoryBandStore:
        store = cls(path=path)
        if path is not None and path.exists():
            store._load(path)
        return store

    def stories_for(self, bands: Iterable[int]) -> set[int]:
        found: set[int] = set()
        self.bands.stories_for(as_sequence(bands), found)
        return found

    def stories_for_many(self, band_lists: Sequence[Sequence[int]]) -> list[set[int]]:
        return self.bands.stories_for_many(band_lists)

    def signatures_for(self, story_ids: Iterable[int]) -> dict[int, list[bytes]]:
        return {sid: self.signatures[sid] for sid in story_ids if sid in self.signatures}

    def apply(self, entries: list[IndexEntry]) -> None:
        for entry in entries:
            self.bands.add(entry.bands, entry.story_id)
            _keep_signature(self.signatures, entry)
            if entry.doc_id > self.high_water:
                self.high_water, self.high_water_signature = entry.doc_id, entry.signature
        self.dirty += len(entries)

    def last_doc_id(self) -> int:
        return self.high_water

    def last_signature(self) -> bytes:
        return self.high_water_signature

    def reset(self) -> None:
        self.bands = BandMap()
        self.signatures = {}
        self.high_water, self.high_water_signature = 0, b""
        self.dirty += 1

    def save(self) -> None:
        if self.path is None or not self.dirty:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = (
            SNAPSHOT_VERSION,
            self.high_water,
            self.high_water_signature,
            self.bands.arrays(),
            self.signatures,
        )
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".index-")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)
        self.dirty = 0

    def _load(self, path: Path) -> None:
        with path.open("rb") as handle:
            payload = pickle.load(handle)  # noqa: S301 (our own file in the data folder)
        if payload[0] != SNAPSHOT_VERSION:
            return
        _, self.high_water, self.high_water_signature, (keys, stories), signatures = payload
        self.bands = BandMap(keys, stories)
        self.signatures = signatures


def _keep_signature(signatures: dict[int, list[bytes]], entry: IndexEntry) -> None:
    kept = signatures.setdefault(entry.story_id, [])
    if entry.keep_signature and len(kept) < MAX_SIGNATURES_PER_STORY:
        kept.append(entry.signature)


CatchUp = Callable[[int], list[IndexEntry]]
Verify = Callable[[int, bytes], bool]


@dataclass
class StoryIndex:
    """The store plus the pending writes of the batch being clustered."""

    store: BandStore
    catch_up: CatchUp
    verify: Verify
    pending: list[IndexEntry] = field(default_factory=list)
    pending_bands: BandMap = field(default_factory=BandMap)
    pending_signatures: dict[int, list[bytes]] = field(default_factory=dict)
    # The stored stories of the batch's documents, looked up at once (``prefetch``).
    prefetched: dict[tuple[int, ...], set[int]] = field(default_factory=dict)

    def refresh(self) -> int:
        """Add documents committed since the index last saw the database.

        When the database no longer holds the last document the index saw (the database
        was replaced, or a test rolled it back), the index is rebuilt from scratch.
        """
        high_water = self.store.last_doc_id()
        if high_water and not self.verify(high_water, self.store.last_signature()):
            self.store.reset()
        missing = self.catch_up(self.store.last_doc_id())
        if missing:
            self.store.apply(missing)
        return len(missing)

    def prefetch(self, band_lists: Sequence[tuple[int, ...]]) -> None:
        """Look up the stored stories of a batch's documents in one go, before clustering
        it: the store does not change until the batch commits."""
        found = self.store.stories_for_many(band_lists)
        self.prefetched = dict(zip(band_lists, found, strict=True))

    def candidates(self, bands: Iterable[int]) -> dict[int, list[bytes]]:
        band_list = as_sequence(bands)
        story_ids = self.prefetched.pop(tuple(band_list), None)
        if story_ids is None:
            story_ids = self.store.stories_for(band_list)
        self.pending_bands.stories_for(band_list, story_ids)
        stored = self.store.signatures_for(story_ids)
        found: dict[int, list[bytes]] = {}
        for sid in story_ids:
            packed = stored.get(sid, []) + self.pending_signatures.get(sid, [])
            if packed:
                found[sid] = packed
        return found

    def add(self, entry: IndexEntry) -> None:
        self.pending.append(entry)
        self.pending_bands.add(entry.bands, entry.story_id)
        _keep_signature(self.pending_signatures, entry)

    def resolve(self, doc_ids: list[int], story_ids: dict[int, int]) -> None:
        """Give the pending entries their saved document ids and real story ids."""
        self.pending = [
            IndexEntry(
                doc_id,
                story_ids.get(entry.story_id, entry.story_id),
                entry.bands,
                entry.signature,
                entry.keep_signature,
            )
            for entry, doc_id in zip(self.pending, doc_ids, strict=True)
        ]

    def commit(self) -> None:
        """Call after the batch's transaction committed."""
        if self.pending:
            self.store.apply(self.pending)
        self.discard()

    def discard(self) -> None:
        """Call when the batch's transaction rolled back."""
        self.pending = []
        self.pending_bands = BandMap()
        self.pending_signatures = {}
        self.prefetched = {}

    def save(self) -> None:
        self.store.save()
