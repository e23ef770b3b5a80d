"""Themes of stories, by keywords: what the dashboard charts and the search filter use.

Plain Python. Each theme is a list of accent-free phrases; a text's theme is the one with
most phrase hits (ties go to the theme listed first), or "other". The lists are ours,
written for the misinformation an office meets: scams, health, disasters, prices and
policy, fake official notices, public order. They rank and group; they label nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiemchung.text.normalize import ascii_key

OTHER = "other"


@dataclass(frozen=True)
class Theme:
    code: str
    phrases: tuple[str, ...]


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split("|") if p.strip())


THEMES: tuple[Theme, ...] = (
    Theme(
        "scam",
        _phrases(
            "lua dao | gia mao | ma otp | otp | mat khau | duong dan la | xac minh tai khoan"
            " | chuyen tien | trung thuong | tai khoan se bi khoa | nhan qua | chiem doat"
            " | dinh danh dien tu | cai dat ung dung | link la | tin nhan la | ngan hang"
            " | tai khoan | bam vao | bam link | xac thuc | sinh trac hoc | trieu tap online"
            " | chuyen khoan | hoan tien | so tai khoan | doi diem | phat nguoi"
            " | giay trieu tap | rua tien"
        ),
    ),
    Theme(
        "health",
        _phrases(
            "vac xin | tiem chung | benh vien | bac si | thuoc | dich benh | chua khoi"
            " | ung thu | bo y te | so y te | tram y te | ngo doc | virus | bai thuoc"
            " | tieu duong | nhap vien | dau bung | benh nhan | chua khoi benh | cap cuu"
            " | an ban tru"
            " | thuc pham chuc nang | sot xuat huyet | cum a"
        ),
    ),
    Theme(
        "disaster",
        _phrases(
            "con bao | bao so | sieu bao | mua bao | lu lut | nuoc lu | mua lu | mua lon"
            " | sat lo | vo de | vo dap | thuy dien | dong dat | so tan | ret dam | ret hai"
            " | khong khi lanh | bang gia"
            " | ngap | lu quet | trieu cuong | han han | xa lu | ap thap nhiet doi"
        ),
    ),
    Theme(
        "prices",
        _phrases(
            "gia xang | gia dien | gia vang | gia lua | gia gao | tang gia | giam gia"
            " | hoc phi | thue | vien phi | tang luong | luong co so | tro cap | bao hiem xa hoi"
            " | chinh sach moi"
            " | mien giam | thu hoi dat | den bu | gia muoi | khan hiem | tich tru | pha san"
            " | quy tin dung | quy hoach | khu cong nghiep | muc phat | bi phat | xang dau"
        ),
    ),
    Theme(
        "official",
        _phrases(
            "thong bao | cong van | quyet dinh | ubnd | uy ban nhan dan | chi thi"
            " | van ban | cong dien | nghi dinh | thong tu | so noi vu | sap nhap"
            " | nghia vu quan su | lenh kham | kham tuyen | nghi hoc | con dau | lenh goi"
            " | hoi dong nghia vu"
        ),
    ),
    Theme(
        "order",
        _phrases(
            "cong an | bat coc | truy na | trom | cuop | tai nan | chay no | giao thong"
            " | ma tuy | bat giu | khoi to"
        ),
    ),
)

CODES: tuple[str, ...] = (*(theme.code for theme in THEMES), OTHER)

_PATTERNS = tuple(
    (
        theme.code,
        re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in theme.phrases) + r")(?!\w)"),
    )
    for theme in THEMES
)


def classify(text: str) -> str:
    """The theme with most phrase hits in ``text``, or ``OTHER``."""
    folded = ascii_key(text)
    best, best_hits = OTHER, 0
    for code, pattern in _PATTERNS:
        hits = len(pattern.findall(folded))
        if hits > best_hits:
            best, best_hits = code, hits
    return best
