"""The synthetic development set, and a learning sanity check on the demo corpus."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kiemchung.text.normalize import has_diacritics
from kiemchung.triage import devdata
from kiemchung.triage.__main__ import main as cli
from kiemchung.triage.data import load_csv
from kiemchung.triage.model import ModelConfig, evaluate


def test_generation_is_seeded_and_messy(tmp_path: Path) -> None:
    rows = devdata.generate(800, seed=5)
    assert rows == devdata.generate(800, seed=5)
    assert rows != devdata.generate(800, seed=6)
    texts = [row["post_message"] for row in rows]
    share = sum(int(float(row["label"])) for row in rows) / len(rows)
    assert 0.15 < share < 0.32
    assert max(Counter(texts).values()) >= 3  # reposts
    assert sum(1 for t in texts if not has_diacritics(t)) > 80  # typed without accents
    assert any(row["num_like_post"] in {"", "NaN"} for row in rows)
    assert any(row["num_like_post"].endswith(".0") for row in rows)
    assert any("T" in row["timestamp_post"] for row in rows)  # a few ISO 8601 times
    likes = sorted(float(r["num_like_post"]) for r in rows if r["num_like_post"][:1].isdigit())
    assert likes[-1] > 20 * likes[len(likes) // 2]  # heavy tail

    path = devdata.write_csv(tmp_path / "dev.csv", rows)
    data = load_csv(path, "post_message", "label", [*devdata.COLUMNS[1:2], *devdata.COLUMNS[3:7]])
    assert len(data) == 800
    assert data.kinds["user_name"] == "ignored"
    assert data.kinds["timestamp_post"] == "timestamp"
    assert data.kinds["num_share_post"] == "count"


def test_cli_writes_the_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.csv"
    cli(["devdata", "--rows", "50", "--seed", "1", "--out", str(out)])
    assert "wrote 50 rows" in capsys.readouterr().out
    assert len(load_csv(out, "post_message", "label")) == 50


def test_demo_corpus_labels() -> None:
    data = devdata.demo_dataset()
    assert len(data) == 417  # 7 unverifiable documents have no label
    assert data.positives == 253
    assert data.kinds == {
        "likes": "count",
        "comments": "count",
        "shares": "count",
        "posted_at": "timestamp",
    }
    assert devdata.demo_dataset(group_by_story=True).groups is not None


@pytest.mark.slow
def test_learns_the_demo_corpus() -> None:
    """Grouped by story, so a held-out fold holds stories the model never saw."""
    data = devdata.demo_dataset(group_by_story=True)
    config = ModelConfig(c_grid=(1.0, 4.0), inner_folds=3, n_jobs=1)
    result = evaluate(data, folds=5, seed=0, config=config)
    assert result["roc_auc"] > 0.9, result
    assert result["f1"] > 0.8, result
