"""Reminder emails to the participants, ``TRAINING_REMINDER_DAYS`` before a session,
sent once only, by the worker's scheduler."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings

from kiemchung.core.periodic import PERIODIC
from kiemchung.ops.scheduler import tick
from kiemchung.testing.training import World, make_session, make_world, soon
from kiemchung.training.models import Participant
from kiemchung.training.reminders import send_reminders
from kiemchung.training.services import update_session

pytestmark = pytest.mark.django_db


@override_settings(TRAINING_REMINDER_DAYS=2)
def test_a_participant_is_reminded_once_within_the_window(world: World) -> None:
    make_session(world, starts_at=soon(1))
    assert send_reminders() == 1
    assert mail.outbox[0].to == ["trainee@kiemchung.invalid"]
    assert "Nhận diện tin giả" in mail.outbox[0].subject
    assert "Lan Trần Thị" in mail.outbox[0].body
    assert send_reminders() == 0
    assert len(mail.outbox) == 1
    assert Participant.objects.get().reminded_at is not None


@override_settings(TRAINING_REMINDER_DAYS=2)
def test_no_reminder_for_a_session_further_away_or_past(world: World) -> None:
    make_session(world, starts_at=soon(5))
    make_session(world, starts_at=soon(-1))
    assert send_reminders() == 0


@override_settings(TRAINING_REMINDER_DAYS=2)
def test_moving_the_session_sends_a_new_reminder(world: World) -> None:
    session = make_session(world, starts_at=soon(1))
    send_reminders()
    update_session(
        world.team["head"],
        session,
        members=[world.trainee],
        groups=[],
        starts_at=session.starts_at + timedelta(hours=3),
    )
    assert send_reminders() == 1


def test_the_job_is_registered_with_the_scheduler() -> None:
    assert "send_training_reminders" in {name for name, _job in PERIODIC}


@pytest.mark.django_db(transaction=True)
@override_settings(TRAINING_REMINDER_DAYS=2)
def test_the_worker_tick_sends_the_reminder() -> None:
    world = make_world()
    make_session(world, starts_at=soon(1))
    results = tick()
    assert results["send_training_reminders"] == 1
    assert tick()["send_training_reminders"] == 0
