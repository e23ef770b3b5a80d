"""Numbers, dates and changes written as Vietnamese offices write them.

Numbers go through Django's number formatting with the project's Vietnamese formats
(``kiemchung.formats.vi``: a decimal comma, a dot between thousands), so a report and
the pages agree: 1.234 tin; 12,5%; "tăng 12,5% so với cùng kỳ năm 2023".
"""

from __future__ import annotations

from datetime import date

from django.utils import formats, numberformat, translation


def number(value: float, decimals: int = 0) -> str:
    """1234 → "1.234"; 12.5 with one decimal → "12,5" (a whole value keeps no decimals)."""
    if decimals and float(value).is_integer():
        decimals = 0
    with translation.override("vi"):
        return numberformat.format(
            round(value, decimals),
            formats.get_format("DECIMAL_SEPARATOR"),
            decimals,
            grouping=3,
            thousand_sep=formats.get_format("THOUSAND_SEPARATOR"),
            force_grouping=True,
        )


def percent(value: float) -> str:
    return f"{number(abs(value), 1)}%"


def change(current: float, before: float, against: str) -> str:
    """ "tăng 12,5% so với cùng kỳ năm 2023"; from nothing, the difference: "tăng 2 so với …"."""
    if current == before:
        return f"bằng {against}"
    verb = "tăng" if current > before else "giảm"
    if not before:
        return f"{verb} {number(abs(current - before))} so với {against}"
    rate = (current - before) * 100 / before
    return f"{verb} {percent(rate)} so với {against}"


def office_date(day: date, place: str = "") -> str:
    """The date line of Decree 30/2020: "Mường Lát, ngày 05 tháng 01 năm 2024".

    Days below 10 and the months January and February take a leading zero (Decree 30,
    Appendix I, section II.5): "ngày 05 tháng 01", but "ngày 30 tháng 9"."""
    day_text = f"{day.day:02d}"
    month_text = f"{day.month:02d}" if day.month < 3 else str(day.month)
    text = f"ngày {day_text} tháng {month_text} năm {day.year}"
    return f"{place}, {text}" if place else text.capitalize()


def short_date(day: date) -> str:
    """Dates in tables: 30/9/2024."""
    return f"{day.day}/{day.month}/{day.year}"
