"""The import schema: what a record may hold, and how private handles are protected."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kiemchung.core.pseudonym import pseudonym
from kiemchung.sources.records import Record, Rejection, record_from_mapping

GOOD = {
    "platform": "facebook",
    "url": "https://social.example/posts/1",
    "text": "Thông báo mất điện khu phố 3 từ 8h đến 15h30 ngày 2/9.",
    "posted_at": "2026-03-01T08:30:00+07:00",
    "account": "Điện lực Hòa Lâm",
    "account_kind": "public",
    "likes": 12,
    "comments": "3",
    "shares": 4.0,
}


def test_a_complete_record_is_accepted_with_its_fields() -> None:
    record = record_from_mapping(GOOD, 7)
    assert isinstance(record, Record)
    assert record.line == 7
    assert record.account == "Điện lực Hòa Lâm"
    assert (record.likes, record.comments, record.shares) == (12, 3, 4)
    assert record.posted_at == datetime(2026, 3, 1, 1, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"text": ""}, "'text' field is missing or empty"),
        ({"text": None}, "'text' field is missing or empty"),
        ({"text": ["a list"]}, "'text' must be text"),
        ({"posted_at": "hôm qua"}, "not an ISO 8601"),
        ({"account_kind": "robot"}, "account_kind must be"),
        ({"likes": -1}, "'likes' must be a count"),
        ({"shares": "nhiều"}, "'shares' must be a count"),
        ({"comments": float("nan")}, "'comments' must be a count"),
    ],
)
def test_a_bad_field_rejects_the_record_with_a_reason(
    change: dict[str, object], reason: str
) -> None:
    result = record_from_mapping({**GOOD, **change}, 5)
    assert isinstance(result, Rejection)
    assert result.line == 5
    assert reason in result.reason


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-01T08:30:00Z", datetime(2026, 3, 1, 8, 30, tzinfo=UTC)),
        (1772353800, datetime(2026, 3, 1, 8, 30, tzinfo=UTC)),
        ("1772353800", datetime(2026, 3, 1, 8, 30, tzinfo=UTC)),
        ("1772353800.0", datetime(2026, 3, 1, 8, 30, tzinfo=UTC)),
        ("2026-03-01 15:30:00", datetime(2026, 3, 1, 8, 30, tzinfo=UTC)),  # naive: Asia/Ho_Chi_Minh
        ("", None),
    ],
)
def test_posted_at_accepts_iso_times_and_unix_seconds(
    value: object, expected: datetime | None
) -> None:
    record = record_from_mapping({**GOOD, "posted_at": value}, 1)
    assert isinstance(record, Record)
    assert record.posted_at == expected


def test_a_private_handle_becomes_a_pseudonym_everywhere() -> None:
    data = {
        **GOOD,
        "account": "@Nguoi.Dung.Hoa.Lam",
        "account_kind": "private",
        "url": "https://social.example/nguoi.dung.hoa.lam/posts/99",
        "text": "Theo @nguoi.dung.hoa.lam thì cầu sắp sập!",
    }
    record = record_from_mapping(data, 1)
    assert isinstance(record, Record)
    alias = pseudonym("nguoi.dung.hoa.lam")
    assert record.account == alias
    assert "nguoi.dung.hoa.lam" not in record.url.lower()
    assert alias in record.url
    assert "nguoi.dung.hoa.lam" not in record.text.lower()


def _private_url(account: str, url: str) -> str:
    record = record_from_mapping(
        {**GOOD, "account": account, "account_kind": "private", "url": url}, 1
    )
    assert isinstance(record, Record)
    return record.url


def test_only_the_path_segment_naming_a_private_handle_is_replaced() -> None:
    alias = pseudonym("an")
    url = _private_url("an", "https://an.social.example/an/posts/an-toan-123?lang=an-vi")
    assert url == f"https://an.social.example/{alias}/posts/an-toan-123?lang=an-vi"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://social.example/@Ban.A/posts/7", "https://social.example/@{alias}/posts/7"),
        (
            "https://social.example/profile?id=ban.a&tab=posts",
            "https://social.example/profile?id={alias}&tab=posts",
        ),
        (
            "https://social.example/profile?id=%40ban.a",
            "https://social.example/profile?id=%40{alias}",
        ),
        ("https://social.example/ban.a", "https://social.example/{alias}"),
        ("https://social.example/ban.and/ban.a.x", "https://social.example/ban.and/ban.a.x"),
    ],
)
def test_a_private_handle_is_replaced_in_whole_segments_and_query_values(
    url: str, expected: str
) -> None:
    assert _private_url("ban.a", url) == expected.format(alias=pseudonym("ban.a"))


def test_a_percent_encoded_private_handle_does_not_leak_from_the_url() -> None:
    url = _private_url("bạn.hòa", "https://social.example/b%E1%BA%A1n.h%C3%B2a/posts/1")
    assert url == f"https://social.example/{pseudonym('bạn.hòa')}/posts/1"


def test_only_whole_mentions_of_a_private_handle_are_replaced_in_the_text() -> None:
    text = "@an nói với @anh.tuan và @an-khang, rồi @AN."
    record = record_from_mapping(
        {**GOOD, "account": "an", "account_kind": "private", "text": text}, 1
    )
    assert isinstance(record, Record)
    alias = pseudonym("an")
    assert record.text == f"@{alias} nói với @anh.tuan và @an-khang, rồi @{alias}."


def test_an_account_without_a_kind_is_treated_as_a_private_person() -> None:
    record = record_from_mapping({"text": "Có ai biết không?", "account": "ban.a"}, 1)
    assert isinstance(record, Record)
    assert record.account_kind == "private"
    assert record.account == pseudonym("ban.a")


def test_pseudonyms_are_stable_and_keyed() -> None:
    assert pseudonym("ban.a", key="k1") == pseudonym("@BAN.A", key="k1")
    assert pseudonym("ban.a", key="k1") != pseudonym("ban.a", key="k2")
    assert pseudonym("ban.a", key="k1") != pseudonym("ban.b", key="k1")


def test_display_text_is_kept_but_control_characters_are_dropped() -> None:
    record = record_from_mapping({**GOOD, "text": "Giá xăng\x00 tăng\x07 mạnh"}, 1)
    assert isinstance(record, Record)
    assert record.text == "Giá xăng tăng mạnh"
