from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiemchung.testing.commands import run_command


@pytest.mark.slow
def test_the_report_benchmark_times_figures_and_the_word_file_of_nine_months(
    tmp_path: Path,
) -> None:
    code, out, _ = run_command(
        "bench", "report", "--documents", "400", "--repeat", "1", "--data-dir", str(tmp_path)
    )
    data = json.loads(out)
    assert code == 0
    assert data["period"] == "2026-9M"
    assert data["documents"] == data["documents_in_period"] == 400
    assert data["cases_opened"] > 0
    assert data["total_seconds"] == pytest.approx(
        data["figures_and_charts_seconds"] + data["docx_seconds"], abs=0.02
    )
    assert isinstance(data["within_target"], bool)
    assert data["docx_bytes"] > 10_000
