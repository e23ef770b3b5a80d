"""Publishers' ratings are read from per-language tables; a known word wins over a number."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kiemchung.claims.claimreview import (
    FactCheckData,
    Problem,
    parse_claimreview,
    verdict_for_number,
    verdict_for_rating,
)
from kiemchung.claims.ratings import FOLDER, VERDICT_CODES, RatingTable, leading_label

LANGUAGES = ("en", "vi", "es", "pt", "fr", "de", "ar", "zh", "hi", "id")


def review(rating: Any, url: str = "https://checks.example/a/1") -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": "The council banned umbrellas on rainy days.",
        "author": {"@type": "Organization", "name": "Example Checks"},
        "reviewRating": rating,
    }


def parse_one(node: dict[str, Any]) -> tuple[FactCheckData, list[Problem]]:
    items, problems = parse_claimreview(json.dumps(node, ensure_ascii=False))
    assert len(items) == 1, problems
    return items[0], problems


# --- the tables --------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_file_has_labels_for_every_verdict(language: str) -> None:
    table = RatingTable()
    table.add_language(FOLDER / f"{language}.toml")
    assert set(table.exact.values()) == set(VERDICT_CODES)
    assert set(table.origin.values()) == {language}


def test_the_shipped_tables_load_without_a_label_under_two_verdicts() -> None:
    table = RatingTable.load()
    assert len(table.exact) > 500
    assert {language for language in table.origin.values()} >= set(LANGUAGES)


def test_a_label_listed_under_two_verdicts_is_refused(tmp_path: Path) -> None:
    (tmp_path / "xx.toml").write_text(
        'language = "xx"\n[verdicts]\nfalse = ["Nope"]\ntrue = ["NOPE!"]\n', encoding="utf-8"
    )
    with pytest.raises(ValueError, match="NOPE"):
        RatingTable.load(tmp_path)


def test_an_unknown_verdict_in_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "xx.toml").write_text('[verdicts]\nbogus = ["Nope"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="bogus"):
        RatingTable.load(tmp_path)


def test_accents_are_ignored_only_where_no_other_verdict_looks_the_same(tmp_path: Path) -> None:
    (tmp_path / "xx.toml").write_text(
        '[verdicts]\nfalse = ["Sài"]\ntrue = ["Sải"]\nmisleading = ["Lệch"]\n', encoding="utf-8"
    )
    table = RatingTable.load(tmp_path)
    assert table.verdict_for_label("Lech") == "misleading"
    assert table.verdict_for_label("Sài") == "false"
    assert table.verdict_for_label("Sai") is None


# --- the labels the issue found lost, in every language --------------------------------

KNOWN = [
    ("Falso", "false"),
    ("Engañoso", "misleading"),
    ("Faux", "false"),
    ("FALSO: As imagens foram tiradas em outro país", "false"),
    ("Cherry Picks", "misleading"),
    ("False Context", "misleading"),
    ("Three Pinocchios", "misleading"),
    ("Not the whole story", "misleading"),
    ("really_false", "false"),
    ("錯誤", "false"),
    ("错误", "false"),
    ("部分錯誤：照片攝於多年前", "misleading"),
    ("صحيح", "true"),
    ("خطأ", "false"),
    ("مضلل", "misleading"),
    ("مُضَلِّل", "misleading"),
    ("Chưa có căn cứ", "unverifiable"),
    ("Không có bằng chứng", "unverifiable"),
    ("Đúng, nhưng thiếu bối cảnh", "misleading"),
    ("sai su that", "false"),
    ("Falsch", "false"),
    ("Irreführend", "misleading"),
    ("Trompeur", "misleading"),
    ("Verdadeiro", "true"),
    ("गलत", "false"),
    ("ग़लत", "false"),
    ("भ्रामक", "misleading"),
    ("Hoaks", "false"),
    ("Menyesatkan", "misleading"),
    ("Pants on Fire!", "false"),
    ("Missing context", "misleading"),
    ("Satire", "out_of_scope"),
]


@pytest.mark.parametrize(("label", "verdict"), KNOWN)
def test_common_ratings_of_every_language_are_known(label: str, verdict: str) -> None:
    assert verdict_for_rating(label) == verdict


@pytest.mark.parametrize(
    ("label", "verdict"),
    [
        ("FALSE. The photo was taken in 2019 in another country", "false"),
        ("Sai - ảnh cũ từ năm 2019", "false"),
        ("Gây hiểu lầm. Chợ chỉ sửa chữa hai tuần", "misleading"),
        ("Faux : la photo date de 2019", "false"),
        ("خطأ؛ الصورة قديمة", "false"),
        ("गलत। यह वीडियो पुराना है", "false"),
        ("Salah (foto lama)", "false"),
    ],
)
def test_a_label_followed_by_an_explanation_is_read_by_its_label(label: str, verdict: str) -> None:
    assert verdict_for_rating(label) == verdict


def test_a_comma_never_ends_a_label() -> None:
    assert leading_label("True, but the photo is old") == ""
    assert verdict_for_rating("True, but the photo is old") is None


@pytest.mark.parametrize("label", ["  FALSE!! ", "false.", "False", "FALSE", "False_"])
def test_case_spaces_and_punctuation_do_not_count(label: str) -> None:
    assert verdict_for_rating(label) == "false"


# --- numbers -----------------------------------------------------------------------------


def test_a_known_word_wins_over_a_number_on_another_scale() -> None:
    rating = {"alternateName": "Falso", "ratingValue": 4, "bestRating": 6, "worstRating": 1}
    item, problems = parse_one(review(rating))
    assert (item.verdict, item.original_rating) == ("false", "Falso")
    assert problems == []


def test_a_number_alone_is_read_on_the_common_scale_given_in_full() -> None:
    item, _ = parse_one(review({"ratingValue": 1, "bestRating": 5, "worstRating": 1}))
    assert (item.verdict, item.original_rating) == ("false", "1 (1-5)")


@pytest.mark.parametrize(
    "rating",
    [
        {"ratingValue": 4, "bestRating": 6, "worstRating": 1},
        {"ratingValue": 4, "bestRating": 9},
        {"ratingValue": 2},
        {"ratingValue": 1, "bestRating": 5},
    ],
    ids=["x of 6", "4 of 9", "a bare number", "best without worst"],
)
def test_a_number_alone_on_a_scale_we_do_not_know_stays_unrated(rating: dict[str, Any]) -> None:
    item, problems = parse_one(review(rating))
    assert item.verdict == "unrated"
    assert item.review_rating == {"@type": "Rating", **rating}
    assert [p.level for p in problems] == ["warning"]


def test_a_publishers_own_scale_is_read_by_its_site(tmp_path: Path) -> None:
    (tmp_path / "scales.toml").write_text(
        '[[scales]]\nname = "Reverse"\nsites = ["www.reverse.example"]\nworst = 1\nbest = 6\n'
        'values = { 1 = "true", 6 = "false" }\n',
        encoding="utf-8",
    )
    table = RatingTable.load(tmp_path)
    assert table.scale_for("reverse.example", None, None) is not None
    assert table.scale_for("reverse.example", None, None).verdict(6.0) == "false"  # type: ignore[union-attr]
    assert table.scale_for("other.example", 1.0, 6.0) is None


@pytest.mark.parametrize(
    ("value", "best", "worst", "verdict"),
    [(2, 5, 1, "misleading"), (4, "5", "1", "mostly_true"), (5, 5, 1, "true"), (6, 5, 1, None)],
)
def test_the_common_scale_runs_from_false_to_true(
    value: object, best: object, worst: object, verdict: str | None
) -> None:
    assert verdict_for_number(value, best, worst) == verdict


def test_an_unknown_label_is_kept_unrated_with_what_the_publisher_wrote() -> None:
    item, problems = parse_one(review({"@type": "Rating", "alternateName": "Explainer"}))
    assert (item.verdict, item.original_rating) == ("unrated", "Explainer")
    assert "Explainer" in problems[0].reason
