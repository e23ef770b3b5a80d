"""Check-worthiness: verifiable statements of fact rank above opinions, questions and ads."""

from __future__ import annotations

import pytest

from kiemchung.claims import checkworthy, checkworthy_learned

FACTUAL = [
    "Từ ngày 1/12, UBND tỉnh Hòa Lâm thu phí hạ tầng 50.000đ mỗi xe máy.",
    "Theo Bộ Y tế, uống nước chanh nóng chữa khỏi ung thư.",
    "Tu 0h dem nay xang tang gap doi len 45.000d/lit",
    "Đập thủy điện Suối Mây đã nứt, sắp vỡ, người dân hạ du sơ tán gấp.",
    "Công an tỉnh cho biết đã bắt 3 đối tượng giả danh ngân hàng lừa đảo 2,5 tỷ đồng.",
]
NOT_FACTUAL = [
    "Có ai biết đường nào tránh kẹt xe không?",
    "Mình thấy dự án đường này làm chậm quá, thật bức xúc.",
    "Chúc cả nhà buổi tối vui vẻ!",
    "Inbox ngay để được giá chỉ 199k, freeship toàn quốc.",
    "CHIA SẺ NGAY!!!",
]


@pytest.mark.parametrize("factual", FACTUAL)
@pytest.mark.parametrize("other", NOT_FACTUAL)
def test_a_verifiable_statement_ranks_above_opinions_questions_and_ads(
    factual: str, other: str
) -> None:
    assert checkworthy.score(factual).value > checkworthy.score(other).value


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Giá điện tăng 15% từ ngày 1/7 theo quyết định của EVN.", "percent"),
        ("Theo Sở Y tế, 12 người ngộ độc sau bữa trưa.", "attribution"),
        ("Tại sao giá xăng lại tăng vậy mọi người?", "question"),
        ("Theo tôi thì chính sách này chưa hợp lý lắm đâu.", "opinion"),
        ("Xin chào cả nhà, chúc mọi người ngày mới tốt lành.", "greeting"),
    ],
)
def test_the_reasons_name_the_signals_behind_a_score(sentence: str, reason: str) -> None:
    assert reason in checkworthy.score(sentence).reasons


def test_an_unaccented_copy_scores_like_its_original() -> None:
    original = "Từ 0h đêm nay xăng tăng gấp đôi lên 45.000đ/lít"
    plain = "Tu 0h dem nay xang tang gap doi len 45.000d/lit"
    assert abs(checkworthy.score(original).value - checkworthy.score(plain).value) < 0.05


def test_the_learned_scorer_needs_labels_of_both_kinds() -> None:
    assert checkworthy_learned.fit(FACTUAL * 3, [1] * 15) is None


def test_the_learned_scorer_follows_the_organisation_labels() -> None:
    # This office treats weather small talk as not worth checking, even with numbers.
    talk = [f"Trời hôm nay nóng {n} độ, mọi người nhớ uống nước nhé" for n in range(30, 45)]
    facts = [f"UBND tỉnh quyết định hỗ trợ {n} triệu đồng cho hộ bị lũ" for n in range(30, 45)]
    learned = checkworthy_learned.fit(talk + facts, [0] * len(talk) + [1] * len(facts))
    assert learned is not None
    sentence = "Trời hôm nay nóng 39 độ, mọi người nhớ uống nước nhé"
    default = checkworthy.score(sentence)
    assert learned.blend(sentence, default).value < default.value
