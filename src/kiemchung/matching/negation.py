"""Negations in Vietnamese claims: how many times a text says "not".

A negation site is one negator word (không, chẳng, chả, chưa, chớ, đừng, and "đâu"
in "đâu có", "đâu phải" or at the end of a clause) that really flips what the clause
asserts. Multi-word negators ("không hề", "chưa từng", "không phải", "chẳng hề")
contain exactly one negator, so they count once. Two texts disagree when their counts
differ: "sẽ khóa tài khoản chưa xác thực" (1) against "sẽ không khóa tài khoản chưa
xác thực" (2) is a flipped claim.

Not negations:

- compounds: không khí (air), không gian, không quân, không trung, không phận, không
  lưu, không kích, không vận, không tặc, không chiến, không dây, không người lái,
  hàng không, phòng không, chân không, hư không, tay không, số không;
- idioms: không chỉ / không những / không riêng (not only), không ít (many), không
  ngừng, không ngớt, không ngờ, không khỏi, không lâu, không kém, không xa, chẳng hạn,
  chẳng may, chẳng những, chẳng lẽ; chả giò, chả cá, bún chả (food);
- yes/no questions: a clause ending in không / chưa with "?" or after có, đã, phải
  ("Vắc xin có gây vô sinh không?"), and "hay không", "hay chưa";
- (an opposite word is a flip too: "tăng" against "giảm", "cấm" against "cho phép",
  "miễn phí" against "thu phí", in texts written with diacritics; ``antonym_swap``);
- verdict framing: "không đúng sự thật", "không có thật", "không chính xác", "không có
  căn cứ". "X là tin giả" or "bác bỏ tin X" talk about the same claim X: for matching a
  claim against fact-checks they are not a flipped claim, so neither counts.

Text typed without diacritics is ambiguous: "khong" is almost always "không" (the
compound list covers "khong che" = khống chế), but "chua" is chưa, chữa (cure), chứa
(contain), chùa, chua (sour); "chang" is chẳng or chàng; "cha" is chả or cha. Such a
word counts only in unambiguous patterns ("chua tung", "chua he", "chang phai"), or
when the other text of the pair, written with diacritics, uses only the negator
reading of that syllable (``hints``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from kiemchung.matching.lexicon import is_stop
from kiemchung.text.normalize import ascii_key

__all__ = [
    "Site",
    "antonym_swap",
    "count_negations",
    "hint_readings",
    "negation_sites",
    "relevant",
]

_NEGATORS = frozenset({"không", "chẳng", "chả", "chưa", "chớ", "đừng", "khong"})
_KHONG = frozenset({"không", "khong"})
_COMPOUND_NEXT = frozenset(
    ascii_key(w)
    for w in """khí gian quân trung phận lưu kích vận tặc chiến ảnh dây chế chỉ những riêng
    ít ngừng ngớt ngờ khỏi lâu kém xa""".split()
)
_COMPOUND_PREV = frozenset(ascii_key(w) for w in "hàng phòng chân hư tay số khai".split())
# After these a "không" negates even behind a compound's first word: "trong phòng không
# có", "còng tay không được" are negations, "lực lượng phòng không" is not.
_NEGATED_NEXT = frozenset("co duoc phai the bi can he con nen tung chiu dam muon biet".split())
_CHANG_IDIOMS = frozenset(ascii_key(w) for w in "hạn may những lẽ".split())
_CHA_FOOD_NEXT = frozenset(
    ascii_key(w) for w in "giò lụa cá quế chiên nướng cốm ram tôm mực rươi bò lá trứng".split()
)
_CHA_FOOD_PREV = frozenset(ascii_key(w) for w in "bún giò bánh nem món".split())
_FRAMING_AFTER_KHONG = (
    ("đúng", "sự", "thật"),
    ("có", "thật"),
    ("chính", "xác"),
    ("có", "căn", "cứ"),
)
_QUESTION_FINAL = frozenset({"không", "chưa", "khong", "chua"})
_QUESTION_CUES = frozenset({"có", "đã", "phải", "được", "co", "da", "phai", "duoc"})
_OR = frozenset({"hay", "hoặc", "hoac"})
_DAU_NEXT = frozenset({"có", "phải"})
_WHERE_PREV = frozenset({"ở", "tại", "về", "đi", "từ", "nơi", "chỗ", "đến", "tới"})

# Accent-free syllables that may be a negator, with that negator's spelling.
_AMBIGUOUS = {"chua": "chưa", "chang": "chẳng", "cha": "chả", "dau": "đâu", "dung": "đừng"}
# Unambiguous accent-free patterns for "chua" and "chang" (the next syllable).
_PLAIN_NEXT = {
    "chua": frozenset(
        "tung he bao co the xac ro phat ghi chac biet thay hoan kip tiep nhan cap".split()
    ),
    "chang": frozenset("he phai co bao the ai duoc".split()),
}
_PLAIN_PREV = {"chua": frozenset({"van", "hien"})}


def hint_readings(accented_tokens: Collection[str]) -> dict[str, bool]:
    """For each ambiguous accent-free syllable, whether a text with diacritics reads it
    only as the negator (True) or only otherwise (False); absent when unclear or unused."""
    readings: dict[str, set[bool]] = {}
    for token in accented_tokens:
        plain = ascii_key(token)
        if plain in _AMBIGUOUS and token != plain:
            readings.setdefault(plain, set()).add(token == _AMBIGUOUS[plain])
    return {plain: seen.pop() for plain, seen in readings.items() if len(seen) == 1}


Site = tuple[Sequence[str], int]  # the clause's tokens and the negator's position


def negation_sites(
    clauses: Sequence[tuple[Sequence[str], bool]],
    accented: bool,
    hints: dict[str, bool] | None = None,
) -> list[Site]:
    """Negation sites of a text given as clauses: (match-key tokens, ends with "?")."""
    return [
        (tokens, i)
        for tokens, question in clauses
        for i in range(len(tokens))
        if _is_negation(tokens, i, question, accented, hints or {})
    ]


def count_negations(
    clauses: Sequence[tuple[Sequence[str], bool]],
    accented: bool,
    hints: dict[str, bool] | None = None,
) -> int:
    """How many negation sites a text has."""
    return len(negation_sites(clauses, accented, hints))


# Words between a negator and what it negates ("không hề bị tiêm", "chưa được phép").
_AUXILIARIES = frozenset(
    "he duoc phai co the bi con nen can tung bao gio da se dang han chac la hoan toan".split()
)
_SHARED_SHARE = 0.5


def relevant(site: Site, other: Collection[str]) -> bool:
    """Whether a negation bears on what the other text says.

    It does when the first content word it negates appears in the other text ("không
    chữa khỏi" against "chữa khỏi"), or when at least half the content words of its
    clause do. A negation in an aside of a longer post ("đừng tải ứng dụng lạ",
    "bác sĩ giấu không nói") does not: the post still repeats the claim.
    """
    tokens, i = site
    content = [plain for plain in _content(tokens[i + 1 :])]
    if content and content[0] in other:
        return True
    clause = set(_content([t for j, t in enumerate(tokens) if j != i]))
    return bool(clause) and len(clause & set(other)) >= _SHARED_SHARE * len(clause)


def _content(tokens: Sequence[str]) -> list[str]:
    """Accent-free content words of ``tokens`` (no function words, no auxiliaries)."""
    plain = [(t, ascii_key(t)) for t in tokens]
    return [p for t, p in plain if p not in _AUXILIARIES and not is_stop(t)]


def _is_negation(
    tokens: Sequence[str], i: int, question: bool, accented: bool, hints: dict[str, bool]
) -> bool:
    word = tokens[i]
    if word == "k":  # teencode "không", unless "50 k" (thousand) or "vitamin K"
        before = tokens[i - 1] if i else ""
        return i + 1 < len(tokens) and not before[:1].isdigit() and before != "vitamin"
    if word in _NEGATORS:
        return not _excluded(tokens, i, question)
    if word in {"đâu", "dau"}:
        return _dau_negates(tokens, i, question, accented, hints)
    if not accented and word in _AMBIGUOUS:
        return _plain_negates(tokens, i, question, hints)
    return False


def _excluded(tokens: Sequence[str], i: int, question: bool) -> bool:
    word = ascii_key(tokens[i])
    after = _plain(tokens, i + 1)
    before = _plain(tokens, i - 1)
    if word == "khong" and after in _COMPOUND_NEXT:
        return True
    if word == "khong" and before in _COMPOUND_PREV and after not in _NEGATED_NEXT:
        return True
    if word == "khong" and _is_framing(tokens, i):
        return True
    if word == "chang" and after in _CHANG_IDIOMS:
        return True
    if word == "cha" and (after in _CHA_FOOD_NEXT or before in _CHA_FOOD_PREV):
        return True
    return _is_question_particle(tokens, i, question)


def _plain(tokens: Sequence[str], i: int) -> str:
    return ascii_key(tokens[i]) if 0 <= i < len(tokens) else ""


def _is_framing(tokens: Sequence[str], i: int) -> bool:
    following = tuple(ascii_key(t) for t in tokens[i + 1 : i + 4])
    return any(
        following[: len(phrase)] == tuple(ascii_key(w) for w in phrase)
        for phrase in _FRAMING_AFTER_KHONG
    )


def _is_question_particle(tokens: Sequence[str], i: int, question: bool) -> bool:
    if i and tokens[i - 1] in _OR:
        return True
    if i != len(tokens) - 1 or tokens[i] not in _QUESTION_FINAL:
        return False
    return question or any(t in _QUESTION_CUES for t in tokens[:i])


def _dau_negates(
    tokens: Sequence[str], i: int, question: bool, accented: bool, hints: dict[str, bool]
) -> bool:
    if not accented and not hints.get("dau", False):
        return False
    following = tokens[i + 1] if i + 1 < len(tokens) else ""
    if following in _DAU_NEXT or ascii_key(following) in {"co", "phai"}:
        return True
    is_last = i == len(tokens) - 1
    return is_last and not question and i > 0 and tokens[i - 1] not in _WHERE_PREV


def _plain_negates(tokens: Sequence[str], i: int, question: bool, hints: dict[str, bool]) -> bool:
    word = tokens[i]
    if word in hints:
        return hints[word] and not _excluded_as(tokens, i, question, _AMBIGUOUS[word])
    if word == "dau":
        return False
    after = _plain(tokens, i + 1)
    before = _plain(tokens, i - 1)
    if after in _PLAIN_NEXT.get(word, ()) or before in _PLAIN_PREV.get(word, ()):
        return not _is_question_particle(tokens, i, question)
    return False


def _excluded_as(tokens: Sequence[str], i: int, question: bool, reading: str) -> bool:
    """The exclusions of ``reading`` applied to an accent-free occurrence."""
    as_read = [*tokens[:i], reading, *tokens[i + 1 :]]
    if reading == "đâu":
        return not _dau_negates(as_read, i, question, True, {})
    return _excluded(as_read, i, question)


# Opposites that flip a claim as surely as "không" does. One text must use one word and
# not the other, and the other text the reverse. Only texts written with diacritics are
# compared: without them "tang" is tăng, tặng or tầng.
_ANTONYMS = (
    ("tăng", "giảm"),
    ("tăng", "hạ"),
    ("lên", "xuống"),
    ("thắng", "thua"),
    ("đóng", "mở"),
    ("cấm", "phép"),
    ("miễn", "thu"),
    ("mua", "bán"),
    ("thật", "giả"),
    ("đúng", "sai"),
    ("sống", "chết"),
    ("lợi", "hại"),
    ("cao", "thấp"),
)


def antonym_swap(first: Collection[str], second: Collection[str]) -> bool:
    """Whether one text says a word where the other says its opposite ("tăng" / "giảm")."""
    return any(
        (a in first and a not in second and b in second and b not in first)
        or (b in first and b not in second and a in second and a not in first)
        for a, b in _ANTONYMS
    )
