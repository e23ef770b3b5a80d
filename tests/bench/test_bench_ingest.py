"""`kiemchung bench ingest` prints its figures as one JSON line, on a temporary database."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiemchung.testing.factories import random_rows

pytestmark = pytest.mark.slow

VNTC = (
    Path(__file__).resolve().parents[2].parent
    / "shared"
    / "data"
    / "vntc"
    / "vntc_sample10k.jsonl.gz"
)
FIGURES = {"docs", "seconds", "docs_per_s", "mb_per_s", "peak_rss_mb", "stories"}


def bench(path: Path, *extra: str) -> dict[str, object]:
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "kiemchung.cli", "bench", "ingest", "--input", str(path), *extra],
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


def test_the_benchmark_reports_every_figure_for_a_gzipped_file(tmp_path: Path) -> None:
    rows = [{"text": row["text"]} for row in random_rows(300)] + [{"text": "x" * 50}] * 2
    path = tmp_path / "small.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    figures = bench(path, "--workers", "1")
    assert figures.keys() >= FIGURES
    assert figures["docs"] == 302
    assert figures["duplicates"] == 1


def test_the_benchmark_runs_on_real_news_when_it_is_present() -> None:
    if not VNTC.exists():
        pytest.skip(f"{VNTC} is absent: the real-news benchmark needs ../shared/data/vntc")
    figures = bench(VNTC, "--limit", "500")
    assert figures["docs"] == 500
    assert isinstance(figures["stories"], int) and 0 < figures["stories"] <= 500
