"""Training sessions ("tập huấn, bồi dưỡng") and the outreach log.

A session belongs to a unit; its participants are members picked by name (with their
attendance and optional quiz scores before and after) plus groups of outside people
counted, not named ("120 học sinh trường THCS …"): the system keeps no list of citizens.
The outreach log says what the unit published where and how (its web page, the commune's
loudspeaker bulletin, a school visit…). Both are counted in the period reports.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kiemchung.org.models import OrgUnit

SCORE_VALIDATORS = [MaxValueValidator(100)]


class Audience(models.TextChoices):
    MEMBERS = "members", _("Members")
    COLLABORATORS = "collaborators", _("Collaborators")
    OFFICIALS = "officials", _("Officials")
    TEACHERS = "teachers", _("Teachers")
    PUPILS = "pupils", _("Pupils and students")
    VILLAGERS = "villagers", _("Villagers")
    OTHER = "other", _("Other people")


class TrainingSession(models.Model):
    unit = models.ForeignKey(
        OrgUnit,
        on_delete=models.PROTECT,
        related_name="training_sessions",
        verbose_name=_("unit"),
    )
    topic = models.CharField(_("topic"), max_length=300)
    description = models.TextField(_("programme"), blank=True)
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), default=120)
    place = models.CharField(_("place"), max_length=300, blank=True)
    online = models.BooleanField(_("online"), default=False)
    trainer = models.CharField(_("trainer"), max_length=300, help_text=_("Full name and position."))
    audience = models.CharField(
        _("main audience"), max_length=16, choices=Audience.choices, default=Audience.MEMBERS
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        ordering = ["-starts_at", "-pk"]

    def __str__(self) -> str:
        return self.topic

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)


class Participant(models.Model):
    """A member picked by name: invited, then marked present or not."""

    session = models.ForeignKey(
        TrainingSession,
        on_delete=models.CASCADE,
        related_name="participants",
        verbose_name=_("training session"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="training_participations",
        verbose_name=_("member"),
    )
    attended = models.BooleanField(_("attended"), default=False)
    score_before = models.PositiveSmallIntegerField(
        _("quiz score before (%)"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    score_after = models.PositiveSmallIntegerField(
        _("quiz score after (%)"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    # The reminder email, sent once: the time it went (see ``reminders``).
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="participant_once")]

    def __str__(self) -> str:
        return f"{self.user} — {self.session}"


class OutsideGroup(models.Model):
    """Outside participants, counted, never named: "120 học sinh trường THCS …"."""

    session = models.ForeignKey(
        TrainingSession,
        on_delete=models.CASCADE,
        related_name="groups",
        verbose_name=_("training session"),
    )
    audience = models.CharField(_("audience"), max_length=16, choices=Audience.choices)
    description = models.CharField(
        _("who"), max_length=300, blank=True, help_text=_("For example: pupils of a school.")
    )
    count = models.PositiveIntegerField(_("number of people"))
    score_before = models.PositiveSmallIntegerField(
        _("average quiz score before (%)"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    score_after = models.PositiveSmallIntegerField(
        _("average quiz score after (%)"), null=True, blank=True, validators=SCORE_VALIDATORS
    )

    class Meta:
        verbose_name = _("outside participants")
        verbose_name_plural = _("outside participants")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.count} {self.description or self.get_audience_display()}"


def material_upload_to(instance: Any, filename: str) -> str:
    # The stored name never comes from the uploader: it is random, with a safe suffix.
    suffix = PurePath(filename).suffix.lower()
    return f"training/{instance.session_id or 0}/{secrets.token_hex(16)}{suffix}"


class Material(models.Model):
    """A file of a session (slides, handout), stored and served like case evidence."""

    session = models.ForeignKey(
        TrainingSession,
        on_delete=models.CASCADE,
        related_name="materials",
        verbose_name=_("training session"),
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    file = models.FileField(_("file"), upload_to=material_upload_to, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("file type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("training material")
        verbose_name_plural = _("training materials")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title or self.original_name


class OutreachChannel(models.TextChoices):
    UNIT_PAGE = "unit_page", _("The unit's web page")
    SOCIAL = "social", _("The unit's social media page")
    LOUDSPEAKER = "loudspeaker", _("Loudspeaker bulletin")
    PRESS = "press", _("Newspaper, radio or television")
    SCHOOL_VISIT = "school_visit", _("School visit")
    MEETING = "meeting", _("Meeting of residents or officials")
    PRINTED = "printed", _("Leaflets and posters")
    OTHER = "other", _("Other")


class OutreachActivity(models.Model):
    """One entry of the outreach log: what was published where, and how."""

    unit = models.ForeignKey(
        OrgUnit,
        on_delete=models.PROTECT,
        related_name="outreach_activities",
        verbose_name=_("unit"),
    )
    day = models.DateField(_("date"), db_index=True)
    channel = models.CharField(_("channel"), max_length=16, choices=OutreachChannel.choices)
    title = models.CharField(_("what was published"), max_length=300)
    place = models.CharField(
        _("where"), max_length=300, blank=True, help_text=_("The outlet, school or hamlet.")
    )
    details = models.TextField(_("how"), blank=True)
    reach = models.PositiveIntegerField(
        _("people reached"),
        null=True,
        blank=True,
        help_text=_("An estimate; leave empty if unknown."),
    )
    link = models.URLField(_("link"), blank=True, max_length=500)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("outreach activity")
        verbose_name_plural = _("outreach log")
        ordering = ["-day", "-pk"]

    def __str__(self) -> str:
        return self.title
