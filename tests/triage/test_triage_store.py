"""Versioned triage models on disk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiemchung.triage import store
from kiemchung.triage.data import from_records
from kiemchung.triage.model import FORMAT_VERSION, ModelConfig, TriageModel, train

TEXTS = [
    "Khẩn cấp chia sẻ ngay tin mật http://tinhot247.net/a",
    "Sốc: uống nước chanh chữa khỏi bệnh, share ngay",
    "Tin nóng: cắt điện toàn tỉnh 5 ngày, tích trữ nước gấp",
    "Hôm nay cả nhà đi chơi công viên, trời đẹp",
    "Shop mới về áo khoác, inbox để đặt hàng",
    "Chúc mừng đội tuyển đã chiến thắng, quá tự hào",
] * 6


@pytest.fixture(scope="module")
def model() -> TriageModel:
    labels = [1, 1, 1, 0, 0, 0] * 6
    likes = [float(i % 7) for i in range(len(TEXTS))]
    data = from_records([f"{t} {i}" for i, t in enumerate(TEXTS)], labels, {"likes": likes})
    return train(data, seed=0, config=ModelConfig(c_grid=(1.0,), inner_folds=3, n_jobs=1))


def test_round_trip_and_metadata(model: TriageModel, tmp_path: Path) -> None:
    folder = tmp_path / "models"
    path = store.save(model, folder, cv={"roc_auc": 0.9}, note="test")
    assert path == folder / "v0001"
    assert {p.name for p in path.iterdir()} == {"model.joblib", "metadata.json"}
    meta = json.loads((path / "metadata.json").read_text(encoding="utf-8"))
    assert meta["version"] == 1
    assert meta["format_version"] == FORMAT_VERSION
    assert meta["training_size"] == len(TEXTS)
    assert meta["cv"] == {"roc_auc": 0.9}
    assert meta["config"]["features"]["char_ngrams"] == [2, 5]
    assert set(meta["libraries"]) >= {"python", "scikit-learn", "numpy", "scipy"}
    assert meta["created"].endswith("+00:00")
    loaded = store.load(path)
    probe = ["Khẩn cấp chia sẻ ngay", "Trời đẹp cả nhà đi chơi"]
    assert loaded.score(probe, [{"likes": 3}, {}]) == model.score(probe, [{"likes": 3}, {}])


def test_load_latest_picks_the_newest(model: TriageModel, tmp_path: Path) -> None:
    folder = tmp_path / "models"
    assert store.load_latest(folder) is None
    assert store.versions(folder) == []
    for _ in range(3):
        store.save(model, folder)
    (folder / "v0002" / "metadata.json").write_text(
        json.dumps({"format_version": FORMAT_VERSION, "marker": "two"}), encoding="utf-8"
    )
    (folder / "notes").mkdir()  # stray folders are ignored
    (folder / "v0009").mkdir()  # a version without metadata is not a version
    found = store.versions(folder)
    assert [v.number for v in found] == [1, 2, 3]
    assert found[1].metadata["marker"] == "two"
    assert store.load_latest(folder) is not None
    assert store.save(model, folder).name == "v0010"  # numbers are never reused
    latest = store.versions(folder)[-1]
    assert latest.name == "v0010"


def test_newer_format_is_refused_clearly(model: TriageModel, tmp_path: Path) -> None:
    path = store.save(model, tmp_path)
    meta_path = path / "metadata.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["format_version"] = FORMAT_VERSION + 1
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(store.IncompatibleModelError, match=r"newer kiemchung.*retrain"):
        store.load_latest(tmp_path)


def test_other_scikit_learn_is_refused_clearly(model: TriageModel, tmp_path: Path) -> None:
    path = store.save(model, tmp_path)
    meta_path = path / "metadata.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["libraries"]["scikit-learn"] = "0.24.2"
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(store.IncompatibleModelError, match=r"scikit-learn 0\.24\.2.*Retrain"):
        store.load(path)


def test_not_a_model_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="not a saved triage model"):
        store.load(tmp_path)
