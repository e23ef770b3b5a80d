"""The demo has training sessions (held and upcoming) and outreach entries."""

from __future__ import annotations

import pytest
from django.utils import timezone

from kiemchung.demo.seeding import ensure_demo_user, ensure_organisation
from kiemchung.demo.training import ensure_demo_training
from kiemchung.training.models import OutreachActivity, TrainingSession

pytestmark = pytest.mark.django_db


def test_the_demo_records_sessions_and_outreach_once() -> None:
    _username, password = ensure_demo_user()
    ensure_organisation(password)
    assert ensure_demo_training() == 4
    assert ensure_demo_training() == 0
    now = timezone.now()
    held = TrainingSession.objects.filter(starts_at__lt=now)
    assert held.count() == 2
    assert TrainingSession.objects.filter(starts_at__gte=now).count() == 2
    assert all(s.participants.filter(attended=True).exists() for s in held)
    assert OutreachActivity.objects.count() == 4
