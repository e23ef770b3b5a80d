"""Plausible Vietnamese claims for benchmarks, generated from templates and word lists.

Every template and list here was written for the project. Claims vary topic (health,
prices, scams, disasters, policy, traffic, education, food safety), places, numbers,
dates, agencies and products, so the vocabulary and the BM25 statistics of a 100,000
claim index look like a real knowledge base rather than copies of one sentence.
``variant`` rewrites a claim the way it reappears on social media.
"""

from __future__ import annotations

import random
import re

from kiemchung.text.normalize import ascii_key

__all__ = ["claims", "variant"]

_PLACES = """Hà Nội|TP.HCM|Đà Nẵng|Hải Phòng|Cần Thơ|Quảng Ninh|Nghệ An|Thanh Hóa|Hà Tĩnh|
Quảng Bình|Quảng Nam|Quảng Ngãi|Bình Định|Khánh Hòa|Lâm Đồng|Đắk Lắk|Gia Lai|Kon Tum|
Bình Dương|Đồng Nai|Long An|Tiền Giang|Bến Tre|An Giang|Kiên Giang|Cà Mau|Sóc Trăng|
Bắc Ninh|Bắc Giang|Thái Nguyên|Lào Cai|Yên Bái|Sơn La|Điện Biên|Hà Giang|Cao Bằng|
Lạng Sơn|Nam Định|Ninh Bình|Thái Bình|Hưng Yên|Hải Dương|Vĩnh Phúc|Phú Thọ|Tuyên Quang|
Huế|Phú Yên|Bình Thuận|Ninh Thuận|Tây Ninh|Bình Phước|Vĩnh Long|Trà Vinh|Đồng Tháp|
Hậu Giang|Bạc Liêu|Hòa Bình|Lai Châu|Bắc Kạn|Hà Nam|Quảng Trị|Đắk Nông|Bà Rịa - Vũng Tàu""".replace(
    "\n", ""
).split("|")
_AGENCIES = """Bộ Y tế|Bộ Công an|Bộ Giáo dục và Đào tạo|Bộ Tài chính|Bộ Công Thương|
Bộ Giao thông vận tải|Ngân hàng Nhà nước|Tổng cục Thuế|Bảo hiểm xã hội Việt Nam|
Cục An toàn thực phẩm|Cục Cảnh sát giao thông|UBND tỉnh|Sở Y tế|Sở Giáo dục|Công an tỉnh""".replace(
    "\n", ""
).split("|")
_FOODS = """nước chanh nóng|tỏi sống|mì tôm|nước dừa|trứng gà|cà phê|trà xanh|sữa đậu nành|
cơm nguội|chuối xanh|rau muống|mướp đắng|nghệ tươi|mật ong|gừng|lá ổi|đu đủ|giá đỗ|
bánh mì|nước đá|rượu ngâm|thịt bò|cá hồi|nấm linh chi|hạt điều|khoai lang|sầu riêng|
dưa hấu|bia|nước ngọt có ga""".replace("\n", "").split("|")
_DISEASES = """ung thư|tiểu đường|cao huyết áp|sỏi thận|đau dạ dày|viêm gan|gút|
mất ngủ|béo phì|đột quỵ|suy thận|viêm họng|cúm|sốt xuất huyết|tự kỷ|vô sinh|
loãng xương|trầm cảm|ngộ độc|mỡ máu""".replace("\n", "").split("|")
_BANKS = (
    "Vietcombank|Agribank|BIDV|VietinBank|Techcombank|MB Bank|ACB|Sacombank|VPBank|TPBank".split(
        "|"
    )
)
_APPS = [
    *"VNeID|Zalo|Facebook|MoMo|ZaloPay|Shopee|TikTok|Grab".split("|"),
    "ứng dụng ngân hàng",
    "cổng dịch vụ công",
]
_GOODS = """xăng RON 95|xăng E5|dầu diesel|gas|điện sinh hoạt|gạo|thịt lợn|vàng SJC|
nước sạch|vé xe buýt|cước taxi|học phí|sữa bột|thuốc lá|vé máy bay""".replace("\n", "").split("|")
_DISASTERS = """bão số {n}|áp thấp nhiệt đới|lũ quét|sạt lở đất|động đất|lốc xoáy|
mưa đá|triều cường|cháy rừng|rét đậm""".replace("\n", "").split("|")
_VEHICLES = "xe máy|ô tô|xe tải|xe khách|xe đạp điện|xe buýt|taxi".split("|")
_ACTIONS = """cấm|thu phí|phạt|hạn chế|tạm dừng|yêu cầu kiểm tra|miễn phí|giảm giá""".replace(
    "\n", ""
).split("|")
_VERBS_HEALTH = "chữa khỏi|phòng ngừa|gây ra|làm nặng thêm|đẩy lùi|giảm nguy cơ".split("|")

_TEMPLATES = [
    "Uống {food} mỗi ngày giúp {verb} bệnh {disease}.",
    "Ăn {food} cùng {food2} sẽ {verb} {disease}.",
    "{agency} cảnh báo {food} bán tại {place} có chất gây {disease}.",
    "Giá {good} tăng {money} từ {hour}h ngày {day}/{month}.",
    "Giá {good} giảm {percent}% kể từ ngày {day}/{month}/{year}.",
    "{agency} đề xuất tăng giá {good} thêm {percent}% trong năm {year}.",
    "Tin nhắn mạo danh {bank} yêu cầu khách hàng bấm vào đường link để nhận {money}.",
    "{bank} sẽ khóa tài khoản chưa xác thực sinh trắc học từ ngày {day}/{month}.",
    "Ứng dụng {app} giả mạo đang đánh cắp thông tin người dùng ở {place}.",
    "Kẻ gian giả danh công an {place} gọi điện lừa đảo chiếm đoạt {money}.",
    "{disaster} sẽ đổ bộ vào {place} trong đêm nay với sức gió cấp {n2}.",
    "{disaster} làm sập {n3} ngôi nhà ở {place}.",
    "Học sinh {place} được nghỉ học {n} ngày vì {disaster}.",
    "{place} cấm {vehicle} vào nội thành từ năm {year}.",
    "Từ ngày {day}/{month}, {vehicle} không chính chủ sẽ bị phạt {money}.",
    "{agency} {action} {vehicle} tại {place} từ tháng {month}.",
    "Người dân {place} được hỗ trợ {money} khi đăng ký qua {app}.",
    "{agency} yêu cầu người dân {place} cập nhật thông tin trên {app} trước ngày {day}/{month}.",
    "Phát hiện {n3} ca mắc {disease} tại một trường học ở {place}.",
    "Bệnh viện ở {place} quá tải vì {n3} bệnh nhân {disease} nhập viện.",
    "{agency} thu hồi lô {food} nhiễm khuẩn bán ở {place}.",
    "Kỳ thi tốt nghiệp năm {year} sẽ bỏ môn {subject}.",
    "Học phí đại học tại {place} tăng gấp {n} lần từ năm học {year}.",
    "Người lao động ở {place} được rút bảo hiểm xã hội một lần sau {n2} tháng nghỉ việc.",
    "{agency} tăng lương cơ sở lên {money} từ ngày {day}/{month}/{year}.",
    "Cháy lớn tại chợ trung tâm {place} thiêu rụi {n3} ki-ốt.",
    "Xuất hiện nhóm bắt cóc trẻ em bằng xe {vehicle} ở {place}.",
    "Nước máy ở {place} nhiễm {chemical} vượt ngưỡng {n} lần.",
]
_SUBJECTS = "Lịch sử|Địa lý|Ngoại ngữ|Văn|Toán|Giáo dục công dân|Vật lý|Sinh học".split("|")
_CHEMICALS = "asen|chì|thủy ngân|clo dư|dầu thải|amoni|sắt|mangan".split("|")
_HASHTAGS = ("#chiasengay", "#canhgiac", "#tinnong", "#cảnh_báo")
_NOISE = ("Chia sẻ ngay cho người thân!", "NÓNG:", "Mọi người chú ý!!!", "😱😱", "🙏")


def _money(rng: random.Random) -> str:
    amount = rng.choice((50, 100, 200, 300, 500, 800, 1, 2, 5, 10, 20, 50))
    if amount >= 50 and rng.random() < 0.5:
        return f"{amount}.000 đồng"
    unit = rng.choice(("nghìn đồng", "triệu đồng", "tỷ đồng"))
    return f"{amount} {unit}"


def _fill(template: str, rng: random.Random) -> str:
    foods = rng.sample(_FOODS, 2)
    slots = {
        "food": foods[0],
        "food2": foods[1],
        "disease": rng.choice(_DISEASES),
        "verb": rng.choice(_VERBS_HEALTH),
        "agency": rng.choice(_AGENCIES),
        "place": rng.choice(_PLACES),
        "good": rng.choice(_GOODS),
        "money": _money(rng),
        "percent": str(rng.choice((3, 5, 8, 10, 12, 15, 20, 25, 30, 50))),
        "hour": str(rng.randint(0, 23)),
        "day": str(rng.randint(1, 28)),
        "month": str(rng.randint(1, 12)),
        "year": str(rng.randint(2020, 2030)),
        "bank": rng.choice(_BANKS),
        "app": rng.choice(_APPS),
        "disaster": rng.choice(_DISASTERS).format(n=rng.randint(1, 12)),
        "n": str(rng.randint(2, 9)),
        "n2": str(rng.randint(6, 15)),
        "n3": str(rng.randint(10, 500)),
        "vehicle": rng.choice(_VEHICLES),
        "action": rng.choice(_ACTIONS),
        "subject": rng.choice(_SUBJECTS),
        "chemical": rng.choice(_CHEMICALS),
    }
    text = template.format(**slots)
    return text[0].upper() + text[1:]


def claims(count: int, seed: int = 1) -> list[str]:
    """``count`` generated claims (duplicates are possible but rare)."""
    rng = random.Random(seed)  # noqa: S311 (reproducible test data, not security)
    return [_fill(rng.choice(_TEMPLATES), rng) for _ in range(count)]


def variant(claim: str, rng: random.Random) -> str:
    """The claim as it reappears: without diacritics, with hashtags or calls to share,
    with a clause moved first, or with TP.HCM spelled out."""
    choice = rng.random()
    if choice < 0.25:
        return ascii_key(claim)
    if choice < 0.5:
        return f"{rng.choice(_NOISE)} {claim} {rng.choice(_HASHTAGS)}"
    if choice < 0.75:
        return _move_time_first(claim)
    return claim.replace("TP.HCM", "Thành phố Hồ Chí Minh").replace("UBND", "Ủy ban nhân dân")


_TIME_RE = re.compile(r"(.*?)[,]?\s+((?:từ|kể từ|trong|sau) [^,.]+)\.$")


def _move_time_first(claim: str) -> str:
    match = _TIME_RE.match(claim)
    if not match:
        return claim.rstrip(".") + " - tin lan truyền trên mạng xã hội."
    head, tail = match.groups()
    return f"{tail[0].upper()}{tail[1:]}, {head}."
