"""A shouted, decorated headline is scored on its content and loses to the sentence that
states the verifiable fact; the case opened for the story takes that sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiemchung.cases import services
from kiemchung.claims import checkworthy
from kiemchung.claims.extraction import extract_for_story
from kiemchung.org.models import Role
from kiemchung.sources.services import ingest_path
from kiemchung.stories.models import Story
from kiemchung.testing.factories import write_jsonl
from kiemchung.testing.org import make_unit_tree, make_user

HEADLINE = "⚡ ĐIỆN LỰC HÒA LÂM THÔNG BÁO HOÀN TIỀN ĐIỆN THÁNG 5 ⚡"
FACT = (
    "Theo Điện lực Hòa Lâm, khách hàng bị tính sai tiền điện tháng 5 sẽ được hoàn "
    "120.000 đồng vào tài khoản từ ngày 15/6."
)
BODY = f"{FACT} Mọi người kiểm tra hóa đơn nhé. Chia sẻ ngay cho người thân!"


def test_a_shouted_headline_is_scored_as_if_written_in_lower_case() -> None:
    shouted = checkworthy.score(HEADLINE)
    plain = checkworthy.score("điện lực hòa lâm thông báo hoàn tiền điện tháng 5")
    assert set(shouted.features) - {"shouting"} == set(plain.features)
    assert "named_entity" not in shouted.reasons  # capitals are no named body
    assert "shouting" in shouted.reasons


def test_emoji_and_decoration_do_not_change_a_score() -> None:
    sentence = "Từ ngày 1/12, UBND tỉnh Hòa Lâm thu phí 50.000đ mỗi xe máy."
    decorated = f"‼️🔥 {sentence} ★★★ !!!"
    assert checkworthy.score(decorated).value == pytest.approx(checkworthy.score(sentence).value)


def test_the_shouted_headline_loses_to_the_sentence_that_states_the_fact() -> None:
    assert checkworthy.score(FACT).value > checkworthy.score(HEADLINE).value


@pytest.mark.django_db
def test_the_story_s_first_claim_and_its_case_are_the_fact_sentence(tmp_path: Path) -> None:
    row = {"title": HEADLINE, "text": BODY, "url": "https://a.example/hoan-tien"}
    ingest_path(write_jsonl(tmp_path / "posts.jsonl", [row]))
    story = Story.objects.get()
    claims = extract_for_story(story)
    assert claims[0].text == FACT
    tree = make_unit_tree()
    case = services.open_from_story(make_user(Role.MEMBER, tree.commune, "tv"), story, tree.commune)
    assert case.claim_text == FACT
    assert case.claim is not None and case.claim.text == FACT
