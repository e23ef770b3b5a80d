"""A compact map from LSH band keys to story ids.

Python dicts cost about 100 bytes an entry, and every document adds one entry per band.
Here the bulk of the entries lives in two sorted numpy arrays (16 bytes an entry, looked
up with one vectorised binary search per document). Recent additions wait in a dict of
band → story (filled with C-speed ``dict.update``), with the rare band shared by two
stories kept aside, and are merged into the arrays when they grow.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import chain

import numpy as np
import numpy.typing as npt

MERGE_AT = 250_000
Int64Array = npt.NDArray[np.int64]


class BandMap:
    def __init__(self, keys: Int64Array | None = None, stories: Int64Array | None = None) -> None:
        self.keys: Int64Array = keys if keys is not None else np.empty(0, dtype=np.int64)
        self.stories: Int64Array = stories if stories is not None else np.empty(0, dtype=np.int64)
        self.recent: dict[int, int] = {}
        self.shared: dict[int, set[int]] = {}  # recent bands that several stories have

    def __len__(self) -> int:
        return int(self.keys.size) + len(self.recent) + sum(map(len, self.shared.values()))

    def add(self, bands: Sequence[int], story_id: int) -> None:
        recent = self.recent
        for band in recent.keys() & set(bands):
            other = recent[band]
            if other != story_id:
                self.shared.setdefault(band, {other}).add(story_id)
        recent.update(dict.fromkeys(bands, story_id))
        if len(recent) >= MERGE_AT:
            self.merge()

    def stories_for(self, bands: Sequence[int], found: set[int]) -> None:
        if self.keys.size:
            self._sorted_lookup(np.array(bands, dtype=np.int64), found)
        self._recent_lookup(bands, found)

    def stories_for_many(self, band_lists: Sequence[Sequence[int]]) -> list[set[int]]:
        """``stories_for`` of several documents: one vectorised search for all of them."""
        found: list[set[int]] = [set() for _ in band_lists]
        if self.keys.size and band_lists:
            lengths = [len(bands) for bands in band_lists]
            wanted = np.fromiter(chain.from_iterable(band_lists), np.int64, sum(lengths))
            owner = np.repeat(np.arange(len(band_lists)), lengths)
            left = np.searchsorted(self.keys, wanted, side="left")
            right = np.searchsorted(self.keys, wanted, side="right")
            hits = left < right
            stories = self.stories
            for doc, start, end in zip(
                owner[hits].tolist(), left[hits].tolist(), right[hits].tolist(), strict=True
            ):
                found[doc].update(stories[start:end].tolist())
        if self.recent:
            for bands, stories_found in zip(band_lists, found, strict=True):
                self._recent_lookup(bands, stories_found)
        return found

    def _recent_lookup(self, bands: Sequence[int], found: set[int]) -> None:
        recent = self.recent
        for band in recent.keys() & set(bands):
            found.add(recent[band])
            shared = self.shared.get(band)
            if shared:
                found.update(shared)

    def _sorted_lookup(self, wanted: Int64Array, found: set[int]) -> None:
        left = np.searchsorted(self.keys, wanted, side="left")
        right = np.searchsorted(self.keys, wanted, side="right")
        hits = left < right
        if not hits.any():
            return
        for start, end in zip(left[hits].tolist(), right[hits].tolist(), strict=True):
            found.update(self.stories[start:end].tolist())

    def merge(self) -> None:
        """Fold the recent additions into the sorted arrays."""
        if not self.recent:
            return
        recent, count = self.recent, len(self.recent)
        shared = [(band, sid) for band, sids in self.shared.items() for sid in sids]
        extra = np.array(shared, dtype=np.int64).reshape(-1, 2)
        keys = np.concatenate([self.keys, np.fromiter(recent.keys(), np.int64, count), extra[:, 0]])
        stories = np.concatenate(
            [self.stories, np.fromiter(recent.values(), np.int64, count), extra[:, 1]]
        )
        order = np.lexsort((stories, keys))
        keys, stories = keys[order], stories[order]
        distinct = np.ones(keys.size, dtype=bool)
        distinct[1:] = (keys[1:] != keys[:-1]) | (stories[1:] != stories[:-1])
        self.keys, self.stories = keys[distinct], stories[distinct]
        self.recent, self.shared = {}, {}

    def arrays(self) -> tuple[Int64Array, Int64Array]:
        self.merge()
        return self.keys, self.stories


def as_sequence(bands: Iterable[int]) -> Sequence[int]:
    return bands if isinstance(bands, Sequence) else list(bands)
