"""The share card: a 1200×630 PNG drawn once by the server, title wrapped between words."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.test import Client
from PIL import Image

from kiemchung.claims.models import FactCheck
from kiemchung.guides.models import Guide
from kiemchung.publishing import sharecard
from kiemchung.publishing.sharecard import Card, card_png, cards_folder, font, wrap

pytestmark = pytest.mark.django_db

CARD = Card(
    kicker="Bài kiểm chứng",
    label="Sai sự thật",
    colour="#b3261e",
    title="Từ ngày 1/10 người dân phải tiêm vắc xin mũi 4 mới được đi chợ",
    site="Tổ kiểm chứng thông tin",
    address="kiemchung.hoalam.example",
)


def test_the_card_is_a_1200_by_630_png_with_the_label_colour_on_top() -> None:
    image = Image.open(io.BytesIO(card_png(CARD)))
    assert image.format == "PNG"
    assert image.size == (1200, 630)
    assert image.convert("RGB").getpixel((600, 5)) == (0xB3, 0x26, 0x1E)


def test_the_title_is_wrapped_between_words_never_inside_one() -> None:
    face = font(64, bold=True)
    lines = wrap(CARD.title, face, 600)
    assert len(lines) > 1
    assert " ".join(lines) == CARD.title
    assert all(face.getlength(line) <= 600 for line in lines)


def test_a_word_longer_than_the_line_is_cut_rather_than_overflowing() -> None:
    face = font(40)
    lines = wrap("https://rat-dai.example/" + "a" * 200, face, 400)
    assert all(face.getlength(line) <= 400 for line in lines)


def test_a_very_long_title_ends_with_an_ellipsis() -> None:
    _face, lines = sharecard.fit_title("Tin đồn rất dài " * 60, 1056)
    assert lines[-1].endswith("…")


def test_the_card_is_drawn_once_and_read_from_the_cache_afterwards(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = card_png(CARD)
    assert (cards_folder() / f"{CARD.key()}.png").exists()

    def refuse(card: Card) -> bytes:
        raise AssertionError("the cached card was drawn again")

    monkeypatch.setattr(sharecard, "draw", refuse)
    assert card_png(CARD) == first


def test_a_different_title_is_a_different_card() -> None:
    other = Card(**{**CARD.__dict__, "title": "Khác"})
    assert other.key() != CARD.key()


def test_the_fact_check_card_is_served_with_an_etag_and_cached_by_the_client(
    client: Client, factcheck: FactCheck
) -> None:
    response = client.get(f"/kiem-chung/{factcheck.case.pk}/the-chia-se.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(response.content)).size == (1200, 630)
    again = client.get(
        f"/kiem-chung/{factcheck.case.pk}/the-chia-se.png", HTTP_IF_NONE_MATCH=response["ETag"]
    )
    assert again.status_code == 304


def test_a_guide_has_its_card_and_a_draft_has_none(
    client: Client, published: Guide, tree: object
) -> None:
    assert client.get(f"/cam-nang/{published.slug}/the-chia-se.png").status_code == 200
    assert client.get("/cam-nang/khong-co/the-chia-se.png").status_code == 404


def test_an_unpublished_case_has_no_card(client: Client, factcheck: FactCheck) -> None:
    assert client.get(f"/kiem-chung/{factcheck.case.pk + 1}/the-chia-se.png").status_code == 404


def test_the_cards_live_in_the_data_folder(tmp_path: Path) -> None:
    card_png(CARD)
    assert cards_folder() == tmp_path / "share-cards"
