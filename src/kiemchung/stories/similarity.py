"""How alike two documents are, from their packed MinHash signatures.

A packed signature is the MinHash values followed by the number of distinct shingles.
The similarity is the estimated Jaccard index, or, when the smaller document is long
enough and almost entirely contained in the other (an excerpt, a repost that keeps only
the first paragraph), the estimated containment.
"""

from __future__ import annotations

import numpy as np

MIN_CONTAINMENT_SHINGLES = 20
MIN_CONTAINMENT = 0.7


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


def similarity(a: bytes, b: bytes) -> float:
    sig_a, size_a = unpack(a)
    sig_b, size_b = unpack(b)
    jaccard = estimated_jaccard(sig_a, sig_b)
    smaller = min(size_a, size_b)
    if smaller < MIN_CONTAINMENT_SHINGLES or jaccard == 0.0:
        return jaccard
    overlap = jaccard * (size_a + size_b) / (1.0 + jaccard)
    containment = min(1.0, overlap / smaller)
    return max(jaccard, containment) if containment >= MIN_CONTAINMENT else jaccard
