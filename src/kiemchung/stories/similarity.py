"""How alike two documents are, from their packed MinHash signatures.

A packed signature is the MinHash values followed by the number of distinct shingles.
The similarity is the estimated Jaccard index, or, when the smaller document is long
enough and almost entirely contained in the other (an excerpt, a repost that keeps only
the first paragraph), the estimated containment.

The containment estimate is only a lead: when one document is much smaller than the
other, a few MinHash slots equal by chance (a stock phrase such as "dịch Covid-19 đang
diễn biến phức tạp") make it look contained. ``Similarity.via_containment`` says so, and
the clusterer then confirms the containment exactly on the pair's shingles
(``exact_containment``) before it joins them.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

MIN_CONTAINMENT_SHINGLES = 40
MIN_CONTAINMENT = 0.7


class Similarity(NamedTuple):
    value: float
    via_containment: bool


def pack(signature: np.ndarray, size: int) -> bytes:
    """The signature's uint32 values then its shingle count, little-endian."""
    values: bytes = signature.astype("<u4", copy=False).tobytes()
    return values + min(size, 2**32 - 1).to_bytes(4, "little")


def unpack(raw: bytes) -> tuple[np.ndarray, int]:
    values = np.frombuffer(raw, dtype=np.uint32)
    return values[:-1], int(values[-1])


EMPTY_SLOT = 0xFFFFFFFF


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Share of equal MinHash slots; a document without shingles is like nothing."""
    if not a.size or (a[0] == EMPTY_SLOT and bool(np.all(a == EMPTY_SLOT))):
        return 0.0
    return float(np.count_nonzero(a == b)) / a.size


def compare(a: bytes, b: bytes) -> Similarity:
    sig_a, size_a = unpack(a)
    sig_b, size_b = unpack(b)
    jaccard = estimated_jaccard(sig_a, sig_b)
    smaller = min(size_a, size_b)
    if smaller < MIN_CONTAINMENT_SHINGLES or jaccard == 0.0:
        return Similarity(jaccard, False)
    overlap = jaccard * (size_a + size_b) / (1.0 + jaccard)
    containment = min(1.0, overlap / smaller)
    if containment >= MIN_CONTAINMENT and containment > jaccard:
        return Similarity(containment, True)
    return Similarity(jaccard, False)


def similarity(a: bytes, b: bytes) -> float:
    return compare(a, b).value


def exact_containment(a: np.ndarray, b: np.ndarray) -> float:
    """Share of the smaller set of shingle hashes found in the other (0 for an empty or
    too small set)."""
    smaller = min(a.size, b.size)
    if smaller < MIN_CONTAINMENT_SHINGLES:
        return 0.0
    shared = np.intersect1d(a, b, assume_unique=True).size
    return shared / smaller
