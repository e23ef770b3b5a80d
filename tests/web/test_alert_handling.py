"""Staff acknowledge or close a spike alert on the story page; readers cannot."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from kiemchung.cases.models import AuditEvent
from kiemchung.org.models import Membership, OrgUnit, Role
from kiemchung.stories.models import Alert, AlertStatus, Story

pytestmark = pytest.mark.django_db


@pytest.fixture
def alert() -> Alert:
    now = timezone.now()
    story = Story.objects.create(title="Tin đồn vỡ đập", first_seen=now, last_seen=now)
    return Alert.objects.create(
        story=story,
        window_start=now - timedelta(hours=6),
        window_end=now,
        count=12,
        story_baseline=1.0,
        stream_baseline=2.0,
        ratio=6.0,
    )


def member(role: str) -> User:
    user = User.objects.create_user(role)
    Membership.objects.create(user=user, unit=OrgUnit.objects.create(name="Xã"), role=role)
    return user


def test_a_verifier_acknowledges_an_alert_and_it_leaves_the_dashboard(
    client: Client, alert: Alert
) -> None:
    client.force_login(member(Role.VERIFIER))
    page = client.get(f"/stories/{alert.story_id}/").content.decode()
    assert f"/alerts/{alert.pk}/status" in page
    response = client.post(f"/alerts/{alert.pk}/status", {"status": AlertStatus.ACKNOWLEDGED})
    assert response.status_code == 302
    assert Alert.objects.get(pk=alert.pk).status == AlertStatus.ACKNOWLEDGED
    event = AuditEvent.objects.get(object_type="alert")
    assert event.changes == {"status": ["open", "acknowledged"]}
    assert (
        "Tin đồn vỡ đập"
        not in client.get("/").content.decode().split("Cảnh báo đang mở")[1].split("</section>")[0]
    )


def test_a_read_only_member_sees_the_alert_but_cannot_change_it(
    client: Client, alert: Alert
) -> None:
    client.force_login(member(Role.READONLY))
    page = client.get(f"/stories/{alert.story_id}/").content.decode()
    assert f"/alerts/{alert.pk}/status" not in page
    response = client.post(f"/alerts/{alert.pk}/status", {"status": AlertStatus.CLOSED})
    assert response.status_code == 403
    assert Alert.objects.get(pk=alert.pk).status == AlertStatus.OPEN


def test_changing_an_alert_needs_a_post(client: Client, alert: Alert) -> None:
    client.force_login(member(Role.VERIFIER))
    assert client.get(f"/alerts/{alert.pk}/status").status_code == 405
