"""Who sees personal data: tipsters' contacts and uploaded evidence files, one rule each."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from kiemchung.cases import services
from kiemchung.cases.models import Evidence
from kiemchung.org.models import Role
from kiemchung.org.permissions import may_download_evidence, sees_tip_contacts
from kiemchung.publishing.intake import receive_tip
from kiemchung.testing.cases import make_case, png_bytes
from kiemchung.testing.org import UnitTree, make_unit_tree, make_user

pytestmark = pytest.mark.django_db

CONTACT = "0912 345 678"


@pytest.fixture
def tree() -> UnitTree:
    return make_unit_tree()


@pytest.mark.parametrize(
    ("role", "where", "sees"),
    [
        (Role.HEAD, "province", True),
        (Role.SECRETARIAT, "province", True),
        (Role.DEPUTY, "province", False),
        (Role.REVIEWER, "province", False),
        (Role.READONLY, "province", False),
        (Role.HEAD, "commune", False),
        (Role.SECRETARIAT, "commune", False),
    ],
)
def test_only_the_top_units_head_and_secretariat_see_tipsters_contacts(
    tree: UnitTree, role: Role, where: str, sees: bool
) -> None:
    assert sees_tip_contacts(make_user(role, getattr(tree, where))) is sees


def test_a_commune_head_no_longer_sees_every_tipsters_contact(
    client: Client, tree: UnitTree
) -> None:
    with override_settings(EMBEDDER="none"):
        receive_tip("Tin nhắn báo trúng thưởng xe máy", "", CONTACT)
    client.force_login(make_user(Role.HEAD, tree.commune))
    page = client.get("/tips/").content.decode()
    assert "Tin nhắn báo trúng thưởng xe máy" in page
    assert CONTACT not in page
    client.force_login(make_user(Role.SECRETARIAT, tree.province))
    assert CONTACT in client.get("/tips/").content.decode()


def test_a_superuser_sees_contacts(tree: UnitTree) -> None:
    assert sees_tip_contacts(User.objects.create_superuser("qt", "", "mat-khau-dai-12"))


@pytest.mark.parametrize(
    ("role", "where", "may"),
    [
        (Role.VERIFIER, "commune", True),
        (Role.MEMBER, "commune", True),
        (Role.SECRETARIAT, "commune", True),
        (Role.REVIEWER, "province", True),
        (Role.READONLY, "province", False),
        (Role.READONLY, "commune", False),
        (Role.LIAISON, "commune", False),
        (Role.HEAD, "sibling", False),
    ],
)
def test_evidence_files_follow_the_cases_visibility_and_read_only_does_not_download(
    tree: UnitTree, role: Role, where: str, may: bool
) -> None:
    case = make_case(tree.commune, make_user(Role.VERIFIER, tree.commune))
    assert may_download_evidence(make_user(role, getattr(tree, where)), case) is may


def test_a_province_reader_sees_the_file_listed_but_gets_no_link(
    client: Client, tree: UnitTree
) -> None:
    author = make_user(Role.VERIFIER, tree.commune)
    case = make_case(tree.commune, author)
    upload = SimpleUploadedFile("anh-chup.png", png_bytes(), content_type="image/png")
    services.add_evidence_file(author, case, upload, "Ảnh chụp tin nhắn")
    evidence = Evidence.objects.get()
    client.force_login(make_user(Role.READONLY, tree.province))
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert "anh-chup.png" in page
    assert f"/cases/evidence/{evidence.pk}/file" not in page
    assert client.get(f"/cases/evidence/{evidence.pk}/file").status_code == 403
