"""Attendance and the quiz scores before and after, recorded on the session page."""

from __future__ import annotations

import pytest

from kiemchung.org.models import Role
from kiemchung.testing.training import World, client_for, make_session

pytestmark = pytest.mark.django_db


def test_attendance_and_scores_are_saved(world: World) -> None:
    session = make_session(world, members=[world.trainee, world.team[Role.VERIFIER]])
    trainee = session.participants.get(user=world.trainee)
    response = client_for(world.team[Role.HEAD]).post(
        f"/training/{session.pk}/attendance",
        {"attended": [str(trainee.pk)], f"before-{trainee.pk}": "50", f"after-{trainee.pk}": "90"},
    )
    assert response.status_code == 302
    trainee.refresh_from_db()
    assert (trainee.attended, trainee.score_before, trainee.score_after) == (True, 50, 90)
    other = session.participants.get(user=world.team[Role.VERIFIER])
    assert not other.attended


def test_a_score_out_of_range_is_not_kept(world: World) -> None:
    session = make_session(world)
    trainee = session.participants.get()
    client_for(world.team[Role.HEAD]).post(
        f"/training/{session.pk}/attendance", {f"before-{trainee.pk}": "140"}
    )
    trainee.refresh_from_db()
    assert trainee.score_before is None


def test_a_member_cannot_record_attendance(world: World) -> None:
    session = make_session(world)
    trainee = session.participants.get()
    response = client_for(world.trainee).post(
        f"/training/{session.pk}/attendance", {"attended": [str(trainee.pk)]}
    )
    assert response.status_code == 403
    trainee.refresh_from_db()
    assert not trainee.attended


def test_the_session_page_counts_members_present_and_outside_people(world: World) -> None:
    session = make_session(world)
    session.participants.update(attended=True)
    page = client_for(world.team[Role.HEAD]).get(f"/training/{session.pk}/").content.decode()
    assert "1 thành viên có mặt, 120 người ngoài đơn vị" in page
