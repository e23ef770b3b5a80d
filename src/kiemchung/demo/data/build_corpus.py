"""Build the kiemchung demo corpus from the hand-written stories in `stories/*.toml`.

The stories are read by `story_files.py`.

    python build_corpus.py        # rewrites corpus.jsonl, sources.json, feed.xml,
                                  # atom.xml and article.html next to this file

The output is deterministic (fixed seed) and committed; run this only after editing the
stories. Reposts are derived from the hand-written documents the way people repost:
a word changed, a sentence dropped, emoji or a call to share added, a comment in front,
the whole text typed without diacritics, or the old tone-mark style (hoà, thuý, khoẻ).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import random
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from email.utils import format_datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from story_files import CORRECTIONS, PRIMARY_STORIES, Correction, Doc, Story

HERE = Path(__file__).parent
TZ = dt.timezone(dt.timedelta(hours=7))
FIRST = dt.datetime(2026, 2, 1, tzinfo=TZ)
LAST = dt.datetime(2026, 11, 20, 23, 59, tzinfo=TZ)
SEED = 20260201

# ---------------------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------------------

OUTLETS = {
    "Báo Hòa Lâm": (
        "baohoalam.example",
        "Báo điện tử của tỉnh Hòa Lâm: thời sự, kinh tế, xã hội, văn hóa trong tỉnh.",
    ),
    "Đài Phát thanh và Truyền hình Hòa Lâm": (
        "hltv.example",
        "Đài phát thanh - truyền hình của tỉnh; trang tin điện tử đăng lại bản tin thời sự "
        "và các phóng sự ngắn.",
    ),
    "Nhịp Sống Việt": (
        "nhipsongviet.example",
        "Báo điện tử quy mô toàn quốc, có phóng viên thường trú khu vực; đưa tin các địa phương.",
    ),
    "Lâm Xuyên Online": (
        "lamxuyenonline.example",
        "Trang tin tổng hợp địa phương, chủ yếu biên tập lại tin của báo, đài tỉnh; đôi khi "
        "sai chi tiết.",
    ),
    "Nông Nghiệp Hôm Nay": (
        "nongnghiephomnay.example",
        "Tạp chí điện tử chuyên về nông nghiệp, nông thôn và thị trường nông sản.",
    ),
    "Tin Nhanh 24h": (
        "tinnhanh24h.example",
        "Trang tin giật tít, đăng lại nhanh thông tin từ mạng xã hội khi chưa kiểm chứng.",
    ),
    "Tin Hot Mỗi Ngày": (
        "tinhotmoingay.example",
        "Trang tin lá cải, chuyên tin 'rúng động', 'xôn xao'; nhiều bài dựa trên tin đồn.",
    ),
    "Sức Khỏe Xanh": (
        "suckhoexanh.example",
        "Chuyên trang sức khỏe - làm đẹp, nhiều bài quảng cáo mẹo chữa bệnh chưa được kiểm chứng.",
    ),
}

# public pages: name -> (handle, kind in sources.json, description)
PAGES = {
    "UBND phường Lâm Xuyên": ("ubndphuonglamxuyen", "Trang thông tin của UBND phường Lâm Xuyên."),
    "UBND phường Vĩnh Hưng": ("ubndphuongvinhhung", "Trang thông tin của UBND phường Vĩnh Hưng."),
    "UBND phường Đông Thịnh": (
        "ubndphuongdongthinh",
        "Trang thông tin của UBND phường Đông Thịnh.",
    ),
    "UBND xã Ngọc Khê": ("ubndxangockhe", "Trang thông tin của UBND xã Ngọc Khê."),
    "UBND xã Suối Mây": ("ubndxasuoimay", "Trang thông tin của UBND xã Suối Mây (vùng núi)."),
    "UBND xã Tân Lập": ("ubndxatanlap", "Trang thông tin của UBND xã Tân Lập."),
    "UBND xã Thạch Lâm": ("ubndxathachlam", "Trang thông tin của UBND xã Thạch Lâm."),
    "Công an tỉnh Hòa Lâm": (
        "congantinhhoalam",
        "Trang chính thức của Công an tỉnh: cảnh báo lừa đảo, an ninh trật tự, giao thông.",
    ),
    "Sở Y tế Hòa Lâm": ("soytehoalam", "Trang chính thức của Sở Y tế tỉnh Hòa Lâm."),
    "Sở GD&ĐT Hòa Lâm": ("sogddthoalam", "Trang chính thức của Sở Giáo dục và Đào tạo."),
    "Sở Công Thương Hòa Lâm": ("socongthuonghoalam", "Trang chính thức của Sở Công Thương."),
    "Trung tâm Khí tượng Thủy văn tỉnh Hòa Lâm": (
        "kttvhoalam",
        "Bản tin dự báo thời tiết, cảnh báo thiên tai của cơ quan khí tượng thủy văn tỉnh.",
    ),
    "Điện lực Hòa Lâm": (
        "dienluchoalam",
        "Trang chăm sóc khách hàng chính thức của điện lực tỉnh.",
    ),
    "Công ty CP Thủy điện Suối Mây": (
        "thuydiensuoimay",
        "Trang của đơn vị vận hành hồ và nhà máy thủy điện Suối Mây.",
    ),
    "Ngân hàng Nhà nước chi nhánh khu vực Hòa Lâm": (
        "nhnnkhuvuchoalam",
        "Trang thông tin của chi nhánh Ngân hàng Nhà nước phụ trách địa bàn tỉnh.",
    ),
    "Cổng thông tin điện tử tỉnh Hòa Lâm": (
        "congthongtin.hoalam.example",
        "Cổng thông tin điện tử của UBND tỉnh: văn bản, thông cáo, đính chính.",
    ),
    "Trường THPT Ngân Giang": ("thptngangiang", "Trang của Trường THPT Ngân Giang."),
    "Trường Tiểu học Đông Thịnh": ("thdongthinh", "Trang của Trường Tiểu học Đông Thịnh."),
    "Đoàn Thanh niên tỉnh Hòa Lâm": ("tuoitrehoalam", "Trang của Tỉnh đoàn Hòa Lâm."),
    "Hòa Lâm TV": (
        "hoalamtv",
        "Trang mạng xã hội (Facebook, YouTube, TikTok) của Đài PT-TH Hòa Lâm.",
    ),
    "Tin Tức Hòa Lâm Mỗi Ngày": (
        "tintuchoalammoingay",
        "Fanpage tổng hợp tin địa phương do cá nhân quản lý, không phải cơ quan báo chí.",
    ),
    "Hóng Biến Lâm Xuyên": ("hongbienlamxuyen", "Fanpage chuyên tin 'biến', hay đăng tin đồn."),
    "Tin Nóng 24/7 TV": ("tinnong247tv", "Kênh YouTube tin giật gân, không phải cơ quan báo chí."),
    "Sống Khỏe Mỗi Ngày TV": (
        "songkhoemoingaytv",
        "Kênh YouTube 'mẹo sức khỏe', quảng cáo bài thuốc chưa được kiểm chứng.",
    ),
}

GROUPS = {
    "Cộng đồng Lâm Xuyên 24h": (
        "congdonglamxuyen24h",
        "Nhóm cộng đồng công khai của cư dân khu trung tâm, hơn 120.000 thành viên.",
    ),
    "Hội Phụ huynh Hòa Lâm": (
        "hoiphuhuynhhoalam",
        "Nhóm công khai của phụ huynh học sinh trong tỉnh.",
    ),
    "Hội Những Người Yêu Hòa Lâm": (
        "yeuhoalam",
        "Nhóm công khai chia sẻ tin tức, hình ảnh quê hương.",
    ),
    "Chợ Quê Ngọc Khê": ("choquengockhe", "Nhóm mua bán, rao vặt của bà con xã Ngọc Khê."),
    "Người Suối Mây": ("nguoisuoimay", "Nhóm công khai của người dân xã Suối Mây."),
    "Góc Phố Vĩnh Hưng": ("gocphovinhhung", "Nhóm cộng đồng phường Vĩnh Hưng."),
}

# pages that are not monitored sources: impersonations and shops found in the exports
UNLISTED_PAGES = {
    "KSBank Hỗ Trợ Khách Hàng": "ksbank.hotro.khachhang",
    "Điện Lực Hòa Lâm - Chăm Sóc Khách Hàng": "dienluc.hoalam.cskh",
    "Phụ Tùng Xe Máy Lâm Xuyên": "phutungxemaylamxuyen",
    "Thảo Dược Núi Rừng Suối Mây": "thaoduocnuirungsuoimay",
}

SOCIAL_EXPORTS = [
    {
        "name": "Xuất dữ liệu Facebook: trang và nhóm công khai",
        "kind": "social",
        "url": "https://facebook.example",
        "description": "Tệp JSONL xuất từ công cụ theo dõi trang và nhóm công khai; tài khoản "
        "cá nhân chỉ được lưu dưới dạng bí danh.",
    },
    {
        "name": "Xuất dữ liệu Zalo: tài khoản OA và tin chuyển tiếp người dân gửi",
        "kind": "social",
        "url": "https://zalo.example",
        "description": "Bài đăng của các Zalo OA công khai và tin nhắn người dân tự nguyện "
        "chuyển tiếp cho đường dây tiếp nhận.",
    },
    {
        "name": "Xuất dữ liệu TikTok: mô tả và phụ đề video công khai",
        "kind": "social",
        "url": "https://tiktok.example",
        "description": "Mô tả, hashtag và phụ đề của video công khai về các chủ đề địa phương.",
    },
    {
        "name": "Xuất dữ liệu YouTube: tiêu đề và mô tả video công khai",
        "kind": "social",
        "url": "https://youtube.example",
        "description": "Tiêu đề, mô tả video và kênh công khai có nhắc đến tỉnh Hòa Lâm.",
    },
]

PRIVATE_HANDLES = [
    "nguoidung.hoalam123",
    "thu.trang.lx",
    "anhtuan.ngockhe",
    "me.bap.bi",
    "hoangnam1990",
    "lananh.hl",
    "chu.ba.suoimay",
    "bapcai.xanh",
    "minhduc.vh",
    "tuyet.mai.89",
    "hung.xe.om",
    "co.giao.thao",
    "bo.cu.tit",
    "ngoc.anh.tanlap",
    "quang.huy.2k",
    "huongbeo.shop",
    "tam.an.lx",
    "hai.dang.hl",
    "linh.chi.0307",
    "ba.ngoai.ti",
    "trung.kien.dt",
    "mai.phuong.hn",
    "pho.nui.88",
    "vy.vy.lx",
    "tuan.moc.go",
    "an.nhien.cafe",
    "hoa.sua.thang10",
    "kim.ngan.1995",
    "phuc.loc.tho",
    "duy.manh.xe.tai",
    "lan.que.lx",
    "thanh.tam.68",
    "cuong.thach.lam",
    "bich.ngoc.dt",
    "hieu.pc.lx",
    "mit.to.vh",
    "khanh.ly.88",
    "sau.rieng.tanlap",
    "dung.ba.gac",
    "hanh.hien.lx",
]
TIKTOK_HANDLES = [
    "review.hoalam",
    "tin.nong.mien.nui",
    "bi.an.the.gioi.vn",
    "me.bim.sua.tanlap",
    "xe.om.cong.nghe.hl",
    "goc.bep.nha.na",
    "cuoc.song.quanh.ta",
    "lamxuyen.reviewer",
]

MISINFO_PUBLIC = ["Hóng Biến Lâm Xuyên", "Tin Tức Hòa Lâm Mỗi Ngày"]
OFFICIAL_SHARERS = [
    "UBND phường Lâm Xuyên",
    "UBND phường Vĩnh Hưng",
    "UBND phường Đông Thịnh",
    "UBND xã Ngọc Khê",
    "UBND xã Suối Mây",
    "UBND xã Tân Lập",
    "Đoàn Thanh niên tỉnh Hòa Lâm",
    "Hòa Lâm TV",
    "Báo Hòa Lâm",
    "Cộng đồng Lâm Xuyên 24h",
    "Tin Tức Hòa Lâm Mỗi Ngày",
]
NEWS_SHARERS = ["Báo Hòa Lâm", "Hòa Lâm TV", "Tin Tức Hòa Lâm Mỗi Ngày", "Cộng đồng Lâm Xuyên 24h"]

# ---------------------------------------------------------------------------------------
# Orthography
# ---------------------------------------------------------------------------------------


def strip_diacritics(text: str) -> str:
    """Vietnamese typed without diacritics: 'Hòa Lâm' -> 'Hoa Lam', 'đ' -> 'd'."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare.replace("đ", "d").replace("Đ", "D"))


def _old_tone_table() -> dict[str, str]:
    marks = {"\u0300": "", "\u0301": "", "\u0309": "", "\u0303": "", "\u0323": ""}
    table = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for mark in marks:
            for f, s in ((first, second), (first.upper(), second.upper()), (first.upper(), second)):
                new = unicodedata.normalize("NFC", f + mark) + s
                old = f + unicodedata.normalize("NFC", s + mark)
                table[new] = old
    return table


_OLD_TONE = _old_tone_table()
_OLD_TONE_RE = re.compile("(" + "|".join(map(re.escape, _OLD_TONE)) + r")(?!\w)")


def old_tone_marks(text: str) -> str:
    """The older tone-mark placement: 'hòa' -> 'hoà', 'thúy' -> 'thuý', 'khỏe' -> 'khoẻ'."""
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONE[m.group(1)], text)


def has_diacritics(text: str) -> bool:
    nfd = unicodedata.normalize("NFD", text)
    return any(unicodedata.combining(c) for c in nfd) or "đ" in text.lower()


def slugify(text: str) -> str:
    bare = strip_diacritics(text).lower()
    return re.sub(r"[^a-z0-9]+", "-", bare).strip("-")[:80].strip("-")


# ---------------------------------------------------------------------------------------
# Light edits that reposts make
# ---------------------------------------------------------------------------------------

MIS_PREFIX = [
    "KHẨN!!! ",
    "Nóng: ",
    "Mọi người ơi!!! ",
    "Tin mới nhận được: ",
    "Đọc ngay kẻo muộn 👇\n",
    "Copy từ nhóm bên kia sang: ",
    "Chuyển tiếp: ",
    "Mình vừa nhận được tin này, không biết thật giả thế nào: ",
    "Bà con chú ý!!! ",
    "Ai ở Hòa Lâm thì đọc cái này 👇\n",
    "[Tin nóng] ",
    "Người nhà vừa gửi cho em: ",
    "Nghe bảo là thế này: ",
    "Ai chưa biết thì đọc nhé: ",
]
MIS_SUFFIX = [
    " CHIA SẺ NGAY!!!",
    " Chia sẻ để mọi người cùng biết 🙏",
    " 😱😱😱",
    " Ai biết thêm thông tin thì cmt nhé.",
    " #HoaLam #tinnong",
    " Share mạnh giúp mình!!!",
    " Thật không vậy mọi người?",
    " Lo quá 😢",
    " Nhớ báo cho ông bà, bố mẹ ở quê biết nữa nhé!",
    " Ai có người thân ở Hòa Lâm thì nhắn cho họ ngay.",
]
EMOJI = ["⚠️", "🔴", "‼️", "😱", "🆘", "📢"]
HASHTAGS = ["#hoalam", "#tinnong", "#xuhuong", "#canhbao", "#fyp", "#lamxuyen", "#tintuc"]
SWAPS = [
    ("mọi người", "cả nhà"),
    ("Mọi người", "Cả nhà"),
    ("bà con", "mọi người"),
    ("Bà con", "Mọi người"),
    ("chia sẻ", "share"),
    ("Chia sẻ", "Share"),
    ("rất", "cực kỳ"),
    ("báo gấp", "báo ngay"),
    ("người dân", "bà con"),
    ("không", "ko"),
    ("được", "đc"),
    ("rồi", "rùi"),
    ("nhé", "nha"),
    ("kiểm tra ngay", "kiểm tra luôn"),
    ("đi rút", "ra rút"),
    ("sơ tán ngay", "sơ tán gấp"),
    ("sắp tới", "thời gian tới"),
    ("đông nghẹt", "đông kín"),
    ("hàng chục", "mấy chục"),
    ("hoãn lại ngay", "hoãn lại đã"),
]
OFFICIAL_NOTES = [
    "Thông tin chính thức, bà con lưu ý nhé 👇",
    "Chia sẻ để mọi người không hoang mang.",
    "Đề nghị bà con không chia sẻ tin sai sự thật.",
    "Mọi người đọc kỹ và báo cho người thân nhé.",
    "THÔNG TIN CHÍNH THỨC:",
    "Cả nhà đọc để khỏi bị lừa nhé!",
    "Vậy là rõ rồi nhé mọi người.",
]
NEWS_NOTES = ["Mọi người cùng đọc nhé 👇", "Chia sẻ để bà con nắm thông tin.", "Tin quê mình 👇"]

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")


def sentences(text: str) -> list[str]:
    return SENTENCE_END.split(text)


def swap_word(text: str, rng: random.Random) -> str:
    candidates = [(a, b) for a, b in SWAPS if re.search(rf"(?<!\w){re.escape(a)}(?!\w)", text)]
    if not candidates:
        return text
    a, b = rng.choice(candidates)
    return re.sub(rf"(?<!\w){re.escape(a)}(?!\w)", b, text, count=1)


def misinfo_repost(text: str, rng: random.Random, platform: str) -> str:
    """A viral repost: comment in front, sentence dropped, word swapped, emoji, CAPS."""
    out = text
    parts = sentences(out)
    if "\n" not in out and len(parts) >= 4 and rng.random() < 0.3:
        del parts[rng.randrange(1, len(parts))]
        out = " ".join(parts)
    if rng.random() < 0.5:
        out = swap_word(out, rng)
    if rng.random() < 0.2 and "\n" not in out:
        parts = sentences(out)
        parts[0] = f"{parts[0]} {rng.choice(EMOJI)}"
        out = " ".join(parts)
    if rng.random() < 0.12 and "\n" not in out:
        parts = sentences(out)
        parts[0] = parts[0].upper()
        out = " ".join(parts)
    if rng.random() < 0.35:
        out = rng.choice(MIS_PREFIX) + out
    if rng.random() < 0.45 or out == text:
        out = add_before_hashtags(out, rng.choice(MIS_SUFFIX))
    if platform == "tiktok":
        tags = [t for t in rng.sample(HASHTAGS, rng.randint(2, 4)) if t.lower() not in out.lower()]
        out += "".join(f" {t}" for t in tags)
    return out


TRAILING_HASHTAGS = re.compile(r"(\s#\w+)+$")


def add_before_hashtags(text: str, addition: str) -> str:
    """Append a remark to a post, keeping the post's own hashtags at its end."""
    tags = TRAILING_HASHTAGS.search(text)
    if not tags or addition.lstrip().startswith("#"):
        return text + addition
    return text[: tags.start()] + addition + text[tags.start() :]


def article_share(doc: Doc, rng: random.Random, note: str | None, public: bool) -> str:
    """A page or a person sharing an article: heading, most paragraphs, a comment."""
    paragraphs = doc.text.split("\n\n")
    keep = rng.choice([len(paragraphs), len(paragraphs), max(2, len(paragraphs) - 1)])
    body = "\n\n".join(paragraphs[:keep])
    if doc.title and (public or rng.random() < 0.4):
        body = f"{'📰 ' if rng.random() < 0.5 else ''}{doc.title}\n\n{body}"
    if public and doc.account in OUTLETS and rng.random() < 0.6:
        body += f"\n\n(Nguồn: {doc.account})"
    if note:
        body = f"{note}\n{body}"
    return body


def comment_share(text: str, rng: random.Random, note: str | None) -> str:
    """A share with a comment in front, sometimes without the last sentence or paragraph."""
    out = text
    paragraphs = out.split("\n\n")
    if len(paragraphs) >= 3 and rng.random() < 0.3:
        out = "\n\n".join(paragraphs[:-1])
    elif "\n" not in out and len(sentences(out)) >= 5 and rng.random() < 0.3:
        out = " ".join(sentences(out)[:-1])
    return f"{note}\n{out}" if note else out


# ---------------------------------------------------------------------------------------
# Documents
# ---------------------------------------------------------------------------------------


@dataclass
class Placed:
    doc: Doc
    when: dt.datetime
    story: str
    theme: str
    verdict: str
    related: str | None
    burst: bool


class Builder:
    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not secrets
        self.ids: set[str] = set()
        self.placed: list[Placed] = []

    # -- time ---------------------------------------------------------------------------

    def when(self, start: dt.datetime, hours: float, daytime: bool) -> dt.datetime:
        t = start + dt.timedelta(hours=hours, seconds=self.rng.randint(0, 59))
        if daytime and t.hour < 6:
            t += dt.timedelta(hours=6 + self.rng.random() * 2)
        if not FIRST <= t <= LAST:
            raise ValueError(f"{t} outside the corpus period")
        return t

    # -- accounts -------------------------------------------------------------------------

    def private(self, platform: str) -> str:
        pool = TIKTOK_HANDLES if platform == "tiktok" else PRIVATE_HANDLES
        return self.rng.choice(pool)

    def sharer(self, story: Story) -> tuple[str, str, str, str | None]:
        """(platform, account, kind, group) of someone reposting the story."""
        r = self.rng.random()
        group = None
        if story.register == "misinfo":
            if r < 0.45:
                platform, kind = "facebook", "private"
                if self.rng.random() < 0.5:
                    group = self.rng.choice(list(GROUPS))
            elif r < 0.55:
                return "facebook", self.rng.choice(MISINFO_PUBLIC), "public", None
            elif r < 0.85:
                platform, kind = "zalo", "private"
            else:
                platform, kind = "tiktok", "private"
            return platform, self.private(platform), kind, group
        if story.register == "opinion":
            platform = "facebook" if r < 0.75 else "zalo"
            if platform == "facebook" and self.rng.random() < 0.6:
                group = self.rng.choice(list(GROUPS))
            return platform, self.private(platform), "private", group
        pages = story.pages or (NEWS_SHARERS if story.register == "news" else OFFICIAL_SHARERS)
        if r < 0.5:
            return "facebook", self.rng.choice(pages), "public", None
        if r < 0.62:
            page = self.rng.choice([p for p in pages if p not in GROUPS] or NEWS_SHARERS)
            return "zalo", page, "public", None
        platform = "facebook" if r < 0.9 else "zalo"
        if platform == "facebook" and self.rng.random() < 0.4:
            group = self.rng.choice(list(GROUPS))
        return platform, self.private(platform), "private", group

    # -- derived reposts ----------------------------------------------------------------

    def bases(self, story: Story) -> list[tuple[Doc, int]]:
        if story.register == "misinfo":
            spreadable = [
                d
                for d in story.docs
                if d.variant not in ("coverage", "warning") and d.platform not in ("web", "youtube")
            ]
            return [(d, 4 if d is story.docs[0] else 1) for d in spreadable]
        return [(d, 4 if d is story.docs[0] else 1) for d in story.docs]

    def derive(self, story: Story, nth: int) -> Doc:
        """The nth repost: every hand-written document is reposted once, then at random."""
        docs, weights = zip(*self.bases(story), strict=True)
        base = docs[nth] if nth < len(docs) else self.rng.choices(docs, weights=weights)[0]
        platform, account, kind, group = self.sharer(story)
        if story.register == "misinfo":
            text = misinfo_repost(base.text, self.rng, platform)
        elif story.register == "news" and base.title:
            note = self.note(story, kind)
            text = article_share(base, self.rng, note, kind == "public")
        else:
            text = comment_share(base.text, self.rng, self.note(story, kind))
        variant = "repost"
        if has_diacritics(text):
            strip_p = story.strip_p * (1.3 if platform == "zalo" else 1.0)
            if kind == "private" and self.rng.random() < strip_p:
                text = strip_diacritics(text)
                if self.rng.random() < 0.4:
                    text = text.lower()
                variant = "no_diacritics"
            elif self.rng.random() < 0.18:
                changed = old_tone_marks(text)
                if changed != text:
                    text, variant = changed, "old_tone_marks"
        else:
            variant = "no_diacritics"
        return Doc(
            text=text,
            platform=platform,
            account=account,
            kind=kind,
            verdict=base.verdict,
            variant=variant,
            group=group,
        )

    def note(self, story: Story, kind: str) -> str | None:
        if story.register == "official":
            pool = OFFICIAL_NOTES
        elif story.register == "opinion":
            pool = story.notes
        else:
            pool = story.notes + NEWS_NOTES
        chance = 0.85 if story.register == "opinion" else (0.45 if kind == "public" else 0.7)
        return self.rng.choice(pool) if pool and self.rng.random() < chance else None

    # -- stories ------------------------------------------------------------------------

    def add_story(self, story: Story, related: str | None = None) -> None:
        start = dt.datetime.fromisoformat(story.start).replace(tzinfo=TZ)
        for doc in story.docs:
            t = start + dt.timedelta(hours=doc.at)
            self.place(story, doc, t, related, burst=False)
        nth = 0
        for shape, first, count, span in story.segments:
            for _ in range(count):
                hours = first + self.rng.random() * span
                t = self.when(start, hours, daytime=shape == "spread")
                self.place(story, self.derive(story, nth), t, related, burst=shape == "burst")
                nth += 1

    def place(
        self, story: Story, doc: Doc, t: dt.datetime, related: str | None, burst: bool
    ) -> None:
        if not FIRST <= t <= LAST:
            raise ValueError(f"{story.slug}: {t} outside the corpus period")
        self.placed.append(
            Placed(doc, t, story.slug, story.theme, doc.verdict or story.verdict, related, burst)
        )

    def add_correction(self, c: Correction) -> None:
        heading, body = c.text.split("\n", 1)
        page_doc = (
            Doc(body, platform="web", account=c.page, kind="public", title=heading)
            if c.page == "Cổng thông tin điện tử tỉnh Hòa Lâm"
            else Doc(c.text, account=c.page, kind="public")
        )
        reprint = Doc(
            f"{c.lead}\n\n{body}",
            at=c.at,
            platform="web",
            account=c.outlet,
            kind="public",
            title=c.title,
            variant="reprint",
        )
        story = Story(
            slug=c.slug,
            theme="true_news",
            verdict="true",
            start=c.start,
            register="official",
            docs=[page_doc, reprint],
            segments=[("spread", 0.5, c.extra, c.span)],
        )
        self.add_story(story, related=c.related)

    # -- output -------------------------------------------------------------------------

    def unique_id(self, digits: int) -> str:
        while True:
            value = str(self.rng.randrange(10 ** (digits - 1), 10**digits))
            if value not in self.ids:
                self.ids.add(value)
                return value

    def url(self, p: Placed) -> str:
        d = p.doc
        if d.platform == "web":
            domain = OUTLETS[d.account][0] if d.account in OUTLETS else PAGES[d.account][0]
            section = section_of(p)
            return f"https://{domain}/{section}/{slugify(d.title or '')}-{self.unique_id(6)}.html"
        if d.platform == "facebook":
            post = self.unique_id(16)
            if d.group:
                return f"https://facebook.example/groups/{GROUPS[d.group][0]}/posts/{post}"
            if d.kind == "private":
                return f"https://facebook.example/permalink/{post}"
            return f"https://facebook.example/{handle_of(d.account)}/posts/{post}"
        if d.platform == "zalo":
            if d.kind == "private":
                return f"https://zalo.example/m/{self.unique_id(12)}"
            return f"https://zalo.example/oa/{handle_of(d.account)}/{self.unique_id(12)}"
        if d.platform == "tiktok":
            return f"https://tiktok.example/v/{self.unique_id(19)}"
        letters = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789_-"
        while True:
            vid = "".join(self.rng.choice(letters) for _ in range(11))
            if vid not in self.ids:
                self.ids.add(vid)
                return f"https://youtube.example/watch?v={vid}"

    def engagement(self, p: Placed) -> tuple[int, int, int]:
        d, rng = p.doc, self.rng
        viral = p.theme != "true_news" and p.theme != "opinion" and p.verdict != "true"

        def ln(mu: float, sigma: float) -> int:
            return int(rng.lognormvariate(mu, sigma))

        boost = (1.6 if p.burst else 1.0) * (2.5 if d.variant == "original" else 1.0)
        if d.platform == "web":
            likes, comments, shares = ln(3.0, 1.0), ln(1.5, 1.0), ln(2.5, 1.2)
        elif d.platform == "facebook" and d.kind == "public":
            likes, comments, shares = ln(5.3, 1.0), ln(3.0, 1.0), ln(3.3, 1.1)
        elif d.platform == "facebook":
            likes, comments, shares = ln(2.7, 1.1), ln(1.4, 1.0), ln(1.2, 1.3)
        elif d.platform == "zalo" and d.kind == "public":
            likes, comments, shares = ln(4.0, 0.8), ln(1.5, 0.8), ln(2.0, 1.0)
        elif d.platform == "zalo":
            likes, comments, shares = rng.randint(0, 12), rng.randint(0, 3), 0
        elif d.platform == "tiktok":
            likes, comments, shares = ln(7.0, 1.2), ln(4.0, 1.0), ln(4.8, 1.3)
        else:
            likes, comments, shares = ln(5.5, 1.0), ln(3.6, 1.0), ln(1.8, 1.0)
        if viral:
            shares = int(shares * 3.5)
            likes = int(likes * 1.5)
        likes, comments, shares = int(likes * boost), int(comments * boost), int(shares * boost)
        return likes, min(comments, likes + rng.randint(0, 3)), shares

    def records(self) -> list[dict[str, object]]:
        out = []
        for p in sorted(self.placed, key=lambda p: (p.when, p.story)):
            d = p.doc
            likes, comments, shares = self.engagement(p)
            rec: dict[str, object] = {"platform": d.platform, "url": self.url(p)}
            if d.title:
                rec["title"] = d.title
            rec.update(
                text=d.text,
                posted_at=p.when.isoformat(timespec="seconds"),
                account=d.account,
                account_kind=d.kind,
                likes=likes,
                comments=comments,
                shares=shares,
                story=p.story,
                theme=p.theme,
                verdict=p.verdict,
                variant=d.variant,
            )
            if p.related:
                rec["related_story"] = p.related
            out.append(rec)
        return out


def handle_of(account: str) -> str:
    if account in PAGES:
        return PAGES[account][0]
    if account in GROUPS:
        return GROUPS[account][0]
    if account in OUTLETS:
        return OUTLETS[account][0].split(".")[0]
    return UNLISTED_PAGES[account]


SECTIONS = [
    ("ngoc-khe", "van-hoa"),
    ("cam-suoi-may", "nong-nghiep"),
    ("lua", "nong-nghiep"),
    ("cau-", "giao-thong"),
    ("xe-buyt", "giao-thong"),
    ("thi-", "giao-duc"),
    ("khai-giang", "giao-duc"),
    ("bong-da", "the-thao"),
    ("mua-lon", "thoi-tiet"),
    ("ret-dam", "thoi-tiet"),
]
THEME_SECTIONS = {
    "scam": "phap-luat",
    "fake_notice": "thoi-su",
    "health_hoax": "suc-khoe",
    "disaster_rumour": "thoi-su",
    "price_policy_rumour": "kinh-te",
    "opinion": "ban-doc",
}


def section_of(p: Placed) -> str:
    if p.related:
        return "thoi-su"
    for key, section in SECTIONS:
        if key in p.story:
            return section
    return THEME_SECTIONS.get(p.theme, "xa-hoi")


# ---------------------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------------------


def sources() -> list[dict[str, str]]:
    out = [
        {"name": name, "kind": "outlet", "url": f"https://{domain}/", "description": desc}
        for name, (domain, desc) in OUTLETS.items()
    ]
    for name, (handle, desc) in PAGES.items():
        url = f"https://{handle}/" if "." in handle else f"https://facebook.example/{handle}"
        out.append({"name": name, "kind": "page", "url": url, "description": desc})
    for name, (handle, desc) in GROUPS.items():
        out.append(
            {
                "name": name,
                "kind": "page",
                "url": f"https://facebook.example/groups/{handle}",
                "description": desc,
            }
        )
    return out + SOCIAL_EXPORTS


def lead(text: str) -> str:
    return text.split("\n\n")[0]


def rss(records: list[dict[str, object]], outlet: str, count: int) -> str:
    items = [r for r in records if r["platform"] == "web" and r["account"] == outlet][-count:]
    domain, desc = OUTLETS[outlet]
    rss_el = ET.Element("rss", version="2.0")
    channel = ET.SubElement(rss_el, "channel")
    ET.SubElement(channel, "title").text = outlet
    ET.SubElement(channel, "link").text = f"https://{domain}/"
    ET.SubElement(channel, "description").text = desc
    ET.SubElement(channel, "language").text = "vi"
    last = dt.datetime.fromisoformat(str(items[-1]["posted_at"]))
    ET.SubElement(channel, "lastBuildDate").text = format_datetime(last)
    for r in reversed(items):
        item = ET.SubElement(channel, "item")
        ET.SubElement(item, "title").text = str(r["title"])
        ET.SubElement(item, "link").text = str(r["url"])
        ET.SubElement(item, "description").text = lead(str(r["text"]))
        when = dt.datetime.fromisoformat(str(r["posted_at"]))
        ET.SubElement(item, "pubDate").text = format_datetime(when)
        ET.SubElement(item, "guid", isPermaLink="true").text = str(r["url"])
    ET.indent(rss_el)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(rss_el, "unicode") + "\n"


def atom(records: list[dict[str, object]], outlet: str, count: int) -> str:
    ns = "http://www.w3.org/2005/Atom"
    ET.register_namespace("", ns)
    items = [r for r in records if r["platform"] == "web" and r["account"] == outlet][-count:]
    domain = OUTLETS[outlet][0]

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, f"{{{ns}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    feed = ET.Element(f"{{{ns}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "vi"})
    sub(feed, "title", outlet)
    sub(feed, "subtitle", "Tin thời sự địa phương")
    sub(feed, "id", f"https://{domain}/")
    sub(feed, "link", href=f"https://{domain}/")
    sub(feed, "link", rel="self", href=f"https://{domain}/atom.xml")
    sub(feed, "updated", str(items[-1]["posted_at"]))
    author = sub(feed, "author")
    sub(author, "name", "Ban Biên tập điện tử")
    for r in reversed(items):
        entry = sub(feed, "entry")
        sub(entry, "title", str(r["title"]))
        sub(entry, "link", href=str(r["url"]))
        sub(entry, "id", f"tag:{domain},2026:{str(r['url']).rsplit('-', 1)[-1][:-5]}")
        sub(entry, "published", str(r["posted_at"]))
        sub(entry, "updated", str(r["posted_at"]))
        sub(entry, "summary", lead(str(r["text"])))
        sub(entry, "content", str(r["text"]), type="text")
    ET.indent(feed)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(feed, "unicode") + "\n"


WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]

ARTICLE_PAGE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | Báo Hòa Lâm</title>
<meta name="description" content="{lead}">
<link rel="canonical" href="{url}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="Báo Hòa Lâm">
<meta property="og:title" content="{title}">
<meta property="og:description" content="{lead}">
<meta property="og:url" content="{url}">
<meta property="og:image" content="https://baohoalam.example/anh/2026/03/cau-ngan-giang-2.jpg">
<meta property="og:locale" content="vi_VN">
<meta property="article:published_time" content="{published}">
<meta property="article:section" content="Giao thông">
<meta property="article:tag" content="cầu Ngân Giang 2">
<link rel="stylesheet" href="/static/css/site.css">
<script type="application/ld+json">{jsonld}</script>
</head>
<body>
<!-- Trang minh họa cho bộ dữ liệu demo của kiemchung: mọi nội dung đều hư cấu. -->
<div class="cookie-banner">Trang web sử dụng cookie để cải thiện trải nghiệm.
  <button>Đồng ý</button></div>
<header class="site-header">
  <a class="logo" href="https://baohoalam.example/">Báo Hòa Lâm</a>
  <div class="today">{today}</div>
  <form class="search" action="/tim-kiem"><input name="q" placeholder="Tìm kiếm"></form>
</header>
<nav class="main-menu">
  <ul>
    <li><a href="/thoi-su/">Thời sự</a></li>
    <li><a href="/kinh-te/">Kinh tế</a></li>
    <li><a href="/xa-hoi/">Xã hội</a></li>
    <li><a href="/giao-thong/">Giao thông</a></li>
    <li><a href="/giao-duc/">Giáo dục</a></li>
    <li><a href="/suc-khoe/">Sức khỏe</a></li>
    <li><a href="/van-hoa/">Văn hóa</a></li>
    <li><a href="/the-thao/">Thể thao</a></li>
  </ul>
</nav>
<div class="ad ad-top">QUẢNG CÁO - Khu đô thị Ven Sông Lâm Xuyên: nhận đặt chỗ, chiết khấu
  đến 8%. Gọi ngay 0909 123 456!</div>
<main>
  <div class="breadcrumb"><a href="/">Trang chủ</a> &rsaquo;
    <a href="/giao-thong/">Giao thông</a></div>
  <article>
    <h1>{title}</h1>
    <div class="meta"><span class="author">Hoàng Giang</span> -
      <time datetime="{published}">{shown}</time></div>
{paragraphs}
    <p class="tags">Từ khóa: <a href="/tag/cau-ngan-giang-2">cầu Ngân Giang 2</a>,
      <a href="/tag/giao-thong">giao thông</a></p>
  </article>
  <section class="share">Chia sẻ: <a href="#">Facebook</a> <a href="#">Zalo</a>
    <a href="#">Sao chép liên kết</a></section>
  <div class="ad ad-inline">QUẢNG CÁO - Học tiếng Anh online 1 kèm 1, học thử miễn phí 7 ngày.</div>
  <section class="comments"><h3>Ý kiến bạn đọc</h3>
    <p>Chưa có bình luận. Hãy là người đầu tiên bình luận!</p></section>
</main>
<aside class="sidebar">
  <h2>Tin mới</h2>
  <ul>
{latest}
  </ul>
  <div class="ad ad-side">QUẢNG CÁO - Cam Suối Mây chính gốc, giao tận nhà.</div>
</aside>
<footer class="site-footer">
  <p>Báo Hòa Lâm - Số 12 đường Trần Phú, phường Lâm Xuyên, tỉnh Hòa Lâm.</p>
  <p>Điện thoại: 0912 345 678 - Email: toasoan@baohoalam.example</p>
  <p>© 2026 Báo Hòa Lâm. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p>
</footer>
<script src="/static/js/ads.js"></script>
</body>
</html>
"""


def article_page(records: list[dict[str, object]]) -> str:
    r = next(r for r in records if r["story"] == "thong-xe-cau-ngan-giang-2")
    others = [x for x in records if x["account"] == "Báo Hòa Lâm" and x["platform"] == "web"]
    esc = html.escape
    published = str(r["posted_at"])
    when = dt.datetime.fromisoformat(published)
    jsonld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": r["title"],
            "datePublished": published,
            "author": {"@type": "Person", "name": "Hoàng Giang"},
            "publisher": {"@type": "Organization", "name": "Báo Hòa Lâm"},
            "mainEntityOfPage": r["url"],
        },
        ensure_ascii=False,
    )
    return ARTICLE_PAGE.format(
        title=esc(str(r["title"])),
        lead=esc(lead(str(r["text"]))),
        url=esc(str(r["url"])),
        published=published,
        shown=when.strftime("%d/%m/%Y %H:%M") + " (GMT+7)",
        today=f"{WEEKDAYS[when.weekday()]}, {when.day}/{when.month}/{when.year}",
        jsonld=jsonld,
        paragraphs="\n".join(f"    <p>{esc(p)}</p>" for p in str(r["text"]).split("\n\n")),
        latest="\n".join(
            f'    <li><a href="{esc(str(x["url"]))}">{esc(str(x["title"]))}</a></li>'
            for x in others[:5]
        ),
    )


def build() -> list[dict[str, object]]:
    builder = Builder()
    for story in PRIMARY_STORIES:
        builder.add_story(story)
    for correction in CORRECTIONS:
        builder.add_correction(correction)
    return builder.records()


def main() -> None:
    records = build()
    with (HERE / "corpus.jsonl").open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    (HERE / "sources.json").write_text(
        json.dumps(sources(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    (HERE / "feed.xml").write_text(rss(records, "Báo Hòa Lâm", 8), encoding="utf-8")
    (HERE / "atom.xml").write_text(
        atom(records, "Đài Phát thanh và Truyền hình Hòa Lâm", 5), encoding="utf-8"
    )
    (HERE / "article.html").write_text(article_page(records), encoding="utf-8")
    print(f"{len(records)} documents, {len({r['story'] for r in records})} stories")


if __name__ == "__main__":
    main()
