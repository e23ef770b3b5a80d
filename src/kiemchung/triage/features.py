"""Features of a post for the triage model: sparse text n-grams plus a small dense block.

Blocks (``TriageFeatures``, a scikit-learn transformer over ``Post`` objects):

- ``w:`` syllable n-grams (1-2 by default) over the match key (``kiemchung.text``):
  URLs become one ``dom:<host>`` token, long digit runs (phone numbers, ids) one shape
  token. TF-IDF with sublinear tf, min_df=2.
- ``c:`` character n-grams (char_wb, 2-5) over the accent-free key, so that a post typed
  without diacritics ("khan cap") meets the same features as "khẩn cấp".
- ``d:`` hand-made signals and meta (links by kind of domain, phone numbers, money,
  percentages, capitals, "!!!"/"???", emoji, hashtags, word lists of urgency, calls to
  share, secrecy, miracle claims, hearsay and corrections, the shipped prior's log-odds
  (its hand-weighted cues generalise to unseen wordings), length; engagement counts as
  log1p, log ratios such as shares per like, time of day and weekday from timestamps,
  missing indicators), standardised. ``dense_raw`` gives the same signals unscaled with
  NaN for missing values, for the gradient-boosted part of the model.

Word lists are matched with diacritics on texts that have them, and on the accent-free
key only for texts typed without any diacritic ("khan" is "khẩn", "khăn" or "khan").
No feature looks at who posted: accounts are never inputs (docs/principles.md).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer

from kiemchung.text.normalize import has_diacritics, keys
from kiemchung.text.tokens import syllables
from kiemchung.triage import prior
from kiemchung.triage.data import VIETNAM, MetaKind, MetaValue
from kiemchung.triage.links import (
    _URL_RE,
    DOMAIN_KINDS,
    _host,
    domain_kind,
    hosts,
)

__all__ = [
    "FeatureConfig",
    "Post",
    "TriageFeatures",
    "domain_kind",
    "hosts",
    "prepare",
    "signals",
]

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class FeatureConfig:
    """Settings of the feature blocks (stored with every saved model)."""

    word_ngrams: tuple[int, int] = (1, 2)
    word_min_df: int = 2
    word_max_features: int = 150_000
    char_ngrams: tuple[int, int] = (2, 5)
    char_min_df: int = 2
    char_max_features: int = 200_000
    char_max_chars: int = 2_000
    dense_weight: float = 0.5

    def as_dict(self) -> dict[str, Any]:
        return {
            "word_ngrams": list(self.word_ngrams),
            "word_min_df": self.word_min_df,
            "word_max_features": self.word_max_features,
            "char_ngrams": list(self.char_ngrams),
            "char_min_df": self.char_min_df,
            "char_max_features": self.char_max_features,
            "char_max_chars": self.char_max_chars,
            "dense_weight": self.dense_weight,
        }


# --- posts ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Post:
    """One post ready for the features: raw text, its keys, parsed meta values."""

    text: str
    match: str
    ascii: str
    accented: bool
    meta: Mapping[str, MetaValue] = field(default_factory=dict)


def prepare(
    texts: Sequence[str], meta_rows: Sequence[Mapping[str, MetaValue]] | None
) -> list[Post]:
    """Posts from texts and parsed meta rows (one mapping per text, or None)."""
    if meta_rows is not None and len(meta_rows) != len(texts):
        raise ValueError(f"{len(texts)} texts but {len(meta_rows)} meta rows")
    posts: list[Post] = []
    for i, text in enumerate(texts):
        k = keys(text)
        posts.append(
            Post(
                text=text,
                match=k.match,
                ascii=k.ascii,
                accented=has_diacritics(k.match),
                meta={} if meta_rows is None else meta_rows[i],
            )
        )
    return posts


# --- links (kiemchung.triage.links) ---


def _without_urls(key: str) -> str:
    return _URL_RE.sub(lambda m: " " + _host(m.group()) + " ", key)


# --- word lists --------------------------------------------------------------------

# fmt: off
LEXICONS: dict[str, tuple[str, ...]] = {
    "urgency": (
        "khẩn", "khẩn cấp", "gấp", "cảnh báo", "nóng", "tin nóng", "sốc", "chú ý",
        "cấp báo", "báo động", "hỏa tốc", "ngay lập tức", "cực kỳ nguy hiểm",
    ),
    "share_call": (
        "chia sẻ ngay", "share ngay", "hãy chia sẻ", "chia sẻ cho", "chia sẻ để", "lan tỏa",
        "gửi cho người thân", "đừng để trôi", "kẻo bị xóa", "trước khi bị xóa", "share gấp",
        "nhớ share", "thà tin nhầm", "đọc ngay",
    ),
    "secrecy": (
        "sự thật", "bí mật", "tin mật", "họ không muốn bạn biết", "che giấu", "giấu kín",
        "bưng bít", "tài liệu mật", "tin nội bộ", "báo chí không", "không dám đưa tin",
        "bị gỡ", "sự thật đằng sau",
    ),
    "miracle": (
        "chữa khỏi", "khỏi hẳn", "thần dược", "diệt sạch", "tuyệt đối", "chắc chắn",
        "không cần đi viện", "thần kỳ", "kỳ diệu", "chữa bách bệnh", "khỏi bệnh",
    ),
    "hearsay": (
        "nghe nói", "nghe đồn", "bạn mình", "người nhà", "tin từ", "vừa nhận được",
        "nguồn tin", "có người nói", "ai cũng biết", "người quen",
    ),
    "prize": (
        "tặng", "miễn phí", "trúng thưởng", "nhận quà", "nhận ngay", "quà tặng", "hỗ trợ",
        "nhận thưởng", "nhanh tay",
    ),
    "correction": (
        "sai sự thật", "tin giả", "không có thật", "bác bỏ", "xác minh", "giả mạo",
        "thông tin sai", "không chính xác", "xuyên tạc", "cảnh giác", "bịa đặt", "tin đồn",
    ),
}
# fmt: on
LEXICON_WORDS_SHOWN = 3


def _phrase_regex(phrases: Sequence[str]) -> re.Pattern[str]:
    ordered = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(re.escape(p) for p in ordered)
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])")


def _ascii(text: str) -> str:
    return keys(text).ascii


_LEXICON_RE = {name: _phrase_regex(words) for name, words in LEXICONS.items()}
_LEXICON_ASCII_RE = {
    name: _phrase_regex([_ascii(w) for w in words]) for name, words in LEXICONS.items()
}
# "sự thật" inside "sai sự thật" is a correction, not a secrecy cue.
_SAI_SU_THAT = (re.compile(r"sai sự thật"), re.compile(r"sai su that"))


def lexicon_hits(post: Post, name: str) -> list[str]:
    """The phrases of one word list found in a post (accent-aware, see module doc)."""
    key, pattern = (
        (post.match, _LEXICON_RE[name]) if post.accented else (post.ascii, _LEXICON_ASCII_RE[name])
    )
    hits = [m.group() for m in pattern.finditer(key)]
    if name == "secrecy":
        wrong = len(_SAI_SU_THAT[0 if post.accented else 1].findall(key))
        for _ in range(wrong):
            for candidate in ("sự thật", "su that"):
                if candidate in hits:
                    hits.remove(candidate)
                    break
    return hits


# --- hand-made signals ----------------------------------------------------------------

_PHONE_RE = re.compile(r"(?<![\d.])(?:\+84|84|0)(?:[ .-]?\d){8,10}(?![\d])")
_MONEY_RE = re.compile(
    r"\d[\d.,]*\s?(?:đ|đồng|vnđ|vnd|k|nghìn|ngàn|ngàn đồng|tr|triệu|tỷ|tỉ|usd|\$)(?![\w])"
)
_MONEY_ASCII_RE = re.compile(
    r"\d[\d.,]*\s?(?:d|dong|vnd|k|nghin|ngan|tr|trieu|ty|ti|usd|\$)(?![\w])"
)
_PERCENT_RE = re.compile(r"\d+(?:[.,]\d+)?\s?%")
_EXCLAIM_RUN_RE = re.compile(r"!{2,}")
_QUESTION_RUN_RE = re.compile(r"\?{2,}")
_HASHTAG_RE = re.compile(r"(?<![\w#])#\w+")
_LETTER_WORD_RE = re.compile(r"[^\W\d_]{2,}")


def _is_emoji(code: int) -> bool:
    return (
        0x1F000 <= code <= 0x1FAFF
        or 0x2600 <= code <= 0x27BF
        or 0x2B00 <= code <= 0x2BFF
        or code in (0x203C, 0x2049, 0x3030, 0x303D)
    )


@dataclass(frozen=True)
class Signal:
    """One dense feature: its name and how it reads to a staff member, above and below
    a typical post."""

    name: str
    high: str
    low: str


def _links(post: Post) -> dict[str, float]:
    counts = dict.fromkeys(DOMAIN_KINDS, 0.0)
    found = hosts(post.match)
    for host in found:
        counts[domain_kind(host)] += 1
    out = {f"links_{kind}": math.log1p(n) for kind, n in counts.items()}
    out["links"] = math.log1p(len(found))
    return out


def signals(post: Post) -> dict[str, float]:
    """The hand-made signals of one post (counts as log1p, shares as 0..1)."""
    text = post.text
    letters = [c for c in text if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    words = _LETTER_WORD_RE.findall(text)
    caps_words = sum(1 for w in words if w.isupper())
    tokens = syllables(post.match)
    money_re = _MONEY_RE if post.accented else _MONEY_ASCII_RE
    out = {
        "length": math.log1p(len(text)),
        "tokens": math.log1p(len(tokens)),
        "lines": math.log1p(text.count("\n")),
        "phones": math.log1p(len(_PHONE_RE.findall(text))),
        "money": math.log1p(len(money_re.findall(post.match if post.accented else post.ascii))),
        "percents": math.log1p(len(_PERCENT_RE.findall(text))),
        "caps_share": upper / len(letters) if letters else 0.0,
        "caps_words": caps_words / len(words) if words else 0.0,
        "exclaim_runs": math.log1p(len(_EXCLAIM_RUN_RE.findall(text))),
        "exclaims": math.log1p(text.count("!")),
        "question_runs": math.log1p(len(_QUESTION_RUN_RE.findall(text))),
        "emoji": math.log1p(sum(1 for c in text if _is_emoji(ord(c)))),
        "hashtags": math.log1p(len(_HASHTAG_RE.findall(text))),
        "no_diacritics": float(not post.accented and len(words) >= 5),
        "digits_share": sum(1 for c in text if c.isdigit()) / max(1, len(text)),
    }
    out.update(_links(post))
    for name in LEXICONS:
        out[f"lex_{name}"] = math.log1p(len(lexicon_hits(post, name)))
    out["prior"] = prior.score(prior.Post(text=text)).logit
    return out


SIGNALS: dict[str, Signal] = {
    s.name: s
    for s in (
        Signal("length", "a long text", "a short text"),
        Signal("tokens", "many words", "few words"),
        Signal("lines", "many line breaks", "few line breaks"),
        Signal("phones", "contains a phone number", "no phone number"),
        Signal("money", "mentions money amounts", "no money amount"),
        Signal("percents", "mentions percentages", "no percentage"),
        Signal("caps_share", "written in CAPITALS", "few capital letters"),
        Signal("caps_words", "words written in CAPITALS", "few words in capitals"),
        Signal("exclaim_runs", "'!!!' runs", "no '!!!'"),
        Signal("exclaims", "exclamation marks ('!', '!!!')", "few exclamation marks"),
        Signal("question_runs", "'???' runs", "no '???'"),
        Signal("emoji", "emoji", "few or no emoji"),
        Signal("hashtags", "hashtags", "few or no hashtags"),
        Signal("no_diacritics", "typed without diacritics", "typed with diacritics"),
        Signal("digits_share", "many digits", "few digits"),
        Signal("links", "contains links", "no link"),
        Signal("links_news", "links to a known news site", "no link to a news site"),
        Signal("links_official", "links to an official (.gov/.int) site", "no official link"),
        Signal("links_social", "links to a social network", "no social-network link"),
        Signal("links_shop", "links to a shop", "no shop link"),
        Signal("links_shortener", "a shortened link (bit.ly…)", "no shortened link"),
        Signal(
            "links_unknown",
            "contains a link to an unknown domain",
            "no link to an unknown domain",
        ),
        Signal("lex_urgency", "urgency words", "no urgency words"),
        Signal("lex_share_call", "calls to share", "no call to share"),
        Signal("lex_secrecy", "secrecy words ('sự thật', 'bí mật'…)", "no secrecy words"),
        Signal("lex_miracle", "miracle-cure or absolute words", "no miracle-cure words"),
        Signal("lex_hearsay", "hearsay ('nghe nói', 'bạn mình'…)", "no hearsay"),
        Signal("lex_prize", "gift or prize words", "no gift or prize words"),
        Signal(
            "lex_correction",
            "correction words ('sai sự thật', 'tin giả'…)",
            "no correction words",
        ),
        Signal("prior", "the shipped prior finds it suspicious", "the shipped prior finds it calm"),
    )
}
SIGNAL_NAMES = list(SIGNALS)
# The signals of models trained before ``prior`` was added: a saved model keeps reading
# the signals it was trained on.
FIRST_SIGNAL_NAMES = SIGNAL_NAMES[: SIGNAL_NAMES.index("lex_correction") + 1]


# --- meta ---------------------------------------------------------------------------

_ROLE_WORDS = {
    "likes": ("like", "thich", "react", "reaction", "love"),
    "comments": ("comment", "cmt", "binh_luan", "binhluan", "reply"),
    "shares": ("share", "chia_se", "chiase", "repost", "forward"),
}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def count_role(name: str) -> str:
    """likes, comments, shares, or the column name itself."""
    folded = name.casefold()
    for role, words in _ROLE_WORDS.items():
        if any(word in folded for word in words):
            return role
    return name


@dataclass(frozen=True)
class MetaLayout:
    """Which meta columns feed which dense features (fixed at fit time)."""

    counts: tuple[str, ...]
    timestamps: tuple[str, ...]
    pairs: tuple[tuple[str, str], ...]

    @classmethod
    def from_kinds(cls, kinds: Mapping[str, MetaKind]) -> MetaLayout:
        counts = tuple(name for name, kind in kinds.items() if kind == "count")
        stamps = tuple(name for name, kind in kinds.items() if kind == "timestamp")
        roles = {count_role(name): name for name in counts}
        wanted = (("shares", "likes"), ("comments", "likes"), ("shares", "comments"))
        pairs = tuple((roles[a], roles[b]) for a, b in wanted if a in roles and b in roles)
        if not pairs:
            pairs = tuple(
                (counts[i], counts[j]) for i in range(len(counts)) for j in range(i) if i < 4
            )
        return cls(counts, stamps, pairs)

    def names(self, trend: bool) -> list[str]:
        out: list[str] = []
        for name in self.counts:
            out += [f"log_{name}", f"missing_{name}"]
        if self.counts:
            out.append("log_engagement")
        for a, b in self.pairs:
            out.append(f"ratio_{a}__{b}")
        for name in self.timestamps:
            out += [f"hour_sin_{name}", f"hour_cos_{name}", f"night_{name}"]
            out += [f"weekday{d}_{name}" for d in range(7)]
            out.append(f"missing_{name}")
            if trend:
                out.append(f"trend_{name}")
        return out

    def row(self, meta: Mapping[str, MetaValue], trend: bool, nan: float) -> list[float]:
        """Dense meta features of one post; ``nan`` stands for a missing value."""
        out: list[float] = []
        total = 0.0
        seen = False
        for name in self.counts:
            value = meta.get(name)
            if value is None:
                out += [nan, 1.0]
            else:
                out += [math.log1p(value), 0.0]
                total += value
                seen = True
        if self.counts:
            out.append(math.log1p(total) if seen else nan)
        for a, b in self.pairs:
            va, vb = meta.get(a), meta.get(b)
            out.append(nan if va is None or vb is None else math.log((va + 1) / (vb + 1)))
        for name in self.timestamps:
            stamp = meta.get(name)
            if stamp is None:
                out += [nan, nan, nan, *([nan] * 7), 1.0]
                if trend:
                    out.append(nan)
                continue
            moment = datetime.fromtimestamp(stamp, VIETNAM)
            angle = 2 * math.pi * (moment.hour + moment.minute / 60) / 24
            out += [math.sin(angle), math.cos(angle), float(moment.hour < 5)]
            out += [float(moment.weekday() == d) for d in range(7)]
            out.append(0.0)
            if trend:
                out.append(moment.year + (moment.timetuple().tm_yday - 1) / 366)
        return out


def describe_meta(name: str, above: bool) -> str:
    """How one meta feature reads to a staff member."""
    if name.startswith("ratio_"):
        a, b = (count_role(column) for column in name[len("ratio_") :].split("__"))
        return f"many {a} for few {b}" if above else f"few {a} for its {b}"
    if name.startswith("log_engagement"):
        return "much engagement" if above else "little engagement"
    if name.startswith("log_"):
        column = name[len("log_") :]
        role = count_role(column)
        return f"many {role}" if above else f"few {role}"
    if name.startswith("missing_"):
        what = missing_phrase(name[len("missing_") :])
        return f"{what} unknown" if above else f"{what} known"
    if name.startswith(("hour_sin_", "hour_cos_")):
        return "time of day of the post"
    if name.startswith("night_"):
        return "posted at night (0-5h)" if above else "posted in the day"
    if name.startswith("weekday"):
        return f"posted on a {_WEEKDAYS[int(name[7])]}"
    if name.startswith("trend_"):
        return "when it was posted (period)"
    return name


def missing_phrase(column: str) -> str:
    """ "number of shares", "posting time"… for a meta column name."""
    if column.startswith("ratio_"):
        a, b = (count_role(c) for c in column[len("ratio_") :].split("__"))
        return f"{a} per {b}"
    role = count_role(column)
    if role != column:
        return f"number of {role}"
    return column


def describe_signal(name: str, above: bool) -> str:
    signal = SIGNALS[name]
    return signal.high if above else signal.low


# --- tokenisers (module level, so that fitted vectorizers pickle) ------------------

_LONG_NUMBER_RE = re.compile(r"\d[\d.,:/-]{5,}")


def word_tokens(key: str) -> list[str]:
    """Syllables of a match key; links become dom:<host>, long numbers a shape token."""
    out: list[str] = []
    for token in syllables(key):
        if "://" in token or token.startswith("www.") or ("." in token and token[0].isalpha()):
            out.append("dom:" + _host(token))
        elif _LONG_NUMBER_RE.fullmatch(token):
            out.append("<number>")
        else:
            out.append(token)
    return out


def char_document(post: Post, max_chars: int) -> str:
    """The accent-free text seen by the character n-grams (links reduced to hosts)."""
    key = post.ascii[:max_chars]
    return _without_urls(key) if ("." in key or "/" in key) else key


# --- the transformer ---------------------------------------------------------------------


def _fit_vectorizer(vectorizer: TfidfVectorizer, documents: list[str]) -> Any:
    """Fit and transform; on a set too small or too uniform for min_df/max_df (nothing
    left to count), keep every term instead of failing. A text block with no term at all
    still gets one placeholder column, so that the model trains on the other blocks."""
    try:
        return vectorizer.fit_transform(documents)
    except ValueError:
        vectorizer.set_params(min_df=1, max_df=1.0)
    try:
        return vectorizer.fit_transform(documents)
    except ValueError:
        vectorizer.set_params(vocabulary={"<none>": 0})
        return vectorizer.fit_transform(documents)


class TriageFeatures(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Sparse features of posts: ``[w: | c: | d:]`` blocks (see the module docstring)."""

    def __init__(
        self,
        config: FeatureConfig | None = None,
        kinds: Mapping[str, MetaKind] | None = None,
    ) -> None:
        self.config = config
        self.kinds = kinds

    # sklearn API
    def fit(self, posts: Sequence[Post], y: object = None) -> TriageFeatures:
        self.fit_transform(posts)
        return self

    def fit_transform(self, posts: Sequence[Post], y: object = None) -> sp.csr_matrix:
        config = self.config or FeatureConfig()
        self.signal_names_ = list(SIGNAL_NAMES)
        self.layout_ = MetaLayout.from_kinds(self.kinds or {})
        self.word_ = TfidfVectorizer(
            tokenizer=word_tokens,
            preprocessor=None,
            lowercase=False,
            token_pattern=None,
            ngram_range=config.word_ngrams,
            min_df=config.word_min_df,
            max_df=0.9,
            max_features=config.word_max_features,
            sublinear_tf=True,
            dtype=np.float32,
        )
        self.char_ = TfidfVectorizer(
            analyzer="char_wb",
            lowercase=False,
            ngram_range=config.char_ngrams,
            min_df=config.char_min_df,
            max_df=0.9,
            max_features=config.char_max_features,
            sublinear_tf=True,
            dtype=np.float32,
        )
        words = _fit_vectorizer(self.word_, [p.match for p in posts])
        chars = _fit_vectorizer(
            self.char_, [char_document(p, config.char_max_chars) for p in posts]
        )
        dense = self.dense_raw(posts, trend=False)
        with np.errstate(all="ignore"):
            mean = np.nanmean(dense, axis=0)
        self.mean_ = np.nan_to_num(mean)
        filled = np.where(np.isnan(dense), self.mean_, dense)
        std = filled.std(axis=0)
        self.scale_ = np.where(std > 1e-9, std, 1.0)
        self.dense_weight_ = config.dense_weight
        return self._stack(words, chars, dense)

    def transform(self, posts: Sequence[Post]) -> sp.csr_matrix:
        config = self.config or FeatureConfig()
        words = self.word_.transform([p.match for p in posts])
        chars = self.char_.transform([char_document(p, config.char_max_chars) for p in posts])
        return self._stack(words, chars, self.dense_raw(posts, trend=False))

    def _stack(self, words: Any, chars: Any, dense: FloatArray) -> sp.csr_matrix:
        """Missing meta values take the training mean (their missing flag says the rest)."""
        filled = np.where(np.isnan(dense), self.mean_, dense)
        scaled = (filled - self.mean_) / self.scale_ * self.dense_weight_
        return sp.hstack([words, chars, sp.csr_matrix(scaled)], format="csr", dtype=np.float32)

    # dense block
    def dense_names(self, trend: bool = False) -> list[str]:
        return self.trained_signals() + self.layout_.names(trend)

    def trained_signals(self) -> list[str]:
        """The signals this transformer was fitted with (older models: fewer)."""
        names: list[str] = getattr(self, "signal_names_", FIRST_SIGNAL_NAMES)
        return names

    def dense_raw(
        self, posts: Sequence[Post], trend: bool = False, nan: float = math.nan
    ) -> FloatArray:
        """Signals and meta features, unscaled; missing meta values are ``nan``."""
        rows = []
        names = self.trained_signals()
        for post in posts:
            found = signals(post)
            rows.append([found[name] for name in names] + self.layout_.row(post.meta, trend, nan))
        width = len(self.dense_names(trend))
        return np.asarray(rows, dtype=np.float64).reshape(len(posts), width)

    def get_feature_names_out(self, input_features: object = None) -> npt.NDArray[np.str_]:
        names = [f"w:{t}" for t in self.word_.get_feature_names_out()]
        names += [f"c:{t}" for t in self.char_.get_feature_names_out()]
        names += [f"d:{t}" for t in self.dense_names()]
        return np.asarray(names, dtype=object)

    @property
    def block_sizes(self) -> tuple[int, int, int]:
        return (
            len(self.word_.vocabulary_),
            len(self.char_.vocabulary_),
            len(self.dense_names()),
        )


DescribeFn = Callable[[str, bool], str]
