"""ClaimReview JSON-LD: read other publishers' fact-checks and write our own.

Plain Python, no database. ``parse_claimreview`` finds every schema.org ClaimReview in a
JSON-LD document (a single object, an array, an ``@graph``, nested in a page's other
JSON-LD such as a NewsArticle's ``review``, or the ``<script type="application/ld+json">``
blocks of an HTML page) and maps it onto ``FactCheckData``, the shape of the
``FactCheck`` model. Other publishers' ratings are mapped onto our verdict scale by
``verdict_for_rating`` (the label tables of ``kiemchung.claims.ratings``, one data file
per language; a known word always wins over a number), then by ``verdict_for_number``
(only on a numeric scale we understand: ``ratings/scales.toml``). A rating neither
understands is kept as written with the verdict "unrated" and a warning, never dropped
nor guessed.

What the publisher wrote survives: the ``reviewRating`` object, the ``author`` (a person
stays a person, an organisation an organisation) and ``datePublished`` are kept as
written (``review_rating``, ``author``, ``date_published``), and ``to_claimreview`` gives
them back for an imported fact-check; only our own carry our 1-5 scale. Other ClaimReview
properties the model has no field for are kept in ``extra`` under their own name, the
unmapped parts of the claim under ``itemReviewed``.

Claims, not people (principles.md): the author of a reviewed claim is kept only when it is
an organisation, and objects typed ``Person`` are never stored in ``extra``. The byline of
a published fact-check (its ``author``) is public attribution, kept as published.

Only web addresses are accepted: a record whose ``url`` is not an absolute http(s) address
is rejected, any other such link (evidence, appearance, publisher) is left out with a
warning, and ``javascript:``, ``data:``, ``vbscript:`` and ``file:`` strings are removed
from ``extra``.
"""

from __future__ import annotations

import email.utils
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

from kiemchung.claims.ratings import rating_table

# The codes of ``kiemchung.claims.models.Verdict``, repeated here to keep this module free
# of Django; a test checks that both lists agree.
TRUE = "true"
MOSTLY_TRUE = "mostly_true"
MISLEADING = "misleading"
FALSE = "false"
UNVERIFIABLE = "unverifiable"
OUT_OF_SCOPE = "out_of_scope"
# An imported rating we could not read: not a verdict, the publisher's label is shown.
UNRATED = "unrated"
VERDICTS = (TRUE, MOSTLY_TRUE, MISLEADING, FALSE, UNVERIFIABLE, OUT_OF_SCOPE, UNRATED)

# The label we publish for each verdict (reviewRating.alternateName).
VERDICT_LABELS_VI = {
    TRUE: "Đúng",
    MOSTLY_TRUE: "Phần lớn đúng",
    MISLEADING: "Gây hiểu lầm",
    FALSE: "Sai sự thật",
    UNVERIFIABLE: "Chưa thể kiểm chứng",
    OUT_OF_SCOPE: "Ngoài phạm vi kiểm chứng",
    UNRATED: "Chưa xếp loại",
}

# The 1-5 scale we publish for the factual verdicts (Google asks for a numeric rating).
BEST_RATING = 5
WORST_RATING = 1
NUMERIC_RATINGS = {FALSE: 1, MISLEADING: 2, MOSTLY_TRUE: 4, TRUE: 5}

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
CONTEXT = "https://schema.org"
SCHEMA_PREFIXES = ("schema:", "http://schema.org/", "https://schema.org/")
ORGANIZATION_TYPES = frozenset(
    "Organization NewsMediaOrganization GovernmentOrganization NGO Corporation"
    " EducationalOrganization MedicalOrganization LocalBusiness OnlineBusiness"
    " ResearchOrganization Consortium".split()
)
RATING_NUMBERS = ("ratingValue", "bestRating", "worstRating")
# Properties of a ClaimReview that map onto model fields (the rest goes to ``extra``).
MAPPED = frozenset(
    "@context @type url claimReviewed reviewRating author datePublished inLanguage"
    " itemReviewed citation isBasedOn reviewBody".split()
)
LD_SCRIPT = re.compile(
    r"<script[^>]*type\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script>",
    re.IGNORECASE | re.DOTALL,
)
# Addresses never kept, even among the fields we do not map.
UNSAFE_SCHEME = re.compile(r"\s*(?:javascript|vbscript|data|file)\s*:", re.IGNORECASE)
JsonDict = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a record was rejected (error) or changed on the way in (warning).

    ``index`` is the record's number in its input, from 1 (the ClaimReview's position in
    a JSON-LD document, the line of a CSV row); 0 means the input as a whole.
    """

    index: int
    reason: str
    level: Literal["error", "warning"] = "error"

    @property
    def is_error(self) -> bool:
        return self.level == "error"

    def __str__(self) -> str:
        where = f"record {self.index}: " if self.index else ""
        return f"{where}{self.reason}" + (" (warning)" if not self.is_error else "")


@dataclass(frozen=True)
class FactCheckData:
    """One fact-check, as the ``FactCheck`` model stores it."""

    url: str
    claim_reviewed: str
    verdict: str
    original_rating: str = ""
    summary: str = ""
    publisher: str = ""
    publisher_url: str = ""
    published_at: datetime | None = None
    language: str = ""
    evidence: list[dict[str, str]] = field(default_factory=list)  # [{"url", "title"}]
    appearances: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    # As the publisher wrote them (empty for our own fact-checks):
    review_rating: dict[str, Any] = field(default_factory=dict)
    author: Any = field(default_factory=dict)  # an object or a list of them
    date_published: str = ""


# --- ratings ---------------------------------------------------------------------------


def verdict_for_rating(text: str) -> str | None:
    """Our verdict for a textual rating ("Missing context", "Sai sự thật", "Falso"), if known.

    A rating followed by an explanation ("False. The photo is from 2019", "FALSO: as
    imagens…") is matched by its leading label; a qualified one ("True, but…") is not.
    """
    return rating_table().verdict_for_label(text) if text.strip() else None


def verdict_for_number(
    value: object, best: object = None, worst: object = None, site: str = ""
) -> str | None:
    """Our verdict for ``value``, only on a scale we understand (``ratings/scales.toml``):
    the publisher's own (by ``site``), or the common 1-5 when both ``worst`` (1) and
    ``best`` (5) are given. Publishers' scales do not share a direction: "4 of 6" alone
    means nothing, and stays unrated.
    """
    rating, top, bottom = (_number(v) for v in (value, best, worst))
    if rating is None:
        return None
    scale = rating_table().scale_for(site, bottom, top)
    return scale.verdict(rating) if scale is not None else None


def _number(value: object) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(str(_scalar(value)).replace(",", "."))
    except ValueError:
        return None


# --- reading ---------------------------------------------------------------------------


def parse_claimreview(
    data: bytes | str, origin: str = ""
) -> tuple[list[FactCheckData], list[Problem]]:
    """Every ClaimReview of a JSON-LD document (or HTML page), and the problems found."""
    numbered, problems = parse_claimreview_numbered(data, origin)
    return [item for _, item in numbered], problems


def parse_claimreview_numbered(
    data: bytes | str, origin: str = ""
) -> tuple[list[tuple[int, FactCheckData]], list[Problem]]:
    """Like ``parse_claimreview``, each record with its number in the input (from 1)."""
    documents, problems = _load(data)
    found = parse_documents(documents, origin, problems)
    if not found and not problems:
        problems.append(Problem(0, "no ClaimReview found"))
    return found, problems


def parse_documents(
    documents: list[Any], origin: str, problems: list[Problem], number: int = 0
) -> list[tuple[int, FactCheckData]]:
    """The ClaimReviews of parsed JSON-LD documents, problems appended to ``problems``.

    Records are numbered from 1 in document order, or all given ``number`` (the record of
    a bigger input they come from, such as a saved page of a crawl).
    """
    nodes = [_normalize(document) for document in documents]
    ids = _node_ids(nodes)
    found: list[tuple[int, FactCheckData]] = []
    for index, node in enumerate(_find_reviews(nodes), start=1):
        reading = _Reading(number or index, origin, ids, problems)
        item = reading.record(node)
        if item is not None:
            found.append((number or index, item))
    return found


def json_ld_blocks(page: str) -> list[str]:
    """The contents of the ``<script type="application/ld+json">`` blocks of a page."""
    return [block.strip() for block in LD_SCRIPT.findall(page)]


def _load(data: bytes | str) -> tuple[list[Any], list[Problem]]:
    text = data.decode("utf-8-sig", errors="replace") if isinstance(data, bytes) else data
    text = text.lstrip("\ufeff").strip()
    if not text:
        return [], [Problem(0, "the input is empty")]
    blocks = LD_SCRIPT.findall(text) if text.startswith("<") else [text]
    if not blocks:
        return [], [Problem(0, "the page has no JSON-LD script")]
    documents: list[Any] = []
    problems: list[Problem] = []
    for block in blocks:
        try:
            documents.append(json.loads(block))
        except ValueError as exc:
            problems.append(Problem(0, f"not valid JSON: {exc}"))
    return documents, problems


def _normalize(value: Any) -> Any:
    """Keys and types without their schema.org prefix ("schema:name" -> "name")."""
    if isinstance(value, list):
        return [_normalize(item) for item in value]
    if not isinstance(value, dict):
        return value
    node = {_unprefix(str(key)): _normalize(item) for key, item in value.items()}
    if "@type" in node:
        node["@type"] = _normalize_types(node["@type"])
    return node


def _normalize_types(value: Any) -> Any:
    if isinstance(value, list):
        return [_unprefix(str(item)) for item in value]
    return _unprefix(str(value))


def _unprefix(name: str) -> str:
    for prefix in SCHEMA_PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def _types(node: Mapping[str, Any]) -> set[str]:
    value = node.get("@type", ())
    return {value} if isinstance(value, str) else {str(item) for item in value}


def _node_ids(nodes: Iterable[Any]) -> dict[str, JsonDict]:
    """Nodes that have an ``@id`` and more, to resolve bare ``{"@id": …}`` references."""
    ids: dict[str, JsonDict] = {}
    for node in _walk(nodes):
        if isinstance(node.get("@id"), str) and len(node) > 1:
            ids.setdefault(node["@id"], node)
    return ids


def _walk(value: Any) -> Iterator[JsonDict]:
    if isinstance(value, list):
        for item in value:
            yield from _walk(item)
    elif isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _walk(item)


def _find_reviews(value: Any) -> Iterator[JsonDict]:
    """ClaimReview nodes in document order (not looking inside a ClaimReview)."""
    if isinstance(value, list):
        for item in value:
            yield from _find_reviews(item)
    elif isinstance(value, dict):
        if "ClaimReview" in _types(value):
            yield value
            return
        for item in value.values():
            yield from _find_reviews(item)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _scalar(value: Any) -> Any:
    """The plain value of a JSON-LD value object or a one-item list."""
    while isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict) and "@value" in value:
        return value["@value"]
    return value


def _text(value: Any) -> str:
    value = _scalar(value)
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value).strip()
    return ""


def without_people(value: Any) -> Any:
    """``value`` with every object typed Person left out (least data, claims not people)."""
    if isinstance(value, list):
        return [without_people(item) for item in value if not _is_person(item)]
    if isinstance(value, dict):
        return {key: without_people(item) for key, item in value.items() if not _is_person(item)}
    return value


def without_unsafe_links(value: Any) -> Any:
    """``value`` without the strings that are script or local-file addresses."""
    if isinstance(value, list):
        return [without_unsafe_links(item) for item in value if not _is_unsafe(item)]
    if isinstance(value, dict):
        return {k: without_unsafe_links(v) for k, v in value.items() if not _is_unsafe(v)}
    return value


def _is_unsafe(value: Any) -> bool:
    # Browsers ignore tabs and new lines inside a scheme ("java\tscript:").
    return (
        isinstance(value, str) and UNSAFE_SCHEME.match(re.sub(r"[\t\r\n]", "", value)) is not None
    )


def _web_id(node: Mapping[str, Any]) -> str:
    """The node's ``@id`` when it is a web address (not a blank node or a URN)."""
    node_id = _text(node.get("@id"))
    return node_id if node_id.lower().startswith(("http://", "https://")) else ""


def _is_person(value: Any) -> bool:
    return isinstance(value, dict) and "Person" in _types(value)


def clean_url(url: str, origin: str = "") -> str | None:
    """An absolute http(s) URL (relative ones resolved against ``origin``), else None."""
    url = url.strip()
    if origin.startswith(("http://", "https://")):
        url = urljoin(origin, url)
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def parse_datetime(text: str) -> datetime | None:
    """A date, or a date and time, as publishers write them; None if it is not one.

    ISO 8601 ("2020-03-11", "2020-03-11T01:05:52Z", "…+07:00"), e-mail style ("Wed, 11
    Mar 2020 01:05:52 GMT", also with a named zone before the offset: "… UTC +00:00")
    and written-out dates ("11 March 2020", "March 11, 2020"). A time without an offset,
    or a date alone, is read as the wall-clock time written, in Vietnam time: the page
    shows the date and time the publisher wrote, never one shifted by the zone. The
    text as written is kept beside it (``date_published``) and exported unchanged.
    """
    text = " ".join(text.split())
    if not text:
        return None
    for reader in _DATE_READERS:
        moment = reader(text)
        if moment is not None:
            return moment if moment.tzinfo else moment.replace(tzinfo=VIETNAM)
    return None


_NAMED_ZONE = re.compile(r"\s*\b(?:UTC|GMT|Z)\s*(?=[+-]\d\d:?\d\d$)", re.IGNORECASE)
_TRAILING_ZONE = re.compile(r"\s*\b(?:UTC|GMT|Z)$", re.IGNORECASE)
_COLON_OFFSET = re.compile(r"([+-]\d\d):(\d\d)$")
_WRITTEN_DATES = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%d/%m/%Y")


def _iso(text: str) -> datetime | None:
    written = _NAMED_ZONE.sub("", text)
    written = _TRAILING_ZONE.sub("+00:00", written)
    try:
        return datetime.fromisoformat(written.replace("Z", "+00:00"))
    except ValueError:
        return None


def _email_style(text: str) -> datetime | None:
    written = _COLON_OFFSET.sub(r"\1\2", _NAMED_ZONE.sub(" ", text))
    try:
        return email.utils.parsedate_to_datetime(written)
    except (TypeError, ValueError, IndexError):
        return None


def _written_out(text: str) -> datetime | None:
    for pattern in _WRITTEN_DATES:
        try:
            return datetime.strptime(text, pattern)
        except ValueError:
            continue
    return None


def _iso_day_prefix(text: str) -> datetime | None:
    try:
        day = date.fromisoformat(text[:10])
    except ValueError:
        return None
    return datetime(day.year, day.month, day.day)


_DATE_READERS: tuple[Callable[[str], datetime | None], ...] = (
    _iso,
    _email_style,
    _written_out,
    _iso_day_prefix,
)


@dataclass
class _Rating:
    verdict: str
    original: str
    written: JsonDict  # the reviewRating object as the publisher wrote it


@dataclass
class _Reading:
    """Turns one ClaimReview node into ``FactCheckData``, noting problems as it goes."""

    index: int
    origin: str
    ids: dict[str, JsonDict]
    problems: list[Problem]

    def record(self, node: JsonDict) -> FactCheckData | None:
        url = self.url(node)
        claim = _text(node.get("claimReviewed"))
        if not claim:
            self.error("the ClaimReview has no claimReviewed")
        if url is None or not claim:
            return None
        rating = self.rating(node, url)
        publisher, publisher_url = self.publisher(node, url)
        summary, summary_key = self.summary(node, rating)
        published = self.published(node)
        return FactCheckData(
            url=url,
            claim_reviewed=claim,
            verdict=rating.verdict,
            original_rating=rating.original,
            summary=summary,
            publisher=publisher,
            publisher_url=publisher_url,
            published_at=published,
            language=_language(node.get("inLanguage")),
            evidence=self.evidence(node),
            appearances=self.appearances(node),
            extra=self.unmapped(node, summary_key),
            review_rating=rating.written,
            author=self.written_author(node),
            date_published=_text(node.get("datePublished")) if published else "",
        )

    def error(self, reason: str) -> None:
        self.problems.append(Problem(self.index, reason))

    def warn(self, reason: str) -> None:
        self.problems.append(Problem(self.index, reason, "warning"))

    def resolve(self, value: Any) -> Any:
        if isinstance(value, dict) and set(value) == {"@id"}:
            return self.ids.get(str(value["@id"]), value)
        return value

    def url(self, node: JsonDict) -> str | None:
        written = _text(node.get("url"))
        if not written and self.origin.startswith(("http://", "https://")):
            self.warn("the ClaimReview has no url: the page's address is used")
            written = self.origin
        if not written:
            self.error("the ClaimReview has no url")
            return None
        url = clean_url(written, self.origin)
        if url is None:
            self.error(f"the url is not an absolute http(s) address: {written!r}")
        return url

    def rating(self, node: JsonDict, url: str) -> _Rating:
        """The verdict: a known word first, then a number on a scale we understand,
        else "unrated" with the publisher's label kept (and a warning)."""
        raw = self.resolve(_scalar(node.get("reviewRating")))
        if isinstance(raw, str) and raw.strip():
            raw = {"@type": "Rating", "alternateName": raw}
        if not isinstance(raw, dict):
            self.warn("the ClaimReview has no reviewRating: kept as unrated")
            return _Rating(UNRATED, "", {})
        written = {"@type": "Rating", **_safe_dict(raw)}
        text = _text(raw.get("alternateName")) or _text(raw.get("name"))
        verdict = verdict_for_rating(text)
        if verdict is not None:
            return _Rating(verdict, text, written)
        numbers = [raw.get(name) for name in RATING_NUMBERS]
        value, best, worst = numbers
        verdict = verdict_for_number(value, best, worst, site=_site(url))
        original = text or _number_label(numbers)
        if verdict is None:
            verdict = UNRATED
            self.warn(f"unknown rating {original!r}: kept as unrated")
        return _Rating(verdict, original, written)

    def publisher(self, node: JsonDict, url: str) -> tuple[str, str]:
        chosen = self.reviewer(node)
        name = _text(chosen.get("name")) if isinstance(chosen, dict) else _text(chosen)
        if not name:
            name = urlsplit(url).hostname or ""
            self.warn(f"the ClaimReview names no organisation as author: site {name!r} used")
        link = _text(chosen.get("url")) if isinstance(chosen, dict) else ""
        return name, self.checked_url(link, "publisher url") or ""

    def reviewer(self, node: JsonDict) -> Any:
        """The reviewing organisation: an organisation among the authors, else the
        publisher, else the first author that is not a person (a bare name)."""
        authors = [self.resolve(item) for item in _as_list(node.get("author"))]
        publishers = [self.resolve(item) for item in _as_list(node.get("publisher"))]
        candidates = [a for a in authors if _is_organization(a)]
        candidates += [p for p in publishers if isinstance(p, dict) and not _is_person(p)]
        candidates += [a for a in authors if _text(a) or _is_untyped(a)]
        return candidates[0] if candidates else None

    def summary(self, node: JsonDict, rating: _Rating) -> tuple[str, str]:
        for key in ("reviewBody", "description"):
            if _text(node.get(key)):
                return _text(node[key]), key
        explanation = _text(rating.written.get("ratingExplanation", ""))
        return explanation, ""

    def published(self, node: JsonDict) -> datetime | None:
        written = _text(node.get("datePublished"))
        moment = parse_datetime(written) if written else None
        if written and moment is None:
            self.warn(f"datePublished is not a date: {written!r}")
        return moment

    def evidence(self, node: JsonDict) -> list[dict[str, str]]:
        links: dict[str, str] = {}
        for item in _as_list(node.get("citation")) + _as_list(node.get("isBasedOn")):
            url, title = self.link(item, "evidence link")
            if url and url not in links:
                links[url] = title
        return [{"url": url, "title": title} for url, title in links.items()]

    def link(self, item: Any, what: str) -> tuple[str | None, str]:
        item = self.resolve(item)
        if not isinstance(item, dict):
            return self.checked_url(_text(item), what), ""
        url = _text(item.get("url")) or _web_id(item)
        title = _text(item.get("name")) or _text(item.get("headline"))
        return self.checked_url(url, what), title

    def checked_url(self, written: str, what: str) -> str | None:
        """``written`` as an absolute http(s) URL; a warning when it is refused."""
        if not written:
            return None
        url = clean_url(written, self.origin)
        if url is None:
            self.warn(f"{what} left out, not an absolute http(s) address: {written!r}")
        return url

    def claim(self, node: JsonDict) -> JsonDict:
        item = self.resolve(_scalar(node.get("itemReviewed")))
        return item if isinstance(item, dict) else {}

    def appearances(self, node: JsonDict) -> list[str]:
        claim = self.claim(node)
        found: list[str] = []
        for item in _as_list(claim.get("firstAppearance")) + _as_list(claim.get("appearance")):
            url, _ = self.link(item, "appearance")
            if url and url not in found:
                found.append(url)
        return found

    def claim_extra(self, node: JsonDict) -> JsonDict:
        claim = self.claim(node)
        kept = _leftover(claim, {"@type", "@id", "appearance", "firstAppearance", "author"})
        organizations = [_organization(self.resolve(a)) for a in _as_list(claim.get("author"))]
        organizations = [org for org in organizations if org]
        if organizations:
            kept["author"] = organizations[0] if len(organizations) == 1 else organizations
        return kept

    def written_author(self, node: JsonDict) -> Any:
        """The review's author as published (people included: a byline is public)."""
        authors = [_safe(self.resolve(item)) for item in _as_list(node.get("author"))]
        authors = [a for a in authors if isinstance(a, dict) or _text(a)]
        if not authors:
            return {}
        return authors[0] if len(authors) == 1 else authors

    def unmapped(self, node: JsonDict, summary_key: str) -> JsonDict:
        kept = {k: v for k, v in node.items() if k not in MAPPED and k != summary_key}
        if summary_key == "description" and "reviewBody" in node:
            kept["reviewBody"] = node["reviewBody"]
        reviewer = self.reviewer(node)
        publishers = [self.resolve(p) for p in _as_list(node.get("publisher"))]
        if isinstance(reviewer, dict) and reviewer in publishers:
            kept.pop("publisher", None)
        kept["itemReviewed"] = self.claim_extra(node)
        cleaned = without_people({key: value for key, value in kept.items() if value != {}})
        safe = without_unsafe_links(cleaned)
        if safe != cleaned:
            self.warn("links with a javascript:, data:, vbscript: or file: address left out")
        return safe if isinstance(safe, dict) else {}


def _safe(value: Any) -> Any:
    return without_unsafe_links(value)


def _safe_dict(value: JsonDict) -> JsonDict:
    safe = without_unsafe_links(value)
    return safe if isinstance(safe, dict) else {}


def _site(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


def _leftover(node: JsonDict, used: set[str]) -> JsonDict:
    return {key: value for key, value in node.items() if key not in used}


def _number_label(numbers: list[Any]) -> str:
    value, best, worst = (_text(number) for number in numbers)
    if not value:
        return ""
    if best and worst:
        return f"{value} ({worst}-{best})"
    return f"{value} / {best}" if best else value


def _is_organization(value: Any) -> bool:
    return isinstance(value, dict) and bool(_types(value) & ORGANIZATION_TYPES)


def _is_untyped(value: Any) -> bool:
    return isinstance(value, dict) and "@type" not in value and bool(_text(value.get("name")))


def _organization(value: Any) -> JsonDict | None:
    """Type, name and link of an organisation; None for a person or an untyped name."""
    if not _is_organization(value) or _is_person(value) or not _text(value.get("name")):
        return None
    kept = {"@type": value["@type"], "name": _text(value["name"])}
    if _text(value.get("url")):
        kept["url"] = _text(value["url"])
    return kept


def _language(value: Any) -> str:
    value = _scalar(value)
    if isinstance(value, dict):
        return _text(value.get("alternateName")) or _text(value.get("name"))
    return _text(value)


# --- writing ---------------------------------------------------------------------------


def rating_label(item: FactCheckData) -> str:
    """The publisher's own words when they mean our verdict (or when we could not read
    them), else our Vietnamese label."""
    if item.verdict == UNRATED and item.original_rating:
        return item.original_rating
    if verdict_for_rating(item.original_rating) == item.verdict:
        return item.original_rating
    return VERDICT_LABELS_VI[item.verdict]


def to_claimreview(
    item: FactCheckData, publisher_name: str = "", publisher_url: str = ""
) -> JsonDict:
    """ClaimReview JSON-LD for ``item``, with the fields Google asks for.

    An imported fact-check gives back the publisher's own ``reviewRating``, ``author``
    and ``datePublished`` as written; our own carry our label and 1-5 scale.
    ``publisher_name`` and ``publisher_url`` are the organisation publishing the markup:
    the author when the fact-check has none of its own, else named as ``sdPublisher``.
    """
    extra = dict(item.extra)
    document: JsonDict = {"@context": CONTEXT, "@type": "ClaimReview"}
    document["url"] = item.url
    document["claimReviewed"] = item.claim_reviewed
    document["itemReviewed"] = _claim_json(item, extra.pop("itemReviewed", {}))
    author_leftover, rating_leftover = extra.pop("author", {}), extra.pop("reviewRating", {})
    document["author"] = item.author or _author_json(
        item, author_leftover, publisher_name, publisher_url
    )
    document["reviewRating"] = item.review_rating or _rating_json(item, rating_leftover)
    _set_optional(document, item)
    if publisher_name and item.publisher and publisher_name != item.publisher:
        document["sdPublisher"] = _organization_json(publisher_name, publisher_url)
    return _merged(document, extra)


def _set_optional(document: JsonDict, item: FactCheckData) -> None:
    if item.date_published:
        document["datePublished"] = item.date_published
    elif item.published_at is not None:
        document["datePublished"] = item.published_at.astimezone(VIETNAM).isoformat()
    if item.language:
        document["inLanguage"] = item.language
    if item.summary:
        document["reviewBody"] = item.summary
    if item.evidence:
        document["citation"] = [_creative_work(e["url"], e.get("title", "")) for e in item.evidence]


def _rating_json(item: FactCheckData, leftover: Mapping[str, Any]) -> JsonDict:
    rating: JsonDict = {"@type": "Rating", "alternateName": rating_label(item)}
    number = NUMERIC_RATINGS.get(item.verdict)
    if number is not None:
        rating.update(ratingValue=number, bestRating=BEST_RATING, worstRating=WORST_RATING)
    unscaled = {key: value for key, value in leftover.items() if key not in RATING_NUMBERS}
    return _merged(rating, unscaled)


def _author_json(
    item: FactCheckData, leftover: Mapping[str, Any], default_name: str, default_url: str
) -> JsonDict:
    name = item.publisher or default_name
    url = item.publisher_url if item.publisher else default_url
    return _merged(_organization_json(name, url), leftover)


def _organization_json(name: str, url: str) -> JsonDict:
    organization: JsonDict = {"@type": "Organization", "name": name}
    if url:
        organization["url"] = url
    return organization


def _claim_json(item: FactCheckData, leftover: Mapping[str, Any]) -> JsonDict:
    claim = _merged({"@type": "Claim"}, leftover)
    if item.appearances:
        claim["appearance"] = [_creative_work(url) for url in item.appearances]
    return claim


def _merged(generated: JsonDict, leftover: Mapping[str, Any]) -> JsonDict:
    """``generated`` followed by the kept properties it does not set itself."""
    return {**generated, **{k: v for k, v in leftover.items() if k not in generated}}


def _creative_work(url: str, title: str = "") -> JsonDict:
    work: JsonDict = {"@type": "CreativeWork", "url": url}
    if title:
        work["name"] = title
    return work


def export_claimreview(
    items: Iterable[FactCheckData], publisher_name: str = "", publisher_url: str = ""
) -> str:
    """A JSON array of ClaimReview objects, readable (indented, not ASCII-escaped)."""
    documents = [to_claimreview(item, publisher_name, publisher_url) for item in items]
    return json.dumps(documents, ensure_ascii=False, indent=2) + "\n"
