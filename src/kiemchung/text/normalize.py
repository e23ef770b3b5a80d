"""Match keys for Vietnamese text: one canonical spelling to compare and index by.

``match_key`` turns any spelling of a text (NFD or NFC, any case, HTML entities,
invisible characters, old or new tone-mark placement, look-alike letters) into
one key. ``ascii_key`` drops every diacritic from that key, for text typed
without accents.

Canonical tone placement: the mark sits on the FIRST vowel of the open-syllable
pairs oa, oe and uy ("hòa", "khỏe", "thúy", "ủy"). The other placement
("hoà", "khoẻ", "thuý", "uỷ") is rewritten to it. Closed syllables and "qu" + y
keep their mark where it is ("hoàng", "quý", "quỳnh", "khuỷu").

Speed: the keys run over every ingested document (about 3 KB each), so the
common path is a handful of C-level string calls. ``str.translate`` costs about
100 µs on a 3 KB Vietnamese text, so the cleaning table only runs when a
compiled scan finds a character it would change, and diacritic stripping on
long texts uses the same table as a numpy lookup array (about 15 µs).
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = ["Keys", "ascii_key", "has_diacritics", "keys", "match_key"]

# --- cleaning: invisible characters, controls, odd spaces, look-alikes of Đ ---

# Whitespace that str.replace handles on the fast path (common in scraped text).
_COMMON_SPACES = ("\n", "\t", "\r", "\xa0")

_INVISIBLE = (
    "\u00ad"  # soft hyphen
    "\u180e"  # Mongolian vowel separator
    "\u200b\u200c\u200d"  # zero-width space, non-joiner, joiner
    "\u200e\u200f"  # left-to-right and right-to-left marks
    "\u202a\u202b\u202c\u202d\u202e"  # bidi embeddings and overrides
    "\u2060"  # word joiner
    "\u2066\u2067\u2068\u2069"  # bidi isolates
    "\ufeff"  # byte order mark / zero-width no-break space
)
_ODD_SPACES = (
    "\x0b\x0c\x1c\x1d\x1e\x1f\x85"
    "\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
_DJ_LOOKALIKES = {
    "\u00d0": "\u0110",  # Ð (Icelandic eth) -> Đ
    "\u0189": "\u0110",  # Ɖ (African D) -> Đ
    "\u00f0": "\u0111",  # ð -> đ
    "\u0256": "\u0111",  # ɖ -> đ
}


def _control_characters() -> list[str]:
    """C0 and C1 controls and DEL, minus those handled as whitespace."""
    controls = [chr(code) for code in (*range(0x20), *range(0x7F, 0xA0))]
    return [c for c in controls if c not in _COMMON_SPACES and c not in _ODD_SPACES]


def _surrogates() -> list[str]:
    return [chr(code) for code in range(0xD800, 0xE000)]


def _cleaning_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for char in (*_INVISIBLE, *_control_characters(), *_surrogates()):
        table[ord(char)] = None
    for char in _ODD_SPACES:
        table[ord(char)] = " "
    for char, replacement in _DJ_LOOKALIKES.items():
        table[ord(char)] = replacement
    return table


_CLEANING_TABLE = _cleaning_table()


# Characters where casefold() differs from lower(), plus capital sigma (lower()
# turns it into a final sigma at the end of a word, casefold() does not). For
# every other character lower() gives the casefold() result twice as fast.
# Written out because computing it scans all of Unicode (0.1 s at import);
# a test recomputes it.
_CASEFOLD_SPECIAL_RANGES = (
    (0x00B5, 0x00B5), (0x00DF, 0x00DF), (0x0149, 0x0149), (0x017F, 0x017F),
    (0x01F0, 0x01F0), (0x0345, 0x0345), (0x0390, 0x0390), (0x03A3, 0x03A3),
    (0x03B0, 0x03B0), (0x03C2, 0x03C2), (0x03D0, 0x03D1), (0x03D5, 0x03D6),
    (0x03F0, 0x03F1), (0x03F5, 0x03F5), (0x0587, 0x0587), (0x13A0, 0x13F5),
    (0x13F8, 0x13FD), (0x1C80, 0x1C88), (0x1E96, 0x1E9B), (0x1E9E, 0x1E9E),
    (0x1F50, 0x1F50), (0x1F52, 0x1F52), (0x1F54, 0x1F54), (0x1F56, 0x1F56),
    (0x1F80, 0x1FAF), (0x1FB2, 0x1FB4), (0x1FB6, 0x1FB7), (0x1FBC, 0x1FBC),
    (0x1FBE, 0x1FBE), (0x1FC2, 0x1FC4), (0x1FC6, 0x1FC7), (0x1FCC, 0x1FCC),
    (0x1FD2, 0x1FD3), (0x1FD6, 0x1FD7), (0x1FE2, 0x1FE4), (0x1FE6, 0x1FE7),
    (0x1FF2, 0x1FF4), (0x1FF6, 0x1FF7), (0x1FFC, 0x1FFC), (0xAB70, 0xABBF),
    (0xFB00, 0xFB06), (0xFB13, 0xFB17),
)  # fmt: skip


def _casefold_specials() -> list[str]:
    return [
        chr(code) for first, last in _CASEFOLD_SPECIAL_RANGES for code in range(first, last + 1)
    ]


def _char_class(chars: list[str]) -> str:
    """A regex character class matching exactly ``chars``, written as ranges."""
    codes = sorted({ord(c) for c in chars})
    parts: list[str] = []
    start = previous = codes[0]
    for code in [*codes[1:], -1]:
        if code == previous + 1:
            previous = code
            continue
        parts.append(_escaped_range(start, previous))
        start = previous = code
    return "[" + "".join(parts) + "]"


def _escaped_range(first: int, last: int) -> str:
    if first == last:
        return re.escape(chr(first))
    return f"{re.escape(chr(first))}-{re.escape(chr(last))}"


# Any character that needs the slow path: the cleaning table or full casefold.
_SLOW_PATH_RE = re.compile(
    _char_class([chr(code) for code in _CLEANING_TABLE] + _casefold_specials())
)

# --- tone-mark placement ---------------------------------------------------

# Combining tone marks: grave, acute, hook above, tilde, dot below.
_TONE_MARKS = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


def _toned(vowel: str, mark: str) -> str:
    return unicodedata.normalize("NFC", vowel + mark)


def _old_to_new_tone_pairs() -> dict[str, str]:
    """Old-style pairs (mark on the second vowel) mapped to the canonical style."""
    pairs: dict[str, str] = {}
    for mark in _TONE_MARKS:
        for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
            pairs[first + _toned(second, mark)] = _toned(first, mark) + second
    return pairs


_TONE_PAIRS = _old_to_new_tone_pairs()
_MARKED_A_E = "".join(_toned(v, m) for v in "ae" for m in _TONE_MARKS)
_MARKED_Y = "".join(_toned("y", m) for m in _TONE_MARKS)
# Open syllable only (no letter, digit or combining mark after the pair);
# "qu" + y is a consonant + vowel.
# Two patterns, each starting with one literal letter: the engine then jumps
# from one "o" (or "u") to the next in C, four times faster than one pattern
# starting with the class [ou].
_OPEN_END = r"(?![\w\u0300-\u036f])"
_OLD_TONE_OA_OE_RE = re.compile(rf"o[{_MARKED_A_E}]{_OPEN_END}")
_OLD_TONE_UY_RE = re.compile(rf"u(?<!qu)[{_MARKED_Y}]{_OPEN_END}")


def _canonical_tone(match: re.Match[str]) -> str:
    return _TONE_PAIRS[match.group()]


# --- the match key -----------------------------------------------------------


def match_key(text: str) -> str:
    """The canonical form of ``text`` for matching: see the module docstring.

    Idempotent: ``match_key(match_key(t)) == match_key(t)``.
    """
    text = unicodedata.normalize("NFC", _unescape_entities(text))
    if _SLOW_PATH_RE.search(text) is None:
        text = text.lower()
    else:
        text = _clean_rare_characters(text).casefold()
    text = unicodedata.normalize("NFC", text)
    text = _OLD_TONE_OA_OE_RE.sub(_canonical_tone, text)
    text = _OLD_TONE_UY_RE.sub(_canonical_tone, text)
    return _collapse_whitespace(text)


def _unescape_entities(text: str) -> str:
    """Unescape HTML entities until none is left ("&amp;lt;" is a scraping artefact)."""
    while "&" in text:
        unescaped = html.unescape(text)
        if unescaped == text:
            break
        text = unescaped
    return text


def _clean_rare_characters(text: str) -> str:
    """Apply the cleaning table, and unescape again if that uncovered an entity.

    An invisible character inside an entity ("&#", zero-width space, "7901;")
    hides it from the first unescape; looping until nothing changes keeps match_key idempotent.
    """
    cleaned = text.translate(_CLEANING_TABLE)
    while "&" in cleaned:
        unescaped = _unescape_entities(cleaned)
        if unescaped == cleaned:
            break
        cleaned = unescaped.translate(_CLEANING_TABLE)
    return cleaned


_SPACE_RUN_RE = re.compile("  +")


def _collapse_whitespace(text: str) -> str:
    """Every whitespace run becomes one space; leading and trailing space go.

    Rare kinds of whitespace were already turned into spaces by the cleaning
    table; str.replace is much faster than a regex for the common ones.
    """
    for space in _COMMON_SPACES:
        if space in text:
            text = text.replace(space, " ")
    return _SPACE_RUN_RE.sub(" ", text).strip()


# --- removing diacritics -------------------------------------------------------

# Đ, đ and their look-alikes (Ð ð Ɖ ɖ) have no decomposition: map them by hand.
_D_LETTERS = {
    "\u0110": "D", "\u0111": "d", "\u00d0": "D", "\u00f0": "d", "\u0189": "D", "\u0256": "d",
}  # fmt: skip
_COMBINING_MARKS = range(0x0300, 0x0370)
# Latin-1 Supplement to Latin Extended-B, and Latin Extended Additional
# (all Vietnamese letters with tone marks live there).
_LATIN_BLOCKS = (*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00))


def _ascii_table() -> dict[int, str | None]:
    """Every Latin letter with diacritics mapped to its bare ASCII letter; đ -> d."""
    table: dict[int, str | None] = {}
    for code in _LATIN_BLOCKS:
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base.isascii() and base.isalpha():
            table[code] = base
    for char, plain in _D_LETTERS.items():
        table[ord(char)] = plain
    for code in _COMBINING_MARKS:
        table[code] = None
    return table


_ASCII_TABLE = _ascii_table()
_DIACRITIC_RE = re.compile(_char_class([chr(code) for code in _ASCII_TABLE]))

# The same table as an array indexed by code point, for long texts.
_LOOKUP_SIZE = 0x1F00
_DELETED = np.uint32(0xFFFFFFFF)


def _lookup_array() -> npt.NDArray[np.uint32]:
    lookup = np.arange(_LOOKUP_SIZE, dtype="<u4")
    for code, plain in _ASCII_TABLE.items():
        lookup[code] = _DELETED if plain is None else ord(plain)
    return lookup


_LOOKUP = _lookup_array()
# Below this length str.translate beats the numpy round trip (measured: equal
# at about 128 characters, numpy twice as fast at 256).
_SHORT_TEXT = 128


def ascii_key(text: str) -> str:
    """``match_key(text)`` without diacritics, đ written d ("Hoà Bình" -> "hoa binh")."""
    return _strip_diacritics(match_key(text))


def _strip_diacritics(key: str) -> str:
    if key.isascii():
        return key
    if len(key) < _SHORT_TEXT:
        return key.translate(_ASCII_TABLE)
    return _strip_diacritics_numpy(key)


def _strip_diacritics_numpy(key: str) -> str:
    codes: npt.NDArray[np.uint32] = np.frombuffer(key.encode("utf-32-le"), dtype="<u4")
    plain: npt.NDArray[np.uint32]
    if codes.max() < _LOOKUP_SIZE:
        plain = _LOOKUP[codes]
    else:
        in_table = codes < _LOOKUP_SIZE
        plain = np.where(in_table, _LOOKUP[np.where(in_table, codes, 0)], codes)
    if (plain == _DELETED).any():
        plain = plain[plain != _DELETED]
    return plain.tobytes().decode("utf-32-le")


def has_diacritics(text: str) -> bool:
    """Whether ``text`` has any letter with a diacritic (đ counts) or a combining mark."""
    return not text.isascii() and _DIACRITIC_RE.search(text) is not None


# --- both keys at once -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Keys:
    """The two keys of one text: ``match`` (with diacritics) and ``ascii``."""

    match: str
    ascii: str


def keys(text: str) -> Keys:
    """Both keys, computing the match key once."""
    match = match_key(text)
    return Keys(match=match, ascii=_strip_diacritics(match))
