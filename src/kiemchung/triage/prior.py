"""The shipped prior: how suspicious a post looks before the organisation has any verdicts.

Check-worthy ("is there a verifiable claim?") is not suspicious ("is this likely false or
harmful, and spreading?"). Ordinary news is full of numbers, dates and named public
bodies; chain hoaxes and scams are full of other marks. This module scores those marks
with a small, hand-weighted logistic table that anyone can read and argue with:

- cues of Vietnamese misinformation and scams: calls to share at once, insider and
  hearsay sources ("tin nội bộ", "nghe nói"), secrecy, urgency, shouting (capitals,
  "!!!", alarm emoji), miracle cures, money, prizes and refunds, links to unknown or
  shortened addresses, phone numbers, an unnamed authority ("các chuyên gia"), and a
  private account relaying an official notice with no link to the notice;
- counter-cues of ordinary news and bulletins: attribution ("theo …", "cho biết",
  "thông tin từ"), a byline or an outlet named as the source, a link to a news or
  official site, a public outlet or page as the account, a measured tone;
- spread relative to the account kind (many shares for a private account), and the
  best claim's check-worthiness as one factor among the others.

No cue looks at who posted (only whether the account is a public page or a private
person), at political stance, or at sentiment toward the state, a party or officials
(docs/principles.md). Pure Python, no Django; scores rank, they never label.

Word lists are matched on the match key of texts with diacritics, and on the
accent-free key only for texts typed without any diacritic ("gap" may be "gặp").
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from kiemchung.text.normalize import has_diacritics, keys
from kiemchung.triage.links import domain_kind, hosts

__all__ = ["CUES", "Cue", "Post", "PriorScore", "score", "score_many"]

BIAS = -0.6
MAX_CHARS = 2000


@dataclass(frozen=True, slots=True)
class Post:
    """What the prior reads of a story: its text and what is known of its spread."""

    text: str
    title: str = ""
    url: str = ""
    account_kind: str = "public"  # "public" (outlet or official page) or "private"
    shares: int = 0
    likes: int = 0
    comments: int = 0
    documents: int = 1
    checkworthiness: float | None = None


@dataclass(frozen=True, slots=True)
class Cue:
    code: str
    weight: float
    reason: str  # English msgid, translated where it is shown


@dataclass(frozen=True, slots=True)
class PriorScore:
    value: float  # 0..1
    logit: float
    cues: tuple[str, ...] = field(default_factory=tuple)  # strongest first


# fmt: off
PHRASES: dict[str, tuple[str, ...]] = {
    "share_call": (
        "chia sẻ ngay", "share ngay", "share gấp", "chia sẻ gấp", "hãy chia sẻ", "nhớ share",
        "nhớ chia sẻ", "chia sẻ rộng rãi", "lan truyền cho mọi người", "cho mọi người cùng biết",
        "cho mọi người biết", "cho mọi người được biết", "chia sẻ cho người thân",
        "gửi cho người thân", "chia sẻ cho bạn bè", "đừng để trôi", "kẻo bị xóa",
        "trước khi bị xóa", "thà tin nhầm", "copy gửi", "ai đọc được", "share cho",
        "chia sẻ để", "lan tỏa để", "hãy lan tỏa", "báo cho người thân", "nhắn cho người thân",
        "chuyển tiếp cho", "đọc xong nhớ",
    ),
    "insider": (
        "tin nội bộ", "nghe nói", "nghe đâu", "nghe đồn", "nghe bảo", "người nhà làm",
        "bạn mình làm", "bạn tôi làm", "người quen làm", "chị mình làm", "anh mình làm",
        "em mình làm", "người quen", "nguồn tin riêng", "nguồn tin nội bộ", "tin từ bên trong",
        "vừa nhận được tin", "chưa được công bố", "chưa công bố", "sắp công bố", "rỉ tai",
        "truyền tai", "tin hành lang", "nội bộ báo", "trong nhóm zalo", "nhóm zalo",
        "được biết là", "họ bảo", "có người nói",
    ),
    "secrecy": (
        "bưng bít", "che giấu", "giấu nhẹm", "không dám đưa tin", "báo chí không đưa",
        "báo chí chưa đưa", "họ không muốn", "sự thật đằng sau", "bị gỡ", "sẽ bị xóa",
        "tài liệu mật", "tin mật", "không được công khai", "không công khai",
    ),
    "urgency": (
        "khẩn", "khẩn cấp", "cấp báo", "hỏa tốc", "tin nóng", "báo động", "cực kỳ nguy hiểm",
        "sốc", "cảnh báo khẩn", "gấp gấp", "nguy hiểm chết người", "ngay trong đêm",
        "chú ý chú ý", "tin khẩn", "khẩn thiết",
    ),
    "miracle": (
        "chữa khỏi", "khỏi hẳn", "khỏi hoàn toàn", "thần dược", "bách bệnh", "diệt sạch",
        "tiêu diệt virus", "diệt virus", "không cần đi viện", "không cần uống thuốc", "thần kỳ",
        "kỳ diệu", "bài thuốc", "mẹo dân gian", "đánh bay", "khỏi bệnh", "chữa dứt điểm",
        "dứt điểm", "phòng được", "miễn nhiễm", "ngừa được", "chữa được ung thư",
        "tế bào ung thư", "thải độc", "giải độc", "100% khỏi", "hiệu quả 100%",
    ),
    "money": (
        "trúng thưởng", "nhận quà", "quà tặng", "nhận ngay", "hoàn tiền", "nhận tiền",
        "chuyển khoản", "nạp tiền", "phí nhận", "phí vận chuyển", "đăng ký nhận",
        "link nhận", "nhận thưởng", "tri ân khách hàng", "hỗ trợ tiền", "tiền hỗ trợ",
        "gói hỗ trợ", "cấp tiền", "phát tiền", "nhận trợ cấp", "việc nhẹ lương cao",
        "kiếm tiền", "mã otp", "otp", "lãi mỗi ngày", "thu nhập mỗi ngày", "không cần vốn",
        "tài khoản của bạn", "bị khóa", "xác minh tài khoản", "cập nhật thông tin",
        "miễn phí", "tặng", "nhanh tay",
    ),
    "vague_authority": (
        "các chuyên gia", "chuyên gia cho rằng", "một bác sĩ", "bác sĩ khuyên", "các bác sĩ",
        "giới khoa học", "các nhà khoa học", "nhà khoa học", "một giáo sư", "giới chức",
        "phía trên", "cấp trên", "bên trên", "nhà nước sẽ", "chính phủ sẽ", "sắp có lệnh",
        "lệnh mới", "theo lệnh", "có công văn", "đã có công văn", "văn bản mật",
    ),
    "notice": (
        "thông báo", "cảnh báo", "khuyến cáo", "công văn", "chỉ thị", "quyết định",
        "yêu cầu người dân", "kể từ ngày", "từ ngày mai", "bắt đầu từ", "phong tỏa",
        "cách ly toàn", "cấm ra đường", "giới nghiêm", "đổi tiền", "thu hồi tiền",
    ),
    "named_authority": (
        "bộ y tế", "bộ công an", "bộ giáo dục", "bộ tài chính", "chính phủ", "thủ tướng",
        "sở y tế", "ubnd", "ủy ban nhân dân", "công an", "cdc", "who",
        "tổ chức y tế thế giới", "ngân hàng nhà nước", "bảo hiểm xã hội", "bhxh", "điện lực",
        "evn", "viettel", "vietcombank", "cục thuế",
    ),
    "attribution": (
        "theo", "cho biết", "thông tin từ", "nguồn:", "nguồn tin:", "dẫn nguồn", "trích nguồn",
        "trả lời phóng viên", "phóng viên", "pv", "ttxvn", "phát biểu", "trao đổi với",
        "khẳng định", "xác nhận", "công bố", "báo cáo", "thống kê", "tại buổi",
        "tại cuộc họp", "họp báo", "đại diện", "người phát ngôn", "ghi nhận",
    ),
    "outlet": (
        "vnexpress", "tuổi trẻ", "thanh niên", "dân trí", "vietnamnet", "zing", "vtv", "vov",
        "nhân dân", "báo chính phủ", "cổng thông tin", "lao động", "tiền phong",
        "vietnamplus", "người lao động", "pháp luật", "công an nhân dân", "quân đội nhân dân",
        "sài gòn giải phóng", "sức khỏe và đời sống", "vtc", "báo", "đài truyền hình",
        "thông tấn xã",
    ),
    "correction": (
        "tin giả", "sai sự thật", "bác bỏ", "đính chính", "thông tin sai", "không có thật",
        "cảnh giác", "mạo danh", "giả mạo", "thủ đoạn", "lừa đảo", "đã xác minh",
    ),
}
# fmt: on

CUES: dict[str, Cue] = {
    cue.code: cue
    for cue in (
        Cue("share_call", 1.5, "asks readers to share it at once"),
        Cue("insider", 1.3, "insider or hearsay source ('tin nội bộ', 'nghe nói')"),
        Cue("secrecy", 0.9, "claims the truth is being hidden"),
        Cue("urgency", 0.7, "urgent, alarmed wording"),
        Cue("shouting", 0.9, "written in capitals or with '!!!'"),
        Cue("alarm_emoji", 0.5, "alarm emoji"),
        Cue("miracle", 1.2, "promises a miracle cure or certain protection"),
        Cue("money", 0.7, "money, prizes or refunds"),
        Cue("risky_link", 0.8, "links to an unknown or shortened address"),
        Cue("phone", 0.5, "gives a phone number"),
        Cue("vague_authority", 0.8, "an unnamed authority ('các chuyên gia', 'cấp trên')"),
        Cue("private_notice", 0.9, "a private account relays an official notice without a link"),
        Cue("no_source", 0.6, "no source is named"),
        Cue("private_spread", 0.4, "shared widely for a private account"),
        Cue("copies", 0.5, "copied by many posts"),
        Cue("checkworthy", 0.6, "states a verifiable claim"),
        Cue("attribution", -0.8, "names its source ('theo', 'cho biết')"),
        Cue("outlet", -0.5, "a named news outlet"),
        Cue("trusted_link", -0.9, "links to a news or official site"),
        Cue("public_account", -0.5, "posted by a public outlet or official page"),
        Cue("measured", -0.5, "a long, measured text"),
        Cue("correction", -0.5, "reads as a correction or a warning against fakes"),
    )
}


def _phrase_regex(phrases: Sequence[str]) -> re.Pattern[str]:
    ordered = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(re.escape(p) for p in ordered)
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])")


_ACCENTED = {name: _phrase_regex(words) for name, words in PHRASES.items()}
_PLAIN = {name: _phrase_regex([keys(w).ascii for w in words]) for name, words in PHRASES.items()}
# Plain-letter spellings that are too ambiguous once the diacritics are gone.
_PLAIN_SKIP = frozenset({"theo", "bao", "tang", "sim", "pv"})
_PLAIN = {
    name: _phrase_regex([keys(w).ascii for w in words if keys(w).ascii not in _PLAIN_SKIP])
    for name, words in PHRASES.items()
}

_PHONE_RE = re.compile(r"(?<![\d.,])(?:\+84|84|0)(?:[ .-]?\d){8,10}(?![\d])")
_EXCLAIM_RUN_RE = re.compile(r"!{2,}")
_LETTER_WORD_RE = re.compile(r"[^\W\d_]{2,}")
_ALARM_EMOJI = frozenset("⚠‼❗❌🆘🔥😱😭😡🚨⛔📢👉🙏💥")
_ATTRIBUTED_RE = re.compile(r"(?<![\w])theo\s+(?:[^\W\d_]+\s+){0,3}?[A-ZĐ0-9]", re.UNICODE)
_BYLINE_RE = re.compile(r"(?:^|\n)\s*(?:\(?[A-ZĐ][^\n]{0,40}\)?|[A-ZĐ ]{2,30})\s*$")
_CAPS_MIN_LETTERS = 20
_CAPS_MIN_WORDS = 3


def _hits(post_key: str, accented: bool, name: str) -> int:
    pattern = _ACCENTED[name] if accented else _PLAIN[name]
    return len(pattern.findall(post_key))


def _caps(text: str) -> float:
    words = _LETTER_WORD_RE.findall(text)
    if sum(len(w) for w in words) < _CAPS_MIN_LETTERS:
        return 0.0
    caps_words = sum(1 for w in words if w.isupper())
    if caps_words < _CAPS_MIN_WORDS:  # "TP.HCM", "UBND": acronyms, not shouting
        return 0.0
    return caps_words / len(words)


def features(post: Post) -> dict[str, float]:
    """The cues found in a post, each scaled to about 0..1 (see ``CUES`` for weights)."""
    raw = f"{post.title}\n{post.text}" if post.title else post.text
    raw = raw[:MAX_CHARS]  # a post's marks are in its opening; a long article's too
    k = keys(raw)
    accented = has_diacritics(k.match)
    key = k.match if accented else k.ascii
    found: dict[str, float] = {}

    def hit(name: str, cap: int = 2) -> float:
        return min(_hits(key, accented, name), cap) / cap

    for name in ("share_call", "insider", "secrecy", "urgency", "miracle", "vague_authority"):
        value = hit(name, 1 if name in ("share_call", "secrecy") else 2)
        if value:
            found[name] = value
    money = hit("money", 3)
    if money:
        found["money"] = money
    caps = _caps(raw)
    runs = len(_EXCLAIM_RUN_RE.findall(raw))
    shouting = min(1.0, caps * 2.5) + min(runs, 3) / 3
    if shouting > 0.15:
        found["shouting"] = min(1.0, shouting)
    alarm = sum(raw.count(c) for c in _ALARM_EMOJI)
    if alarm:
        found["alarm_emoji"] = min(alarm, 3) / 3
    link_kinds = [domain_kind(h) for h in hosts(k.match)]
    if post.url:
        link_kinds += [domain_kind(h) for h in hosts(post.url.casefold())]
    if any(kind in ("unknown", "shortener") for kind in link_kinds):
        found["risky_link"] = 1.0
    trusted = any(kind in ("news", "official") for kind in link_kinds)
    if trusted:
        found["trusted_link"] = 1.0
    if _PHONE_RE.search(raw):
        found["phone"] = 1.0
    attributed = hit("attribution", 2) + (0.5 if _ATTRIBUTED_RE.search(raw) else 0.0)
    if attributed:
        found["attribution"] = min(1.0, attributed)
    if hit("outlet", 1) or _BYLINE_RE.search(raw.rstrip()):
        found["outlet"] = 1.0
    notice = hit("notice", 1) and hit("named_authority", 1)
    private = post.account_kind == "private"
    if private and notice and not trusted:
        found["private_notice"] = 1.0
    if not attributed and not trusted and "outlet" not in found:
        found["no_source"] = 1.0
    if private and post.shares >= 20:
        found["private_spread"] = min(1.0, math.log10(post.shares) / 3)
    if post.documents >= 3:
        found["copies"] = min(1.0, math.log10(post.documents) / 2)
    if not private:
        found["public_account"] = 1.0
    sentences = raw.count(".") + raw.count("\n")
    if len(raw) >= 400 and sentences >= 4 and runs == 0 and caps < 0.1:
        found["measured"] = 1.0
    if hit("correction", 1):
        found["correction"] = 1.0
    if post.checkworthiness is not None:
        found["checkworthy"] = post.checkworthiness - 0.5
    return found


def score(post: Post) -> PriorScore:
    """The prior's score of one post (0..1) and its cues, strongest push first."""
    found = features(post)
    effects = {code: CUES[code].weight * value for code, value in found.items()}
    logit = BIAS + sum(effects.values())
    ranked = tuple(sorted((c for c, e in effects.items() if e > 0), key=lambda c: -effects[c]))
    return PriorScore(value=1.0 / (1.0 + math.exp(-logit)), logit=logit, cues=ranked)


def score_many(posts: Sequence[Post]) -> list[PriorScore]:
    return [score(post) for post in posts]


def reason(code: str) -> str:
    """The English phrase of a cue (a msgid: translate it where it is shown)."""
    return CUES[code].reason
