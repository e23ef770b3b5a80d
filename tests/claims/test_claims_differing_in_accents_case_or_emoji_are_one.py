"""Two sentences of a story that differ only in diacritics, case or emoji are one claim:
extraction keeps it once (in its best wording), and older duplicates are merged."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.test import Client

from kiemchung.claims.extraction import extract_for_story
from kiemchung.claims.identity import claim_key
from kiemchung.claims.models import Claim, ClaimMatch, FactCheck, Verdict
from kiemchung.org.models import Role
from kiemchung.sources.services import ingest_path
from kiemchung.stories.models import Story
from kiemchung.testing.cases import make_case, make_story
from kiemchung.testing.factories import write_jsonl
from kiemchung.testing.org import make_unit_tree, make_user

ACCENTED = "Điện lực Hòa Lâm hoàn 120.000 đồng tiền điện tháng 5 cho mỗi hộ dân từ ngày 15/6."
PLAIN = "🔥 DIEN LUC HOA LAM hoan 120.000 dong tien dien thang 5 cho moi ho dan tu ngay 15/6 ‼️"
MERGE = importlib.import_module(
    "kiemchung.claims.migrations.0004_merge_claims_differing_in_accents_case_emoji"
)


def test_diacritics_case_and_emoji_do_not_change_a_claim_s_identity() -> None:
    assert claim_key(ACCENTED) == claim_key(PLAIN)
    assert claim_key(ACCENTED) != claim_key(ACCENTED.replace("120.000", "150.000"))


@pytest.mark.django_db
def test_a_story_page_shows_a_claim_written_with_and_without_diacritics_once(
    tmp_path: Path, client: Client
) -> None:
    rows = [
        {"text": ACCENTED, "url": "https://a.example/1", "shares": 1},
        {"text": PLAIN, "url": "https://b.example/2", "shares": 50},
    ]
    ingest_path(write_jsonl(tmp_path / "posts.jsonl", rows))
    story = Story.objects.get()
    assert story.documents.count() == 2
    extract_for_story(story)
    assert list(story.claims.values_list("text", flat=True)) == [ACCENTED]
    tree = make_unit_tree()
    client.force_login(make_user(Role.MEMBER, tree.commune, "tv"))
    page = client.get(f"/stories/{story.pk}/").content.decode()
    assert page.count('id="open-case-claim-') == 1  # one row in the list of claims


@pytest.mark.django_db
def test_extracting_again_reuses_the_claim_already_stored(tmp_path: Path) -> None:
    ingest_path(
        write_jsonl(tmp_path / "posts.jsonl", [{"text": PLAIN, "url": "https://b.example/2"}])
    )
    story = Story.objects.get()
    stored = Claim.objects.create(story=story, text=ACCENTED, key=claim_key(ACCENTED))
    claims = extract_for_story(story)
    assert [claim.pk for claim in claims] == [stored.pk]
    assert story.claims.count() == 1


@pytest.mark.django_db
def test_the_migration_merges_older_duplicates_and_keeps_their_cases_and_matches() -> None:
    story = make_story(
        claims=[(PLAIN, 0.95), (ACCENTED, 0.9), ("Một tin khác hẳn về giá xăng.", 0.5)]
    )
    plain, accented = story.claims.get(text=PLAIN), story.claims.get(text=ACCENTED)
    tree = make_unit_tree()
    member = make_user(Role.MEMBER, tree.commune, "tv")
    case = make_case(tree.commune, member, story=story, claim=plain)
    first = FactCheck.objects.create(
        url="https://fc.example/1", claim_reviewed="a", verdict=Verdict.FALSE, publisher="P"
    )
    second = FactCheck.objects.create(
        url="https://fc.example/2", claim_reviewed="b", verdict=Verdict.FALSE, publisher="P"
    )
    ClaimMatch.objects.create(claim=plain, factcheck=first, score=0.8, decision="suggested")
    ClaimMatch.objects.create(claim=plain, factcheck=second, score=0.7, decision="suggested")
    ClaimMatch.objects.create(claim=accented, factcheck=first, score=0.81, decision="suggested")

    MERGE.merge_duplicates(apps, None)

    assert sorted(story.claims.values_list("text", flat=True)) == sorted(
        [ACCENTED, "Một tin khác hẳn về giá xăng."]
    )
    case.refresh_from_db()
    assert case.claim_id == accented.pk
    assert set(accented.matches.values_list("factcheck_id", flat=True)) == {first.pk, second.pk}
    assert story.claims.get(text=ACCENTED).key == claim_key(ACCENTED)
