"""Word lists for claim matching, all written for this project.

Syllables are given in match-key form (lower case, NFC, canonical tone placement);
the accent-free forms are derived where needed. Every list is small and explicit so
a reviewer can read it.
"""

from __future__ import annotations

from kiemchung.text.normalize import ascii_key, match_key


def _words(block: str) -> frozenset[str]:
    return frozenset(match_key(word) for word in block.split())


def _ascii_words(block: str) -> frozenset[str]:
    return frozenset(ascii_key(word) for word in block.split())


# Function syllables: they carry little of a claim's content. Lexical overlap weighs
# them down and they do not count as content for the "too short" guard.
_STOP_BLOCK = """
    là và của có được các những một trong cho với này đã sẽ đang thì mà ở tại đến từ
    khi như để bị về ra vào lên cũng còn nên nếu hay hoặc rằng theo do vì trên dưới
    trước cái chiếc nhiều ít rất lại vẫn mới từng việc sự cuộc nhé à ơi nhỉ nè đấy
    đó kia ấy thôi luôn đây hơn nhất này nọ gì ai sao bao nào thế vậy thật chỉ mỗi
    hết cả toàn bộ phải nữa đều qua lúc lần người ta họ chúng mình bạn anh chị em
    """
STOP_ACCENTED = _words(_STOP_BLOCK)
# Accent-free forms, used only for tokens of text typed without diacritics: there
# "tai" may be tại (at) or tải (download), and the stop reading is assumed.
STOP_PLAIN = _ascii_words(_STOP_BLOCK)


def is_stop(token: str) -> bool:
    """Whether a match-key token is a function syllable."""
    return token in STOP_ACCENTED or (token.isascii() and token in STOP_PLAIN)


# Abbreviations and spelling variants rewritten before comparison, in match-key
# form. Values may be several syllables. Teencode negations map to "không".
ABBREVIATIONS: dict[str, str] = {
    "tphcm": "thành phố hồ chí minh",
    "hcm": "hồ chí minh",
    "tp": "thành phố",
    "hn": "hà nội",
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "csgt": "cảnh sát giao thông",
    "bhxh": "bảo hiểm xã hội",
    "bhyt": "bảo hiểm y tế",
    "thpt": "trung học phổ thông",
    "thcs": "trung học cơ sở",
    "đh": "đại học",
    "vn": "việt nam",
    "vnđ": "đồng",
    "vnd": "đồng",
    "đ": "đồng",
    "ngàn": "nghìn",
    "tỉ": "tỷ",
    "vaccine": "vắc xin",
    "vacxin": "vắc xin",
    "vắcxin": "vắc xin",
    "ko": "không",
    "hok": "không",
    "hông": "không",
    "khum": "không",
    "khg": "không",
    "đc": "được",
    "dc": "được",
    "ng": "người",
    "trc": "trước",
    "mn": "mọi người",
    "app": "ứng dụng",
    "online": "trực tuyến",
    "visa": "thị thực",
    "heo": "lợn",
    "huỷ": "hủy",
}

# Calls to action and social-media noise removed before matching ("chia sẻ ngay").
# Regular expressions over the NFC text, case-insensitive, accented or not.
NOISE_PATTERNS = (
    r"(?:hãy\s+|hay\s+)?(?:chia\s+sẻ|chia\s+se|share|lan\s+tỏa|lan\s+toả|lan\s+toa)"
    r"\s+(?:ngay|gấp|gap|nhanh|rộng\s+rãi|rong\s+rai)(?:\s+(?:cho|để|de)\s+\w+(?:\s+\w+)?)?",
    # an alert label opening the post ("NÓNG:", "Tin khẩn!"), not "nước chanh nóng!"
    r"^\s*(?:tin\s+)?(?:nóng|nong|khẩn|khan|hot)\s*[:!]+",
    r"\btin\s+(?:nóng|khẩn|hot)\b",
    r"\b(?:mọi\s+người|moi\s+nguoi|cả\s+nhà|ca\s+nha|mn|ae|anh\s+em)\s+"
    r"(?:ơi|oi|chú\s+ý|chu\s+y|cẩn\s+thận|can\s+than|lưu\s+ý|luu\s+y)\b",
    r"\b(?:xem\s+ngay|đọc\s+ngay|doc\s+ngay|cảnh\s+giác\s+ngay)\b",
)
