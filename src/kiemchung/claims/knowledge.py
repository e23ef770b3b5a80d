"""The fact-check knowledge base: importing and exporting ``FactCheck`` records.

``import_factchecks`` reads ClaimReview JSON-LD (a document, or the JSON-LD of an HTML
page), saved pages (``{"url", "page"}`` records), the Fact Check Tools API's
``claims:search`` JSON (``kiemchung.claims.claimreview_inputs``) or the documented CSV
(``kiemchung.claims.factcheck_csv``), and upserts each fact-check by its identity: its
canonical URL (``kiemchung.sources.canonical.canonical_url``, keeping a ``#fragment``)
together with its claim (``claim_key``), because one article may review several claims.
A URL holding one fact-check, met again with one claim that reads differently, is that
fact-check with its claim edited. Importing the same file again changes nothing. The
report counts what was added, updated, unchanged and rejected, with the reasons, the
verdicts read, and the ratings we could not read ("unrated") with how many records carry
each. An input refused as a whole (empty, not JSON, no ClaimReview in it) raises
``ImportRefused``. A record without a publisher (possible in CSV) is stored under its
site's host name, and one without a language under the detected one.

Formats are registered in ``FORMATS``; a new one is a ``KnowledgeFormat``, not an ``elif``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.db import transaction
from django.db.models import Count

from kiemchung.claims.claimreview import (
    FactCheckData,
    Problem,
    export_claimreview,
    parse_claimreview_numbered,
)
from kiemchung.claims.claimreview_inputs import (
    looks_like_factcheck_api,
    looks_like_pages,
    parse_factcheck_api_numbered,
    parse_pages_numbered,
)
from kiemchung.claims.factcheck_csv import export_csv, parse_csv_numbered
from kiemchung.claims.models import FactCheck, Verdict, claim_key
from kiemchung.sources.canonical import canonical_url

Numbered = list[tuple[int, FactCheckData]]
ParseFunc = Callable[[bytes | str, str], tuple[Numbered, list[Problem]]]
ExportFunc = Callable[[list[FactCheckData], str, str], str]
SniffFunc = Callable[[bytes], bool]
# FactCheckData fields stored as they are (``url`` is the key, ``extra`` depends on format),
# under the model's name for each.
FIELD_NAMES = {"author": "review_author"}
STORED_FIELDS = tuple(f.name for f in fields(FactCheckData) if f.name not in ("url", "extra"))
# As the publisher wrote them: only formats that carry them set them (not CSV), and never
# on our own fact-checks (whose rating and author are ours).
AS_WRITTEN = ("review_rating", "review_author", "date_published")
CHECKED_LENGTHS = ("publisher", "publisher_url", "language", "date_published")


class ImportRefused(Exception):
    """The input as a whole cannot be imported (no such file, unknown format)."""


@dataclass(frozen=True, slots=True)
class KnowledgeFormat:
    name: str
    extensions: tuple[str, ...]
    parse: ParseFunc
    export: ExportFunc | None  # None: an input format only
    carries_extra: bool  # CSV has no ``extra`` and no evidence titles: keep the stored ones
    sniff: SniffFunc | None = None  # recognises the content whatever the file's name


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
register(
    KnowledgeFormat(
        "pages",
        (".jsonl", ".ndjson"),
        parse_pages_numbered,
        None,
        carries_extra=True,
        sniff=looks_like_pages,
    )
)
register(
    KnowledgeFormat(
        "factcheck-api",
        (),
        parse_factcheck_api_numbered,
        None,
        carries_extra=True,
        sniff=looks_like_factcheck_api,
    )
)
EXPORT_FORMATS = tuple(name for name, f in FORMATS.items() if f.export is not None)


@dataclass
class ImportReport:
    origin: str = ""
    format: str = ""
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    records: int = 0  # fact-checks read from the input (before rejections for the database)
    verdicts: Counter[str] = field(default_factory=Counter)  # of the records kept
    unrated: Counter[str] = field(default_factory=Counter)  # unknown ratings, as written

    @property
    def rejected(self) -> int:
        """Records rejected (a record with two errors counts once)."""
        return len({p.index for p in self.problems if p.is_error and p.index})

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)

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
            "records": self.records,
            "verdicts": dict(self.verdicts.most_common()),
            "unrated_labels": dict(self.unrated.most_common()),
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
    if not numbered:
        _refuse_whole(problems)
    report = ImportReport(origin=origin, format=knowledge_format.name, problems=problems)
    report.records = len(numbered)
    with transaction.atomic():
        _upsert(numbered, knowledge_format, report, is_local)
    return report


def _refuse_whole(problems: list[Problem]) -> None:
    """An input with no record at all and a problem with the whole of it is refused."""
    whole = [p for p in problems if p.is_error and p.index == 0]
    if whole or not problems:
        raise ImportRefused("; ".join(p.reason for p in whole) or "no ClaimReview found")


def _read(source: str | Path | bytes, origin: str) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, origin
    path = Path(source)
    if not path.is_file():
        raise ImportRefused(f"{path}: no such file")
    data = path.read_bytes()
    if not data.strip():
        raise ImportRefused(f"{path}: the file is empty")
    return data, origin or str(path)


def _format(fmt: str | None, data: bytes, origin: str) -> KnowledgeFormat:
    if fmt is not None:
        if fmt not in FORMATS:
            raise ImportRefused(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
        return FORMATS[fmt]
    sniffed = next((f for f in FORMATS.values() if f.sniff and f.sniff(data)), None)
    if sniffed is not None:
        return sniffed
    suffix = Path(urlsplit(origin).path).suffix.lower()
    by_name = next((f for f in FORMATS.values() if suffix and suffix in f.extensions), None)
    if by_name is not None:
        return by_name
    looks_like_json = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[", b"<")
    return FORMATS["jsonld"] if looks_like_json else FORMATS["csv"]


Identity = tuple[str, str]  # (stored URL, claim key)


def identity(item: FactCheckData) -> Identity:
    """A fact-check is its URL together with its claim."""
    return factcheck_key(item.url), claim_key(item.claim_reviewed)


def _upsert(
    numbered: Numbered, knowledge_format: KnowledgeFormat, report: ImportReport, is_local: bool
) -> None:
    unique = _unique(numbered, report)
    existing = _existing(unique)
    for key, (index, item) in unique.items():
        reason = _too_long(key[0], item)
        if reason:
            report.problems.append(Problem(index, reason))
            continue
        _count(report, item)
        current = existing.get(key)
        values = _values(item, knowledge_format, current)
        if current is None:
            FactCheck.objects.create(url=key[0], is_local=is_local, **values)
            report.added += 1
        elif _apply(current, values):
            current.save()
            report.updated += 1
        else:
            report.unchanged += 1


def _count(report: ImportReport, item: FactCheckData) -> None:
    report.verdicts[item.verdict] += 1
    if item.verdict == Verdict.UNRATED:
        report.unrated[item.original_rating or "(no rating)"] += 1


def _existing(unique: dict[Identity, tuple[int, FactCheckData]]) -> dict[Identity, FactCheck]:
    """The stored fact-checks of these identities; a URL holding one fact-check, met in
    the input with one claim only, is that fact-check (its claim was edited)."""
    urls = {url for url, _ in unique}
    stored: dict[str, list[FactCheck]] = {}
    for factcheck in FactCheck.objects.filter(url__in=list(urls)):
        stored.setdefault(factcheck.url, []).append(factcheck)
    found = {(fc.url, fc.claim_key): fc for group in stored.values() for fc in group}
    per_url = Counter(url for url, _ in unique)
    for url, key in unique:
        group = stored.get(url, [])
        if (url, key) not in found and per_url[url] == 1 and len(group) == 1:
            found[(url, key)] = group[0]
    return found


def _unique(numbered: Numbered, report: ImportReport) -> dict[Identity, tuple[int, FactCheckData]]:
    """Records by identity; a second record with the same URL and claim is rejected."""
    unique: dict[Identity, tuple[int, FactCheckData]] = {}
    for index, item in numbered:
        key = identity(item)
        if key in unique:
            first = unique[key][0]
            reason = f"same URL and claim as record {first}: {key[0]}"
            report.problems.append(Problem(index, reason))
            continue
        unique[key] = (index, item)
    return unique


def _too_long(url: str, item: FactCheckData) -> str:
    limits = {name: _max_length(name) for name in ("url", *CHECKED_LENGTHS)}
    values = {"url": url, **{name: getattr(item, name) for name in CHECKED_LENGTHS}}
    for name, value in values.items():
        if len(value) > limits[name]:
            return f"{name} is longer than {limits[name]} characters"
    return ""


def _max_length(name: str) -> int:
    return int(getattr(FactCheck._meta.get_field(name), "max_length", None) or 10**9)


def _values(
    item: FactCheckData, knowledge_format: KnowledgeFormat, current: FactCheck | None
) -> dict[str, Any]:
    values = {FIELD_NAMES.get(name, name): getattr(item, name) for name in STORED_FIELDS}
    values["language"] = item.language or guess_language(item.claim_reviewed)
    # The model requires a publisher: a CSV row without one is the site's.
    values["publisher"] = item.publisher or urlsplit(item.url).hostname or ""
    if knowledge_format.carries_extra:
        values["extra"] = item.extra
    elif current is not None:
        values["evidence"] = _with_titles(item.evidence, current.evidence)
    keeps_written = current is not None and (current.is_local or not knowledge_format.carries_extra)
    if keeps_written:
        for name in AS_WRITTEN:
            values.pop(name)
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


def other_languages(limit: int = 12) -> list[str]:
    """The languages of the knowledge base other than Vietnamese (codes, most used first):
    search pages say that matching across languages is only approximate."""
    rows = (
        FactCheck.objects.exclude(language="")
        .exclude(language__istartswith="vi")
        .values_list("language")
        .annotate(n=Count("id"))
        .order_by("-n", "language")[:limit]
    )
    return [str(language) for language, _ in rows]


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
    export = FORMATS[fmt].export if fmt in FORMATS else None
    if export is None:
        raise ValueError(f"unknown format {fmt!r} (known: {', '.join(EXPORT_FORMATS)})")
    items = [factcheck_data(factcheck) for factcheck in queryset]
    return export(items, publisher_name, publisher_url)


def factcheck_data(factcheck: FactCheck) -> FactCheckData:
    """The plain data of a stored fact-check (ours carry no publisher's rating or author:
    the export writes our own)."""
    imported = not factcheck.is_local
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
        review_rating=_as_dict(factcheck.review_rating) if imported else {},
        author=(factcheck.review_author or {}) if imported else {},
        date_published=factcheck.date_published if imported else "",
    )


def _as_dict(value: Any) -> dict[str, Any]:
    return dict(value) if isinstance(value, dict) else {}


def _as_dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in value or [] if isinstance(item, dict)]
