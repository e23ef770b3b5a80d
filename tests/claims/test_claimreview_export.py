"""What the publisher wrote survives: rating, author, date; a fact-check is URL and claim."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from kiemchung.claims.knowledge import export_factchecks, import_factchecks
from kiemchung.claims.models import FactCheck

pytestmark = pytest.mark.django_db

URL = "https://checks.example/debate-round-up"
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def review(claim: str = "The council spent more on parties than on parks.", **changes: Any) -> Any:
    node: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": URL,
        "claimReviewed": claim,
        "author": {"@type": "Organization", "name": "Example Checks"},
        "reviewRating": {"@type": "Rating", "alternateName": "False"},
        "datePublished": "2026-03-11T08:00:00+07:00",
    }
    node.update(changes)
    return node


def load(*nodes: Any) -> Any:
    return import_factchecks(json.dumps(list(nodes), ensure_ascii=False).encode())


def exported() -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = json.loads(export_factchecks(FactCheck.objects.order_by("pk")))
    return result


# --- the publisher's rating and author ------------------------------------------------


def test_an_imported_rating_is_exported_as_the_publisher_wrote_it() -> None:
    rating = {
        "@type": "Rating",
        "ratingValue": 4,
        "bestRating": 6,
        "worstRating": 1,
        "alternateName": "Falso",
    }
    load(review(reviewRating=rating))
    (document,) = exported()
    assert document["reviewRating"] == rating
    assert FactCheck.objects.get().verdict == "false"


def test_an_unrated_record_is_exported_with_its_own_label_not_ours() -> None:
    load(review(reviewRating={"@type": "Rating", "ratingValue": 7, "bestRating": 9}))
    (document,) = exported()
    assert document["reviewRating"] == {"@type": "Rating", "ratingValue": 7, "bestRating": 9}


@pytest.mark.parametrize(
    "author",
    [
        {"@type": "Person", "name": "Jo Example", "url": "https://checks.example/staff/jo"},
        {"@type": "NewsMediaOrganization", "name": "Example Checks", "sameAs": "https://x.ex"},
        [
            {"@type": "Person", "name": "Jo Example"},
            {"@type": "Organization", "name": "Example Checks"},
        ],
    ],
    ids=["a person", "an organisation", "both"],
)
def test_the_author_is_exported_as_published(author: Any) -> None:
    load(review(author=author))
    (document,) = exported()
    assert document["author"] == author


def test_our_own_fact_checks_carry_our_label_and_scale() -> None:
    load(review(reviewRating={"@type": "Rating", "alternateName": "Falso", "ratingValue": 4}))
    FactCheck.objects.update(is_local=True)
    (document,) = exported()
    rating = document["reviewRating"]
    assert (rating["ratingValue"], rating["bestRating"], rating["worstRating"]) == (1, 5, 1)
    assert document["author"]["@type"] == "Organization"


def test_re_importing_an_export_changes_nothing() -> None:
    load(review(author={"@type": "Person", "name": "Jo Example"}), review("Crime fell by half."))
    again = import_factchecks(export_factchecks(FactCheck.objects.all()).encode())
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)


# --- identity: URL and claim -------------------------------------------------------------


def test_one_article_reviewing_several_claims_keeps_each_claim() -> None:
    report = load(review(), review("Crime in the harbour district fell by half."))
    assert (report.added, report.rejected) == (2, 0)
    assert FactCheck.objects.filter(url=URL).count() == 2


def test_re_importing_several_claims_of_one_article_changes_nothing() -> None:
    nodes = [review(), review("Crime in the harbour district fell by half.")]
    load(*nodes)
    again = load(*nodes)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)


def test_the_same_claim_twice_in_one_input_is_rejected_once() -> None:
    report = load(review(), review("  THE COUNCIL spent more on parties than on parks. "))
    assert (report.added, report.rejected) == (1, 1)
    assert "same URL and claim as record 1" in report.errors[0].reason


def test_a_claim_edited_at_its_url_updates_the_fact_check() -> None:
    load(review())
    report = load(review("The council spent more on parties than on its parks."))
    assert (report.added, report.updated) == (0, 1)
    assert FactCheck.objects.get().claim_reviewed.endswith("on its parks.")


# --- long ratings and dates --------------------------------------------------------------


def test_a_rating_longer_than_200_characters_is_kept() -> None:
    long_rating = "Misleading: " + "the figure covers five years, not one; " * 8
    report = load(review(reviewRating={"@type": "Rating", "alternateName": long_rating}))
    assert report.rejected == 0
    stored = FactCheck.objects.get()
    assert (stored.verdict, stored.original_rating) == ("misleading", long_rating.strip())


def test_a_date_with_a_named_zone_is_read() -> None:
    written = "Wed, 11 Mar 2020 01:05:52 UTC +00:00"
    report = load(review(datePublished=written))
    assert report.warnings == []
    stored = FactCheck.objects.get()
    assert stored.published_at == datetime(2020, 3, 11, 1, 5, 52, tzinfo=ZoneInfo("UTC"))
    assert exported()[0]["datePublished"] == written


@pytest.mark.parametrize("written", ["2026-03-11T23:30:00", "2026-03-11"])
def test_a_date_without_offset_is_not_shifted(written: str) -> None:
    load(review(datePublished=written))
    stored = FactCheck.objects.get()
    assert stored.published_at is not None
    local = stored.published_at.astimezone(VIETNAM)
    assert local.date().isoformat() == "2026-03-11"
    assert local.strftime("%H:%M") == (written[11:16] or "00:00")
    assert exported()[0]["datePublished"] == written
