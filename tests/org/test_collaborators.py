"""Collaborators: people outside the staff who send tips and share published fact-checks
from one simple page, and see nothing of the desk."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from kiemchung.org.models import Role
from kiemchung.publishing.models import Tip, TipContact
from kiemchung.publishing.services import publish_case
from kiemchung.testing.org import UnitTree, make_member, make_unit_tree
from kiemchung.testing.publishing import approved_case

pytestmark = pytest.mark.django_db

TIP = "Nhóm Zalo của xóm đang truyền tin đập Sông Lam sắp vỡ, bà con hoang mang."


@pytest.fixture(autouse=True)
def lexical_matching() -> Iterator[None]:
    cache.clear()
    with override_settings(EMBEDDER="none"):
        yield
    cache.clear()


@pytest.fixture
def tree() -> UnitTree:
    return make_unit_tree()


@pytest.fixture
def collaborator(client: Client, tree: UnitTree) -> Client:
    client.force_login(make_member(Role.COLLABORATOR, tree.commune, "Bùi Văn Cường"))
    return client


def test_a_collaborator_lands_on_their_page_after_logging_in(collaborator: Client) -> None:
    response = collaborator.get("/", follow=True)
    assert response.redirect_chain[-1][0] == "/org/collaborator/"
    text = response.content.decode()
    assert 'name="text"' in text
    assert "Bùi Văn Cường" in text  # the header names them


def test_a_collaborator_s_tip_enters_the_queue_marked_with_their_unit(
    collaborator: Client, client: Client, tree: UnitTree
) -> None:
    response = collaborator.post("/org/collaborator/", {"text": TIP, "url": ""})
    assert response.status_code == 302
    tip = Tip.objects.get()
    assert tip.collaborator_unit == tree.commune
    assert not TipContact.objects.exists()  # no contact kept
    desk = Client()
    desk.cookies["django_language"] = "en"
    desk.force_login(make_member(Role.VERIFIER, tree.commune, "Nguyễn Thị Lan"))
    text = desk.get("/tips/").content.decode()
    assert "From a known collaborator of Xã An Phú" in text


def test_a_public_tip_carries_no_collaborator_marker(client: Client, tree: UnitTree) -> None:
    client.post(
        "/gui-tin/", {"text": TIP, "url": "", "contact": "", "website": ""}, REMOTE_ADDR="1.2.3.4"
    )
    assert Tip.objects.get().collaborator_unit is None


def test_an_empty_tip_is_refused(collaborator: Client) -> None:
    response = collaborator.post("/org/collaborator/", {"text": "  ", "url": ""})
    assert response.status_code == 200
    assert not Tip.objects.exists()


def test_a_collaborator_receives_the_published_fact_checks_to_share(
    collaborator: Client,
) -> None:
    case = approved_case()
    publish_case(case)
    text = collaborator.get("/org/collaborator/").content.decode()
    assert f"/kiem-chung/{case.pk}/" in text
    assert f"http://testserver/kiem-chung/{case.pk}/" in text  # a whole link to paste


@pytest.mark.parametrize(
    "url", ["/cases/", "/tips/", "/search/", "/org/", "/org/members/", "/reports/"]
)
def test_a_collaborator_sees_nothing_of_the_desk(collaborator: Client, url: str) -> None:
    response = collaborator.get(url)
    assert response.status_code in (302, 403)
    assert response.get("Location", "") in ("", "/org/collaborator/")


@pytest.mark.parametrize("url", ["/org/members/new/", "/org/members/import/"])
def test_a_collaborator_manages_no_one(collaborator: Client, url: str) -> None:
    assert collaborator.get(url).status_code == 403


def test_staff_without_the_collaborator_role_have_no_collaborator_page(
    client: Client, tree: UnitTree
) -> None:
    client.force_login(make_member(Role.VERIFIER, tree.commune, "Nguyễn Thị Lan"))
    assert client.get("/org/collaborator/").status_code == 403


def test_the_page_offers_nothing_for_posting_under_other_names_or_in_bulk(
    collaborator: Client,
) -> None:
    text = collaborator.get("/org/collaborator/").content.decode().lower()
    for word in ("comment", "bình luận", "report account", "báo cáo tài khoản", "tài khoản ảo"):
        assert word not in text


def test_collaborators_are_listed_by_unit_for_the_head(client: Client, tree: UnitTree) -> None:
    make_member(Role.COLLABORATOR, tree.commune, "Bùi Văn Cường", phone="0911111111")
    make_member(Role.COLLABORATOR, tree.sibling, "Đinh Thị Dung", phone="0922222222")
    client.force_login(make_member(Role.HEAD, tree.commune, "Hồ Văn Nam"))
    text = client.get("/org/members/?role=collaborator").content.decode()
    assert "Bùi Văn Cường" in text and "0911111111" in text
    assert "Đinh Thị Dung" not in text
