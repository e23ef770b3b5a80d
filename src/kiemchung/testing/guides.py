"""Test helpers for guides: a guide's text with a heading and a list."""

from __future__ import annotations

from kiemchung.guides.services import GuideText

BODY = (
    "Tin nhắn lừa đảo thường giả danh ngân hàng.\n\n"
    "## Dấu hiệu nhận biết\n"
    "- Đường link lạ, không phải tên miền của ngân hàng\n"
    "- Đòi mã OTP\n\n"
    "Hãy gọi tổng đài in trên thẻ của bạn."
)
TEXT = GuideText(
    title="Nhận diện tin nhắn giả danh ngân hàng",
    summary="Ngân hàng không bao giờ hỏi mã OTP qua tin nhắn.",
    body=BODY,
    topic="scams",
)
