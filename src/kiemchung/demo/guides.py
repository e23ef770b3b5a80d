"""The demo's guides (cẩm nang): fictional, written for the demo province of Hòa Lâm.

Two are published (written by the verifier, approved by the reviewer: the real
workflow, audited), one waits for its review. Only on first run.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from kiemchung.claims.models import FactCheck
from kiemchung.guides.models import Guide, GuideStatus
from kiemchung.guides.services import GuideText, change_status, create_guide
from kiemchung.org.models import OrgUnit

AUTHOR = "xacminh"
REVIEWER = "duyet"
UNIT = "Tổ kiểm chứng thông tin tỉnh Hòa Lâm"


@dataclass(frozen=True)
class DemoGuide:
    text: GuideText
    stage: str  # "published" or "in_review"
    related: tuple[str, ...] = ()  # words of the related fact-checks' claims


GUIDES = (
    DemoGuide(
        GuideText(
            title="Nhận diện tin nhắn giả danh ngân hàng và điện lực",
            topic="scams",
            summary=(
                "Ngân hàng và điện lực không bao giờ yêu cầu khách hàng cung cấp mã OTP, "
                "mật khẩu hay bấm vào đường link lạ qua tin nhắn. Khi nghi ngờ, hãy tự gọi "
                "tổng đài chính thức thay vì trả lời tin nhắn."
            ),
            body=(
                "Thời gian gần đây, nhiều người dân trong tỉnh nhận được tin nhắn báo tài "
                "khoản sắp bị khóa, hóa đơn tiền điện quá hạn hoặc được hoàn tiền. Mục đích "
                "chung của những tin nhắn này là lấy mã OTP hoặc dụ người nhận cài ứng dụng "
                "lạ để chiếm đoạt tiền trong tài khoản.\n\n"
                "## Dấu hiệu nhận biết\n"
                "- Tin nhắn thúc giục: “trong vòng 24 giờ”, “nếu không sẽ bị cắt điện”, "
                "“tài khoản sẽ bị khóa vĩnh viễn”.\n"
                "- Đường link có tên miền lạ, viết sai chính tả hoặc thêm ký tự so với trang "
                "chính thức.\n"
                "- Yêu cầu đọc mã OTP, mật khẩu hoặc số thẻ cho “nhân viên hỗ trợ”.\n"
                "- Yêu cầu cài ứng dụng từ đường link thay vì từ kho ứng dụng chính thức.\n\n"
                "## Nên làm gì\n"
                "- Không bấm vào đường link, không trả lời tin nhắn.\n"
                "- Tự gọi số tổng đài in trên thẻ ngân hàng hoặc trên hóa đơn tiền điện để "
                "hỏi lại.\n"
                "- Nếu lỡ cung cấp mã OTP, gọi ngay cho ngân hàng để khóa tài khoản tạm thời.\n"
                "- Gửi tin báo cho Tổ kiểm chứng để chúng tôi cảnh báo bà con khác.\n\n"
                "Mã OTP chỉ dành cho riêng bạn. Không ai, kể cả nhân viên ngân hàng, có "
                "quyền hỏi mã này."
            ),
        ),
        stage="published",
    ),
    DemoGuide(
        GuideText(
            title="Tin đồn chữa bệnh bằng thảo dược: ba câu hỏi trước khi tin",
            topic="health",
            summary=(
                "Những bài đăng khẳng định một loại lá hay bài thuốc “chữa khỏi” bệnh mạn "
                "tính, “bỏ được thuốc” thường không có bằng chứng. Trước khi tin và chia sẻ, "
                "hãy tự hỏi ba câu hỏi dưới đây và hỏi ý kiến bác sĩ."
            ),
            body=(
                "Bệnh tiểu đường, huyết áp cao hay bệnh gan cần được điều trị lâu dài theo "
                "chỉ định của bác sĩ. Tự ý bỏ thuốc để dùng thảo dược có thể gây biến chứng "
                "nặng, thậm chí nguy hiểm đến tính mạng.\n\n"
                "## Ba câu hỏi trước khi tin\n"
                "- Ai nói điều này? Đó là cơ sở y tế, bác sĩ có tên tuổi, hay một tài khoản "
                "bán hàng?\n"
                "- Bằng chứng ở đâu? Có nghiên cứu, có cơ quan y tế xác nhận, hay chỉ có lời "
                "kể “người nhà tôi đã khỏi”?\n"
                "- Ai được lợi? Bài đăng có kèm số điện thoại đặt hàng, giá bán hay mã giảm "
                "giá không?\n\n"
                "## Nên làm gì\n"
                "- Tiếp tục dùng thuốc theo đơn, hỏi bác sĩ trước khi dùng thêm bất cứ sản "
                "phẩm nào.\n"
                "- Tra cứu trên trang của Sở Y tế hoặc hỏi trạm y tế xã.\n"
                "- Không chia sẻ bài đăng khi chưa rõ nguồn gốc."
            ),
        ),
        stage="published",
        related=("lá chè dây",),
    ),
    DemoGuide(
        GuideText(
            title="Phân biệt thông báo thật và giả của cơ quan nhà nước",
            topic="fake_notices",
            summary=(
                "Ảnh chụp “công văn”, “thông báo khẩn” lan truyền trên mạng xã hội có thể bị "
                "làm giả hoặc cắt ghép. Hãy kiểm tra số hiệu, ngày ban hành và tìm văn bản "
                "gốc trên cổng thông tin của cơ quan trước khi làm theo."
            ),
            body=(
                "Văn bản hành chính thật luôn có số, ký hiệu, ngày tháng, tên cơ quan ban "
                "hành, chữ ký và con dấu, và thường được đăng trên cổng thông tin điện tử "
                "của cơ quan đó.\n\n"
                "## Dấu hiệu đáng ngờ\n"
                "- Không có số hiệu, hoặc số hiệu không tìm thấy trên cổng thông tin.\n"
                "- Lỗi chính tả, phông chữ lẫn lộn, con dấu mờ hoặc lệch.\n"
                "- Nội dung kêu gọi chia sẻ gấp, đóng tiền hoặc cung cấp thông tin cá nhân.\n\n"
                "## Nên làm gì\n"
                "- Tìm văn bản gốc trên cổng thông tin của tỉnh, sở, ngành liên quan.\n"
                "- Hỏi lại cán bộ ủy ban nhân dân xã, phường nơi mình sinh sống.\n"
                "- Gửi ảnh chụp cho Tổ kiểm chứng qua trang “Gửi tin báo”."
            ),
        ),
        stage="in_review",
    ),
)


def ensure_demo_guides() -> int:
    """Write the demo's guides through the real workflow. Only when there is none."""
    if Guide.objects.exists():
        return 0
    users = get_user_model().objects
    author, reviewer = users.get(username=AUTHOR), users.get(username=REVIEWER)
    unit = OrgUnit.objects.get(name=UNIT)
    for item in GUIDES:
        related = [
            factcheck
            for words in item.related
            for factcheck in FactCheck.objects.filter(
                is_local=True, claim_reviewed__icontains=words
            )
        ]
        guide = create_guide(author, unit, item.text, related)
        change_status(author, guide, GuideStatus.IN_REVIEW)
        if item.stage == "published":
            change_status(reviewer, guide, GuideStatus.PUBLISHED)
    return len(GUIDES)
