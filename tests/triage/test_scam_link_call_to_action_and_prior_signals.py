"""The triage model reads "click the link" and "inbox now" phrases and the shipped
prior's judgement as signals; a model saved before them keeps reading its own."""

from __future__ import annotations

import numpy as np
import pytest

from kiemchung.triage import features
from kiemchung.triage.features import (
    FIRST_SIGNAL_NAMES,
    SIGNAL_NAMES,
    TriageFeatures,
    lexicon_hits,
    prepare,
    signals,
)

SCAM = "Bấm vào link bên dưới, đăng nhập và nhập mã OTP để nhận 2 triệu tiền hỗ trợ. Inbox ngay!"
NEWS = "Theo Sở Y tế, 12 người ngộ độc sau bữa trưa tại xã An Phú đã xuất viện."


def test_a_scam_post_asks_to_open_a_link_and_to_act_at_once() -> None:
    post = prepare([SCAM], None)[0]
    assert lexicon_hits(post, "scam_link")
    assert lexicon_hits(post, "call_to_action")
    assert not lexicon_hits(prepare([NEWS], None)[0], "scam_link")


def test_the_phrases_are_found_in_a_post_typed_without_diacritics() -> None:
    post = prepare(["Bam vao link ben duoi de nhan qua, inbox ngay"], None)[0]
    assert lexicon_hits(post, "scam_link") and lexicon_hits(post, "call_to_action")


def test_the_prior_scores_a_scam_above_a_news_report() -> None:
    scam, news = (signals(prepare([text], None)[0]) for text in (SCAM, NEWS))
    assert scam["prior"] > news["prior"]


def test_a_new_transformer_reads_every_signal() -> None:
    posts = prepare([SCAM, NEWS, SCAM + " 2", NEWS + " 2"], None)
    assert TriageFeatures().fit(posts).trained_signals() == SIGNAL_NAMES


def test_a_transformer_fitted_before_the_new_signals_keeps_its_width(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    posts = prepare([SCAM, NEWS, SCAM + " 2", NEWS + " 2"], None)
    monkeypatch.setattr(features, "SIGNAL_NAMES", FIRST_SIGNAL_NAMES)
    fitted = TriageFeatures().fit(posts)
    monkeypatch.undo()
    del fitted.signal_names_  # what a model saved before this change looks like
    assert fitted.dense_raw(posts).shape[1] == len(FIRST_SIGNAL_NAMES)
    matrix = fitted.transform(posts)
    assert matrix.shape[1] == sum(fitted.block_sizes)
    assert np.isfinite(matrix.toarray()).all()
