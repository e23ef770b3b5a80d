"""The search benchmark and its synthetic claims."""

from __future__ import annotations

import random

import pytest

from kiemchung.matching.bench import run_match_benchmark
from kiemchung.matching.synthetic import claims, variant


def test_generated_claims_are_varied_and_reproducible() -> None:
    first = claims(2000, seed=4)
    assert first == claims(2000, seed=4)
    assert len(set(first)) > 1900
    assert len({text.split()[0] for text in first}) > 20


def test_a_variant_keeps_the_claims_content() -> None:
    rng = random.Random(5)
    for claim in claims(50, seed=6):
        assert len(variant(claim, rng)) >= len(claim) * 0.8


def test_the_benchmark_reports_latency_percentiles() -> None:
    figures = run_match_benchmark(claims=3000, queries=30, seed=2, embedder=None)
    assert figures["claims"] == 3000
    assert figures["queries"] == 30
    assert figures["embedder"] == "none"
    p50, p95, p99 = (float(figures[k]) for k in ("p50_ms", "p95_ms", "p99_ms"))
    assert 0 < p50 <= p95 <= p99
    assert float(figures["rewritten_found_first"]) >= 0.9


@pytest.mark.slow
def test_lexical_search_stays_within_50_ms_at_100k_claims() -> None:
    figures = run_match_benchmark(claims=100_000, queries=100, seed=1, embedder=None)
    assert float(figures["p95_ms"]) < 50


@pytest.mark.slow
def test_the_full_hybrid_search_has_no_latency_blowup_at_100k_claims() -> None:
    # The 50 ms target holds on an idle machine (see the report); on a shared CI
    # machine this only guards against regressions such as a spinning OpenMP pool,
    # which once turned 12 ms embeddings into 1.7 s.
    figures = run_match_benchmark(claims=100_000, queries=40, seed=1)
    assert float(figures["p95_ms"]) < 250
    assert float(figures.get("warm_p95_ms", 0.0)) < 250
