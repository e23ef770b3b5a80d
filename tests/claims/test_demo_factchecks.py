"""The demo knowledge base fact-checks every rumour of the demo corpus, consistently."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest

import kiemchung.claims
import kiemchung.demo
from kiemchung.claims.claimreview import (
    VERDICTS,
    FactCheckData,
    Problem,
    export_claimreview,
    parse_claimreview,
    verdict_for_rating,
)
from kiemchung.claims.knowledge import import_factchecks
from kiemchung.claims.models import FactCheck
from kiemchung.text.normalize import ascii_key

DEMO_DATA = Path(kiemchung.claims.__file__).parent / "demo_data"
KB = DEMO_DATA / "factchecks.jsonld"
OTHER = DEMO_DATA / "factchecks_other_publisher.jsonld"
CORPUS = Path(kiemchung.demo.__file__).parent / "data" / "corpus.jsonl"
MISINFORMATION = {"scam", "fake_notice", "health_hoax", "disaster_rumour", "price_policy_rumour"}
STORY_KEY = "kiemchungDemoStory"
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


@cache
def corpus() -> tuple[dict[str, Any], ...]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return tuple(json.loads(line) for line in lines if line.strip())


@cache
def stories() -> dict[str, dict[str, Any]]:
    """Each story's theme, verdict, URLs and (for rumours) the URLs of its correction."""
    found: dict[str, dict[str, Any]] = {}
    for doc in corpus():
        story = found.setdefault(
            doc["story"], {"theme": doc["theme"], "verdict": doc["verdict"], "urls": set()}
        )
        story["urls"].add(doc["url"])
    for doc in corpus():
        if doc.get("related_story"):
            found[doc["related_story"]].setdefault("corrections", set()).add(doc["url"])
    return found


def misinformation_stories() -> list[str]:
    return sorted(slug for slug, s in stories().items() if s["theme"] in MISINFORMATION)


@cache
def knowledge_base() -> tuple[list[FactCheckData], list[Problem]]:
    return parse_claimreview(KB.read_bytes())


def records() -> list[FactCheckData]:
    return knowledge_base()[0]


def of_story(slug: str) -> list[FactCheckData]:
    return [item for item in records() if item.extra.get(STORY_KEY) == slug]


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", ascii_key(text)))


def test_the_demo_knowledge_base_has_at_least_60_valid_records() -> None:
    items, problems = knowledge_base()
    assert problems == []
    assert len(items) >= 60
    assert len({item.url for item in items}) == len(items)


def test_every_verdict_of_the_scale_is_represented() -> None:
    found = Counter(item.verdict for item in records())
    assert set(found) == set(VERDICTS) - {"unrated"}
    assert min(found.values()) >= 3


def test_the_ratings_are_varied_vietnamese_labels_that_mean_their_verdict() -> None:
    labels = {item.original_rating for item in records()}
    assert len(labels) >= 15
    for item in records():
        assert verdict_for_rating(item.original_rating) == item.verdict, item.url


def test_every_record_is_complete_vietnamese_and_published_in_hoa_lam() -> None:
    for item in records():
        assert item.language == "vi"
        assert len(item.claim_reviewed) > 20
        assert len(item.summary) > 80, item.url
        assert "Hòa Lâm" in item.publisher
        assert item.publisher_url.endswith(".example/")
        assert item.published_at is not None
        start, end = datetime(2025, 6, 1, tzinfo=VIETNAM), datetime(2026, 12, 1, tzinfo=VIETNAM)
        assert start <= item.published_at < end, item.url


def all_links(item: FactCheckData) -> list[str]:
    extra = re.findall(r"https?://[^\"\s]+", json.dumps(item.extra))
    return [
        item.url,
        item.publisher_url,
        *(e["url"] for e in item.evidence),
        *item.appearances,
        *extra,
    ]


def test_every_link_uses_the_reserved_example_domain() -> None:
    for item in records():
        for link in all_links(item):
            assert (urlsplit(link).hostname or "").endswith(".example"), link


def test_no_private_account_of_the_corpus_is_named_in_the_knowledge_base() -> None:
    text = KB.read_text(encoding="utf-8")
    handles = {doc["account"] for doc in corpus() if doc["account_kind"] == "private"}
    assert handles
    assert [handle for handle in handles if handle in text] == []


@pytest.mark.parametrize("slug", misinformation_stories())
def test_every_misinformation_story_has_a_consistent_fact_check(slug: str) -> None:
    story = stories()[slug]
    checks = of_story(slug)
    assert checks, f"no fact-check for {slug}"
    for item in checks:
        assert item.verdict == story["verdict"], item.url
        assert item.appearances, item.url
        assert set(item.appearances) <= story["urls"], item.url


@pytest.mark.parametrize("slug", misinformation_stories())
def test_a_fact_check_cites_the_official_correction_where_there_is_one(slug: str) -> None:
    corrections = stories()[slug].get("corrections", set())
    cited = {e["url"] for item in of_story(slug) for e in item.evidence}
    assert cited, slug
    if corrections:
        assert cited & corrections, slug


@pytest.mark.parametrize("slug", misinformation_stories())
def test_the_claim_reviewed_paraphrases_the_rumour_as_it_was_posted(slug: str) -> None:
    posts = {doc["url"]: doc for doc in corpus() if doc["story"] == slug}

    def overlap(item: FactCheckData) -> float:
        claim = words(item.claim_reviewed)
        texts = [posts[url]["text"] + " " + posts[url].get("title", "") for url in item.appearances]
        return max(len(claim & words(text)) / len(claim) for text in texts)

    assert max(overlap(item) for item in of_story(slug)) >= 0.8


def test_the_other_stories_are_checked_as_true_or_out_of_scope() -> None:
    expected = {"true_news": {"true", "mostly_true"}, "opinion": {"out_of_scope"}}
    linked = [item for item in records() if item.extra.get(STORY_KEY)]
    for item in linked:
        story = stories()[item.extra[STORY_KEY]]
        if story["theme"] not in MISINFORMATION:
            assert item.verdict in expected[story["theme"]], item.url


def test_older_rumours_outside_the_corpus_are_included() -> None:
    older = [item for item in records() if STORY_KEY not in item.extra]
    assert len(older) >= 20
    assert min(item.published_at for item in older if item.published_at).year == 2025
    corpus_urls = {doc["url"] for doc in corpus()}
    assert all(not set(item.appearances) & corpus_urls for item in older)


def test_claim_authors_in_the_knowledge_base_are_organisations_only() -> None:
    authors = [
        item.extra["itemReviewed"]["author"]
        for item in records()
        if "author" in item.extra.get("itemReviewed", {})
    ]
    assert authors
    assert all(author["@type"] != "Person" for author in authors)


def test_the_demo_knowledge_base_survives_an_export_round_trip() -> None:
    assert parse_claimreview(export_claimreview(records())) == (records(), [])


# --- another publisher ------------------------------------------------------------------


def test_another_publishers_file_maps_onto_our_scale() -> None:
    items, problems = parse_claimreview(OTHER.read_bytes())
    by_slug = {item.url.rsplit("/", 1)[-1]: item for item in items}
    assert {slug: (i.verdict, i.original_rating) for slug, i in by_slug.items()} == {
        "suoi-may-dam-collapse-video": ("false", "False"),
        "vinh-hung-school-lunch": ("misleading", "Missing context"),
        "ngan-giang-2-bridge-shortcut": ("mostly_true", "4 (1-5)"),
        "hot-lemon-water-cancer": ("unrated", "Zombie claim"),
        "category-17-super-typhoon": ("false", "Pants on Fire"),
    }
    assert [(p.index, p.level) for p in problems] == [(4, "warning")]
    assert {item.publisher for item in items} == {"Southeast Asia Fact Desk"}
    assert {item.language for item in items} == {"en"}


def test_another_publishers_person_authors_are_not_kept() -> None:
    assert "Nguyễn Văn A" in OTHER.read_text(encoding="utf-8")
    items, _ = parse_claimreview(OTHER.read_bytes())
    stored = json.dumps([item.extra for item in items], ensure_ascii=False)
    assert "Nguyễn Văn A" not in stored
    assert "Tin Nóng 24/7 TV" in stored


# --- database ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_demo_files_import_once_and_then_change_nothing() -> None:
    first = [import_factchecks(KB), import_factchecks(OTHER)]
    assert [(r.added, r.rejected) for r in first] == [(len(records()), 0), (5, 0)]
    again = [import_factchecks(KB), import_factchecks(OTHER)]
    assert [(r.added, r.updated, r.unchanged) for r in again] == [
        (0, 0, len(records())),
        (0, 0, 5),
    ]
    assert FactCheck.objects.count() == len(records()) + 5
    stored = FactCheck.objects.filter(extra__kiemchungDemoStory="xang-tang-gia-gap-doi")
    assert stored.count() >= 1
