"""An approved case becomes a local fact-check: once, under the organisation's name."""

from __future__ import annotations

import pytest
from django.test import override_settings

from kiemchung.cases.models import EvidenceKind
from kiemchung.claims.matching_service import match_pending
from kiemchung.claims.models import Claim, FactCheck, Verdict
from kiemchung.publishing.services import PublishRefused, publish_case
from kiemchung.sources.models import Document
from kiemchung.sources.records import Record
from kiemchung.sources.services import add_manual_document
from kiemchung.stories.models import Story
from kiemchung.testing.publishing import CLAIM, add_link, approved_case, person

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def lexical_only() -> object:
    with override_settings(EMBEDDER="none"):
        yield


@override_settings(
    PUBLIC_BASE_URL="https://kiemchung.hoalam.example", PUBLISHER_NAME="Ban kiểm chứng Hòa Lâm"
)
def test_an_approved_case_becomes_a_local_fact_check_with_its_public_address() -> None:
    case = approved_case()
    factcheck = publish_case(case)
    assert factcheck.is_local
    assert factcheck.url == f"https://kiemchung.hoalam.example/kiem-chung/{case.pk}/"
    assert factcheck.claim_reviewed == CLAIM
    assert factcheck.verdict == Verdict.FALSE
    assert factcheck.original_rating == "Sai sự thật"
    assert factcheck.summary == case.summary
    assert factcheck.publisher == "Ban kiểm chứng Hòa Lâm"
    assert factcheck.publisher_url == "https://kiemchung.hoalam.example/kiem-chung/"
    assert factcheck.evidence == [
        {"url": "https://soyte.hoalam.example/thong-bao/123", "title": "Thông báo của Sở Y tế"}
    ]
    assert factcheck.published_at is not None
    case.refresh_from_db()
    assert case.factcheck == factcheck
    assert case.published_at == factcheck.published_at


def test_publishing_again_updates_the_same_fact_check() -> None:
    case = approved_case()
    first = publish_case(case)
    case.verdict = Verdict.MISLEADING
    case.summary = "Thông tin bị cắt ghép từ một thông báo cũ."
    case.save()
    second = publish_case(case)
    assert second.pk == first.pk
    assert FactCheck.objects.count() == 1
    second.refresh_from_db()
    assert second.verdict == Verdict.MISLEADING
    assert second.summary == "Thông tin bị cắt ghép từ một thông báo cũ."
    assert second.published_at == first.published_at
    assert "dateModified" in second.extra


def test_only_web_links_and_cited_documents_become_evidence() -> None:
    case = approved_case()
    add_link(case, "javascript:alert(1)", "bad")
    add_link(case, "https://soyte.hoalam.example/thong-bao/123", "same link twice")
    case.evidence.create(kind=EvidenceKind.NOTE, note="a private note", added_by=case.created_by)
    add_manual_document("Báo Hòa Lâm", Record(text=CLAIM, url="https://bao.example/bai-1"))
    cited = Document.objects.get()
    case.evidence.create(kind=EvidenceKind.DOCUMENT, document=cited, added_by=case.created_by)
    factcheck = publish_case(case)
    assert [e["url"] for e in factcheck.evidence] == [
        "https://soyte.hoalam.example/thong-bao/123",
        "https://bao.example/bai-1",
    ]


def test_appearances_are_the_public_documents_of_the_story() -> None:
    add_manual_document("Báo Hòa Lâm", Record(text=CLAIM, url="https://bao.example/bai-1"))
    add_manual_document(
        "Mạng xã hội",
        Record(
            text=CLAIM + " Chia sẻ ngay!",
            url="https://social.example/p/1",
            account="nguoi-dung",
            account_kind="private",
        ),
    )
    story = Document.objects.get(url="https://bao.example/bai-1").story
    assert story is not None
    assert story.documents.count() == 2
    factcheck = publish_case(approved_case(story=story))
    assert factcheck.appearances == ["https://bao.example/bai-1"]


def test_a_case_without_a_verdict_is_not_published() -> None:
    with pytest.raises(PublishRefused):
        publish_case(approved_case(verdict=""))
    assert not FactCheck.objects.exists()


def test_a_verdict_approved_by_its_own_author_is_not_published() -> None:
    author = person("tacgia")
    with pytest.raises(PublishRefused, match="someone other"):
        publish_case(approved_case(reviewed_by=author))
    with pytest.raises(PublishRefused, match="reviewer"):
        publish_case(approved_case(reviewed_by=None))


def test_a_factual_verdict_without_public_evidence_is_not_published() -> None:
    case = approved_case()
    case.evidence.all().delete()
    with pytest.raises(PublishRefused, match="evidence"):
        publish_case(case)
    case.verdict = Verdict.UNVERIFIABLE
    assert publish_case(case).verdict == Verdict.UNVERIFIABLE


def test_a_published_claim_is_matched_again_by_the_worker() -> None:
    story = Story.objects.create(
        title="Tin đồn", first_seen="2026-07-01T00:00Z", last_seen="2026-07-01T00:00Z"
    )
    claim = Claim.objects.create(story=story, text=CLAIM, key="k", match_decision="none")
    factcheck = publish_case(approved_case())
    assert match_pending() == 1
    claim.refresh_from_db()
    assert claim.matched == factcheck
    assert claim.match_decision == "confirmed"
    story.refresh_from_db()
    assert story.already_checked == factcheck
