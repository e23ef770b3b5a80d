"""A printable record (a fact-check, a case): one structure, shown as a print page and
made into a PDF.

``PrintDocument`` holds what is printed; ``print.html`` shows it (with the print
stylesheet: no navigation, no forms), and ``pdf_of`` writes it as a Word file with
python-docx and has LibreOffice convert it, like the period reports
(``kiemchung.reports.documents.docx_to_pdf``). PDFs are kept in ``DATA_DIR/print-pdfs``
under the hash of their content, so LibreOffice runs once per version of a record: a
request that finds the PDF being made waits for it (a file lock per PDF, beside it)
instead of running LibreOffice a second time. ``cached_pdf`` reads a PDF already made,
so that a public view can limit only the requests that make one.
"""

from __future__ import annotations

import fcntl
import hashlib
import io
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.conf import settings
from docx import Document as new_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt, RGBColor

from kiemchung.reports.documents import docx_to_pdf

FONT = "Times New Roman"  # Liberation Serif when converted: it covers Vietnamese
BODY_PT = 12


@dataclass(frozen=True)
class Item:
    """A line of a section: text, an optional web address, an optional smaller note."""

    text: str
    url: str = ""
    note: str = ""


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...] = ()
    items: tuple[Item, ...] = ()
    numbered: bool = False
    empty: str = ""  # shown when there are neither paragraphs nor items


@dataclass(frozen=True)
class PrintDocument:
    kicker: str
    title: str
    label: str = ""  # the verdict, shown as a badge
    label_class: str = ""  # the badge's CSS class (verdict-false …)
    facts: tuple[tuple[str, str], ...] = ()  # (name, value) lines under the title
    sections: tuple[Section, ...] = field(default_factory=tuple)
    footer: str = ""
    filename: str = "ban-in"

    def key(self) -> str:
        encoded = json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(encoded.encode("utf-8")).hexdigest()[:32]


def build_docx(document: PrintDocument) -> bytes:
    word = new_docx()
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    normal = word.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    _line(word, document.kicker.upper(), size=10, colour=(0x5B, 0x64, 0x72))
    _line(word, document.title, size=18, bold=True)
    if document.label:
        _line(word, document.label, size=14, bold=True, colour=(0xB3, 0x26, 0x1E))
    for name, value in document.facts:
        _line(word, f"{name}: {value}", size=10)
    for part in document.sections:
        _section(word, part)
    if document.footer:
        _line(word, document.footer, size=9, colour=(0x5B, 0x64, 0x72))
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _line(
    word: object,
    text: str,
    size: float = BODY_PT,
    bold: bool = False,
    colour: tuple[int, int, int] | None = None,
    style: str | None = None,
) -> None:
    paragraph = word.add_paragraph(style=style)  # type: ignore[attr-defined]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    paragraph.paragraph_format.space_after = Pt(4)
    run = paragraph.add_run(text)
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold = bold
    if colour is not None:
        run.font.color.rgb = RGBColor(*colour)


def _section(word: object, part: Section) -> None:
    _line(word, part.heading, size=14, bold=True)
    for text in part.paragraphs:
        _line(word, text)
    style = "List Number" if part.numbered else "List Bullet"
    for item in part.items:
        shown = item.text if not item.url or item.url == item.text else f"{item.text} — {item.url}"
        _line(word, shown, style=style)
        if item.note:
            _line(word, item.note, size=10, colour=(0x5B, 0x64, 0x72))
    if not part.paragraphs and not part.items and part.empty:
        _line(word, part.empty, colour=(0x5B, 0x64, 0x72))


def pdfs_folder() -> Path:
    return Path(settings.DATA_DIR) / "print-pdfs"


def _pdf_path(document: PrintDocument) -> Path:
    return pdfs_folder() / f"{document.key()}.pdf"


def cached_pdf(document: PrintDocument) -> bytes | None:
    """The PDF when it was already made, else ``None`` (nothing is converted)."""
    path = _pdf_path(document)
    return path.read_bytes() if path.exists() else None


def pdf_of(document: PrintDocument) -> bytes:
    """The PDF, converted once per version. ``RuntimeError`` when LibreOffice is missing
    or fails (the message says what to install).

    Conversions of one PDF take turns on its lock file (across threads and processes of
    this machine): the second finds the first one's PDF and does not convert again.
    """
    data = cached_pdf(document)
    if data is not None:
        return data
    path = _pdf_path(document)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.with_suffix(".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        data = cached_pdf(document)
        if data is None:
            data = docx_to_pdf(build_docx(document))
            partial = path.with_suffix(".tmp")
            partial.write_bytes(data)
            partial.replace(path)
    return data
