"""What is shown as a claim: words that state something, not hashtags, counts read as
money, or opinions."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiemchung.claims.checkworthy import score
from kiemchung.claims.extraction import extract_pending, text_sentences
from kiemchung.claims.models import Claim
from kiemchung.sources.services import ingest_path
from kiemchung.testing.factories import write_jsonl


def test_a_string_of_hashtags_is_no_claim() -> None:
    tags = "#tinnong #khancap #covid19 #chiase #canhbao #vietnam #suckhoe"
    assert score(tags).value < 0.1
    assert list(text_sentences(f"Trời hôm nay đẹp quá.\n{tags}")) == ["Trời hôm nay đẹp quá."]


def test_links_and_emoji_are_not_part_of_a_claim() -> None:
    sentences = list(
        text_sentences(
            "Giá xăng RON95 tăng 500 đồng mỗi lít từ 15h chiều nay 🔥🔥 https://bit.ly/x1"
        )
    )
    assert sentences == ["Giá xăng RON95 tăng 500 đồng mỗi lít từ 15h chiều nay"]


def test_a_population_count_is_not_money() -> None:
    assert "money" not in score("Việt Nam hiện có hơn 90 triệu dân sinh sống.").reasons
    assert "money" in score("Mỗi hộ được hỗ trợ 2 triệu đồng trong tháng này.").reasons
    assert "money" in score("Giá vàng hôm nay lên tới 56 triệu.").reasons
    assert "money" in score("Vé vào cửa chỉ còn 50.000đ cho mỗi người.").reasons


def test_a_sentence_tagged_as_opinion_cannot_rank_as_a_claim() -> None:
    opinion = score("Theo tôi, việc Sở Y tế Hà Nội tăng phí khám 30% từ ngày 1/7 là quá tệ.")
    assert "opinion" in opinion.reasons
    assert opinion.value <= 0.25


@pytest.mark.django_db
def test_extracted_claims_leave_out_hashtags_and_rank_facts_above_opinions(
    tmp_path: Path,
) -> None:
    text = (
        "Mình thấy Bộ Y tế tăng phí khám 30% từ ngày 1/7 tại 5 bệnh viện là quá tệ.\n"
        "UBND tỉnh Nghệ An cho biết đã hỗ trợ 2 triệu đồng cho 1.200 hộ dân vùng lũ.\n"
        "#tinnong #nghean #covid19 #chiase #lulut #vietnam"
    )
    ingest_path(write_jsonl(tmp_path / "p.jsonl", [{"text": text, "url": "https://a.example/1"}]))
    extract_pending()
    claims = list(Claim.objects.order_by("-checkworthiness"))
    assert claims[0].text.startswith("UBND tỉnh Nghệ An")
    assert all("#" not in claim.text for claim in claims)
    opinion = next(c for c in claims if c.text.startswith("Mình thấy"))
    assert opinion.checkworthiness <= 0.25
