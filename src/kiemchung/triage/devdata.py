"""A synthetic development set of Vietnamese social-media posts, and the demo corpus.

There is no real labelled data in the repository, so ``generate`` writes plausible
posts from templates and word lists: misinformation-style posts (urgency, links to
unknown sites, fake authority, invented numbers, calls to share) and ordinary ones
(news, official notices, scam warnings, shop adverts, daily life, sport). It is made
deliberately not clean: ordinary posts also warn, shout, give phone numbers and
prices; false posts are sometimes calm and cite real outlets; 5% of the labels are
flipped; a third of the posts are typed without diacritics or in teencode; reposts
copy texts across rows; engagement counts have heavy tails and depend far more on
the page than on the label; some meta values are missing or written as floats,
"NaN" or negative garbage; timestamps are Unix seconds, a few ISO 8601.

Synthetic data is easy: use it to develop and to test the plumbing, not to tune.

Command line::

    python -m kiemchung.triage.devdata --rows 5000 --seed 0 --out dev.csv
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import unicodedata
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

from kiemchung.triage.data import VIETNAM, Dataset, from_records

__all__ = ["COLUMNS", "DEMO_CORPUS", "demo_dataset", "generate", "write_csv"]

COLUMNS = [
    "id",
    "user_name",
    "post_message",
    "timestamp_post",
    "num_like_post",
    "num_comment_post",
    "num_share_post",
    "label",
]
DEMO_CORPUS = Path(__file__).resolve().parent.parent / "demo" / "data" / "corpus.jsonl"
_DEMO_POSITIVE = frozenset({"false", "misleading"})
_DEMO_NEGATIVE = frozenset({"true", "mostly_true", "opinion"})

# --- word lists -------------------------------------------------------------------

# fmt: off
SLOTS: dict[str, list[str]] = {
    "disease": [
        "Covid-19", "cúm A", "sốt xuất huyết", "ung thư", "tiểu đường", "đột quỵ", "sởi",
        "tay chân miệng", "bạch hầu", "viêm gan B", "cao huyết áp", "virus corona",
    ],
    "remedy": [
        "nước chanh ấm", "lá đu đủ", "tỏi sống", "nước gừng", "nước muối", "lá ổi",
        "giấm táo", "nghệ tươi", "lá tía tô", "nước dừa", "mật ong", "rượu trắng",
    ],
    "authority": [
        "Bộ Y tế", "WHO", "Tổ chức Y tế Thế giới", "Viện Pasteur", "giáo sư Nguyễn Văn Hùng",
        "bác sĩ Trần Minh Tâm", "Bệnh viện Bạch Mai", "Sở Y tế", "Bộ Công an",
        "các chuyên gia Nhật Bản", "bác sĩ Bệnh viện Chợ Rẫy", "Viện Vệ sinh Dịch tễ",
    ],
    "hospital": [
        "Bệnh viện Bạch Mai", "Bệnh viện Chợ Rẫy", "Bệnh viện Nhiệt đới Trung ương",
        "Bệnh viện Đà Nẵng", "Bệnh viện Việt Đức", "bệnh viện tỉnh",
    ],
    "place": [
        "Hà Nội", "TP.HCM", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Quảng Nam", "Nghệ An",
        "Thanh Hóa", "Bình Dương", "Đồng Nai", "Huế", "Quảng Ninh", "Bắc Ninh", "Vĩnh Phúc",
        "Khánh Hòa", "Lâm Đồng", "Hà Tĩnh", "Quận 7", "Cầu Giấy", "Thủ Đức",
    ],
    "bank": [
        "Vietcombank", "Techcombank", "BIDV", "Agribank", "VPBank", "MB Bank", "Viettel",
        "Ví MoMo", "Shopee", "Điện lực EVN",
    ],
    "celebrity": [
        "ca sĩ Minh Tuấn", "nghệ sĩ Hoài Linh", "danh hài Văn Chung", "ca sĩ Thu Hà",
        "cầu thủ Văn Toàn", "MC Thanh Vân", "diễn viên Quốc Bảo",
    ],
    "product": [
        "áo khoác", "khẩu trang vải", "nồi chiên không dầu", "giày thể thao", "son môi",
        "sữa hạt", "rau sạch", "cà phê rang xay", "điện thoại cũ", "bánh trung thu",
    ],
    "dish": [
        "bún chả", "phở bò", "bánh xèo", "canh chua", "gà kho gừng", "chè đậu xanh",
        "bánh mì", "cơm tấm", "bún bò Huế", "nem rán",
    ],
    "team": ["Thái Lan", "Malaysia", "Indonesia", "Philippines", "Myanmar", "Singapore"],
    "vehicle": ["cứu thương", "bán tải", "7 chỗ màu đen", "tải nhỏ", "máy không biển số"],
    "food": ["tôm", "cua", "thịt gà", "trứng vịt lộn", "sữa", "cà chua", "mật ong"],
    "food2": ["vitamin C", "hồng xiêm", "bia", "nước cam", "hành lá", "đậu phụ"],
    "news": [
        "VnExpress", "Tuổi Trẻ", "Thanh Niên", "Dân trí", "VTV", "Báo Chính phủ",
        "VietnamPlus", "Lao Động",
    ],
    "doc": ["bằng lái", "giấy đăng ký xe", "bảo hiểm", "CCCD gắn chip"],
    "campaign": [
        "Tháng hành động vì môi trường", "Ngày chạy Olympic", "Tết trồng cây",
        "Chiến dịch tiêm chủng mở rộng",
    ],
    "dam": ["Hòa Bình", "Sơn La", "Thác Bà", "Trị An", "Dầu Tiếng", "Kẻ Gỗ"],
}

FALSE_LINKS = [
    "http://suckhoe24h.info/{slug}", "https://tinhot247.net/{slug}", "https://bit.ly/{code}",
    "http://nhanqua-online.com/{code}", "https://hotro-nguoidan.org/{slug}",
    "http://yte-news.xyz/{slug}", "https://tinmoi-nong.com/{slug}", "https://goo.gl/{code}",
    "https://www.facebook.com/{code}", "https://youtu.be/{code}", "http://baomoi24h.top/{slug}",
    "https://vnexpress.net/{slug}.html",
]
TRUE_LINKS = [
    "https://vnexpress.net/{slug}.html", "https://tuoitre.vn/{slug}.htm",
    "https://thanhnien.vn/{slug}.html", "https://moh.gov.vn/tin-tong-hop/{slug}",
    "https://baochinhphu.vn/{slug}.htm", "https://dantri.com.vn/{slug}.htm",
    "https://shopee.vn/{slug}", "https://www.facebook.com/{code}", "https://bit.ly/{code}",
    "https://vtv.vn/{slug}.htm",
]

# Core sentences. Slots: the lists above plus {n} {n2} {money} {date} {time} {time2}
# {phone} {year} {month} {denom} {mag} {score} {link}.
FALSE_CORES = [
    "{remedy} có thể chữa khỏi {disease} chỉ sau {n} ngày, {authority} đã xác nhận nhưng "
    "không công bố rộng rãi.",
    "Uống {remedy} mỗi sáng giúp diệt sạch virus {disease} trong cổ họng, bác sĩ khuyên "
    "nên làm ngay.",
    "{authority} vừa phát hiện {disease} lây qua muỗi và tiền giấy, tuyệt đối không cầm "
    "tiền mặt trong tháng này.",
    "Tin nội bộ từ {hospital}: đã có {n} ca tử vong vì {disease} tại {place} nhưng bị giấu kín.",
    "Vắc xin {disease} gây vô sinh, đã có {n} người tại {place} bị biến chứng nặng sau khi tiêm.",
    "Ăn {food} cùng với {food2} sẽ sinh ra thạch tín gây ung thư, {n} người đã tử vong.",
    "{bank} tặng {money} cho {n} khách hàng đầu tiên nhân dịp kỷ niệm {n2} năm thành lập, "
    "đăng ký tại {link}",
    "Nhà nước hỗ trợ {money} cho mỗi người dân bị ảnh hưởng bởi dịch, điền thông tin tại "
    "{link} để nhận ngay.",
    "Tuyển cộng tác viên làm việc tại nhà, lương {money}/ngày, không cần kinh nghiệm, chỉ "
    "cần nộp phí hồ sơ, liên hệ {phone}.",
    "Điện lực {place} thông báo cắt điện toàn tỉnh {n} ngày từ {date}, mọi người tích trữ "
    "nước và đồ ăn ngay.",
    "Đập thủy điện {dam} có nguy cơ vỡ trong đêm nay, người dân {place} cần sơ tán gấp.",
    "Xuất hiện nhóm bắt cóc trẻ em bằng xe {vehicle} tại {place}, đã có {n} cháu bị mất tích.",
    "Động đất mạnh {mag} độ richter sẽ xảy ra tại {place} vào {date}, các nhà khoa học "
    "Nhật Bản đã dự báo.",
    "Từ {date}, người đi xe máy không có {doc} sẽ bị phạt {money}, đây là quy định mới nhất.",
    "Bộ Giáo dục quyết định cho học sinh cả nước nghỉ học đến hết tháng {month}, phụ huynh "
    "chú ý.",
    "Chính phủ sắp đổi tiền, tiền mệnh giá {denom} sẽ hết giá trị từ {date}.",
    "{place} phong tỏa toàn thành phố từ {time} tối nay, mọi người đi mua đồ ăn dự trữ ngay.",
    "{celebrity} vừa qua đời tại {hospital} sau một thời gian điều trị bệnh.",
    "Giá xăng sẽ tăng lên {money}/lít từ ngày mai, nhiều cây xăng đang đóng cửa găm hàng.",
    "Tài khoản {bank} của bạn sẽ bị khóa trong 24h nếu không xác minh tại {link}",
    "Có kẻ tiêm kim tiêm nhiễm HIV vào ghế ngồi ở rạp chiếu phim và siêu thị tại {place}.",
    "Trung Quốc thả {n} tấn gạo nhựa vào thị trường {place}, mua gạo phải kiểm tra kỹ.",
    "{authority} xác nhận ăn {food} mỗi ngày giúp giảm {n}% nguy cơ mắc {disease}.",
    "Người nhiễm {disease} ở {place} đã trốn khỏi khu cách ly, đi khắp chợ và siêu thị.",
    "Chỉ cần ngậm {remedy} trong {n} phút là virus chết hết, không cần đi viện.",
    "Mạng {bank} sẽ ngừng hoạt động từ {date}, ai chưa chuyển khoản thì làm gấp.",
]
TRUE_CORES = [
    "{authority} khuyến cáo người dân đeo khẩu trang, rửa tay thường xuyên và theo dõi sức "
    "khỏe để phòng {disease}.",
    "Theo Bộ Y tế, chưa có bằng chứng khoa học cho thấy {remedy} có thể chữa {disease}, "
    "người dân không nên tự ý áp dụng.",
    "Sáng {date}, {place} ghi nhận {n} ca mắc {disease} mới, tất cả đã được cách ly và "
    "điều trị.",
    "Công an {place} cảnh báo thủ đoạn lừa đảo giả danh {bank} gửi tin nhắn kèm đường link "
    "lạ, người dân không bấm vào link và không cung cấp mã OTP.",
    "Trung tâm Khí tượng Thủy văn dự báo {place} có mưa to từ {date}, người dân chủ động "
    "phòng tránh ngập úng.",
    "Giá xăng RON95 giảm {money}/lít từ {time} chiều nay theo thông báo của liên Bộ Công "
    "Thương - Tài chính.",
    "Thông tin {celebrity} qua đời là sai sự thật, gia đình đã lên tiếng xác nhận sức khỏe "
    "ổn định.",
    "Bộ Giáo dục công bố lịch thi tốt nghiệp THPT năm {year}, dự kiến diễn ra vào {date}.",
    "Điện lực {place} thông báo tạm ngừng cấp điện tại một số tuyến đường từ {time} đến "
    "{time2} ngày {date} để bảo trì lưới điện.",
    "Cuối tuần cả nhà về quê thăm ông bà, {place} trời đẹp quá mọi người ơi.",
    "Hôm nay thử làm món {dish}, lần đầu làm mà cả nhà khen ngon.",
    "Shop em mới về {product}, giá chỉ {money}, ship toàn quốc, inbox hoặc gọi {phone} để "
    "đặt hàng.",
    "Chúc mừng đội tuyển Việt Nam đã giành chiến thắng {score} trước {team}, quá tự hào!!!",
    "Có ai biết quán {dish} nào ngon ở {place} không ạ, chỉ em với.",
    "Cảm ơn các y bác sĩ tuyến đầu đã vất vả chống dịch, mong mọi người giữ gìn sức khỏe.",
    "Tuyển nhân viên bán hàng tại {place}, lương thỏa thuận, ưu tiên có kinh nghiệm, liên "
    "hệ {phone}.",
    "Mình thấy giá {product} dạo này tăng nhiều quá, mọi người đi chợ thấy thế nào?",
    "Ngày {date}, UBND {place} tổ chức lễ ra quân hưởng ứng {campaign}.",
    "Sở Y tế {place} thông báo tiêm vắc xin {disease} miễn phí cho trẻ dưới 5 tuổi tại các "
    "trạm y tế phường từ {date}.",
    "{bank} cảnh báo khách hàng không cung cấp mã OTP cho bất kỳ ai, kể cả người xưng là "
    "nhân viên ngân hàng.",
    "Học sinh {place} đi học trở lại từ {date} sau thời gian nghỉ phòng dịch, nhà trường "
    "đã khử khuẩn toàn bộ lớp học.",
    "Đập thủy điện {dam} xả lũ điều tiết theo quy trình, chính quyền đã thông báo cho người "
    "dân vùng hạ du.",
    "Vụ việc bắt cóc trẻ em ở {place} lan truyền trên mạng là không có thật, công an đã "
    "xác minh.",
    "{n} tình nguyện viên tại {place} tham gia hiến máu nhân đạo sáng nay.",
    "Giá vàng hôm nay tăng nhẹ {money}/lượng so với hôm qua.",
    "Mẹ mình bảo uống {remedy} ấm buổi sáng cho dễ chịu họng, mọi người thử xem.",
]
FALSE_OPENERS = [
    "KHẨN CẤP!!!", "Tin nóng:", "Cảnh báo khẩn:", "SỐC:", "Tin mật:", "Nóng!!!",
    "Sự thật đằng sau:", "Mọi người chú ý!!!", "Bí mật mà họ không muốn bạn biết:",
    "Tin từ người nhà làm trong bệnh viện:", "Vừa nhận được tin:", "Nghe nói",
    "Bạn mình làm ở sở kể là", "KHẨN!", "Gấp gấp!!!", "Thông báo:", "Cập nhật:", "",
]
TRUE_OPENERS = [
    "Thông báo:", "[Tin tức]", "Theo {news}:", "Cập nhật:", "Mọi người ơi,", "",
    "Chia sẻ từ trang {news}:", "Cảnh báo:", "Hôm nay", "Tin vui:", "Góc hỏi đáp:", "",
]
FALSE_CLOSERS = [
    "Hãy chia sẻ ngay cho người thân!", "Share ngay kẻo bị xóa!!!",
    "Chia sẻ để mọi người cùng biết!", "Đọc xong nhớ share nhé.",
    "Ai có con nhỏ cần đọc ngay.", "Đừng để trôi bài này.", "Trước khi bị xóa hãy đọc ngay!",
    "Lan tỏa để cứu người.", "Báo chí không dám đưa tin này.",
    "Họ không muốn bạn biết điều này.", "Thà tin nhầm còn hơn bỏ sót.", "",
    "Mọi người cẩn thận nhé.", "Nguồn: {news}",
]
TRUE_CLOSERS = [
    "Chi tiết xem tại {link}", "Nguồn: {news}", "Mọi người chú ý phòng tránh nhé.",
    "Mong mọi người cẩn thận.", "Cả nhà tham khảo nhé.", "Chúc mọi người cuối tuần vui vẻ.",
    "Hãy chia sẻ để mọi người cùng cảnh giác.", "", "", "Cảm ơn cả nhà đã đọc.",
]
SHARED_DETAILS = [
    "Hiện tại tình hình vẫn đang được theo dõi.", "Mọi người nên theo dõi thông tin thêm.",
    "Sáng nay ở chợ ai cũng bàn tán chuyện này.", "Nhiều người đã gọi điện hỏi thăm.",
    "Ai có thông tin gì thêm thì bình luận bên dưới nhé.",
    "Chuyện này cũng được nhiều người quan tâm mấy hôm nay.",
    "Cả xóm mình ai cũng biết rồi.", "Không biết thật hư thế nào.",
]
FALSE_DETAILS = [
    "Ông ấy đã làm ngành y {n} năm nên chắc chắn đúng.",
    "Báo chí chính thống đã bị yêu cầu gỡ bài.", "Con số thực tế còn cao hơn nhiều.",
    "Đây là tài liệu mật vừa bị lộ ra ngoài.", "Ai không tin thì tự chịu trách nhiệm.",
    "Đã có {n} người làm theo và khỏi bệnh hoàn toàn.", "Chỉ còn {n} suất, nhanh tay lên.",
]
TRUE_DETAILS = [
    "Người dân có thể gọi đường dây nóng 1900 9095 để được tư vấn.",
    "Thông tin chính thức được đăng tải trên cổng thông tin của Bộ Y tế.",
    "Lực lượng chức năng đang tiếp tục xác minh.", "Buổi lễ diễn ra trong không khí vui tươi.",
    "Mọi người nhớ mang theo giấy tờ tùy thân.", "Số liệu được cập nhật lúc {time} hàng ngày.",
]
FALSE_TAGS = ["#tinnong", "#khancap", "#chiase", "#covid19", "#canhbao", "#suthat", "#cuunguoi"]
TRUE_TAGS = ["#vietnam", "#tintuc", "#giadinh", "#covid19", "#amthuc", "#bongda", "#suckhoe"]
FALSE_EMOJI = ["😱", "🔥", "⚠️", "‼️", "❗", "😭", "🆘", "👉", "😡"]
TRUE_EMOJI = ["😍", "😂", "❤️", "👍", "🙏", "🎉", "👉", "😊", "⚠️"]
TEENCODE = {
    "không": ["ko", "k", "hok"], "được": ["đc", "dc"], "người": ["ng"], "gì": ["j"],
    "với": ["vs"], "biết": ["bít"], "mọi người": ["mn", "mng"], "vậy": ["v"],
}
# fmt: on


def _slug(rng: random.Random) -> str:
    words = ["tin", "moi", "canh", "bao", "suc", "khoe", "gia", "dich", "benh", "ho", "tro"]
    return "-".join(rng.choice(words) for _ in range(rng.randint(3, 6))) + str(
        rng.randint(100000, 999999)
    )


def _code(rng: random.Random) -> str:
    alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(5, 8)))


def _money(rng: random.Random) -> str:
    style = rng.random()
    amount = rng.choice([50, 100, 200, 300, 500, 1000, 2000, 5000, 10000, 25000])
    if style < 0.4:
        return f"{amount * 1000:,}đ".replace(",", ".")
    if style < 0.7:
        return f"{amount}k" if amount < 1000 else f"{amount // 1000} triệu"
    return f"{amount * 1000:,} đồng".replace(",", ".")


def _phone(rng: random.Random) -> str:
    head = rng.choice(["090", "091", "098", "097", "086", "035", "0888", "0123"])
    digits = "".join(str(rng.randint(0, 9)) for _ in range(10 - len(head)))
    number = head + digits
    if rng.random() < 0.4:
        return f"{number[:4]}.{number[4:7]}.{number[7:]}"
    return number


def _fill(template: str, rng: random.Random, unreliable: bool) -> str:
    values: dict[str, str] = {name: rng.choice(words) for name, words in SLOTS.items()}
    link_template = rng.choice(FALSE_LINKS if unreliable else TRUE_LINKS)
    values.update(
        n=str(rng.choice([2, 3, 5, 7, 10, 12, 15, 20, 30, 45, 100, 300, 1000])),
        n2=str(rng.randint(5, 30)),
        money=_money(rng),
        date=f"{rng.randint(1, 28)}/{rng.randint(1, 12)}",
        time=f"{rng.randint(6, 22)}h",
        time2=f"{rng.randint(6, 22)}h{rng.choice(['', '30'])}",
        phone=_phone(rng),
        year=str(rng.choice([2020, 2021])),
        month=str(rng.randint(1, 12)),
        denom=rng.choice(["500.000", "200.000", "100.000"]),
        mag=str(rng.choice([6.5, 7.2, 8.1, 9.0])),
        score=f"{rng.randint(1, 4)}-{rng.randint(0, 1)}",
        link=link_template.format(slug=_slug(rng), code=_code(rng)),
    )
    return template.format(**values)


def _pick(rng: random.Random, own: Sequence[str], other: Sequence[str], cross: float) -> str:
    return rng.choice(other if rng.random() < cross else own)


def _teencode(text: str, rng: random.Random) -> str:
    for word, replacements in TEENCODE.items():
        if word in text and rng.random() < 0.7:
            text = text.replace(word, rng.choice(replacements))
    return text


def _shout(sentence: str) -> str:
    return sentence.upper()


def _post_text(rng: random.Random, unreliable: bool) -> str:
    cross = 0.18  # how often a post borrows a piece from the other side
    core = _pick(rng, FALSE_CORES if unreliable else TRUE_CORES,
                 TRUE_CORES if unreliable else FALSE_CORES, 0.06)  # fmt: skip
    parts: list[str] = []
    opener = _pick(rng, FALSE_OPENERS if unreliable else TRUE_OPENERS,
                   TRUE_OPENERS if unreliable else FALSE_OPENERS, cross)  # fmt: skip
    if rng.random() < (0.65 if unreliable else 0.45):
        parts.append(_fill(opener, rng, unreliable))
    sentence = _fill(core, rng, unreliable)
    if rng.random() < (0.2 if unreliable else 0.05):
        sentence = _shout(sentence)
    parts.append(sentence)
    for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
        pool = rng.choice(
            [SHARED_DETAILS, SHARED_DETAILS, FALSE_DETAILS if unreliable else TRUE_DETAILS]
        )
        parts.append(_fill(rng.choice(pool), rng, unreliable))
    if rng.random() < 0.2:
        parts.append(_fill(rng.choice(FALSE_CORES + TRUE_CORES), rng, unreliable))
    closer = _pick(rng, FALSE_CLOSERS if unreliable else TRUE_CLOSERS,
                   TRUE_CLOSERS if unreliable else FALSE_CLOSERS, cross)  # fmt: skip
    if rng.random() < 0.7:
        parts.append(_fill(closer, rng, unreliable))
    if rng.random() < (0.25 if unreliable else 0.2) and "http" not in " ".join(parts):
        link = rng.choice(FALSE_LINKS if unreliable else TRUE_LINKS)
        parts.append(link.format(slug=_slug(rng), code=_code(rng)))
    text = " ".join(part for part in parts if part)
    if rng.random() < 0.3:
        tags = FALSE_TAGS if unreliable else TRUE_TAGS
        text += "\n" + " ".join(rng.sample(tags, rng.randint(1, 3)))
    if rng.random() < (0.45 if unreliable else 0.35):
        emoji = _pick(rng, FALSE_EMOJI if unreliable else TRUE_EMOJI,
                      TRUE_EMOJI if unreliable else FALSE_EMOJI, cross)  # fmt: skip
        text = text + " " + emoji * rng.randint(1, 4)
    if rng.random() < 0.15:
        text = _teencode(text, rng)
    if rng.random() < (0.3 if unreliable else 0.22):
        text = _strip_keep_case(text.lower() if rng.random() < 0.5 else text)
    return text


def _strip_keep_case(text: str) -> str:
    """Text typed without diacritics, keeping letter case and line breaks."""
    plain = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFC", "".join(c for c in plain if not unicodedata.combining(c)))


def _engagement(rng: random.Random, page_reach: float, unreliable: bool) -> tuple[int, int, int]:
    likes = int(rng.lognormvariate(math.log(page_reach), 1.3))
    comments = int(likes * rng.lognormvariate(math.log(0.12), 0.9))
    share_rate = 0.10 * (1.5 if unreliable else 1.0)
    shares = int(likes * rng.lognormvariate(math.log(share_rate), 1.1))
    return likes, comments, shares


_START = datetime(2019, 9, 1, tzinfo=VIETNAM)
_DAYS = 480


def _timestamp(rng: random.Random, unreliable: bool) -> datetime:
    day = rng.uniform(0, _DAYS)
    if unreliable and rng.random() < 0.25:  # a wave of rumours in the first epidemic months
        day = rng.uniform(150, 240)
    hour_weights = [1, 1, 1, 1, 1, 2, 4, 6, 7, 7, 6, 6, 7, 6, 5, 5, 6, 7, 8, 9, 10, 9, 6, 3]
    if unreliable:
        hour_weights = [w + (3 if h in (22, 23, 0, 1) else 0) for h, w in enumerate(hour_weights)]
    hour = rng.choices(range(24), weights=hour_weights)[0]
    moment = _START + timedelta(days=int(day), hours=hour, minutes=rng.randint(0, 59))
    return moment


def _format_count(value: int, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.04:
        return ""
    if roll < 0.06:
        return "NaN"
    if roll < 0.065:
        return "-1"
    if roll < 0.35:
        return f"{value}.0"
    return str(value)


def _format_time(moment: datetime, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.04:
        return ""
    if roll < 0.10:
        return moment.isoformat()
    if roll < 0.30:
        return f"{moment.timestamp():.1f}"
    return str(int(moment.timestamp()))


def generate(
    rows: int = 5000, seed: int = 0, positive_share: float = 0.2, label_noise: float = 0.05
) -> list[dict[str, str]]:
    """``rows`` synthetic posts as CSV rows (see the module docstring); ``label_noise`` is
    the share of flipped labels."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    pages = [
        (f"u{rng.getrandbits(40):010x}", rng.lognormvariate(math.log(40), 1.4))
        for _ in range(max(20, rows // 8))
    ]
    out: list[dict[str, str]] = []
    originals: list[tuple[str, bool]] = []
    for index in range(rows):
        unreliable = rng.random() < positive_share
        repost_chance = 0.22 if unreliable else 0.12
        same_side = [item for item in originals[-400:] if item[1] == unreliable]
        if same_side and rng.random() < repost_chance:
            text = rng.choice(same_side)[0]
            if rng.random() < 0.3:
                text = rng.choice(["Chia sẻ lại: ", "Copy: ", "Nguồn trên mạng: ", ""]) + text
        else:
            text = _post_text(rng, unreliable)
            originals.append((text, unreliable))
        user, reach = rng.choice(pages)
        likes, comments, shares = _engagement(rng, reach, unreliable)
        label = int(unreliable) if rng.random() >= label_noise else int(not unreliable)
        out.append(
            {
                "id": str(index + 1),
                "user_name": user,
                "post_message": text,
                "timestamp_post": _format_time(_timestamp(rng, unreliable), rng),
                "num_like_post": _format_count(likes, rng),
                "num_comment_post": _format_count(comments, rng),
                "num_share_post": _format_count(shares, rng),
                "label": str(label) if rng.random() > 0.3 else f"{label}.0",
            }
        )
    return out


def write_csv(path: Path | str, rows: list[dict[str, str]]) -> Path:
    """Write rows as UTF-8 CSV (quoted multi-line texts) and return the path."""
    target = Path(path)
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return target


def dataset(rows: int = 5000, seed: int = 0, label_noise: float = 0.05) -> Dataset:
    """The synthetic set as a Dataset (the same parsing as ``load_csv``)."""
    data = generate(rows, seed, label_noise=label_noise)
    meta_names = ["timestamp_post", "num_like_post", "num_comment_post", "num_share_post"]
    return from_records(
        [row["post_message"] for row in data],
        [int(float(row["label"])) for row in data],
        {name: [row[name] for row in data] for name in meta_names},
    )


def demo_dataset(path: Path | str = DEMO_CORPUS, group_by_story: bool = False) -> Dataset:
    """The demo corpus as labelled posts: false/misleading -> 1; true/mostly_true/opinion
    -> 0; unverifiable documents are left out (no label). Web articles keep their title.

    ``group_by_story`` puts every copy of one story in one fold group (a harder check
    than the default grouping by identical text)."""
    texts: list[str] = []
    labels: list[int] = []
    stories: list[str] = []
    meta: dict[str, list[object]] = {"likes": [], "comments": [], "shares": [], "posted_at": []}
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            verdict = record.get("verdict")
            if verdict not in _DEMO_POSITIVE | _DEMO_NEGATIVE:
                continue
            title = record.get("title") or ""
            texts.append(f"{title}\n{record.get('text', '')}".strip())
            labels.append(int(verdict in _DEMO_POSITIVE))
            stories.append(str(record.get("story", "")))
            for name in meta:
                meta[name].append(record.get(name))
    return from_records(texts, labels, meta, groups=stories if group_by_story else None)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write the synthetic triage development set.")
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=Path("triage-dev.csv"))
    args = parser.parse_args(argv)
    rows = generate(args.rows, args.seed)
    write_csv(args.out, rows)
    positives = sum(int(float(row["label"])) for row in rows)
    print(f"wrote {len(rows)} rows ({positives} positive) to {args.out}")


if __name__ == "__main__":
    main()
