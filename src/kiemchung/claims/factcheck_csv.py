"""CSV import and export of the fact-check knowledge base, for spreadsheet users.

The first row is the header; columns may come in any order and their names ignore case:

==================  ==========================================================================
url                 required; the fact-check's address (absolute http or https)
claim_reviewed      required; the claim that was checked
verdict             one of our codes (true, mostly_true, misleading, false, unverifiable,
                    out_of_scope, unrated) or any rating the mapping knows ("Sai sự thật", "Missing
                    context", "Pants on fire"); when empty, ``original_rating`` decides, and
                    a rating the mapping does not know is kept as written, "unrated"
original_rating     the publisher's own rating, as written
summary             what the evidence shows (may span several lines inside quotes)
publisher           the organisation that published the fact-check
publisher_url       its address
published_at        ISO 8601 (2026-03-11, 2026-03-11T08:30:00+07:00) or dd/mm/yyyy [hh:mm];
                    Vietnam time when no offset is given
language            a language code such as vi or en
evidence_urls       evidence links, separated by spaces or new lines
appearances         where the claim appeared: links separated by spaces or new lines
==================  ==========================================================================

Only ``url``, ``claim_reviewed`` and one of ``verdict``/``original_rating`` are required
columns. CSV carries no evidence titles and no ``extra`` fields (JSON-LD does). Files are
read as UTF-8 (with or without the BOM Excel writes, other encodings are guessed) with a
comma, semicolon or tab as the separator. A bad row is reported with its line and reason;
the other rows are still read.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula, so the
export writes such a cell (and one starting with an apostrophe) after an apostrophe, and
the import takes that apostrophe away again.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from datetime import datetime

from charset_normalizer import from_bytes

from kiemchung.claims.claimreview import (
    UNRATED,
    VERDICTS,
    VIETNAM,
    FactCheckData,
    Problem,
    clean_url,
    parse_datetime,
    verdict_for_rating,
)

COLUMNS = (
    "url",
    "claim_reviewed",
    "verdict",
    "original_rating",
    "summary",
    "publisher",
    "publisher_url",
    "published_at",
    "language",
    "evidence_urls",
    "appearances",
)
DAY_FIRST = re.compile(
    r"(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?", re.IGNORECASE
)
SEPARATORS = (",", ";", "\t")
# First characters that make a spreadsheet read a cell as a formula (and the escape itself).
FORMULA_STARTS = ("=", "+", "-", "@", "'")


class BadRow(ValueError):
    """A row that cannot become a fact-check; the message says why."""


def parse_csv(data: bytes | str, origin: str = "") -> tuple[list[FactCheckData], list[Problem]]:
    """The fact-checks of a CSV file, and the problems found (``index`` is the line)."""
    numbered, problems = parse_csv_numbered(data, origin)
    return [item for _, item in numbered], problems


def parse_csv_numbered(
    data: bytes | str, origin: str = ""
) -> tuple[list[tuple[int, FactCheckData]], list[Problem]]:
    """Like ``parse_csv``, each fact-check with the line its row starts on."""
    text = decode(data)
    if text is None:
        return [], [Problem(0, "the file is not text")]
    if not text.strip():
        return [], [Problem(0, "the file is empty")]
    rows = _rows(text)
    header = [name.strip().lower() for name in next(rows)[1]]
    problems = _check_header(header)
    if any(problem.is_error for problem in problems):
        return [], problems
    found: list[tuple[int, FactCheckData]] = []
    for line, cells in rows:
        try:
            item, warnings = _record(header, cells, origin)
        except BadRow as exc:
            problems.append(Problem(line, str(exc)))
            continue
        problems.extend(Problem(line, warning, "warning") for warning in warnings)
        if item is not None:
            found.append((line, item))
    return found, problems


def decode(data: bytes | str) -> str | None:
    """Text of a file: UTF-8 (BOM or not), else the encoding charset-normalizer guesses."""
    if isinstance(data, str):
        return data.lstrip("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        guess = from_bytes(data).best()
        return None if guess is None else str(guess)


def _rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """Each row with the line it starts on (a quoted cell may span several lines)."""
    first_line = text.split("\n", 1)[0]
    separator = max(SEPARATORS, key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    start = 1
    for row in reader:
        yield start, row
        start = reader.line_num + 1


def _check_header(header: list[str]) -> list[Problem]:
    missing = [name for name in ("url", "claim_reviewed") if name not in header]
    if "verdict" not in header and "original_rating" not in header:
        missing.append("verdict")
    if missing:
        return [Problem(0, f"the header has no column {', '.join(missing)}")]
    unknown = [name for name in header if name and name not in COLUMNS]
    if unknown:
        return [Problem(1, f"unknown columns ignored: {', '.join(unknown)}", "warning")]
    return []


def _record(
    header: list[str], row: list[str], origin: str
) -> tuple[FactCheckData | None, list[str]]:
    """The fact-check of one row (None for an empty row) and the warnings about it."""
    if not any(cell.strip() for cell in row):
        return None, []
    if len(row) != len(header):
        raise BadRow(f"expected {len(header)} columns, found {len(row)}")
    cells = {name: _unescaped(cell.strip()) for name, cell in zip(header, row, strict=True)}
    claim = cells.get("claim_reviewed", "")
    if not claim:
        raise BadRow("claim_reviewed is empty")
    verdict, original_rating = _verdict(cells.get("verdict", ""), cells.get("original_rating", ""))
    warnings = []
    if verdict == "":
        verdict = UNRATED
        warnings.append(f"unknown rating {original_rating!r}: kept as unrated")
    return _item(cells, verdict, original_rating, origin), warnings


def _item(cells: dict[str, str], verdict: str, original_rating: str, origin: str) -> FactCheckData:
    return FactCheckData(
        url=_url(cells.get("url", ""), origin, "url"),
        claim_reviewed=cells["claim_reviewed"],
        verdict=verdict,
        original_rating=original_rating,
        summary=cells.get("summary", ""),
        publisher=cells.get("publisher", ""),
        publisher_url=_optional_url(cells.get("publisher_url", ""), origin),
        published_at=_moment(cells.get("published_at", "")),
        language=cells.get("language", ""),
        evidence=[{"url": url, "title": ""} for url in _urls(cells, "evidence_urls", origin)],
        appearances=_urls(cells, "appearances", origin),
    )


def _verdict(written: str, original_rating: str) -> tuple[str, str]:
    """Our verdict code and the publisher's rating, from the two rating columns.

    The code is "" when only ``original_rating`` is given and the mapping does not know it.
    """
    if written:
        if written.lower() in VERDICTS:
            return written.lower(), original_rating
        code = verdict_for_rating(written)
        if code is None:
            raise BadRow(f"unknown verdict {written!r}")
        return code, original_rating or written
    if not original_rating:
        raise BadRow("no verdict and no original_rating")
    return verdict_for_rating(original_rating) or "", original_rating


def _unescaped(cell: str) -> str:
    """A cell without the apostrophe the export puts before a formula-like start."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in FORMULA_STARTS else cell


def _escaped(cell: str) -> str:
    return "'" + cell if cell[:1] in FORMULA_STARTS else cell


def _url(written: str, origin: str, column: str) -> str:
    if not written:
        raise BadRow(f"{column} is empty")
    url = clean_url(written, origin)
    if url is None:
        raise BadRow(f"{column} is not an absolute http(s) address: {written!r}")
    return url


def _optional_url(written: str, origin: str) -> str:
    return _url(written, origin, "publisher_url") if written else ""


def _urls(cells: dict[str, str], column: str, origin: str) -> list[str]:
    found: list[str] = []
    for written in cells.get(column, "").split():
        url = _url(written, origin, column)
        if url not in found:
            found.append(url)
    return found


def _moment(written: str) -> datetime | None:
    if not written:
        return None
    match = DAY_FIRST.fullmatch(written)
    moment = _day_first(match) if match else parse_datetime(written)
    if moment is None:
        raise BadRow(f"published_at is not a date: {written!r}")
    return moment


def _day_first(match: re.Match[str]) -> datetime | None:
    day, month, year, hour, minute, second = (int(part or 0) for part in match.groups())
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=VIETNAM)
    except ValueError:
        return None


def export_csv(items: Iterable[FactCheckData], *, bom: bool = False) -> str:
    """The documented CSV, header first; ``bom`` helps Excel see UTF-8."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for item in items:
        writer.writerow([_escaped(cell) for cell in _cells(item)])
    return ("\ufeff" if bom else "") + buffer.getvalue()


def _cells(item: FactCheckData) -> list[str]:
    published = item.published_at.astimezone(VIETNAM).isoformat() if item.published_at else ""
    return [
        item.url,
        item.claim_reviewed,
        item.verdict,
        item.original_rating,
        item.summary,
        item.publisher,
        item.publisher_url,
        published,
        item.language,
        "\n".join(evidence["url"] for evidence in item.evidence),
        "\n".join(item.appearances),
    ]
