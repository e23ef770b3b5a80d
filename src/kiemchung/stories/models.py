"""Stories (near-duplicate clusters of documents), their growth, and spike alerts."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Theme(models.TextChoices):
    """Labels of the themes in ``kiemchung.text.themes`` (a test checks they agree)."""

    SCAM = "scam", _("Scams and impersonation")
    HEALTH = "health", _("Health")
    DISASTER = "disaster", _("Disasters and weather")
    PRICES = "prices", _("Prices and policy")
    OFFICIAL = "official", _("Official notices")
    ORDER = "order", _("Public order and safety")
    OTHER = "other", _("Other")


class Story(models.Model):
    title = models.CharField(_("title"), max_length=500)
    representative = models.ForeignKey(
        "sources.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("representative document"),
    )
    first_seen = models.DateTimeField(_("first seen"), db_index=True)
    last_seen = models.DateTimeField(_("last seen"), db_index=True)
    doc_count = models.PositiveIntegerField(_("documents"), default=0)
    undated = models.BooleanField(
        _("publication date unknown"),
        default=False,
        db_default=False,
        help_text=_(
            "None of the story's documents has a publication date: first and last seen "
            "are import times."
        ),
    )
    already_checked = models.ForeignKey(
        "claims.FactCheck",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="stories",
        verbose_name=_("already checked by"),
    )
    theme = models.CharField(
        _("theme"),
        max_length=16,
        choices=Theme.choices,
        blank=True,
        default="",
        db_default="",
        db_index=True,
    )
    triage_score = models.FloatField(_("triage score"), null=True, blank=True, db_index=True)
    triage_reasons = models.JSONField(_("triage reasons"), null=True, blank=True)
    claims_extracted_at = models.DateTimeField(
        _("claims extracted"), null=True, blank=True, db_index=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        ordering = ["-last_seen"]
        indexes = [models.Index(fields=["undated", "-first_seen"], name="story_newest")]

    def __str__(self) -> str:
        return self.title


class StoryBucket(models.Model):
    """How many documents of a story were first seen in one hour."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="buckets")
    hour = models.DateTimeField(_("hour"), db_index=True)
    count = models.PositiveIntegerField(_("documents"), default=0)

    class Meta:
        verbose_name = _("story activity (hour)")
        verbose_name_plural = _("story activity (hours)")
        constraints = [models.UniqueConstraint(fields=["story", "hour"], name="story_bucket_once")]

    def __str__(self) -> str:
        return f"{self.story_id} @ {self.hour:%Y-%m-%d %H:00}: {self.count}"


class AlertStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    CLOSED = "closed", _("Closed")


class Alert(models.Model):
    story = models.ForeignKey(
        Story, on_delete=models.CASCADE, related_name="alerts", verbose_name=_("story")
    )
    kind = models.CharField(_("kind"), max_length=16, default="spike")
    status = models.CharField(
        _("status"), max_length=16, choices=AlertStatus.choices, default=AlertStatus.OPEN
    )
    window_start = models.DateTimeField(_("window start"))
    window_end = models.DateTimeField(_("window end"))
    count = models.PositiveIntegerField(_("documents in window"))
    story_baseline = models.FloatField(_("story baseline per window"))
    stream_baseline = models.FloatField(_("stream baseline per window"))
    ratio = models.FloatField(_("growth ratio"))
    created_at = models.DateTimeField(_("raised"), auto_now_add=True)

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        ordering = ["-window_end"]
        constraints = [
            models.UniqueConstraint(
                fields=["story", "kind", "window_start"], name="alert_once_per_window"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.story}"
