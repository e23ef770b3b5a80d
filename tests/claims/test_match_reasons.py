"""The matcher's findings read as short phrases, one registry entry per reason."""

from __future__ import annotations

import pytest
from django.utils import translation

from kiemchung.claims.match_reasons import EXPLANATIONS, explain, explain_all
from kiemchung.matching import REASONS


def test_every_reason_the_guard_gives_has_a_phrase() -> None:
    assert set(REASONS) <= set(EXPLANATIONS)


@pytest.mark.parametrize(
    ("finding", "english", "vietnamese"),
    [
        ("number:300→3000", "different figures: 300 → 3.000", "số liệu khác: 300 → 3.000"),
        (
            "entity:y tế→giáo dục",
            "different agency, place or name: y tế → giáo dục",
            "cơ quan/địa danh khác: y tế → giáo dục",
        ),
        ("antonym:cho phép→cấm", "opposite meaning: cho phép → cấm", "nghĩa ngược: cho phép → cấm"),
        ("negation", "one of them is negated", "một bên có phủ định"),
        ("changed:họp→hủy", "different details: họp → hủy", "chi tiết khác: họp → hủy"),
    ],
)
def test_a_finding_reads_in_the_active_language(
    finding: str, english: str, vietnamese: str
) -> None:
    with translation.override("en"):
        assert explain(finding) == english
    with translation.override("vi"):
        assert explain(finding) == vietnamese


def test_a_bare_code_or_a_missing_side_still_reads() -> None:
    with translation.override("en"):
        assert explain_all(["number", "number:→50%"]) == [
            "different figures",
            "different figures: — → 50%",
        ]


def test_an_unknown_finding_is_shown_as_written() -> None:
    assert explain("mystery:a→b") == "mystery:a→b"


def test_a_year_in_a_date_is_not_grouped_like_a_figure() -> None:
    with translation.override("en"):
        assert (
            explain("date:30/9/2024→30/10/2024") == "different date or time: 30/9/2024 → 30/10/2024"
        )
