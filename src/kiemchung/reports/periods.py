"""Report periods as offices name them: a quarter, six or nine months, a year, two dates.

``parse_period("2024-Q3")`` gives ``Period(2024-07-01, 2024-09-30, "quý III năm 2024")``.
A period knows the one before it (of the same length and kind) and the same period a
year earlier, for the comparisons every review report makes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


class PeriodError(ValueError):
    """A period written in a form we do not read."""


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive
    label: str
    kind: str = "range"  # quarter, half, nine, year, range

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def code(self) -> str:
        """The period written as ``parse_period`` reads it."""
        return CODES[self.kind](self)

    def bounds(self) -> tuple[datetime, datetime]:
        """[start, end) as aware datetimes at local midnight."""
        zone = timezone.get_current_timezone()
        low = datetime.combine(self.start, time.min, tzinfo=zone)
        high = datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=zone)
        return low, high

    def previous(self) -> Period:
        """The period just before: the previous quarter, the previous year, or, for six
        or nine months and free ranges, the same number of days just before."""
        if self.kind == "quarter":
            quarter = (self.start.month - 1) // 3 + 1
            year, quarter = (
                (self.start.year, quarter - 1) if quarter > 1 else (self.start.year - 1, 4)
            )
            return quarter_period(year, quarter)
        if self.kind == "year":
            return year_period(self.start.year - 1)
        end = self.start - timedelta(days=1)
        return range_period(end - timedelta(days=self.days - 1), end)

    def same_last_year(self) -> Period:
        year = self.start.year - 1
        if self.kind == "quarter":
            return quarter_period(year, (self.start.month - 1) // 3 + 1)
        if self.kind == "half":
            return half_period(year)
        if self.kind == "nine":
            return nine_months_period(year)
        if self.kind == "year":
            return year_period(year)
        return range_period(_year_earlier(self.start), _year_earlier(self.end))

    def next(self) -> Period:
        """The period a report plans for: the next quarter, the rest of the year."""
        if self.kind == "quarter":
            quarter = (self.start.month - 1) // 3 + 1
            year, quarter = (
                (self.start.year, quarter + 1) if quarter < 4 else (self.start.year + 1, 1)
            )
            return quarter_period(year, quarter)
        if self.kind in ("half", "nine"):
            start = self.end + timedelta(days=1)
            months = 12 - self.end.month
            return Period(
                start, date(self.start.year, 12, 31), _rest_label(months, self.start.year)
            )
        if self.kind == "year":
            return year_period(self.start.year + 1)
        start = self.end + timedelta(days=1)
        return range_period(start, start + timedelta(days=self.days - 1))


def _year_earlier(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _rest_label(months: int, year: int) -> str:
    return f"{months} tháng cuối năm {year}"


def quarter_period(year: int, quarter: int) -> Period:
    start = date(year, 3 * quarter - 2, 1)
    end = (date(year, 3 * quarter, 28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return Period(start, end, f"quý {ROMAN[quarter]} năm {year}", "quarter")


def half_period(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 6, 30), f"6 tháng đầu năm {year}", "half")


def nine_months_period(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 9, 30), f"9 tháng đầu năm {year}", "nine")


def year_period(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31), f"năm {year}", "year")


def range_period(start: date, end: date) -> Period:
    if end < start:
        raise PeriodError(f"the period ends ({end}) before it starts ({start})")
    label = f"từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"
    return Period(start, end, label, "range")


CODES: dict[str, Callable[[Period], str]] = {
    "quarter": lambda p: f"{p.start.year}-Q{(p.start.month - 1) // 3 + 1}",
    "half": lambda p: f"{p.start.year}-H1",
    "nine": lambda p: f"{p.start.year}-9M",
    "year": lambda p: f"{p.start.year}",
    "range": lambda p: f"{p.start.isoformat()}..{p.end.isoformat()}",
}

_YEAR = r"(?P<year>\d{4})"
_DATE = r"\d{4}-\d{2}-\d{2}"


def _range(match: re.Match[str]) -> Period:
    try:
        start = date.fromisoformat(match["start"])
        end = date.fromisoformat(match["end"])
    except ValueError as exc:
        raise PeriodError(f"not a date: {exc}") from exc
    return range_period(start, end)


# The forms a period is written in: (pattern, builder). Add a form here.
FORMS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], Period]]] = [
    (re.compile(rf"{_YEAR}-Q(?P<q>[1-4])"), lambda m: quarter_period(int(m["year"]), int(m["q"]))),
    (re.compile(rf"{_YEAR}-H1"), lambda m: half_period(int(m["year"]))),
    (re.compile(rf"{_YEAR}-9M"), lambda m: nine_months_period(int(m["year"]))),
    (re.compile(_YEAR), lambda m: year_period(int(m["year"]))),
    (re.compile(rf"(?P<start>{_DATE})\.\.(?P<end>{_DATE})"), _range),
]

HELP = "2024-Q3, 2024-H1, 2024-9M, 2024, 2024-01-01..2024-09-30"


def parse_period(text: str) -> Period:
    """Read a period; anything else raises ``PeriodError`` naming the accepted forms."""
    cleaned = text.strip().upper()
    for pattern, build in FORMS:
        match = pattern.fullmatch(cleaned)
        if match:
            try:
                return build(match)
            except ValueError as exc:
                raise PeriodError(f"{text!r} is not a period: {exc}") from exc
    raise PeriodError(f"{text!r} is not a period: write {HELP}")
