"""The buttons on a spike alert say what they do ("Ghi nhận cảnh báo"), not a state."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from kiemchung.org.models import Role
from kiemchung.stories.models import Alert, Story
from kiemchung.testing.org import make_unit_tree, make_user

pytestmark = pytest.mark.django_db


def test_the_alert_buttons_name_actions(client: Client) -> None:
    now = timezone.now()
    story = Story.objects.create(title="Tin đồn vỡ đập", first_seen=now, last_seen=now)
    Alert.objects.create(
        story=story,
        window_start=now - timedelta(hours=6),
        window_end=now,
        count=12,
        story_baseline=1.0,
        stream_baseline=2.0,
        ratio=6.0,
    )
    client.force_login(make_user(Role.VERIFIER, make_unit_tree().commune))
    page = client.get(f"/stories/{story.pk}/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert 'value="acknowledged">Ghi nhận cảnh báo</button>' in page
    assert 'value="closed">Đóng cảnh báo</button>' in page
