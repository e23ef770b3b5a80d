"""`kiemchung seed-demo` loads the demo once; running it again adds nothing."""

from __future__ import annotations

import io
import json
from collections import defaultdict
from collections.abc import Iterator

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import override_settings

from kiemchung.demo.seeding import data_file
from kiemchung.sources.models import Document, Source
from kiemchung.stories.models import Alert, Story

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture(autouse=True)
def lexical_matching() -> Iterator[None]:
    """The demo's matching is lexical here: the embedder's speed is not under test."""
    with override_settings(EMBEDDER="none"):
        yield


def test_the_demo_is_loaded_once_with_stories_alerts_and_a_login() -> None:
    out = io.StringIO()
    call_command("seed-demo", stdout=out)
    documents, stories = Document.objects.count(), Story.objects.count()
    assert documents >= 300
    assert stories >= 25
    assert Alert.objects.exists()
    assert Source.objects.filter(documents__isnull=False).distinct().count() >= 6
    password = out.getvalue().rsplit(" / ", 1)[1].strip()
    assert authenticate(username="demo", password=password) is not None

    again = io.StringIO()
    call_command("seed-demo", stdout=again)
    assert "0 documents added" in again.getvalue()
    assert (Document.objects.count(), Story.objects.count()) == (documents, stories)


def test_demo_stories_group_their_copies() -> None:
    call_command("seed-demo", stdout=io.StringIO())
    largest = Story.objects.order_by("-doc_count").first()
    assert largest is not None and largest.doc_count >= 8
    languages = set(Document.objects.values_list("language", flat=True))
    assert {"vi", "vi-noaccent"} <= languages


def test_demo_clusters_never_mix_two_stories_and_rarely_split_one() -> None:
    call_command("seed-demo", stdout=io.StringIO())
    truth = {}
    for line in data_file("corpus.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        truth[item["url"]] = item["story"]
    clusters: dict[int, set[str]] = defaultdict(set)
    for url, story_id in Document.objects.values_list("url", "story_id"):
        clusters[story_id].add(truth[url])
    mixed = [stories for stories in clusters.values() if len(stories) > 1]
    assert mixed == []
    assert len(clusters) <= 1.35 * len(set(truth.values()))


def test_the_demo_has_an_organisation_with_one_person_per_role() -> None:
    from kiemchung.org.models import Membership, OrgUnit, PartnerAgency, Role

    call_command("seed-demo", stdout=io.StringIO())
    call_command("seed-demo", stdout=io.StringIO())
    assert set(Membership.objects.values_list("role", flat=True)) == set(Role.values)
    assert OrgUnit.objects.filter(parent__parent__isnull=False).exists()
    assert PartnerAgency.objects.filter(sector="Công an").count() == 2
    assert Membership.objects.filter(user__username="demo", role=Role.HEAD).count() == 1
    liaison = Membership.objects.get(role=Role.LIAISON)
    assert liaison.agency is not None


def test_the_demo_has_cases_worked_through_the_workflow() -> None:
    from kiemchung.cases.models import AuditEvent, Case, CaseState

    call_command("seed-demo", stdout=io.StringIO())
    call_command("seed-demo", stdout=io.StringIO())
    states = sorted(Case.objects.values_list("state", flat=True))
    assert states == sorted(
        [CaseState.PUBLISHED, CaseState.PUBLISHED, CaseState.IN_REVIEW, CaseState.NEW]
    )
    published = Case.objects.filter(state=CaseState.PUBLISHED)
    for case in published:
        assert case.factcheck is not None and case.factcheck.is_local
        assert case.reviewed_by != case.verdict_by
        assert case.story is not None and case.story.already_checked == case.factcheck
    assert AuditEvent.objects.filter(action="case.factcheck").count() == 2
