"""Tips by Zalo and Telegram: signed calls only, each message a tip matched at once, the
sender answered in Vietnamese through the platform's API (a fake on loopback), and the
sender known only by a keyed pseudonym that goes when the tip's contact is purged."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from kiemchung.claims.models import FactCheck, Verdict
from kiemchung.publishing.models import Tip, TipContact
from kiemchung.publishing.services import purge_tip_contacts
from kiemchung.testing.fakeserver import FakeServer

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
RUMOUR = "Từ 0h đêm nay giá xăng RON95 tăng gấp đôi lên 45.000 đồng mỗi lít"
TELEGRAM_SECRET = "bi-mat-webhook-telegram"
BOT_TOKEN = "123456:AAbot-token"
TELEGRAM_SENDER = "5550001234"
ZALO_SENDER = "2468013579246801357"


def payload(name: str) -> bytes:
    return (DATA / name).read_bytes().strip()


@pytest.fixture
def platform(db: Any) -> Iterator[FakeServer]:
    """A fake of both platforms' APIs; the channels are configured to call it."""
    with (
        FakeServer() as server,
        override_settings(
            FETCH_ALLOW=["127.0.0.1"],
            TELEGRAM_BOT_TOKEN=BOT_TOKEN,
            TELEGRAM_WEBHOOK_SECRET=TELEGRAM_SECRET,
            TELEGRAM_API_BASE=server.url,
            ZALO_APP_ID="3161234567890123456",
            ZALO_OA_SECRET_KEY="khoa-bi-mat-oa",
            ZALO_OA_ACCESS_TOKEN="zalo-access-token",
            ZALO_API_BASE=server.url + "/zalo",
            PUBLIC_BASE_URL="https://kiemchung.tinh.example",
        ),
    ):
        yield server


@pytest.fixture
def petrol_check(db: Any) -> FactCheck:
    return FactCheck.objects.create(
        url="https://factcheck.example/xang",
        claim_reviewed=RUMOUR,
        verdict=Verdict.FALSE,
        publisher="Báo Kiểm Chứng",
    )


def telegram(body: bytes, secret: str | None = TELEGRAM_SECRET) -> Any:
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
    return Client().post(
        "/api/channels/telegram/", body, content_type="application/json", headers=headers
    )


def zalo_signature(body: bytes) -> str:
    timestamp = json.loads(body)["timestamp"]
    material = b"3161234567890123456" + body + timestamp.encode() + b"khoa-bi-mat-oa"
    return "mac=" + hashlib.sha256(material).hexdigest()


def zalo(body: bytes, signature: str | None = None) -> Any:
    headers = {"X-ZEvent-Signature": signature if signature is not None else zalo_signature(body)}
    return Client().post(
        "/api/channels/zalo/", body, content_type="application/json", headers=headers
    )


def test_a_telegram_message_becomes_a_tip_and_the_sender_gets_the_fact_check(
    platform: FakeServer, petrol_check: FactCheck
) -> None:
    response = telegram(payload("telegram_text.json"))
    assert response.status_code == 200
    tip = Tip.objects.get()
    assert tip.factcheck == petrol_check
    reply = platform.received[0]
    assert reply.path == f"/bot{BOT_TOKEN}/sendMessage"
    sent = reply.json()
    assert sent["chat_id"] == TELEGRAM_SENDER
    assert RUMOUR in sent["text"]
    assert "Sai sự thật" in sent["text"]
    assert "https://factcheck.example/xang" in sent["text"]


def test_an_unknown_claim_is_acknowledged_in_vietnamese(platform: FakeServer) -> None:
    telegram(payload("telegram_text.json"))
    assert platform.received[0].json()["text"] == "Đã tiếp nhận, chúng tôi sẽ xem xét."
    assert Tip.objects.count() == 1


def test_a_photo_with_a_caption_becomes_a_tip_with_its_link(platform: FakeServer) -> None:
    assert telegram(payload("telegram_photo.json")).status_code == 200
    tip = Tip.objects.get()
    assert tip.url == "https://tin-nhanh.example/dap-vo"
    assert "Sông Lam" in tip.text


@pytest.mark.parametrize("secret", [None, "", "doan-sai"])
def test_telegram_calls_without_the_secret_are_refused(
    platform: FakeServer, secret: str | None
) -> None:
    assert telegram(payload("telegram_text.json"), secret).status_code == 403
    assert not Tip.objects.exists()
    assert platform.received == []


def test_a_zalo_message_becomes_a_tip_and_is_answered_through_the_oa_api(
    platform: FakeServer, petrol_check: FactCheck
) -> None:
    assert zalo(payload("zalo_text.json")).status_code == 200
    assert Tip.objects.get().factcheck == petrol_check
    reply = platform.received[0]
    assert reply.path == "/zalo/v3.0/oa/message/cs"
    assert reply.headers["access_token"] == "zalo-access-token"
    assert reply.json()["recipient"] == {"user_id": ZALO_SENDER}
    assert "Sai sự thật" in reply.json()["message"]["text"]


def test_a_zalo_link_keeps_its_address(platform: FakeServer) -> None:
    zalo(payload("zalo_link.json"))
    tip = Tip.objects.get()
    assert tip.url == "https://tin-nhanh.example/bao-so-10"
    assert tip.text == "Tin này có thật không"


@pytest.mark.parametrize("signature", ["", "mac=00ff", "khong-phai-chu-ky"])
def test_zalo_calls_without_a_valid_signature_are_refused(
    platform: FakeServer, signature: str
) -> None:
    assert zalo(payload("zalo_text.json"), signature).status_code == 403
    assert not Tip.objects.exists()


def test_a_zalo_body_changed_after_signing_is_refused(platform: FakeServer) -> None:
    body = payload("zalo_text.json")
    tampered = body.replace("xăng".encode(), "dầu".encode())
    assert zalo(tampered, zalo_signature(body)).status_code == 403


def test_other_zalo_events_are_accepted_and_ignored(platform: FakeServer) -> None:
    assert zalo(payload("zalo_follow.json")).status_code == 200
    assert not Tip.objects.exists() and platform.received == []


def test_the_sender_is_kept_only_as_a_pseudonym_purged_with_the_contact(
    platform: FakeServer,
) -> None:
    telegram(payload("telegram_text.json"))
    zalo(payload("zalo_text.json"))
    contacts = list(TipContact.objects.values_list("contact", flat=True))
    assert len(contacts) == 2
    assert all(c.split(":")[1].startswith("acct_") for c in contacts)
    stored = json.dumps(list(Tip.objects.values()), default=str) + json.dumps(contacts)
    assert TELEGRAM_SENDER not in stored and ZALO_SENDER not in stored
    TipContact.objects.update(purge_after=timezone.now() - timedelta(minutes=1))
    assert purge_tip_contacts() == 2
    assert not TipContact.objects.exists()


@override_settings(TIP_RATE_PER_HOUR=2)
def test_a_sender_over_the_hourly_limit_is_told_and_no_tip_is_kept(platform: FakeServer) -> None:
    for _ in range(3):
        telegram(payload("telegram_text.json"))
    assert Tip.objects.count() == 2
    assert "thử lại sau" in platform.received[-1].json()["text"]


def test_a_channel_that_is_not_configured_does_not_exist(db: Any) -> None:
    with override_settings(TELEGRAM_BOT_TOKEN=""):
        assert telegram(payload("telegram_text.json")).status_code == 404
    assert (
        Client().post("/api/channels/viber/", b"{}", content_type="application/json").status_code
        == 404
    )


def test_a_failed_reply_keeps_the_tip(db: Any) -> None:
    with override_settings(
        TELEGRAM_BOT_TOKEN=BOT_TOKEN,
        TELEGRAM_WEBHOOK_SECRET=TELEGRAM_SECRET,
        TELEGRAM_API_BASE="http://127.0.0.1:9",  # loopback, not allowed: refused
    ):
        assert telegram(payload("telegram_text.json")).status_code == 200
    assert Tip.objects.count() == 1
