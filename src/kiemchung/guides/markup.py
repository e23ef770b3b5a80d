"""The limited markup of a guide's text: paragraphs, "## " headings and "- " lists.

Everything is escaped; no HTML written by a person reaches the page. ``blocks`` gives the
structure (also used for the printed document), ``render`` the HTML.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape, format_html_join
from django.utils.safestring import SafeString, mark_safe

HEADING = "## "
ITEM = "- "


@dataclass(frozen=True)
class Block:
    kind: str  # "heading", "paragraph" or "list"
    lines: tuple[str, ...]


def blocks(text: str) -> list[Block]:
    found: list[Block] = []
    for chunk in text.replace("\r\n", "\n").split("\n\n"):
        found.extend(_chunk_blocks([line.rstrip() for line in chunk.strip().split("\n")]))
    return found


def _chunk_blocks(lines: list[str]) -> list[Block]:
    found: list[Block] = []
    paragraph: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if paragraph:
            found.append(Block("paragraph", tuple(paragraph)))
            paragraph.clear()
        if items:
            found.append(Block("list", tuple(items)))
            items.clear()

    for line in lines:
        if line.startswith(HEADING):
            flush()
            found.append(Block("heading", (line[len(HEADING) :].strip(),)))
        elif line.startswith(ITEM):
            if paragraph:
                flush()
            items.append(line[len(ITEM) :].strip())
        elif line.strip():
            if items:
                flush()
            paragraph.append(line.strip())
    flush()
    return found


def _heading(block: Block) -> str:
    return f"<h2>{escape(block.lines[0])}</h2>"


def _paragraph(block: Block) -> str:
    return "<p>" + "<br>".join(escape(line) for line in block.lines) + "</p>"


def _list(block: Block) -> str:
    return "<ul>" + format_html_join("", "<li>{}</li>", ((line,) for line in block.lines)) + "</ul>"


RENDERERS = {"heading": _heading, "paragraph": _paragraph, "list": _list}


def render(text: str) -> SafeString:
    html = "\n".join(RENDERERS[block.kind](block) for block in blocks(text))
    return mark_safe(html)  # noqa: S308  (every piece of text is escaped above)
