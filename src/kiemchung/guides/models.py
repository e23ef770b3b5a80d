"""Guides ("cẩm nang"): public pages on recognising scams, fake notices and hoaxes.

Written by staff, reviewed like a verdict (the reviewer is never one of the authors),
published on the public site and in the Atom feed, linked from related fact-checks.
The workflow is ``kiemchung.guides.workflow``; every change goes through
``kiemchung.guides.services``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class GuideStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")


class GuideTopic(models.TextChoices):
    SCAMS = "scams", _("Scam messages")
    FAKE_NOTICES = "fake_notices", _("Fake official notices")
    HEALTH = "health", _("Health hoaxes")
    IMAGES = "images", _("Doctored photos and videos")
    OTHER = "other", _("Other")


class GuideQuerySet(models.QuerySet["Guide"]):
    def published(self) -> GuideQuerySet:
        return self.filter(status=GuideStatus.PUBLISHED, published_at__isnull=False)


class Guide(models.Model):
    unit = models.ForeignKey(
        "org.OrgUnit", on_delete=models.PROTECT, related_name="guides", verbose_name=_("unit")
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=120, unique=True, allow_unicode=False)
    summary = models.TextField(
        _("summary"), max_length=600, help_text=_("Two or three sentences readers see first.")
    )
    body = models.TextField(
        _("text"),
        help_text=_(
            "Plain text. A blank line starts a new paragraph; a line starting with “## ” is "
            "a heading; lines starting with “- ” make a list."
        ),
    )
    topic = models.CharField(
        _("topic"), max_length=20, choices=GuideTopic.choices, default=GuideTopic.OTHER
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=GuideStatus.choices,
        default=GuideStatus.DRAFT,
        db_index=True,
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("written by"),
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    related_factchecks = models.ManyToManyField(
        "claims.FactCheck",
        blank=True,
        related_name="guides",
        verbose_name=_("related fact-checks"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)

    objects = GuideQuerySet.as_manager()

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")
        ordering = ["-updated_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("guides:public-detail", args=[self.slug])

    @property
    def is_published(self) -> bool:
        return self.status == GuideStatus.PUBLISHED
