"""A private handle inside a URL's host or file name: replaced where it names the person
(their page on a personal-page host, a file named after them), never in an outlet's host
or inside a longer word."""

from __future__ import annotations

import pytest

from kiemchung.core.pseudonym import pseudonym
from kiemchung.sources.records import Record, record_from_mapping

HANDLE = "nguyenvana"


def private_url(url: str, account: str = HANDLE) -> str:
    record = record_from_mapping(
        {"text": "Nghe nói cầu sắp sập", "account": account, "account_kind": "private", "url": url},
        1,
    )
    assert isinstance(record, Record)
    return record.url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://nguyenvana.blogspot.com/2024/05/tin-don.html",
            "https://{alias}.blogspot.com/2024/05/tin-don.html",
        ),
        ("https://NguyenVanA.WordPress.com/", "https://{alias}.WordPress.com/"),
        ("http://nguyenvana.tumblr.com:8080/post/1", "http://{alias}.tumblr.com:8080/post/1"),
        ("https://nguyenvana.substack.com/p/ghi-chep", "https://{alias}.substack.com/p/ghi-chep"),
    ],
)
def test_a_handle_naming_a_page_on_a_personal_page_host_is_replaced(
    url: str, expected: str
) -> None:
    assert private_url(url) == expected.format(alias=pseudonym(HANDLE))


@pytest.mark.parametrize(
    "url",
    [
        "https://nguyenvana.example.com/bai-viet/1",  # not a known personal-page host
        "https://nguyenvana.vn/tin-tuc/1",  # a site's own domain: it may be an outlet
        "https://www.nguyenvana.blogspot.com/",  # the handle is not the page's label
        "https://nguyenvanan.blogspot.com/",  # a longer name
        "https://blogspot.com/",
    ],
)
def test_other_hosts_are_left_as_they_are(url: str) -> None:
    assert private_url(url) == url


def test_a_public_outlet_s_host_is_never_touched() -> None:
    url = "https://vnexpress.net/vnexpress-1234.html"
    assert private_url(url, account="vnexpress") == url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://anh.example/photos/nguyenvana_2024.jpg",
            "https://anh.example/photos/{alias}_2024.jpg",
        ),
        (
            "https://anh.example/photos/2024-NguyenVanA.JPG",
            "https://anh.example/photos/2024-{alias}.JPG",
        ),
        (
            "https://anh.example/nguyenvana.png?size=large",
            "https://anh.example/{alias}.png?size=large",
        ),
        (
            "https://anh.example/video/nguyenvana.quay.mp4",
            "https://anh.example/video/{alias}.quay.mp4",
        ),
    ],
)
def test_a_handle_in_a_file_name_is_replaced(url: str, expected: str) -> None:
    assert private_url(url) == expected.format(alias=pseudonym(HANDLE))


@pytest.mark.parametrize(
    "url",
    [
        "https://anh.example/photos/nguyenvanan_2024.jpg",  # a longer name
        "https://anh.example/photos/nguyenvana2024.jpg",  # not a separate word
        "https://anh.example/photos/anhnguyenvana.jpg",
        "https://anh.example/bai/nguyenvana_2024",  # no file extension: not a file name
        "https://anh.example/bai/nguyenvana_2024.x",  # not a file type we know
    ],
)
def test_a_file_name_without_the_handle_as_a_word_is_left_as_it_is(url: str) -> None:
    assert private_url(url) == url


def test_a_percent_encoded_handle_in_a_file_name_does_not_leak() -> None:
    url = private_url("https://anh.example/b%E1%BA%A1n.h%C3%B2a_1.jpg", account="bạn.hòa")
    assert url == f"https://anh.example/{pseudonym('bạn.hòa')}_1.jpg"
