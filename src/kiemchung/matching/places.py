"""Places named in a claim, from a small built-in gazetteer and place markers.

Two sources, both cheap (about 20 µs for a claim):

1. The gazetteer: Vietnam's 63 provinces and centrally-run cities (the pre-2025 list,
   whose names stay in everyday use), the main cities, towns and urban districts,
   regions, and neighbouring or often-cited countries, with their parents (district →
   city → region → Việt Nam). Aliases map to one name: "Sài Gòn", "TP.HCM", "TPHCM"
   → hồ chí minh; "Hanoi" → hà nội. Names that are also common words (Hòa Bình
   "peace", Thái Bình, Hải Dương "ocean", Huế, Vinh, Mỹ, Nga, Pháp, Đức, Lào…) count
   only when written with capitals.
2. Markers: a capitalised run after tỉnh, thành phố/TP, huyện, quận, thị xã, thị
   trấn, xã, phường, ở, tại, sông, đảo, vịnh, đèo, núi, hồ, chợ, sân bay, bến xe
   ("huyện Mê Linh", "ở Cai Lậy"), and numbered districts ("quận 3", "phường 5").
   In text written all in lower case, an administrative marker takes the next two
   syllables.

Two place sets conflict when neither fits inside the other, where a place fits a
place equal to it or one of its ancestors or descendants: "Cầu Giấy" fits "Hà Nội",
"Hà Nội" does not fit "TP.HCM". Unknown names have no parents, so "Cai Lậy" against
"Tiền Giang" (not listed as its parent) is a conflict: the guard only downgrades a
match to a suggestion, and a person checks it.

underthesea's NER was measured (2.6 ms per short claim, dates tagged as places, no
use on text without diacritics) and is not used.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from kiemchung.text.normalize import ascii_key

__all__ = ["compatible_places", "find_places"]

# "name: parent" lines; the parent is a name defined on an earlier line.
_TREE = """
việt nam:
miền bắc: việt nam
miền trung: việt nam
miền nam: việt nam
tây bắc: miền bắc
tây nguyên: miền trung
miền tây: miền nam
đông nam bộ: miền nam
lào cai: tây bắc
yên bái: tây bắc
điện biên: tây bắc
lai châu: tây bắc
sơn la: tây bắc
hòa bình: tây bắc
hà giang: miền bắc
cao bằng: miền bắc
bắc kạn: miền bắc
lạng sơn: miền bắc
tuyên quang: miền bắc
thái nguyên: miền bắc
phú thọ: miền bắc
bắc giang: miền bắc
quảng ninh: miền bắc
hà nội: miền bắc
hải phòng: miền bắc
hải dương: miền bắc
hưng yên: miền bắc
bắc ninh: miền bắc
vĩnh phúc: miền bắc
hà nam: miền bắc
nam định: miền bắc
thái bình: miền bắc
ninh bình: miền bắc
thanh hóa: miền trung
nghệ an: miền trung
hà tĩnh: miền trung
quảng bình: miền trung
quảng trị: miền trung
huế: miền trung
đà nẵng: miền trung
quảng nam: miền trung
quảng ngãi: miền trung
bình định: miền trung
phú yên: miền trung
khánh hòa: miền trung
ninh thuận: miền trung
bình thuận: miền trung
kon tum: tây nguyên
gia lai: tây nguyên
đắk lắk: tây nguyên
đắk nông: tây nguyên
lâm đồng: tây nguyên
hồ chí minh: đông nam bộ
bình dương: đông nam bộ
đồng nai: đông nam bộ
bà rịa vũng tàu: đông nam bộ
tây ninh: đông nam bộ
bình phước: đông nam bộ
long an: miền tây
tiền giang: miền tây
bến tre: miền tây
trà vinh: miền tây
vĩnh long: miền tây
đồng tháp: miền tây
an giang: miền tây
kiên giang: miền tây
cần thơ: miền tây
hậu giang: miền tây
sóc trăng: miền tây
bạc liêu: miền tây
cà mau: miền tây
ba đình: hà nội
hoàn kiếm: hà nội
đống đa: hà nội
cầu giấy: hà nội
thanh xuân: hà nội
hai bà trưng: hà nội
hoàng mai: hà nội
long biên: hà nội
tây hồ: hà nội
hà đông: hà nội
nam từ liêm: hà nội
bắc từ liêm: hà nội
sóc sơn: hà nội
đông anh: hà nội
gia lâm: hà nội
mê linh: hà nội
nội bài: hà nội
thủ đức: hồ chí minh
bình thạnh: hồ chí minh
phú nhuận: hồ chí minh
gò vấp: hồ chí minh
tân bình: hồ chí minh
tân phú: hồ chí minh
bình tân: hồ chí minh
nhà bè: hồ chí minh
hóc môn: hồ chí minh
bình chánh: hồ chí minh
củ chi: hồ chí minh
cần giờ: hồ chí minh
tân sơn nhất: hồ chí minh
vũng tàu: bà rịa vũng tàu
đà lạt: lâm đồng
bảo lộc: lâm đồng
nha trang: khánh hòa
hạ long: quảng ninh
sa pa: lào cai
hội an: quảng nam
phú quốc: kiên giang
quy nhơn: bình định
buôn ma thuột: đắk lắk
pleiku: gia lai
biên hòa: đồng nai
vinh: nghệ an
cai lậy: tiền giang
trung quốc:
nhật bản:
hàn quốc:
triều tiên:
thái lan:
campuchia:
lào:
mỹ:
nga:
pháp:
đức:
úc:
ấn độ:
singapore:
malaysia:
indonesia:
philippines:
đài loan:
myanmar:
"""

_ALIASES = {
    "sài gòn": "hồ chí minh",
    "sg": "hồ chí minh",
    "hcm": "hồ chí minh",
    "tphcm": "hồ chí minh",
    "hn": "hà nội",
    "vn": "việt nam",
    "hanoi": "hà nội",
    "danang": "đà nẵng",
    "thừa thiên huế": "huế",
    "bà rịa": "bà rịa vũng tàu",
    "dak lak": "đắk lắk",
    "đắc lắc": "đắk lắk",
    "dak nong": "đắk nông",
    "sapa": "sa pa",
    "hoa kỳ": "mỹ",
    "đồng bằng sông cửu long": "miền tây",
    "tây nam bộ": "miền tây",
}

# Names that are also ordinary words: they need capitals in the text.
_NEEDS_CAPITALS = frozenset(
    ascii_key(name)
    for name in """hòa bình|thái bình|bình định|hải dương|long an|an giang|phú thọ|huế|vinh|
    thanh xuân|tân bình|tân phú|gia lâm|lào|mỹ|nga|pháp|đức|úc|ấn độ|hà đông|bình dương|
    tây hồ|nội bài|hải phòng|nam định|cần giờ|gò vấp|sơn la|long biên|ba đình|hoàng mai|
    cao bằng|củ chi|tây bắc|hn|sg""".split("|")
)

# A person or a doctrine, not the city: "Chủ tịch Hồ Chí Minh", "tư tưởng Hồ Chí Minh".
_NOT_THE_CITY_BEFORE = (("chu", "tich"), ("tu", "tuong"), ("lang",), ("bac",))

# Markers before a capitalised name. Administrative ones and "ở", "tại" may start a
# sentence (capitalised); the others must be written in lower case ("hồ Trúc Bạch", not
# the "Hồ" of "Hồ Chí Minh"). "cho" (chợ) is left out: unaccented it is "for".
_ANY_CASE_MARKERS = "tinh|thanh pho|tp|huyen|quan|thi xa|thi tran|xa|phuong|o|tai"
_LOWER_MARKERS = "song|dao|vinh|deo|nui|ho|san bay|ben xe"
_WORD = r"[A-Z][A-Za-z]*"
_MARKED_RUN_RE = re.compile(
    rf"(?:\b(?i:{_ANY_CASE_MARKERS})|\b(?:{_LOWER_MARKERS}))\.?\s+({_WORD}(?:[ \-.]{_WORD}){{0,3}})"
)
_NUMBERED_RE = re.compile(r"\b(quan|phuong|q|p)\.?\s*(\d{1,2})\b", re.IGNORECASE)
# A capitalised run starting with one of these names an organisation or a person.
_NOT_PLACE_START = frozenset(
    """bo so cuc tong uy ubnd cong benh truong ngan vien toa van chu thu ong ba anh chi
    em facebook tet hoi doan dang quoc nha cty tap""".split()
)
_WORDS_RE = re.compile(r"[a-z0-9]+")
_MARKER_PREFIXES = ("thanh pho ", "tp ", "tinh ", "huyen ", "quan ", "xa ", "phuong ")


@cache
def _tree() -> tuple[dict[str, str], dict[str, str]]:
    """Parents and names of the gazetteer, keyed by accent-free name."""
    parents: dict[str, str] = {}
    for line in _TREE.strip().splitlines():
        name, _, parent = line.partition(":")
        parents[ascii_key(name)] = ascii_key(parent)
    names = {key: key for key in parents}
    for alias, name in _ALIASES.items():
        names[ascii_key(alias)] = ascii_key(name)
    return parents, names


@cache
def _by_first_word() -> dict[str, list[tuple[str, ...]]]:
    """Gazetteer names and aliases as word tuples, keyed by first word, longest first."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for name in _tree()[1]:
        words = tuple(name.split())
        table.setdefault(words[0], []).append(words)
    for entries in table.values():
        entries.sort(key=len, reverse=True)
    return table


def _cased_ascii(text: str) -> str:
    """``text`` without diacritics, keeping letter case ("Đà Nẵng" -> "Da Nang")."""
    text = text.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def find_places(text: str) -> frozenset[str]:
    """The places a text names, as accent-free gazetteer names or marked names."""
    cased = _cased_ascii(text)
    found = set(_gazetteer_places(ascii_key(text), cased))
    found.update(_marked_places(cased))
    return frozenset(found)


def _gazetteer_places(plain: str, cased: str) -> list[str]:
    words = _WORDS_RE.findall(plain)
    names = _tree()[1]
    table = _by_first_word()
    found: list[str] = []
    i = 0
    while i < len(words):
        size = 1
        for name in table.get(words[i], ()):
            if tuple(words[i : i + len(name)]) == name and _usable(words, i, name, cased):
                found.append(names[" ".join(name)])
                size = len(name)
                break
        i += size
    return found


def _usable(words: list[str], i: int, name: tuple[str, ...], cased: str) -> bool:
    key = " ".join(name)
    if key == "ho chi minh" and any(
        tuple(words[max(0, i - len(before)) : i]) == before for before in _NOT_THE_CITY_BEFORE
    ):
        return False
    if key not in _NEEDS_CAPITALS:
        return True
    title = " ".join(w[0].upper() + w[1:] for w in name)
    return _has_word(cased, title) or _has_word(cased, key.upper())


def _has_word(text: str, phrase: str) -> bool:
    start = text.find(phrase)
    while start >= 0:
        end = start + len(phrase)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        start = text.find(phrase, start + 1)
    return False


def _marked_places(cased: str) -> list[str]:
    found = [_marked_name(match[1]) for match in _MARKED_RUN_RE.finditer(cased)]
    for match in _NUMBERED_RE.finditer(cased):
        kind = "quan" if match[1].lower() in {"quan", "q"} else "phuong"
        found.append(f"{kind} {int(match[2])}")
    return [place for place in found if place]


def _marked_name(run: str) -> str:
    """The place key of a capitalised run, or "" for an organisation or an acronym."""
    words = re.findall(r"[a-z0-9]+", run.lower())
    if not words or words[0] in _NOT_PLACE_START:
        return ""
    key = " ".join(words)
    for prefix in _MARKER_PREFIXES:
        if key.startswith(prefix):
            key = key[len(prefix) :]
    names = _tree()[1]
    if key in names:
        return names[key]
    if len(words) == 1 and run.isupper():
        return ""
    return key


def _ancestors(place: str) -> set[str]:
    parents = _tree()[0]
    seen: set[str] = set()
    while place in parents and parents[place] and parents[place] not in seen:
        place = parents[place]
        seen.add(place)
    return seen


def _fits(place: str, other: str) -> bool:
    return place == other or place in _ancestors(other) or other in _ancestors(place)


def compatible_places(first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether two place sets agree (see the module docstring)."""
    if not first or not second:
        return True
    covered = all(any(_fits(a, b) for b in second) for a in first)
    return covered or all(any(_fits(b, a) for a in first) for b in second)
