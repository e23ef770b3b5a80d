"""ClaimReview JSON-LD is read in every common shape and written back the same."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from kiemchung.claims.claimreview import (
    VERDICT_LABELS_VI,
    VERDICTS,
    FactCheckData,
    Problem,
    export_claimreview,
    parse_claimreview,
    to_claimreview,
    verdict_for_number,
    verdict_for_rating,
)
from kiemchung.claims.models import Verdict

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
URL = "https://kiemchung.hoalam.example/kiem-chung/dap-suoi-may"


def review(**changes: Any) -> dict[str, Any]:
    """A complete ClaimReview; ``changes`` replace (or, set to None, remove) properties."""
    node: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": URL,
        "claimReviewed": "Đập thủy điện Suối Mây đã nứt, sắp vỡ",
        "datePublished": "2026-08-18T23:30:00+07:00",
        "inLanguage": "vi",
        "author": {
            "@type": "Organization",
            "name": "Tổ Kiểm chứng thông tin tỉnh Hòa Lâm",
            "url": "https://kiemchung.hoalam.example/",
        },
        "reviewRating": {"@type": "Rating", "alternateName": "Sai sự thật", "ratingValue": 1},
        "reviewBody": "Đập vẫn an toàn, mực nước hồ thấp hơn mực nước dâng bình thường.",
        "itemReviewed": {
            "@type": "Claim",
            "appearance": [{"@type": "CreativeWork", "url": "https://zalo.example/m/1"}],
        },
        "citation": [
            {
                "@type": "CreativeWork",
                "url": "https://facebook.example/thuydiensuoimay/posts/1",
                "name": "Đập vẫn an toàn",
            }
        ],
    }
    for key, value in changes.items():
        if value is None:
            node.pop(key, None)
        else:
            node[key] = value
    return node


def parse_one(document: Any) -> tuple[FactCheckData, list[Problem]]:
    items, problems = parse_claimreview(json.dumps(document, ensure_ascii=False))
    assert len(items) == 1, problems
    return items[0], problems


def prefixed(node: Any, prefix: str) -> Any:
    """``node`` with every property and type written with ``prefix`` ("schema:")."""
    if isinstance(node, list):
        return [prefixed(item, prefix) for item in node]
    if not isinstance(node, dict):
        return node
    written = {
        (k if k.startswith("@") else prefix + k): prefixed(v, prefix) for k, v in node.items()
    }
    if "@type" in written:
        written["@type"] = prefix + str(written["@type"])
    return written


def test_the_verdict_codes_are_the_models() -> None:
    assert set(VERDICTS) == set(Verdict.values)
    assert set(VERDICT_LABELS_VI) == set(Verdict.values)


# --- shapes ----------------------------------------------------------------------------

SCHEMA_PREFIXED = {**prefixed(review(), "schema:"), "@context": {"schema": "http://schema.org/"}}

SHAPES: dict[str, Any] = {
    "a single object": review(),
    "an array": [review()],
    "an @graph": {
        "@context": "https://schema.org",
        "@graph": [{"@type": "WebSite", "url": "https://kiemchung.hoalam.example/"}, review()],
    },
    "the review of a NewsArticle": {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Đập Suối Mây vẫn an toàn",
        "review": review(**{"@context": None}),
    },
    "a NewsArticle in an @graph": {
        "@context": "https://schema.org",
        "@graph": [{"@type": "NewsArticle", "review": review(**{"@context": None})}],
    },
    "an @type list": review(**{"@type": ["ClaimReview", "Review"]}),
    "an http @context": review(**{"@context": "http://schema.org"}),
    "an https @context with a slash": review(**{"@context": "https://schema.org/"}),
    "schema: prefixed properties": SCHEMA_PREFIXED,
    "full schema.org IRIs": prefixed(review(**{"@context": None}), "http://schema.org/"),
    "https schema.org IRIs": prefixed(review(**{"@context": None}), "https://schema.org/"),
}


@pytest.mark.parametrize("shape", SHAPES.values(), ids=list(SHAPES))
def test_every_json_ld_shape_gives_the_same_fact_check(shape: Any) -> None:
    item, problems = parse_one(shape)
    assert problems == []
    assert item.url == URL
    assert item.claim_reviewed == "Đập thủy điện Suối Mây đã nứt, sắp vỡ"
    assert item.verdict == "false"
    assert item.original_rating == "Sai sự thật"
    assert item.publisher == "Tổ Kiểm chứng thông tin tỉnh Hòa Lâm"
    assert item.publisher_url == "https://kiemchung.hoalam.example/"
    assert item.published_at == datetime(2026, 8, 18, 23, 30, tzinfo=VIETNAM)
    assert item.language == "vi"
    assert item.summary.startswith("Đập vẫn an toàn")
    assert item.appearances == ["https://zalo.example/m/1"]
    assert item.evidence == [
        {"url": "https://facebook.example/thuydiensuoimay/posts/1", "title": "Đập vẫn an toàn"}
    ]


def test_the_json_ld_of_an_html_page_is_read() -> None:
    page = (
        "<html><head><script type='application/ld+json'>"
        + json.dumps(review(), ensure_ascii=False)
        + "</script></head><body>…</body></html>"
    )
    items, problems = parse_claimreview(page.encode())
    assert problems == []
    assert [item.url for item in items] == [URL]


def test_a_bytes_input_with_a_bom_is_read() -> None:
    data = "\ufeff".encode() + json.dumps(review(), ensure_ascii=False).encode()
    items, problems = parse_claimreview(data)
    assert problems == []
    assert items[0].claim_reviewed.startswith("Đập thủy điện")


def test_a_bare_reference_is_resolved_in_the_graph() -> None:
    organization = {"@type": "Organization", "@id": "#org", "name": "Báo Hòa Lâm"}
    node = review(author={"@id": "#org"})
    item, _ = parse_one({"@context": "https://schema.org", "@graph": [organization, node]})
    assert item.publisher == "Báo Hòa Lâm"


def test_isbasedon_counts_as_evidence_and_first_appearance_as_an_appearance() -> None:
    node = review(
        citation=None,
        isBasedOn="https://congthongtin.hoalam.example/van-ban/1",
        itemReviewed={
            "@type": "Claim",
            "firstAppearance": "https://facebook.example/permalink/1",
            "appearance": ["https://zalo.example/m/2", "https://facebook.example/permalink/1"],
        },
    )
    item, _ = parse_one(node)
    assert item.evidence == [{"url": "https://congthongtin.hoalam.example/van-ban/1", "title": ""}]
    assert item.appearances == ["https://facebook.example/permalink/1", "https://zalo.example/m/2"]


def test_unknown_properties_are_kept_in_extra() -> None:
    node = review(headline="Đập Suối Mây vẫn an toàn", kiemchungDemoStory="dap-suoi-may")
    node["reviewRating"]["ratingExplanation"] = "Ảnh cũ từ năm 2019"
    node["itemReviewed"]["datePublished"] = "2026-08-18"
    item, _ = parse_one(node)
    assert item.extra == {
        "headline": "Đập Suối Mây vẫn an toàn",
        "kiemchungDemoStory": "dap-suoi-may",
        "itemReviewed": {"datePublished": "2026-08-18"},
    }
    assert item.review_rating["ratingExplanation"] == "Ảnh cũ từ năm 2019"


def test_the_rating_explanation_is_the_summary_when_there_is_no_review_body() -> None:
    node = review(reviewBody=None)
    node["reviewRating"]["ratingExplanation"] = "Ảnh cũ từ năm 2019"
    item, _ = parse_one(node)
    assert item.summary == "Ảnh cũ từ năm 2019"
    assert "reviewRating" not in item.extra


def test_several_reviews_are_numbered_in_document_order() -> None:
    nodes = [review(url=f"https://a.example/{i}") for i in range(3)]
    items, problems = parse_claimreview(json.dumps(nodes))
    assert [item.url for item in items] == [f"https://a.example/{i}" for i in range(3)]
    assert problems == []


# --- ratings ---------------------------------------------------------------------------

# Ratings as publishers write them, by the verdict they mean ("|" separates them).
RATING_EXAMPLES = {
    "false": "False | FAKE | Pants on Fire! | Incorrect | sai | Sai sự thật | SAI SU THAT"
    " | Tin giả | tin gia | Bịa đặt | False. The photo is from 2019 | Sai - ảnh cũ",
    "misleading": "Misleading | Missing context | Half True | Partly false | Gây hiểu lầm"
    " | gay hieu lam | Sai một phần | Thiếu bối cảnh | THIẾU BỐI CẢNH",
    "mostly_true": "Mostly True | mostly_true | Gần đúng | Phần lớn đúng | phan lon dung",
    "true": "True | Correct | accurate | Đúng | dung | Chính xác | CHÍNH XÁC",
    "unverifiable": "Unproven | Unverified | Chưa kiểm chứng | Không thể xác minh"
    " | Chưa đủ căn cứ | chua du can cu",
    "out_of_scope": "Satire | Opinion | Châm biếm | Ý kiến | y kien",
}
RATINGS = [
    (name.strip(), verdict)
    for verdict, names in RATING_EXAMPLES.items()
    for name in names.split("|")
]


@pytest.mark.parametrize(("name", "verdict"), RATINGS)
def test_textual_ratings_map_onto_our_scale_whatever_the_case_and_accents(
    name: str, verdict: str
) -> None:
    assert verdict_for_rating(name) == verdict


def test_decomposed_unicode_ratings_are_recognised() -> None:
    assert verdict_for_rating(unicodedata.normalize("NFD", "Sai sự thật")) == "false"


@pytest.mark.parametrize("name", ["", "Zombie claim", "True, but", "Đúng, nhưng"])
def test_unknown_or_qualified_ratings_are_not_guessed(name: str) -> None:
    assert verdict_for_rating(name) is None


@pytest.mark.parametrize(
    ("value", "best", "worst", "verdict"),
    [
        (1, 5, 1, "false"),
        (2, 5, 1, "misleading"),
        (3, 5, 1, "misleading"),
        (4, 5, 1, "mostly_true"),
        (5, 5, 1, "true"),
        ("4", "5", "1", "mostly_true"),
        (1, None, None, None),
        (4, 5, None, None),
        (9, 10, 0, None),
        (4, 6, 1, None),
        ("3,5", 5, 1, None),
        (-1, 5, 1, None),
        (7, 5, 1, None),
        ("n/a", 5, 1, None),
        (None, 5, 1, None),
        (3, 3, 3, None),
    ],
)
def test_a_number_is_read_only_on_the_common_scale_given_in_full(
    value: object, best: object, worst: object, verdict: str | None
) -> None:
    assert verdict_for_number(value, best, worst) == verdict


def test_the_number_decides_when_the_text_is_unknown() -> None:
    rating = {"alternateName": "Quite dubious", "ratingValue": 2, "bestRating": 5, "worstRating": 1}
    item, problems = parse_one(review(reviewRating=rating))
    assert (item.verdict, item.original_rating) == ("misleading", "Quite dubious")
    assert problems == []


def test_a_rating_without_text_is_named_by_its_number() -> None:
    rating = {"ratingValue": "4", "bestRating": "5", "worstRating": "1"}
    item, _ = parse_one(review(reviewRating=rating))
    assert (item.verdict, item.original_rating) == ("mostly_true", "4 (1-5)")


def test_a_number_without_its_scale_is_kept_unrated() -> None:
    item, _ = parse_one(review(reviewRating={"ratingValue": "4", "bestRating": "5"}))
    assert (item.verdict, item.original_rating) == ("unrated", "4 / 5")


def test_an_unknown_rating_is_kept_as_unrated_with_a_warning() -> None:
    rating = {"@type": "Rating", "alternateName": "Zombie claim", "ratingValue": -1}
    item, problems = parse_one(review(reviewRating=rating))
    assert item.verdict == "unrated"
    assert item.original_rating == "Zombie claim"
    assert item.review_rating == rating
    assert [(p.index, p.level) for p in problems] == [(1, "warning")]
    assert "Zombie claim" in problems[0].reason


def test_a_missing_rating_is_kept_as_unrated_with_a_warning() -> None:
    item, problems = parse_one(review(reviewRating=None))
    assert item.verdict == "unrated"
    assert problems[0].level == "warning"


# --- claims, not people ------------------------------------------------------------------

PERSON = {"@type": "Person", "name": "Nguyễn Văn A", "url": "https://facebook.example/nguyenvana"}


def stored_text(item: FactCheckData) -> str:
    return json.dumps([item.publisher, item.extra, item.summary], ensure_ascii=False)


def test_a_person_who_made_the_claim_is_never_stored() -> None:
    node = review(itemReviewed={"@type": "Claim", "author": PERSON, "appearance": []})
    item, _ = parse_one(node)
    assert "Nguyễn Văn A" not in stored_text(item)
    assert "nguyenvana" not in stored_text(item)


@pytest.mark.parametrize(
    "author",
    [
        "Nguyễn Văn A",
        {"name": "Nguyễn Văn A"},
        [PERSON, {"@type": "Person", "name": "Trần Thị B"}],
    ],
    ids=["a bare name", "an untyped object", "a list of people"],
)
def test_a_claim_author_that_is_not_an_organisation_is_left_out(author: Any) -> None:
    item, _ = parse_one(review(itemReviewed={"@type": "Claim", "author": author}))
    assert "itemReviewed" not in item.extra


def test_an_organisation_that_made_the_claim_is_kept() -> None:
    page = {"@type": "Organization", "name": "Tin Nóng 24/7 TV", "url": "https://youtube.example/x"}
    node = review(itemReviewed={"@type": "Claim", "author": [PERSON, page]})
    item, _ = parse_one(node)
    assert item.extra["itemReviewed"] == {"author": page}


def test_a_person_among_the_reviewers_is_not_the_publisher_nor_kept() -> None:
    organization = {"@type": "Organization", "name": "Báo Hòa Lâm"}
    item, _ = parse_one(review(author=[PERSON, organization], editor=PERSON, contributor=[PERSON]))
    assert item.publisher == "Báo Hòa Lâm"
    assert "Nguyễn Văn A" not in stored_text(item)


def test_a_review_written_by_a_person_alone_is_published_under_its_site() -> None:
    item, problems = parse_one(review(author=PERSON))
    assert item.publisher == "kiemchung.hoalam.example"
    assert "Nguyễn Văn A" not in stored_text(item)
    assert any(p.level == "warning" for p in problems)


# --- addresses -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        " java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "ftp://files.example/a",
        "/kiem-chung/relative",
        "https://",
    ],
)
def test_a_record_whose_url_is_not_web_is_refused(url: str) -> None:
    items, problems = parse_claimreview(json.dumps(review(url=url)))
    assert items == []
    assert [(p.index, p.level) for p in problems] == [(1, "error")]
    assert "http" in problems[0].reason


def test_a_relative_url_is_resolved_against_the_origin() -> None:
    items, _ = parse_claimreview(json.dumps(review(url="/kc/1")), "https://baohoalam.example/a/")
    assert items[0].url == "https://baohoalam.example/kc/1"


def test_script_links_are_left_out_of_evidence_appearances_and_extra() -> None:
    node = review(
        citation=["javascript:alert(1)", "https://baohoalam.example/ok"],
        itemReviewed={"@type": "Claim", "appearance": ["javascript:void(0)"]},
        image={"@type": "ImageObject", "url": "javascript:alert(2)"},
        sameAs=["data:text/html,x", "https://hltv.example/"],
    )
    node["author"]["url"] = "javascript:alert(3)"
    item, problems = parse_one(node)
    assert item.evidence == [{"url": "https://baohoalam.example/ok", "title": ""}]
    assert item.appearances == []
    assert item.publisher_url == ""
    assert "javascript" not in json.dumps(item.extra).lower()
    assert item.extra["sameAs"] == ["https://hltv.example/"]
    assert problems and all(p.level == "warning" for p in problems)


# --- bad records -----------------------------------------------------------------------


def test_bad_records_are_reported_with_their_index_and_the_others_are_read() -> None:
    nodes = [
        review(url="https://a.example/1"),
        review(url="https://a.example/2", claimReviewed=None),
        review(url=None),
        review(url="javascript:alert(1)"),
        review(url="https://a.example/5", claimReviewed="   "),
        review(url="https://a.example/6"),
    ]
    items, problems = parse_claimreview(json.dumps(nodes))
    assert [item.url for item in items] == ["https://a.example/1", "https://a.example/6"]
    errors = [(p.index, p.reason) for p in problems if p.is_error]
    assert [index for index, _ in errors] == [2, 3, 4, 5]
    assert "claimReviewed" in errors[0][1]
    assert "url" in errors[1][1]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ("", "empty"),
        ("{not json", "JSON"),
        ('{"@type": "NewsArticle"}', "no ClaimReview"),
        ("<html><body>no script</body></html>", "no JSON-LD"),
    ],
)
def test_an_input_without_reviews_is_one_problem_for_the_whole_input(
    data: str, reason: str
) -> None:
    items, problems = parse_claimreview(data)
    assert items == []
    assert [p.index for p in problems] == [0]
    assert reason in problems[0].reason


def test_a_bad_date_is_a_warning_and_the_record_is_kept() -> None:
    item, problems = parse_one(review(datePublished="hôm qua"))
    assert item.published_at is None
    assert [p.level for p in problems] == ["warning"]


def test_a_date_without_time_is_midnight_in_vietnam() -> None:
    item, _ = parse_one(review(datePublished="2026-03-11"))
    assert item.published_at == datetime(2026, 3, 11, tzinfo=VIETNAM)


# --- writing ---------------------------------------------------------------------------


def our_record(
    verdict: str = "false", rating: str = "Sai sự thật", **changes: Any
) -> FactCheckData:
    values: dict[str, Any] = {
        "url": URL,
        "claim_reviewed": "Đập thủy điện Suối Mây đã nứt, sắp vỡ",
        "verdict": verdict,
        "original_rating": rating,
        "summary": "Đập vẫn an toàn.",
        "publisher": "Tổ Kiểm chứng thông tin tỉnh Hòa Lâm",
        "publisher_url": "https://kiemchung.hoalam.example/",
        "published_at": datetime(2026, 8, 18, 23, 30, tzinfo=VIETNAM),
        "language": "vi",
        "evidence": [
            {"url": "https://facebook.example/thuydiensuoimay/posts/1", "title": "An toàn"}
        ],
        "appearances": ["https://zalo.example/m/1", "https://facebook.example/permalink/2"],
        "extra": {
            "kiemchungDemoStory": "tin-don-vo-dap-thuy-dien-suoi-may",
            "itemReviewed": {
                "datePublished": "2026-08-18",
                "author": {"@type": "Organization", "name": "Tin Nóng 24/7 TV"},
            },
        },
    }
    values.update(changes)
    return FactCheckData(**values)


@pytest.mark.parametrize(
    ("verdict", "rating", "number"),
    [
        ("false", "Sai sự thật", 1),
        ("misleading", "Gây hiểu lầm", 2),
        ("mostly_true", "Phần lớn đúng", 4),
        ("true", "Đúng", 5),
        ("unverifiable", "Chưa thể kiểm chứng", None),
        ("out_of_scope", "Ngoài phạm vi kiểm chứng", None),
    ],
)
def test_our_markup_has_googles_fields_and_a_1_to_5_scale(
    verdict: str, rating: str, number: int | None
) -> None:
    document = to_claimreview(our_record(verdict, ""), "Tổ Kiểm chứng", "https://k.example/")
    assert document["@context"] == "https://schema.org"
    assert document["@type"] == "ClaimReview"
    assert document["url"] == URL
    assert document["claimReviewed"]
    assert document["author"]["@type"] == "Organization"
    assert document["author"]["name"] == "Tổ Kiểm chứng thông tin tỉnh Hòa Lâm"
    assert document["datePublished"] == "2026-08-18T23:30:00+07:00"
    assert document["itemReviewed"]["@type"] == "Claim"
    assert document["itemReviewed"]["appearance"][0]["url"] == "https://zalo.example/m/1"
    rating_json = document["reviewRating"]
    assert rating_json["@type"] == "Rating"
    assert rating_json["alternateName"] == rating
    if number is None:
        assert "ratingValue" not in rating_json
    else:
        assert (rating_json["ratingValue"], rating_json["bestRating"]) == (number, 5)
        assert rating_json["worstRating"] == 1


def test_the_publishers_own_words_are_the_label_when_they_mean_the_verdict() -> None:
    assert (
        to_claimreview(our_record(rating="Bịa đặt"))["reviewRating"]["alternateName"] == "Bịa đặt"
    )
    odd = to_claimreview(our_record(rating="Zombie claim"))
    assert odd["reviewRating"]["alternateName"] == "Sai sự thật"


def test_an_exporter_other_than_the_author_is_named_as_sd_publisher() -> None:
    document = to_claimreview(our_record(), "Báo Hòa Lâm", "https://baohoalam.example/")
    assert document["sdPublisher"] == {
        "@type": "Organization",
        "name": "Báo Hòa Lâm",
        "url": "https://baohoalam.example/",
    }
    assert "sdPublisher" not in to_claimreview(our_record(), "Tổ Kiểm chứng thông tin tỉnh Hòa Lâm")


def test_a_record_without_publisher_is_authored_by_the_exporter() -> None:
    document = to_claimreview(
        our_record(publisher="", publisher_url=""), "Báo Hòa Lâm", "https://b/"
    )
    assert document["author"] == {
        "@type": "Organization",
        "name": "Báo Hòa Lâm",
        "url": "https://b/",
    }


ROUND_TRIPS = {
    "complete": our_record(),
    "misleading": our_record("misleading", "Thiếu bối cảnh"),
    "mostly true": our_record("mostly_true", "Gần đúng"),
    "true": our_record("true", "Chính xác"),
    "unverifiable": our_record("unverifiable", "Chưa đủ căn cứ"),
    "out of scope": our_record("out_of_scope", "Châm biếm"),
    "english": our_record("misleading", "Missing context", language="en"),
    "minimal": FactCheckData(
        url=URL,
        claim_reviewed="Tin đồn",
        verdict="false",
        original_rating="Sai",
        publisher="Báo Hòa Lâm",
    ),
    "extra unknown fields": our_record(extra={"headline": "Tít", "keywords": ["đập", "lũ"]}),
    "evidence without title": our_record(evidence=[{"url": "https://a.example/e", "title": ""}]),
}


@pytest.mark.parametrize("item", ROUND_TRIPS.values(), ids=list(ROUND_TRIPS))
def test_parsing_our_export_gives_our_records_back(item: FactCheckData) -> None:
    items, problems = parse_claimreview(export_claimreview([item, item]))
    assert problems == []
    assert [as_ours(read) for read in items] == [item, item]


def as_ours(item: FactCheckData) -> FactCheckData:
    """``item`` without what a reading keeps as written (our export writes it anew)."""
    return replace(item, review_rating={}, author={}, date_published="")


def test_a_record_without_rating_text_comes_back_with_our_label() -> None:
    items, _ = parse_claimreview(export_claimreview([our_record(rating="")]))
    assert as_ours(items[0]) == our_record(rating="Sai sự thật")


def test_the_export_is_a_readable_json_array() -> None:
    text = export_claimreview([our_record(), our_record(url="https://a.example/2")])
    assert text.startswith("[")
    assert "Đập thủy điện" in text
    assert [node["url"] for node in json.loads(text)] == [URL, "https://a.example/2"]
    assert json.loads(export_claimreview([])) == []
