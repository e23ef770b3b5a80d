"""`kiemchung bench api` measures the API through its whole stack (here in-process, small)."""

from __future__ import annotations

from typing import Any

import pytest

from kiemchung.bench import api as bench
from kiemchung.sources.models import Document

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

OPTIONS: dict[str, Any] = {
    "input": None,
    "documents": 30,
    "batch": 10,
    "claims": 40,
    "queries": 3,
    "seed": 1,
}


def test_it_measures_documents_sent_in_batches(settings: Any) -> None:
    settings.API_RATE_PER_MINUTE = 10_000
    figures = bench.measure("documents", OPTIONS)
    assert figures["docs"] == 30 and figures["requests"] == 3
    assert figures["added"] == Document.objects.count() == 30
    assert figures["docs_per_s"] > 0 and "request_p95_ms" in figures


def test_it_measures_match_latency_against_the_claims_it_built(settings: Any) -> None:
    settings.API_RATE_PER_MINUTE = 10_000
    settings.EMBEDDER = "none"
    figures = bench.measure("match", OPTIONS)
    assert figures["claims"] == 40 and figures["queries"] == 3
    assert figures["p95_ms"] >= figures["p50_ms"] > 0
