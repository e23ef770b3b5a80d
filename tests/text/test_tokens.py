"""Syllable tokens of match keys, and word segmentation of short texts."""

from __future__ import annotations

import pytest

from kiemchung.text import tokens
from kiemchung.text.normalize import ascii_key, keys, match_key
from kiemchung.text.tokens import syllables, words


def tokens_of(text: str) -> list[str]:
    return syllables(match_key(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Người dân Hà Nội", ["người", "dân", "hà", "nội"]),
        ("Giá: 5.000đ/lít", ["giá", "5.000", "đ", "lít"]),
        ("giá 5.000 đ", ["giá", "5.000", "đ"]),
        ("vốn 2,5 tỷ", ["vốn", "2,5", "tỷ"]),
        ("thêm 1,2 triệu đồng.", ["thêm", "1,2", "triệu", "đồng"]),
        ("10.000.000 đồng", ["10.000.000", "đồng"]),
        ("tăng 50%, giảm 2,5%", ["tăng", "50%", "giảm", "2,5%"]),
        ("lúc 15h30 ngày mai", ["lúc", "15h30", "ngày", "mai"]),
        ("từ 9h đến 17h.", ["từ", "9h", "đến", "17h"]),
        ("lúc 15:30", ["lúc", "15:30"]),
        ("ngày 30/9/2024,", ["ngày", "30/9/2024"]),
        ("ngày 2-9", ["ngày", "2-9"]),
        ("năm 2024.", ["năm", "2024"]),
        ("gọi 0912 345 678", ["gọi", "0912", "345", "678"]),
        ("gọi 0912.345.678!", ["gọi", "0912.345.678"]),
        ("gọi 0912-345-678", ["gọi", "0912-345-678"]),
        ("diện tích 15ha", ["diện", "tích", "15", "ha"]),
        ("đội U23 Việt Nam", ["đội", "u23", "việt", "nam"]),
        ("cúm H5N1 và covid-19", ["cúm", "h5n1", "và", "covid", "19"]),
        ("Vui quá 😀😀 🇻🇳!!!", ["vui", "quá"]),
        ("“Tin giả” (mới) — [cập nhật] …", ["tin", "giả", "mới", "cập", "nhật"]),
        ("hà_nội", ["hà", "nội"]),
        ("", []),
        ("... ?!", []),
    ],
)
def test_syllables_split_a_key_into_words_numbers_and_times(text: str, expected: list[str]) -> None:
    assert tokens_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Xem tại https://vnexpress.net/gia-xang-123.html.",
            ["xem", "tại", "https://vnexpress.net/gia-xang-123.html"],
        ),
        (
            "(nguồn: http://example.com/a?b=1&c=2)",
            ["nguồn", "http://example.com/a?b=1&c=2"],
        ),
        ("Trang www.moh.gov.vn, mục tin", ["trang", "www.moh.gov.vn", "mục", "tin"]),
        ("Báo Tuoitre.vn đưa tin", ["báo", "tuoitre.vn", "đưa", "tin"]),
        ("thanhnien.com.vn/thoi-su", ["thanhnien.com.vn", "thoi", "su"]),
        ("hỏi ở hà nội.sau đó", ["hỏi", "ở", "hà", "nội", "sau", "đó"]),
        ("hộp thư tin@baochi.vn", ["hộp", "thư", "tin", "baochi.vn"]),
    ],
)
def test_syllables_keep_urls_and_domains_whole(text: str, expected: list[str]) -> None:
    assert tokens_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Giá xăng RON95 giảm 5.000đ/lít từ 15h30 ngày 2-9; ông Đức (0912.345.678) cho biết.",
        "Đội U23 thắng 3-0, tỷ lệ 2,5%... Covid-19: 1.234 ca mới!",
    ],
)
def test_syllables_of_the_ascii_key_are_the_plain_syllables(text: str) -> None:
    both = keys(text)
    assert syllables(both.ascii) == [ascii_key(token) for token in syllables(both.match)]


@pytest.mark.parametrize(
    "key",
    [
        "giá xăng giảm 5.000đ/lít, còn 2,5 tỷ lúc 15h30 ngày 30/9/2024 (ngày 2-9)",
        "u23 h5n1 covid-19 9h 15ha 50% 1,2,3 a.b 3.4.5 x_y 2024h 150h 15h300 中文字",
        "ông nguyễn v. a ở q. 1, tp.hcm; www (không phải url) và http không",
    ],
)
def test_the_fast_pattern_agrees_with_the_full_one_without_urls(key: str) -> None:
    assert tokens._PLAIN_TOKEN_RE.findall(key) == tokens._FULL_TOKEN_RE.findall(key)


def test_words_join_the_syllables_of_compound_words() -> None:
    segmented = words("Thủ tướng Chính phủ yêu cầu giảm giá xăng")
    assert "Thủ tướng" in segmented
    assert "Chính phủ" in segmented
    assert "".join(segmented).replace(" ", "") == "ThủtướngChínhphủyêucầugiảmgiáxăng"


def test_words_accept_nfd_text() -> None:
    assert words("Hà Nội mưa to") == words("Ha\u0300 No\u0302\u0323i mu\u031ba to")


@pytest.mark.parametrize(
    ("length", "max_chars"),
    [(2001, 2000), (11, 10)],
)
def test_words_refuse_texts_longer_than_the_limit(length: int, max_chars: int) -> None:
    with pytest.raises(ValueError, match="at most"):
        words("a" * length, max_chars=max_chars)


def test_words_of_an_empty_text_are_empty() -> None:
    assert words("") == []
