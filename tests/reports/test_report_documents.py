"""The report document: every figure in the Word file and the workbook, in the layout
the unit chose."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import date

import pytest
from docx import Document as read_docx
from docx.shared import Pt
from openpyxl import load_workbook

from kiemchung.reports.documents import ReportContent, build_docx, build_xlsx, content_for
from kiemchung.reports.models import ReportSettings
from kiemchung.reports.periods import parse_period
from kiemchung.reports.wording import change, number, office_date
from kiemchung.testing.commands import run_command
from kiemchung.testing.reports import World, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> World:
    world = build_world()
    ReportSettings.objects.create(
        unit=world.province,
        parent_body="UBND huyện Mường Lát",
        issuing_body="Ban Chỉ đạo 35",
        abbreviation="BCĐ",
        place="Mường Lát",
        signer_name="Nguyễn Văn An",
        recipients="Thường trực Huyện ủy;\nLưu: VT.",
    )
    return world


def docx_text(data: bytes) -> str:
    document = read_docx(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def quarter(world: World) -> ReportContent:
    return content_for(parse_period("2024-Q3"), world.province)


def test_numbers_are_written_with_a_decimal_comma_and_thousands_dots() -> None:
    assert number(1234567) == "1.234.567"
    assert number(12.5, 1) == "12,5"
    assert number(2.0, 1) == "2"
    assert change(9, 8, "cùng kỳ năm 2023") == "tăng 12,5% so với cùng kỳ năm 2023"
    assert change(6, 8, "quý II năm 2024") == "giảm 25% so với quý II năm 2024"


def test_the_date_line_has_leading_zeros_for_small_days_and_january_and_february() -> None:
    assert office_date(date(2025, 1, 5), "Mường Lát") == "Mường Lát, ngày 05 tháng 01 năm 2025"
    assert office_date(date(2024, 9, 30), "Mường Lát") == "Mường Lát, ngày 30 tháng 9 năm 2024"


def test_the_word_file_holds_every_headline_figure(world: World) -> None:
    text = docx_text(build_docx(quarter(world)))
    assert "Tin, bài thu thập | 5 | 2 | +150% | 4 | +25%" in text
    assert "Hồ sơ xác minh mở mới | 3 | 1 | +200% | 0 | -" in text
    assert "Nhiệm vụ quá hạn | 1 |" in text
    assert "thu thập 5 tin, bài từ 2 nguồn (tăng 25% so với cùng kỳ năm 2023" in text
    assert "Xã An Phú | 2 | 1 | 1 | 0 | 2 | 2 | 0 | 1" in text
    assert "Công an xã An Phú | 2 | 2 | 1 | 0" in text
    assert (
        "Thời gian trung vị từ khi phát hiện thông tin đến khi công bố kết luận là 2 ngày" in text
    )


def test_the_state_layout_has_the_national_motto_and_the_decree_number(world: World) -> None:
    content = replace(quarter(world), number="12", issued_on=date(2025, 1, 5))
    document = read_docx(io.BytesIO(build_docx(content)))
    text = docx_text(build_docx(content))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "Số: 12/BC-BCĐ" in text
    assert "UBND HUYỆN MƯỜNG LÁT" in text
    assert "BAN CHỈ ĐẠO 35" in text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in text
    assert "BÁO CÁO" in text
    assert "Sơ kết công tác phòng, chống thông tin sai sự thật quý III năm 2024" in text
    assert "TM. BAN CHỈ ĐẠO" in text
    assert "- Thường trực Huyện ủy;" in text
    date_runs = [
        run
        for row in document.tables[0].rows
        for cell in row.cells
        for paragraph in cell.paragraphs
        for run in paragraph.runs
        if run.text == "Mường Lát, ngày 05 tháng 01 năm 2025"
    ]
    assert date_runs and date_runs[0].italic


def test_the_party_layout_has_the_party_line_the_star_and_its_number(world: World) -> None:
    ReportSettings.objects.filter(unit=world.province).update(
        layout="party", parent_body="Đảng bộ huyện Mường Lát"
    )
    content = replace(quarter(world), number="12")
    text = docx_text(build_docx(content))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in text
    assert "Số 12-BC/BCĐ" in text
    assert "\n*\n" in text.replace(" | ", "\n")
    assert "T/M BAN CHỈ ĐẠO" in text


def test_the_page_is_a4_in_times_new_roman_with_the_decree_margins(world: World) -> None:
    document = read_docx(io.BytesIO(build_docx(quarter(world))))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(margin.mm) for margin in margins] == [20, 20, 30, 15]
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size == Pt(14)


def test_the_charts_are_embedded_as_images(world: World) -> None:
    document = read_docx(io.BytesIO(build_docx(quarter(world))))
    images = [rel for rel in document.part.rels.values() if "image" in rel.reltype]
    assert len(images) == 4


def test_the_workbook_has_every_table_with_its_figures(world: World) -> None:
    book = load_workbook(io.BytesIO(build_xlsx(quarter(world))))
    headline = book["Số liệu chính"]
    rows = {row[0]: row[1:] for row in headline.iter_rows(min_row=4, values_only=True)}
    assert rows["Tin, bài thu thập"] == (5, 2, "+150%", 4, "+25%")
    assert rows["Bài kiểm chứng công bố"][0] == 1
    assert rows["Tin báo của người dân"][0] == 3
    units = book["Số liệu theo đơn vị trực thuộc"]
    values = [row for row in units.iter_rows(min_row=4, values_only=True)]
    assert ("Xã Bình Minh", 1, 0, 0, 1, 2, 0, 1, 1) in values
    assert "Nhiệm vụ phối hợp theo cơ quan" in book.sheetnames


def test_an_empty_period_gives_a_report_of_zeros_that_says_so() -> None:
    content = content_for(parse_period("2001"), None)
    text = docx_text(build_docx(content))
    assert "các số liệu của báo cáo đều bằng 0" in text
    assert "Không có số liệu trong kỳ" in text
    assert build_xlsx(content)


def test_the_build_command_writes_each_format(world: World, tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    for kind in ("docx", "xlsx"):
        output = folder / f"bao-cao.{kind}"
        code, _, _ = run_command(
            "report",
            "build",
            "--period",
            "2024-Q3",
            "--unit",
            str(world.province.pk),
            "--format",
            kind,
            "--output",
            str(output),
        )
        assert code == 0
        assert output.stat().st_size > 1000
    assert "BAN CHỈ ĐẠO 35" in docx_text((folder / "bao-cao.docx").read_bytes())


def test_the_build_command_refuses_a_malformed_period(tmp_path: object) -> None:
    code, _, err = run_command(
        "report", "build", "--period", "quý 3", "--format", "docx", "--output", f"{tmp_path}/x"
    )
    assert code == 2
    assert "not a period" in err
    assert json  # the module is used by the PDF test
