"""Reminder emails to the members picked for a session, ``TRAINING_REMINDER_DAYS``
before it starts: once per participant (the time it went is recorded on the row, and a
conditional update claims it, so two schedulers never send the same reminder twice).
Moving a session's start clears the record, so its participants hear of the new time."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kiemchung.org.names import display_name
from kiemchung.training.models import Participant, TrainingSession

log = logging.getLogger(__name__)


def due_for_reminder(now: datetime) -> QuerySet[Participant]:
    """Participants with an email of sessions starting within the window, not reminded."""
    horizon = now + timedelta(days=settings.TRAINING_REMINDER_DAYS)
    return (
        Participant.objects.filter(
            reminded_at__isnull=True,
            session__starts_at__gt=now,
            session__starts_at__lte=horizon,
            user__is_active=True,
        )
        .exclude(user__email="")
        .select_related("session__unit", "user")
    )


def send_reminders(now: datetime | None = None) -> int:
    """Email each due participant once; returns how many emails went."""
    now = now or timezone.now()
    sent = 0
    for participant in due_for_reminder(now):
        claimed = Participant.objects.filter(pk=participant.pk, reminded_at__isnull=True).update(
            reminded_at=now
        )
        if not claimed:
            continue
        with translation.override(settings.LANGUAGE_CODE):
            subject, body = reminder_text(participant.session, display_name(participant.user))
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [participant.user.email])
        sent += 1
    if sent:
        log.info("sent %d training reminders", sent)
    return sent


def reminder_text(session: TrainingSession, name: str) -> tuple[str, str]:
    when = date_format(timezone.localtime(session.starts_at), "DATETIME_FORMAT")
    values = {"topic": session.topic, "when": when, "name": name}
    subject = _("Training on %(when)s: %(topic)s") % values
    where = session.place
    if session.online:
        where = f"{_('Online')}{' · ' + where if where else ''}"
    link = settings.PUBLIC_BASE_URL.rstrip("/") + reverse("training:detail", args=[session.pk])
    parts = (
        _("Dear %(name)s, you are expected at this training session.") % values,
        f"{session.topic}\n{when}\n{where}".strip(),
        _("Trainer: %(trainer)s") % {"trainer": session.trainer},
        _("Unit: %(unit)s") % {"unit": session.unit.name},
        _("Open the session: %(link)s") % {"link": link},
    )
    return subject, "\n\n".join(part for part in parts if part)
