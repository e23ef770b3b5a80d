"""The triage model reads the shipped prior's judgement as a signal (its hand-weighted
cues generalise to wordings the training set never had); a model saved before keeps
reading the signals it was trained on."""

from __future__ import annotations

import numpy as np
import pytest

from kiemchung.triage import features
from kiemchung.triage.features import (
    FIRST_SIGNAL_NAMES,
    SIGNAL_NAMES,
    TriageFeatures,
    prepare,
    signals,
)

SCAM = "KHẨN!!! Nghe nói sắp phát tiền hỗ trợ 2 triệu, bấm vào bit.ly/nhan-tien, chia sẻ ngay!"
NEWS = "Theo Sở Y tế, 12 người ngộ độc sau bữa trưa tại xã An Phú đã xuất viện."


def test_the_prior_signal_scores_a_scam_above_a_news_report() -> None:
    scam, news = (signals(prepare([text], None)[0]) for text in (SCAM, NEWS))
    assert scam["prior"] > 0 > news["prior"]


def test_a_new_transformer_reads_every_signal() -> None:
    posts = prepare([SCAM, NEWS, SCAM + " 2", NEWS + " 2"], None)
    fitted = TriageFeatures().fit(posts)
    assert fitted.trained_signals() == SIGNAL_NAMES
    assert "prior" in fitted.dense_names()


def test_a_transformer_fitted_before_the_prior_signal_keeps_its_width(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    posts = prepare([SCAM, NEWS, SCAM + " 2", NEWS + " 2"], None)
    monkeypatch.setattr(features, "SIGNAL_NAMES", FIRST_SIGNAL_NAMES)
    fitted = TriageFeatures().fit(posts)
    monkeypatch.undo()
    del fitted.signal_names_  # what a model saved before this change looks like
    assert "prior" not in fitted.dense_names()
    assert fitted.dense_raw(posts).shape[1] == len(FIRST_SIGNAL_NAMES)
    matrix = fitted.transform(posts)
    assert matrix.shape[1] == sum(fitted.block_sizes)
    assert np.isfinite(matrix.toarray()).all()
