"""The shipped prior: hoax and scam cues rank above ordinary news, out of the box."""

from __future__ import annotations

import pytest

from kiemchung.claims.triage_words import CUE_PHRASES
from kiemchung.triage import prior
from kiemchung.triage.prior import Post, score


def test_a_chain_hoax_outranks_a_ministry_bulletin_full_of_numbers() -> None:
    hoax = Post(
        "Tin nội bộ: tối nay Hà Nội phong tỏa toàn thành phố, cấm ra đường. Chia sẻ ngay "
        "cho người thân!",
        account_kind="private",
    )
    bulletin = Post(
        "Sáng 12/3, Bộ Y tế cho biết ghi nhận 6 ca mắc Covid-19 mới tại Hà Nội, đều đã được "
        "cách ly. Tổng số ca mắc từ đầu năm là 45.",
        account_kind="public",
        checkworthiness=0.9,
    )
    assert score(hoax).value > score(bulletin).value + 0.3
    assert "share_call" in score(hoax).cues and "insider" in score(hoax).cues


def test_a_calm_hoax_without_shouting_still_outranks_a_sourced_report() -> None:
    calm = Post(
        "Nghe nói uống nước chanh ấm mỗi sáng là phòng được ung thư, không cần thuốc men gì.",
        account_kind="private",
    )
    sourced = Post(
        "Theo Sở Y tế, các điểm tiêm vắc xin sởi mở cửa từ 7h đến 17h, cho biết người dân "
        "cần mang theo sổ tiêm chủng.",
        account_kind="private",
    )
    assert score(calm).value > score(sourced).value


@pytest.mark.parametrize(
    "text",
    [
        "Vietcombank tri ân khách hàng: tặng 500.000 đồng, nhận quà tại bit.ly/qua-tang-abc",
        "TIN NONG: da co nguoi chet vi benh la ma chinh quyen giau kin, chia se ngay",
        "Các chuyên gia cảnh báo sóng điện thoại gây ung thư, báo chí không dám đưa tin!!!",
    ],
)
def test_scams_unaccented_hoaxes_and_unnamed_authorities_score_as_suspicious(text: str) -> None:
    assert score(Post(text, account_kind="private")).value > 0.6


def test_a_private_account_relaying_an_official_notice_without_a_link_is_a_cue() -> None:
    text = "Bộ Y tế thông báo từ ngày mai phạt 2 triệu đồng người không đeo khẩu trang."
    assert "private_notice" in score(Post(text, account_kind="private")).cues
    linked = text + " https://moh.gov.vn/tin-tuc/phat"
    assert "private_notice" not in score(Post(linked, account_kind="private")).cues


def test_no_cue_is_about_politics_or_sentiment_toward_officials() -> None:
    criticism = Post(
        "Tôi thấy chính quyền xã làm đường quá chậm, dân rất bức xúc với lãnh đạo xã.",
        account_kind="private",
    )
    neutral = Post(
        "Tôi thấy công ty làm đường quá chậm, dân rất bức xúc với đơn vị thi công.",
        account_kind="private",
    )
    assert score(criticism).value == pytest.approx(score(neutral).value)


def test_every_cue_has_a_vietnamese_reason() -> None:
    assert set(prior.CUES) == set(CUE_PHRASES)
