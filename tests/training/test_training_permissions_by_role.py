"""Every training page, role by role: what each role of the commune may open or do, and
a head of the neighbouring commune who must see nothing of the commune's sessions."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from kiemchung.org.models import Role
from kiemchung.testing.training import World, client_for, make_session
from kiemchung.training.models import TrainingSession

pytestmark = pytest.mark.django_db

SIBLING = "sibling"
VIEW = {"list", "calendar", "detail", "outreach"}
MANAGE = {"new", "edit", "attendance", "delete"}
ALLOWED: dict[str, set[str]] = {
    Role.HEAD: VIEW | MANAGE,
    Role.DEPUTY: VIEW | MANAGE,
    Role.SECRETARIAT: VIEW | MANAGE,
    Role.REVIEWER: VIEW,
    Role.VERIFIER: VIEW,
    Role.MEMBER: VIEW,
    Role.READONLY: VIEW,
    Role.LIAISON: set(),
    SIBLING: {"list", "calendar", "outreach", "new"},  # their own, never this session
}


def _get(path: str) -> Callable[[Client, TrainingSession], int]:
    return lambda client, session: client.get(path.format(pk=session.pk)).status_code


def _post(path: str) -> Callable[[Client, TrainingSession], int]:
    return lambda client, session: client.post(path.format(pk=session.pk)).status_code


PAGES: dict[str, Callable[[Client, TrainingSession], int]] = {
    "list": _get("/training/"),
    "calendar": _get("/training/calendar/"),
    "detail": _get("/training/{pk}/"),
    "outreach": _get("/training/outreach/"),
    "new": _get("/training/new/"),
    "edit": _get("/training/{pk}/edit/"),
    "attendance": _post("/training/{pk}/attendance"),
    "delete": _post("/training/{pk}/delete"),
}


@pytest.mark.parametrize("role", [*Role, SIBLING])
@pytest.mark.parametrize("page", list(PAGES))
def test_each_role_opens_exactly_its_training_pages(world: World, role: str, page: str) -> None:
    session = make_session(world, members=[])
    user = world.sibling_head if role == SIBLING else world.team[role]
    status = PAGES[page](client_for(user), session)
    if page in ALLOWED[role]:
        assert status in (200, 302)
    else:
        assert status in (403, 404)
    if page == "delete":
        assert TrainingSession.objects.filter(pk=session.pk).exists() != (status == 302)


def test_a_neighbouring_commune_gets_a_404_not_a_403_for_the_session(world: World) -> None:
    session = make_session(world)
    client = client_for(world.sibling_head)
    assert client.get(f"/training/{session.pk}/").status_code == 404
    assert client.get(f"/training/{session.pk}/edit/").status_code == 404
    assert session.topic not in client.get("/training/").content.decode()


def test_an_anonymous_visitor_is_sent_to_the_login_page(world: World) -> None:
    response = Client().get("/training/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_a_participant_without_a_desk_role_sees_the_session_they_attend(world: World) -> None:
    session = make_session(world, members=[world.team[Role.LIAISON]])
    client = client_for(world.team[Role.LIAISON])
    assert client.get(f"/training/{session.pk}/").status_code == 200
    assert client.get(f"/training/{session.pk}/edit/").status_code == 403
