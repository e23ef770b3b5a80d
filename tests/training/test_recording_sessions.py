"""Recording a training session with its participants, through the pages."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from kiemchung.cases.models import AuditEvent
from kiemchung.org.models import Role
from kiemchung.testing.org import make_user
from kiemchung.testing.training import World, client_for, make_session
from kiemchung.training.models import TrainingSession
from kiemchung.training.services import TrainingRefused, create_session

pytestmark = pytest.mark.django_db


def _post(world: World, **extra: object) -> dict[str, object]:
    data: dict[str, object] = {
        "unit": world.tree.commune.pk,
        "topic": "Kỹ năng kiểm chứng hình ảnh",
        "starts_at": "2030-03-05T08:00",
        "duration_minutes": "180",
        "place": "Nhà văn hóa thôn 3",
        "trainer": "Đ/c Lê Thị Hoa, Ủy viên Ban chỉ đạo",
        "audience": "villagers",
        "description": "",
        "members": [str(world.trainee.pk)],
        "groups-TOTAL_FORMS": "2",
        "groups-INITIAL_FORMS": "0",
        "groups-MIN_NUM_FORMS": "0",
        "groups-MAX_NUM_FORMS": "10",
        "groups-0-audience": "villagers",
        "groups-0-description": "Bà con thôn 3",
        "groups-0-count": "45",
        "groups-0-score_before": "40",
        "groups-0-score_after": "75",
        "groups-1-audience": "",
        "groups-1-count": "",
    }
    data.update(extra)
    return data


def test_a_head_records_a_session_with_members_and_counted_villagers(world: World) -> None:
    response = client_for(world.team[Role.HEAD]).post("/training/new/", _post(world))
    session = TrainingSession.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/training/{session.pk}/"
    assert list(session.participants.values_list("user_id", flat=True)) == [world.trainee.pk]
    group = session.groups.get()
    assert (group.audience, group.count, group.score_before, group.score_after) == (
        "villagers",
        45,
        40,
        75,
    )
    assert AuditEvent.objects.filter(action="training.created").count() == 1


def test_the_session_page_names_the_members_by_full_name(world: World) -> None:
    session = make_session(world)
    page = client_for(world.team[Role.MEMBER]).get(f"/training/{session.pk}/").content.decode()
    assert "Lan Trần Thị" in page
    assert "Học sinh trường THCS An Phú" in page


def test_a_session_needs_a_place_unless_it_is_online(world: World) -> None:
    client = client_for(world.team[Role.HEAD])
    response = client.post("/training/new/", _post(world, place=""))
    assert response.status_code == 200
    assert not TrainingSession.objects.exists()
    client.post("/training/new/", _post(world, place="", online="on"))
    assert TrainingSession.objects.get().online


def test_a_member_of_another_commune_cannot_be_picked(world: World) -> None:
    stranger = make_user(Role.MEMBER, world.tree.sibling, "stranger")
    response = client_for(world.team[Role.HEAD]).post(
        "/training/new/", _post(world, members=[str(stranger.pk)])
    )
    assert response.status_code == 200
    assert not TrainingSession.objects.exists()
    with pytest.raises(TrainingRefused):
        create_session(
            world.team[Role.HEAD], world.tree.commune, members=[stranger], topic="x", trainer="y"
        )


def test_a_head_cannot_record_a_session_for_another_commune(world: World) -> None:
    response = client_for(world.team[Role.HEAD]).post(
        "/training/new/", _post(world, unit=world.tree.sibling.pk)
    )
    assert response.status_code == 200  # the sibling commune is not among the choices
    assert not TrainingSession.objects.exists()
    with pytest.raises(PermissionDenied):
        create_session(world.team[Role.HEAD], world.tree.sibling, topic="x", trainer="y")


def test_editing_keeps_the_attendance_of_members_kept(world: World) -> None:
    session = make_session(world)
    session.participants.update(attended=True)
    data = _post(world, topic="Chủ đề mới")
    response = client_for(world.team[Role.HEAD]).post(f"/training/{session.pk}/edit/", data)
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.topic == "Chủ đề mới"
    assert session.participants.get().attended
    assert session.groups.get().count == 45


def test_the_form_lists_the_members_of_the_unit_and_below(world: World) -> None:
    page = client_for(world.team[Role.HEAD]).get("/training/new/").content.decode()
    assert "Lan Trần Thị" in page
    assert "sibling-head" not in page


def test_choosing_another_unit_shows_its_members_without_saving(world: World) -> None:
    from kiemchung.testing.org import make_user as add_user

    head = add_user(Role.HEAD, world.tree.province, "province-head")
    below = add_user(Role.MEMBER, world.tree.sibling, "binh-minh", first_name="Hòa")
    response = client_for(head).post(
        "/training/new/", {"unit": world.tree.sibling.pk, "choose_unit": "1"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert f'value="{below.pk}"' in page
    assert "errorlist" not in page
    assert not TrainingSession.objects.exists()
