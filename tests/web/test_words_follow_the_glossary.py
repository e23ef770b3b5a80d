"""The interface speaks as an office does (docs/glossary.md): posts are "tin bài", not
"văn bản" (an official document); a claim is "thông tin cần kiểm chứng", not "nhận
định" (an opinion). Scores are one form (percent); text is cut between words."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.translation import trans_real

from kiemchung.text.shorten import shorten

# The few messages that do mean an official document.
OFFICIAL_DOCUMENTS = {"In the number: 12/BC-BCĐ.", "header", "Official notices"}
AVOIDED = ("văn bản", "nhận định")


def vietnamese_catalogue() -> dict[object, str]:
    with translation.override("vi"):
        catalogue = trans_real.translation("vi")._catalog  # type: ignore[attr-defined]
        return dict(catalogue.items())


def msgid_of(key: object) -> str:
    return key[0] if isinstance(key, tuple) else str(key)


def test_no_vietnamese_message_calls_a_post_an_official_document_or_a_claim_an_opinion() -> None:
    offending = [
        (msgid_of(key), text)
        for key, text in vietnamese_catalogue().items()
        if any(word in text.lower() for word in AVOIDED) and msgid_of(key) not in OFFICIAL_DOCUMENTS
    ]
    assert offending == []


@pytest.mark.parametrize(
    ("msgid", "expected"),
    [("Documents", "Tin bài"), ("Claim to check", "Thông tin cần kiểm chứng")],
)
def test_the_common_words_use_the_glossary(msgid: str, expected: str) -> None:
    with translation.override("vi"):
        assert translation.gettext(msgid) == expected


def render(source: str, **context: object) -> str:
    return Template("{% load kiemchung %}" + source).render(Context(context))


def test_a_score_is_shown_as_a_whole_percent() -> None:
    assert render("{{ s|percent }}", s=0.734) == "73%"
    assert render("{{ s|percent }}", s=1) == "100%"
    assert render("{{ s|percent }}", s=None) == "—"


def test_text_is_cut_after_a_whole_word() -> None:
    text = "Giá xăng tăng gấp đôi từ ngày mai tại các cửa hàng"
    cut = shorten(text, 20)
    assert cut == "Giá xăng tăng gấp…"
    assert len(cut) <= 20
    assert render("{{ t|shorten:20 }}", t=text) == cut


def test_a_short_text_is_left_whole_and_a_long_word_is_cut_inside() -> None:
    assert shorten("Tin ngắn", 20) == "Tin ngắn"
    assert shorten("https://a.example/rat-dai-khong-co-dau-cach", 12) == "https://a.e…"


@pytest.mark.django_db
def test_the_story_page_shows_check_worthiness_as_a_percent(client: object) -> None:
    from django.contrib.auth.models import User
    from django.test import Client

    from kiemchung.testing.cases import make_story

    assert isinstance(client, Client)
    story = make_story()
    client.force_login(User.objects.create_superuser("canbo", "c@kiemchung.invalid", "x"))
    page = client.get(f"/stories/{story.pk}/").content.decode()
    assert "90%" in page
    assert "0.90" not in page and "0,90" not in page
