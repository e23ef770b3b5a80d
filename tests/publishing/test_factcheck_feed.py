"""The Atom feed of our fact-checks: valid, and titled in Vietnamese."""

from __future__ import annotations

import feedparser
import pytest
from django.test import Client, override_settings

from kiemchung.claims.models import FactCheck
from kiemchung.publishing.services import publish_case
from kiemchung.testing.publishing import CLAIM, approved_case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def lexical_only() -> object:
    with override_settings(EMBEDDER="none"):
        yield


def test_the_feed_parses_and_carries_each_published_fact_check(client: Client) -> None:
    factcheck = publish_case(approved_case(summary="Tóm tắt <b>đậm</b> & rõ"))
    FactCheck.objects.create(url="https://other.example/a", claim_reviewed="Khác", verdict="true")
    response = client.get("/kiem-chung/feed.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert len(feed.entries) == 1
    entry = feed.entries[0]
    assert entry.title == f"Sai sự thật: {CLAIM}"
    assert entry.link.endswith(f"/kiem-chung/{factcheck.case.pk}/")
    assert entry.id == factcheck.url
    assert "Tóm tắt" in entry.summary
    assert "<b>" not in entry.summary  # staff's text is text, never markup
    assert entry.published_parsed is not None


def test_an_empty_feed_is_still_valid(client: Client) -> None:
    feed = feedparser.parse(client.get("/kiem-chung/feed.atom").content)
    assert not feed.bozo
    assert feed.entries == []
