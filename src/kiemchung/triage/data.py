"""Labelled posts for the triage model, and a forgiving CSV loader.

A :class:`Dataset` holds post texts, 0/1 labels (1 = needs a fact-check / was
false) and meta columns already parsed into numbers:

- ``count`` columns (likes, comments, shares…): floats >= 0, ``None`` when missing;
- ``timestamp`` columns: Unix seconds (UTC) as floats, ``None`` when missing;
- ``ignored`` columns: kept out of the features (free text, categories, identities).

How the kind of a meta column is decided (``infer_kind``), from its non-missing values:

1. A column whose name says it identifies an account or a row (user, account, author,
   page, name, handle, id, uid, tài khoản…) is ``ignored``: the system judges claims,
   not people, and keeps no per-account history (docs/principles.md).
2. If at least 90% of the values are dates (ISO 8601 such as "2020-03-15T08:30:00Z" or
   "2020-03-15 08:30", day-first "15/03/2020 08:30", "May 25th 2020, 21:57:58") or
   numbers between 2000-01-01 and 2100-01-01 read as Unix seconds (or milliseconds), it
   is a ``timestamp``. No like or share count comes near 946,684,800, the smallest such
   number.
3. Else, if at least 90% of the values are numbers, it is a ``count``.
4. Anything else (and a column with no value at all) is ``ignored``.

Missing values are normal: "", "nan", "NaN", "null", "none", "n/a", "na", "-", "unknown".
A count that is negative or cannot be read (stray text from a shifted column, a date) is
missing too, and noted. Counts accept "12", "12.0", "1.234" and "1.234.567" (Vietnamese
thousands), "1,2K", "3M", and a number with its unit: "54 like", "10 comments".
Timestamps written without a zone are Vietnam time (UTC+7); Unix values are UTC.

Rows whose label is missing or invalid, or whose text is empty, are skipped and
reported with the line they start on and the reason (``Dataset.problems``).
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Literal

from kiemchung.text.normalize import match_key

__all__ = [
    "Dataset",
    "MetaKind",
    "RowProblem",
    "from_records",
    "infer_kind",
    "load_csv",
    "parse_count",
    "parse_label",
    "parse_meta_value",
    "parse_timestamp",
    "text_group",
]

MetaKind = Literal["count", "timestamp", "ignored"]
MetaValue = float | None

VIETNAM = timezone(timedelta(hours=7))
# Plausible Unix seconds for a social-media post: 2000-01-01 .. 2100-01-01.
_MIN_UNIX = 946_684_800.0
_MAX_UNIX = 4_102_444_800.0
_KIND_SHARE = 0.9

_MISSING = frozenset({"", "nan", "none", "null", "n/a", "na", "-", "unknown", "nat", "?"})
_IDENTITY_WORDS = frozenset(
    "user users username account author page name handle id uid owner poster profile "
    "taikhoan nguoidang".split()
)
_COUNT_WORDS = frozenset(
    "num number count like likes comment comments share shares reaction reactions view "
    "views luot so".split()
)
_NAME_WORD_RE = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A row that was skipped: the line it starts on (1 = header) and why."""

    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass
class Dataset:
    """Labelled posts with parsed meta columns (see the module docstring)."""

    texts: list[str]
    labels: list[int]
    meta: dict[str, list[MetaValue]] = field(default_factory=dict)
    kinds: dict[str, MetaKind] = field(default_factory=dict)
    lines: list[int] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    groups: list[str] | None = None

    def __post_init__(self) -> None:
        n = len(self.texts)
        if len(self.labels) != n:
            raise ValueError(f"{n} texts but {len(self.labels)} labels")
        for name, values in self.meta.items():
            if len(values) != n:
                raise ValueError(f"meta column {name!r} has {len(values)} values for {n} texts")
            self.kinds.setdefault(name, "count")
        if not self.lines:
            self.lines = list(range(1, n + 1))
        if self.groups is not None and len(self.groups) != n:
            raise ValueError(f"{n} texts but {len(self.groups)} groups")

    def __len__(self) -> int:
        return len(self.texts)

    @property
    def positives(self) -> int:
        return sum(self.labels)

    def meta_rows(self) -> list[dict[str, MetaValue]]:
        """The meta values row by row, for ``TriageModel.score``."""
        names = list(self.meta)
        return [{name: self.meta[name][i] for name in names} for i in range(len(self.texts))]

    def subset(self, indices: Sequence[int]) -> Dataset:
        return Dataset(
            texts=[self.texts[i] for i in indices],
            labels=[self.labels[i] for i in indices],
            meta={name: [values[i] for i in indices] for name, values in self.meta.items()},
            kinds=dict(self.kinds),
            lines=[self.lines[i] for i in indices],
            groups=None if self.groups is None else [self.groups[i] for i in indices],
        )

    def text_groups(self) -> list[str]:
        """One group per normalised text: identical posts share a group (fold hygiene)."""
        return [text_group(text) for text in self.texts]

    def summary(self) -> str:
        kinds = ", ".join(f"{name}={kind}" for name, kind in self.kinds.items()) or "none"
        return (
            f"{len(self)} rows, {self.positives} positive, {len(self.problems)} skipped; "
            f"meta: {kinds}"
        )


def text_group(text: str) -> str:
    """A short hash of the normalised text: the fold group of a post."""
    key = " ".join(match_key(text).split())
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


# --- values ------------------------------------------------------------------


def _is_missing(raw: object) -> bool:
    if raw is None:
        return True
    if isinstance(raw, float):
        return math.isnan(raw)
    if isinstance(raw, str):
        return raw.strip().casefold() in _MISSING
    return False


def parse_label(raw: object) -> int | None:
    """0 or 1 from "0", "1", "0.0", "1.0", True/False, "true"/"false", "yes"/"no"."""
    if isinstance(raw, bool):
        return int(raw)
    if isinstance(raw, int | float):
        if raw in (0, 1):
            return int(raw)
        return None
    if not isinstance(raw, str):
        return None
    value = raw.strip().casefold()
    if value in {"1", "true", "yes", "t", "y"}:
        return 1
    if value in {"0", "false", "no", "f", "n"}:
        return 0
    try:
        number = float(value)
    except ValueError:
        return None
    if number in (0.0, 1.0):
        return int(number)
    return None


_THOUSANDS_RE = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_SUFFIX_RE = re.compile(r"^(\d+(?:[.,]\d+)?)\s*([kKmM])$")


def _parse_number(raw: object) -> float | None:
    """A finite number, or None. Accepts Vietnamese thousands and K/M suffixes."""
    if isinstance(raw, bool):
        return float(raw)
    if isinstance(raw, int | float):
        number = float(raw)
        return number if math.isfinite(number) else None
    if not isinstance(raw, str):
        return None
    value = raw.strip().replace("\u00a0", "").replace(" ", "")
    if not value:
        return None
    suffix = _SUFFIX_RE.match(value)
    if suffix:
        base = float(suffix.group(1).replace(",", "."))
        return base * (1_000.0 if suffix.group(2) in "kK" else 1_000_000.0)
    if _THOUSANDS_RE.match(value):
        # "1.234" and "12.000" are Vietnamese thousand-separated integers.
        return float(value.replace(".", ""))
    if "," in value and "." not in value:
        value = value.replace(",", "") if re.fullmatch(r"\d{1,3}(,\d{3})+", value) else value
        value = value.replace(",", ".")
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


_COUNT_UNIT_RE = re.compile(
    r"^\s*(\d[\d.,]*\s*[kKmM]?)\s*(?:likes?|comments?|shares?|views?|reactions?|cmts?|"
    r"lượt thích|lượt chia sẻ|lượt xem|bình luận|chia sẻ|thích)\s*$",
    re.IGNORECASE,
)


def _number_with_unit(raw: object) -> float | None:
    if isinstance(raw, str) and (unit := _COUNT_UNIT_RE.match(raw)):
        raw = unit.group(1)
    return _parse_number(raw)


def parse_count(raw: object) -> float | None:
    """A count >= 0, or None when missing, negative or unreadable. "54 like",
    "10 comments" and "1,2K lượt thích" are read as their number."""
    if _is_missing(raw):
        return None
    number = _number_with_unit(raw)
    if number is None or number < 0:
        return None
    return number


_DAY_FIRST_FORMATS = (
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%d-%m-%Y",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d",
)
_DATE_HINT_RE = re.compile(r"\d{1,4}[-/]\d{1,2}[-/]\d{1,4}")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# "May 25th 2020, 21:57:58.000" (a common export format of dashboards)
_MONTH_NAME_RE = re.compile(
    r"^\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|t|"
    r"tember|ober|ember)?\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})"
    r"(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*$",
    re.IGNORECASE,
)


def _unix_from_number(number: float) -> float | None:
    if _MIN_UNIX <= number <= _MAX_UNIX:
        return number
    if _MIN_UNIX * 1000 <= number <= _MAX_UNIX * 1000:
        return number / 1000.0
    return None


def _parse_month_name(value: str) -> datetime | None:
    match = _MONTH_NAME_RE.match(value)
    if not match:
        return None
    month = _MONTHS.index(match.group(1).casefold()) + 1
    hour, minute, second = (int(match.group(i) or 0) for i in (4, 5, 6))
    try:
        return datetime(int(match.group(3)), month, int(match.group(2)), hour, minute, second)
    except ValueError:
        return None


def _parse_date_text(value: str) -> datetime | None:
    if not _DATE_HINT_RE.search(value):
        return _parse_month_name(value)
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    for fmt in _DAY_FIRST_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


def parse_timestamp(raw: object) -> float | None:
    """Unix seconds (UTC) from ISO 8601 text, a day-first date, Unix seconds or
    milliseconds (int, float or text) or a datetime; None when missing or unreadable.
    A date without a zone is Vietnam time (UTC+7)."""
    if _is_missing(raw):
        return None
    if isinstance(raw, datetime):
        moment = raw if raw.tzinfo else raw.replace(tzinfo=VIETNAM)
        return moment.timestamp()
    if isinstance(raw, str):
        parsed = _parse_date_text(raw)
        if parsed is not None:
            zoned = parsed if parsed.tzinfo else parsed.replace(tzinfo=VIETNAM)
            return zoned.timestamp()
    number = _parse_number(raw)
    if number is None:
        return None
    return _unix_from_number(number)


def parse_meta_value(raw: object, kind: MetaKind) -> MetaValue:
    """One raw meta value read as its column's kind."""
    if kind == "count":
        return parse_count(raw)
    if kind == "timestamp":
        return parse_timestamp(raw)
    return None


def _is_identity_column(name: str) -> bool:
    """A name such as user_name, accountId, page or "tài khoản", without a count word."""
    plain = name.replace("tài khoản", "taikhoan").replace("người đăng", "nguoidang")
    words = {word.casefold() for word in _NAME_WORD_RE.findall(plain)}
    return bool(words & _IDENTITY_WORDS) and not words & _COUNT_WORDS


def infer_kind(name: str, raw_values: Iterable[object]) -> tuple[MetaKind, str]:
    """The kind of a meta column and why (the rule is in the module docstring)."""
    if _is_identity_column(name):
        return "ignored", "identifies an account or a row: not used (claims, not people)"
    present = [raw for raw in raw_values if not _is_missing(raw)]
    if not present:
        return "ignored", "no value at all"
    dates = sum(
        1
        for raw in present
        if isinstance(raw, datetime) or (isinstance(raw, str) and _parse_date_text(raw))
    )
    numbers = [n for n in (_number_with_unit(raw) for raw in present) if n is not None]
    in_window = sum(1 for n in numbers if _unix_from_number(n) is not None)
    if dates + in_window >= _KIND_SHARE * len(present) and (dates or in_window):
        return "timestamp", f"{dates + in_window}/{len(present)} values are dates or Unix times"
    if len(numbers) < _KIND_SHARE * len(present):
        return "ignored", f"only {len(numbers)}/{len(present)} values are numbers or dates"
    return "count", f"{len(numbers)}/{len(present)} values are numbers"


# --- building datasets ---------------------------------------------------------


def from_records(
    texts: Sequence[str],
    labels: Sequence[int],
    meta: Mapping[str, Sequence[object]] | None = None,
    kinds: Mapping[str, MetaKind] | None = None,
    groups: Sequence[str] | None = None,
) -> Dataset:
    """A dataset from Python values; meta kinds are inferred unless given."""
    parsed: dict[str, list[MetaValue]] = {}
    chosen: dict[str, MetaKind] = {}
    notes: list[str] = []
    for name, raw_values in (meta or {}).items():
        kind: MetaKind
        if kinds and name in kinds:
            kind, why = kinds[name], "given"
        else:
            kind, why = infer_kind(name, raw_values)
        chosen[name] = kind
        parsed[name] = [parse_meta_value(raw, kind) for raw in raw_values]
        notes.append(f"{name}: {kind} ({why})")
    return Dataset(
        texts=list(texts),
        labels=[int(label) for label in labels],
        meta=parsed,
        kinds=chosen,
        notes=notes,
        groups=None if groups is None else list(groups),
    )


def _read_text(path: Path) -> tuple[str, str | None]:
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        note = f"not valid UTF-8 (byte {error.start}); undecodable bytes replaced"
        return data.decode("utf-8-sig", errors="replace"), note


def _delimiter(header_line: str) -> str:
    counts = {sep: header_line.count(sep) for sep in (",", ";", "\t", "|")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] > 0 else ","


def _column_index(header: list[str], name: str) -> int:
    if name in header:
        return header.index(name)
    folded = [column.casefold() for column in header]
    if name.strip().casefold() in folded:
        return folded.index(name.strip().casefold())
    raise ValueError(f"column {name!r} not found; the file has: {', '.join(header)}")


_MAX_FIELD = 64 * 1024 * 1024  # the csv module's default (128 KB) is too small for some posts


def load_csv(
    path: Path | str,
    text_column: str,
    label_column: str,
    meta_columns: list[str] | None = None,
    kinds: Mapping[str, MetaKind] | None = None,
) -> Dataset:
    """Read a labelled CSV (see the module docstring for what is accepted).

    ``kinds`` forces the kind of some meta columns instead of inferring it.
    """
    content, encoding_note = _read_text(Path(path))
    if "\x00" in content:  # NUL bytes from broken exports
        content = content.replace("\x00", "")
    csv.field_size_limit(max(csv.field_size_limit(), _MAX_FIELD))
    first_line = content.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=_delimiter(first_line))
    try:
        header = [column.strip().lstrip("\ufeff") for column in next(reader)]
    except StopIteration:
        raise ValueError(f"{path}: empty file") from None
    text_at = _column_index(header, text_column)
    label_at = _column_index(header, label_column)
    meta_at = {name: _column_index(header, name) for name in (meta_columns or [])}

    texts: list[str] = []
    labels: list[int] = []
    lines: list[int] = []
    raw_meta: dict[str, list[str | None]] = {name: [] for name in meta_at}
    problems: list[RowProblem] = []
    line = reader.line_num + 1
    for row in reader:
        start, line = line, reader.line_num + 1
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) <= max(text_at, label_at):
            problems.append(RowProblem(start, f"only {len(row)} fields, text or label missing"))
            continue
        label = parse_label(row[label_at])
        if label is None:
            raw_label = row[label_at].strip()
            why = "missing label" if _is_missing(raw_label) else f"invalid label {raw_label!r}"
            problems.append(RowProblem(start, why))
            continue
        text = row[text_at]
        if not text.strip() or text.strip().casefold() in {"nan", "none", "null"}:
            problems.append(RowProblem(start, "empty text"))
            continue
        texts.append(text)
        labels.append(label)
        lines.append(start)
        for name, at in meta_at.items():
            raw_meta[name].append(row[at] if at < len(row) else None)

    dataset = from_records(texts, labels, raw_meta, kinds)
    dataset.lines = lines
    dataset.problems = problems
    if encoding_note:
        dataset.notes.insert(0, encoding_note)
    for name, kind in dataset.kinds.items():
        if kind == "ignored":
            continue
        unread = [
            lines[i]
            for i, (raw, value) in enumerate(zip(raw_meta[name], dataset.meta[name], strict=True))
            if value is None and not _is_missing(raw)
        ]
        if unread:
            shown = ", ".join(str(n) for n in unread[:5]) + (" …" if len(unread) > 5 else "")
            dataset.notes.append(
                f"{name}: {len(unread)} unreadable or negative values treated as missing "
                f"(lines {shown})"
            )
    return dataset
