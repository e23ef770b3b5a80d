"""`kiemchung bench pages` times the staff pages on its own generated database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiemchung.bench.pages import PAGES, build, corpus, percentile
from kiemchung.sources.models import Source

FIGURES = {
    "documents",
    "stories",
    "claims",
    "open_alerts",
    "reused",
    "build_seconds",
    "repeat",
    "database",
    "pages",
}


def bench_pages(*extra: str) -> dict[str, object]:
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "kiemchung.cli", "bench", "pages", *extra],
        capture_output=True,
        text=True,
        check=False,
        env={k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1
    figures: dict[str, object] = json.loads(lines[0])
    return figures


@pytest.mark.slow
def test_the_benchmark_reports_each_pages_times_and_reuses_its_database(tmp_path: Path) -> None:
    options = ("--documents", "300", "--repeat", "2", "--data-dir", str(tmp_path))
    first = bench_pages(*options)
    assert first.keys() >= FIGURES
    assert first["documents"] == 300
    assert first["reused"] is False
    assert first["database"] == "sqlite"
    assert isinstance(first["stories"], int) and 0 < first["stories"] <= 300
    pages = first["pages"]
    assert isinstance(pages, dict)
    assert set(pages) == {name for name, _ in PAGES}
    for figures in pages.values():
        assert figures.keys() >= {"url", "p50_ms", "p95_ms", "queries"}
        assert 0 < figures["p50_ms"] <= figures["p95_ms"]
    assert (tmp_path / "kiemchung.sqlite3").exists()
    again = bench_pages(*options)
    assert again["reused"] is True
    assert again["stories"] == first["stories"]


def test_the_generated_corpus_has_exactly_the_asked_size_and_is_reproducible() -> None:
    first = [(r.url, r.text) for r in corpus(500, seed=3)]
    assert len(first) == 500
    assert len({url for url, _ in first}) == 500
    assert first == [(r.url, r.text) for r in corpus(500, seed=3)]


def test_private_accounts_of_the_generated_corpus_are_pseudonymised() -> None:
    private = [r for r in corpus(200, seed=4) if r.account_kind == "private"]
    assert private
    assert not any(r.account.startswith("nguoidung") for r in private)


def test_percentiles_interpolate_between_ranks() -> None:
    assert percentile([10.0], 95) == 10.0
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 50) == 3.0
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 95) == pytest.approx(4.8)


@pytest.mark.django_db
def test_the_benchmark_refuses_a_database_that_holds_other_data() -> None:
    Source.objects.create(name="Báo Hòa Lâm", kind="feed")
    with pytest.raises(RuntimeError, match="holds other data"):
        build(documents=10, seed=1)
    assert list(Source.objects.values_list("name", flat=True)) == ["Báo Hòa Lâm"]
