"""The triage model's English reasons are shown in the reader's language."""

from __future__ import annotations

import pytest
from django.utils import translation

from kiemchung.claims.triage_words import PHRASES, translate_reason
from kiemchung.triage.features import SIGNALS


@pytest.mark.parametrize(
    ("reason", "vietnamese"),
    [
        ("urgency words", "từ ngữ thúc giục"),
        ("urgency words: khẩn, gấp", "từ ngữ thúc giục: khẩn, gấp"),
        ("word 'sập'", "từ “sập”"),
        ("link to bit.example (a shortened link)", "liên kết đến bit.example (liên kết rút gọn)"),
        ("many shares for few likes", "nhiều lượt chia sẻ so với ít lượt thích"),
        ("posted at night (0-5h)", "đăng lúc nửa đêm (0-5 giờ)"),
        ("something the table does not know", "something the table does not know"),
    ],
)
def test_a_reason_reads_in_vietnamese(reason: str, vietnamese: str) -> None:
    with translation.override("vi"):
        assert translate_reason(reason) == vietnamese


def test_every_signal_phrase_of_the_model_has_an_entry() -> None:
    phrases = {text for signal in SIGNALS.values() for text in (signal.high, signal.low)}
    assert phrases <= set(PHRASES)
