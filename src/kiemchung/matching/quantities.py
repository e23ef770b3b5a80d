"""Numbers, amounts, percentages, ratios, dates and clock times in Vietnamese tokens.

``parse(tokens, accented)`` reads the syllable tokens of a match key (after the
abbreviations of ``lexicon`` are expanded) and returns the tokens with every quantity
rewritten as one canonical token, plus the quantities found. So "5.000đ",
"5000 đồng" and "5 nghìn đồng" all give the token "5000" (then "đồng"); "2,5 tỷ" and
"2.5 tỷ" give "2500000000"; "15h30", "15:30" and "15 giờ 30" give "15:30";
"ngày 30 tháng 9 năm 2024" and "30/9/2024" give "30/9/2024".

Number syntax: a dot or comma followed by exactly three digits groups thousands
("5.000", "5,000"); otherwise it is a decimal point ("2,5", "4.8").

Number words (một … mười, mươi, lăm, mốt, tư, trăm, linh, nghìn/ngàn, triệu, tỷ,
rưỡi) count only where they cannot be ordinary words: "năm" is also "year", "ba"
"father", "chín" "ripe", "một" the article "a". In text with diacritics a single
number word needs a counted noun after it ("năm tỉnh", "ba người", "một người"; a
side that leaves the count out still agrees, see ``compatible``). In text typed
without diacritics ("nam", "sau", "bay" are ambiguous there) number words count only
with a scale or "muoi"/"tram".

"gấp đôi" is a ratio of 2; after "tăng" it becomes +100% so that "tăng gấp đôi"
conflicts with "tăng 50%" and agrees with "tăng 100%". "một nửa" is 50%.
Vague amounts ("hàng nghìn", "vài trăm") give no quantity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Quantity", "compatible", "parse"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """One quantity: ``kind`` is number, percent, ratio, score, date or time.

    ``token`` is its canonical spelling (dates use "*" for a missing part inside,
    e.g. "*/9/2024"; the lexical token drops leading stars).
    """

    kind: str
    token: str

    @property
    def lexical(self) -> str:
        """The token that stands for this quantity among the text's tokens."""
        if self.kind == "percent":
            return f"{self.token}%"
        if self.kind == "ratio":
            return f"x{self.token}"
        return self.token.lstrip("*/")


# --- number words ------------------------------------------------------------

_DIGITS_ACCENTED = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7,
    "tám": 8, "chín": 9,
}  # fmt: skip
_AFTER_TENS_ACCENTED = {"mốt": 1, "tư": 4, "lăm": 5, "nhăm": 5}
_DIGITS_ASCII = {
    "mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
}  # fmt: skip
_AFTER_TENS_ASCII = {"mot": 1, "tu": 4, "lam": 5}
_SCALES = {
    "nghìn": 1e3, "nghin": 1e3, "ngàn": 1e3, "ngan": 1e3, "k": 1e3,
    "triệu": 1e6, "trieu": 1e6, "tr": 1e6,
    "tỷ": 1e9, "tỉ": 1e9, "ty": 1e9, "ti": 1e9,
}  # fmt: skip
_HUNDRED = frozenset({"trăm", "tram"})
_TEN = frozenset({"mười", "muoi"})
_TENS_SUFFIX = frozenset({"mươi", "muoi"})
_FILLERS = frozenset({"linh", "lẻ", "le"})
_HALF = frozenset({"rưỡi", "ruoi"})
_VAGUE = frozenset({"hàng", "hang", "vài", "vai", "mấy", "may", "dăm"})

# Nouns that follow a count: a single number word before them is a number.
_COUNTED = frozenset(
    """
    người ca ngày tuần tháng năm giờ tiếng phút giây lần tỉnh thành huyện xã quận phường
    ngôi căn con chiếc cái nhà trường em trẻ cháu bệnh đồng lít ký kg km mét tuổi buổi độ
    cấp cửa tầng tấn điểm bàn hộ đối vụ trận chuyến xe tàu cơn đợt loại mũi liều viên gói
    hộp chai cốc ly bát quả trái lượng chỉ suất vé phần ổ công đơn thí bác nạn sinh ha
    hécta héc-ta m cm mm g mg ml tạ yến sào mẫu km2 m2 giường phòng lớp ngành bộ
    đứa bức cuốn quyển tờ bài tòa cây bông chú cô bé vị ông bà nhóm đội tập trang
    """.split()
)
_DAY_PARTS_PM = frozenset({"chiều", "chieu", "tối", "toi"})
_NIGHT = frozenset({"đêm", "dem"})
_HOUR_WORDS = frozenset({"giờ", "gio"})
_MINUTE_WORDS = frozenset({"phút", "phut"})
_PERCENT_WORDS = (("phần", "trăm"), ("phan", "tram"))
_INCREASE = frozenset({"tăng", "tang"})
_TIMES_WORDS = frozenset({"gấp", "gap"})
_DOUBLE = frozenset({"đôi", "doi"})
_TIMES_SUFFIX = frozenset({"lần", "lan"})
_DAY_MARKERS = frozenset({"ngày", "ngay", "hôm", "hom"})
_MONTH_MARKERS = frozenset({"tháng", "thang"})
_YEAR_MARKERS = frozenset({"năm", "nam"})
_ORDINAL = frozenset({"thứ", "thu"})
# "từ 15 đến 25 triệu", "3 tới 5%": the range's last number lends its scale or percent
_RANGE_WORDS = frozenset({"đến", "den", "tới"})

# Words that may start a quantity; any other token that does not start with a digit
# is copied through without trying the recognisers.
_TRIGGERS = frozenset(
    {*_DIGITS_ACCENTED, *_DIGITS_ASCII, *_TEN, *_DAY_MARKERS, *_MONTH_MARKERS, *_YEAR_MARKERS}
    | _TIMES_WORDS
)

# --- digit tokens ------------------------------------------------------------

_THOUSANDS_RE = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*")
_DECIMAL_RE = re.compile(r"\d+[.,]\d+")
_INT_RE = re.compile(r"\d+")
_PERCENT_RE = re.compile(r"(\d[\d.,]*)%")
_CLOCK_RE = re.compile(r"(\d{1,2})(?:h|:)(\d{2})?")
_DATE_RE = re.compile(r"(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?")
_MONTH_YEAR_RE = re.compile(r"(\d{1,2})/(\d{4})")
_DASH_RE = re.compile(r"(\d{1,3})-(\d{1,3})")
_FIRST_YEAR, _LAST_YEAR = 1950, 2100


def _digit_value(token: str) -> float | None:
    """The value of a plain number token, or None."""
    if _THOUSANDS_RE.fullmatch(token):
        return float(re.sub(r"[.,]", "", token))
    if _DECIMAL_RE.fullmatch(token):
        return float(token.replace(",", "."))
    if _INT_RE.fullmatch(token):
        return float(token)
    return None


def _format(value: float) -> str:
    rounded = round(value, 6)
    if rounded == int(rounded):
        return str(int(rounded))
    return repr(rounded)


# --- the parser --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Found:
    quantity: Quantity
    end: int


class _Parser:
    """One left-to-right pass over a token list."""

    def __init__(self, tokens: list[str], accented: bool) -> None:
        self.tokens = tokens
        self.accented = accented
        self.digits = _DIGITS_ACCENTED if accented else _DIGITS_ASCII
        self.after_tens = _AFTER_TENS_ACCENTED if accented else _AFTER_TENS_ASCII

    def at(self, index: int) -> str:
        return self.tokens[index] if 0 <= index < len(self.tokens) else ""

    def run(self) -> tuple[list[str], list[Quantity]]:
        out: list[str] = []
        found: list[Quantity] = []
        index = 0
        while index < len(self.tokens):
            token = self.tokens[index]
            hit = self.recognise(index) if token[0].isdigit() or token in _TRIGGERS else None
            if hit is None:
                out.append(self.tokens[index])
                index += 1
                continue
            found.append(hit.quantity)
            out.append(hit.quantity.lexical)
            index = hit.end
        return out, found

    def recognise(self, index: int) -> _Found | None:
        return (
            self.date_phrase(index)
            or self.clock(index)
            or self.times(index)
            or self.half(index)
            or self.amount(index)
        )

    # dates ---------------------------------------------------------------

    def date_phrase(self, index: int) -> _Found | None:
        token = self.at(index)
        if token in _DAY_MARKERS:
            return self.day_phrase(index + 1)
        if token in _MONTH_MARKERS:
            return self.month_phrase(index + 1, day="*")
        if token in _YEAR_MARKERS:
            return self.year_phrase(index + 1, day="*", month="*")
        return self.bare_date(index)

    def day_phrase(self, index: int) -> _Found | None:
        token = self.at(index)
        written = self.bare_date(index)
        if written is not None:
            return written
        day = _digit_value(token)
        if day is None or not 1 <= day <= 31 or day != int(day):
            return None
        if self.at(index + 1) in _MONTH_MARKERS:
            month = self.month_phrase(index + 2, day=str(int(day)))
            if month is not None:
                return month
        return _Found(Quantity("date", f"{int(day)}/*/*"), index + 1)

    def month_phrase(self, index: int, day: str) -> _Found | None:
        token = self.at(index)
        pair = _MONTH_YEAR_RE.fullmatch(token)
        if pair and 1 <= int(pair[1]) <= 12:
            return _Found(_date(day, pair[1], pair[2]), index + 1)
        month = _digit_value(token)
        end = index + 1
        if month is None:
            word = self.word_number(index)
            if word is None:
                return None
            month, end = word
        if not 1 <= month <= 12 or month != int(month):
            return None
        year = (
            self.year_phrase(end + 1, day, str(int(month)))
            if self.at(end) in _YEAR_MARKERS
            else None
        )
        return year or _Found(_date(day, str(int(month)), None), end)

    def year_phrase(self, index: int, day: str, month: str) -> _Found | None:
        token = self.at(index)
        if _is_year(token):
            return _Found(_date(day, month, token), index + 1)
        return None

    def bare_date(self, index: int) -> _Found | None:
        token = self.at(index)
        match = _DATE_RE.fullmatch(token)
        if match and _valid_day_month(match[1], match[2]):
            year = match[3]
            end = index + 1
            if year is None and self.at(end) in _YEAR_MARKERS and _is_year(self.at(end + 1)):
                year, end = self.at(end + 1), end + 2
            return _Found(_date(match[1], match[2], year), end)
        pair = _MONTH_YEAR_RE.fullmatch(token)
        if pair and 1 <= int(pair[1]) <= 12:
            return _Found(_date("*", pair[1], pair[2]), index + 1)
        dash = _DASH_RE.fullmatch(token)
        if dash and self.at(index - 1) in _DAY_MARKERS and _valid_day_month(dash[1], dash[2]):
            return _Found(_date(dash[1], dash[2], None), index + 1)
        return None

    # clock times -------------------------------------------------------------

    def clock(self, index: int) -> _Found | None:
        match = _CLOCK_RE.fullmatch(self.at(index))
        if match:
            return self.day_part(int(match[1]), int(match[2] or 0), index + 1)
        hour = self.number_at(index)
        if hour is None or self.at(hour[1]) not in _HOUR_WORDS:
            return None
        end = hour[1] + 1
        minute = _digit_value(self.at(end))
        if minute is not None and minute == int(minute) and minute < 60:
            end += 2 if self.at(end + 1) in _MINUTE_WORDS else 1
        else:
            minute = 0
        return self.day_part(int(hour[0]), int(minute), end)

    def day_part(self, hour: int, minute: int, end: int) -> _Found | None:
        if hour > 24 or minute > 59:
            return None
        part = self.at(end)
        if (part in _DAY_PARTS_PM and hour < 12) or (part in _NIGHT and 7 <= hour < 12):
            hour += 12
        if part in _DAY_PARTS_PM or part in _NIGHT:
            end += 1
        return _Found(Quantity("time", f"{hour % 24}:{minute:02d}"), end)

    # ratios, halves, percentages and amounts ---------------------------------------

    def times(self, index: int) -> _Found | None:
        if self.at(index) not in _TIMES_WORDS:
            return None
        following = self.at(index + 1)
        end = index + 2
        if following in _DOUBLE:
            factor = 2.0
        elif following in _HALF:
            factor = 1.5
        else:
            number = self.number_at(index + 1, allow_single=True)
            if number is None:
                return None
            factor, end = number
        if self.at(end) in _TIMES_SUFFIX:
            end += 1
        if _INCREASE & set(self.tokens[max(0, index - 2) : index]):
            return _Found(Quantity("percent", _format((factor - 1) * 100)), end)
        return _Found(Quantity("ratio", _format(factor)), end)

    def half(self, index: int) -> _Found | None:
        if self.at(index) in {"một", "mot"} and self.at(index + 1) in {"nửa", "nua"}:
            return _Found(Quantity("percent", "50"), index + 2)
        return None

    def amount(self, index: int) -> _Found | None:
        if self.at(index - 1) in _ORDINAL or self.at(index - 1) in _VAGUE:
            return None
        percent = _PERCENT_RE.fullmatch(self.at(index))
        if percent:
            value = _digit_value(percent[1])
            return None if value is None else _Found(Quantity("percent", _format(value)), index + 1)
        dash = _DASH_RE.fullmatch(self.at(index))
        if dash:
            return _Found(Quantity("score", f"{int(dash[1])}-{int(dash[2])}"), index + 1)
        number = self.number_at(index)
        if number is None:
            return self.bare_year(index)
        value, end = number
        if (self.at(end), self.at(end + 1)) in _PERCENT_WORDS:
            return _Found(Quantity("percent", _format(value)), end + 2)
        year = self.bare_year(index)
        if year is not None and end == index + 1:
            return year
        if self.at(end - 1) not in _SCALES:
            scale, in_percent = self.range_end(end)
            kind = "percent" if in_percent else "number"
            return _Found(Quantity(kind, _format(value * scale)), end)
        return _Found(Quantity("number", _format(value)), end)

    def range_end(self, index: int) -> tuple[float, bool]:
        """The scale, and whether it is a percent, that ends a range starting before
        ``index`` ("15 | đến 25 triệu": a million; "3 | tới 5%": a percent); (1, False)
        when no range follows."""
        if self.at(index) not in _RANGE_WORDS:
            return 1.0, False
        if _PERCENT_RE.fullmatch(self.at(index + 1)):
            return 1.0, True
        base = self.base_number(index + 1, allow_single=True)
        if base is None:
            return 1.0, False
        scale, end = self.scale_at(base[1])
        return scale, (self.at(end), self.at(end + 1)) in _PERCENT_WORDS

    def bare_year(self, index: int) -> _Found | None:
        token = self.at(index)
        following = self.at(index + 1)
        if not _is_year(token):
            return None
        if following in _COUNTED or following in _SCALES:
            return None
        return _Found(_date("*", "*", token), index + 1)

    def number_at(self, index: int, allow_single: bool = False) -> tuple[float, int] | None:
        """A number with its scales ("2 tỷ 500 triệu", "hai mươi nghìn") and its end.

        Groups after the first must carry a smaller scale, so "5 triệu 2 người" stops
        after "triệu".
        """
        first = self.base_number(index, allow_single)
        if first is None:
            return None
        scale, end = self.scale_at(first[1])
        total = first[0] * scale
        while scale > 1.0:
            if self.at(end) in _HALF:
                return total + scale / 2, end + 1
            group = self.base_number(end, allow_single=True)
            if group is None:
                break
            next_scale, next_end = self.scale_at(group[1])
            if not 1.0 < next_scale < scale:
                break
            total += group[0] * next_scale
            scale, end = next_scale, next_end
        return total, end

    def scale_at(self, index: int) -> tuple[float, int]:
        scale = 1.0
        end = index
        while self.at(end) in _SCALES:
            scale *= _SCALES[self.at(end)]
            end += 1
        return scale, end

    def base_number(self, index: int, allow_single: bool) -> tuple[float, int] | None:
        value = _digit_value(self.at(index))
        if value is not None:
            if self.at(index + 1) in _HUNDRED:
                return value * 100, index + 2
            return value, index + 1
        word = self.word_number(index)
        if word is None:
            return None
        if word[1] - index == 1 and not allow_single and not self.single_word_ok(index):
            return None
        return word

    def single_word_ok(self, index: int) -> bool:
        """A lone number word is a number only before a counted noun or a scale."""
        following = self.at(index + 1)
        if following in _SCALES:
            return True
        return self.accented and following in _COUNTED

    def word_number(self, index: int) -> tuple[float, int] | None:
        """A number written in words, below one thousand, and its end."""
        if self.at(index) not in self.digits and self.at(index) not in _TEN:
            return None
        hundreds = tens = 0
        units: int | None = None
        end = index
        has_tens_word = False
        while True:
            word = self.at(end)
            if word in self.digits and units is None and not (has_tens_word and word == "năm"):
                if has_tens_word and word in self.after_tens and word not in {"mot", "một"}:
                    units = self.after_tens[word]
                else:
                    units = self.digits[word]
            elif has_tens_word and units is None and word in self.after_tens:
                units = self.after_tens[word]
            elif word in _TEN and not has_tens_word and units is None and tens == 0:
                tens, has_tens_word = 10, True
            elif word in _TENS_SUFFIX and units is not None and not has_tens_word:
                tens, units, has_tens_word = units * 10, None, True
            elif word in _HUNDRED and units is not None and hundreds == 0 and tens == 0:
                hundreds, units = units * 100, None
            elif word in _FILLERS and hundreds and units is None:
                pass
            else:
                break
            end += 1
        if not self.accented and not (has_tens_word or hundreds or self.at(end) in _SCALES):
            return None
        return float(hundreds + tens + (units or 0)), end


def _is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and _FIRST_YEAR <= int(token) <= _LAST_YEAR


def _valid_day_month(day: str, month: str) -> bool:
    return 1 <= int(day) <= 31 and 1 <= int(month) <= 12


def _date(day: str, month: str, year: str | None) -> Quantity:
    day_part = day if day == "*" else str(int(day))
    month_part = month if month == "*" else str(int(month))
    year_part = "*" if year is None else (year if len(year) == 4 else f"20{year}")
    token = f"{day_part}/{month_part}/{year_part}"
    if token.endswith("/*"):
        token = token[:-2]
        if token.endswith("/*"):
            token = token[:-2]
    return Quantity("date", token)


def parse(tokens: list[str], accented: bool) -> tuple[list[str], list[Quantity]]:
    """Tokens with each quantity rewritten as one canonical token, and the quantities."""
    return _Parser(tokens, accented).run()


# --- comparing quantities ------------------------------------------------------------


def _date_parts(token: str) -> list[str]:
    parts = token.split("/")
    return parts + ["*"] * (3 - len(parts))


def _same(first: Quantity, second: Quantity) -> bool:
    if first.kind != second.kind:
        return False
    if first.kind != "date":
        return first.token == second.token
    pairs = zip(_date_parts(first.token), _date_parts(second.token), strict=True)
    return all(a == b or "*" in (a, b) for a, b in pairs)


def _covered(smaller: list[Quantity], larger: list[Quantity]) -> bool:
    return all(any(_same(q, other) for other in larger) for q in smaller)


def with_context_year(dates: list[Quantity]) -> list[Quantity]:
    """Dates with the text's one year filled into its day/month dates.

    "ngày 26/6 ... năm 2025" says 26/6/2025; keeping a bare "2025" beside a bare "26/6"
    would make any other day of 2025 look compatible.
    """
    years = {q.token for q in dates if q.kind == "date" and q.token.startswith("*/*/")}
    if len(years) != 1:
        return dates
    year = next(iter(years))[4:]
    dated = [q for q in dates if q.kind == "date" and not q.token.startswith("*/*/")]
    if not dated:
        return dates
    others = [q for q in dates if q.kind != "date"]
    return others + [_fill_year(q, year) for q in dated]


def _fill_year(date: Quantity, year: str) -> Quantity:
    day, month, old_year = _date_parts(date.token)
    return _date(day, month, year if old_year == "*" else old_year)


def compatible(first: list[Quantity], second: list[Quantity]) -> bool:
    """Whether two texts' quantities agree: one side's list fits inside the other's.

    A side with no quantity agrees with anything (a paraphrase may drop a number).
    """
    if not first or not second:
        return True
    first, second = with_context_year(first), with_context_year(second)
    return _covered(first, second) or _covered(second, first)
