"""Hand-made signals, meta features and the sparse feature blocks."""

from __future__ import annotations

import math
from datetime import datetime

import numpy as np
import pytest

from kiemchung.triage.data import VIETNAM
from kiemchung.triage.features import (
    SIGNAL_NAMES,
    MetaLayout,
    TriageFeatures,
    domain_kind,
    hosts,
    lexicon_hits,
    prepare,
    signals,
    word_tokens,
)


def one(text: str) -> dict[str, float]:
    return signals(prepare([text], None)[0])


def test_links_by_kind_of_domain() -> None:
    text = (
        "Xem https://tinhot247.net/abc và bit.ly/x1 hoặc https://vnexpress.net/a.html, "
        "moh.gov.vn, www.facebook.com/page"
    )
    assert hosts(text.lower()) == [
        "tinhot247.net",
        "bit.ly",
        "vnexpress.net",
        "moh.gov.vn",
        "facebook.com",
    ]
    found = one(text)
    for kind in ("unknown", "shortener", "news", "official", "social"):
        assert found[f"links_{kind}"] == pytest.approx(math.log(2)), kind
    assert found["links_shop"] == 0
    assert domain_kind("m.facebook.com") == "social"
    assert domain_kind("suckhoe.hanoi.gov.vn") == "official"


def test_numbers_phones_money_percentages() -> None:
    found = one("Gọi 0912.345.678 hoặc +84 912345678, giá 5.000đ, giảm 50%, 2 triệu, 300k")
    assert found["phones"] == pytest.approx(math.log1p(2))
    assert found["money"] == pytest.approx(math.log1p(3))
    assert found["percents"] == pytest.approx(math.log1p(1))
    assert one("Năm 2020 có 30 ngày")["phones"] == 0


def test_shouting_emoji_hashtags() -> None:
    found = one("KHẨN CẤP!!! Có thật không??? 😱😱 #tinnong #covid19")
    assert found["caps_words"] == pytest.approx(2 / 7)  # hashtag words count too
    assert found["exclaim_runs"] == pytest.approx(math.log(2))
    assert found["question_runs"] == pytest.approx(math.log(2))
    assert found["emoji"] == pytest.approx(math.log(3))
    assert found["hashtags"] == pytest.approx(math.log(3))
    assert found["no_diacritics"] == 0
    assert one("khan cap moi nguoi chia se ngay nhe")["no_diacritics"] == 1


def test_word_lists_with_and_without_diacritics() -> None:
    with_marks, without, towel = prepare(
        [
            "Khẩn cấp! Hãy chia sẻ ngay, sự thật họ không muốn bạn biết",
            "KHAN CAP! Hay chia se ngay, su that ho khong muon ban biet",
            "Mua khăn mặt giá rẻ, chia sẻ kinh nghiệm",
        ],
        None,
    )
    assert lexicon_hits(with_marks, "urgency") == ["khẩn cấp"]
    assert lexicon_hits(without, "urgency") == ["khan cap"]
    assert lexicon_hits(with_marks, "share_call") == ["hãy chia sẻ"]
    assert lexicon_hits(without, "secrecy") == ["su that", "ho khong muon ban biet"]
    # "khăn" (towel) is not "khẩn": texts with diacritics are matched with diacritics
    assert lexicon_hits(towel, "urgency") == []
    # "sai sự thật" is a correction, not a secrecy cue
    (denial,) = prepare(["Thông tin này là sai sự thật"], None)
    assert lexicon_hits(denial, "secrecy") == []
    assert lexicon_hits(denial, "correction") == ["sai sự thật"]


def test_word_tokens_reduce_links_and_long_numbers() -> None:
    assert word_tokens("xem https://bit.ly/abc gọi 0912.345.678 năm 2020") == [
        "xem",
        "dom:bit.ly",
        "gọi",
        "<number>",
        "năm",
        "2020",
    ]


def test_meta_layout_ratios_missing_and_time() -> None:
    layout = MetaLayout.from_kinds(
        {"num_like_post": "count", "num_comment_post": "count", "num_share_post": "count",
         "timestamp_post": "timestamp"}
    )  # fmt: skip
    assert layout.pairs == (
        ("num_share_post", "num_like_post"),
        ("num_comment_post", "num_like_post"),
        ("num_share_post", "num_comment_post"),
    )
    names = layout.names(trend=True)
    stamp = datetime(2020, 3, 15, 2, 0, tzinfo=VIETNAM).timestamp()  # a Sunday, 2 a.m.
    row = dict(
        zip(
            names,
            layout.row(
                {"num_like_post": 9.0, "num_comment_post": None, "num_share_post": 99.0,
                 "timestamp_post": stamp},
                trend=True,
                nan=math.nan,
            ),
            strict=True,
        )
    )  # fmt: skip
    assert row["log_num_like_post"] == pytest.approx(math.log(10))
    assert math.isnan(row["log_num_comment_post"])
    assert row["missing_num_comment_post"] == 1.0
    assert row["ratio_num_share_post__num_like_post"] == pytest.approx(math.log(10))
    assert math.isnan(row["ratio_num_comment_post__num_like_post"])
    assert row["night_timestamp_post"] == 1.0
    assert row["weekday6_timestamp_post"] == 1.0
    assert row["trend_timestamp_post"] == pytest.approx(2020 + 74 / 366)
    empty = layout.row({}, trend=False, nan=0.0)
    assert empty[names.index("missing_timestamp_post")] == 1.0


def test_sparse_blocks() -> None:
    texts = [
        "Khẩn cấp chia sẻ ngay https://tinhot247.net/a",
        "khan cap chia se ngay",
        "Hôm nay trời đẹp quá",
        "hom nay troi dep qua",
    ] * 3
    posts = prepare(texts, [{"likes": float(i)} for i in range(len(texts))])
    features = TriageFeatures(kinds={"likes": "count"})
    x = features.fit_transform(posts)
    names = list(features.get_feature_names_out())
    words, chars, dense = features.block_sizes
    assert x.shape == (len(texts), words + chars + dense)
    assert dense == len(SIGNAL_NAMES) + 3  # log, missing, engagement
    assert "w:khẩn cấp" in names
    assert "w:dom:tinhot247.net" in names
    assert "c:khan" in names  # accent-free characters shared by both spellings
    x_again = features.transform(posts)
    assert np.allclose(x.toarray(), x_again.toarray())
    raw = features.dense_raw(prepare(["x"], None))
    assert np.isnan(raw[0, features.dense_names().index("log_likes")])
