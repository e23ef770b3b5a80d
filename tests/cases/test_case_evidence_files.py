"""Evidence files: only allow-listed types that are what they claim, served only as downloads."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pytest_django.fixtures import Settings as SettingsWrapper

from kiemchung.cases.models import Case, Evidence
from kiemchung.org.models import Role
from kiemchung.testing.cases import make_case, png_bytes
from kiemchung.testing.org import UnitTree, make_unit_tree, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings: SettingsWrapper, tmp_path: Path) -> Path:
    folder = tmp_path / "media"
    settings.MEDIA_ROOT = folder
    return folder


@pytest.fixture
def tree() -> UnitTree:
    return make_unit_tree()


@pytest.fixture
def member(tree: UnitTree) -> User:
    return make_user(Role.MEMBER, tree.commune)


@pytest.fixture
def case(tree: UnitTree, member: User) -> Case:
    return make_case(tree.commune, member)


@pytest.fixture
def member_client(client: Client, member: User) -> Client:
    client.force_login(member)
    client.cookies["django_language"] = "en"
    return client


def upload(client: Client, case: Case, name: str, content: bytes) -> str:
    response = client.post(
        f"/cases/{case.pk}/evidence/file/",
        {"file": SimpleUploadedFile(name, content), "title": ""},
        follow=True,
    )
    assert response.status_code == 200
    return response.content.decode()


def test_a_good_png_is_accepted_and_stored_under_a_random_name(
    member_client: Client, case: Case, media: Path
) -> None:
    page = upload(member_client, case, "anh-chup.png", png_bytes())
    assert "File added to the evidence." in page
    evidence = Evidence.objects.get()
    assert (evidence.kind, evidence.original_name, evidence.content_type) == (
        "file",
        "anh-chup.png",
        "image/png",
    )
    assert evidence.size == len(png_bytes())
    stored = Path(evidence.file.path)
    assert stored.is_relative_to(media)
    assert stored.name != "anh-chup.png"
    assert stored.suffix == ".png"
    assert stored.read_bytes() == png_bytes()


def test_a_file_downloads_as_an_attachment_that_is_never_rendered(
    member_client: Client, case: Case
) -> None:
    upload(member_client, case, "anh-chup.png", png_bytes())
    evidence = Evidence.objects.get()
    response = member_client.get(f"/cases/evidence/{evidence.pk}/file")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "anh-chup.png" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert b"".join(response.streaming_content) == png_bytes()  # type: ignore[attr-defined]


def test_the_media_folder_is_not_served_by_url(member_client: Client, case: Case) -> None:
    upload(member_client, case, "anh-chup.png", png_bytes())
    name = Evidence.objects.get().file.name
    assert member_client.get(f"/media/{name}").status_code == 404
    assert member_client.get(f"/{name}").status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("trang.html", b"<html><script>alert(1)</script></html>", "files of type .html"),
        ("chay.exe", b"MZ\x90\x00\x03", "files of type .exe"),
        ("hinh.svg", b"<svg onload=alert(1)></svg>", "files of type .svg"),
        ("khong-duoi", b"hello", "files of type (none)"),
        ("gia.png", b"<html><script>alert(1)</script></html>", "does not look like a .png file"),
        ("gia.pdf", b"MZ not a pdf", "does not look like a .pdf file"),
        ("ghi-chu.txt", b"text\x00binary", "must not contain binary data"),
    ],
)
def test_a_file_of_the_wrong_kind_is_rejected_with_a_clear_message(
    member_client: Client, case: Case, media: Path, name: str, content: bytes, reason: str
) -> None:
    page = upload(member_client, case, name, content)
    assert "The file was not accepted:" in page
    assert reason in page
    assert not Evidence.objects.exists()
    assert not any(path.is_file() for path in media.rglob("*"))


def test_a_file_over_the_limit_is_rejected(
    member_client: Client, case: Case, settings: SettingsWrapper
) -> None:
    settings.UPLOAD_MAX_MB = 1
    big = png_bytes() + b"\x00" * (1024 * 1024)
    page = upload(member_client, case, "lon.png", big)
    assert "the file is larger than 1 MB" in page
    assert not Evidence.objects.exists()


def test_the_file_input_says_which_types_are_accepted(member_client: Client, case: Case) -> None:
    page = member_client.get(f"/cases/{case.pk}/").content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert 'accept="' in page
    accept = page.split('accept="', 1)[1].split('"', 1)[0]
    assert ".png" in accept.split(",")
    assert ".html" not in accept
    assert "up to 10 MB" in page


def test_downloads_follow_the_case_s_visibility_and_read_only_may_not_download(
    member_client: Client, case: Case, tree: UnitTree
) -> None:
    upload(member_client, case, "anh-chup.png", png_bytes())
    evidence = Evidence.objects.get()
    url = f"/cases/evidence/{evidence.pk}/file"
    outsider, reader = Client(), Client()
    outsider.force_login(make_user(Role.HEAD, tree.sibling))
    reader.force_login(make_user(Role.READONLY, tree.commune))
    assert outsider.get(url).status_code == 404
    assert reader.get(url).status_code == 403
    assert Client().get(url).status_code == 302  # to the login page


def test_a_readonly_user_cannot_upload(client: Client, case: Case, tree: UnitTree) -> None:
    client.force_login(make_user(Role.READONLY, tree.commune))
    response = client.post(
        f"/cases/{case.pk}/evidence/file/", {"file": SimpleUploadedFile("a.png", png_bytes())}
    )
    assert response.status_code == 403
    assert not Evidence.objects.exists()


def test_an_evil_file_name_is_shown_escaped_and_downloaded_with_its_safe_suffix(
    member_client: Client, case: Case
) -> None:
    name = "<img src=x onerror=alert(1)>.png"
    page = upload(member_client, case, name, png_bytes())
    assert "<img src=x onerror=alert(1)>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;.png" in page
    evidence = Evidence.objects.get()
    response = member_client.get(f"/cases/evidence/{evidence.pk}/file")
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("attachment;")


def test_a_path_in_the_uploaded_name_is_dropped(member_client: Client, case: Case) -> None:
    upload(member_client, case, "../../etc/anh.png", png_bytes())
    evidence = Evidence.objects.get()
    assert "/" not in evidence.original_name
    assert ".." not in evidence.file.name


def test_a_vietnamese_file_name_survives_the_download(member_client: Client, case: Case) -> None:
    upload(member_client, case, "ảnh chụp màn hình.png", png_bytes())
    evidence = Evidence.objects.get()
    assert evidence.original_name == "ảnh chụp màn hình.png"
    response = member_client.get(f"/cases/evidence/{evidence.pk}/file")
    assert "filename*=utf-8''" in response["Content-Disposition"]
