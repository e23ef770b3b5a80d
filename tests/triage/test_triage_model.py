"""Training, scoring, calibration, explanations and fold hygiene of the triage model."""

from __future__ import annotations

import itertools
import random
import unicodedata

import numpy as np
import pytest

from kiemchung.triage import devdata
from kiemchung.triage.data import Dataset, from_records, text_group
from kiemchung.triage.model import ModelConfig, TriageModel, evaluate, fold_indices, train

FAST = ModelConfig(c_grid=(1.0, 4.0), inner_folds=3, n_jobs=1)
META = ["timestamp_post", "num_like_post", "num_comment_post", "num_share_post"]

OBVIOUS_FALSE = (
    "KHẨN CẤP!!! Uống nước chanh ấm chữa khỏi Covid-19 chỉ sau 3 ngày, Bộ Y tế giấu kín. "
    "Hãy chia sẻ ngay cho người thân! http://tinhot247.net/tin-moi-123456 😱😱😱"
)
OBVIOUS_TRUE = (
    "Hôm nay thử làm món bún chả, lần đầu làm mà cả nhà khen ngon. Chúc mọi người cuối tuần vui vẻ."
)


@pytest.fixture(scope="module")
def model() -> TriageModel:
    return train(devdata.dataset(1200, seed=11), seed=0, config=FAST)


def _copies(text: str, rng: random.Random) -> str:
    """The same text as another repost would write it (case, Unicode form, spaces)."""
    variant = rng.choice([text, text.upper(), unicodedata.normalize("NFD", text), f" {text}  "])
    return variant.replace(" ", "  ") if rng.random() < 0.3 else variant


def test_identical_texts_never_on_both_sides_of_a_fold() -> None:
    rng = random.Random(4)
    originals = [f"Bài đăng số {i}: tin về giá xăng và thời tiết" for i in range(50)]
    label_of = {text: int(i % 4 == 0) for i, text in enumerate(originals)}
    texts, labels = [], []
    for _ in range(600):  # about twelve reposts of every text
        text = rng.choice(originals)
        texts.append(_copies(text, rng))
        labels.append(label_of[text])
    data = from_records(texts, labels)
    groups = [text_group(t) for t in data.texts]
    assert len(set(groups)) == 50
    folds = fold_indices(data, folds=5, seed=0)
    assert len(folds) == 5
    tested = np.concatenate([test for _, test in folds])
    assert sorted(tested.tolist()) == list(range(len(texts)))
    for train_rows, test_rows in folds:
        assert not {groups[i] for i in train_rows} & {groups[i] for i in test_rows}
        share = np.mean([labels[i] for i in test_rows])
        assert 0.1 < share < 0.45  # stratified: a quarter of the texts are positive


def test_fold_groups_can_be_given() -> None:
    data = from_records([f"t{i}" for i in range(40)], [i % 2 for i in range(40)])
    data.groups = [f"story{i // 10}" for i in range(40)]
    for train_rows, test_rows in fold_indices(data, folds=4, seed=1):
        assert not {data.groups[i] for i in train_rows} & {data.groups[i] for i in test_rows}


def test_train_and_score(model: TriageModel) -> None:
    raw = [{"num_like_post": "12.0", "num_share_post": "300", "timestamp_post": "1584282000"}]
    parsed = [{"num_like_post": 12.0, "num_share_post": 300.0, "timestamp_post": 1584282000.0}]
    columns = {
        "num_like_post": [12],
        "num_share_post": [300],
        "timestamp_post": ["2020-03-15T14:20:00Z"],
    }
    scores = [model.score([OBVIOUS_FALSE], meta)[0] for meta in (raw, parsed, columns)]
    assert scores[0] == pytest.approx(scores[1]) == pytest.approx(scores[2])
    both = model.score([OBVIOUS_FALSE, OBVIOUS_TRUE])  # meta missing altogether
    assert all(0.0 <= s <= 1.0 for s in both)
    assert both[0] > 0.8 > 0.2 > both[1]
    assert model.score([]) == []
    assert model.flag([OBVIOUS_FALSE, OBVIOUS_TRUE]) == [True, False]
    assert 0.0 < model.threshold < 1.0
    assert model.training["n"] == 1200
    assert model.training["choice"] in {"linear", "stack", "stack+trend"}
    assert set(model.kinds) == set(META)
    with pytest.raises(ValueError, match="2 texts but 1 meta rows"):
        model.score(["a", "b"], [{}])


def test_scores_are_calibrated_on_new_posts(model: TriageModel) -> None:
    held_out = devdata.dataset(1500, seed=12)
    scores = np.asarray(model.score(held_out.texts, held_out.meta_rows()))
    labels = np.asarray(held_out.labels)
    assert scores.min() >= 0.0 and scores.max() <= 1.0
    order = np.argsort(scores)
    bins = np.array_split(order, 5)
    observed = [labels[b].mean() for b in bins]
    predicted = [scores[b].mean() for b in bins]
    assert observed == sorted(observed) or all(
        later >= earlier - 0.03 for earlier, later in itertools.pairwise(observed)
    )
    for seen, said in zip(observed, predicted, strict=True):
        assert abs(seen - said) < 0.12, (observed, predicted)
    assert abs(scores.mean() - labels.mean()) < 0.05


def test_explanations_name_the_obvious_feature(model: TriageModel) -> None:
    reasons = model.explain(OBVIOUS_FALSE, {"num_like_post": 3, "num_share_post": 900}, top=6)
    assert len(reasons) == 6
    text = " | ".join(phrase for phrase, _ in reasons)
    assert "tinhot247.net" in text or "khẩn" in text or "chia sẻ" in text, reasons
    assert reasons[0][1] > 0  # the strongest reason pushes towards a fact-check
    assert all(abs(a[1]) >= abs(b[1]) for a, b in itertools.pairwise(reasons))
    calm = model.explain(OBVIOUS_TRUE, top=3)
    assert sum(effect for _, effect in calm) < 0
    assert model.explain("", top=2) == [] or len(model.explain("", top=2)) <= 2


def test_evaluate_reports_the_figures() -> None:
    data = devdata.dataset(500, seed=13)
    result = evaluate(data, folds=3, seed=0, config=FAST)
    assert set(result) >= {"roc_auc", "pr_auc", "f1", "folds", "n", "positives"}
    assert result["n"] == 500
    assert result["positives"] == sum(data.labels)
    assert len(result["folds"]) == 3
    assert sum(f["n_test"] for f in result["folds"]) == 500
    for fold in result["folds"]:
        assert fold["n_train"] + fold["n_test"] == 500
        assert set(fold) >= {"roc_auc", "pr_auc", "f1", "n_train", "n_test"}
    assert result["roc_auc"] > 0.8


def test_training_needs_both_labels() -> None:
    with pytest.raises(ValueError, match="both labels"):
        train(Dataset(texts=["a", "b"], labels=[1, 1]))


def test_tiny_and_uniform_sets_still_train() -> None:
    data = from_records(["tin giả", "tin thật", "😀"] * 4, [1, 0, 0] * 4)
    tiny = train(data, config=FAST)
    scores = tiny.score(["tin giả", "xin chào"])
    assert all(0.0 <= s <= 1.0 for s in scores)
