"""Hashtags, links, mentions and emoji are not content."""

from __future__ import annotations

from kiemchung.text.content import content


def test_it_removes_hashtags_links_and_emoji_and_keeps_the_words() -> None:
    text = "Giá xăng tăng 500 đồng/lít 🔥🔥 xem https://vnexpress.net/a-1.html #tintuc #xang"
    assert content(text) == "Giá xăng tăng 500 đồng/lít xem"


def test_a_post_of_only_hashtags_and_emoji_has_no_content() -> None:
    assert content("#tinnong #khancap #covid19 😱😱 ‼️") == ""


def test_it_keeps_abbreviations_amounts_and_dates() -> None:
    text = "TP.HCM ghi nhận 5.000 ca, ngày 12/3, giá 2,5 triệu đồng."
    assert content(text) == text
