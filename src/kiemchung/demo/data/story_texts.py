"""Hand-written texts of the kiemchung demo corpus.

Everything here is invented: the province (tỉnh Hòa Lâm), its wards and communes,
outlets, pages, handles, phone numbers, links (reserved ``.example`` domain) and events.
`build_corpus.py` turns these stories into ``corpus.jsonl``: it keeps every hand-written
document below and adds reposts derived from them (small edits, emoji, calls to share,
copies typed without diacritics, old-style tone marks).

A story is one family of near-duplicate texts. An official correction of a rumour is a
story of its own (theme ``true_news``) that names the rumour in ``related``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Doc:
    """One hand-written document; ``at`` is hours after the story's start."""

    text: str
    at: float = 0.0
    platform: str = "facebook"
    account: str = ""
    kind: str = "private"
    title: str | None = None
    verdict: str | None = None
    variant: str = "original"
    group: str | None = None


@dataclass
class Story:
    slug: str
    theme: str
    verdict: str
    start: str
    register: str  # misinfo | news | official | opinion
    docs: list[Doc]
    # derived reposts: ("burst" | "spread", start hour, count, span in hours)
    segments: list[tuple[str, float, int, float]] = field(default_factory=list)
    related: str | None = None
    strip_p: float = 0.3
    pages: list[str] | None = None  # public pages that repost this story
    notes: list[str] = field(default_factory=list)  # what people write when sharing


def paras(*parts: str) -> str:
    return "\n\n".join(parts)


def edit(
    text: str,
    *subs: tuple[str, str],
    drop: tuple[str, ...] = (),
    prefix: str = "",
    suffix: str = "",
) -> str:
    """A hand edit of ``text``: replacements, removed passages, added words."""
    for old, new in subs:
        if old not in text:
            raise ValueError(f"edit: {old!r} not in text")
        text = text.replace(old, new, 1)
    for passage in drop:
        if passage not in text:
            raise ValueError(f"edit: {passage!r} not in text")
        text = text.replace(passage, "", 1)
    text = text.replace("  ", " ").replace("\n\n\n\n", "\n\n").strip()
    return f"{prefix}{text}{suffix}"


# ---------------------------------------------------------------------------------------
# Scams
# ---------------------------------------------------------------------------------------

KSBANK = (
    "Tài khoản của Quý khách chưa cập nhật sinh trắc học theo quy định mới của Ngân hàng "
    "Nhà nước và sẽ bị TẠM KHÓA sau 17h00 ngày 10/02/2026. Để tiếp tục giao dịch dịp Tết, "
    "Quý khách vui lòng xác minh ngay tại: https://ksbank-xacminh.example/cap-nhat. "
    "Hotline hỗ trợ 24/7: 0912 345 678. Trân trọng!"
)

PHAT_NGUOI = (
    "Cục CSGT thông báo: Phương tiện mang biển kiểm soát đăng ký chính chủ của bạn đã vi "
    "phạm lỗi vượt đèn đỏ tại nút giao Trần Phú - Lê Lợi lúc 15h30 ngày 12/4/2026. Mức "
    "phạt nguội: 4.000.000đ. Nộp phạt trong vòng 48 giờ được giảm 50%. Tra cứu hình ảnh vi "
    "phạm và nộp phạt trực tuyến tại: https://csgt-phatnguoi.example/tra-cuu. Quá hạn, hồ "
    "sơ sẽ chuyển sang cưỡng chế."
)

HOAN_TIEN_DIEN = (
    "⚡ ĐIỆN LỰC HÒA LÂM THÔNG BÁO HOÀN TIỀN ĐIỆN THÁNG 5 ⚡\n"
    "Do sự cố hệ thống đo đếm, hóa đơn tiền điện tháng 5/2026 của nhiều hộ gia đình bị "
    "tính cao hơn thực tế. Công ty sẽ hoàn trả phần chênh lệch từ 350.000đ đến 1.200.000đ "
    "cho mỗi hộ. Bà con đăng ký nhận tiền hoàn bằng cách điền mã khách hàng, số tài khoản "
    "ngân hàng và mã OTP tại https://dienluc-hoantien.example trước ngày 20/6. Hết hạn sẽ "
    "không được giải quyết. Chia sẻ cho người thân cùng biết!"
)

TRIEU_TAP = (
    "CÔNG AN PHƯỜNG ĐÔNG THỊNH THÔNG BÁO: Ông/bà có liên quan đến một vụ án rửa tiền đang "
    "được điều tra. Đề nghị ông/bà có mặt tại trụ sở lúc 8h00 ngày 18/9/2026 hoặc làm việc "
    'trực tuyến qua ứng dụng "Dịch vụ công Công an" tải tại '
    "https://dichvucong-congan.example. Giấy triệu tập điện tử số 1527/GTT-CAP gửi kèm tin "
    "nhắn này. Nếu không hợp tác, cơ quan điều tra sẽ ra lệnh truy nã theo quy định."
)

SCAMS = [
    Story(
        slug="ksbank-xac-minh-tai-khoan",
        theme="scam",
        verdict="false",
        start="2026-02-08T19:20",
        register="misinfo",
        docs=[
            Doc(
                "🔴 THÔNG BÁO KHẨN TỪ KSBANK 🔴\n" + KSBANK,
                account="KSBank Hỗ Trợ Khách Hàng",
                kind="public",
            ),
            Doc(
                "[KSBank] Tai khoan cua Quy khach chua cap nhat sinh trac hoc theo quy dinh "
                "moi cua NHNN va se bi TAM KHOA sau 17h00 ngay 10/02/2026. Vui long xac minh "
                "tai: https://ksbank-xacminh.example/cap-nhat. Hotline 24/7: 0912 345 678.",
                at=3.2,
                platform="zalo",
                account="hai.dang.hl",
                variant="no_diacritics",
            ),
            Doc(
                "Cả nhà ai dùng KSBank thì cập nhật đi nhé, sắp Tết mà bị khóa tài khoản thì "
                "khổ 😥 Tài khoản chưa cập nhật sinh trắc học theo quy định mới của Ngân hàng "
                "Nhà nước sẽ bị TẠM KHÓA sau 17h00 ngày 10/02/2026. Vào đây xác minh: "
                "https://ksbank-xacminh.example/cap-nhat, có gì gọi hotline 0912 345 678.",
                at=24.6,
                account="lananh.hl",
                variant="edited",
            ),
            Doc(
                "CẢNH GIÁC!!! Tin nhắn kiểu này là LỪA ĐẢO nhé mọi người, ngân hàng không bao "
                'giờ gửi link bắt xác minh đâu. Nội dung: "Tài khoản của Quý khách chưa cập '
                "nhật sinh trắc học theo quy định mới của Ngân hàng Nhà nước và sẽ bị TẠM KHÓA "
                "sau 17h00 ngày 10/02/2026. Quý khách vui lòng xác minh tại: "
                'https://ksbank-xacminh.example/cap-nhat". Đứa em họ mình bấm vào mất sạch 40 '
                "triệu rồi 😭",
                at=27.9,
                account="co.giao.thao",
                verdict="true",
                variant="warning",
                group="Cộng đồng Lâm Xuyên 24h",
            ),
        ],
        segments=[("spread", 6, 1, 8), ("burst", 24, 13, 5), ("spread", 30, 3, 40)],
    ),
    Story(
        slug="tin-nhan-phat-nguoi-gia-mao",
        theme="scam",
        verdict="false",
        start="2026-04-13T08:10",
        register="misinfo",
        docs=[
            Doc(PHAT_NGUOI, platform="zalo", account="tuan.moc.go"),
            Doc(
                "Anh em đi xe ở Lâm Xuyên chú ý!!! Đang có đợt phạt nguội lỗi vượt đèn đỏ ở "
                "nút giao Trần Phú - Lê Lợi, mức phạt 4.000.000đ, nộp trong vòng 48 giờ được "
                "giảm 50%. Tra cứu xem mình có dính không ở đây: "
                "https://csgt-phatnguoi.example/tra-cuu. Quá hạn là hồ sơ chuyển sang cưỡng "
                "chế đấy.",
                at=2.5,
                account="hung.xe.om",
                variant="edited",
            ),
            Doc(
                "Cuc CSGT thong bao: Phuong tien cua ban vi pham loi vuot den do tai nut giao "
                "Tran Phu - Le Loi luc 15h30 ngay 12/4/2026. Muc phat nguoi: 4.000.000d. Nop "
                "phat trong 48 gio duoc giam 50%. Tra cuu va nop phat tai: "
                "https://csgt-phatnguoi.example/tra-cuu. Qua han ho so se chuyen cuong che.",
                at=30.4,
                platform="zalo",
                account="pho.nui.88",
                variant="no_diacritics",
            ),
            Doc(
                'Có ai nhận được tin nhắn phạt nguội giống em không ạ? "Phương tiện mang biển '
                "kiểm soát đăng ký chính chủ của bạn đã vi phạm lỗi vượt đèn đỏ tại nút giao "
                "Trần Phú - Lê Lợi lúc 15h30 ngày 12/4/2026. Mức phạt nguội: 4.000.000đ. Nộp "
                'phạt trong vòng 48 giờ được giảm 50%." Em định bấm link nộp luôn cho nhanh '
                "mà thấy cứ lạ lạ.",
                at=31.0,
                account="vy.vy.lx",
                variant="edited",
                group="Cộng đồng Lâm Xuyên 24h",
            ),
        ],
        segments=[("spread", 5, 1, 5), ("burst", 30, 12, 5.5), ("spread", 38, 2, 60)],
    ),
    Story(
        slug="hoan-tien-dien-thang-5",
        theme="scam",
        verdict="false",
        start="2026-06-12T09:00",
        register="misinfo",
        docs=[
            Doc(
                HOAN_TIEN_DIEN,
                account="Điện Lực Hòa Lâm - Chăm Sóc Khách Hàng",
                kind="public",
            ),
            Doc(
                "Nhà nào tháng 5 tiền điện cao vọt thì vào đăng ký nhận lại tiền nhé, nhà mình "
                "được hoàn 780.000đ rồi 😍 Điện lực nhận do sự cố hệ thống đo đếm nên hóa đơn "
                "tháng 5/2026 tính cao hơn thực tế, hoàn từ 350.000đ đến 1.200.000đ mỗi hộ. "
                "Điền mã khách hàng với số tài khoản ở https://dienluc-hoantien.example trước "
                "ngày 20/6 nha.",
                at=5.5,
                account="thu.trang.lx",
                variant="edited",
            ),
            Doc(
                "Điện lực Hòa Lâm thông báo hoàn tiền điện tháng 5: do sự cố hệ thống đo đếm, "
                "hóa đơn tháng 5/2026 của nhiều hộ bị tính cao hơn thực tế, công ty hoàn trả "
                "từ 350.000đ đến 1.200.000đ/hộ. Đăng ký tại https://dienluc-hoantien.example "
                "trước 20/6, hết hạn không giải quyết.",
                at=28.3,
                platform="zalo",
                account="kim.ngan.1995",
                variant="edited",
            ),
        ],
        segments=[("spread", 12, 1, 6), ("burst", 28, 8, 5), ("spread", 34, 2, 48)],
    ),
    Story(
        slug="gia-danh-cong-an-trieu-tap-online",
        theme="scam",
        verdict="false",
        start="2026-09-14T09:30",
        register="misinfo",
        docs=[
            Doc(TRIEU_TAP, platform="zalo", account="tuyet.mai.89"),
            Doc(
                "Mẹ em vừa nhận được tin nhắn Zalo này, bà sợ quá cứ đòi cài ứng dụng để làm "
                'việc với công an 😟 "Ông/bà có liên quan đến một vụ án rửa tiền đang được '
                "điều tra. Đề nghị ông/bà có mặt tại trụ sở lúc 8h00 ngày 18/9/2026 hoặc làm "
                "việc trực tuyến qua ứng dụng Dịch vụ công Công an tải tại "
                'https://dichvucong-congan.example." Có ai nhận được giống vậy không ạ?',
                at=26,
                account="minhduc.vh",
                variant="edited",
                group="Góc Phố Vĩnh Hưng",
            ),
            Doc(
                'CẢNH BÁO LỪA ĐẢO: Ai nhận tin nhắn "Công an phường Đông Thịnh thông báo: '
                'Ông/bà có liên quan đến một vụ án rửa tiền đang được điều tra", bảo tải ứng '
                "dụng ở https://dichvucong-congan.example thì tuyệt đối đừng cài nhé. Chú mình "
                "cài xong bị rút sạch 120 triệu trong tài khoản. Công an không bao giờ làm việc "
                "qua Zalo!",
                at=70,
                account="an.nhien.cafe",
                verdict="true",
                variant="warning",
            ),
        ],
        segments=[("spread", 2, 6, 400)],
        strip_p=0.35,
    ),
]

# ---------------------------------------------------------------------------------------
# Fake official notices
# ---------------------------------------------------------------------------------------

NGHI_HOC = (
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH HÒA LÂM\n"
    "Số: 412/TB-SGDĐT - Hòa Lâm, ngày 10 tháng 3 năm 2026\n"
    "THÔNG BÁO KHẨN\n"
    "V/v cho học sinh nghỉ học để phòng, chống dịch cúm A\n"
    "Căn cứ diễn biến phức tạp của dịch cúm A/H5N1 trên địa bàn, Sở Giáo dục và Đào tạo "
    "tỉnh Hòa Lâm thông báo toàn bộ học sinh mầm non, tiểu học và THCS trên địa bàn tỉnh "
    "nghỉ học từ ngày 11/3/2026 đến hết ngày 25/3/2026. Trong thời gian nghỉ, các trường tổ "
    "chức dạy học trực tuyến. Đề nghị phụ huynh học sinh nắm bắt và thực hiện nghiêm túc.\n"
    "KT. GIÁM ĐỐC - PHÓ GIÁM ĐỐC (đã ký)"
)

THU_PHI = (
    'QUYẾT ĐỊNH CỦA UBND TỈNH HÒA LÂM: Từ ngày 1/7/2026, mỗi hộ gia đình phải nộp "phí '
    'bảo trì hạ tầng khu dân cư" 150.000đ/tháng, thu qua tổ trưởng dân phố. Hộ nào không '
    "nộp sẽ bị cắt nước sinh hoạt và không được xác nhận hồ sơ hành chính. Quyết định số "
    "1186/QĐ-UBND ký ngày 2/6/2026. Mọi người chia sẻ cho nhau biết mà chuẩn bị tiền."
)

NHAP_NGU = (
    "HỘI ĐỒNG NGHĨA VỤ QUÂN SỰ PHƯỜNG VĨNH HƯNG\n"
    "LỆNH GỌI KHÁM SỨC KHỎE BỔ SUNG NĂM 2026\n"
    "Theo chỉ đạo của cấp trên, toàn bộ công dân nam sinh từ năm 1991 đến năm 2008 đang cư "
    "trú trên địa bàn phường, kể cả người đã hoàn thành nghĩa vụ, phải có mặt khám sức khỏe "
    "bổ sung trước ngày 30/11/2026. Công dân nộp lệ phí khám 1.500.000đ vào số tài khoản "
    "1903 5566 7788 (chủ tài khoản Nguyễn Văn H.) để được xếp lịch. Người không chấp hành sẽ "
    "bị xử phạt từ 50 đến 75 triệu đồng và có thể bị truy cứu trách nhiệm hình sự."
)

FAKE_NOTICES = [
    Story(
        slug="gia-mao-thong-bao-nghi-hoc-cum-a",
        theme="fake_notice",
        verdict="false",
        start="2026-03-10T20:05",
        register="misinfo",
        docs=[
            Doc(
                "Các mẹ ơi có thông báo nghỉ học 2 tuần rồi này 😱\n" + NGHI_HOC,
                account="me.bap.bi",
                group="Hội Phụ huynh Hòa Lâm",
            ),
            Doc(
                NGHI_HOC + "\nPhụ huynh lớp 3A lưu ý ạ.",
                at=0.7,
                platform="zalo",
                account="co.giao.thao",
                variant="edited",
            ),
            Doc(
                "Chính thức rồi các mẹ nhé, học sinh mầm non, tiểu học và THCS toàn tỉnh nghỉ "
                "học từ 11/3/2026 đến hết 25/3/2026 để chống dịch cúm A/H5N1, các trường tổ "
                "chức dạy học trực tuyến. Thông báo số 412/TB-SGDĐT của Sở Giáo dục và Đào tạo "
                "tỉnh Hòa Lâm ký ngày 10/3. Ai chưa biết thì báo nhau nhé.",
                at=1.9,
                account="mai.phuong.hn",
                variant="edited",
            ),
            Doc(
                "cac me oi so giao duc thong bao cho hoc sinh mam non, tieu hoc, thcs toan "
                "tinh nghi hoc tu 11/3/2026 den het 25/3/2026 de chong dich cum A/H5N1, cac "
                "truong to chuc day hoc truc tuyen. thong bao so 412/TB-SGDDT nhe",
                at=2.6,
                platform="zalo",
                account="ba.ngoai.ti",
                variant="no_diacritics",
            ),
        ],
        segments=[("burst", 1.4, 12, 4.5)],
    ),
    Story(
        slug="gia-mao-quyet-dinh-thu-phi-ha-tang",
        theme="fake_notice",
        verdict="false",
        start="2026-06-05T19:30",
        register="misinfo",
        docs=[
            Doc(THU_PHI, account="phuc.loc.tho"),
            Doc(
                'Lại thêm khoản phí mới đây bà con ơi 😤 Từ 1/7/2026 mỗi hộ phải nộp "phí bảo '
                'trì hạ tầng khu dân cư" 150.000đ/tháng, thu qua tổ trưởng dân phố, không nộp '
                "là bị cắt nước và không được xác nhận hồ sơ. Quyết định số 1186/QĐ-UBND của "
                "UBND tỉnh ký ngày 2/6/2026 đấy.",
                at=14,
                account="duy.manh.xe.tai",
                variant="edited",
            ),
            Doc(
                "QUYET DINH CUA UBND TINH HOA LAM: tu 1/7/2026 moi ho gia dinh phai nop phi bao "
                "tri ha tang khu dan cu 150.000d/thang, thu qua to truong dan pho. Ho nao khong "
                "nop se bi cat nuoc sinh hoat va khong duoc xac nhan ho so hanh chinh. Quyet "
                "dinh so 1186/QD-UBND ky ngay 2/6/2026.",
                at=40,
                platform="zalo",
                account="bo.cu.tit",
                variant="no_diacritics",
            ),
        ],
        segments=[("spread", 2, 4, 60), ("spread", 70, 3, 200)],
    ),
    Story(
        slug="gia-mao-lenh-kham-nghia-vu-quan-su",
        theme="fake_notice",
        verdict="false",
        start="2026-11-17T10:15",
        register="misinfo",
        docs=[
            Doc(
                "Anh em phường Vĩnh Hưng đọc kỹ nhé, có lệnh rồi đấy 👇\n" + NHAP_NGU,
                account="trung.kien.dt",
            ),
            Doc(NHAP_NGU, at=3, platform="zalo", account="hoangnam1990", variant="repost"),
            Doc(
                "Năm nay lạ thế, đã đi bộ đội về rồi mà vẫn phải khám bổ sung? Lệnh của Hội "
                "đồng nghĩa vụ quân sự phường Vĩnh Hưng: toàn bộ công dân nam sinh từ năm 1991 "
                "đến năm 2008, kể cả người đã hoàn thành nghĩa vụ, phải khám sức khỏe bổ sung "
                "trước ngày 30/11/2026, nộp lệ phí 1.500.000đ vào số tài khoản 1903 5566 7788. "
                "Không chấp hành bị phạt từ 50 đến 75 triệu đồng. Ai biết rõ thì giải thích "
                "giúp với.",
                at=31,
                account="quang.huy.2k",
                variant="edited",
                group="Góc Phố Vĩnh Hưng",
            ),
        ],
        segments=[("spread", 6, 1, 8), ("burst", 30, 12, 5)],
    ),
]

# ---------------------------------------------------------------------------------------
# Health hoaxes
# ---------------------------------------------------------------------------------------

CHANH_NONG = (
    "NƯỚC CHANH NÓNG CÓ THỂ CỨU CẢ ĐỜI BẠN!!! Một giáo sư đầu ngành ung bướu cho biết chanh "
    "nóng tiêu diệt tế bào ung thư mạnh gấp 10.000 lần hóa trị mà không hề có tác dụng phụ. "
    "Chỉ cần thái 2-3 lát chanh cho vào cốc, đổ nước sôi vào và uống hằng ngày, nước chanh "
    "nóng sẽ tiết ra chất đắng giết chết tế bào ác tính. Bệnh viện không muốn bạn biết điều "
    "này vì họ sẽ mất tiền chữa bệnh. Đọc xong hãy chia sẻ cho 10 người bạn yêu quý, bạn có "
    "thể cứu được một mạng người!"
)

BEP_AN = (
    "KHẨN: Trưa nay hàng chục cháu học sinh trường THCS Vĩnh Hưng phải đi cấp cứu sau bữa "
    "ăn bán trú. Nghe nói thịt gà nhập từ một lò mổ không giấy phép, tẩm hóa chất nên mới "
    "thế. Có 2 cháu đã không qua khỏi mà nhà trường còn đang cố giấu!!! Phụ huynh nào có con "
    "học ở đây kiểm tra ngay. Chia sẻ để các trường khác cảnh giác 😭😭"
)

VAC_XIN = (
    "Các mẹ đừng cho con đi tiêm vắc xin sởi đợt này nhé!!! Lô vắc xin về trạm y tế xã Tân "
    "Lập là hàng lỗi, đã có 3 bé tiêm xong bị co giật rồi liệt nửa người, đang nằm ở viện "
    "tỉnh. Trạm y tế được giao chỉ tiêu nên cứ tiêm bừa. Em có người nhà làm trong viện nên "
    "mới biết, thương các con quá 😢 Mẹ nào chưa tiêm thì hoãn lại ngay."
)

CHE_DAY = (
    "Tiểu đường bao nhiêu năm cũng khỏi sau 1 liệu trình! Lá chè dây rừng Suối Mây hái tận "
    "gốc trên núi, sao vàng hạ thổ theo bài thuốc gia truyền 5 đời. Bác tôi uống 7 ngày "
    "đường huyết từ 15 về 5,5, bỏ hẳn thuốc tây, không cần tiêm insulin nữa. Liệu trình 10 "
    "ngày chỉ 650.000đ, miễn phí giao hàng toàn quốc. Gọi hoặc Zalo 0987 654 321 để được tư "
    "vấn."
)

HEALTH = [
    Story(
        slug="nuoc-chanh-nong-chua-ung-thu",
        theme="health_hoax",
        verdict="false",
        start="2026-03-16T07:40",
        register="misinfo",
        docs=[
            Doc(CHANH_NONG, account="ba.ngoai.ti"),
            Doc(
                "Nước chanh nóng có thể cứu cả đời bạn. Một giáo sư đầu ngành ung bướu cho biết "
                "chanh nóng tiêu diệt tế bào ung thư mạnh gấp 10.000 lần hoá trị mà không hề có "
                "tác dụng phụ. Chỉ cần thái 2-3 lát chanh cho vào cốc, đổ nước sôi vào và uống "
                "hằng ngày. Đọc xong hãy chia sẻ cho người thân, bạn có thể cứu được một mạng "
                "người 🙏",
                at=30,
                account="phuc.loc.tho",
                variant="old_tone_marks",
            ),
            Doc(
                paras(
                    "Nước chanh từ lâu đã được xem là thức uống tốt cho sức khỏe nhờ hàm lượng "
                    "vitamin C dồi dào.",
                    "Gần đây, nhiều người chia sẻ rằng chanh nóng tiêu diệt tế bào ung thư mạnh "
                    "gấp 10.000 lần hóa trị mà không hề có tác dụng phụ. Theo đó, chỉ cần thái "
                    "2-3 lát chanh cho vào cốc, đổ nước sôi vào và uống hằng ngày, nước chanh "
                    "nóng sẽ tiết ra chất đắng giết chết tế bào ác tính.",
                    "Dù chưa được kiểm chứng đầy đủ, không ít bạn đọc cho biết đã duy trì thói "
                    "quen này và cảm thấy cơ thể khỏe mạnh hơn. Bạn đọc có thể tham khảo và áp "
                    "dụng ngay tại nhà.",
                ),
                at=120,
                platform="web",
                account="Sức Khỏe Xanh",
                kind="public",
                title="Uống nước chanh nóng mỗi sáng: bí quyết phòng ngừa ung thư ít người biết",
                variant="coverage",
            ),
            Doc(
                "Chỉ cần thái 2-3 lát chanh cho vào cốc, đổ nước sôi vào và uống hằng ngày, nước "
                "chanh nóng sẽ tiết ra chất đắng giết chết tế bào ác tính. Theo một giáo sư đầu "
                "ngành ung bướu, chanh nóng tiêu diệt tế bào ung thư mạnh gấp 10.000 lần hóa "
                "trị. Xem hết video để biết cách uống đúng nhất. Đăng ký kênh để nhận thêm bài "
                "thuốc hay mỗi ngày!",
                at=260,
                platform="youtube",
                account="Sống Khỏe Mỗi Ngày TV",
                kind="public",
                title="Uống nước chanh nóng theo cách này, tế bào ung thư tự chết",
                variant="edited",
            ),
        ],
        segments=[("spread", 3, 7, 900), ("spread", 4300, 3, 120)],
        strip_p=0.3,
    ),
    Story(
        slug="ngo-doc-bep-an-ban-tru-vinh-hung",
        theme="health_hoax",
        verdict="misleading",
        start="2026-05-13T15:20",
        register="misinfo",
        docs=[
            Doc(BEP_AN, account="tam.an.lx", group="Cộng đồng Lâm Xuyên 24h"),
            Doc(
                "Trường THCS Vĩnh Hưng có mấy chục cháu phải đi cấp cứu sau bữa ăn bán trú trưa "
                "nay, nghe nói thịt gà tẩm hóa chất. Có 2 cháu không qua khỏi rồi!!! Phụ huynh "
                "có con học ở đó kiểm tra ngay đi.",
                at=0.8,
                platform="zalo",
                account="me.bap.bi",
                variant="edited",
            ),
            Doc(
                paras(
                    "Trưa 13/5, hàng chục học sinh Trường THCS Vĩnh Hưng phải đi cấp cứu sau "
                    "bữa ăn bán trú tại trường.",
                    "Theo thông tin lan truyền trên mạng xã hội, thịt gà trong bữa ăn được nhập "
                    "từ một lò mổ không giấy phép, tẩm hóa chất nên mới thế. Một số tài khoản "
                    "còn cho rằng có 2 cháu đã không qua khỏi nhưng nhà trường đang cố giấu "
                    "thông tin.",
                    "Nhiều phụ huynh hốt hoảng bỏ dở công việc chạy đến trường và bệnh viện tìm "
                    "con. Tin Hot Mỗi Ngày sẽ tiếp tục cập nhật vụ việc.",
                ),
                at=2.7,
                platform="web",
                account="Tin Hot Mỗi Ngày",
                kind="public",
                title=(
                    "Rúng động: Hàng chục học sinh nhập viện sau bữa trưa bán trú, nghi thịt gà "
                    "tẩm hóa chất"
                ),
                variant="coverage",
            ),
        ],
        segments=[("spread", 1, 6, 28), ("spread", 40, 3, 110)],
    ),
    Story(
        slug="tin-don-vac-xin-soi-loi",
        theme="health_hoax",
        verdict="false",
        start="2026-07-21T21:10",
        register="misinfo",
        docs=[
            Doc(VAC_XIN, account="ngoc.anh.tanlap", group="Hội Phụ huynh Hòa Lâm"),
            Doc(
                "Mẹ nào ở Tân Lập chưa cho con tiêm vắc xin sởi thì hoãn lại ngay nhé 😢 Nghe "
                "nói lô vắc xin về trạm y tế xã Tân Lập đợt này là hàng lỗi, đã có 3 bé tiêm "
                "xong bị co giật rồi liệt nửa người. #vacxin #mebimsua #hoalam",
                at=13,
                platform="tiktok",
                account="me.bim.sua.tanlap",
                variant="edited",
            ),
            Doc(
                "Có mẹ nào biết thông tin này đúng không ạ? Em đọc trong nhóm thấy bảo lô vắc "
                "xin sởi về trạm y tế xã Tân Lập là hàng lỗi, đã có 3 bé tiêm xong bị co giật "
                "rồi liệt nửa người, đang nằm ở viện tỉnh. Mai con em đến lịch tiêm mà lo quá.",
                at=17,
                account="kim.ngan.1995",
                variant="edited",
            ),
        ],
        segments=[("spread", 1, 5, 45), ("spread", 50, 3, 240)],
    ),
    Story(
        slug="la-che-day-chua-tieu-duong",
        theme="health_hoax",
        verdict="false",
        start="2026-10-20T10:00",
        register="misinfo",
        docs=[
            Doc(CHE_DAY, account="Thảo Dược Núi Rừng Suối Mây", kind="public"),
            Doc(
                "Uống 7 ngày đường huyết từ 15 về 5,5, bỏ hẳn thuốc tây 😍 Lá chè dây rừng Suối "
                "Mây sao vàng hạ thổ theo bài thuốc gia truyền 5 đời, tiểu đường bao nhiêu năm "
                "cũng khỏi sau 1 liệu trình. Liệu trình 10 ngày 650k, freeship. Zalo 0987 654 "
                "321. #thaoduoc #tieuduong #suoimay",
                at=50,
                platform="tiktok",
                account="thao.duoc.suoimay",
                variant="edited",
            ),
            Doc(
                "Lá chè dây rừng Suối Mây hái tận gốc trên núi, sao vàng hạ thổ theo bài thuốc "
                "gia truyền 5 đời. Người bệnh uống 7 ngày đường huyết từ 15 về 5,5, bỏ hẳn "
                "thuốc tây, không cần tiêm insulin nữa. Liên hệ 0987 654 321 để đặt liệu trình "
                "10 ngày giá 650.000đ.",
                at=150,
                platform="youtube",
                account="Sống Khỏe Mỗi Ngày TV",
                kind="public",
                title="Bài thuốc gia truyền chữa khỏi tiểu đường chỉ sau 7 ngày",
                variant="edited",
            ),
            Doc(
                "Mẹ mình uống lá chè dây rừng Suối Mây được hơn 1 tuần, đường huyết từ 15 về "
                "5,5 thật mọi người ạ, giờ bỏ hẳn thuốc tây rồi. Ai nhà có người tiểu đường thì "
                "gọi 0987 654 321, liệu trình 10 ngày 650.000đ, giao hàng toàn quốc.",
                at=300,
                account="huongbeo.shop",
                variant="edited",
            ),
        ],
        segments=[("spread", 5, 5, 700)],
        strip_p=0.2,
    ),
]

# ---------------------------------------------------------------------------------------
# Disaster rumours
# ---------------------------------------------------------------------------------------

DONG_DAT = (
    "CẢNH BÁO ĐỘNG ĐẤT!!! Theo nguồn tin từ các nhà khoa học, khoảng 23h đêm 20/5 sẽ xảy ra "
    "động đất mạnh 6,8 độ Richter, tâm chấn nằm dưới lòng hồ Suối Mây. Các nhà ở gần núi và "
    "ven sông Ngân Giang có nguy cơ sập. Bà con nên chuẩn bị đồ đạc, đêm đó không ngủ trong "
    "nhà, tắt ga và ngắt cầu dao điện. Thà tin còn hơn mất mạng, chia sẻ cho mọi người cùng "
    "biết!!!"
)

DAP_VO = (
    "KHẨN CẤP!!! Đập thủy điện Suối Mây đã nứt một đường dài, nước đang rỉ ra rất mạnh, nhà "
    "máy chuẩn bị xả hết cửa. Người dân các xã ven sông Ngân Giang từ Suối Mây xuống Tân Lập "
    "mau di chuyển lên chỗ cao ngay trong đêm nay. Ai có người thân ở dưới hạ du gọi điện báo "
    "gấp. Chính quyền chưa thông báo nhưng người trong nhà máy đã sơ tán gia đình rồi!!!"
)

SIEU_BAO = (
    "Siêu bão mạnh nhất 50 năm qua với sức gió giật trên cấp 17 sẽ đổ bộ trực tiếp vào Hòa "
    "Lâm trong 48 giờ tới. Các chuyên gia khí tượng nước ngoài cảnh báo mưa lớn tới 800 mm có "
    "thể nhấn chìm toàn bộ khu trung tâm tỉnh. Bà con vùng ven biển xã An Điềm cần sơ tán "
    "ngay, các gia đình khác tích trữ lương thực, nước uống và gia cố nhà cửa. Theo dõi kênh "
    "để cập nhật đường đi của siêu bão nhanh nhất!"
)

DISASTERS = [
    Story(
        slug="du-doan-dong-dat-ho-suoi-may",
        theme="disaster_rumour",
        verdict="false",
        start="2026-05-16T21:00",
        register="misinfo",
        docs=[
            Doc(DONG_DAT, account="hoa.sua.thang10"),
            Doc(
                "Các nhà khoa học cảnh báo khoảng 23h đêm 20/5 sẽ xảy ra động đất mạnh 6,8 độ "
                "Richter dưới lòng hồ Suối Mây 😨 Các nhà ở gần núi và ven sông Ngân Giang có "
                "nguy cơ sập. Thà tin còn hơn mất mạng! #dongdat #canhbao #hoalam #xuhuong",
                at=16,
                platform="tiktok",
                account="bi.an.the.gioi.vn",
                variant="edited",
            ),
            Doc(
                "Theo nguồn tin từ các nhà khoa học, khoảng 23h đêm 20/5 sẽ xảy ra động đất "
                "mạnh 6,8 độ Richter, tâm chấn nằm dưới lòng hồ Suối Mây. Các nhà ở gần núi và "
                "ven sông Ngân Giang có nguy cơ sập. Bà con nên chuẩn bị đồ đạc, tắt ga và ngắt "
                "cầu dao điện. Hãy đăng ký kênh và bật chuông để nhận cảnh báo sớm nhất!",
                at=40,
                platform="youtube",
                account="Tin Nóng 24/7 TV",
                kind="public",
                title="CẢNH BÁO: Động đất 6,8 độ Richter sắp xảy ra tại Hòa Lâm?",
                variant="edited",
            ),
        ],
        segments=[("spread", 1, 5, 70), ("spread", 72, 3, 24)],
    ),
    Story(
        slug="tin-don-vo-dap-thuy-dien-suoi-may",
        theme="disaster_rumour",
        verdict="false",
        start="2026-08-18T17:05",
        register="misinfo",
        docs=[
            Doc(DAP_VO, account="chu.ba.suoimay", group="Người Suối Mây"),
            Doc(
                "Nhà ai ở ven sông Ngân Giang thì chạy lên chỗ cao ngay đi!!! Đập thủy điện "
                "Suối Mây nứt một đường dài rồi, nước rỉ ra mạnh lắm, nhà máy chuẩn bị xả hết "
                "cửa. Người trong nhà máy sơ tán gia đình hết rồi mà chính quyền vẫn chưa thông "
                "báo.",
                at=1.2,
                platform="zalo",
                account="ngoc.anh.tanlap",
                variant="edited",
            ),
            Doc(
                "Mưa to cả ngày, giờ lại nghe tin đập thủy điện Suối Mây đã nứt một đường dài, "
                "nước đang rỉ ra rất mạnh 😰 Bà con ven sông Ngân Giang từ Suối Mây xuống Tân "
                "Lập mau di chuyển lên chỗ cao ngay trong đêm nay. #suoimay #thuydien #mualu "
                "#hoalam",
                at=3.0,
                platform="tiktok",
                account="tin.nong.mien.nui",
                variant="edited",
            ),
            Doc(
                paras(
                    "Tối 18/8, trong khi mưa lớn vẫn kéo dài, mạng xã hội lan truyền thông tin "
                    '"đập thủy điện Suối Mây đã nứt một đường dài, nước đang rỉ ra rất mạnh, '
                    'nhà máy chuẩn bị xả hết cửa".',
                    "Nhiều bài đăng kêu gọi người dân các xã ven sông Ngân Giang từ Suối Mây "
                    "xuống Tân Lập di chuyển lên chỗ cao ngay trong đêm. Một số gia đình ở xã "
                    "Tân Lập đã thu dọn đồ đạc, đưa người già và trẻ nhỏ lên nhà người quen ở "
                    "vùng cao.",
                    "Tin Nhanh 24h đang liên hệ với đơn vị vận hành nhà máy để làm rõ thông "
                    "tin. Bạn đọc ở khu vực hạ du đề nghị chú ý an toàn.",
                ),
                at=4.1,
                platform="web",
                account="Tin Nhanh 24h",
                kind="public",
                title=(
                    "Xôn xao tin đập thủy điện Suối Mây bị nứt, người dân hạ du hoảng loạn "
                    "trong đêm"
                ),
                verdict="misleading",
                variant="coverage",
            ),
            Doc(
                "khan cap!!! dap thuy dien suoi may nut roi, nuoc ri ra manh lam, nha may sap xa "
                "het cua. ai o ven song ngan giang tu suoi may xuong tan lap len cho cao ngay "
                "trong dem nay. co nguoi than o ha du thi goi bao gap!!!",
                at=4.6,
                platform="zalo",
                account="chu.ba.suoimay",
                variant="no_diacritics",
            ),
        ],
        segments=[("burst", 2.5, 17, 5.4)],
        strip_p=0.35,
    ),
    Story(
        slug="sieu-bao-cap-17-bia-dat",
        theme="disaster_rumour",
        verdict="false",
        start="2026-09-20T19:00",
        register="misinfo",
        docs=[
            Doc(
                SIEU_BAO,
                platform="youtube",
                account="Tin Nóng 24/7 TV",
                kind="public",
                title="SIÊU BÃO CẤP 17 ĐANG TIẾN VÀO HÒA LÂM - BÀ CON KHẨN CẤP SƠ TÁN",
            ),
            Doc(
                "Siêu bão mạnh nhất 50 năm qua với sức gió giật trên cấp 17 sẽ đổ bộ vào Hòa "
                "Lâm trong 48 giờ tới 😱 Bà con ven biển An Điềm sơ tán ngay, nhà nào cũng tích "
                "trữ lương thực, nước uống đi! #sieubao #hoalam #tinnong",
                at=5,
                platform="tiktok",
                account="bi.an.the.gioi.vn",
                variant="edited",
            ),
            Doc(
                paras(
                    "Những ngày qua, mạng xã hội xôn xao thông tin siêu bão mạnh nhất 50 năm "
                    "qua với sức gió giật trên cấp 17 sẽ đổ bộ trực tiếp vào Hòa Lâm trong 48 "
                    "giờ tới.",
                    "Theo các video được chia sẻ rộng rãi, chuyên gia khí tượng nước ngoài cảnh "
                    "báo mưa lớn tới 800 mm có thể nhấn chìm toàn bộ khu trung tâm tỉnh. Nhiều "
                    "người dân đã đổ xô đi mua mì tôm, nước đóng chai và tôn, bạt để gia cố "
                    "nhà cửa.",
                    "Độc giả cần theo dõi thông tin chính thức từ cơ quan khí tượng để có "
                    "phương án phòng tránh phù hợp.",
                ),
                at=20,
                platform="web",
                account="Tin Hot Mỗi Ngày",
                kind="public",
                title="Siêu bão cấp 17 sắp đổ bộ, Hòa Lâm có thể bị nhấn chìm?",
                verdict="misleading",
                variant="coverage",
            ),
            Doc(
                "Mọi người ơi siêu bão cấp 17 sắp vào Hòa Lâm rồi!!! Trong 48 giờ tới bão đổ bộ "
                "trực tiếp, mưa tới 800 mm có thể nhấn chìm cả khu trung tâm tỉnh. Nhà ai ở ven "
                "biển An Điềm sơ tán đi, còn lại tích trữ đồ ăn, nước uống, gia cố nhà cửa "
                "ngay.",
                at=9,
                account="lananh.hl",
                variant="edited",
            ),
        ],
        segments=[("spread", 1, 5, 34), ("spread", 36, 3, 80)],
    ),
]

# ---------------------------------------------------------------------------------------
# Price and policy rumours
# ---------------------------------------------------------------------------------------

XANG = (
    "Anh em đổ xăng ngay tối nay nhé!!! Nghe bên cây xăng nói từ 0h đêm nay giá xăng RON 95 "
    "tăng gấp đôi, lên hơn 45.000đ/lít vì tình hình thế giới căng thẳng. Mấy cây xăng trên "
    "đường Lê Lợi đã bắt đầu xếp hàng dài rồi. Đổ đầy bình, nhà có can thì mua trữ thêm mà "
    "dùng. Ai chưa biết thì share cho nhau."
)

MUOI = (
    "Bà con ơi mua muối về dự trữ đi!!! Năm nay mưa trái mùa, các đồng muối miền Trung mất "
    "trắng, lại thêm nước biển bị nhiễm bẩn nên sắp tới sẽ không có muối sạch mà ăn. Chợ Đông "
    "Thịnh sáng nay giá muối đã lên 25.000đ/kg, chiều còn tăng nữa. Nhà nào cũng nên mua 10-20 "
    "kg để dành. Chia sẻ cho người thân kẻo không kịp!"
)

CAMERA = (
    "TỪ 1/7/2026 XE MÁY KHÔNG LẮP CAMERA HÀNH TRÌNH SẼ BỊ PHẠT 2 TRIỆU ĐỒNG!!! Theo quy định "
    "mới, tất cả xe máy lưu thông trên đường phải gắn camera hành trình để phục vụ xử lý vi "
    "phạm. CSGT sẽ ra quân kiểm tra từ đầu tháng, không có camera phạt 2 triệu và tạm giữ xe "
    "7 ngày. Ai chưa lắp thì lắp sớm, bên mình đang có loại 490.000đ lắp tận nơi, inbox hoặc "
    "gọi 0909 123 456. Chia sẻ cho anh em biết mà tránh!"
)

QUY_TIN_DUNG = (
    "Nghe tin Quỹ tín dụng Ngọc Khê sắp phá sản, giám đốc ôm tiền bỏ trốn rồi!!! Chiều nay "
    "người dân đã kéo đến rút tiền đông nghẹt. Ai có tiền gửi ở đó thì sáng mai đi rút ngay, "
    "để chậm là mất trắng. Nhà tôi gửi 300 triệu cũng chuẩn bị đi rút đây, mọi người nhanh "
    "lên!!!"
)

KHU_CONG_NGHIEP = (
    "Nghe nói xã Thạch Lâm sắp bị quy hoạch làm khu công nghiệp gần 500 ha, dân ở mấy thôn "
    "ven ĐT.742 sẽ phải giải tỏa hết. Giá đất mấy tuần nay nhảy liên tục, có lô mặt đường "
    "đang rao 2,5 tỷ đồng. Ai có thông tin chính xác thì chia sẻ cho bà con với, đừng để bị "
    "cò đất lừa."
)

PRICE_POLICY = [
    Story(
        slug="xang-tang-gia-gap-doi",
        theme="price_policy_rumour",
        verdict="false",
        start="2026-04-15T16:50",
        register="misinfo",
        docs=[
            Doc(XANG, account="duy.manh.xe.tai"),
            Doc(
                "Từ 0h đêm nay xăng tăng gấp đôi, lên hơn 45.000đ/lít. Cây xăng đường Lê Lợi "
                "xếp hàng dài rồi, nhà nào có xe đi đổ đầy bình ngay đi!!!",
                at=1.5,
                platform="zalo",
                account="hai.dang.hl",
                variant="edited",
            ),
            Doc(
                "Cây xăng Lê Lợi tối nay đông nghẹt 😱 Nghe nói từ 0h đêm nay giá xăng RON 95 "
                "tăng gấp đôi, lên hơn 45.000đ/lít. Anh em đổ đầy bình ngay tối nay nhé, nhà có "
                "can thì mua trữ thêm! #hoalam #giaxang #tinnong",
                at=3.4,
                platform="tiktok",
                account="review.hoalam",
                variant="edited",
            ),
            Doc(
                paras(
                    "Tối 15/4, nhiều cửa hàng xăng dầu trên đường Lê Lợi, phường Lâm Xuyên bất "
                    "ngờ đông nghẹt người xếp hàng chờ đổ xăng.",
                    'Nguyên nhân là trên mạng xã hội lan truyền thông tin: "Từ 0h đêm nay giá '
                    "xăng RON 95 tăng gấp đôi, lên hơn 45.000đ/lít vì tình hình thế giới căng "
                    'thẳng". Nhiều người còn mang theo can nhựa để mua trữ thêm.',
                    'Anh N.V.H., một người dân có mặt tại cây xăng, cho biết: "Nghe mọi người '
                    "bảo xăng sắp tăng gấp đôi nên tôi tranh thủ đi đổ đầy bình, mua thêm một "
                    'can cho chắc".',
                    "Đến thời điểm đăng tải, Tin Nhanh 24h chưa liên hệ được với cơ quan chức "
                    "năng để xác minh thông tin.",
                ),
                at=4.2,
                platform="web",
                account="Tin Nhanh 24h",
                kind="public",
                title=("Người dân Hòa Lâm đổ xô đi mua xăng trong đêm vì tin đồn giá tăng gấp đôi"),
                verdict="misleading",
                variant="coverage",
            ),
        ],
        segments=[("burst", 2.2, 16, 5)],
    ),
    Story(
        slug="khan-hiem-muoi",
        theme="price_policy_rumour",
        verdict="false",
        start="2026-06-20T06:30",
        register="misinfo",
        docs=[
            Doc(MUOI, account="huongbeo.shop"),
            Doc(
                "Sắp tới không có muối sạch mà ăn đâu, đồng muối miền Trung mất trắng, nước "
                "biển lại bị nhiễm bẩn. Chợ Đông Thịnh sáng nay muối lên 25.000đ/kg rồi, nhà nào "
                "mua được 10-20 kg thì mua ngay đi.",
                at=5,
                platform="zalo",
                account="ba.ngoai.ti",
                variant="edited",
            ),
            Doc(
                "ba con oi mua muoi ve du tru di!!! dong muoi mien trung mat trang, nuoc bien bi "
                "nhiem ban nen sap toi ko co muoi sach ma an. cho dong thinh sang nay muoi len "
                "25k/kg roi, nha nao cung nen mua 10-20kg de danh",
                at=9,
                account="bo.cu.tit",
                variant="no_diacritics",
            ),
        ],
        segments=[("spread", 1, 4, 46), ("spread", 50, 2, 190)],
    ),
    Story(
        slug="phat-xe-may-khong-camera-hanh-trinh",
        theme="price_policy_rumour",
        verdict="false",
        start="2026-06-28T11:00",
        register="misinfo",
        docs=[
            Doc(CAMERA, account="Phụ Tùng Xe Máy Lâm Xuyên", kind="public"),
            Doc(
                "Từ 1/7 xe máy không lắp camera hành trình bị phạt 2 triệu đồng và tạm giữ xe 7 "
                "ngày, anh em biết chưa? Theo quy định mới, tất cả xe máy lưu thông trên đường "
                "phải gắn camera hành trình để phục vụ xử lý vi phạm, CSGT ra quân kiểm tra từ "
                "đầu tháng. Lắp sớm cho yên tâm.",
                at=20,
                account="hung.xe.om",
                variant="edited",
            ),
            Doc(
                "Anh em xe ôm chú ý: từ 1/7/2026 xe máy không lắp camera hành trình sẽ bị phạt 2 "
                "triệu đồng 😳 CSGT sẽ ra quân kiểm tra từ đầu tháng, không có camera phạt 2 "
                "triệu và tạm giữ xe 7 ngày. #xemay #luatmoi #csgt",
                at=30,
                platform="tiktok",
                account="xe.om.cong.nghe.hl",
                variant="edited",
            ),
            Doc(
                "tu 1/7/2026 xe may khong lap camera hanh trinh se bi phat 2 trieu dong. csgt ra "
                "quan kiem tra tu dau thang, ko co camera phat 2tr va tam giu xe 7 ngay. ae chia "
                "se cho nhau biet",
                at=44,
                platform="zalo",
                account="pho.nui.88",
                variant="no_diacritics",
            ),
        ],
        segments=[("spread", 2, 5, 95), ("spread", 100, 3, 140)],
    ),
    Story(
        slug="quy-tin-dung-ngoc-khe-pha-san",
        theme="price_policy_rumour",
        verdict="false",
        start="2026-10-12T20:30",
        register="misinfo",
        docs=[
            Doc(QUY_TIN_DUNG, account="kim.ngan.1995", group="Chợ Quê Ngọc Khê"),
            Doc(
                "Quỹ tín dụng Ngọc Khê sắp phá sản, giám đốc ôm tiền bỏ trốn rồi. Ai có sổ tiết "
                "kiệm ở đó đi rút ngay sáng mai, để chậm là mất trắng!!!",
                at=1.5,
                platform="zalo",
                account="tuyet.mai.89",
                variant="edited",
            ),
            Doc(
                "nghe noi quy tin dung ngoc khe sap pha san, giam doc om tien tron roi. ai co "
                "tien gui o do sang mai di rut ngay di ko la mat trang. nha minh gui 300tr cung "
                "chuan bi di rut day!!!",
                at=11.2,
                platform="zalo",
                account="duy.manh.xe.tai",
                variant="no_diacritics",
            ),
            Doc(
                paras(
                    "Sáng 13/10, hàng trăm người dân xã Ngọc Khê tập trung trước trụ sở Quỹ tín "
                    "dụng nhân dân Ngọc Khê để rút tiền tiết kiệm.",
                    "Theo ghi nhận, từ tối 12/10, trên mạng xã hội lan truyền thông tin quỹ tín "
                    'dụng "sắp phá sản, giám đốc ôm tiền bỏ trốn". Nhiều người lo lắng nên '
                    "kéo đến từ sớm, mang theo sổ tiết kiệm và căn cước.",
                    "Bà T., 62 tuổi, cho biết cả đời dành dụm được hơn 200 triệu đồng gửi ở quỹ "
                    "nên rất hoang mang. Đến trưa cùng ngày, hoạt động giao dịch tại quỹ vẫn "
                    "diễn ra, nhiều người đã rút được tiền.",
                ),
                at=15.8,
                platform="web",
                account="Tin Nhanh 24h",
                kind="public",
                title="Người dân xếp hàng rút tiền tại Quỹ tín dụng Ngọc Khê",
                verdict="mostly_true",
                variant="coverage",
            ),
        ],
        segments=[("burst", 10.6, 13, 5), ("spread", 17, 2, 48)],
    ),
    Story(
        slug="tin-don-khu-cong-nghiep-thach-lam",
        theme="price_policy_rumour",
        verdict="unverifiable",
        start="2026-07-25T20:00",
        register="misinfo",
        docs=[
            Doc(KHU_CONG_NGHIEP, account="quang.huy.2k", group="Hội Những Người Yêu Hòa Lâm"),
            Doc(
                "Thạch Lâm sắp làm khu công nghiệp gần 500 ha thật không mọi người? Thấy bảo "
                "mấy thôn ven ĐT.742 sẽ phải giải tỏa hết, giá đất mấy tuần nay nhảy liên tục, "
                "có lô mặt đường rao tới 2,5 tỷ đồng rồi.",
                at=48,
                account="tuan.moc.go",
                variant="edited",
            ),
            Doc(
                "nghe noi xa thach lam sap quy hoach lam khu cong nghiep gan 500ha, dan may thon "
                "ven DT742 phai giai toa het. gia dat nhay lien tuc, lo mat duong rao 2,5 ty "
                "roi. ai co tin chinh xac thi chia se cho ba con voi",
                at=130,
                platform="zalo",
                account="hung.xe.om",
                variant="no_diacritics",
            ),
        ],
        segments=[("spread", 3, 4, 560)],
        strip_p=0.2,
    ),
]

# ---------------------------------------------------------------------------------------
# Ordinary true news (articles of the fictional outlets)
# ---------------------------------------------------------------------------------------

LE_HOI = paras(
    "Sáng 22/2 (tức mùng 6 tháng Giêng), tại xã Ngọc Khê, UBND xã phối hợp với Ban quản lý "
    "di tích tổ chức lễ khai hội đền Ngọc Khê xuân Bính Ngọ 2026. Đông đảo người dân và du "
    "khách thập phương đã về dự.",
    "Phần lễ gồm nghi thức rước kiệu từ đình làng về đền, lễ dâng hương tưởng niệm và đọc "
    "chúc văn. Đoàn rước dài gần 1 km với hơn 300 người tham gia trong trang phục truyền "
    "thống.",
    "Phần hội diễn ra đến hết ngày 24/2 với nhiều trò chơi dân gian như kéo co, đánh đu, bịt "
    "mắt bắt dê, giải cờ tướng và hát giao duyên trên sông Ngân Giang. Năm nay, ban tổ chức "
    "bổ sung không gian trưng bày sản phẩm OCOP của các xã trong tỉnh.",
    "Để bảo đảm an toàn, lực lượng công an xã bố trí các điểm trông giữ xe với giá niêm yết "
    "5.000đ/lượt xe máy, 30.000đ/lượt ô tô. Ban tổ chức khuyến cáo du khách không đặt tiền lẻ "
    "tùy tiện lên ban thờ, bảo quản tư trang và phản ánh các hành vi chèo kéo qua đường dây "
    "nóng 0912 345 678.",
    "Theo Ban quản lý di tích, dịp Tết Nguyên đán vừa qua, đền Ngọc Khê đã đón khoảng 45.000 "
    "lượt khách, tăng gần 20% so với cùng kỳ năm trước.",
)

CAU = paras(
    "Sáng 28/3, UBND tỉnh Hòa Lâm tổ chức lễ thông xe cầu Ngân Giang 2 nối phường Lâm Xuyên "
    "với xã Tân Lập, sớm hơn kế hoạch gần hai tháng.",
    "Cầu dài 860 m, rộng 17,5 m với 4 làn xe và hai làn đường dành cho người đi bộ, tổng mức "
    "đầu tư hơn 780 tỷ đồng từ ngân sách trung ương và ngân sách tỉnh. Công trình được khởi "
    "công tháng 9/2023.",
    "Trước đây, người dân xã Tân Lập muốn vào trung tâm tỉnh phải đi vòng qua cầu cũ, quãng "
    "đường dài thêm khoảng 12 km và thường xuyên ùn tắc vào giờ cao điểm. Cầu mới đưa vào sử "
    "dụng giúp giảm tải cho cầu Ngân Giang 1 đã xuống cấp sau gần 30 năm khai thác.",
    "Phát biểu tại buổi lễ, lãnh đạo UBND tỉnh đề nghị chủ đầu tư tiếp tục hoàn thiện hệ thống "
    "chiếu sáng, cây xanh hai đầu cầu trước ngày 30/4 và phối hợp với địa phương quản lý hành "
    "lang an toàn giao thông.",
    "Theo Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh, từ 15h30 cùng "
    "ngày, cầu chính thức cho phép các phương tiện lưu thông. Xe tải trên 30 tấn tạm thời chưa "
    "được đi qua cầu cho đến khi hoàn tất kiểm định tải trọng.",
)

LUA = paras(
    "Những ngày này, trên các cánh đồng ở xã Tân Lập, xã Hưng Lộc và phường Vĩnh Hưng, nông "
    "dân đang khẩn trương thu hoạch lúa đông xuân trong những ngày nắng ráo.",
    "Theo Sở Nông nghiệp và Môi trường, toàn tỉnh gieo cấy hơn 38.000 ha lúa vụ đông xuân "
    "2025-2026. Đến nay đã thu hoạch được khoảng 40% diện tích, năng suất bình quân ước đạt "
    "64 tạ/ha, tăng 2,3 tạ/ha so với vụ trước nhờ thời tiết thuận lợi và ít sâu bệnh.",
    "Khoảng 85% diện tích được thu hoạch bằng máy gặt đập liên hợp. Giá thuê máy gặt dao động "
    "từ 350.000đ đến 400.000đ mỗi sào, tùy chân ruộng.",
    "Ông Lê Văn Thành, nông dân thôn Đồng Mới, xã Tân Lập cho biết gia đình cấy 1,2 ha giống "
    "lúa chất lượng cao. Năm nay thương lái thu mua tại ruộng với giá 7.800đ/kg lúa tươi, cao "
    "hơn năm ngoái khoảng 500đ/kg.",
    "Ngành nông nghiệp khuyến cáo bà con tranh thủ thu hoạch dứt điểm trước ngày 10/6 để tránh "
    "mưa lớn đầu mùa, đồng thời không đốt rơm rạ trên đồng ruộng gây ô nhiễm không khí.",
)

THI = paras(
    "Sáng 11/6, hơn 14.200 thí sinh tỉnh Hòa Lâm bước vào kỳ thi tốt nghiệp THPT năm 2026 với "
    "bài thi môn Ngữ văn. Toàn tỉnh bố trí 36 điểm thi với 612 phòng thi.",
    "Tại điểm thi Trường THPT Ngân Giang, từ 6h30, các thí sinh đã có mặt đông đủ để nghe phổ "
    "biến quy chế. Lực lượng công an, y tế và điện lực được bố trí thường trực tại tất cả các "
    "điểm thi.",
    "Theo Sở Giáo dục và Đào tạo, buổi thi đầu tiên diễn ra an toàn, nghiêm túc, đúng quy "
    "chế. Toàn tỉnh có 58 thí sinh vắng mặt, không có thí sinh vi phạm quy chế.",
    "Đoàn Thanh niên các phường, xã tổ chức nhiều điểm hỗ trợ nước uống miễn phí, chỗ trú nắng "
    "và xe đưa đón thí sinh có hoàn cảnh khó khăn. Thí sinh cần hỗ trợ có thể liên hệ đường "
    "dây nóng của Sở GD&ĐT: 0912 246 810.",
)

BONG_DA = paras(
    "Chiều 19/7, tại Sân vận động tỉnh, trận chung kết Giải bóng đá Thiếu niên - Nhi đồng "
    "tỉnh Hòa Lâm năm 2026 đã diễn ra sôi nổi trước sự cổ vũ của gần 3.000 khán giả.",
    "Đội phường Lâm Xuyên giành chiến thắng 2-1 trước đội xã Hưng Lộc. Bàn thắng quyết định "
    "được ghi ở phút 57 từ một pha đá phạt trực tiếp của cầu thủ mang áo số 10.",
    "Giải năm nay quy tụ 24 đội bóng với gần 500 cầu thủ từ 11 đến 15 tuổi, thi đấu từ ngày "
    "1/7. Ban tổ chức trao giải Phong cách cho đội xã Suối Mây, đội bóng có nhiều cầu thủ là "
    "con em đồng bào dân tộc thiểu số.",
    "Theo Sở Văn hóa, Thể thao và Du lịch, một số cầu thủ nổi bật sẽ được giới thiệu tham gia "
    "tuyển chọn vào các lớp năng khiếu bóng đá của tỉnh trong năm học tới.",
)

MUA_LON = paras(
    "Do ảnh hưởng của rãnh áp thấp kết hợp với gió mùa Tây Nam hoạt động mạnh, từ chiều tối "
    "17/8 đến hết ngày 19/8, khu vực tỉnh Hòa Lâm có mưa vừa, mưa to, có nơi mưa rất to. Tổng "
    "lượng mưa phổ biến từ 120 đến 200 mm, riêng các xã vùng núi phía Tây như Suối Mây, Thạch "
    "Lâm có nơi trên 300 mm.",
    "Cảnh báo: mưa lớn có khả năng gây lũ quét trên các sông suối nhỏ, sạt lở đất trên sườn "
    "dốc và ngập úng tại vùng trũng thấp. Cấp độ rủi ro thiên tai do mưa lớn: cấp 2.",
    "Mực nước sông Ngân Giang có khả năng lên mức báo động 1 vào ngày 19/8. Trong cơn dông có "
    "khả năng xảy ra lốc, sét và gió giật mạnh.",
    "Người dân cần thường xuyên theo dõi các bản tin dự báo tiếp theo, hạn chế đi lại qua "
    "ngầm, tràn và khu vực có nguy cơ sạt lở, chủ động thu hoạch hoa màu. Bản tin tiếp theo "
    "được phát hành lúc 15h30 chiều nay.",
)

KHAI_GIANG = paras(
    "Sáng 5/9, hơn 260.000 học sinh các cấp trên địa bàn tỉnh Hòa Lâm đồng loạt dự lễ khai "
    "giảng năm học 2026-2027. Trong tiếng trống trường rộn rã, nhiều em học sinh lớp 1 lần "
    "đầu bước vào ngôi trường mới với niềm háo hức.",
    "Năm học này, toàn tỉnh có 587 trường học, tăng 4 trường so với năm học trước. Đáng chú "
    "ý, Trường Tiểu học Đông Thịnh và Trường THCS Vĩnh Hưng đã hoàn thành khu nhà học mới với "
    "tổng kinh phí gần 46 tỷ đồng, kịp đưa vào sử dụng từ ngày tựu trường.",
    "Tại lễ khai giảng ở Trường THPT Ngân Giang, lãnh đạo Sở GD&ĐT mong muốn các thầy cô tiếp "
    "tục đổi mới phương pháp dạy học, tăng cường giáo dục kỹ năng sống và an toàn giao thông "
    "cho học sinh.",
    "Nhân dịp này, nhiều doanh nghiệp và nhà hảo tâm đã trao hơn 1.200 suất học bổng, xe đạp "
    "và sách vở cho học sinh có hoàn cảnh khó khăn, tổng trị giá khoảng 2,5 tỷ đồng.",
)

CAM = paras(
    "Tối 14/11, tại xã Suối Mây, Lễ hội cam Suối Mây lần thứ nhất năm 2026 chính thức khai "
    'mạc với chủ đề "Sắc cam đại ngàn". Lễ hội diễn ra trong 3 ngày, đến hết 16/11.',
    "Toàn xã hiện có hơn 1.100 ha cam, trong đó 320 ha được cấp mã số vùng trồng và 180 ha "
    "đạt chứng nhận VietGAP. Sản lượng năm nay ước đạt 21.000 tấn, giá bán tại vườn từ "
    "25.000đ đến 35.000đ/kg tùy loại.",
    "Trong khuôn khổ lễ hội có không gian trưng bày hơn 150 gian hàng nông sản, cuộc thi cam "
    "ngon, tour trải nghiệm hái cam tại vườn và đêm giao lưu văn nghệ dân tộc.",
    "Theo UBND xã Suối Mây, lễ hội là dịp quảng bá thương hiệu cam đặc sản, kết nối tiêu thụ "
    "với các doanh nghiệp phân phối và sàn thương mại điện tử. Du khách có thể đi xe buýt "
    "tuyến 09 từ trung tâm tỉnh lên Suối Mây, giá vé 25.000đ/lượt.",
)

XE_BUYT = paras(
    "Sáng 6/10, tuyến xe buýt điện số 01 Bến xe trung tâm Lâm Xuyên - Khu du lịch hồ Đá Bạc "
    "chính thức đi vào hoạt động, là tuyến xe buýt điện đầu tiên của tỉnh Hòa Lâm.",
    "Tuyến dài 28 km, đi qua cầu Ngân Giang 2 với 34 điểm dừng đón trả khách. Xe chạy từ 5h30 "
    "đến 20h30 hằng ngày, tần suất 15-20 phút/chuyến.",
    "Giá vé lượt là 8.000đ, vé tháng 150.000đ; học sinh, sinh viên được giảm 50%. Người cao "
    "tuổi, người khuyết tật và trẻ em cao dưới 1,3 m được miễn phí. Trong tháng đầu khai "
    "trương, hành khách được miễn phí toàn bộ để làm quen với dịch vụ.",
    "Đơn vị vận hành cho biết 12 xe buýt điện đều có wifi, cổng sạc điện thoại và thiết bị hỗ "
    "trợ xe lăn. Hành khách có thể thanh toán bằng tiền mặt, thẻ hoặc quét mã QR.",
)

RET_DAM = paras(
    "Do ảnh hưởng của không khí lạnh tăng cường, từ đêm 3/2 đến hết ngày 7/2, khu vực tỉnh Hòa "
    "Lâm có rét đậm, vùng núi có rét hại. Nhiệt độ thấp nhất phổ biến từ 8 đến 11 độ C, các xã "
    "vùng cao như Suối Mây, Thạch Lâm có nơi dưới 5 độ C, có khả năng xuất hiện băng giá.",
    "Cảnh báo: rét đậm, rét hại có thể ảnh hưởng đến sức khỏe con người, gây chết rét gia súc, "
    "gia cầm và làm hại cây trồng, đặc biệt là mạ và lúa mới cấy. Cấp độ rủi ro thiên tai do "
    "rét hại: cấp 1.",
    "Người dân cần giữ ấm cho người già và trẻ nhỏ, không đốt than sưởi trong phòng kín. Các hộ "
    "chăn nuôi che chắn chuồng trại, dự trữ thức ăn, không thả trâu bò lên rừng khi nhiệt độ "
    "xuống dưới 10 độ C.",
)

BAO = "Báo Hòa Lâm"
DAI = "Đài Phát thanh và Truyền hình Hòa Lâm"
NSV = "Nhịp Sống Việt"
LXO = "Lâm Xuyên Online"
NNHN = "Nông Nghiệp Hôm Nay"

TRUE_NEWS = [
    Story(
        slug="canh-bao-ret-dam-ret-hai",
        theme="true_news",
        verdict="true",
        start="2026-02-03T09:30",
        register="news",
        notes=[
            "Trời lạnh rồi, cả nhà giữ ấm nhé 🧣",
            "Bà con vùng cao nhớ che chắn chuồng trại cho trâu bò.",
            "Tuyệt đối không đốt than sưởi trong phòng kín nhé mọi người!",
        ],
        docs=[
            Doc(RET_DAM, account="Trung tâm Khí tượng Thủy văn tỉnh Hòa Lâm", kind="public"),
            Doc(
                edit(
                    RET_DAM,
                    ("Do ảnh hưởng", "Theo Trung tâm Khí tượng Thủy văn tỉnh, do ảnh hưởng"),
                ),
                at=2,
                platform="web",
                account=BAO,
                kind="public",
                title="Hòa Lâm rét đậm từ đêm 3/2, vùng núi có thể xuất hiện băng giá",
                variant="edited",
            ),
            Doc(
                edit(RET_DAM, ("Người dân cần", "Ngành chức năng khuyến cáo người dân cần")),
                at=4,
                platform="web",
                account=DAI,
                kind="public",
                title="Rét đậm, rét hại ở Hòa Lâm kéo dài đến hết ngày 7/2",
                variant="edited",
            ),
        ],
        segments=[("spread", 1, 5, 60)],
        pages=[
            "UBND xã Suối Mây",
            "UBND xã Thạch Lâm",
            "Người Suối Mây",
            "Hòa Lâm TV",
            "Hội Những Người Yêu Hòa Lâm",
        ],
        strip_p=0.15,
    ),
    Story(
        slug="khai-hoi-den-ngoc-khe",
        theme="true_news",
        verdict="true",
        start="2026-02-22T10:15",
        register="news",
        notes=[
            "Năm nay đông vui quá, cả nhà đi hội chưa? 😍",
            "Mùng 6 về Ngọc Khê trẩy hội thôi!",
            "Quê mình đẹp lắm, mời mọi người về chơi ❤️",
        ],
        docs=[
            Doc(
                LE_HOI,
                platform="web",
                account=BAO,
                kind="public",
                title="Khai hội đền Ngọc Khê xuân Bính Ngọ 2026",
            ),
            Doc(
                edit(
                    LE_HOI,
                    ("Sáng 22/2 (tức mùng 6 tháng Giêng)", "Sáng nay (22/2), tức mùng 6 Tết"),
                    (
                        "Đông đảo người dân và du khách thập phương đã về dự.",
                        "Hàng nghìn người dân và du khách thập phương đã về dự lễ.",
                    ),
                    drop=(LE_HOI.split("\n\n")[-1],),
                ),
                at=2.5,
                platform="web",
                account=DAI,
                kind="public",
                title="Xã Ngọc Khê khai hội đền đầu xuân Bính Ngọ",
                variant="edited",
            ),
            Doc(
                edit(
                    LE_HOI,
                    ("đến hết ngày 24/2", "đến hết ngày 26/2"),
                    ("khoảng 45.000", "hơn 50.000"),
                    drop=(LE_HOI.split("\n\n")[3],),
                ),
                at=7,
                platform="web",
                account=LXO,
                kind="public",
                title="Đền Ngọc Khê mở hội xuân, du khách nô nức trẩy hội",
                verdict="mostly_true",
                variant="edited",
            ),
        ],
        segments=[("spread", 1, 5, 70)],
        pages=["UBND xã Ngọc Khê", "Hòa Lâm TV", "Hội Những Người Yêu Hòa Lâm", "Chợ Quê Ngọc Khê"],
        strip_p=0.15,
    ),
    Story(
        slug="thong-xe-cau-ngan-giang-2",
        theme="true_news",
        verdict="true",
        start="2026-03-28T11:40",
        register="news",
        notes=[
            "Cuối cùng cũng thông xe rồi, đi làm đỡ phải vòng 12 km 👏",
            "Cây cầu đẹp quá, chiều nay ra chụp ảnh thôi!",
            "Bà con Tân Lập mong mãi mới có ngày này.",
        ],
        docs=[
            Doc(
                CAU,
                platform="web",
                account=BAO,
                kind="public",
                title="Thông xe cầu Ngân Giang 2, rút ngắn 12 km đường vòng",
            ),
            Doc(
                edit(
                    CAU,
                    ("Sáng 28/3", "Sáng nay 28/3"),
                    ("sớm hơn kế hoạch gần hai tháng", "về đích sớm gần hai tháng so với kế hoạch"),
                ),
                at=1.5,
                platform="web",
                account=DAI,
                kind="public",
                title="Cầu Ngân Giang 2 chính thức thông xe",
                variant="edited",
            ),
            Doc(
                edit(
                    CAU,
                    ("Sáng 28/3, UBND tỉnh Hòa Lâm", "Ngày 28/3, tỉnh Hòa Lâm"),
                    drop=(CAU.split("\n\n")[3],),
                ),
                at=6,
                platform="web",
                account=NSV,
                kind="public",
                title="Hòa Lâm thông xe cầu hơn 780 tỷ đồng vượt sông Ngân Giang",
                variant="edited",
            ),
        ],
        segments=[("spread", 1, 6, 100)],
        pages=["UBND phường Lâm Xuyên", "UBND xã Tân Lập", "Hòa Lâm TV", "Cộng đồng Lâm Xuyên 24h"],
        strip_p=0.15,
    ),
    Story(
        slug="thu-hoach-lua-dong-xuan",
        theme="true_news",
        verdict="true",
        start="2026-05-26T09:00",
        register="news",
        notes=["Năm nay được mùa được giá rồi 🌾", "Mùa gặt quê mình đây, nhìn mà thương 🌾"],
        docs=[
            Doc(
                LUA,
                platform="web",
                account=BAO,
                kind="public",
                title="Nông dân Hòa Lâm vào vụ gặt lúa đông xuân, năng suất ước đạt 64 tạ/ha",
            ),
            Doc(
                edit(
                    LUA,
                    ("Những ngày này, trên", "Những ngày cuối tháng 5, trên"),
                    drop=(LUA.split("\n\n")[4],),
                ),
                at=30,
                platform="web",
                account=NNHN,
                kind="public",
                title="Hòa Lâm: Lúa đông xuân được mùa, được giá",
                variant="edited",
            ),
        ],
        segments=[("spread", 3, 5, 230)],
        pages=["UBND xã Tân Lập", "Hòa Lâm TV", "Hội Những Người Yêu Hòa Lâm"],
        strip_p=0.2,
    ),
    Story(
        slug="thi-tot-nghiep-thpt-2026",
        theme="true_news",
        verdict="true",
        start="2026-06-11T12:30",
        register="news",
        notes=["Chúc các sĩ tử bình tĩnh, tự tin làm bài thật tốt! 💪", "Cố lên các em ơi!"],
        docs=[
            Doc(
                THI,
                platform="web",
                account=BAO,
                kind="public",
                title="Hơn 14.200 thí sinh Hòa Lâm dự kỳ thi tốt nghiệp THPT năm 2026",
            ),
            Doc(
                edit(THI, ("Sáng 11/6, hơn", "Sáng nay (11/6), hơn")),
                at=1,
                platform="web",
                account=DAI,
                kind="public",
                title="Hòa Lâm: Buổi thi đầu tiên diễn ra an toàn, nghiêm túc",
                variant="edited",
            ),
            Doc(
                edit(THI, drop=(THI.split("\n\n")[3],)),
                at=4,
                platform="web",
                account=NSV,
                kind="public",
                title="Hòa Lâm có 58 thí sinh vắng thi môn Ngữ văn",
                variant="edited",
            ),
        ],
        segments=[("spread", 1, 5, 40)],
        pages=[
            "Sở GD&ĐT Hòa Lâm",
            "Trường THPT Ngân Giang",
            "Đoàn Thanh niên tỉnh Hòa Lâm",
            "Hội Phụ huynh Hòa Lâm",
        ],
        strip_p=0.15,
    ),
    Story(
        slug="chung-ket-bong-da-thieu-nien",
        theme="true_news",
        verdict="true",
        start="2026-07-19T19:10",
        register="news",
        notes=[
            "Chúc mừng các cầu thủ nhí ⚽",
            "Tự hào quá Lâm Xuyên ơi!",
            "Trận chung kết hay thật sự, các cháu đá rất có tinh thần.",
        ],
        docs=[
            Doc(
                BONG_DA,
                platform="web",
                account=DAI,
                kind="public",
                title="Phường Lâm Xuyên vô địch Giải bóng đá Thiếu niên - Nhi đồng tỉnh 2026",
            ),
            Doc(
                edit(BONG_DA, ("Chiều 19/7", "Chiều qua (19/7)")),
                at=14,
                platform="web",
                account=BAO,
                kind="public",
                title="Đội phường Lâm Xuyên lên ngôi vô địch bóng đá thiếu niên",
                variant="edited",
            ),
        ],
        segments=[("spread", 1, 4, 50)],
        pages=["UBND phường Lâm Xuyên", "Hòa Lâm TV", "Cộng đồng Lâm Xuyên 24h"],
        strip_p=0.2,
    ),
    Story(
        slug="du-bao-mua-lon-thang-8",
        theme="true_news",
        verdict="true",
        start="2026-08-17T10:00",
        register="news",
        notes=[
            "Bà con vùng núi chú ý mưa lớn, cẩn thận lũ quét nhé!",
            "Cập nhật thời tiết mấy ngày tới, mọi người lưu ý.",
            "Ai đi làm xa nhớ tránh đi qua ngầm, tràn nhé.",
        ],
        docs=[
            Doc(
                MUA_LON,
                account="Trung tâm Khí tượng Thủy văn tỉnh Hòa Lâm",
                kind="public",
            ),
            Doc(
                edit(
                    MUA_LON,
                    ("Bản tin tiếp theo được phát hành lúc 15h30 chiều nay.", ""),
                    prefix=(
                        "Trung tâm Khí tượng Thủy văn tỉnh Hòa Lâm vừa phát đi bản tin dự báo mưa "
                        "lớn diện rộng. "
                    ),
                ),
                at=1.5,
                platform="web",
                account=BAO,
                kind="public",
                title="Hòa Lâm sắp có mưa lớn diện rộng, cảnh báo lũ quét và sạt lở đất",
                variant="edited",
            ),
            Doc(
                edit(MUA_LON, ("Bản tin tiếp theo được phát hành lúc 15h30 chiều nay.", "")),
                at=3,
                platform="web",
                account=DAI,
                kind="public",
                title="Cảnh báo mưa to đến rất to ở vùng núi phía Tây từ chiều tối 17/8",
                variant="edited",
            ),
        ],
        segments=[("spread", 1, 6, 30)],
        pages=[
            "UBND xã Suối Mây",
            "UBND xã Tân Lập",
            "UBND xã Thạch Lâm",
            "Hòa Lâm TV",
            "Người Suối Mây",
        ],
        strip_p=0.15,
    ),
    Story(
        slug="khai-giang-nam-hoc-2026-2027",
        theme="true_news",
        verdict="true",
        start="2026-09-05T10:30",
        register="news",
        notes=[
            "Chúc các con năm học mới chăm ngoan, học giỏi ❤️",
            "Năm học mới, trường mới, các con vui lắm!",
        ],
        docs=[
            Doc(
                KHAI_GIANG,
                platform="web",
                account=BAO,
                kind="public",
                title="Hơn 260.000 học sinh Hòa Lâm hân hoan khai giảng năm học mới",
            ),
            Doc(
                edit(KHAI_GIANG, drop=(KHAI_GIANG.split("\n\n")[2],)),
                at=2,
                platform="web",
                account=DAI,
                kind="public",
                title="Rộn ràng ngày hội đến trường",
                variant="edited",
            ),
        ],
        segments=[("spread", 1, 6, 70)],
        pages=[
            "Sở GD&ĐT Hòa Lâm",
            "Trường THPT Ngân Giang",
            "Trường Tiểu học Đông Thịnh",
            "Hội Phụ huynh Hòa Lâm",
        ],
        strip_p=0.15,
    ),
    Story(
        slug="khai-truong-xe-buyt-dien",
        theme="true_news",
        verdict="true",
        start="2026-10-06T10:00",
        register="news",
        notes=[
            "Có xe buýt điện rồi, cuối tuần đưa bọn trẻ đi hồ Đá Bạc thôi 🚌",
            "Tháng đầu miễn phí, mọi người đi thử nhé!",
        ],
        docs=[
            Doc(
                XE_BUYT,
                platform="web",
                account=BAO,
                kind="public",
                title="Khai trương tuyến xe buýt điện đầu tiên của tỉnh Hòa Lâm",
            ),
            Doc(
                edit(
                    XE_BUYT,
                    ("Giá vé lượt là 8.000đ", "Giá vé lượt là 7.000đ"),
                    ("Tuyến dài 28 km", "Tuyến dài gần 30 km"),
                ),
                at=5,
                platform="web",
                account=LXO,
                kind="public",
                title="Lâm Xuyên có xe buýt điện, vé chỉ 7.000 đồng",
                verdict="mostly_true",
                variant="edited",
            ),
        ],
        segments=[("spread", 1, 5, 110)],
        pages=[
            "UBND phường Lâm Xuyên",
            "Cộng đồng Lâm Xuyên 24h",
            "Đoàn Thanh niên tỉnh Hòa Lâm",
            "Góc Phố Vĩnh Hưng",
        ],
        strip_p=0.15,
    ),
    Story(
        slug="le-hoi-cam-suoi-may",
        theme="true_news",
        verdict="true",
        start="2026-11-14T21:30",
        register="news",
        notes=[
            "Cam Suối Mây ngọt lắm, ai lên chơi thì ghé nhé 🍊",
            "Lễ hội đầu tiên của xã mình, mời cả nhà lên chơi!",
        ],
        docs=[
            Doc(
                CAM,
                platform="web",
                account=DAI,
                kind="public",
                title="Khai mạc Lễ hội cam Suối Mây lần thứ nhất",
            ),
            Doc(
                edit(CAM, ("Tối 14/11", "Tối qua (14/11)")),
                at=11,
                platform="web",
                account=BAO,
                kind="public",
                title="Lễ hội cam Suối Mây: quảng bá đặc sản vùng cao",
                variant="edited",
            ),
            Doc(
                edit(CAM, drop=(CAM.split("\n\n")[3],)),
                at=36,
                platform="web",
                account=NNHN,
                kind="public",
                title="Cam Suối Mây được mùa, giá tại vườn 25.000-35.000 đồng/kg",
                variant="edited",
            ),
        ],
        segments=[("spread", 1, 4, 100)],
        pages=["UBND xã Suối Mây", "Người Suối Mây", "Hòa Lâm TV", "Hội Những Người Yêu Hòa Lâm"],
        strip_p=0.15,
    ),
]

# ---------------------------------------------------------------------------------------
# Opinions (not factual claims: out of scope for verification)
# ---------------------------------------------------------------------------------------

DT742 = (
    "Dự án nâng cấp ĐT.742 đoạn qua xã Thạch Lâm khởi công từ năm 2023 mà đến giờ vẫn ngổn "
    "ngang. Ngày nắng thì bụi mù mịt, ngày mưa thì ổ gà ổ voi, xe máy đi qua nhiều khi phải "
    "dắt bộ. Tôi hiểu giải phóng mặt bằng có nhiều vướng mắc, nhưng mong chủ đầu tư và nhà thầu "
    "công khai tiến độ cụ thể để bà con biết khi nào xong. Ít nhất cũng nên tưới nước chống bụi "
    "thường xuyên và cắm biển cảnh báo ở những đoạn đào dở."
)

UN_TAC = (
    "Sáng nào cũng vậy, từ 6h45 đến 7h15 đoạn trước cổng Trường Tiểu học Đông Thịnh tắc cứng. "
    "Phụ huynh dừng xe tràn ra giữa đường, xe tải vẫn đi qua đúng giờ cao điểm, rất nguy hiểm "
    "cho các cháu. Theo tôi, nhà trường nên cho các khối vào lớp lệch nhau 15 phút, còn phường "
    "bố trí thêm người phân luồng và kẻ vạch dừng đỗ xe đón trả học sinh. Phụ huynh mình cũng "
    "nên chịu khó gửi xe xa hơn một chút rồi đi bộ vài bước vào cổng. Mọi người thấy sao?"
)

SAN_CHOI = (
    "Khu trung tâm phường Lâm Xuyên bây giờ nhà cao tầng mọc lên nhiều nhưng chỗ cho trẻ con "
    "chơi thì gần như không có. Chiều nào bọn trẻ nhà tôi cũng chỉ quanh quẩn với cái điện "
    "thoại. Tôi nghĩ khu đất trống cạnh nhà văn hóa tổ dân phố 5 nên làm thành sân chơi nhỏ, "
    "vài cái xích đu, cầu trượt là đủ. Chi phí không lớn, các hộ trong tổ cũng sẵn sàng góp "
    "công góp của. Mong phường xem xét."
)

OPINIONS = [
    Story(
        slug="y-kien-du-an-dt742-cham-tien-do",
        theme="opinion",
        verdict="opinion",
        start="2026-04-08T20:15",
        register="opinion",
        notes=[
            "Đồng ý với bác này 👍",
            "Chuẩn luôn, ngày nào mình cũng đi qua đoạn này.",
            "Mong sớm xong để bà con đỡ khổ.",
        ],
        docs=[
            Doc(DT742, account="tuan.moc.go", group="Hội Những Người Yêu Hòa Lâm"),
            Doc(
                edit(
                    DT742,
                    ("mà đến giờ vẫn ngổn ngang", "mà sang tháng 10/2026 vẫn ngổn ngang"),
                    prefix="Nửa năm trước tôi đã viết, giờ vẫn y nguyên 😔 ",
                ),
                at=4400,
                account="tuan.moc.go",
                variant="edited",
            ),
        ],
        segments=[("spread", 5, 4, 1500), ("spread", 4300, 1, 300)],
        strip_p=0.25,
    ),
    Story(
        slug="y-kien-un-tac-cong-truong-dong-thinh",
        theme="opinion",
        verdict="opinion",
        start="2026-09-10T07:40",
        register="opinion",
        notes=[
            "Ý kiến rất hợp lý, mong nhà trường và phường xem xét.",
            "Sáng nay con mình suýt bị xe quệt ở đúng đoạn này 😟",
            "Ủng hộ đề xuất cho các khối vào lớp lệch giờ.",
        ],
        docs=[
            Doc(UN_TAC, account="mai.phuong.hn", group="Hội Phụ huynh Hòa Lâm"),
            Doc(
                "sang nao cung vay, tu 6h45 den 7h15 doan truoc cong truong tieu hoc dong thinh "
                "tac cung. phu huynh dung xe tran ra giua duong, xe tai van di qua dung gio cao "
                "diem, rat nguy hiem cho cac chau. theo minh truong nen cho cac khoi vao lop "
                "lech nhau 15 phut, phuong bo tri them nguoi phan luong.",
                at=30,
                account="hoangnam1990",
                variant="no_diacritics",
            ),
        ],
        segments=[("spread", 2, 4, 450)],
        strip_p=0.2,
    ),
    Story(
        slug="y-kien-san-choi-tre-em-lam-xuyen",
        theme="opinion",
        verdict="opinion",
        start="2026-06-14T16:00",
        register="opinion",
        notes=[
            "Ủng hộ! Trẻ con cần chỗ chạy nhảy.",
            "Tổ mình cũng đang thiếu sân chơi y như vậy.",
            "Nhà mình sẵn sàng góp công 👍",
        ],
        docs=[Doc(SAN_CHOI, account="hoa.sua.thang10", group="Cộng đồng Lâm Xuyên 24h")],
        segments=[("spread", 3, 4, 700)],
        strip_p=0.2,
    ),
]

# ---------------------------------------------------------------------------------------
# Official corrections: each is a story of its own, reprinted by the press
# ---------------------------------------------------------------------------------------


@dataclass
class Correction:
    slug: str
    related: str
    start: str
    page: str
    text: str  # first line: the heading of the page post
    outlet: str
    title: str
    lead: str  # the outlet's opening sentence
    at: float  # hours until the outlet's reprint
    extra: int  # derived reposts
    span: float


CORRECTIONS = [
    Correction(
        slug="canh-bao-gia-danh-ngan-hang-sinh-trac-hoc",
        related="ksbank-xac-minh-tai-khoan",
        start="2026-02-10T11:30",
        page="Công an tỉnh Hòa Lâm",
        text=(
            "CẢNH BÁO THỦ ĐOẠN GIẢ DANH NGÂN HÀNG YÊU CẦU CẬP NHẬT SINH TRẮC HỌC\n"
            "Thời gian gần đây, Công an tỉnh Hòa Lâm nhận được nhiều phản ánh của người dân về "
            "việc nhận tin nhắn mạo danh Ngân hàng KSBank, thông báo tài khoản sắp bị khóa và "
            'yêu cầu truy cập đường link lạ để "xác minh". Khi người dân nhập thông tin đăng '
            "nhập và mã OTP, các đối tượng lập tức chiếm quyền tài khoản và chuyển hết tiền đi. "
            "Riêng trong hai ngày 8 và 9/2, đã có 7 người trên địa bàn tỉnh bị chiếm đoạt tổng "
            "số tiền hơn 380 triệu đồng.\n\n"
            "Công an tỉnh khuyến cáo: ngân hàng không bao giờ gửi đường link qua tin nhắn hay "
            "mạng xã hội để yêu cầu cập nhật thông tin; việc cập nhật sinh trắc học chỉ thực "
            "hiện trên ứng dụng chính thức của ngân hàng hoặc tại quầy giao dịch. Tuyệt đối "
            "không cung cấp mã OTP cho bất kỳ ai. Khi phát hiện dấu hiệu lừa đảo, người dân liên "
            "hệ ngay cơ quan công an gần nhất hoặc gọi số 113."
        ),
        outlet=BAO,
        title="Công an tỉnh cảnh báo tin nhắn giả danh ngân hàng đòi cập nhật sinh trắc học",
        lead=(
            "Ngày 10/2, Công an tỉnh Hòa Lâm phát đi cảnh báo về thủ đoạn giả danh ngân hàng "
            "lừa người dân cập nhật sinh trắc học trong dịp cận Tết."
        ),
        at=3,
        extra=3,
        span=50,
    ),
    Correction(
        slug="so-gddt-bac-bo-thong-bao-nghi-hoc",
        related="gia-mao-thong-bao-nghi-hoc-cum-a",
        start="2026-03-11T06:45",
        page="Sở GD&ĐT Hòa Lâm",
        text=(
            "THÔNG TIN CHÍNH THỨC\n"
            "Sở Giáo dục và Đào tạo tỉnh Hòa Lâm khẳng định KHÔNG ban hành văn bản nào cho học "
            "sinh nghỉ học từ ngày 11/3/2026 như thông tin đang lan truyền trên mạng xã hội. Văn "
            "bản được chia sẻ là giả mạo: số hiệu, thể thức và chữ ký đều không đúng với văn bản "
            "do Sở phát hành.\n\n"
            "Hiện trên địa bàn tỉnh chỉ ghi nhận một số ca cúm mùa rải rác, không có ổ dịch cúm "
            "A/H5N1 ở người. Học sinh các cấp vẫn đi học bình thường.\n\n"
            "Đề nghị phụ huynh chỉ theo dõi thông tin từ trang chính thức của Sở, nhà trường và "
            "giáo viên chủ nhiệm. Sở đã đề nghị cơ quan công an xác minh, xử lý người tạo và "
            "phát tán văn bản giả."
        ),
        outlet=BAO,
        title="Sở GD&ĐT bác bỏ thông báo giả cho học sinh nghỉ học vì cúm A",
        lead=(
            "Sáng 11/3, Sở Giáo dục và Đào tạo tỉnh Hòa Lâm phát đi thông tin chính thức về văn "
            "bản cho học sinh nghỉ học lan truyền trong các nhóm phụ huynh từ tối hôm trước."
        ),
        at=2,
        extra=3,
        span=12,
    ),
    Correction(
        slug="so-y-te-nuoc-chanh-nong-khong-chua-ung-thu",
        related="nuoc-chanh-nong-chua-ung-thu",
        start="2026-04-02T09:00",
        page="Sở Y tế Hòa Lâm",
        text=(
            "Sở Y tế Hòa Lâm khuyến cáo: không có bằng chứng khoa học nào cho thấy nước chanh "
            "nóng chữa được bệnh ung thư.\n"
            "Thời gian qua, trên mạng xã hội lan truyền bài viết cho rằng uống nước chanh nóng "
            'mỗi ngày có thể "tiêu diệt tế bào ung thư mạnh gấp 10.000 lần hóa trị". Theo các '
            "bác sĩ chuyên khoa ung bướu, đây là thông tin sai sự thật. Chanh là loại quả tốt "
            "cho sức khỏe nhờ chứa vitamin C, nhưng không thể thay thế các phương pháp điều trị "
            "ung thư đã được chứng minh như phẫu thuật, hóa trị, xạ trị.\n\n"
            "Nhiều người bệnh vì tin vào các bài thuốc truyền miệng đã bỏ điều trị, đến khi quay "
            "lại bệnh viện thì bệnh đã ở giai đoạn muộn. Người dân khi có dấu hiệu bất thường về "
            "sức khỏe cần đến cơ sở y tế để được khám và tư vấn."
        ),
        outlet=DAI,
        title="Uống nước chanh nóng không chữa được ung thư",
        lead=(
            'Sở Y tế Hòa Lâm vừa có khuyến cáo sau khi nhiều bài viết về tác dụng "thần kỳ" '
            "của nước chanh nóng được chia sẻ rộng rãi."
        ),
        at=5,
        extra=1,
        span=72,
    ),
    Correction(
        slug="csgt-canh-bao-tin-nhan-phat-nguoi",
        related="tin-nhan-phat-nguoi-gia-mao",
        start="2026-04-14T17:00",
        page="Công an tỉnh Hòa Lâm",
        text=(
            'CẢNH GIÁC VỚI TIN NHẮN "PHẠT NGUỘI" GIẢ MẠO\n'
            "Phòng Cảnh sát giao thông Công an tỉnh Hòa Lâm thông báo: tin nhắn thông báo "
            '"phạt nguội" kèm đường link csgt-phatnguoi.example đang lan truyền là GIẢ MẠO. '
            "Lực lượng CSGT không gửi tin nhắn chứa đường link yêu cầu nộp phạt, cũng không có "
            'chính sách "giảm 50% nếu nộp trong 48 giờ".\n\n'
            "Khi phát hiện vi phạm qua hình ảnh, cơ quan công an gửi thông báo bằng văn bản đến "
            "chủ phương tiện và mời lên làm việc trực tiếp. Người dân có thể tự tra cứu trên "
            "trang thông tin điện tử chính thức của Cục Cảnh sát giao thông. Tuyệt đối không "
            "truy cập đường link lạ, không cung cấp thông tin cá nhân, số tài khoản cho người "
            "khác."
        ),
        outlet=BAO,
        title='Cảnh giác tin nhắn "phạt nguội" giả mạo kèm đường link lạ',
        lead=(
            "Chiều 14/4, Phòng Cảnh sát giao thông Công an tỉnh Hòa Lâm đã lên tiếng về tin "
            "nhắn phạt nguội gửi hàng loạt tới điện thoại người dân."
        ),
        at=2.5,
        extra=2,
        span=30,
    ),
    Correction(
        slug="so-cong-thuong-bac-tin-xang-tang-gap-doi",
        related="xang-tang-gia-gap-doi",
        start="2026-04-15T21:30",
        page="Sở Công Thương Hòa Lâm",
        text=(
            "Sở Công Thương tỉnh Hòa Lâm thông tin về tin đồn tăng giá xăng\n"
            'Tin đồn "giá xăng tăng gấp đôi từ 0h đêm nay" là hoàn toàn sai sự thật. Giá xăng '
            "dầu trong nước được liên Bộ Công Thương - Tài chính điều chỉnh theo kỳ và công bố "
            "công khai trên các phương tiện thông tin đại chúng; mỗi kỳ điều hành thường chỉ "
            "thay đổi vài trăm đồng mỗi lít.\n\n"
            "Tối 15/4, Sở đã cử các đoàn kiểm tra tại các cửa hàng xăng dầu trên đường Lê Lợi "
            "và Trần Phú. Nguồn cung xăng dầu trên địa bàn bảo đảm đầy đủ, các cửa hàng bán "
            "hàng bình thường.\n\n"
            "Người dân không nên mua tích trữ xăng vào can, chai nhựa vì rất dễ gây cháy nổ. Các "
            "cửa hàng không được bán xăng vào dụng cụ chứa không bảo đảm an toàn."
        ),
        outlet=BAO,
        title="Không có chuyện giá xăng tăng gấp đôi",
        lead=(
            "Tối 15/4, trước tình trạng nhiều người đổ xô đi mua xăng, Sở Công Thương tỉnh Hòa "
            "Lâm đã lên tiếng bác bỏ tin đồn trên mạng xã hội."
        ),
        at=1,
        extra=3,
        span=20,
    ),
    Correction(
        slug="thong-tin-vu-hoc-sinh-dau-bung-vinh-hung",
        related="ngo-doc-bep-an-ban-tru-vinh-hung",
        start="2026-05-13T20:10",
        page="UBND phường Vĩnh Hưng",
        text=(
            "Thông tin về vụ việc học sinh Trường THCS Vĩnh Hưng có biểu hiện đau bụng sau bữa "
            "ăn bán trú\n"
            "Khoảng 13h ngày 13/5, 27 học sinh Trường THCS Vĩnh Hưng có biểu hiện đau bụng, buồn "
            "nôn sau bữa trưa tại trường và được đưa đến Trung tâm Y tế khu vực để theo dõi. Đến "
            "19h cùng ngày, 25 em đã ổn định và được về nhà; 2 em tiếp tục được theo dõi, sức "
            "khỏe tiến triển tốt. KHÔNG có trường hợp nào tử vong.\n\n"
            "Đoàn kiểm tra liên ngành đã lấy mẫu thức ăn lưu và nguyên liệu gửi Trung tâm Kiểm "
            "soát bệnh tật tỉnh xét nghiệm; bếp ăn tạm dừng hoạt động cho đến khi có kết luận. "
            "Nguyên nhân vụ việc đang được làm rõ.\n\n"
            "UBND phường đề nghị người dân không chia sẻ thông tin chưa được kiểm chứng, gây "
            "hoang mang cho phụ huynh và học sinh."
        ),
        outlet=BAO,
        title="27 học sinh Trường THCS Vĩnh Hưng đau bụng sau bữa trưa, không có ca tử vong",
        lead=(
            "Tối 13/5, UBND phường Vĩnh Hưng đã thông tin về vụ việc nhiều học sinh có biểu hiện "
            "bất thường sau bữa ăn bán trú."
        ),
        at=2,
        extra=2,
        span=40,
    ),
    Correction(
        slug="bac-bo-tin-don-du-bao-dong-dat",
        related="du-doan-dong-dat-ho-suoi-may",
        start="2026-05-19T15:00",
        page="Cổng thông tin điện tử tỉnh Hòa Lâm",
        text=(
            "Ban Chỉ huy Phòng thủ dân sự tỉnh Hòa Lâm thông tin về tin đồn động đất\n"
            'Thời gian qua, trên mạng xã hội lan truyền thông tin "khoảng 23h đêm 20/5 sẽ xảy '
            'ra động đất mạnh 6,8 độ Richter dưới lòng hồ Suối Mây".\n\n'
            "Theo các cơ quan chuyên môn "
            "về địa chấn, hiện nay trên thế giới chưa có quốc gia nào dự báo được chính xác thời "
            "điểm, địa điểm và cường độ của một trận động đất. Thông tin nêu trên là không có cơ "
            "sở khoa học.\n\n"
            "Hệ thống quan trắc trên địa bàn tỉnh không ghi nhận hoạt động địa chấn bất thường. "
            "Ban Chỉ huy đề nghị người dân bình tĩnh, sinh hoạt bình thường và chỉ theo dõi thông "
            "tin từ cơ quan chức năng."
        ),
        outlet=DAI,
        title="Không có cơ sở khoa học cho tin đồn động đất 6,8 độ ở hồ Suối Mây",
        lead=(
            "Chiều 19/5, Ban Chỉ huy Phòng thủ dân sự tỉnh Hòa Lâm đã lên tiếng về tin đồn dự báo "
            "động đất đang khiến nhiều người dân lo lắng."
        ),
        at=3,
        extra=2,
        span=30,
    ),
    Correction(
        slug="van-phong-ubnd-tinh-bac-bo-quyet-dinh-thu-phi",
        related="gia-mao-quyet-dinh-thu-phi-ha-tang",
        start="2026-06-08T16:00",
        page="Cổng thông tin điện tử tỉnh Hòa Lâm",
        text=(
            "Văn phòng UBND tỉnh Hòa Lâm thông tin về văn bản giả mạo liên quan đến thu phí hạ "
            "tầng khu dân cư\n"
            "Trên mạng xã hội đang lan truyền thông tin UBND tỉnh ban hành Quyết định số "
            '1186/QĐ-UBND, yêu cầu mỗi hộ gia đình nộp 150.000đ/tháng "phí bảo trì hạ tầng khu '
            'dân cư".\n\n'
            "Văn phòng UBND tỉnh khẳng định đây là thông tin bịa đặt. Quyết định số "
            "1186/QĐ-UBND ngày 2/6/2026 là quyết định phê duyệt kế hoạch tổ chức Hội khỏe Phù "
            "Đổng cấp tỉnh, hoàn toàn không liên quan đến việc thu phí.\n\n"
            "UBND tỉnh không ban hành bất kỳ khoản phí nào nói trên; tổ trưởng dân phố không được "
            "giao thu khoản tiền này. Người dân phát hiện trường hợp thu tiền trái phép đề nghị "
            "báo ngay cho UBND phường, xã hoặc cơ quan công an nơi cư trú."
        ),
        outlet=BAO,
        title='Không có chuyện thu "phí bảo trì hạ tầng khu dân cư" 150.000 đồng/tháng',
        lead=(
            "Chiều 8/6, Văn phòng UBND tỉnh Hòa Lâm đã thông tin chính thức về văn bản giả mạo "
            "lan truyền trên mạng xã hội mấy ngày qua."
        ),
        at=3,
        extra=1,
        span=40,
    ),
    Correction(
        slug="dien-luc-canh-bao-trang-gia-hoan-tien",
        related="hoan-tien-dien-thang-5",
        start="2026-06-13T17:30",
        page="Điện lực Hòa Lâm",
        text=(
            'ĐIỆN LỰC HÒA LÂM CẢNH BÁO TRANG GIẢ MẠO "HOÀN TIỀN ĐIỆN"\n'
            "Gần đây xuất hiện trang mạng xã hội mạo danh Điện lực Hòa Lâm đăng tin hoàn tiền "
            "điện tháng 5/2026 và yêu cầu khách hàng điền số tài khoản ngân hàng, mã OTP tại "
            "đường link dienluc-hoantien.example. Điện lực Hòa Lâm khẳng định không có chương "
            "trình hoàn tiền nào như trên và không bao giờ yêu cầu khách hàng cung cấp mã OTP.\n\n"
            "Hóa đơn tháng 5 tăng chủ yếu do nắng nóng kéo dài khiến nhu cầu sử dụng điều hòa, "
            "quạt tăng cao. Khách hàng có thắc mắc về hóa đơn vui lòng liên hệ tổng đài chăm sóc "
            "khách hàng hoặc đến phòng giao dịch gần nhất để được kiểm tra chỉ số công tơ."
        ),
        outlet=BAO,
        title='Điện lực Hòa Lâm cảnh báo trang giả mạo "hoàn tiền điện tháng 5"',
        lead=(
            "Chiều 13/6, Điện lực Hòa Lâm phát đi cảnh báo sau khi nhiều khách hàng phản ánh về "
            "một trang mạng xã hội mạo danh đơn vị."
        ),
        at=2,
        extra=2,
        span=40,
    ),
    Correction(
        slug="csgt-khong-bat-buoc-camera-xe-may",
        related="phat-xe-may-khong-camera-hanh-trinh",
        start="2026-07-02T10:00",
        page="Công an tỉnh Hòa Lâm",
        text=(
            "Công an tỉnh Hòa Lâm: Không có quy định xe máy phải lắp camera hành trình\n"
            'Liên quan đến thông tin trên mạng xã hội cho rằng "từ 1/7/2026 xe máy không lắp '
            'camera hành trình sẽ bị phạt 2 triệu đồng", Phòng Cảnh sát giao thông Công an tỉnh '
            "khẳng định đây là thông tin sai sự thật. Quy định hiện hành chỉ yêu cầu một số loại "
            "xe ô tô kinh doanh vận tải lắp thiết bị giám sát hành trình; xe mô tô, xe gắn máy "
            "không thuộc diện bắt buộc.\n\n"
            "Lực lượng CSGT không tổ chức đợt ra quân nào để kiểm tra camera hành trình trên xe "
            "máy. Người dân cần tỉnh táo trước các bài đăng lợi dụng tin giả để quảng cáo, bán "
            "hàng."
        ),
        outlet=DAI,
        title="Xe máy không phải lắp camera hành trình",
        lead=(
            'Ngày 2/7, Công an tỉnh Hòa Lâm đã lên tiếng về thông tin "xe máy không lắp camera '
            'hành trình bị phạt 2 triệu đồng".'
        ),
        at=4,
        extra=1,
        span=30,
    ),
    Correction(
        slug="so-y-te-bac-tin-don-vac-xin-soi",
        related="tin-don-vac-xin-soi-loi",
        start="2026-07-23T15:00",
        page="Sở Y tế Hòa Lâm",
        text=(
            'Sở Y tế Hòa Lâm thông tin về tin đồn "vắc xin sởi bị lỗi"\n'
            'Thông tin "lô vắc xin sởi tại Trạm Y tế xã Tân Lập là hàng lỗi, 3 trẻ bị liệt sau '
            'tiêm" đang lan truyền trên mạng xã hội là không đúng sự thật. Qua rà soát, Bệnh '
            "viện Đa khoa tỉnh không tiếp nhận trường hợp trẻ nào bị co giật hay liệt sau tiêm "
            "chủng. Các lô vắc xin sởi - rubella sử dụng trong chiến dịch đều được cấp phép, có "
            "đầy đủ giấy chứng nhận kiểm định chất lượng và được bảo quản đúng quy định.\n\n"
            "Từ đầu chiến dịch đến nay, toàn tỉnh đã tiêm cho hơn 41.000 trẻ, chỉ ghi nhận một số "
            "phản ứng thông thường như sốt nhẹ, đau tại chỗ tiêm. Sở Y tế khuyến cáo cha mẹ đưa "
            "trẻ đi tiêm đầy đủ, đúng lịch để phòng bệnh sởi."
        ),
        outlet=BAO,
        title="Sở Y tế: Không có trẻ bị liệt sau tiêm vắc xin sởi",
        lead=(
            "Chiều 23/7, Sở Y tế Hòa Lâm đã thông tin về tin đồn vắc xin sởi kém chất lượng khiến "
            "nhiều phụ huynh lo lắng, hoãn lịch tiêm của con."
        ),
        at=3,
        extra=2,
        span=48,
    ),
    Correction(
        slug="thuy-dien-suoi-may-khang-dinh-dap-an-toan",
        related="tin-don-vo-dap-thuy-dien-suoi-may",
        start="2026-08-18T21:15",
        page="Công ty CP Thủy điện Suối Mây",
        text=(
            "THÔNG BÁO: ĐẬP THỦY ĐIỆN SUỐI MÂY VẪN AN TOÀN\n"
            'Công ty Cổ phần Thủy điện Suối Mây khẳng định thông tin "đập bị nứt, sắp vỡ" đang '
            "lan truyền trên mạng xã hội tối nay là hoàn toàn sai sự thật. Lúc 21h ngày 18/8, "
            "mực nước hồ chứa ở cao trình 248,6 m, thấp hơn mực nước dâng bình thường 3,4 m; đập "
            "và các hạng mục công trình hoạt động ổn định, được kiểm tra liên tục.\n\n"
            "Trong trường hợp phải vận hành xả lũ, công ty sẽ thông báo trước ít nhất 4 giờ tới "
            "chính quyền địa phương và người dân vùng hạ du theo quy trình đã được phê duyệt. Đề "
            "nghị bà con bình tĩnh, không nghe theo và không chia sẻ tin đồn. Mọi thông tin chính "
            "thức xin liên hệ UBND xã Suối Mây."
        ),
        outlet=BAO,
        title="Đập thủy điện Suối Mây vẫn an toàn, tin đập bị nứt là sai sự thật",
        lead=(
            "Tối 18/8, Công ty Cổ phần Thủy điện Suối Mây đã phát đi thông báo khẩn sau khi tin "
            "đồn về sự cố đập lan nhanh trên mạng xã hội."
        ),
        at=1.2,
        extra=3,
        span=20,
    ),
    Correction(
        slug="cong-an-canh-bao-giay-trieu-tap-online",
        related="gia-danh-cong-an-trieu-tap-online",
        start="2026-09-17T09:00",
        page="Công an tỉnh Hòa Lâm",
        text=(
            'Công an tỉnh Hòa Lâm cảnh báo thủ đoạn gửi "giấy triệu tập online"\n'
            "Thời gian gần đây, nhiều người dân nhận được tin nhắn, cuộc gọi qua Zalo của đối "
            "tượng tự xưng là cán bộ Công an phường, thông báo người dân liên quan đến vụ án rửa "
            'tiền và gửi kèm "giấy triệu tập điện tử". Đối tượng yêu cầu cài ứng dụng giả mạo '
            'từ đường link lạ để "làm việc trực tuyến", từ đó chiếm quyền điều khiển điện thoại '
            "và rút tiền trong tài khoản.\n\n"
            "Công an tỉnh khẳng định: cơ quan công an không làm việc, không lấy lời khai qua "
            "điện thoại hay mạng xã hội; giấy triệu tập được gửi trực tiếp hoặc qua đường bưu "
            "chính. Người dân tuyệt đối không cài ứng dụng từ đường link lạ, không chuyển tiền "
            "theo yêu cầu của người lạ."
        ),
        outlet=BAO,
        title='Cảnh giác với "giấy triệu tập online" của công an giả',
        lead=(
            "Ngày 17/9, Công an tỉnh Hòa Lâm tiếp tục cảnh báo thủ đoạn giả danh cơ quan công an "
            "để lừa đảo qua mạng."
        ),
        at=4,
        extra=2,
        span=60,
    ),
    Correction(
        slug="kttv-bac-bo-tin-sieu-bao",
        related="sieu-bao-cap-17-bia-dat",
        start="2026-09-21T11:00",
        page="Trung tâm Khí tượng Thủy văn tỉnh Hòa Lâm",
        text=(
            'THÔNG TIN VỀ TIN ĐỒN "SIÊU BÃO CẤP 17"\n'
            "Trung tâm Khí tượng Thủy văn tỉnh Hòa Lâm thông tin: hiện nay trên khu vực Biển Đông "
            'KHÔNG có áp thấp nhiệt đới hay bão. Video "siêu bão cấp 17 đổ bộ Hòa Lâm trong 48 '
            'giờ tới" lan truyền trên YouTube và TikTok là thông tin bịa đặt, sử dụng hình ảnh '
            "cơn bão từ nhiều năm trước.\n\n"
            "Trong 3 ngày tới, thời tiết tỉnh Hòa Lâm nhiều mây, có mưa rào và dông rải rác, "
            "nhiệt độ cao nhất từ 30 đến 32 độ C. Người dân nên theo dõi bản tin dự báo chính "
            "thức của cơ quan khí tượng thủy văn trên báo, đài tỉnh và trang thông tin của Trung "
            "tâm."
        ),
        outlet=DAI,
        title='Biển Đông không có bão, tin "siêu bão cấp 17" là bịa đặt',
        lead=(
            'Trưa 21/9, Trung tâm Khí tượng Thủy văn tỉnh Hòa Lâm đã bác bỏ các video về "siêu '
            'bão" đang được chia sẻ trên mạng.'
        ),
        at=2,
        extra=2,
        span=30,
    ),
    Correction(
        slug="quy-tin-dung-ngoc-khe-hoat-dong-binh-thuong",
        related="quy-tin-dung-ngoc-khe-pha-san",
        start="2026-10-13T15:30",
        page="Ngân hàng Nhà nước chi nhánh khu vực Hòa Lâm",
        text=(
            "Quỹ tín dụng nhân dân Ngọc Khê hoạt động bình thường, bảo đảm chi trả cho người gửi "
            "tiền\n"
            'Thông tin "Quỹ tín dụng Ngọc Khê sắp phá sản, giám đốc bỏ trốn" lan truyền trên '
            "mạng xã hội là hoàn toàn sai sự thật. Quỹ đang hoạt động an toàn, thanh khoản tốt; "
            "ban điều hành vẫn làm việc bình thường tại trụ sở.\n\n"
            "Trong ngày 13/10, quỹ đã chi trả đầy đủ cho hơn 200 khách hàng đến rút tiền. Tiền "
            "gửi của người dân tại quỹ tín dụng được bảo hiểm theo quy định của pháp luật. Cơ "
            "quan chức năng đề nghị người dân bình tĩnh, không rút tiền trước hạn để tránh mất "
            "lãi, đồng thời đã đề nghị công an xác minh, xử lý người tung tin sai sự thật."
        ),
        outlet=BAO,
        title="Quỹ tín dụng nhân dân Ngọc Khê hoạt động bình thường",
        lead=(
            "Chiều 13/10, Ngân hàng Nhà nước chi nhánh khu vực phụ trách địa bàn tỉnh Hòa Lâm đã "
            "lên tiếng về tin đồn liên quan đến Quỹ tín dụng nhân dân Ngọc Khê."
        ),
        at=1.5,
        extra=3,
        span=30,
    ),
    Correction(
        slug="bchqs-vinh-hung-bac-bo-lenh-kham-gia",
        related="gia-mao-lenh-kham-nghia-vu-quan-su",
        start="2026-11-19T08:30",
        page="UBND phường Vĩnh Hưng",
        text=(
            "Ban Chỉ huy Quân sự phường Vĩnh Hưng thông báo\n"
            'Trên mạng xã hội đang lan truyền văn bản giả mạo "Lệnh gọi khám sức khỏe bổ sung '
            'năm 2026" của Hội đồng nghĩa vụ quân sự phường, yêu cầu công dân nam nộp 1.500.000đ '
            "lệ phí khám vào tài khoản cá nhân. Đây là văn bản giả mạo nhằm lừa đảo chiếm đoạt "
            "tài sản.\n\n"
            "Việc khám sức khỏe nghĩa vụ quân sự là hoàn toàn miễn phí. Lệnh gọi khám sức khỏe "
            "chỉ được giao trực tiếp đến công dân thông qua Ban Chỉ huy Quân sự phường và tổ dân "
            "phố, không gửi qua mạng xã hội. Công dân nào đã chuyển tiền đề nghị liên hệ Công an "
            "phường để được hướng dẫn."
        ),
        outlet=BAO,
        title='Cảnh báo "lệnh gọi khám sức khỏe nghĩa vụ quân sự" giả mạo để thu tiền',
        lead=(
            "Sáng 19/11, Ban Chỉ huy Quân sự phường Vĩnh Hưng đã thông báo về văn bản giả mạo "
            "liên quan đến công tác tuyển quân."
        ),
        at=3,
        extra=2,
        span=12,
    ),
]

PRIMARY_STORIES: list[Story] = [
    *SCAMS,
    *FAKE_NOTICES,
    *HEALTH,
    *DISASTERS,
    *PRICE_POLICY,
    *TRUE_NEWS,
    *OPINIONS,
]
