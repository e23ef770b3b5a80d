"""A compact map from LSH band keys to story ids.

Python dicts cost about 100 bytes an entry, and every document adds one entry per band.
Here the bulk of the entries lives in two sorted numpy arrays (16 bytes an entry, looked
up with one vectorised binary search per document); recent additions wait in a small
dict and are merged in when it grows.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

MERGE_AT = 200_000


class BandMap:
    def __init__(
        self,
        keys: npt.NDArray[np.int64] | None = None,
        stories: npt.NDArray[np.int64] | None = None,
    ) -> None:
        self.keys = keys if keys is not None else np.empty(0, dtype=np.int64)
        self.stories = stories if stories is not None else np.empty(0, dtype=np.int64)
        self.recent: dict[int, list[int]] = {}
        self.recent_count = 0

    def __len__(self) -> int:
        return int(self.keys.size) + self.recent_count

    def add(self, bands: Iterable[int], story_id: int) -> None:
        for band in bands:
            stories = self.recent.setdefault(band, [])
            if story_id not in stories:
                stories.append(story_id)
                self.recent_count += 1
        if self.recent_count >= MERGE_AT:
            self.merge()

    def stories_for(self, bands: Iterable[int], found: set[int]) -> None:
        band_list = list(bands)
        if self.keys.size:
            self._sorted_lookup(np.fromiter(band_list, dtype=np.int64, count=len(band_list)), found)
        if self.recent:
            lookup = self.recent.get
            for band in band_list:
                stories = lookup(band)
                if stories:
                    found.update(stories)

    def _sorted_lookup(self, wanted: npt.NDArray[np.int64], found: set[int]) -> None:
        left = np.searchsorted(self.keys, wanted, side="left")
        right = np.searchsorted(self.keys, wanted, side="right")
        for start, end in zip(
            left[left < right].tolist(), right[left < right].tolist(), strict=True
        ):
            found.update(self.stories[start:end].tolist())

    def merge(self) -> None:
        """Fold the recent additions into the sorted arrays."""
        if not self.recent:
            return
        new_keys = np.fromiter(
            (band for band, stories in self.recent.items() for _ in stories), dtype=np.int64
        )
        new_stories = np.fromiter(
            (sid for stories in self.recent.values() for sid in stories), dtype=np.int64
        )
        keys = np.concatenate([self.keys, new_keys])
        stories = np.concatenate([self.stories, new_stories])
        order = np.lexsort((stories, keys))
        self.keys, self.stories = keys[order], stories[order]
        self.recent, self.recent_count = {}, 0

    def arrays(self) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        self.merge()
        return self.keys, self.stories
