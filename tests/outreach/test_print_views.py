"""Print views and PDFs: a fact-check (public) and a case record (whoever sees the case).

The print pages have no navigation and no form; the PDF is made by LibreOffice from a
Word file, and without LibreOffice the print page says so.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from kiemchung.cases import services
from kiemchung.claims.models import FactCheck
from kiemchung.org.models import Role
from kiemchung.org.names import display_name
from kiemchung.publishing.models import Tip, TipContact
from kiemchung.publishing.printdoc import pdfs_folder
from kiemchung.reports import documents
from kiemchung.testing.org import UnitTree, make_user
from kiemchung.testing.publishing import approved_case

pytestmark = pytest.mark.django_db
needs_office = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and poppler-utils make and read the PDF (make report-deps)",
)


def pdf_text(data: bytes, tmp_path: Path) -> str:
    pdf = tmp_path / "out.pdf"
    pdf.write_bytes(data)
    done = subprocess.run(  # noqa: S603
        ["pdftotext", "-layout", str(pdf), "-"],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_the_fact_check_print_view_has_no_navigation_and_no_form(
    client: Client, factcheck: FactCheck
) -> None:
    response = client.get(f"/kiem-chung/{factcheck.case.pk}/ban-in/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<nav" not in page and "<form" not in page
    assert factcheck.claim_reviewed in page
    assert "Sai sự thật" in page
    assert "https://soyte.hoalam.example/thong-bao/123" in page
    assert "print.css" in page


def test_every_page_prints_without_navigation_or_forms() -> None:
    css = Path(documents.__file__).parents[1].joinpath("web/static/web/site.css").read_text()
    rule = css[css.index("@media print") :]
    for hidden in ("header.top", "nav", "form", "button"):
        assert hidden in rule.split("{", 2)[1]


@needs_office
def test_the_fact_check_pdf_carries_the_vietnamese_text(
    client: Client, factcheck: FactCheck, tmp_path: Path
) -> None:
    response = client.get(f"/kiem-chung/{factcheck.case.pk}/ban-in.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert f'filename="kiem-chung-{factcheck.case.pk}.pdf"' in response["Content-Disposition"]
    text = pdf_text(response.content, tmp_path)
    assert "SAI SỰ THẬT" in text.upper()
    assert "tiêm vắc xin mũi 4" in text
    assert len(list(pdfs_folder().glob("*.pdf"))) == 1  # kept for the next reader


def test_without_libreoffice_the_print_page_says_so(
    client: Client, factcheck: FactCheck, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(documents.shutil, "which", lambda name: None)
    response = client.get(f"/kiem-chung/{factcheck.case.pk}/ban-in.pdf")
    assert response.status_code == 503
    page = response.content.decode()
    assert "chưa cài LibreOffice" in page
    assert factcheck.claim_reviewed in page  # the print view is still there


@pytest.fixture
def worked_case(tree: UnitTree) -> tuple[object, User, User]:
    author = make_user(Role.VERIFIER, tree.commune, "xacminh1", first_name="Lan", last_name="Vũ")
    reviewer = make_user(Role.REVIEWER, tree.province, "duyet1", first_name="Sơn", last_name="Đỗ")
    case = services.open_case(
        author, tree.commune, title="Tin đồn cắt điện", claim_text="Cả xã bị cắt điện 3 ngày"
    )
    services.add_evidence_link(
        author, case, "https://dienluc.hoalam.example/lich", "Lịch cắt điện của Điện lực"
    )
    services.add_evidence_note(author, case, "Đã gọi điện cho Điện lực xã, không có lịch này.")
    services.add_comment(reviewer, case, "Cần thêm ảnh chụp bài đăng gốc.")
    services.set_verdict(author, case, "false", "Điện lực không có lịch cắt điện.", "Sai.")
    tip = Tip.objects.create(text="tin báo")
    TipContact.objects.create(tip=tip, contact="0987 654 321", purge_after="2099-01-01T00:00Z")
    case.tip = tip
    case.save()
    return case, author, reviewer


def test_the_case_print_view_shows_the_record_with_people_by_name(
    client: Client, worked_case: tuple[object, User, User]
) -> None:
    case, author, reviewer = worked_case
    client.force_login(reviewer)
    response = client.get(f"/cases/{case.pk}/print/")  # type: ignore[attr-defined]
    assert response.status_code == 200
    page = response.content.decode()
    assert "<nav" not in page and "<form" not in page
    for text in (
        "Cả xã bị cắt điện 3 ngày",
        "Lịch cắt điện của Điện lực",
        "không có lịch này",
        "Cần thêm ảnh chụp bài đăng gốc.",
        "Điện lực không có lịch cắt điện.",
        "Sai sự thật",
    ):
        assert text in page, text
    assert display_name(author) in page and display_name(reviewer) in page
    assert "xacminh1" not in page and "duyet1" not in page  # names, never logins
    assert "0987 654 321" not in page  # a tipster's contact is not part of the record


@pytest.mark.parametrize("role", [Role.READONLY, Role.MEMBER, Role.HEAD])
def test_anyone_who_sees_the_case_may_print_it(
    client: Client, tree: UnitTree, worked_case: tuple[object, User, User], role: str
) -> None:
    case = worked_case[0]
    client.force_login(make_user(role, tree.commune))
    assert client.get(f"/cases/{case.pk}/print/").status_code == 200  # type: ignore[attr-defined]


def test_staff_of_another_commune_and_visitors_cannot_print_the_case(
    client: Client, tree: UnitTree, worked_case: tuple[object, User, User]
) -> None:
    case = worked_case[0]
    path = f"/cases/{case.pk}/print/"  # type: ignore[attr-defined]
    response = client.get(path)
    assert response.status_code == 302 and "/login/" in response["Location"]
    client.force_login(make_user(Role.HEAD, tree.sibling))
    assert client.get(path).status_code == 404
    assert client.get(path.replace("print/", "print.pdf")).status_code == 404


@needs_office
def test_the_case_pdf_has_the_record(
    client: Client, worked_case: tuple[object, User, User], tmp_path: Path
) -> None:
    case, author, reviewer = worked_case
    client.force_login(reviewer)
    response = client.get(f"/cases/{case.pk}/print.pdf")  # type: ignore[attr-defined]
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    text = " ".join(pdf_text(response.content, tmp_path).split())
    assert "Cả xã bị cắt điện 3 ngày" in text
    assert display_name(author) in text
    assert "0987 654 321" not in text


def test_an_unpublished_case_has_no_public_print_view(client: Client, tree: UnitTree) -> None:
    case = approved_case()
    assert client.get(f"/kiem-chung/{case.pk}/ban-in/").status_code == 404
