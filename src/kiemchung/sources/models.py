"""Sources we watch and the documents they gave us."""

from __future__ import annotations

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kiemchung.text.shorten import shorten


class SourceKind(models.TextChoices):
    FEED = "feed", _("RSS/Atom feed")
    WEB = "web", _("Web page")
    JSONL = "jsonl", _("JSON-lines export")
    CSV = "csv", _("CSV export")
    MANUAL = "manual", _("Manual entry")


class AccountKind(models.TextChoices):
    PUBLIC = "public", _("Public outlet or official page")
    PRIVATE = "private", _("Private person (pseudonymised)")


class Source(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=SourceKind.choices)
    location = models.CharField(
        _("URL or path"),
        max_length=2000,
        blank=True,
        help_text=_("Feed or page URL, or a file path."),
    )
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    poll_minutes = models.PositiveIntegerField(_("poll every (minutes)"), default=30)
    next_poll_at = models.DateTimeField(_("next poll"), null=True, blank=True, db_index=True)
    last_polled_at = models.DateTimeField(_("last polled"), null=True, blank=True)
    last_success_at = models.DateTimeField(_("last success"), null=True, blank=True)
    failures = models.PositiveIntegerField(_("consecutive failures"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    last_rejected = models.PositiveIntegerField(_("entries rejected at the last poll"), default=0)
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_pollable(self) -> bool:
        return self.kind in (SourceKind.FEED, SourceKind.WEB) and bool(self.location)

    @property
    def health(self) -> str:
        """One line for the operator: ok, failing, or polled with rejected entries."""
        if self.failures:
            return f"failing ({self.failures}): {self.last_error}"
        if self.last_rejected:
            return f"rejected entries: {self.last_error}"
        return "ok"

    def backoff(self) -> timedelta:
        """Delay before the next poll: the interval, doubled per failure, capped at a day."""
        base = timedelta(minutes=self.poll_minutes)
        if not self.failures:
            return base
        delay: timedelta = base * (2 ** min(self.failures, 10))
        return min(delay, timedelta(days=1))

    def schedule_next(self) -> None:
        self.next_poll_at = timezone.now() + self.backoff()


class Document(models.Model):
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="documents", verbose_name=_("source")
    )
    identity = models.CharField(
        _("identity"),
        max_length=64,
        unique=True,
        help_text=_("Hash of canonical URL, or of content when there is no URL."),
    )
    content_hash = models.CharField(_("content hash"), max_length=32, db_index=True)
    url = models.CharField(_("canonical URL"), max_length=2000, blank=True)
    title = models.CharField(_("title"), max_length=500, blank=True)
    text = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=16, db_index=True)
    platform = models.CharField(_("platform"), max_length=32, blank=True)
    account = models.CharField(
        _("account"),
        max_length=200,
        blank=True,
        help_text=_("Outlet name, or a pseudonym for private accounts."),
    )
    account_kind = models.CharField(
        _("account kind"), max_length=8, choices=AccountKind.choices, default=AccountKind.PUBLIC
    )
    likes = models.PositiveIntegerField(_("likes"), default=0)
    comments = models.PositiveIntegerField(_("comments"), default=0)
    shares = models.PositiveIntegerField(_("shares"), default=0)
    published_at = models.DateTimeField(_("published"), db_index=True)
    undated = models.BooleanField(
        _("time unknown"),
        default=False,
        db_default=False,
        help_text=_(
            "The source gave no usable time: the published time is the import time, and the "
            "document counts in no growth window or spike."
        ),
    )
    fetched_at = models.DateTimeField(_("fetched"), default=timezone.now)
    story = models.ForeignKey(
        "stories.Story",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("story"),
    )
    signature = models.BinaryField(_("MinHash signature"), editable=False)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-published_at"]
        indexes = [
            models.Index(fields=["story", "published_at"]),
            # Counting a window's documents per source (the dashboard chart) reads only
            # this index.
            models.Index(fields=["source", "published_at"]),
        ]

    def __str__(self) -> str:
        return self.title or shorten(self.text, 80)


class IngestRun(models.Model):
    """One run of an import or a poll: what came in, what was rejected and why."""

    source = models.ForeignKey(
        Source, on_delete=models.CASCADE, related_name="runs", verbose_name=_("source")
    )
    origin = models.CharField(_("origin"), max_length=2000)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    received = models.PositiveIntegerField(_("records read"), default=0)
    added = models.PositiveIntegerField(_("documents added"), default=0)
    duplicates = models.PositiveIntegerField(_("duplicates skipped"), default=0)
    rejected = models.PositiveIntegerField(_("records rejected"), default=0)
    errors = models.JSONField(_("rejections"), default=list, blank=True)

    class Meta:
        verbose_name = _("ingest run")
        verbose_name_plural = _("ingest runs")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.source} {self.started_at:%Y-%m-%d %H:%M}"
