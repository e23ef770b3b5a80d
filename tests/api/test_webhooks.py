"""Webhooks: a unit's events reach its partners signed, through the SSRF-safe client, are
retried with exponential back-off, logged, and a failing address is disabled."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import override_settings
from django.utils import timezone

from kiemchung.api.models import DeliveryStatus, WebhookDelivery, WebhookEvent
from kiemchung.api.tasks import deliver_webhook_task
from kiemchung.api.webhooks import (
    InvalidSubscription,
    announce_overdue_tasks,
    create_subscription,
    deliver,
    enqueue_due_retries,
    verify_signature,
)
from kiemchung.cases import services
from kiemchung.cases.models import CaseState
from kiemchung.core.events import ALERT_OPENED, CASE_STATE_CHANGED, FACTCHECK_PUBLISHED
from kiemchung.org.models import PartnerAgency, Role, Task
from kiemchung.stories.spikes import Growth, raise_alert
from kiemchung.testing.cases import make_case, make_case_in_review, make_story
from kiemchung.testing.commands import run_command
from kiemchung.testing.fakeserver import FakeServer
from kiemchung.testing.org import UnitTree, make_user

pytestmark = pytest.mark.django_db

LOOPBACK = override_settings(FETCH_ALLOW=["127.0.0.1"])


def due_now(delivery: WebhookDelivery) -> None:
    WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())


def test_a_published_fact_check_reaches_the_units_subscribers_signed(
    tree: UnitTree, verifier: User
) -> None:
    province = create_subscription(
        tree.province, "https://tinh.example/hook", [FACTCHECK_PUBLISHED]
    )
    create_subscription(tree.sibling, "https://xa-ben.example/hook", [FACTCHECK_PUBLISHED])
    reviewer = make_user(Role.REVIEWER, tree.commune, "nguoi-duyet")
    case = make_case_in_review(tree.commune, verifier)
    services.change_state(reviewer, case, CaseState.PUBLISHED)
    delivery = WebhookDelivery.objects.get(event__name=FACTCHECK_PUBLISHED)
    assert delivery.subscription == province  # the neighbouring commune hears nothing
    with FakeServer() as server, LOOPBACK:
        province.url = server.url + "/hook"
        province.save()
        assert deliver(delivery.pk) == DeliveryStatus.DELIVERED
    sent = server.received[0]
    body = sent.json()
    assert body["event"] == FACTCHECK_PUBLISHED
    assert body["data"]["case_id"] == case.pk
    assert verify_signature(province.secret, sent.headers["x-kiemchung-signature"], sent.body)
    assert not verify_signature("another secret", sent.headers["x-kiemchung-signature"], sent.body)
    delivery.refresh_from_db()
    assert delivery.last_status_code == 200 and delivery.log[0]["status_code"] == 200


def test_every_state_change_of_a_case_is_an_event(tree: UnitTree, verifier: User) -> None:
    create_subscription(tree.commune, "https://xa.example/hook", [CASE_STATE_CHANGED])
    case = make_case(tree.commune, verifier)
    services.change_state(verifier, case, CaseState.VERIFYING)
    event = WebhookEvent.objects.get(name=CASE_STATE_CHANGED)
    assert event.data == {"case_id": case.pk, "from": "new", "to": "verifying", "title": case.title}


def test_a_new_spike_alert_reaches_every_subscribed_unit(tree: UnitTree) -> None:
    create_subscription(tree.commune, "https://xa.example/hook", [ALERT_OPENED])
    create_subscription(tree.sibling, "https://ben.example/hook", [ALERT_OPENED])
    now = timezone.now()
    growth = Growth(now - timedelta(hours=6), now, 12, 1.0, 1.0)
    story = make_story()
    raise_alert(story, growth)
    raise_alert(story, growth)  # the same spike, a later look: no second event
    assert WebhookDelivery.objects.filter(event__name=ALERT_OPENED).count() == 2
    assert WebhookEvent.objects.get().data["story_id"] == story.pk


def test_an_overdue_task_is_announced_once(tree: UnitTree, verifier: User) -> None:
    create_subscription(tree.province, "https://tinh.example/hook", ["task.overdue"])
    agency = PartnerAgency.objects.create(name="Công an xã", unit=tree.commune)
    Task.objects.create(
        agency=agency, title="Xác minh", due_date=timezone.localdate() - timedelta(days=1)
    )
    assert announce_overdue_tasks() == 1
    assert announce_overdue_tasks() == 0
    assert WebhookDelivery.objects.count() == 1


@LOOPBACK
@override_settings(WEBHOOK_BACKOFF_SECONDS=30)
def test_a_failed_delivery_is_retried_with_exponential_back_off(tree: UnitTree) -> None:
    with FakeServer(answers=[(500, {}), (503, {}), (200, {})]) as server:
        hook = create_subscription(tree.province, server.url, [CASE_STATE_CHANGED])
        create_event(tree)
        delivery = WebhookDelivery.objects.get()
        before = timezone.now()
        assert deliver(delivery.pk) == DeliveryStatus.PENDING
        delivery.refresh_from_db()
        first_wait = delivery.next_attempt_at - before
        assert timedelta(seconds=29) < first_wait < timedelta(seconds=35)
        assert deliver(delivery.pk) is None  # not due yet: nothing sent
        due_now(delivery)
        assert enqueue_due_retries() == 1
        before = timezone.now()
        assert deliver_webhook_task.call(delivery.pk) == DeliveryStatus.PENDING
        delivery.refresh_from_db()
        assert timedelta(seconds=59) < delivery.next_attempt_at - before < timedelta(seconds=65)
        due_now(delivery)
        assert deliver(delivery.pk) == DeliveryStatus.DELIVERED
    delivery.refresh_from_db()
    assert [entry["status_code"] for entry in delivery.log] == [500, 503, 200]
    assert len(server.received) == 3
    hook.refresh_from_db()
    assert hook.consecutive_failures == 0


@LOOPBACK
@override_settings(WEBHOOK_DISABLE_AFTER=3, WEBHOOK_MAX_ATTEMPTS=10)
def test_an_address_that_keeps_failing_is_disabled(tree: UnitTree) -> None:
    with FakeServer(answers=[(500, {})]) as server:
        hook = create_subscription(tree.province, server.url, [CASE_STATE_CHANGED])
        create_event(tree)
        delivery = WebhookDelivery.objects.get()
        for _ in range(3):
            deliver(delivery.pk)
            due_now(delivery)
    hook.refresh_from_db()
    delivery.refresh_from_db()
    assert not hook.is_active and hook.disabled_at is not None
    assert delivery.status == DeliveryStatus.FAILED
    create_event(tree)
    assert WebhookDelivery.objects.count() == 1  # a disabled address gets nothing new


@override_settings(WEBHOOK_MAX_ATTEMPTS=2)
@LOOPBACK
def test_a_delivery_gives_up_after_its_last_attempt(tree: UnitTree) -> None:
    with FakeServer(answers=[(404, {})]) as server:
        create_subscription(tree.province, server.url, [CASE_STATE_CHANGED])
        create_event(tree)
        delivery = WebhookDelivery.objects.get()
        deliver(delivery.pk)
        due_now(delivery)
        assert deliver(delivery.pk) == DeliveryStatus.FAILED


def test_internal_addresses_are_refused_unless_allowed(tree: UnitTree) -> None:
    with FakeServer() as server, override_settings(FETCH_ALLOW=[]):
        create_subscription(tree.province, server.url, [CASE_STATE_CHANGED])
        create_event(tree)
        delivery = WebhookDelivery.objects.get()
        assert deliver(delivery.pk) == DeliveryStatus.PENDING
    assert server.received == []
    delivery.refresh_from_db()
    assert "127.0.0.1" in delivery.last_error and delivery.last_status_code is None


def test_a_subscription_needs_known_events_and_a_web_address(tree: UnitTree) -> None:
    with pytest.raises(InvalidSubscription):
        create_subscription(tree.province, "https://x.example", ["case.deleted"])
    with pytest.raises(InvalidSubscription):
        create_subscription(tree.province, "ftp://x.example", [CASE_STATE_CHANGED])


def test_the_command_adds_a_webhook_and_prints_its_secret_once(tree: UnitTree) -> None:
    code, out, _ = run_command(
        "api",
        "webhook",
        "add",
        "--unit",
        str(tree.province.pk),
        "--url",
        "https://tinh.example/hook",
        "--events",
        "factcheck.published,alert.opened",
    )
    assert code == 0
    secret = out.strip().splitlines()[-1]
    assert len(secret) == 64
    _, listing, _ = run_command("api", "webhook", "list")
    assert "https://tinh.example/hook" in listing and secret not in listing


def test_an_old_signature_is_refused() -> None:
    from kiemchung.api.delivery import signature

    header = signature("s", 1_000_000, b"{}")
    assert verify_signature("s", header, b"{}", now=1_000_100)
    assert not verify_signature("s", header, b"{}", now=1_000_000 + 3600)
    assert not verify_signature("s", header, b"{ }", now=1_000_100)


def create_event(tree: UnitTree) -> Any:
    from kiemchung.core.events import emit

    emit(
        CASE_STATE_CHANGED,
        unit_id=tree.commune.pk,
        data={"case_id": 1, "from": "new", "to": "verifying"},
    )


def test_an_issued_report_reaches_its_units_subscribers_and_those_above(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from datetime import date

    from kiemchung.core.events import REPORT_ISSUED
    from kiemchung.reports import services as reports
    from kiemchung.reports.models import ReportStatus
    from kiemchung.reports.periods import parse_period
    from kiemchung.testing.reports import build_world

    monkeypatch.setattr(reports, "render", lambda content, kind: b"file")  # no LibreOffice
    world = build_world()
    commune = create_subscription(world.commune, "https://xa.example/hook", [REPORT_ISSUED])
    district = create_subscription(world.province, "https://huyen.example/hook", [REPORT_ISSUED])
    create_subscription(world.sibling, "https://xa-ben.example/hook", [REPORT_ISSUED])
    create_subscription(world.commune, "https://xa.example/cases", [CASE_STATE_CHANGED])
    head = make_user(Role.HEAD, world.commune, "truong-ban-xa")
    report = reports.create_draft(head, world.commune, parse_period("2024-Q3"))
    report = reports.change_status(head, report, ReportStatus.SUBMITTED)
    report = reports.change_status(head, report, ReportStatus.APPROVED)
    assert not WebhookEvent.objects.exists()  # only issuing is announced
    reports.issue(head, report, "07", date(2024, 10, 3))
    event = WebhookEvent.objects.get(name=REPORT_ISSUED)
    assert event.unit_id == world.commune.pk
    assert event.data == {
        "report_id": report.pk,
        "unit": "Xã An Phú",
        "period": "2024-Q3",
        "period_start": "2024-07-01",
        "period_end": "2024-09-30",
        "number": "07",
        "issued_on": "2024-10-03",
        "title": report.title,
    }
    receivers = {d.subscription for d in WebhookDelivery.objects.filter(event=event)}
    assert receivers == {commune, district}  # the neighbouring commune hears nothing


def test_a_refused_issue_announces_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    from kiemchung.reports import services as reports
    from kiemchung.reports.periods import parse_period
    from kiemchung.testing.reports import build_world

    world = build_world()
    create_subscription(world.province, "https://huyen.example/hook", ["report.issued"])
    draft = reports.create_draft(world.secretariat, world.province, parse_period("2024-Q3"))
    with pytest.raises(reports.ReportRefused):
        reports.issue(world.secretariat, draft, "12", date(2024, 10, 5))
    assert not WebhookEvent.objects.exists()
