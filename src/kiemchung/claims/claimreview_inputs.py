"""Fact-checks in the shapes people have besides plain JSON-LD, read as they are.

- **Saved pages** (``pages``): records ``{"url": …, "page": "<html>…"}``, one JSON object
  a line (JSON lines) or a JSON array of them, as crawlers save them. The ClaimReviews of
  each page's ``<script type="application/ld+json">`` blocks are read (``@graph``, arrays
  and nesting included) with the page's ``url`` resolving relative links. A record is a
  page: every problem names its line (or its position in the array).
- **The Fact Check Tools API** (``factcheck-api``): the JSON of Google's ``claims:search``
  (``{"claims": [{"text", "claimant", "claimDate", "claimReview": [{"publisher": {"name",
  "site"}, "url", "title", "reviewDate", "textualRating", "languageCode"}]}]}``), one
  response or an array of responses. A record is a claim; each of its reviews becomes a
  fact-check. The claimant is not kept: the API does not say whether it is a person
  (claims, not people), and the ``title`` is kept as the review's ``name``.

Both are turned into ClaimReview nodes and read by ``claimreview.parse_documents``, so a
record is checked exactly as a JSON-LD one is.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from kiemchung.claims.claimreview import (
    FactCheckData,
    Problem,
    json_ld_blocks,
    parse_documents,
)

Numbered = list[tuple[int, FactCheckData]]
JsonDict = dict[str, Any]


def _text(data: bytes | str) -> str:
    text = data.decode("utf-8-sig", errors="replace") if isinstance(data, bytes) else data
    return text.lstrip("\ufeff").strip()


# --- saved pages ---------------------------------------------------------------------


def parse_pages_numbered(data: bytes | str, origin: str = "") -> tuple[Numbered, list[Problem]]:
    """The ClaimReviews of saved-page records, each numbered by its page's record."""
    problems: list[Problem] = []
    text = _text(data)
    if not text:
        return [], [Problem(0, "the input is empty")]
    found: Numbered = []
    for number, record in _page_records(text, problems):
        found += _page_reviews(number, record, problems)
    if not found and not any(p.is_error and p.index == 0 for p in problems):
        problems.append(Problem(0, "no ClaimReview found in any page"))
    return found, problems


def _page_records(text: str, problems: list[Problem]) -> Iterator[tuple[int, Any]]:
    if text.startswith("["):
        try:
            records = json.loads(text)
        except ValueError as exc:
            problems.append(Problem(0, f"not valid JSON: {exc}"))
            return
        yield from enumerate(records if isinstance(records, list) else [records], start=1)
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except ValueError as exc:
            problems.append(Problem(number, f"not valid JSON: {exc}"))


def _page_reviews(number: int, record: Any, problems: list[Problem]) -> Numbered:
    if not isinstance(record, dict) or not isinstance(record.get("page"), str):
        problems.append(Problem(number, 'not a saved page: no "page" text'))
        return []
    url = str(record["url"]) if isinstance(record.get("url"), str) else ""
    documents = []
    for block in json_ld_blocks(record["page"]):
        try:
            documents.append(json.loads(block))
        except ValueError as exc:
            problems.append(Problem(number, f"a JSON-LD block is not valid JSON: {exc}"))
    found = parse_documents(documents, url, problems, number)
    if not found and not any(p.index == number and p.is_error for p in problems):
        problems.append(Problem(number, "no ClaimReview in the page"))
    return found


def looks_like_pages(data: bytes) -> bool:
    """The first record is an object with a "page" text."""
    first = _first_record(_text(data))
    return isinstance(first, dict) and isinstance(first.get("page"), str)


# --- the Fact Check Tools API ----------------------------------------------------------


def parse_factcheck_api_numbered(
    data: bytes | str, origin: str = ""
) -> tuple[Numbered, list[Problem]]:
    """The reviews of a ``claims:search`` response, each numbered by its claim."""
    text = _text(data)
    if not text:
        return [], [Problem(0, "the input is empty")]
    try:
        loaded = json.loads(text)
    except ValueError as exc:
        return [], [Problem(0, f"not valid JSON: {exc}")]
    responses = loaded if isinstance(loaded, list) else [loaded]
    claims = [c for r in responses if isinstance(r, dict) for c in _as_list(r.get("claims"))]
    problems: list[Problem] = []
    found: Numbered = []
    for number, claim in enumerate(claims, start=1):
        nodes = _claim_reviews(number, claim, problems)
        found += parse_documents(nodes, origin, problems, number)
    if not claims:
        problems.append(Problem(0, 'no claims: not a Fact Check Tools "claims:search" response'))
    return found, problems


def _claim_reviews(number: int, claim: Any, problems: list[Problem]) -> list[JsonDict]:
    if not isinstance(claim, dict):
        problems.append(Problem(number, "the claim is not an object"))
        return []
    reviews = [r for r in _as_list(claim.get("claimReview")) if isinstance(r, dict)]
    if not reviews:
        problems.append(Problem(number, "the claim has no claimReview"))
    return [_review_node(claim, review) for review in reviews]


def _review_node(claim: JsonDict, review: JsonDict) -> JsonDict:
    """One API review as the ClaimReview JSON-LD node it stands for."""
    node: JsonDict = {"@type": "ClaimReview", "url": review.get("url", "")}
    node["claimReviewed"] = claim.get("text", "")
    written = review.get("publisher")
    publisher: JsonDict = written if isinstance(written, dict) else {}
    author = {"@type": "Organization", "name": publisher.get("name") or publisher.get("site")}
    if publisher.get("site"):
        author["url"] = f"https://{str(publisher['site']).strip('/')}"
    if author["name"]:
        node["author"] = author
    if review.get("textualRating"):
        node["reviewRating"] = {"@type": "Rating", "alternateName": review["textualRating"]}
    optional = {
        "datePublished": review.get("reviewDate"),
        "inLanguage": review.get("languageCode"),
        "name": review.get("title"),
    }
    node.update({key: value for key, value in optional.items() if value})
    if claim.get("claimDate"):
        node["itemReviewed"] = {"@type": "Claim", "datePublished": claim["claimDate"]}
    return node


def looks_like_factcheck_api(data: bytes) -> bool:
    """A JSON object (or the first of an array) with a "claims" list."""
    first = _first_record(_text(data))
    return isinstance(first, dict) and isinstance(first.get("claims"), list)


# --- helpers ---------------------------------------------------------------------------


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _first_record(text: str) -> Any:
    """The whole JSON value's first item, or the first line's JSON value; None if neither."""
    if not text.startswith(("{", "[")):
        return None
    try:
        value = json.loads(text)
    except ValueError:
        try:
            value = json.loads(text.split("\n", 1)[0])
        except ValueError:
            return None
    if isinstance(value, list):
        return value[0] if value else None
    return value
