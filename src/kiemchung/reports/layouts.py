"""The layouts offices write a report in, as a registry: a new layout is a new entry.

- ``state``: Decree 30/2020/ND-CP, Appendix I (state bodies and their steering
  committees): the national motto on the right, "Số: 12/BC-BCĐ", "TM." above the
  signer's title.
- ``party``: Guidance 36-HD/VPTW of 2018 (Party committees and their steering
  committees): "ĐẢNG CỘNG SẢN VIỆT NAM" on the right, a star under the issuing body,
  "Số 12-BC/BCĐ", "T/M" above the signer's title, "Nơi nhận:" underlined.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Layout:
    key: str
    name: Promise
    right_lines: tuple[str, ...]  # upper-right heading, the last one ruled
    star: bool  # a star "*" under the issuing body (Party documents)
    number_format: str  # with {number} and {abbreviation}
    on_behalf: str  # "TM." / "T/M"
    recipients_underlined: bool
    # Margins in millimetres: top, bottom, left, right.
    margins_mm: tuple[int, int, int, int]

    def number_line(self, number: str, abbreviation: str) -> str:
        return self.number_format.format(number=number or "      ", abbreviation=abbreviation)


LAYOUTS: dict[str, Layout] = {
    "state": Layout(
        key="state",
        name=_("State body (Decree 30/2020/ND-CP)"),
        right_lines=("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"),
        star=False,
        number_format="Số: {number}/BC-{abbreviation}",
        on_behalf="TM.",
        recipients_underlined=False,
        margins_mm=(20, 20, 30, 15),
    ),
    "party": Layout(
        key="party",
        name=_("Party body (Guidance 36-HD/VPTW)"),
        right_lines=("ĐẢNG CỘNG SẢN VIỆT NAM",),
        star=True,
        number_format="Số {number}-BC/{abbreviation}",
        on_behalf="T/M",
        recipients_underlined=True,
        margins_mm=(20, 20, 30, 15),
    ),
}

LAYOUT_CHOICES = [(layout.key, layout.name) for layout in LAYOUTS.values()]


def layout(key: str) -> Layout:
    return LAYOUTS.get(key, LAYOUTS["state"])
