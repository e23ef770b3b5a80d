"""Check-worthiness: how much a sentence reads like a verifiable statement of fact.

The default scorer is a small table of signals, each a regular expression over the
accent-free key (so posts typed without diacritics score like the rest) with a weight
and a reason code shown to staff. Verifiable facts — numbers, dates, amounts, named
places and public bodies, attributions ("theo…", "cho biết"), announced decisions — push
the score up; questions, opinions, greetings, advertising and very short texts push it
down. Plain Python, no Django: the learned layer that adapts it to an organisation's
own labels lives in ``checkworthy_learned``.

Capitals, emoji and decoration are not content. A sentence is scored on its normalised
form (``normalised``): emoji and decorative symbols removed, runs of "!!!" shortened, and
a line written mostly in capitals case-folded, so shouting does not pass for named
places and bodies. Such a shouted line is a headline, not the statement of the fact: it
carries the ``shouting`` signal and loses to a sentence of the story with specifics.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from kiemchung.text.content import content
from kiemchung.text.normalize import ascii_key
from kiemchung.text.tokens import syllables

BIAS = -1.2


@dataclass(frozen=True, slots=True)
class Signal:
    code: str
    weight: float
    pattern: re.Pattern[str]
    on_display: bool = False  # match the display text (case matters) instead of the key


@dataclass(frozen=True, slots=True)
class Score:
    value: float
    reasons: tuple[str, ...]
    features: dict[str, float]


UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])")


SIGNALS: tuple[Signal, ...] = (
    Signal("number", 0.9, re.compile(r"\d")),
    Signal(
        "money",
        0.7,
        # "90 triệu dân" is a count, "90 triệu đồng" and "5.000đ" are money: a magnitude
        # word is money only with a currency after it, or alone at the end of a phrase.
        re.compile(
            r"\d[\d.,]*\s*(?:(?:d|đ|dong|vnd|k|usd|\$)(?![\w])"
            r"|(?:nghin|ngan|trieu|ty)\s*(?:(?:d|đ|dong|vnd|usd|yen|euro)(?![\w])|(?=[.,;:!?)/]|$)))"
        ),
    ),
    Signal("percent", 0.5, re.compile(r"\d\s*%|phan tram")),
    Signal(
        "date_or_time",
        0.7,
        re.compile(
            r"\d{1,2}/\d{1,2}(?:/\d{2,4})?|(?<![\w])(?:ngay|thang|nam|tu ngay|den ngay)\s+\d"
            r"|\d{1,2}h\d{0,2}(?![\w])"
            r"|(?<![\w])(?:hom nay|ngay mai|dem nay|tuan toi|sang nay)(?![\w])"
        ),
    ),
    Signal(
        "public_body",
        0.8,
        _words(
            "ubnd",
            "uy ban",
            "bo y te",
            "bo giao duc",
            "bo cong an",
            "bo tai chinh",
            "so y te",
            "so giao duc",
            "so giao thong",
            "so tai chinh",
            "so cong thuong",
            "cong an",
            "ngan hang",
            "chinh phu",
            "quoc hoi",
            "benh vien",
            "truong hoc",
            "hieu truong",
            "ban chi huy",
            "cuc csgt",
            "cuc thue",
            "tong cuc",
            "dien luc",
            "evn",
            "bhxh",
            "bao hiem xa hoi",
            "thu tuong",
            "chu tich",
            "hoi dong",
            "tram y te",
            "cdc",
            "who",
            "csgt",
            "canh sat",
            "quan doi",
            "bo chi huy",
            "ban quan ly",
        ),
    ),
    Signal(
        "named_place",
        0.6,
        re.compile(
            r"(?<![\w])(?:[Tt]ỉnh|[Tt]inh|[Tt]hành phố|[Tt]hanh pho|TP\.?|[Hh]uyện|[Hh]uyen|"
            r"[Qq]uận|[Qq]uan|[Xx]ã|[Xx]a|[Pp]hường|[Pp]huong|[Tt]hị xã|[Tt]hi xa)\s+[A-ZĐÂĂÊÔƠƯ]"
        ),
        on_display=True,
    ),
    Signal(
        "named_entity",
        0.5,
        re.compile(rf"(?<=\s)[{UPPER}][^\W\d_]*\s+[{UPPER}][^\W\d_]*"),
        on_display=True,
    ),
    Signal(
        "attribution",
        0.7,
        _words(
            "theo",
            "cho biet",
            "khang dinh",
            "thong bao",
            "cong bo",
            "xac nhan",
            "tuyen bo",
            "ban hanh",
            "thong tin",
            "dai dien",
            "lanh dao",
        ),
    ),
    Signal(
        "decision",
        0.8,
        _words(
            "quyet dinh",
            "nghi dinh",
            "thong tu",
            "chi thi",
            "cong van",
            "ap dung",
            "bat dau tu",
            "chinh thuc",
            "tam dung",
            "dinh chi",
            "nghiem cam",
            "lenh cam",
            "bi cam",
            "bat buoc",
            "mien phi",
            "thu phi",
            "xu phat",
            "bi phat",
            "muc phat",
            "phat nguoi",
            "phat tien",
            "hoan tien",
            "tang gia",
            "giam gia xang",
        ),
    ),
    Signal(
        "event",
        0.5,
        _words(
            "tang",
            "giam",
            "tu vong",
            "chet",
            "nhiem",
            "bi bat",
            "sap vo",
            "da vo",
            "vo dap",
            "nut",
            "dong cua",
            "pha san",
            "thu hoi",
            "so tan",
            "ngap",
            "chay nha",
            "vu chay",
            "phat no",
            "vu no",
            "dong dat",
            "con bao",
            "sieu bao",
            "bao so",
            "lu lut",
            "lu quet",
            "ngo doc",
            "lay lan",
            "khoi to",
            "gia mao",
            "lua dao",
            "mat tien",
        ),
    ),
    Signal(
        "question",
        -1.6,
        re.compile(
            r"\?\s*$|"
            + _words(
                "co phai",
                "phai khong",
                "dung khong",
                "co ai",
                "ai biet",
                "tai sao",
                "lam sao",
                "the nao",
                "bao gio",
                "o dau",
                "khong nhi",
                "chua nhi",
            ).pattern
        ),
    ),
    Signal(
        "opinion",
        -1.3,
        _words(
            "toi nghi",
            "theo toi",
            "minh nghi",
            "minh thay",
            "toi thay",
            "em thay",
            "that la",
            "qua te",
            "qua tot",
            "qua hay",
            "chan qua",
            "buc xuc",
            "that vong",
            "tuyet voi",
            "dang tiec",
            "hy vong",
            "mong rang",
            "ca nhan toi",
            "y kien",
            "nen lam",
            "khong nen",
            "phai chi",
            "that buon",
            "that tot",
            "de thuong",
        ),
    ),
    Signal(
        "greeting",
        -1.5,
        _words(
            "xin chao",
            "chao ca nha",
            "chao moi nguoi",
            "chuc mung",
            "chuc ca nha",
            "cam on",
            "thank",
            "thanks",
            "hi ca nha",
            "good morning",
        ),
    ),
    Signal(
        "advertising",
        -1.3,
        _words(
            "inbox",
            "ib",
            "gia chi",
            "mua ngay",
            "khuyen mai",
            "giam gia soc",
            "freeship",
            "free ship",
            "dat hang",
            "chot don",
            "sale",
            "order",
            "lien he mua",
        ),
    ),
    Signal("call_to_share", -0.6, _words("chia se ngay", "share ngay", "hay chia se", "lan toa")),
)
SHORT_SYLLABLES = 5
LONG_SYLLABLES = 10
# A line with at least this many letters, this share of them capitals, is shouted.
SHOUTED_MIN_LETTERS = 12
SHOUTED_SHARE = 0.6
SHOUTING_WEIGHT = -1.0
# Symbols that decorate a line ("★", "►", "✔") rather than say something; "°" is content.
_KEPT_SYMBOLS = frozenset("°")
_REPEATED_MARKS_RE = re.compile(r"([!?])[!?]+")
_DECORATIVE_RUN_RE = re.compile(r"[*=~_#+>]{2,}")
_SPACES_RE = re.compile(r"\s{2,}")
# A sentence tagged as an opinion is not a claim, however many numbers it holds.
NOT_A_CLAIM = frozenset({"opinion"})
NOT_A_CLAIM_CAP = 0.25


def undecorated(text: str) -> str:
    """The text without emoji, decorative symbols and runs of marks ("!!!", "***")."""
    text = "".join(
        " " if unicodedata.category(char) == "So" and char not in _KEPT_SYMBOLS else char
        for char in content(text)
    )
    text = _REPEATED_MARKS_RE.sub(r"\1", _DECORATIVE_RUN_RE.sub(" ", text))
    return _SPACES_RE.sub(" ", text).strip(" \t-–|·:")


def is_shouted(text: str) -> bool:
    """Whether the line is written mostly in capitals (a headline, a shouted post)."""
    letters = [char for char in text if char.isalpha()]
    if len(letters) < SHOUTED_MIN_LETTERS:
        return False
    return sum(char.isupper() for char in letters) >= SHOUTED_SHARE * len(letters)


def normalised(sentence: str) -> tuple[str, bool]:
    """The sentence as scored (undecorated, case-folded when shouted), and whether it was
    shouted."""
    text = undecorated(sentence)
    shouted = is_shouted(text)
    return (text.lower() if shouted else text), shouted


def score(sentence: str) -> Score:
    """Score one sentence; the reasons name the signals that fired, strongest first.

    Hashtags, links, mentions, emoji, decoration and capitals are not content: the
    sentence is scored on its normalised form. A sentence tagged as an opinion scores at
    most ``NOT_A_CLAIM_CAP``."""
    sentence, shouted = normalised(sentence)
    key = ascii_key(sentence)
    features = {s.code: 1.0 for s in SIGNALS if s.pattern.search(sentence if s.on_display else key)}
    if shouted:
        features["shouting"] = 1.0
    count = len(syllables(key))
    if count < SHORT_SYLLABLES:
        features["too_short"] = 1.0
    elif count >= LONG_SYLLABLES:
        features["substantial"] = 1.0
    total = BIAS + sum(WEIGHTS[code] * value for code, value in features.items())
    reasons = tuple(sorted(features, key=lambda code: -abs(WEIGHTS[code])))
    return Score(value=cap(_sigmoid(total), reasons), reasons=reasons, features=features)


def cap(value: float, reasons: tuple[str, ...]) -> float:
    """A value no higher than a tagged non-claim (an opinion) may have."""
    return min(value, NOT_A_CLAIM_CAP) if NOT_A_CLAIM.intersection(reasons) else value


WEIGHTS: dict[str, float] = {s.code: s.weight for s in SIGNALS} | {
    "too_short": -2.2,
    "substantial": 0.3,
    "shouting": SHOUTING_WEIGHT,
}
FEATURE_CODES: tuple[str, ...] = tuple(WEIGHTS)


def _sigmoid(value: float) -> float:
    return 1.0 / (1.0 + math.exp(-value))
