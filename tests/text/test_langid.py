"""Language identification: Vietnamese with and without diacritics, English, other."""

from __future__ import annotations

import socket
import unicodedata
from typing import NoReturn

import pytest

from kiemchung.text import langid
from kiemchung.text.langid import Language, detect
from kiemchung.text.normalize import ascii_key

VIETNAMESE = (
    "Sáng nay, mưa lớn kéo dài khiến nhiều tuyến phố ở trung tâm thành phố bị ngập sâu. "
    "Người dân phải dắt xe máy qua những đoạn đường nước lên tới đầu gối, "
    "trong khi lực lượng chức năng khẩn trương khơi thông cống rãnh."
)
VIETNAMESE_NO_ACCENTS = (
    "Sang nay mua lon keo dai khien nhieu tuyen pho o trung tam thanh pho bi ngap sau. "
    "Nguoi dan phai dat xe may qua nhung doan duong nuoc len toi dau goi."
)
ENGLISH = (
    "Heavy rain flooded several streets in the city centre this morning, and residents "
    "had to push their motorbikes through knee-deep water while crews cleared the drains."
)
FRENCH = (
    "De fortes pluies ont inondé plusieurs rues du centre-ville ce matin, et les habitants "
    "ont dû pousser leurs motos dans l'eau pendant que les équipes dégageaient les égouts."
)
CHINESE = "今天早上大雨淹没了市中心的几条街道，居民们不得不推着摩托车穿过齐膝深的积水。"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (VIETNAMESE, "vi"),
        (VIETNAMESE.upper(), "vi"),
        (unicodedata.normalize("NFD", VIETNAMESE), "vi"),
        ("Xin chào các bạn", "vi"),
        ("Hà Nội mưa to", "vi"),
        (VIETNAMESE_NO_ACCENTS, "vi-noaccent"),
        (ascii_key(VIETNAMESE), "vi-noaccent"),
        (VIETNAMESE_NO_ACCENTS.upper(), "vi-noaccent"),
        (ENGLISH, "en"),
        (ENGLISH.upper(), "en"),
        (FRENCH, "other"),
        (CHINESE, "other"),
        ("", "und"),
        ("   \n ", "und"),
        ("OK", "und"),
        ("123 456 789", "und"),
        ("😀 !!! 😀", "und"),
    ],
)
def test_detect_names_the_language(text: str, code: str) -> None:
    assert detect(text).code == code


@pytest.mark.parametrize("text", [VIETNAMESE, VIETNAMESE_NO_ACCENTS, ENGLISH, CHINESE, ""])
def test_detect_gives_a_confidence_between_zero_and_one(text: str) -> None:
    confidence = detect(text).confidence
    assert 0.0 <= confidence <= 1.0


def test_detect_looks_only_at_the_beginning_of_long_texts() -> None:
    assert detect(VIETNAMESE * 20 + ENGLISH * 50).code == "vi"


def test_an_english_text_quoting_a_vietnamese_name_stays_english() -> None:
    text = ENGLISH + " Nguyễn Thị Minh Khai street was the worst hit, officials said."
    assert detect(text).code == "en"


def test_detect_loads_the_bundled_model_without_the_network(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*args: object, **kwargs: object) -> NoReturn:
        raise AssertionError("language detection tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    langid._detector.cache_clear()
    try:
        assert detect(ENGLISH) == Language("en", detect(ENGLISH).confidence)
        assert detect(FRENCH).code == "other"
    finally:
        langid._detector.cache_clear()


def test_the_model_is_loaded_once_per_process() -> None:
    assert langid._detector() is langid._detector()
