"""What two texts say differently: content words one has and the other lacks.

A confirmed match must mean the same claim. Numbers, dates, places and negations have
their own guards; everything else a one-edit contradiction can change (a person, a
body, a team, an opposite word, an invented event) shows up as content words that one
text has and the other does not. ``changed`` lists them after explaining away what a
restatement may change:

- function syllables and auxiliaries (``lexicon.is_stop``), and diacritics (words are
  compared accent-free);
- quantities and place names (the number, date and place guards judge them);
- synonyms from ``SYNONYMS`` (one small list, written for this project);
- reporting frames and attributions: "theo …", "cho biết", "có thông tin", "nghe
  nói" (``REPORTING``);
- in a post of several sentences, sentences that share nothing with the other text
  (a long post may quote the claim amid other talk).

``difference(first, second)`` returns the unexplained words of each side, in their
written spelling. The guard reads it: words on both sides are a replacement
(``entity`` when a capitalised name is involved, ``antonym`` when the words are
opposites, else ``changed``); words on one side only, inside a sentence that repeats
the other text, are an addition (``added``). Either way the pair can be at most a
suggestion; the score is not lowered, so a restatement is still found.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from kiemchung.matching.lexicon import is_stop
from kiemchung.matching.prepare import Prepared, expand
from kiemchung.text.normalize import ascii_key, match_key
from kiemchung.text.tokens import syllables

__all__ = ["ANTONYMS", "REPORTING", "SYNONYMS", "Difference", "difference"]

# Synonym groups, accent-free after ``ascii_key``; each phrase stands for its group.
# The first group, verbs of saying, is reporting (see ``REPORTING``).
_SYNONYM_GROUPS = """
cho biet|cho hay|thong bao|thong tin|cong bo|tuyen bo|noi|phat bieu|khang dinh
hien nay|hien tai|hien
nguoi dan|ba con|nguoi
tre em|tre nho|tre|chau
nhanh chong|mau chong|nhanh
bat dau|khoi dau|khoi
phan lon|hau het|da so
dien ra|xay ra
su dung|dung
yeu cau|de nghi|de xuat
doanh nghiep|cong ty|hang
co quan chuc nang|nha chuc trach|chinh quyen
moi day|vua qua|gan day|vua
benh vien|vien
to chuc|tien hanh|thuc hien
giup|giup cho|ho tro
chet|tu vong|thiet mang|qua doi
bat|bat giu|tam giu
tang them|tang
ke hoach|du kien
khoang|chung|gan|tren|hon
"""
SYNONYMS: tuple[tuple[str, ...], ...] = tuple(
    tuple(
        phrase.strip()
        for phrase in line.split("|")
        if not all(is_stop(word) for word in phrase.split())  # function words stay so
    )
    for line in _SYNONYM_GROUPS.strip().splitlines()
)

# Words of reporting and attribution: a claim may add or drop them freely.
REPORTING = frozenset(
    """theo cho biet hay thong tin tin nguon bao chi dua nghe noi rang ke lai chia se
    nhieu nguoi ta duoc biet xac nhan tiet lo tuyen bo co quan chuc nang quan chuc dia
    phuong moi bao cao""".split()
)

# Opposites, written with diacritics. Only a pair where one side says one and the other
# side the other counts; without diacritics on both sides they are compared accent-free.
ANTONYMS: tuple[tuple[str, str], ...] = tuple(
    (a.replace("_", " "), b.replace("_", " "))
    for a, b in (
        pair.split("/")
        for pair in """tăng/giảm cho_phép/cấm thắng/thua cao/thấp lớn/nhỏ nhiều/ít
        đồng_ý/phản_đối ủng_hộ/phản_đối thành_công/thất_bại xuất_khẩu/nhập_khẩu mua/bán
        lãi/lỗ tốt/xấu mạnh/yếu dễ/khó an_toàn/nguy_hiểm bắt_đầu/kết_thúc
        chấp_nhận/từ_chối thừa_nhận/phủ_nhận sớm/muộn nhanh/chậm trước/sau
        lên/xuống mở/đóng giàu/nghèo nóng/lạnh rẻ/đắt thêm/bớt hoàn_thành/bỏ_dở
        khen_thưởng/kỷ_luật sống/chết thật/giả đúng/sai lợi/hại nhận/trả
        vào/ra trong_nước/nước_ngoài tăng_cường/cắt_giảm""".split()
    )
)
_AUXILIARIES = frozenset(
    "he duoc phai co the bi con nen can tung bao gio da se dang han chac la hoan toan".split()
)
# Number words and date markers: the number and date guards judge quantities,
# whichever way they are written.
_NUMBER_WORDS = frozenset(
    """mot hai ba bon nam sau bay tam chin muoi tram nghin ngan trieu ty ti linh le ruoi
    ngay thang hom gio phut""".split()
)
# Negators: the negation guard judges them.
_NEGATORS = frozenset("khong chua chang cha cho dung dau k".split())
# A leading or trailing attribution: "Theo Sở Y tế, …", "…, theo báo cáo.", "Ông A cho
# biết, …" (on accent-free lower-case text).
_ATTRIBUTION_RE = re.compile(
    r"^theo [^,]{1,60},\s*|,\s*theo [^,]{1,60}$|^[^,]{1,60} (?:cho biet|cho hay|noi|khang dinh)"
    r"(?: rang)?,\s*"
)
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+|\n+")
_CLAUSE_RE = re.compile(r"\s*[,;]\s+")
_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class Difference:
    """Unexplained content words of each side, as written, and the names among them."""

    first: tuple[str, ...]
    second: tuple[str, ...]
    first_names: tuple[str, ...]
    second_names: tuple[str, ...]
    antonym: tuple[str, str] | None


def _synonym_ids(plain: str) -> str:
    """The accent-free text with each synonym phrase replaced by its group's token."""
    for number, group in enumerate(SYNONYMS):
        for phrase in sorted(group, key=len, reverse=True):
            plain = re.sub(rf"(?<!\S){re.escape(phrase)}(?!\S)", f"syn{number}", plain)
    return plain


def _content(plain_words: Sequence[str], loose: frozenset[str]) -> set[str]:
    return {
        w
        for w in plain_words
        if (w in loose if w[:1].isdigit() else True)
        and w not in _AUXILIARIES
        and w not in REPORTING
        and w != "syn0"
        and w not in _NUMBER_WORDS
        and w not in _NEGATORS
        and not is_stop(w)
    }


def _loose_numbers(text: Prepared) -> frozenset[str]:
    """Number tokens that are no quantity ("kỳ họp thứ 8"): the quantity guards judge
    the others."""
    lexical = {q.lexical for q in text.quantities}
    return frozenset(t for t in text.tokens if t[:1].isdigit() and t not in lexical)


@lru_cache(maxsize=4096)
def _clause_tokens(sentence: str, strip: bool) -> tuple[tuple[str, ...], ...]:
    """Accent-free, abbreviation-expanded tokens of each clause of a sentence, synonyms
    as group tokens; without a leading or trailing attribution when ``strip``."""
    key = ascii_key(match_key(sentence)).strip(" .!?")
    if strip:
        key = _ATTRIBUTION_RE.sub(", ", key)
    clauses = []
    for clause in _CLAUSE_RE.split(key):
        plain = [ascii_key(t) for t in expand(syllables(clause))]
        if plain:
            clauses.append(tuple(_synonym_ids(" ".join(plain)).split()))
    return tuple(clauses)


def _vocabulary(text: Prepared) -> set[str]:
    words = {
        t
        for sentence in _sentences(text)
        for clause in _clause_tokens(sentence, False)
        for t in clause
    }
    return words | set(_synonym_ids(" ".join(text.plain)).split())


def _sentences(text: Prepared) -> list[str]:
    return [s for s in _SENTENCE_RE.split(text.text) if s.strip()]


def _attributed(text: Prepared) -> bool:
    return any(_attributed_sentence(s) for s in _sentences(text))


@lru_cache(maxsize=4096)
def _attributed_sentence(sentence: str) -> bool:
    return bool(_ATTRIBUTION_RE.search(ascii_key(match_key(sentence)).strip(" .!?")))


def _novel(text: Prepared, other: Prepared) -> list[str]:
    """Content words of ``text`` missing from the other.

    When ``text`` is the longer of the two, a clause of it sharing no content word
    with the other is a detail the other left out, not a change; in the shorter text
    such a clause is an addition. An attribution counts only when both texts have one.
    """
    longer = text.content_syllables > other.content_syllables
    places = {w for place in text.places | other.places for w in place.split()}
    vocabulary = _vocabulary(other) | places
    loose = _loose_numbers(text)
    strip = not _attributed(other)
    words: list[str] = []
    for sentence in _sentences(text):
        for tokens in _clause_tokens(sentence, strip):
            content = _content(tokens, loose)
            missing = [t for t in dict.fromkeys(tokens) if t in content and t not in vocabulary]
            shares = len(missing) < len(content) or any(
                t[:1].isdigit() and t in vocabulary for t in tokens
            )
            if content and (shares or not longer):
                words.extend(missing)
    return words


def _spelled(text: Prepared, plain_words: list[str]) -> tuple[str, ...]:
    """The written spelling (lower case) of accent-free words, in text order; a synonym
    group's token stands for the first phrase of its group."""
    wanted = set(plain_words)
    spelled = [w.lower() for w in _WORD_RE.findall(text.text) if ascii_key(w).lower() in wanted]
    groups = [SYNONYMS[int(w[3:])][0] for w in plain_words if re.fullmatch(r"syn\d+", w)]
    return tuple(dict.fromkeys([*spelled, *groups]))


def _names(text: Prepared) -> list[str]:
    """Runs of capitalised words that do not open a sentence, accent-free, lower case."""
    return [name for sentence in _sentences(text) for name in _sentence_names(sentence)]


@lru_cache(maxsize=4096)
def _sentence_names(sentence: str) -> tuple[str, ...]:
    names: list[str] = []
    run: list[str] = []
    for i, word in enumerate([*sentence.split(), ""]):
        bare = word.strip(",;:\"'()“”.!?")
        if i > 0 and bare[:1].isupper() and not bare.isupper():
            run.append(ascii_key(bare).lower())
            continue
        if run:
            names.append(" ".join(run))
        run = []
    return tuple(names)


def _missing_names(text: Prepared, other: Prepared) -> tuple[str, ...]:
    other_plain = f" {' '.join(other.plain)} "
    return tuple(n for n in dict.fromkeys(_names(text)) if f" {n} " not in other_plain)


def _antonym(first: set[str], second: set[str], accented: bool) -> tuple[str, str] | None:
    for a, b in ANTONYMS:
        pair = (a, b) if accented else (ascii_key(a), ascii_key(b))
        for x, y in (pair, pair[::-1]):
            if x in first and y in second and y not in first and x not in second:
                return x, y
    return None


def _phrases(text: Prepared, accented: bool) -> set[str]:
    words = f" {' '.join(text.tokens if accented else text.plain)} "
    words = words.replace(" không ít ", " nhiều ").replace(" khong it ", " nhieu ")
    found = set()
    for pair in ANTONYMS:
        for phrase in pair:
            key = phrase if accented else ascii_key(phrase)
            if f" {key} " in words:
                found.add(key)
    return found


def difference(first: Prepared, second: Prepared) -> Difference:
    """The unexplained words of each side (see the module docstring)."""
    accented = first.accented and second.accented
    novel_first = _novel(first, second)
    novel_second = _novel(second, first)
    return Difference(
        first=_spelled(first, novel_first),
        second=_spelled(second, novel_second),
        first_names=_missing_names(first, second),
        second_names=_missing_names(second, first),
        antonym=_antonym(_phrases(first, accented), _phrases(second, accented), accented),
    )
