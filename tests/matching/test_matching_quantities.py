"""Quantities: one canonical token per amount, date or time, however it is written."""

from __future__ import annotations

import pytest

from kiemchung.matching.prepare import prepare
from kiemchung.matching.quantities import Quantity, compatible


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5.000đ", [Quantity("number", "5000")]),
        ("5 nghìn đồng", [Quantity("number", "5000")]),
        ("50k", [Quantity("number", "50000")]),
        ("2,5 tỷ", [Quantity("number", "2500000000")]),
        ("2 tỷ 500 triệu", [Quantity("number", "2500000000")]),
        ("hai triệu rưỡi", [Quantity("number", "2500000")]),
        ("một trăm linh năm người", [Quantity("number", "105")]),
        ("hai mươi mốt ca", [Quantity("number", "21")]),
        ("mười lăm tỉnh", [Quantity("number", "15")]),
        ("4,8%", [Quantity("percent", "4.8")]),
        ("20 phần trăm", [Quantity("percent", "20")]),
        ("tăng gấp đôi", [Quantity("percent", "100")]),
        ("gấp ba lần", [Quantity("ratio", "3")]),
        ("giảm một nửa", [Quantity("percent", "50")]),
        ("thắng 2-1", [Quantity("score", "2-1")]),
        ("15h30", [Quantity("time", "15:30")]),
        ("3 giờ chiều", [Quantity("time", "15:00")]),
        ("ngày 30 tháng 9 năm 2024", [Quantity("date", "30/9/2024")]),
        ("30/9", [Quantity("date", "30/9")]),
        ("tháng 7/2026", [Quantity("date", "*/7/2026")]),
        ("năm 2030", [Quantity("date", "*/*/2030")]),
        ("tháng chín", [Quantity("date", "*/9")]),
    ],
)
def test_quantities_are_read_into_canonical_form(text: str, expected: list[Quantity]) -> None:
    assert list(prepare(text).quantities) == expected


@pytest.mark.parametrize(
    "text",
    [
        "năm nay giá tăng",  # "năm" is "year" here
        "ba mẹ đưa con đi học",  # "ba" is "father"
        "chuối chín vàng",  # "chín" is "ripe"
        "một số người dân",  # "một số" is "some"
        "hàng nghìn người xếp hàng",  # vague
        "thứ bảy tuần này",  # a weekday
        "sau thang nghi viec",  # "sau" without diacritics is "after" or "six"
    ],
)
def test_ordinary_words_are_not_read_as_numbers(text: str) -> None:
    assert prepare(text).quantities == ()


def test_the_same_amount_gives_the_same_token_for_lexical_overlap() -> None:
    assert "5000" in prepare("Giá gas tăng 5.000đ").tokens
    assert "5000" in prepare("Giá gas tăng 5 nghìn đồng").tokens


@pytest.mark.parametrize(
    ("first", "second", "agree"),
    [
        ([], [Quantity("number", "5")], True),
        ([Quantity("number", "5")], [Quantity("number", "5"), Quantity("number", "7")], True),
        ([Quantity("number", "5")], [Quantity("number", "7")], False),
        ([Quantity("date", "30/9")], [Quantity("date", "30/9/2024")], True),
        ([Quantity("date", "*/9")], [Quantity("date", "30/9/2024")], True),
        ([Quantity("date", "30/9")], [Quantity("date", "1/10")], False),
    ],
)
def test_one_side_agrees_when_it_fits_inside_the_other(
    first: list[Quantity], second: list[Quantity], agree: bool
) -> None:
    assert compatible(first, second) is agree
    assert compatible(second, first) is agree


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("phạt từ 15 đến 25 triệu đồng", ["number:15000000", "number:25000000"]),
        ("phat tu 15 den 25 trieu dong", ["number:15000000", "number:25000000"]),
        ("tăng từ 3 tới 5%", ["percent:3", "percent:5"]),
        ("tăng 3 đến 5 phần trăm", ["percent:3", "percent:5"]),
        ("từ 2 đến 3 người", ["number:2", "number:3"]),
    ],
)
def test_the_first_number_of_a_range_takes_the_scale_the_range_ends_with(
    text: str, expected: list[str]
) -> None:
    found = prepare(text).quantities
    assert [f"{q.kind}:{q.token}" for q in found] == expected
