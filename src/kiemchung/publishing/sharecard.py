"""The share card: a 1200×630 PNG with the label, the title and the publisher's name.

Drawn on the server with Pillow in DejaVu Sans (shipped with matplotlib, which covers
Vietnamese), so no font is fetched and no third-party service sees the reader. A card is
drawn once: it is kept in ``DATA_DIR/share-cards`` under the hash of what it shows, so a
page load or a second request only reads the file.
"""

from __future__ import annotations

import hashlib
import io
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
BACKGROUND = "#fbfaf7"
INK = "#1d232b"
MUTED = "#5b6472"
RULE = "#d9d4c7"
TITLE_SIZES = (64, 58, 52, 46, 40)
TITLE_LINES = 5
TITLE_TOP = 250
TITLE_BOTTOM = 530
VERSION = "1"  # change to redraw every cached card after a change of design


@dataclass(frozen=True)
class Card:
    kicker: str  # "KIỂM CHỨNG" or "CẨM NANG"
    label: str  # the verdict label, or the guide's topic
    colour: str  # the label's background, "#rrggbb"
    title: str
    site: str  # the publisher's name
    address: str  # the site's host name, shown in the footer

    def key(self) -> str:
        parts = (VERSION, self.kicker, self.label, self.colour, self.title, self.site, self.address)
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


@cache
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    import matplotlib  # only for its font folder, when a card is drawn

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name
    return ImageFont.truetype(str(path), size)


def nfc(text: str) -> str:
    """One code point per Vietnamese letter: combining marks would be drawn apart."""
    return unicodedata.normalize("NFC", " ".join(text.split()))


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Lines no wider than ``width``, broken between words (a too-long word is cut)."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}".strip()
        if face.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = _cut(word, face, width, lines)
    if current:
        lines.append(current)
    return lines


def _cut(word: str, face: ImageFont.FreeTypeFont, width: int, lines: list[str]) -> str:
    while face.getlength(word) > width:
        size = len(word)
        while size > 1 and face.getlength(word[:size]) > width:
            size -= 1
        lines.append(word[:size])
        word = word[size:]
    return word


def fit_title(title: str, width: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest size at which the title fits; at the smallest, cut with an ellipsis."""
    for size in TITLE_SIZES:
        face = font(size, bold=True)
        lines = wrap(title, face, width)
        if len(lines) * int(size * 1.25) <= TITLE_BOTTOM - TITLE_TOP and len(lines) <= TITLE_LINES:
            return face, lines
    face = font(TITLE_SIZES[-1], bold=True)
    lines = wrap(title, face, width)
    most = (TITLE_BOTTOM - TITLE_TOP) // int(TITLE_SIZES[-1] * 1.25)
    if len(lines) > most:
        lines = lines[:most]
        last = lines[-1]
        while last and face.getlength(last + " …") > width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        lines[-1] = last + " …"
    return face, lines


def draw(card: Card) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, WIDTH, 14), fill=card.colour)
    pen.text((MARGIN, 60), nfc(card.kicker).upper(), font=font(28, bold=True), fill=MUTED)
    _badge(pen, nfc(card.label), card.colour)
    face, lines = fit_title(nfc(card.title), WIDTH - 2 * MARGIN)
    step = int(face.size * 1.25)
    for number, line in enumerate(lines):
        pen.text((MARGIN, TITLE_TOP + number * step), line, font=face, fill=INK)
    pen.line((MARGIN, 552, WIDTH - MARGIN, 552), fill=RULE, width=2)
    pen.text((MARGIN, 570), nfc(card.site), font=font(28, bold=True), fill=INK)
    address = nfc(card.address)
    small = font(26)
    pen.text((WIDTH - MARGIN - small.getlength(address), 572), address, font=small, fill=MUTED)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _badge(pen: ImageDraw.ImageDraw, label: str, colour: str) -> None:
    face = font(44, bold=True)
    text = label.upper()
    width = min(int(face.getlength(text)) + 56, WIDTH - 2 * MARGIN)
    pen.rounded_rectangle((MARGIN, 120, MARGIN + width, 200), radius=12, fill=colour)
    pen.text((MARGIN + 28, 160), text, font=face, fill="#ffffff", anchor="lm")


def cards_folder() -> Path:
    return Path(settings.DATA_DIR) / "share-cards"


def card_png(card: Card) -> bytes:
    """The card's PNG, drawn on first request and read from the cache afterwards."""
    path = cards_folder() / f"{card.key()}.png"
    if path.exists():
        return path.read_bytes()
    data = draw(card)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    partial.write_bytes(data)
    partial.replace(path)
    return data
