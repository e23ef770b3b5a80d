"""Published guides are in the Atom feed with the fact-checks; drafts are not."""

from __future__ import annotations

import feedparser
import pytest
from django.test import Client

from kiemchung.claims.models import FactCheck
from kiemchung.guides.models import Guide

pytestmark = pytest.mark.django_db


def test_the_feed_carries_published_guides_and_fact_checks(
    client: Client, published: Guide, factcheck: FactCheck
) -> None:
    feed = feedparser.parse(client.get("/kiem-chung/feed.atom").content)
    assert not feed.bozo, feed.get("bozo_exception")
    titles = [entry.title for entry in feed.entries]
    assert f"Cẩm nang: {published.title}" in titles
    assert any(title.startswith("Sai sự thật:") for title in titles)
    guide_entry = next(e for e in feed.entries if e.title.startswith("Cẩm nang"))
    assert guide_entry.link.endswith(f"/cam-nang/{published.slug}/")
    assert guide_entry.id == f"https://kiemchung.hoalam.example/cam-nang/{published.slug}/"
    assert published.summary in guide_entry.summary


def test_a_draft_guide_is_not_in_the_feed(client: Client, draft: Guide) -> None:
    feed = feedparser.parse(client.get("/kiem-chung/feed.atom").content)
    assert all(draft.title not in entry.title for entry in feed.entries)
