from __future__ import annotations

from datetime import date

import pytest

from kiemchung.reports.periods import PeriodError, parse_period


@pytest.mark.parametrize(
    ("text", "start", "end", "label"),
    [
        ("2024-Q3", date(2024, 7, 1), date(2024, 9, 30), "quý III năm 2024"),
        ("2024-Q1", date(2024, 1, 1), date(2024, 3, 31), "quý I năm 2024"),
        ("2024-q4", date(2024, 10, 1), date(2024, 12, 31), "quý IV năm 2024"),
        ("2024-H1", date(2024, 1, 1), date(2024, 6, 30), "6 tháng đầu năm 2024"),
        ("2024-9M", date(2024, 1, 1), date(2024, 9, 30), "9 tháng đầu năm 2024"),
        ("2024", date(2024, 1, 1), date(2024, 12, 31), "năm 2024"),
        (
            "2024-01-01..2024-09-30",
            date(2024, 1, 1),
            date(2024, 9, 30),
            "từ ngày 01/01/2024 đến ngày 30/09/2024",
        ),
    ],
)
def test_it_reads_every_form_offices_use(text: str, start: date, end: date, label: str) -> None:
    period = parse_period(text)
    assert (period.start, period.end, period.label) == (start, end, label)


@pytest.mark.parametrize(
    "text",
    ["2024-Q5", "2024-H2", "Q3-2024", "24", "", "2024-02-30..2024-03-01", "2024-09-30..2024-01-01"],
)
def test_it_refuses_anything_else_with_the_accepted_forms(text: str) -> None:
    with pytest.raises(PeriodError, match=r"not a period|before it starts"):
        parse_period(text)


def test_the_previous_quarter_of_the_first_is_the_last_of_the_year_before() -> None:
    previous = parse_period("2024-Q1").previous()
    assert (previous.start, previous.end, previous.label) == (
        date(2023, 10, 1),
        date(2023, 12, 31),
        "quý IV năm 2023",
    )


def test_the_previous_nine_months_are_the_same_number_of_days_before() -> None:
    previous = parse_period("2024-9M").previous()
    assert previous.end == date(2023, 12, 31)
    assert previous.days == parse_period("2024-9M").days


def test_the_same_period_last_year_keeps_its_kind() -> None:
    assert parse_period("2024-9M").same_last_year().label == "9 tháng đầu năm 2023"
    assert parse_period("2024-Q3").same_last_year().start == date(2023, 7, 1)
    leap = parse_period("2024-02-01..2024-02-29").same_last_year()
    assert (leap.start, leap.end) == (date(2023, 2, 1), date(2023, 2, 28))


def test_the_next_period_after_nine_months_is_the_rest_of_the_year() -> None:
    following = parse_period("2024-9M").next()
    assert (following.start, following.end, following.label) == (
        date(2024, 10, 1),
        date(2024, 12, 31),
        "3 tháng cuối năm 2024",
    )


def test_a_period_writes_itself_back_as_read() -> None:
    for text in ("2024-Q3", "2024-H1", "2024-9M", "2024", "2024-01-05..2024-02-01"):
        assert parse_period(text).code == text
