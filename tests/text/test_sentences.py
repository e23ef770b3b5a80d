"""Splitting Vietnamese news text into sentences."""

from __future__ import annotations

import pytest

from kiemchung.text.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Giá xăng giảm mạnh. Người dân vui mừng! Liệu có kéo dài?",
            ["Giá xăng giảm mạnh.", "Người dân vui mừng!", "Liệu có kéo dài?"],
        ),
        (
            "Lãi suất còn 2,5% mỗi năm. Giá vé là 5.000 đồng.",
            ["Lãi suất còn 2,5% mỗi năm.", "Giá vé là 5.000 đồng."],
        ),
        (
            "PGS. TS. Trần Văn Bình làm việc ở TP. HCM. Ông nghỉ hưu năm ngoái.",
            ["PGS. TS. Trần Văn Bình làm việc ở TP. HCM.", "Ông nghỉ hưu năm ngoái."],
        ),
        (
            "ThS. Lê Thu Hà và GS. Phạm Minh gặp BS. Hoàng ở Tp. Huế. Họ bàn về dịch.",
            ["ThS. Lê Thu Hà và GS. Phạm Minh gặp BS. Hoàng ở Tp. Huế.", "Họ bàn về dịch."],
        ),
        (
            "Nhà ông ở Q. 3, P. 7 gần chợ. Hàng xóm rất tốt.",
            ["Nhà ông ở Q. 3, P. 7 gần chợ.", "Hàng xóm rất tốt."],
        ),
        (
            "Ông Nguyễn V. A cho biết sẽ kiện. Vụ việc đang được xem xét.",
            ["Ông Nguyễn V. A cho biết sẽ kiện.", "Vụ việc đang được xem xét."],
        ),
        (
            "PGS.TS. Đỗ Hùng phát biểu. Hội nghị kết thúc.",
            ["PGS.TS. Đỗ Hùng phát biểu.", "Hội nghị kết thúc."],
        ),
        (
            "Chi tiết tại https://baomoi.vn/tin-moi.html. Xin cảm ơn.",
            ["Chi tiết tại https://baomoi.vn/tin-moi.html.", "Xin cảm ơn."],
        ),
        (
            "Chúng tôi chờ... và chờ mãi. Rồi trời mưa… không dứt.",
            ["Chúng tôi chờ... và chờ mãi.", "Rồi trời mưa… không dứt."],
        ),
        (
            "Anh ấy im lặng… Một lúc sau mới nói.",
            ["Anh ấy im lặng…", "Một lúc sau mới nói."],
        ),
        (
            'Bà nói: "Tôi không biết." Sau đó bà rời đi.',
            ['Bà nói: "Tôi không biết."', "Sau đó bà rời đi."],
        ),
        (
            "Ông hỏi (thật sao?) rồi cười. “Đúng vậy!” Mọi người vỗ tay.",
            ["Ông hỏi (thật sao?) rồi cười.", "“Đúng vậy!”", "Mọi người vỗ tay."],
        ),
        (
            "1. Giá xăng tăng. 2. Giá vàng giảm.",
            ["1. Giá xăng tăng.", "2. Giá vàng giảm."],
        ),
        (
            "Tiêu đề bài báo\nDòng thứ hai không có dấu chấm\n\n  Đoạn mới.  ",
            ["Tiêu đề bài báo", "Dòng thứ hai không có dấu chấm", "Đoạn mới."],
        ),
        ("Năm 2024. Tăng trưởng 7,1%.", ["Năm 2024.", "Tăng trưởng 7,1%."]),
        ("Một câu không có dấu kết thúc", ["Một câu không có dấu kết thúc"]),
        ("", []),
        ("  \n\n ", []),
    ],
)
def test_split_sentences_splits_where_a_reader_would(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_split_sentences_returns_the_characters_as_written() -> None:
    text = "Hoà  bình\u00a0LẮM &amp; vui. Ngày 30/9/2024 (thứ Hai)."
    sentences = split_sentences(text)
    assert sentences == ["Hoà  bình\u00a0LẮM &amp; vui.", "Ngày 30/9/2024 (thứ Hai)."]
    assert all(sentence in text for sentence in sentences)
