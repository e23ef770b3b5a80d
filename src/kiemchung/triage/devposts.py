"""A harder development set for the queue: Facebook-shaped posts labelled reliable (0) or
unreliable (1), written for the project, plus real news articles cut into post-sized
pieces (VNTC, read from ``../shared/data/vntc`` when present; never copied into the
project).

It is made to be honest rather than easy:

- reliable posts often look "check-worthy" (bulletins with numbers, dates and public
  bodies), warn about scams (and so mention OTP codes, prizes and phone numbers), shout
  about football, sell fruit with a phone number and emoji, or are typed without
  diacritics;
- unreliable posts are often calm: no capitals, no "!!!", a plausible tone, sometimes
  from a page that calls itself a news site;
- engagement is heavy-tailed and depends mostly on the account, hardly on the label.

The hand-written templates are split in two by position: even ones make the ``dev``
split (what the prior's weights were checked against), odd ones the ``heldout`` split
(never looked at while weighting). VNTC pieces come from its training file for ``dev``
and from its test sample for ``heldout``.

Command line::

    python -m kiemchung.triage.devposts --split heldout --rows 4000 --out heldout.jsonl
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from pathlib import Path

from kiemchung.text.normalize import keys
from kiemchung.triage.data import VIETNAM

__all__ = ["VNTC_DIR", "generate", "main"]

VNTC_DIR = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "vntc"
_VNTC_FILES = {"dev": "vntc_train.jsonl.gz", "heldout": "vntc_sample10k.jsonl.gz"}

# fmt: off
SLOTS: dict[str, list[str]] = {
    "place": [
        "Hà Nội", "TP.HCM", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Quảng Nam", "Nghệ An",
        "Thanh Hóa", "Bình Dương", "Đồng Nai", "Huế", "Quảng Ninh", "Bắc Ninh", "Vĩnh Phúc",
        "Khánh Hòa", "Lâm Đồng", "Hà Tĩnh", "Gia Lai", "Sóc Trăng", "Thái Bình",
    ],
    "disease": [
        "Covid-19", "cúm A", "sốt xuất huyết", "ung thư", "tiểu đường", "đột quỵ", "sởi",
        "tay chân miệng", "bạch hầu", "viêm gan B", "cao huyết áp", "dịch tả lợn",
    ],
    "remedy": [
        "nước chanh ấm", "lá đu đủ", "tỏi sống", "nước gừng", "nước muối", "lá ổi",
        "giấm táo", "nghệ tươi", "lá tía tô", "nước dừa", "mật ong", "lá neem",
    ],
    "authority": [
        "Bộ Y tế", "Bộ Công an", "Sở Y tế", "UBND thành phố", "Bộ Giáo dục", "Tổng cục Thuế",
        "Bảo hiểm xã hội", "Điện lực", "Cục Cảnh sát giao thông",
    ],
    "hospital": [
        "Bệnh viện Bạch Mai", "Bệnh viện Chợ Rẫy", "Bệnh viện Nhiệt đới Trung ương",
        "Bệnh viện Đà Nẵng", "Bệnh viện Việt Đức", "Bệnh viện Nhi Trung ương",
    ],
    "bank": ["Vietcombank", "Techcombank", "BIDV", "Agribank", "VPBank", "Viettel", "MoMo"],
    "person": [
        "Nguyễn Văn Hùng", "Trần Thị Mai", "Lê Minh Tuấn", "Phạm Thu Hà", "Đỗ Quang Vinh",
        "Vũ Thị Lan", "Hoàng Đức Anh", "Bùi Thanh Sơn",
    ],
    "street": [
        "Nguyễn Trãi", "Lê Văn Lương", "Điện Biên Phủ", "Cộng Hòa", "Giải Phóng",
        "Trường Chinh", "Võ Văn Kiệt", "Phạm Văn Đồng",
    ],
    "food": ["rau muống", "giá đỗ", "cá basa", "thịt lợn", "trứng gà", "trà sữa", "bánh mì"],
    "occasion": ["sinh nhật 30 năm", "dịp Tết", "ngày Quốc khánh", "mùa hè", "cuối năm"],
    "unknown": [
        "bit.ly/qua-tang-{code}", "nhanqua-{code}.xyz", "hotro-{code}.online",
        "tin-{code}.site/xem", "baomoi-{code}.info/tin", "dangky-{code}.top",
    ],
    "news": [
        "https://vnexpress.net/{slug}-{code}.html", "https://tuoitre.vn/{slug}-{code}.htm",
        "https://thanhnien.vn/{slug}-{code}.html", "https://dantri.com.vn/{slug}.htm",
        "https://moh.gov.vn/tin-tuc/{slug}", "https://vov.vn/{slug}-{code}.vov",
    ],
}

# Unreliable posts (label 1). Even positions: dev; odd positions: held out.
UNRELIABLE: list[str] = [
    "Tin nội bộ từ {authority}: từ {date} {place} sẽ phong tỏa toàn bộ, cấm ra đường sau 18h. Mọi người lo tích trữ lương thực đi nhé. Chia sẻ ngay cho người thân!",
    "Bạn mình làm ở {hospital} kể tối qua có {n} ca {disease} nhập viện cấp cứu mà báo chí chưa đưa tin. Cả nhà cẩn thận, hạn chế ra ngoài mấy hôm này.",
    "Mẹo này bà mình dùng mấy chục năm nay: mỗi sáng uống một cốc {remedy} lúc đói là phòng được {disease}, không cần thuốc men gì. Ai cần thì lưu lại.",
    "KHẨN CẤP!!! {AUTHORITY} VỪA CẢNH BÁO {DISEASE} ĐÃ LÂY QUA ĐƯỜNG KHÔNG KHÍ Ở {PLACE}. ĐÓNG CỬA Ở NHÀ, SHARE GẤP CHO MỌI NGƯỜI!!!",
    "{bank} tri ân khách hàng nhân {occasion}: tặng {money} cho 1.000 tài khoản đăng ký đầu tiên. Nhận quà tại {unknown} trước 24h hôm nay 🎁🎁",
    "Ai từng mua hàng online bị lỗi thì được hoàn tiền 100% nhé, chỉ cần kết bạn Zalo {phone} và gửi mã đơn hàng. Mình vừa nhận được {money} rồi 👉",
    "{authority} thông báo từ ngày {date} sẽ phạt {money} với người không đeo khẩu trang khi ngồi trong ô tô riêng. Mọi người lưu ý kẻo mất tiền oan.",
    "Nghe nói sắp đổi tiền, tờ 500 nghìn sẽ không tiêu được nữa từ tháng sau. Ai giữ nhiều tiền mặt thì gửi ngân hàng hoặc mua vàng dần đi.",
    "Các phụ huynh ở {place} chú ý: có nhóm người đi xe bảy chỗ không biển số bắt cóc trẻ em ở cổng trường, chiều qua đã mất hai cháu. Thà tin nhầm còn hơn bỏ sót, hãy chia sẻ để các gia đình cảnh giác.",
    "Nghe đâu đập thủy điện ở {place} có vết nứt lớn, có thể vỡ trong vài ngày tới. Tin từ người nhà làm ở nhà máy, bà con hạ du nên chuẩn bị đồ đạc sơ tán, đừng đợi thông báo.",
    "tin nong: {place} da co nguoi chet vi {disease} ma chinh quyen van giau kin, ai o gan thi tranh xa khu do nha. chia se ngay cho nguoi than",
    "Các nhà khoa học đã chứng minh vắc xin làm thay đổi gen của người được tiêm. Đây là sự thật mà người ta không muốn bạn biết, đọc kỹ trước khi đưa con đi tiêm.",
    "Trứng gà giả làm từ nhựa đang bán tràn lan ở chợ {place}, luộc lên bóc vỏ thấy dai như cao su. Các mẹ đi chợ nhớ xem kỹ, share cho mọi người cùng biết.",
    "Tuyển cộng tác viên làm tại nhà, mỗi ngày chỉ cần 1-2 tiếng bấm thích sản phẩm, thu nhập {money}/ngày, không cần vốn. Nhắn tin ngay hoặc gọi {phone}.",
    "Ông hàng xóm nhà mình uống {remedy} ngâm rượu đúng ba tuần mà khỏi hẳn {disease}, đi khám bác sĩ cũng ngạc nhiên. Mình chép lại công thức ở dưới bình luận cho ai cần.",
    "Từ {date} nhà nước sẽ cấp tiền hỗ trợ {money} cho mỗi người dân bị ảnh hưởng bởi dịch, ai chưa nhận thì khai thông tin tại {unknown}. Hạn chót là cuối tuần này.",
    "Tin nội bộ: tối nay xăng tăng thêm {n}.000 đồng mỗi lít, anh em đi đổ đầy bình ngay kẻo lỡ.",
    "Một nghiên cứu ở Mỹ cho thấy ăn {remedy} mỗi ngày giảm 90% nguy cơ mắc {disease}. Tiếc là ở mình ít người biết, bác sĩ cũng không bao giờ nói cho bệnh nhân.",
    "Điện lực thông báo cắt điện toàn {place} ba ngày liền từ {date} để sửa chữa lưới điện. Nhà nào có đồ đông lạnh thì chuẩn bị trước nhé.",
    "Sáng nay xe khách lao xuống vực ở {place}, hơn 30 người chết mà không thấy báo nào đưa tin. Xin hãy lan truyền cho mọi người biết.",
    "Ai nhận được cuộc gọi từ số lạ có đầu +375 mà bấm nghe là bị trừ sạch tiền trong tài khoản ngân hàng. Người quen mình ở {place} vừa mất {money} như thế.",
    "Mình vừa được biết từ tuần sau học sinh ở {place} nghỉ học hết đến cuối tháng, Sở đang soạn văn bản mà chưa công bố. Các bố mẹ thu xếp dần nhé.",
    "Thuốc nam gia truyền chữa dứt điểm {disease} sau một liệu trình, đã giúp hơn 10.000 người khỏi bệnh. Xem phản hồi của khách tại {unknown} hoặc gọi {phone}.",
    "ĐỪNG ĂN {FOOD} LÚC NÀY!!! Mẫu xét nghiệm ở {place} phát hiện chất gây ung thư cao gấp 200 lần cho phép, báo chí không dám đưa tin 😱😱",
    "Chị gái mình làm y tá kể là bệnh viện đang quá tải vì {disease}, bệnh nhân nằm cả ngoài hành lang nhưng trên thì bảo giữ kín. Mọi người tự bảo vệ mình đi.",
    "Cấp báo: {authority} yêu cầu toàn bộ người dân {place} khai báo tài khoản ngân hàng trước ngày {date}, nếu không sẽ bị phong tỏa tài khoản. Điền tại {unknown}",
    "Ngâm chân bằng nước {remedy} mỗi tối sẽ thải độc và đẩy lùi {disease}, nhiều người đã thử và thấy hiệu quả rõ rệt. Hãy chia sẻ cho ông bà, bố mẹ.",
    "BHXH đang hoàn tiền đóng thừa cho người lao động, mỗi người nhận khoảng {money}. Gửi ảnh CCCD hai mặt qua Zalo {phone} để được xử lý trong ngày.",
    "Đã có công văn: từ {date} xe máy đời cũ trên 10 năm không được lưu thông trong nội thành {place}. Ai có xe cũ thì bán sớm đi kẻo mất giá.",
    "Có người bảo ăn {food} ở {place} dạo này bị nhiễm sán vì người ta dùng hóa chất lạ, mấy đứa trẻ trong xóm nhập viện rồi. Không biết thật hư thế nào nhưng cứ tránh cho chắc.",
    "Xin mọi người giúp: bé trai 5 tuổi bị lạc ở chợ {place} từ chiều qua, mặc áo xanh. Gia đình treo thưởng {money}, ai thấy gọi ngay {phone}. Đừng để trôi bài này!",
    "Giáo sư người Nhật khuyên: uống nước ấm mỗi 15 phút thì virus sẽ trôi xuống dạ dày và bị axit tiêu diệt, không thể vào phổi. Copy gửi cho người thân nhé.",
    "Thông báo khẩn của {authority}: đêm nay máy bay sẽ phun thuốc khử trùng trên toàn {place}, mọi người đóng kín cửa và không ra ngoài từ 23h đến 5h sáng.",
    "Có nguồn tin riêng cho biết giá vàng tuần sau sẽ giảm sâu vì nhà nước sắp bán vàng dự trữ, ai đang giữ vàng thì bán ngay kẻo lỗ nặng.",
    "Nhà mình ở {place}, tối qua thấy xe cứu thương chạy suốt đêm, nghe bảo khu bên cạnh có ổ dịch {disease} lớn lắm mà phường đang giấu.",
    "Bị {disease} chỉ cần đắp {remedy} giã nát lên bụng ba ngày là khỏi, không tốn tiền đi viện. Bài thuốc này cứu được nhiều người lắm rồi.",
    "Săn ngay voucher {money} của Shopee nhân {occasion}, chỉ áp dụng hôm nay. Nhập mã tại {unknown}, số lượng có hạn, nhanh tay kẻo hết!",
    "Mọi người ơi, nước máy khu {place} mấy hôm nay bị nhiễm độc nên có mùi lạ, đừng dùng để nấu ăn. Bên công ty cấp nước biết mà im lặng.",
    "Theo một bác sĩ giấu tên, {disease} năm nay có biến chủng mới kháng mọi loại thuốc và tỷ lệ tử vong rất cao. Tin này chưa được công khai đâu, mọi người chuẩn bị tinh thần.",
    "Từ 1/7 ai đi xe máy không mang theo giấy tờ gốc sẽ bị tạm giữ xe 7 ngày và phạt {money}, kể cả có ảnh chụp trên điện thoại cũng không được. Nhắn cho người thân biết.",
]

# Reliable posts (label 0). Even positions: dev; odd positions: held out.
RELIABLE: list[str] = [
    "Sáng {date}, Bộ Y tế cho biết ghi nhận {n} ca mắc {disease} mới tại {place}, đều là các trường hợp đã được cách ly từ trước. Tổng số ca mắc từ đầu năm là {n2}.",
    "Công an {place} cảnh báo thủ đoạn giả danh nhân viên {bank} gọi điện yêu cầu cung cấp mã OTP để nhận quà tri ân. Người dân tuyệt đối không cung cấp mã OTP cho bất kỳ ai.",
    "Theo Trung tâm Dự báo Khí tượng Thủy văn quốc gia, từ đêm {date} các tỉnh Bắc Bộ có mưa rào và dông, nhiệt độ thấp nhất {n}-{n2} độ C. Vùng núi đề phòng lốc, sét và mưa đá.",
    "Ai ở {place} lưu ý nhé, theo Tuổi Trẻ thì từ {date} đường {street} cấm ô tô để thi công cầu vượt, dự kiến kéo dài hai tháng. {news}",
    "VIỆT NAM VÔ ĐỊCH!!! Quá tuyệt vời các chàng trai áo đỏ ơi 🇻🇳🇻🇳🔥🔥 Cả xóm đi bão rồi!!!",
    "Nhà em có vải thiều Lục Ngạn mới hái, quả to, cùi dày, {money}/kg. Giao hàng nội thành {place}, đặt hàng gọi {phone} hoặc nhắn tin cho em ạ 🍒🍒",
    "Hôm nay cả nhà về quê ăn giỗ ông, lâu lắm rồi mới đông đủ thế này. Bà nội vẫn khỏe, còn nấu được nồi canh cua ngon nhất trần đời ❤️",
    "Mình thấy dạo này đường {street} kẹt xe kinh khủng, giờ tan tầm mất gần một tiếng mới qua được. Mong thành phố sớm có cách giải quyết.",
    "UBND {place} thông báo học sinh các cấp trên địa bàn trở lại trường từ ngày {date} theo Công văn số {n}/UBND-VX. Các trường tổ chức khử khuẩn trước khi đón học sinh.",
    "Liên Bộ Công Thương - Tài chính vừa điều chỉnh giá xăng: xăng RON95 tăng {n}00 đồng/lít, lên {money}/lít, áp dụng từ 15h chiều nay.",
    "Thông tin uống {remedy} chữa khỏi {disease} đang lan truyền trên mạng là sai sự thật. PGS.TS {person}, {hospital}, khẳng định chưa có bằng chứng khoa học nào cho việc này.",
    "Có ai biết chỗ nào ở {place} tiêm phòng cúm cho trẻ dưới 1 tuổi không ạ? Con mình 9 tháng, muốn tiêm mà chưa biết đi đâu.",
    "{place}: Xe tải mất lái đâm vào nhà dân, hai người bị thương. Lực lượng chức năng đang điều tra nguyên nhân vụ việc. {news}",
    "Cả nhà ơi, nhóm thiện nguyện của mình sẽ trao {n}0 suất quà cho bà con vùng lũ {place} vào chủ nhật này. Ai muốn góp sức thì nhắn tin cho mình nhé 🙏🙏",
    "KHẨN: Do mưa lớn kéo dài, Ban Chỉ huy phòng chống thiên tai {place} yêu cầu di dời ngay {n}0 hộ dân ở khu vực có nguy cơ sạt lở, thông báo lúc {h} giờ ngày {date}.",
    "theo thong bao cua so y te {place} thi tu ngay {date} cac diem tiem vac xin mo cua tu 7h den 17h, nho mang theo CCCD nhe moi nguoi",
    "Tổng cục Thống kê công bố GDP quý vừa qua tăng {n},{n3}% so với cùng kỳ năm trước, trong đó khu vực công nghiệp và xây dựng đóng góp nhiều nhất.",
    "Mình có nhặt được một chiếc ví ở bến xe {place} sáng nay, trong có căn cước tên Nguyễn Văn {first}. Ai quen thì báo giúp, liên hệ {phone}.",
    "Bác sĩ {person}, khoa Nhi {hospital}, cho biết trẻ sốt trên 39 độ kèm co giật cần được đưa ngay tới cơ sở y tế, không tự ý cho uống thuốc hạ sốt quá liều.",
    "Tối nay lúc 20h, chương trình nghệ thuật chào mừng ngày thành lập tỉnh diễn ra tại quảng trường {place}, truyền hình trực tiếp trên kênh của đài tỉnh.",
    "Tin buồn: ông {person}, nguyên hiệu trưởng trường THCS thị trấn, đã từ trần lúc {h} giờ ngày {date}, hưởng thọ 82 tuổi. Lễ viếng tổ chức tại nhà riêng.",
    "Sở Giáo dục và Đào tạo {place} công bố điểm chuẩn vào lớp 10 năm nay, trường cao nhất lấy {n2},5 điểm. Thí sinh tra cứu kết quả trên cổng thông tin của Sở. {news}",
    "Mọi người cẩn thận nhé, sáng nay mình nhận được tin nhắn mạo danh {bank} báo tài khoản bị khóa, kèm đường link lạ. Gọi lên tổng đài thì được xác nhận là lừa đảo.",
    "Giá lợn hơi hôm nay ở {place} dao động {n}0.000 - {n2}.000 đồng/kg, giảm nhẹ so với tuần trước do nguồn cung tăng, theo thống kê của Sở Nông nghiệp.",
    "Chúc mừng sinh nhật con gái yêu tròn 6 tuổi 🎂🎈 Mong con luôn mạnh khỏe, ngoan ngoãn và học giỏi nhé!!",
    "Ngày {date}, Tòa án nhân dân {place} mở phiên xét xử sơ thẩm vụ án lừa đảo chiếm đoạt tài sản, bị cáo nhận mức án {n} năm tù.",
    "Quán phở đầu ngõ nhà mình vừa khai trương lại sau đợt sửa chữa, giá vẫn 40k một bát mà nước dùng ngon hơn hẳn. Ai ở gần {street} thì ghé thử.",
    "Chiều {date}, tại họp báo của UBND {place}, đại diện Sở Y tế thông tin toàn tỉnh đã tiêm được {n2}.000 liều vắc xin, đạt {n}5% kế hoạch.",
    "TRỜI ƠI MƯA TO QUÁ, cả phố ngập đến đầu gối luôn mọi người ơi 😭😭 Ai đi làm qua {street} thì tránh nhé.",
    "Cảnh sát giao thông {place} cho biết trong dịp nghỉ lễ đã xử lý {n2}0 trường hợp vi phạm nồng độ cồn, tạm giữ {n}0 phương tiện.",
    "Mình đang cần tìm người giúp việc theo giờ ở {place}, mỗi tuần 3 buổi, lương thỏa thuận. Ai có người quen giới thiệu thì nhắn mình với, cảm ơn cả nhà.",
    "Bão số {n} đổ bộ vào {place} chiều nay với sức gió cấp 10, giật cấp 12. Tỉnh đã sơ tán hơn {n2}.000 người dân ven biển tới nơi an toàn, theo Ban Chỉ huy phòng chống thiên tai.",
    "Học sinh lớp 12 nhớ nhé, hạn đăng ký dự thi tốt nghiệp THPT là ngày {date}, đăng ký trực tuyến trên hệ thống của Bộ Giáo dục và Đào tạo.",
    "Nhân dịp {occasion}, cửa hàng giảm giá 20% toàn bộ áo khoác, áp dụng đến hết chủ nhật. Địa chỉ số {n}2 {street}, {place}. Hotline {phone}.",
    "Sáng nay đi khám sức khỏe định kỳ ở {hospital}, đông kinh khủng, chờ từ 6h đến 11h mới xong. Mọi người đi khám thì nên đặt lịch trước qua tổng đài.",
    "Ngân hàng Nhà nước vừa công bố tỷ giá trung tâm hôm nay ở mức {n2}.{n}12 đồng/USD, tăng 5 đồng so với phiên trước.",
    "Đội tuyển nữ Việt Nam thắng 2-0 trong trận mở màn vòng loại, hai bàn thắng đều do {person} ghi trong hiệp hai.",
    "theo vnexpress thi tu thang sau phi cao toc tuyen {street} tang them {n}.000 dong moi luot, ai hay di thi luu y nhe",
    "Đề nghị bà con thôn Đông chú ý: sáng mai từ 7h đến 11h, Trạm y tế xã tổ chức tiêm vắc xin sởi cho trẻ từ 9 tháng tuổi tại nhà văn hóa thôn, mang theo sổ tiêm chủng.",
    "Tôi thấy phim tối qua dở quá, cốt truyện kéo dài lê thê mà diễn viên chính đóng không tới. Ai thích thì xem chứ tôi bỏ rồi.",
]
# fmt: on

_ASCII_SLOTS = {"AUTHORITY", "DISEASE", "PLACE", "FOOD"}


def _code(rng: random.Random) -> str:
    return "".join(rng.choice("abcdefghkmnpqrstuvxyz23456789") for _ in range(rng.randint(4, 7)))


def _slug(rng: random.Random) -> str:
    words = ["tin", "moi", "ha-noi", "gia", "xang", "dich", "benh", "thoi-tiet", "giao-thong"]
    return "-".join(rng.sample(words, 3))


def _money(rng: random.Random) -> str:
    return rng.choice(
        [
            f"{rng.choice([50, 100, 200, 300, 500])}.000 đồng",
            f"{rng.choice([1, 2, 3, 5, 10])} triệu đồng",
            f"{rng.choice([200, 500])}k",
            f"{rng.randint(20, 30)}.{rng.randint(100, 999)} đồng",
        ]
    )


def _phone(rng: random.Random) -> str:
    head = rng.choice(["09", "08", "03", "07"])
    digits = "".join(str(rng.randint(0, 9)) for _ in range(8))
    return rng.choice([head + digits, f"{head}{digits[:2]} {digits[2:5]} {digits[5:]}"])


def _date(rng: random.Random) -> str:
    return f"{rng.randint(1, 28)}/{rng.randint(1, 12)}"


def _fill(template: str, rng: random.Random) -> str:
    values: dict[str, str] = {}
    for name in re.findall(r"\{(\w+)\}", template):
        if name in values:
            continue
        lower = name.lower()
        if name in _ASCII_SLOTS:
            values[name] = rng.choice(SLOTS[lower]).upper()
        elif name in ("unknown", "news"):
            values[name] = rng.choice(SLOTS[name]).format(code=_code(rng), slug=_slug(rng))
        elif name in SLOTS:
            values[name] = rng.choice(SLOTS[name])
        elif name == "money":
            values[name] = _money(rng)
        elif name == "phone":
            values[name] = _phone(rng)
        elif name == "date":
            values[name] = _date(rng)
        elif name == "h":
            values[name] = str(rng.randint(6, 22))
        elif name == "first":
            values[name] = rng.choice(["An", "Bình", "Cường", "Dũng", "Hải", "Khoa"])
        else:  # n, n2, n3
            values[name] = str(rng.randint(2, 9) if name != "n2" else rng.randint(12, 48))
    text = template.format(**values)
    if not keys(template).match.isascii():
        return text
    return keys(text).ascii  # a template typed without diacritics stays without them


def _variant(text: str, rng: random.Random) -> str:
    """Small changes real posts show: an emoji, a hashtag, a dropped diacritic."""
    roll = rng.random()
    if roll < 0.12:
        return keys(text).ascii
    if roll < 0.22:
        return text + " " + rng.choice(["😢", "😮", "🙏", "👍", "❤️", "😡", "⚠️"])
    if roll < 0.30:
        return text + " " + rng.choice(["#tintuc", "#canhgiac", "#suckhoe", "#covid19"])
    return text


def _templates(split: str, labelled: Sequence[str]) -> list[str]:
    offset = 0 if split == "dev" else 1
    return list(labelled[offset::2])


def _vntc_pieces(split: str, rng: random.Random, wanted: int) -> Iterator[str]:
    path = VNTC_DIR / _VNTC_FILES[split]
    if not path.is_file() or wanted <= 0:
        return
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        lines = handle.readlines()
    rng.shuffle(lines)
    for line in lines[:wanted]:
        text = json.loads(line)["text"]
        yield _post_sized(text, rng)


def _post_sized(text: str, rng: random.Random) -> str:
    """An article as a page would post it: the headline and a few sentences, or a
    passage from the middle."""
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    if not paragraphs:
        return text[:400]
    if rng.random() < 0.6:
        piece = "\n".join(paragraphs[: rng.randint(1, 3)])
    else:
        start = rng.randrange(len(paragraphs))
        piece = paragraphs[start]
    return piece[: rng.randint(200, 700)].rsplit(" ", 1)[0]


_START = datetime(2020, 1, 1, tzinfo=VIETNAM)


def _engagement(rng: random.Random, public: bool, unreliable: bool) -> tuple[int, int, int]:
    reach = rng.lognormvariate(4.5 if public else 2.5, 1.6)
    likes = int(reach * rng.uniform(0.5, 1.5))
    comments = int(reach * rng.uniform(0.05, 0.4))
    shares = int(reach * rng.uniform(0.02, 0.5) * (1.4 if unreliable else 1.0))
    return likes, comments, shares


def generate(split: str = "heldout", rows: int = 4000, seed: int = 0) -> list[dict[str, object]]:
    """Labelled posts in the import schema (plus ``label``), half of each label when the
    VNTC files are present (half of the reliable ones are news pieces)."""
    if split not in _VNTC_FILES:
        raise ValueError(f"split must be 'dev' or 'heldout', not {split!r}")
    rng = random.Random(f"{split}-{seed}")  # noqa: S311 (reproducible dev data)
    unreliable = _templates(split, UNRELIABLE)
    reliable = _templates(split, RELIABLE)
    half = rows // 2
    news = list(_vntc_pieces(split, rng, half // 2))
    out: list[dict[str, object]] = []
    for i in range(rows):
        label = 1 if i < half else 0
        origin = "written"
        if label == 0 and i - half < len(news):
            text, public, origin = news[i - half], rng.random() < 0.75, "vntc"
        else:
            text = _variant(_fill(rng.choice(unreliable if label else reliable), rng), rng)
            public = rng.random() < (0.25 if label else 0.45)
        likes, comments, shares = _engagement(rng, public, bool(label))
        moment = _START + timedelta(minutes=rng.randrange(60 * 24 * 365))
        out.append(
            {
                "platform": "facebook",
                "url": f"https://facebook.com/{split}/posts/{seed}{i}",
                "text": text,
                "posted_at": moment.isoformat(),
                "account": f"trang-{rng.randrange(300)}"
                if public
                else f"nguoi-{rng.randrange(3000)}",
                "account_kind": "public" if public else "private",
                "likes": likes,
                "comments": comments,
                "shares": shares,
                "label": label,
                "origin": origin,  # "written" for the project, or a "vntc" news piece
            }
        )
    rng.shuffle(out)
    return out


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m kiemchung.triage.devposts")
    parser.add_argument("--split", choices=sorted(_VNTC_FILES), default="heldout")
    parser.add_argument("--rows", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=Path("queue-heldout.jsonl"))
    args = parser.parse_args(argv)
    rows = generate(args.split, args.rows, args.seed)
    with args.out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} posts to {args.out}")


if __name__ == "__main__":
    main()
