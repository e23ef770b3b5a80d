"""Who may do what on the case desk, role by role, through the pages.

A case of the commune is worked by the commune's people (and the province's, from above).
A case the user cannot see is a 404; an action the role does not allow is a 403.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.test import Client

from kiemchung.cases.models import Case, CaseState
from kiemchung.claims.models import Verdict
from kiemchung.org.models import Role
from kiemchung.testing.cases import make_case, make_case_in_review, make_story, make_verified_case
from kiemchung.testing.org import UnitTree, make_team, make_unit_tree, make_user

pytestmark = pytest.mark.django_db

SIBLING = "sibling"  # the head of a neighbouring commune
ALL = {
    "list",
    "detail",
    "open",
    "comment",
    "assign",
    "evidence",
    "verdict",
    "send_for_review",
    "approve",
    "close",
}
ALLOWED: dict[str, set[str]] = {
    Role.HEAD: ALL,
    Role.DEPUTY: ALL,
    Role.REVIEWER: ALL - {"assign"},
    Role.VERIFIER: ALL - {"assign", "approve"},
    Role.MEMBER: ALL - {"assign", "approve", "close"},
    Role.SECRETARIAT: {"list", "detail", "open", "comment", "assign"},
    Role.LIAISON: set(),
    Role.READONLY: {"list", "detail"},
    SIBLING: {"open"},  # its own list, without this case (see expected())
}
# What a refusal looks like: cases outside the user's units do not exist for them.
CANNOT_SEE = {Role.LIAISON, SIBLING}


@dataclass
class World:
    tree: UnitTree
    author: User  # writes the verdicts, so that any other reviewer may approve them
    users: dict[str, User]


@pytest.fixture
def world() -> World:
    tree = make_unit_tree()
    users: dict[str, User] = dict(make_team(tree.commune))
    users[SIBLING] = make_user(Role.HEAD, tree.sibling, "sibling-head")
    author = make_user(Role.MEMBER, tree.commune, "author")
    return World(tree, author, users)


Outcome = tuple[int, bool]  # status code, whether the change happened


def do_list(client: Client, world: World) -> Outcome:
    case = make_case(world.tree.commune, world.author)
    response = client.get("/cases/")
    return response.status_code, f'id="case-{case.pk}"' in response.content.decode()


def do_detail(client: Client, world: World) -> Outcome:
    case = make_case(world.tree.commune, world.author)
    response = client.get(f"/cases/{case.pk}/")
    return response.status_code, response.status_code == 200


def do_open(client: Client, world: World) -> Outcome:
    story = make_story()
    response = client.post("/cases/open/", {"story_id": story.pk})
    return response.status_code, Case.objects.filter(story=story).exists()


def do_comment(client: Client, world: World) -> Outcome:
    case = make_case(world.tree.commune, world.author)
    response = client.post(f"/cases/{case.pk}/comment/", {"text": "Đã liên hệ UBND xã."})
    return response.status_code, case.comments.exists()


def do_assign(client: Client, world: World) -> Outcome:
    case = make_case(world.tree.commune, world.author)
    response = client.post(f"/cases/{case.pk}/assign/", {"assignee": world.author.pk})
    case.refresh_from_db()
    return response.status_code, case.assignee == world.author


def do_evidence(client: Client, world: World) -> Outcome:
    case = make_case(world.tree.commune, world.author)
    response = client.post(f"/cases/{case.pk}/evidence/note/", {"text": "Đã gọi điện xác minh."})
    return response.status_code, case.evidence.exists()


def do_verdict(client: Client, world: World) -> Outcome:
    case = make_case(world.tree.commune, world.author)
    data = {"verdict": Verdict.FALSE, "rationale": "Có bằng chứng.", "summary": "Sai."}
    response = client.post(f"/cases/{case.pk}/verdict/", data)
    case.refresh_from_db()
    return response.status_code, case.verdict == Verdict.FALSE


def _move(client: Client, case: Case, target: str) -> Outcome:
    response = client.post(f"/cases/{case.pk}/state/", {"target": target})
    case.refresh_from_db()
    return response.status_code, case.state == target


def do_send_for_review(client: Client, world: World) -> Outcome:
    case = make_verified_case(world.tree.commune, world.author)
    return _move(client, case, CaseState.IN_REVIEW)


def do_approve(client: Client, world: World) -> Outcome:
    case = make_case_in_review(world.tree.commune, world.author)
    return _move(client, case, CaseState.PUBLISHED)


def do_close(client: Client, world: World) -> Outcome:
    case = make_case(world.tree.commune, world.author)
    return _move(client, case, CaseState.UNVERIFIABLE)


ACTIONS: dict[str, Callable[[Client, World], Outcome]] = {
    "list": do_list,
    "detail": do_detail,
    "open": do_open,
    "comment": do_comment,
    "assign": do_assign,
    "evidence": do_evidence,
    "verdict": do_verdict,
    "send_for_review": do_send_for_review,
    "approve": do_approve,
    "close": do_close,
}


def expected(role: str, action: str) -> tuple[int, bool]:
    if action in ALLOWED[role]:
        return (200 if action in ("list", "detail") else 302), True
    if action == "list":
        # The sibling sees the list of its own unit, but not this case.
        return (200, False) if role == SIBLING else (403, False)
    if action == "open":
        return 403, False
    return (404 if role in CANNOT_SEE else 403), False


@pytest.mark.parametrize("action", list(ACTIONS))
@pytest.mark.parametrize("role", list(ALLOWED))
def test_each_role_may_do_exactly_what_the_table_says(
    client: Client, world: World, role: str, action: str
) -> None:
    client.force_login(world.users[role])
    assert ACTIONS[action](client, world) == expected(role, action)


def test_a_province_reviewer_approves_a_commune_case(client: Client, world: World) -> None:
    client.force_login(make_user(Role.REVIEWER, world.tree.province))
    assert do_approve(client, world) == (302, True)


def test_the_author_is_told_why_the_approve_button_is_missing(client: Client, world: World) -> None:
    reviewer = world.users[Role.REVIEWER]
    case = make_case_in_review(world.tree.commune, reviewer)
    client.force_login(reviewer)
    client.cookies["django_language"] = "en"
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert 'value="published"' not in page
    assert "another reviewer must approve it" in page
    assert _move(client, case, CaseState.PUBLISHED) == (302, False)
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert "Four eyes" in page


def test_the_case_page_offers_only_the_steps_the_user_may_take(
    client: Client, world: World
) -> None:
    case = make_case_in_review(world.tree.commune, world.author)
    client.force_login(world.users[Role.MEMBER])
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert 'value="published"' not in page
    assert 'value="out_of_scope"' not in page
    client.force_login(world.users[Role.REVIEWER])
    page = client.get(f"/cases/{case.pk}/").content.decode()
    for target in ("published", "verifying", "out_of_scope", "duplicate", "unverifiable"):
        assert f'value="{target}"' in page


def test_the_desk_needs_a_login(client: Client, world: World) -> None:
    case = make_case(world.tree.commune, world.author)
    for url in ("/cases/", f"/cases/{case.pk}/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/login/")
    response = client.post(f"/cases/{case.pk}/comment/", {"text": "x"})
    assert response.status_code == 302
    assert not case.comments.exists()


def test_actions_are_posts_only(client: Client, world: World) -> None:
    case = make_case(world.tree.commune, world.author)
    client.force_login(world.users[Role.HEAD])
    assert client.get(f"/cases/{case.pk}/state/?target=unverifiable").status_code == 405
    case.refresh_from_db()
    assert case.state == CaseState.NEW


def test_posts_need_the_csrf_token(world: World) -> None:
    case = make_case(world.tree.commune, world.author)
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users[Role.HEAD])
    response = client.post(f"/cases/{case.pk}/comment/", {"text": "Không có token"})
    assert response.status_code == 403
    assert not case.comments.exists()
