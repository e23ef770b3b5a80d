"""Training materials: uploaded like case evidence (allow-listed, size-limited, random
names) and downloaded only by those who see the session."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from kiemchung.org.models import Role
from kiemchung.testing.training import World, client_for, make_session, soon
from kiemchung.training.models import Material

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n% tai lieu tap huan\n"


def _upload(world: World, name: str, data: bytes, user_role: str = Role.HEAD) -> int:
    session = make_session(world)
    response = client_for(world.team[user_role]).post(
        f"/training/{session.pk}/materials",
        {"file": SimpleUploadedFile(name, data), "title": "Bài giảng"},
    )
    return response.status_code


def test_a_head_uploads_a_pdf_stored_under_a_random_name(world: World) -> None:
    assert _upload(world, "bai-giang.pdf", PDF) == 302
    material = Material.objects.get()
    assert material.original_name == "bai-giang.pdf"
    assert material.file.name.startswith(f"training/{material.session_id}/")
    assert "bai-giang" not in material.file.name


def test_a_file_that_is_not_what_it_claims_is_refused(world: World) -> None:
    _upload(world, "bai-giang.pdf", b"MZ not a pdf")
    _upload(world, "chay.exe", b"MZ")
    assert not Material.objects.exists()


@override_settings(TRAINING_MATERIAL_MAX_MB=1)
def test_a_file_over_the_size_limit_is_refused(world: World) -> None:
    _upload(world, "lon.pdf", PDF + b"0" * (1024 * 1024 + 1))
    assert not Material.objects.exists()


def test_a_member_cannot_upload(world: World) -> None:
    assert _upload(world, "bai-giang.pdf", PDF, Role.MEMBER) == 403
    assert not Material.objects.exists()


def test_the_download_is_an_attachment_for_the_unit_and_a_404_for_another_commune(
    world: World,
) -> None:
    _upload(world, "bai-giang.pdf", PDF)
    material = Material.objects.get()
    response = client_for(world.team[Role.READONLY]).get(f"/training/materials/{material.pk}/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF  # type: ignore[attr-defined]
    other = client_for(world.sibling_head).get(f"/training/materials/{material.pk}/")
    assert other.status_code == 404


def test_a_participant_from_a_unit_below_may_download(world: World) -> None:
    from kiemchung.testing.org import make_user
    from kiemchung.training.services import create_session

    below = make_user(Role.MEMBER, world.tree.commune, "hoc-vien")
    province_head = make_user(Role.HEAD, world.tree.province, "province-head")
    session = create_session(
        province_head,
        world.tree.province,
        members=[below],
        topic="Lớp tỉnh",
        trainer="A",
        starts_at=soon(),
    )
    assert client_for(below).get(f"/training/{session.pk}/").status_code == 200
    material = Material(session=session, original_name="a.pdf", content_type="application/pdf")
    material.file.save("a.pdf", SimpleUploadedFile("a.pdf", PDF), save=True)
    response = client_for(below).get(f"/training/materials/{material.pk}/")
    assert response.status_code == 200
