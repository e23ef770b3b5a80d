"""The report as a Word file (the one an office edits and signs), a PDF made from that
same file by LibreOffice, and a workbook of every table.

The page follows the unit's layout (``layouts``): A4 portrait, Times New Roman 14 pt,
justified paragraphs with a first-line indent, the margins of Decree 30/2020; the
header table (issuing body left, national motto or Party line right), the number, the
place and date in italics, "BÁO CÁO" and its summary line, sections I–V, "Nơi nhận:"
and the signature block, then the annex: tables by sub-unit and the charts.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from kiemchung.org.models import OrgUnit
from kiemchung.reports.figures import Figures, compute
from kiemchung.reports.header import Header, header_for
from kiemchung.reports.layouts import Layout, layout
from kiemchung.reports.narrative import SECTIONS, Draft, draft_texts, summary_line
from kiemchung.reports.periods import Period
from kiemchung.reports.tables import Table, all_tables
from kiemchung.reports.wording import office_date

if TYPE_CHECKING:  # matplotlib loads only when a report is drawn
    from kiemchung.reports.charts import Chart

FONT = "Times New Roman"
BODY_PT = 14
SMALL_PT = 12
TEXT_WIDTH_MM = 165  # 210 - 30 (left) - 15 (right)
CONVERT_SECONDS = 180


@dataclass
class ReportContent:
    """Everything a report document shows; an issued report keeps exactly this."""

    figures: Figures
    header: Header
    texts: dict[str, str]
    number: str = ""
    issued_on: date | None = None
    charts: list[Chart] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


def content_for(period: Period, unit: OrgUnit | None, draft: Draft | None = None) -> ReportContent:
    """A fresh report: figures from the data, the draft texts, the unit's header."""
    from kiemchung.reports.charts import all_charts

    figures = compute(period, unit)
    if draft is None:
        draft = outlook_draft(figures)
    return ReportContent(
        figures=figures,
        header=header_for(unit),
        texts=draft_texts(draft),
        charts=all_charts(figures),
        tables=all_tables(figures),
    )


def outlook_draft(figures: Figures) -> Draft:
    from kiemchung.reports.outlook import outlook_for

    outlook, rising = outlook_for(figures)
    return Draft(figures, outlook, rising)


# --- low-level helpers -------------------------------------------------------------------


def _run_font(run: object, size: float, bold: bool = False, italic: bool = False) -> None:
    font = run.font  # type: ignore[attr-defined]
    font.name = FONT
    font.size = Pt(size)
    font.bold = bold
    font.italic = italic
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()  # type: ignore[attr-defined]
    fonts.set(qn("w:eastAsia"), FONT)


def _line(
    where: Paragraph,
    text: str,
    size: float = BODY_PT,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
) -> Paragraph:
    where.alignment = align
    where.paragraph_format.first_line_indent = Cm(0)
    where.paragraph_format.space_after = Pt(0)
    run = where.add_run(text)
    _run_font(run, size, bold, italic)
    run.font.underline = underline
    return where


def _cell_line(
    cell: _Cell,
    text: str,
    size: float = 13,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
) -> Paragraph:
    paragraphs = cell.paragraphs
    target = (
        paragraphs[0] if len(paragraphs) == 1 and not paragraphs[0].text else cell.add_paragraph()
    )
    return _line(target, text, size, bold=bold, italic=italic, underline=underline)


def _rule(paragraph: Paragraph, width_mm: float, column_mm: float) -> None:
    """A short centred rule: an empty paragraph's bottom border, indented to ``width``."""
    side = max((column_mm - width_mm) / 2, 0)
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)
    paragraph.paragraph_format.space_after = Pt(2)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (
        ("w:val", "single"),
        ("w:sz", "6"),
        ("w:space", "1"),
        ("w:color", "000000"),
    ):
        bottom.set(qn(name), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)
    run = paragraph.add_run("")
    _run_font(run, 2)


def _page(document: object, chosen: Layout) -> None:
    section = document.sections[0]  # type: ignore[attr-defined]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    top, bottom, left, right = chosen.margins_mm
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    normal = document.styles["Normal"]  # type: ignore[attr-defined]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    form = normal.paragraph_format
    form.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    form.first_line_indent = Cm(1.27)
    form.space_after = Pt(6)
    form.line_spacing = 1.15


# --- the parts of the page -----------------------------------------------------------------

LEFT_MM, RIGHT_MM = 68, 97


def _widths(table: object, millimetres: list[float]) -> None:
    """Column widths that Word and LibreOffice both keep: the grid and every cell."""
    table.autofit = False  # type: ignore[attr-defined]
    grid = table._tbl.tblGrid  # type: ignore[attr-defined]
    for column, width in zip(grid.gridCol_lst, millimetres, strict=False):
        column.w = Mm(width)
    for row in table.rows:  # type: ignore[attr-defined]
        for cell, width in zip(row.cells, millimetres, strict=False):
            cell.width = Mm(width)


def _no_cell_padding(table: object) -> None:
    """The header's columns use their whole width (the motto fits on one line)."""
    properties = table._tbl.tblPr  # type: ignore[attr-defined]
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), "0")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    properties.append(margins)


def _header(document: object, content: ReportContent, chosen: Layout) -> None:
    h = content.header
    table = document.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, [LEFT_MM, RIGHT_MM])
    _no_cell_padding(table)
    left, right = table.rows[0].cells
    if h.parent_body:
        _cell_line(left, h.parent_body.upper(), 12)
    _cell_line(left, h.issuing_body.upper(), 13, bold=True)
    if chosen.star:
        _cell_line(left, "*", 13)
    else:
        _rule(left.add_paragraph(), 25, LEFT_MM)
    _cell_line(left, chosen.number_line(content.number, h.abbreviation), 13)
    for number, text in enumerate(chosen.right_lines):
        last = number == len(chosen.right_lines) - 1
        # The motto's first line in 12 pt keeps it on one line, as Decree 30 allows.
        _cell_line(right, text, 12 if not last else 13, bold=True)
    _rule(right.add_paragraph(), 60 if len(chosen.right_lines) > 1 else 55, RIGHT_MM)
    day = content.issued_on
    dated = office_date(day, h.place) if day else _blank_date(h.place, content.figures.period)
    _cell_line(right, dated, 14, italic=True)


def _blank_date(place: str, period: Period) -> str:
    """A draft's date line, to fill in when the report is issued."""
    text = f"ngày     tháng     năm {max(period.end.year, date.today().year)}"
    return f"{place}, {text}" if place else text.capitalize()


def _title(document: object, content: ReportContent) -> None:
    title = document.add_paragraph()  # type: ignore[attr-defined]
    _line(title, "BÁO CÁO", BODY_PT, bold=True)
    title.paragraph_format.space_before = Pt(18)
    _line(document.add_paragraph(), summary_line(content.figures), BODY_PT, bold=True)  # type: ignore[attr-defined]
    _rule(document.add_paragraph(), 40, TEXT_WIDTH_MM)  # type: ignore[attr-defined]


def _sections(document: object, content: ReportContent, styles: dict[str, str]) -> None:
    for section in SECTIONS:
        heading = document.add_paragraph()  # type: ignore[attr-defined]
        heading.paragraph_format.keep_with_next = True
        heading.paragraph_format.space_before = Pt(6)
        run = heading.add_run(section.heading)
        _run_font(run, BODY_PT, bold=True)
        for text in content.texts.get(section.key, "").splitlines():
            if text.strip():
                paragraph = document.add_paragraph()  # type: ignore[attr-defined]
                _run_font(paragraph.add_run(text.strip()), BODY_PT)
        if section.key == "situation":
            _table(document, content.tables[0], styles)


def _closing(document: object, content: ReportContent, chosen: Layout) -> None:
    h = content.header
    document.add_paragraph()  # type: ignore[attr-defined]
    table = document.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    _widths(table, [75, 90])
    left, right = table.rows[0].cells
    _cell_line(
        left, "Nơi nhận:", 12, bold=True, italic=True, underline=chosen.recipients_underlined
    ).alignment = WD_ALIGN_PARAGRAPH.LEFT
    for line in h.recipients:
        _cell_line(left, f"- {line}", 11).alignment = WD_ALIGN_PARAGRAPH.LEFT
    _cell_line(right, f"{chosen.on_behalf} {h.signing_for.upper()}", 14, bold=True)
    _cell_line(right, h.signer_title.upper(), 14, bold=True)
    for _ in range(4):
        _cell_line(right, "", 14)
    _cell_line(right, h.signer_name, 14, bold=True)


TABLE_STYLES = {
    # name: (size, bold, alignment)
    "KC bảng tiêu đề": (11, True, WD_ALIGN_PARAGRAPH.CENTER),
    "KC bảng": (11, False, WD_ALIGN_PARAGRAPH.CENTER),
    "KC bảng cột đầu": (11, False, WD_ALIGN_PARAGRAPH.LEFT),
    "KC bảng rộng tiêu đề": (10, True, WD_ALIGN_PARAGRAPH.CENTER),
    "KC bảng rộng": (10, False, WD_ALIGN_PARAGRAPH.CENTER),
    "KC bảng rộng cột đầu": (10, False, WD_ALIGN_PARAGRAPH.LEFT),
}


def _table_styles(document: object) -> dict[str, str]:
    """Paragraph styles for table cells: formatting each cell's run one by one is what
    made a long annex slow; a style is written once."""
    from docx.enum.style import WD_STYLE_TYPE

    styles = document.styles  # type: ignore[attr-defined]
    ids: dict[str, str] = {}
    for name, (size, bold, alignment) in TABLE_STYLES.items():
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        ids[name] = style.style_id
        style.base_style = styles["Normal"]
        style.font.size = Pt(size)
        style.font.bold = bold
        form = style.paragraph_format
        form.alignment = alignment
        form.first_line_indent = Cm(0)
        form.space_after = Pt(0)
        form.line_spacing = 1.0
    return ids


def _styled(cell: _Cell, text: str, style_id: str) -> None:
    """The cell's text in a style given by id (looking a style up by name scans every
    style of the document: that is what made tables slow)."""
    paragraph = cell.paragraphs[0]
    paragraph._p.style = style_id
    paragraph.add_run(text)


def _table(document: object, table: Table, styles: dict[str, str]) -> None:
    caption = document.add_paragraph()  # type: ignore[attr-defined]
    _line(caption, table.title, 13, bold=True)
    caption.paragraph_format.space_before = Pt(6)
    caption.paragraph_format.keep_with_next = True
    columns = len(table.headers)
    wide = columns > 6
    prefix = "KC bảng rộng" if wide else "KC bảng"
    first = (36 if wide else 50) if columns > 2 else 100
    rest = (TEXT_WIDTH_MM - first) / max(columns - 1, 1)
    grid = document.add_table(rows=1 + max(len(table.rows), 1), cols=columns)  # type: ignore[attr-defined]
    grid.style = "Table Grid"
    rows = grid.rows
    for cell, text in zip(rows[0].cells, table.headers, strict=True):
        _styled(cell, text, styles[f"{prefix} tiêu đề"])
    if not table.rows:
        cells = rows[1].cells
        _styled(cells[0].merge(cells[-1]), "Không có số liệu trong kỳ", styles[prefix])
    for row, values in zip(rows[1:], table.rows, strict=False):
        for index, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            name = f"{prefix} cột đầu" if index == 0 else prefix
            _styled(cell, _cell_text(value), styles[name])
    _widths(grid, [first] + [rest] * (columns - 1))


def _cell_text(value: object) -> str:
    from kiemchung.reports.wording import number

    if value is None:
        return "-"
    if isinstance(value, (int, float)):
        return number(value, 1)
    return str(value)


def _annex(document: object, content: ReportContent, styles: dict[str, str]) -> None:
    document.add_page_break()  # type: ignore[attr-defined]
    _line(document.add_paragraph(), "PHỤ LỤC", BODY_PT, bold=True)  # type: ignore[attr-defined]
    _line(
        document.add_paragraph(),  # type: ignore[attr-defined]
        f"Số liệu {content.figures.period.label}",
        13,
        italic=True,
    )
    for table in content.tables[1:]:
        _table(document, table, styles)
    for chart in content.charts:
        caption = document.add_paragraph()  # type: ignore[attr-defined]
        _line(caption, chart.title, 13, bold=True)
        caption.paragraph_format.space_before = Pt(12)
        caption.paragraph_format.keep_with_next = True
        holder = document.add_paragraph()  # type: ignore[attr-defined]
        holder.alignment = WD_ALIGN_PARAGRAPH.CENTER
        holder.paragraph_format.first_line_indent = Cm(0)
        holder.add_run().add_picture(io.BytesIO(chart.png), width=Mm(160))


def build_docx(content: ReportContent) -> bytes:
    chosen = layout(content.header.layout)
    document = new_docx()
    _page(document, chosen)
    styles = _table_styles(document)
    _header(document, content, chosen)
    _title(document, content)
    _sections(document, content, styles)
    _closing(document, content, chosen)
    _annex(document, content, styles)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- PDF and XLSX -------------------------------------------------------------------------


def docx_to_pdf(docx: bytes) -> bytes:
    """The same DOCX converted by LibreOffice headless, with a private profile so that
    conversions never share (or lock) a user's LibreOffice settings."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise RuntimeError(
            "LibreOffice is not installed: run 'make report-deps' "
            "(libreoffice-writer-nogui fonts-liberation poppler-utils)"
        )
    with tempfile.TemporaryDirectory(prefix="kiemchung-report-") as folder:
        work = Path(folder)
        source = work / "bao-cao.docx"
        source.write_bytes(docx)
        command = [
            office,
            f"-env:UserInstallation=file://{work / 'profile'}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        done = subprocess.run(  # noqa: S603
            command, capture_output=True, text=True, timeout=CONVERT_SECONDS, check=False
        )
        target = work / "bao-cao.pdf"
        if done.returncode != 0 or not target.exists():
            raise RuntimeError(f"LibreOffice could not convert the report: {done.stderr[-2000:]}")
        return target.read_bytes()


def build_xlsx(content: ReportContent) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for table in content.tables:
        sheet = book.create_sheet(table.title[:31].replace("/", "-"))
        sheet.append([table.title])
        sheet["A1"].font = Font(bold=True)
        sheet.append([f"{content.figures.period.label}"])
        sheet.append(list(table.headers))
        for cell in sheet[3]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append(list(row))
        sheet.column_dimensions["A"].width = 40
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def render(content: ReportContent, kind: str) -> bytes:
    return RENDERERS[kind](content)


# The output formats. Add one here.
RENDERERS: dict[str, Callable[[ReportContent], bytes]] = {
    "docx": build_docx,
    "pdf": lambda content: docx_to_pdf(build_docx(content)),
    "xlsx": build_xlsx,
}
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def build_file(period: Period, unit: OrgUnit | None, kind: str, output: Path) -> None:
    output.write_bytes(render(content_for(period, unit), kind))
