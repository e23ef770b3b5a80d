"""The PDF is LibreOffice's conversion of the same Word file: its text holds the figures."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kiemchung.reports.documents import build_docx, content_for, docx_to_pdf
from kiemchung.reports.models import ReportSettings
from kiemchung.reports.periods import parse_period
from kiemchung.testing.reports import build_world

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def pdf_text(pdf: Path) -> str:
    done = subprocess.run(  # noqa: S603
        ["pdftotext", "-layout", str(pdf), "-"],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    )
    return re.sub(r"[ \t]+", " ", done.stdout)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="make report-deps installs LibreOffice")
def test_the_pdf_holds_the_layout_and_the_figures(tmp_path: Path) -> None:
    world = build_world()
    ReportSettings.objects.create(
        unit=world.province, parent_body="UBND huyện Mường Lát", issuing_body="Ban Chỉ đạo 35"
    )
    pdf = tmp_path / "bao-cao.pdf"
    pdf.write_bytes(docx_to_pdf(build_docx(content_for(parse_period("2024-Q3"), world.province))))
    text = pdf_text(pdf)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "BAN CHỈ ĐẠO 35" in text
    assert "BÁO CÁO" in text
    assert "Tin, bài thu thập 5 2 +150% 4 +25%" in text
    assert "Hồ sơ xác minh mở mới 3 1 +200% 0 -" in text
    assert "Công an xã An Phú 2 2 1 0" in text
    first_page = tmp_path / "trang-1"
    subprocess.run(  # noqa: S603
        ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(first_page)],  # noqa: S607
        check=True,
    )
    assert list(tmp_path.glob("trang-1*.png"))
