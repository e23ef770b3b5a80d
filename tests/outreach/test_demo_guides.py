"""The demo seeds guides through the real workflow: two published, one in review."""

from __future__ import annotations

import pytest
from django.test import Client

from kiemchung.demo.guides import GUIDES, ensure_demo_guides
from kiemchung.demo.seeding import ensure_demo_user, ensure_organisation
from kiemchung.guides.models import Guide, GuideStatus

pytestmark = pytest.mark.django_db


def test_the_demo_guides_are_written_reviewed_and_published_once(client: Client) -> None:
    _username, password = ensure_demo_user()
    ensure_organisation(password)
    assert ensure_demo_guides() == len(GUIDES)
    assert ensure_demo_guides() == 0
    published = Guide.objects.filter(status=GuideStatus.PUBLISHED)
    assert published.count() == 2
    assert Guide.objects.filter(status=GuideStatus.IN_REVIEW).count() == 1
    for guide in published:
        assert guide.reviewer is not None and guide.reviewer != guide.author
        assert client.get(f"/cam-nang/{guide.slug}/").status_code == 200
