"""The one fused score of two texts, and the decision it leads to.

Both the index (``ClaimIndex.search``) and pair scoring (``pair_score``) call
``fuse(features(a, b, dense))``: the same features, the same coefficients, the same
scale. Features, all symmetric and in [0, 1]:

- ``lexical``: weighted Dice overlap of the two sets of accent-free canonical tokens
  (function syllables weigh 0.25, every other token 1). It needs no corpus, so an index
  of ten claims and one of a million give the same number; BM25, whose IDF depends on
  the corpus, only chooses the candidates;
- ``cover``: the shared weight over the smaller text's weight, so a long post that
  quotes a claim amid other sentences still covers it;
- ``char``: cosine of character 3–4-gram counts of the accent-free token string
  (typos, glued words, teencode);
- ``dense``: cosine of the two multilingual-e5-small embeddings, when an embedder
  is available and both texts are written the same way: e5 reads Vietnamese typed
  without diacritics poorly, so a pair where exactly one side is such text is scored
  by the lexical model (``dense_applies``).

Fusion: a logistic model, ``sigmoid(bias + Σ weight·feature)``, fitted by
``calibrate`` on ``tests/matching/data/pairs_vi.csv`` (pairs written for the
project). With an embedder the dense model is used, and it reads the cosine alone: at
a given cosine, more shared words more often mean a changed detail than the same
meaning, so the lexical features only blurred both the decisions and the ranking of
graded pairs (see ``graded``). Without an embedder, or when it does not apply, the
lexical model, fitted on the same pairs, so scores keep the same meaning.
Then each guard reason other than ``too_short`` multiplies the score by
``GUARD_FACTOR``: a near-identical pair with one mismatch stays a suggestion (1 × 0.7
is under the confirmed threshold, 0.7 × 0.95 above the suggested one) but ranks below
a clean paraphrase.

Decision: ``confirmed`` when the score reaches the confirmed threshold and no guard
fires; ``suggested`` when it reaches the suggested threshold (a guarded pair can be no
more); otherwise ``none``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from kiemchung.matching.prepare import Prepared

__all__ = [
    "DEFAULT_CONFIRMED",
    "DEFAULT_SUGGESTED",
    "DENSE_MODEL",
    "GUARD_FACTOR",
    "LEXICAL_MODEL",
    "Decision",
    "Logistic",
    "decide",
    "features",
    "fuse",
    "with_dense",
]

Decision = Literal["confirmed", "suggested", "none"]


@dataclass(frozen=True)
class Logistic:
    """A fixed logistic combination of named features."""

    bias: float
    weights: Mapping[str, float]

    def __call__(self, values: Mapping[str, float]) -> float:
        z = self.bias + sum(w * values[name] for name, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


# Fitted by ``python -m kiemchung.matching calibrate`` on the 358 pairs of
# tests/matching/data/pairs_vi.csv (see calibrate.py for the method). With an embedder
# the model reads the cosine alone: the lexical features added to it lowered the
# held-out AUC (0.905 against 0.946) and the ranking of the graded pairs of
# ``graded`` (Spearman 0.670 against 0.719, under the bare cosine's 0.718): at a given
# cosine, more shared words more often means a changed detail than the same meaning.
# Held-out figures (5 folds × 10 repeats), guards included: with the embedder AUC
# 0.946, best accuracy 0.889; lexical only AUC 0.883, best accuracy 0.856.
DENSE_MODEL = Logistic(bias=-18.115, weights={"dense": 20.081})
LEXICAL_MODEL = Logistic(bias=-1.672, weights={"lexical": 1.571, "cover": 1.724, "char": 0.732})
GUARD_FACTOR = 0.7
PENALISED_REASONS = frozenset({"negation", "number", "date", "place"})
# Held out with the embedder, 0.55 keeps 97.6% of true matches as suggestions or
# better (94.4% with the previous model; 92.1% without the embedder), and 57.6% of
# suggestions are right (55.1%). At 0.8 every confirmed pair was right and 21.7% of true
# matches were confirmed (lexical only: 97.6% and 23.2%): the guards, which block
# "confirmed" on any unexplained difference, decide most of that.
DEFAULT_SUGGESTED = 0.55
DEFAULT_CONFIRMED = 0.8


def dice(
    first: Mapping[str, float], second: Mapping[str, float], totals: tuple[float, float]
) -> float:
    """Weighted Dice overlap of two weighted sets (a shared key counts its lower weight)."""
    small, large = (first, second) if len(first) <= len(second) else (second, first)
    shared = sum(min(w, large[key]) for key, w in small.items() if key in large)
    denominator = totals[0] + totals[1]
    return 2.0 * shared / denominator if denominator else 0.0


def _cover(lexical: float, totals: tuple[float, float]) -> float:
    """Shared weight over the smaller text's weight: how much of the shorter text the
    longer one contains (a post that quotes a claim amid other sentences)."""
    smaller = min(totals)
    return min(1.0, lexical * (totals[0] + totals[1]) / (2.0 * smaller)) if smaller else 0.0


def _cosine(first: Mapping[str, float], second: Mapping[str, float]) -> float:
    small, large = (first, second) if len(first) <= len(second) else (second, first)
    return sum(v * large.get(key, 0.0) for key, v in small.items())


def dense_applies(first: Prepared, second: Prepared) -> bool:
    """Whether the embedding cosine means the same here as on the calibration pairs.

    e5 reads Vietnamese typed without diacritics poorly: an exact unaccented copy of
    a claim scores about 0.82 against it, as low as an unrelated claim. When exactly one
    side is such text, the lexical model (whose tokens ignore diacritics) scores alone.
    """
    return first.plain_vietnamese == second.plain_vietnamese


def features(first: Prepared, second: Prepared, dense: float | None = None) -> dict[str, float]:
    """The fusion features of a pair (``dense`` only when given and applicable)."""
    totals = (first.total_weight, second.total_weight)
    lexical = dice(first.weights, second.weights, totals)
    values = {
        "lexical": lexical,
        "cover": _cover(lexical, totals),
        "char": min(1.0, _cosine(first.grams, second.grams)),
    }
    return with_dense(values, first, second, dense)


def with_dense(
    values: dict[str, float], first: Prepared, second: Prepared, dense: float | None
) -> dict[str, float]:
    """``values`` plus the dense cosine, when given and applicable."""
    if dense is None or not dense_applies(first, second):
        return values
    return {**values, "dense": max(0.0, min(1.0, dense))}


def fuse(values: Mapping[str, float], reasons: Sequence[str] = ()) -> float:
    """The calibrated score in [0, 1] of a pair's features and guard reasons."""
    model = DENSE_MODEL if "dense" in values else LEXICAL_MODEL
    score = model(values)
    penalties = sum(1 for reason in reasons if reason in PENALISED_REASONS)
    return score * GUARD_FACTOR**penalties


def decide(
    score: float,
    reasons: Sequence[str],
    suggested: float = DEFAULT_SUGGESTED,
    confirmed: float = DEFAULT_CONFIRMED,
) -> Decision:
    """``confirmed``, ``suggested`` or ``none`` (see the module docstring)."""
    if score >= confirmed and not reasons:
        return "confirmed"
    if score >= suggested:
        return "suggested"
    return "none"
