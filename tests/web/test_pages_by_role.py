"""Every staff page, for every role: who gets the page, who is sent away, who is refused."""

from __future__ import annotations

import pytest
from django.test import Client

from kiemchung.org.models import Role
from kiemchung.testing.org import make_unit_tree, make_user

pytestmark = pytest.mark.django_db

DESK_PAGES = ("/", "/search/", "/cases/", "/tips/", "/org/")
DESK_ROLES = {
    Role.HEAD,
    Role.DEPUTY,
    Role.MEMBER,
    Role.SECRETARIAT,
    Role.VERIFIER,
    Role.REVIEWER,
    Role.READONLY,
}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("url", DESK_PAGES)
def test_desk_pages_open_for_desk_roles_only(client: Client, role: Role, url: str) -> None:
    tree = make_unit_tree()
    client.force_login(make_user(role, tree.commune))
    response = client.get(url)
    if role in DESK_ROLES:
        assert response.status_code == 200
    elif url == "/" and role == Role.COLLABORATOR:
        assert response["Location"] == "/org/collaborator/"  # a collaborator to their page
    elif url == "/":
        assert response["Location"] == "/org/tasks/"  # a liaison goes to their tasks
    else:
        assert response.status_code in (302, 403)
        assert not response.get("Location", "").startswith("/login/")


@pytest.mark.parametrize("role", [r for r in Role if r != Role.COLLABORATOR])
def test_the_task_list_opens_for_every_role_but_collaborators(client: Client, role: Role) -> None:
    tree = make_unit_tree()
    client.force_login(make_user(role, tree.commune))
    assert client.get("/org/tasks/").status_code == 200


def test_a_collaborator_sees_no_task(client: Client) -> None:
    tree = make_unit_tree()
    client.force_login(make_user(Role.COLLABORATOR, tree.commune))
    assert client.get("/org/tasks/").status_code == 403


@pytest.mark.parametrize("url", [*DESK_PAGES, "/org/tasks/"])
def test_a_person_without_a_role_is_refused_with_an_explanation(client: Client, url: str) -> None:
    client.force_login(make_user(None, None))
    response = client.get(url)
    assert response.status_code == 403


@pytest.mark.parametrize("url", [*DESK_PAGES, "/org/tasks/", "/documents/1/", "/stories/1/"])
def test_every_staff_page_needs_a_login(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
