"""Story themes by keywords, with or without diacritics."""

from __future__ import annotations

import pytest

from kiemchung.text.themes import CODES, OTHER, classify


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("Tin nhắn giả mạo ngân hàng yêu cầu xác minh tài khoản qua đường dẫn lạ", "scam"),
        ("tin nhan gia mao ngan hang yeu cau cung cap ma OTP", "scam"),
        ("Uống nước lá này chữa khỏi ung thư, bác sĩ khuyên dùng", "health"),
        ("Đập thủy điện sắp vỡ, người dân hạ du phải sơ tán gấp", "disaster"),
        ("Giá xăng tăng mạnh từ 15 giờ chiều nay", "prices"),
        ("Ủy ban nhân dân tỉnh ban hành công văn về việc nghỉ học", "official"),
        ("Vụ lúa hè thu đạt năng suất sáu tấn mỗi héc ta", OTHER),
    ],
)
def test_a_text_gets_the_theme_of_its_keywords(text: str, theme: str) -> None:
    assert classify(text) == theme


def test_a_warning_is_not_mistaken_for_a_storm() -> None:
    assert classify("Cảnh báo người dân cẩn thận khi mua hàng trên mạng") != "disaster"


def test_every_theme_has_a_code_and_other_is_last() -> None:
    assert CODES[-1] == OTHER
    assert len(set(CODES)) == len(CODES)


def test_the_story_model_has_a_label_for_every_theme() -> None:
    from kiemchung.stories.models import Theme

    assert set(Theme.values) == set(CODES)


def test_most_demo_misinformation_lands_in_its_theme() -> None:
    import json
    from importlib import resources

    corpus = resources.files("kiemchung.demo") / "data" / "corpus.jsonl"
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    family = {
        "scam": "scam",
        "fake_notice": "official",
        "health_hoax": "health",
        "disaster_rumour": "disaster",
        "price_policy_rumour": "prices",
    }
    judged = [(classify(r["text"]), family[r["theme"]]) for r in rows if r["theme"] in family]
    right = sum(got == expected for got, expected in judged)
    assert right / len(judged) >= 0.8
