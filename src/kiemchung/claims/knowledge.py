"""The fact-check knowledge base: importing and exporting ``FactCheck`` records.

``import_factchecks`` reads ClaimReview JSON-LD (a document, or the JSON-LD of an HTML
page) or the documented CSV (``kiemchung.claims.factcheck_csv``) and upserts each
fact-check by its canonical URL (``kiemchung.sources.canonical.canonical_url``, keeping a
``#fragment`` that tells apart several ClaimReviews of one page). Importing the same file
again changes nothing. The report counts what was added, updated, unchanged and rejected,
with the reasons. A record without a publisher (possible in CSV) is stored under its site's
host name, and one without a language under the detected one.

Formats are registered in ``FORMATS``; a new one is a ``KnowledgeFormat``, not an ``elif``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.db import transaction

from kiemchung.claims.claimreview import (
    FactCheckData,
    Problem,
    export_claimreview,
    parse_claimreview_numbered,
)
from kiemchung.claims.factcheck_csv import export_csv, parse_csv_numbered
from kiemchung.claims.models import FactCheck
from kiemchung.sources.canonical import canonical_url

Numbered = list[tuple[int, FactCheckData]]
ParseFunc = Callable[[bytes | str, str], tuple[Numbered, list[Problem]]]
ExportFunc = Callable[[list[FactCheckData], str, str], str]
# FactCheckData fields stored as they are (``url`` is the key, ``extra`` depends on format).
STORED_FIELDS = tuple(f.name for f in fields(FactCheckData) if f.name not in ("url", "extra"))
CHECKED_LENGTHS = ("original_rating", "publisher", "publisher_url", "language")


class ImportRefused(Exception):
    """The input as a whole cannot be imported (no such file, unknown format)."""


@dataclass(frozen=True, slots=True)
class KnowledgeFormat:
    name: str
    extensions: tuple[str, ...]
    parse: ParseFunc
    export: ExportFunc
    carries_extra: bool  # CSV has no ``extra`` and no evidence titles: keep the stored ones


FORMATS: dict[str, KnowledgeFormat] = {}


def register(knowledge_format: KnowledgeFormat) -> None:
    FORMATS[knowledge_format.name] = knowledge_format


def _export_csv(items: list[FactCheckData], publisher_name: str, publisher_url: str) -> str:
    return export_csv(items)


register(
    KnowledgeFormat(
        "jsonld",
        (".jsonld", ".json", ".html", ".htm"),
        parse_claimreview_numbered,
        export_claimreview,
        carries_extra=True,
    )
)
register(KnowledgeFormat("csv", (".csv",), parse_csv_numbered, _export_csv, carries_extra=False))


@dataclass
class ImportReport:
    origin: str = ""
    format: str = ""
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        """Records rejected (a record with two errors counts once)."""
        return len({p.index for p in self.problems if p.is_error and p.index})

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [problem for problem in self.problems if not problem.is_error]

    def as_dict(self) -> dict[str, Any]:
        return {
            "origin": self.origin,
            "format": self.format,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "problems": [
                {"index": p.index, "reason": p.reason, "level": p.level} for p in self.problems
            ],
        }


def factcheck_key(url: str) -> str:
    """The stored form of a fact-check URL: canonical, with its fragment if it has one."""
    fragment = urlsplit(url.strip()).fragment
    return canonical_url(url) + (f"#{fragment}" if fragment else "")


def import_factchecks(
    source: str | Path | bytes,
    fmt: str | None = None,
    *,
    origin: str = "",
    is_local: bool = False,
) -> ImportReport:
    """Upsert the fact-checks of a file (a path) or of its content (bytes).

    ``fmt`` is "jsonld" or "csv", or None to decide from the file name, then the content.
    ``origin`` names the input in the report (and resolves relative links when it is a
    URL). ``is_local`` marks new records as published by us.
    """
    data, origin = _read(source, origin)
    knowledge_format = _format(fmt, data, origin)
    numbered, problems = knowledge_format.parse(data, origin)
    report = ImportReport(origin=origin, format=knowledge_format.name, problems=problems)
    with transaction.atomic():
        _upsert(numbered, knowledge_format, report, is_local)
    return report


def _read(source: str | Path | bytes, origin: str) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, origin
    path = Path(source)
    if not path.is_file():
        raise ImportRefused(f"{path}: no such file")
    return path.read_bytes(), origin or str(path)


def _format(fmt: str | None, data: bytes, origin: str) -> KnowledgeFormat:
    if fmt is not None:
        if fmt not in FORMATS:
            raise ImportRefused(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
        return FORMATS[fmt]
    suffix = Path(urlsplit(origin).path).suffix.lower()
    by_name = next((f for f in FORMATS.values() if suffix and suffix in f.extensions), None)
    if by_name is not None:
        return by_name
    looks_like_json = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[", b"<")
    return FORMATS["jsonld"] if looks_like_json else FORMATS["csv"]


def _upsert(
    numbered: Numbered, knowledge_format: KnowledgeFormat, report: ImportReport, is_local: bool
) -> None:
    unique = _unique(numbered, report)
    existing = {fc.url: fc for fc in FactCheck.objects.filter(url__in=list(unique))}
    for key, (index, item) in unique.items():
        reason = _too_long(key, item)
        if reason:
            report.problems.append(Problem(index, reason))
            continue
        current = existing.get(key)
        values = _values(item, knowledge_format, current)
        if current is None:
            FactCheck.objects.create(url=key, is_local=is_local, **values)
            report.added += 1
        elif _apply(current, values):
            current.save()
            report.updated += 1
        else:
            report.unchanged += 1


def _unique(numbered: Numbered, report: ImportReport) -> dict[str, tuple[int, FactCheckData]]:
    """Records by key; a second record with the same URL in one input is rejected."""
    unique: dict[str, tuple[int, FactCheckData]] = {}
    for index, item in numbered:
        key = factcheck_key(item.url)
        if key in unique:
            first = unique[key][0]
            report.problems.append(Problem(index, f"same URL as record {first}: {key}"))
            continue
        unique[key] = (index, item)
    return unique


def _too_long(key: str, item: FactCheckData) -> str:
    limits = {name: _max_length(name) for name in ("url", *CHECKED_LENGTHS)}
    values = {"url": key, **{name: getattr(item, name) for name in CHECKED_LENGTHS}}
    for name, value in values.items():
        if len(value) > limits[name]:
            return f"{name} is longer than {limits[name]} characters"
    return ""


def _max_length(name: str) -> int:
    return int(getattr(FactCheck._meta.get_field(name), "max_length", None) or 10**9)


def _values(
    item: FactCheckData, knowledge_format: KnowledgeFormat, current: FactCheck | None
) -> dict[str, Any]:
    values = {name: getattr(item, name) for name in STORED_FIELDS}
    values["language"] = item.language or guess_language(item.claim_reviewed)
    # The model requires a publisher: a CSV row without one is the site's.
    values["publisher"] = item.publisher or urlsplit(item.url).hostname or ""
    if knowledge_format.carries_extra:
        values["extra"] = item.extra
    elif current is not None:
        values["evidence"] = _with_titles(item.evidence, current.evidence)
    return values


def _with_titles(evidence: list[dict[str, str]], stored: Any) -> list[dict[str, str]]:
    """Evidence read without titles (CSV) takes the titles stored for the same links."""
    titles = {e.get("url"): e.get("title", "") for e in _as_dicts(stored)}
    return [{**e, "title": e["title"] or str(titles.get(e["url"], ""))} for e in evidence]


def _apply(current: FactCheck, values: dict[str, Any]) -> bool:
    """Set the values that differ; True when there was one."""
    changed = False
    for name, value in values.items():
        if getattr(current, name) != value:
            setattr(current, name, value)
            changed = True
    return changed


def guess_language(text: str) -> str:
    """ "vi" or "en" for a claim written without a language tag, else ""."""
    from kiemchung.text.langid import detect

    code = detect(text).code
    return {"vi": "vi", "vi-noaccent": "vi", "en": "en"}.get(code, "")


def export_factchecks(
    queryset: Iterable[FactCheck],
    fmt: str = "jsonld",
    *,
    publisher_name: str = "",
    publisher_url: str = "",
) -> str:
    """The fact-checks as ClaimReview JSON-LD (a JSON array) or as the documented CSV.

    ``publisher_name`` and ``publisher_url`` name the organisation publishing the export.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    items = [factcheck_data(factcheck) for factcheck in queryset]
    return FORMATS[fmt].export(items, publisher_name, publisher_url)


def factcheck_data(factcheck: FactCheck) -> FactCheckData:
    """The plain data of a stored fact-check."""
    return FactCheckData(
        url=factcheck.url,
        claim_reviewed=factcheck.claim_reviewed,
        verdict=factcheck.verdict,
        original_rating=factcheck.original_rating,
        summary=factcheck.summary,
        publisher=factcheck.publisher,
        publisher_url=factcheck.publisher_url,
        published_at=factcheck.published_at,
        language=factcheck.language,
        evidence=[
            {"url": str(e["url"]), "title": str(e.get("title", ""))}
            for e in _as_dicts(factcheck.evidence)
            if e.get("url")
        ],
        appearances=[str(url) for url in factcheck.appearances or [] if url],
        extra=dict(factcheck.extra) if isinstance(factcheck.extra, dict) else {},
    )


def _as_dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in value or [] if isinstance(item, dict)]
