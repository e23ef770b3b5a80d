"""Property: a record's time is an aware datetime between 1900 and 2200, or an InvalidField.

Never an OverflowError, never a time that the database or the stories' growth cannot take.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import example, given
from hypothesis import strategies as st

from kiemchung.sources.records import EARLIEST, LATEST, InvalidField, parse_time

OFFSETS = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
ISO_TIMES = st.builds(
    lambda moment, zone, style: _iso(moment, zone, style),
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59)),
    OFFSETS,
    st.sampled_from(["offset", "naive", "zulu"]),
)
VALUES = st.one_of(
    ISO_TIMES,
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=0, max_value=10**12).map(str),
    st.text(max_size=40),
    st.none(),
    st.booleans(),
    st.lists(st.integers(), max_size=2),
)


def _iso(moment: datetime, zone: timezone, style: str) -> str:
    if style == "naive":
        return moment.isoformat()
    if style == "zulu":
        return moment.isoformat() + "Z"
    return moment.replace(tzinfo=zone).isoformat()


@given(VALUES)
@example("0001-01-01T00:00:00+14:00")
@example("9999-12-31T23:59:59-14:00")
@example("9999-12-31T23:59:59")
@example("0001-01-01T00:00:00")
@example(99999999999)
@example(float("inf"))
def test_any_posted_at_is_a_sane_aware_time_or_a_record_error(value: object) -> None:
    try:
        moment = parse_time(value)
    except InvalidField:
        return
    if moment is None:
        assert value in (None, "")
        return
    assert moment.tzinfo is not None
    assert EARLIEST <= moment.astimezone(UTC) < LATEST


@given(ISO_TIMES)
def test_a_time_in_range_is_accepted_as_written(value: str) -> None:
    try:
        moment = parse_time(value)
    except InvalidField:
        return
    assert moment is not None
    assert moment.replace(tzinfo=None) == datetime.fromisoformat(
        value.replace("Z", "+00:00")
    ).replace(tzinfo=None)
