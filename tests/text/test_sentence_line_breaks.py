"""A post wrapped by hand is not cut in the middle of a sentence."""

from __future__ import annotations

from kiemchung.text.sentences import split_sentences


def test_it_does_not_cut_a_sentence_after_a_conjunction_at_a_line_break() -> None:
    text = (
        "Sở Y tế đề nghị người dân hạn chế tụ tập và\n"
        "Hà Nội tạm dừng các lễ hội từ ngày mai.\n"
        "Các trường học vẫn mở cửa."
    )
    assert split_sentences(text) == [
        "Sở Y tế đề nghị người dân hạn chế tụ tập và\nHà Nội tạm dừng các lễ hội từ ngày mai.",
        "Các trường học vẫn mở cửa.",
    ]


def test_a_line_that_goes_on_in_lowercase_is_the_same_sentence() -> None:
    text = "Giá xăng RON95 tăng thêm 500 đồng\nmỗi lít từ 15h chiều nay."
    assert split_sentences(text) == [text]


def test_an_empty_line_and_a_finished_line_still_end_sentences() -> None:
    assert split_sentences("Thông báo\n\nvà đây là tin khác") == ["Thông báo", "và đây là tin khác"]
    assert split_sentences("Lịch cắt điện ngày mai\nXã Đông Hòa từ 7h đến 11h") == [
        "Lịch cắt điện ngày mai",
        "Xã Đông Hòa từ 7h đến 11h",
    ]
