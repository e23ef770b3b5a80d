"""Every figure of a period, checked against a small world whose figures are known."""

from __future__ import annotations

import pytest

from kiemchung.reports.figures import compute, percent_change
from kiemchung.reports.periods import parse_period
from kiemchung.testing.reports import KNOWN_Q3, World, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> World:
    return build_world()


def test_the_headline_figures_of_the_quarter_are_exact(world: World) -> None:
    figures = compute(parse_period("2024-Q3"), world.province)
    assert figures.headline() == KNOWN_Q3


def test_documents_count_by_platform_source_and_theme(world: World) -> None:
    monitoring = compute(parse_period("2024-Q3"), world.province).monitoring
    assert monitoring.by_platform == {"web": 3, "zalo": 2}
    assert monitoring.by_source == [("Báo Hòa Lâm", 3), ("Nhóm Zalo Mường Lát", 2)]
    assert monitoring.themes == {"scam": 3, "health": 1, "other": 1}


def test_documents_are_counted_by_week_from_monday(world: World) -> None:
    monitoring = compute(parse_period("2024-Q3"), world.province).monitoring
    weekly = dict(monitoring.weekly)
    assert weekly["2024-07-01"] == 3  # 1, 2 and 3 July
    assert weekly["2024-08-05"] == 1  # 10 August
    assert weekly["2024-09-30"] == 1  # 30 September, 23:30 local time
    assert sum(weekly.values()) == 5
    assert monitoring.weekly_by_theme["scam"][0] == 3


def test_a_document_counts_in_the_period_it_was_posted_not_imported(world: World) -> None:
    assert compute(parse_period("2024-Q2"), world.province).monitoring.documents == 2


def test_claims_and_stories_already_checked_are_counted(world: World) -> None:
    claims = compute(parse_period("2024-Q3"), world.province).claims
    assert (claims.claims, claims.matched, claims.already_checked) == (2, 1, 1)


def test_cases_are_counted_with_their_reasons_verdicts_and_ages(world: World) -> None:
    cases = compute(parse_period("2024-Q3"), world.province).cases
    assert cases.closed_by_reason == {"duplicate": 1}
    assert cases.verdicts == {"false": 1}
    assert cases.median_days_to_publication == 2.0  # first seen 1 July 00:00, out 3 July
    assert cases.still_open == 2  # Bình Minh's (10 days old) and the province's (121)
    assert cases.open_by_age == {"0-7": 0, "8-30": 1, "31+": 1}
    assert cases.median_open_age_days == 65.5


def test_tips_are_counted_with_matches_and_cases(world: World) -> None:
    tips = compute(parse_period("2024-Q3"), world.province).tips
    assert (tips.received, tips.matched_at_once, tips.turned_into_cases) == (3, 1, 1)


def test_tasks_are_counted_per_agency_with_the_ones_done_on_time(world: World) -> None:
    coordination = compute(parse_period("2024-Q3"), world.province).coordination
    assert coordination.done_on_time == 1
    rows = [(r.agency, r.tasks, r.done, r.done_on_time, r.overdue) for r in coordination.by_agency]
    assert rows == [("Công an xã An Phú", 2, 2, 1, 0), ("Trạm Y tế Bình Minh", 2, 0, 0, 1)]


def test_members_are_counted_by_role_and_training_is_zero_until_recorded(world: World) -> None:
    organisation = compute(parse_period("2024-Q3"), world.province).organisation
    assert organisation.by_role == {"head": 1, "member": 1, "secretariat": 1, "verifier": 1}
    assert organisation.members == 4
    assert (organisation.trainings, organisation.trainees) == (0, 0)


def test_each_sub_unit_gets_its_own_row(world: World) -> None:
    rows = {row.name: row for row in compute(parse_period("2024-Q3"), world.province).sub_units}
    assert set(rows) == {"Xã An Phú", "Xã Bình Minh"}
    an_phu, binh_minh = rows["Xã An Phú"], rows["Xã Bình Minh"]
    assert (an_phu.cases_opened, an_phu.cases_published, an_phu.cases_closed) == (2, 1, 1)
    assert (an_phu.tasks, an_phu.tasks_done, an_phu.tasks_overdue, an_phu.members) == (2, 2, 0, 1)
    assert (binh_minh.cases_opened, binh_minh.cases_open, binh_minh.tasks_overdue) == (1, 1, 1)


def test_a_commune_sees_only_its_own_cases_and_tasks(world: World) -> None:
    headline = compute(parse_period("2024-Q3"), world.commune).headline()
    assert (headline["cases_opened"], headline["tasks"]) == (2, 2)
    assert headline["documents"] == 5  # documents belong to the whole installation


def test_the_whole_installation_counts_every_unit(world: World) -> None:
    assert compute(parse_period("2024-Q3")).headline()["cases_opened"] == 4


def test_figures_are_compared_with_the_previous_quarter_and_last_year(world: World) -> None:
    change = compute(parse_period("2024-Q3"), world.province).comparison["documents"]
    assert (change.previous, change.previous_change, change.previous_percent) == (2, 3, 150.0)
    assert (change.last_year, change.last_year_change, change.last_year_percent) == (4, 1, 25.0)


def test_a_change_from_nothing_has_no_percentage() -> None:
    assert percent_change(5, 0) is None
    assert percent_change(9, 8) == 12.5


@pytest.mark.django_db
def test_an_empty_period_gives_zeros_without_failing() -> None:
    figures = compute(parse_period("2019"))
    assert figures.is_empty()
    assert set(figures.headline().values()) == {0}
    assert figures.cases.median_days_to_publication is None
