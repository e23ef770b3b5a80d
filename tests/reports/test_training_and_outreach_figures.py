"""Training sessions and the outreach log in the period figures, the report's text, its
tables (DOCX and XLSX) and ``kiemchung report stats``."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from openpyxl import load_workbook

from kiemchung.org.models import Membership, Role
from kiemchung.reports.documents import build_xlsx, content_for
from kiemchung.reports.figures import compute
from kiemchung.reports.periods import parse_period
from kiemchung.testing.commands import run_command
from kiemchung.testing.org import make_user
from kiemchung.testing.reports import World, at, build_world
from kiemchung.training.models import OutreachActivity
from kiemchung.training.services import GroupRow, create_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> World:
    world = build_world()
    organiser = world.head  # head of the province: may record sessions anywhere below
    commune_member = make_user(Role.MEMBER, world.commune, "hoc-vien-an-phu")
    sibling_member = make_user(Role.MEMBER, world.sibling, "hoc-vien-binh-minh")
    # An Phú, 10 July: two members picked, one present, plus 120 pupils counted.
    first = create_session(
        organiser,
        world.commune,
        members=[commune_member, world.verifier],
        groups=[GroupRow("pupils", 120, "Học sinh trường THCS An Phú")],
        topic="Nhận diện tin giả",
        trainer="Đ/c Lê Văn Bình",
        starts_at=at(2024, 7, 10),
    )
    first.participants.filter(user=commune_member).update(attended=True)
    # Bình Minh, 20 September: one member present and 45 villagers.
    second = create_session(
        organiser,
        world.sibling,
        members=[sibling_member],
        groups=[GroupRow("villagers", 45)],
        topic="Cảnh giác lừa đảo qua mạng",
        trainer="Đ/c Lê Văn Bình",
        starts_at=at(2024, 9, 20),
    )
    second.participants.update(attended=True)
    # Outside the quarter: counts in Q4, never in Q3.
    create_session(
        organiser,
        world.commune,
        groups=[GroupRow("teachers", 30)],
        topic="Lớp tháng 10",
        trainer="Đ/c Lê Văn Bình",
        starts_at=at(2024, 10, 2),
    )
    # Another province's session: never in this province's figures.
    outsider = make_user(Role.HEAD, world.elsewhere, "head-elsewhere")
    create_session(
        outsider,
        world.elsewhere,
        groups=[GroupRow("villagers", 500)],
        topic="Tỉnh khác",
        trainer="X",
        starts_at=at(2024, 8, 1),
    )
    for unit, day, channel, reach in (
        (world.commune, date(2024, 7, 15), "loudspeaker", 2000),
        (world.commune, date(2024, 8, 2), "school_visit", 300),
        (world.sibling, date(2024, 9, 30), "unit_page", None),
        (world.sibling, date(2024, 10, 1), "unit_page", 50),
        (world.elsewhere, date(2024, 8, 1), "press", 9000),
    ):
        OutreachActivity.objects.create(
            unit=unit, day=day, channel=channel, title="Bài tuyên truyền", reach=reach
        )
    assert Membership.objects.filter(user=world.verifier).exists()
    return world


def test_sessions_and_trainees_of_the_quarter_are_counted_for_the_province(world: World) -> None:
    figures = compute(parse_period("2024-Q3"), world.province)
    organisation = figures.organisation
    assert (organisation.trainings, organisation.trainees) == (2, 167)  # 1 + 120, 1 + 45
    assert organisation.trainees_by_audience == {"pupils": 120, "villagers": 45, "members": 2}
    assert figures.headline()["trainings"] == 2
    assert figures.headline()["trainees"] == 167


def test_a_commune_counts_only_its_own_sessions(world: World) -> None:
    organisation = compute(parse_period("2024-Q3"), world.commune).organisation
    assert (organisation.trainings, organisation.trainees) == (1, 121)


def test_a_planned_session_is_not_counted_before_it_starts(world: World) -> None:
    create_session(
        world.head,
        world.commune,
        groups=[GroupRow("pupils", 80)],
        topic="Lớp sắp tới",
        trainer="A",
        starts_at=at(2099, 1, 5),
    )
    assert compute(parse_period("2099-Q1"), world.province).organisation.trainings == 0


def test_outreach_entries_are_counted_by_channel_with_their_reach(world: World) -> None:
    figures = compute(parse_period("2024-Q3"), world.province)
    assert figures.outreach.activities == 3
    assert figures.outreach.reach == 2300
    assert figures.outreach.by_channel == {"loudspeaker": 1, "school_visit": 1, "unit_page": 1}
    assert figures.headline()["outreach"] == 3
    assert figures.comparison["outreach"].previous == 0


def test_the_sub_unit_rows_split_training_and_outreach(world: World) -> None:
    rows = {r.name: r for r in compute(parse_period("2024-Q3"), world.province).sub_units}
    assert (rows["Xã An Phú"].trainings, rows["Xã An Phú"].trainees) == (1, 121)
    assert (rows["Xã Bình Minh"].trainings, rows["Xã Bình Minh"].trainees) == (1, 46)
    assert (rows["Xã An Phú"].outreach, rows["Xã Bình Minh"].outreach) == (2, 1)


def test_the_report_text_says_how_many_were_trained_and_what_was_published(
    world: World,
) -> None:
    texts = content_for(parse_period("2024-Q3"), world.province).texts
    assert "Tổ chức 2 lớp tập huấn, bồi dưỡng với 167 lượt người tham gia" in texts["training"]
    assert "120 học sinh, sinh viên" in texts["training"]
    assert "Thực hiện 3 hoạt động thông tin, tuyên truyền" in texts["outreach"]
    assert "1 lượt bản tin loa truyền thanh" in texts["outreach"]
    assert "tiếp cận khoảng 2.300 lượt người" in texts["outreach"]


def test_the_workbook_has_the_training_and_outreach_tables(world: World) -> None:
    book = load_workbook(
        io.BytesIO(build_xlsx(content_for(parse_period("2024-Q3"), world.province)))
    )
    headline = {r[0]: r[1] for r in book["Số liệu chính"].iter_rows(min_row=4, values_only=True)}
    assert headline["Lớp tập huấn, bồi dưỡng"] == 2
    assert headline["Hoạt động thông tin, tuyên truyền"] == 3
    sheet = book["Tập huấn, tuyên truyền theo đơn"]
    assert ("Xã An Phú", 1, 121, 2) in list(sheet.iter_rows(min_row=4, values_only=True))
    audiences = dict(book["Lượt người tham gia tập huấn th"].iter_rows(min_row=4, values_only=True))
    assert audiences["Học sinh, sinh viên"] == 120


def test_report_stats_prints_training_and_outreach(world: World) -> None:
    code, out, _ = run_command(
        "report", "stats", "--period", "2024-Q3", "--unit", str(world.province.pk), "--json"
    )
    data = json.loads(out)
    assert code == 0
    assert (data["trainings"], data["trainees"], data["outreach"]) == (2, 167, 3)
    assert data["outreach_reach"] == 2300
    assert data["detail"]["outreach"]["by_channel"]["school_visit"] == 1
