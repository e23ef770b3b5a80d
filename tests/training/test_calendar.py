"""The month calendar of sessions, and the upcoming sessions on the dashboard."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from kiemchung.org.models import Role
from kiemchung.testing.training import World, client_for, make_session, soon

pytestmark = pytest.mark.django_db
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def test_the_month_shows_each_session_on_its_day(world: World) -> None:
    session = make_session(world, starts_at=datetime(2030, 3, 5, 8, 0, tzinfo=ZONE))
    page = client_for(world.team[Role.MEMBER]).get("/training/calendar/?month=2030-03")
    html = page.content.decode()
    assert page.status_code == 200
    assert f'href="/training/{session.pk}/">08:00 {session.topic}' in html
    assert "?month=2030-04" in html and "?month=2030-02" in html


def test_a_malformed_month_shows_this_month(world: World) -> None:
    assert client_for(world.team[Role.MEMBER]).get("/training/calendar/?month=x").status_code == 200


def test_another_communes_sessions_are_not_on_the_calendar(world: World) -> None:
    session = make_session(world, starts_at=datetime(2030, 3, 5, 8, 0, tzinfo=ZONE))
    html = client_for(world.sibling_head).get("/training/calendar/?month=2030-03").content.decode()
    assert session.topic not in html


def test_the_dashboard_lists_the_units_upcoming_sessions(world: World) -> None:
    make_session(world, starts_at=soon(3), topic="Kỹ năng xác minh ảnh")
    make_session(world, starts_at=soon(60), topic="Lớp còn xa")
    html = client_for(world.team[Role.VERIFIER]).get("/").content.decode()
    assert "Kỹ năng xác minh ảnh" in html
    assert "Lớp còn xa" not in html
    assert "Kỹ năng xác minh ảnh" not in client_for(world.sibling_head).get("/").content.decode()
