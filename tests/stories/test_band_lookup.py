"""Looking up a whole batch's bands at once finds what looking them up one by one finds."""

from __future__ import annotations

import random

from kiemchung.stories.bandmap import BandMap
from kiemchung.stories.index import IndexEntry, MemoryBandStore, StoryIndex


def filled_map(documents: int, seed: int = 7) -> tuple[BandMap, list[list[int]]]:
    rng = random.Random(seed)
    bands = [[rng.getrandbits(40) for _ in range(6)] for _ in range(documents)]
    bands[5][:2] = bands[3][:2]  # two stories share bands
    band_map = BandMap()
    for story_id, doc_bands in enumerate(bands[: documents // 2]):
        band_map.add(doc_bands, story_id)
    band_map.merge()  # half in the sorted arrays, half still recent
    for story_id, doc_bands in enumerate(bands[documents // 2 :], start=documents // 2):
        band_map.add(doc_bands, story_id)
    band_map.add(bands[1][:1], 99)  # a recent band two stories share
    return band_map, bands


def one_by_one(band_map: BandMap, band_lists: list[list[int]]) -> list[set[int]]:
    found: list[set[int]] = []
    for bands in band_lists:
        stories: set[int] = set()
        band_map.stories_for(bands, stories)
        found.append(stories)
    return found


def test_a_batch_lookup_finds_the_same_stories_as_one_lookup_a_document() -> None:
    band_map, bands = filled_map(40)
    queries = [*bands, [1, 2, 3], [*bands[1][:1], 5], []]
    assert band_map.stories_for_many(queries) == one_by_one(band_map, queries)
    assert band_map.stories_for_many(queries)[5] >= {3, 5}


def test_the_index_uses_a_prefetched_lookup_once_and_forgets_it_after_the_batch() -> None:
    store = MemoryBandStore()
    store.apply([IndexEntry(1, 10, (1, 2, 3), b"s", True)])
    index = StoryIndex(store, catch_up=lambda _: [], verify=lambda *_: True)
    index.prefetch([(1, 9, 9)])
    assert index.prefetched == {(1, 9, 9): {10}}
    assert set(index.candidates((1, 9, 9))) == {10}
    assert index.prefetched == {}
    index.prefetch([(2,)])
    index.discard()
    assert index.prefetched == {}
