"""A claim that contradicts another by one edit is never confirmed as the same claim.

Each edit kind of the issue ("Confirmed must mean the same claim") has a pair here,
written for the project; before the guard learned about changed words, names and
additions, every one of these pairs was confirmed. A restatement of the same claim
keeps being found (at least suggested).
"""

from __future__ import annotations

import pytest

from kiemchung.matching.guards import guard_findings, guard_reasons
from kiemchung.matching.pairs import pair_details

SENTENCE = "Sở Y tế tỉnh Hòa Lâm cho phép các nhà thuốc bán thuốc kháng sinh không cần đơn."


@pytest.mark.parametrize(
    ("sentence", "claim", "code"),
    [
        (  # a swapped body
            SENTENCE,
            "Sở Giáo dục tỉnh Hòa Lâm cho phép các nhà thuốc bán thuốc kháng sinh không cần đơn.",
            "entity",
        ),
        (  # a swapped team
            "Đội Sông Lam thắng đội Hải Phòng trong trận chung kết cúp quốc gia tối qua.",
            "Đội Sông Lam thắng đội Thanh Hóa trong trận chung kết cúp quốc gia tối qua.",
            "place",
        ),
        (  # an opposite word
            SENTENCE,
            "Sở Y tế tỉnh Hòa Lâm cấm các nhà thuốc bán thuốc kháng sinh không cần đơn.",
            "antonym",
        ),
        (  # an ordinal changed (no quantity for the number guard)
            "Kỳ họp thứ 8 của Hội đồng nhân dân tỉnh đã bế mạc chiều nay.",
            "Kỳ họp thứ 10 của Hội đồng nhân dân tỉnh đã bế mạc chiều nay.",
            "changed",
        ),
        (  # an invented event added to the claim
            "Công ty Ngân Giang khai trương nhà máy nước sạch ở xã Ngọc Khê.",
            "Công ty Ngân Giang khai trương nhà máy nước sạch ở xã Ngọc Khê nhưng bị đình chỉ.",
            "added",
        ),
        (  # an invented event replacing what the sentence reports
            "Công ty Ngân Giang khai trương nhà máy nước sạch ở xã Ngọc Khê.",
            "Công ty Ngân Giang bị thu hồi giấy phép nhà máy nước sạch ở xã Ngọc Khê.",
            "changed",
        ),
        (  # one of two amounts changed to the other's value
            "Hai cháu bé được cứu, một cháu 3 tuổi và một cháu 2 tuổi.",
            "Hai cháu bé được cứu, một cháu 3 tuổi và một cháu 3 tuổi.",
            "number",
        ),
        (  # a negation behind a word that starts a compound ("phòng không")
            "Trong phòng có camera ghi lại toàn bộ buổi làm việc.",
            "Trong phòng không có camera ghi lại toàn bộ buổi làm việc.",
            "negation",
        ),
    ],
)
def test_a_claim_contradicting_its_sentence_by_one_edit_is_not_confirmed(
    sentence: str, claim: str, code: str
) -> None:
    assert code in guard_reasons(sentence, claim)
    assert code in guard_reasons(claim, sentence)
    (result,) = pair_details([(sentence, claim)], embedder=None)
    assert result.decision == "suggested"


def test_findings_say_what_changed() -> None:
    findings = guard_findings(
        "Xã đã hoàn thành di dời 300 hộ dân trong năm 2022.",
        "Xã đã hoàn thành di dời 3.000 hộ dân trong năm 2023.",
    )
    assert findings == ["number:300→3000", "date:2022→2023"]
    body = guard_findings(SENTENCE, SENTENCE.replace("Sở Y tế", "Sở Giáo dục"))
    assert body == ["entity:y tế→giáo dục"]
    opposite = guard_findings(SENTENCE, SENTENCE.replace("cho phép", "cấm"))
    assert "antonym:cho phép→cấm" in opposite


@pytest.mark.parametrize(
    "claim",
    [
        "Sở Y tế tỉnh Hòa Lâm cho phép các nhà thuốc bán thuốc kháng sinh không cần đơn!",
        "so y te tinh hoa lam cho phep cac nha thuoc ban thuoc khang sinh khong can don",
        "Theo báo địa phương, Sở Y tế tỉnh Hòa Lâm cho phép nhà thuốc bán kháng sinh "
        "không cần đơn.",
        "Có thông tin cho rằng Sở Y tế tỉnh Hòa Lâm cho phép các nhà thuốc bán thuốc kháng sinh "
        "không cần đơn.",
    ],
)
def test_a_restatement_has_no_reason_and_is_confirmed(claim: str) -> None:
    assert guard_reasons(SENTENCE, claim) == []
    (result,) = pair_details([(SENTENCE, claim)], embedder=None)
    assert result.decision == "confirmed"


def test_a_claim_that_leaves_out_a_clause_of_its_sentence_has_no_reason() -> None:
    sentence = (
        "Sáng nay, Sở Y tế tỉnh Hòa Lâm cho phép các nhà thuốc bán thuốc kháng sinh không cần đơn."
    )
    assert guard_reasons(sentence, SENTENCE) == []


def test_a_restatement_in_other_words_is_still_found() -> None:
    claim = "Sở Y tế tỉnh Hòa Lâm để các hiệu thuốc bán kháng sinh mà không cần đơn bác sĩ."
    (result,) = pair_details([(SENTENCE, claim)], embedder=None)
    assert result.decision in {"suggested", "confirmed"}
