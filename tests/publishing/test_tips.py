"""Citizens' tips: sent without an account, defended against robots and floods, matched
with what was already checked, their contact kept apart and deleted on time, and their
address never stored."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.apps import apps
from django.test import Client, override_settings
from django.utils import timezone

from kiemchung.claims.models import FactCheck, Verdict
from kiemchung.core.periodic import PERIODIC
from kiemchung.publishing.intake import receive_tip
from kiemchung.publishing.models import Tip, TipContact, TipStatus
from kiemchung.publishing.services import (
    TIP_SOURCE_NAME,
    attach_tip,
    match_tip,
    process_tip,
    purge_tip_contacts,
)
from kiemchung.sources.models import Document
from kiemchung.sources.records import Record
from kiemchung.sources.services import add_manual_document
from kiemchung.testing.factories import STORIES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lexical_matching")]

ADDRESS = "203.0.113.77"
RUMOUR = "Từ 0h đêm nay giá xăng RON95 tăng gấp đôi lên 45.000 đồng mỗi lít"


@pytest.fixture
def english(client: Client) -> Client:
    client.cookies["django_language"] = "en"
    return client


@pytest.fixture
def petrol_check() -> FactCheck:
    return FactCheck.objects.create(
        url="https://factcheck.example/xang",
        claim_reviewed=RUMOUR,
        verdict=Verdict.FALSE,
        publisher="Báo Kiểm Chứng",
    )


def send(client: Client, address: str = ADDRESS, **fields: str) -> object:
    data = {"text": "", "url": "", "contact": "", "website": "", **fields}
    return client.post("/gui-tin/", data, REMOTE_ADDR=address)


def test_the_tip_form_opens_without_login(english: Client) -> None:
    page = english.get("/gui-tin/").content.decode()
    assert "Send a tip" in page
    assert 'name="website"' in page
    assert 'aria-hidden="true"' in page
    assert 'tabindex="-1"' in page


def test_a_good_tip_is_stored_and_thanked(english: Client) -> None:
    response = send(english, text="Tin nhắn lạ báo trúng thưởng xe máy", url="https://x.example/a")
    assert response.status_code == 302
    tip = Tip.objects.get()
    assert tip.text == "Tin nhắn lạ báo trúng thưởng xe máy"
    assert tip.url == "https://x.example/a"
    assert tip.status == TipStatus.NEW
    page = english.get(response["Location"]).content.decode()
    assert "Thank you, we have received your tip." in page
    assert "What happens next" in page


def test_a_tip_needs_a_text_or_a_link(english: Client) -> None:
    response = send(english, contact="0912 345 678")
    assert response.status_code == 400
    assert "Please paste the text you saw, or a link to it." in response.content.decode()
    assert not Tip.objects.exists()
    assert not TipContact.objects.exists()


@pytest.mark.parametrize(
    "fields",
    [
        {"text": "x" * 5001},
        {"text": "ok", "url": "https://x.example/" + "a" * 2000},
        {"text": "ok", "contact": "c" * 201},
        {"url": "javascript:alert(1)"},
        {"url": "ftp://x.example/file"},
        {"text": "ok", "url": "https://a.example:99999/x"},
        {"text": "ok", "url": "http://[::1"},
    ],
)
def test_a_tip_over_the_limits_or_with_a_strange_link_is_refused(
    client: Client, fields: dict[str, str]
) -> None:
    assert send(client, **fields).status_code == 400
    assert not Tip.objects.exists()


def test_a_tip_at_the_limits_is_accepted(client: Client) -> None:
    response = send(client, text="x" * 5000, contact="c" * 200)
    assert response.status_code == 302
    assert len(Tip.objects.get().text) == 5000


def test_a_robot_filling_the_honeypot_is_thanked_but_nothing_is_stored(english: Client) -> None:
    response = send(english, text="Mua thuốc giá rẻ", website="https://spam.example")
    assert response.status_code == 302
    assert "Thank you" in english.get(response["Location"]).content.decode()
    assert not Tip.objects.exists()
    assert not Document.objects.exists()


def test_the_sixth_tip_in_an_hour_from_one_address_is_refused(english: Client) -> None:
    for number in range(5):
        assert send(english, text=f"Tin đồn số {number}").status_code == 302
    response = send(english, text="Tin đồn số 6")
    assert response.status_code == 429
    assert "Please wait a little before sending another one." in response.content.decode()
    assert Tip.objects.count() == 5
    assert send(english, address="198.51.100.1", text="Tin từ người khác").status_code == 302


@override_settings(TIP_RATE_PER_HOUR=2)
def test_the_rate_is_a_setting(client: Client) -> None:
    assert send(client, text="một").status_code == 302
    assert send(client, text="hai").status_code == 302
    assert send(client, text="ba").status_code == 429


def test_the_contact_is_kept_apart_and_deleted_after_its_date(client: Client) -> None:
    send(client, text="Tin nhắn giả mạo ngân hàng", contact="0912 345 678")
    tip = Tip.objects.get()
    contact = TipContact.objects.get()
    assert contact.tip == tip
    assert contact.contact == "0912 345 678"
    assert "0912" not in tip.text
    expected = timezone.now() + timedelta(days=30)
    assert abs((contact.purge_after - expected).total_seconds()) < 60
    assert purge_tip_contacts() == 0
    TipContact.objects.update(purge_after=timezone.now() - timedelta(seconds=1))
    scheduled = dict(PERIODIC)["purge_tip_contacts"]  # what the worker's scheduler runs
    assert scheduled() == 1
    assert not TipContact.objects.exists()
    assert Tip.objects.filter(pk=tip.pk).exists()  # the tip stays, without its contact


@override_settings(TIP_CONTACT_DAYS=7)
def test_the_contact_retention_is_a_setting() -> None:
    tip = receive_tip("Tin đồn", "", "email@example.org")
    assert TipContact.objects.get(tip=tip).purge_after < timezone.now() + timedelta(days=8)


def test_the_sender_s_address_is_stored_nowhere(client: Client, petrol_check: FactCheck) -> None:
    send(client, text=RUMOUR, url="https://x.example/a", contact="zalo 0912345678")
    for tip in Tip.objects.all():
        attach_tip(tip)
    for model in apps.get_models():
        for row in model.objects.values_list():
            assert all(ADDRESS not in str(value) for value in row), model.__name__


def test_a_tip_repeating_a_fact_checked_claim_is_already_checked(
    english: Client, petrol_check: FactCheck
) -> None:
    response = send(english, text="Nghe nói " + RUMOUR.lower() + ", mọi người đổ xăng ngay!")
    tip = Tip.objects.get()
    assert tip.factcheck == petrol_check
    assert tip.status == TipStatus.ALREADY_CHECKED
    assert tip.match_score is not None
    assert tip.match_score >= 0.85
    page = english.get(response["Location"]).content.decode()
    assert "Good news: this has already been checked." in page
    assert 'href="https://factcheck.example/xang" rel="nofollow noopener"' in page


def test_a_tip_about_something_new_has_no_match(petrol_check: FactCheck) -> None:
    tip = receive_tip("Đập thủy điện Sông Lam sắp vỡ, người dân hạ du sơ tán gấp", "")
    assert tip.factcheck is None
    assert tip.status == TipStatus.NEW


def test_the_thank_you_page_reveals_no_other_tip(english: Client, petrol_check: FactCheck) -> None:
    receive_tip(RUMOUR, "")
    tip = Tip.objects.get()
    for query in (f"?t={tip.pk}", "?t=forged", ""):
        page = english.get("/gui-tin/cam-on/" + query).content.decode()
        assert "already been checked" not in page


def test_a_tip_is_queued_to_join_its_story(django_capture_on_commit_callbacks: Any) -> None:
    from django_tasks_db.models import DBTaskResult

    with django_capture_on_commit_callbacks(execute=True):
        tip = receive_tip(STORIES["dam_rumour"], "")
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "kiemchung.publishing.tasks.process_tip_task"
    assert queued.args_kwargs["args"] == [tip.pk]


def test_a_tip_joins_the_story_it_copies() -> None:
    add_manual_document(
        "Báo Hòa Lâm", Record(text=STORIES["dam_rumour"], url="https://b.example/1")
    )
    story = Document.objects.get().story
    tip = receive_tip(STORIES["dam_rumour"] + " Chia sẻ gấp cho bà con!", "")
    assert attach_tip(tip) == story
    tip.refresh_from_db()
    assert tip.story == story
    assert tip.document is not None
    assert tip.document.source.name == TIP_SOURCE_NAME
    assert tip.document.url == ""


def test_the_same_tip_twice_is_one_document() -> None:
    first = receive_tip(STORIES["bank_scam"], "https://x.example/a")
    second = receive_tip(STORIES["bank_scam"], "https://x.example/b")
    attach_tip(first)
    attach_tip(second)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.document == second.document
    assert Document.objects.count() == 1


def test_a_tip_linking_a_known_page_joins_its_story_and_its_fact_check(
    petrol_check: FactCheck,
) -> None:
    add_manual_document(
        "Báo Hòa Lâm", Record(text=STORIES["dam_rumour"], url="https://b.example/1")
    )
    story = Document.objects.get().story
    assert story is not None
    story.already_checked = petrol_check
    story.save()
    tip = receive_tip("", "https://B.example/1?utm_source=zalo")
    assert tip.factcheck == petrol_check
    assert tip.status == TipStatus.ALREADY_CHECKED
    assert attach_tip(tip) == story
    assert Document.objects.count() == 1  # a link alone adds no document


def test_a_tip_linking_where_a_fact_checked_claim_appeared_is_already_checked(
    petrol_check: FactCheck,
) -> None:
    petrol_check.appearances = ["https://social.example/p/42"]
    petrol_check.save()
    tip = receive_tip("", "https://social.example/p/42#comments")
    assert tip.factcheck == petrol_check
    assert tip.status == TipStatus.ALREADY_CHECKED


def test_the_worker_matches_every_check_worthy_sentence_of_a_long_tip(
    petrol_check: FactCheck,
) -> None:
    chatter = "Mọi người ơi. " * 60  # longer than a claim: matched by its sentences
    tip = receive_tip(chatter + RUMOUR + ". Chia sẻ ngay.", "")
    process_tip(tip)
    tip.refresh_from_db()
    assert tip.factcheck == petrol_check
    assert tip.status == TipStatus.ALREADY_CHECKED


def test_a_later_match_never_replaces_a_better_one(petrol_check: FactCheck) -> None:
    tip = receive_tip(RUMOUR, "")
    assert tip.match_score is not None
    best = tip.match_score
    Tip.objects.filter(pk=tip.pk).update(match_score=1.0)
    tip.refresh_from_db()
    assert match_tip(tip) is None
    tip.refresh_from_db()
    assert tip.match_score == 1.0
    assert best <= 1.0


def test_a_link_with_an_impossible_port_is_a_clear_form_error_and_stores_nothing(
    client: Client,
) -> None:
    response = send(client, text="Tin nhắn lạ", url="https://a.example:99999/x")
    assert response.status_code == 400
    assert "Không đọc được đường dẫn này" in response.content.decode()
    assert not Tip.objects.exists()


def test_an_invalid_tip_does_not_use_up_the_hourly_limit(english: Client) -> None:
    for _ in range(6):
        assert send(english, url="https://a.example:99999/x").status_code == 400
    assert send(english, text="Tin đồn thật sự").status_code == 302


def test_a_refused_link_is_explained_once(english: Client) -> None:
    page = send(english, url="javascript:alert(1)").content.decode()
    assert page.count("Enter a valid URL.") == 1


def test_a_tip_close_to_a_fact_check_but_not_the_same_is_only_suggested(
    english: Client, petrol_check: FactCheck
) -> None:
    changed = RUMOUR.replace("45.000", "54.000")  # another number: never the same claim
    response = send(english, text=changed)
    tip = Tip.objects.get()
    assert tip.factcheck == petrol_check
    assert tip.status == TipStatus.NEW
    page = english.get(response["Location"]).content.decode()
    assert "We may already have checked something similar:" in page
    assert "already been checked" not in page
