"""Citizen tips, and the contact details some tipsters leave (kept apart, purged)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kiemchung.claims.match_reasons import explain_all
from kiemchung.text.shorten import shorten


class TipStatus(models.TextChoices):
    NEW = "new", _("New")
    CASE_OPENED = "case_opened", _("Case opened")
    ALREADY_CHECKED = "already_checked", _("Already checked")
    DISMISSED = "dismissed", _("Dismissed")


class Tip(models.Model):
    """A suspicious link or text sent through the public form. No account, no address."""

    text = models.TextField(_("what was seen"), blank=True)
    url = models.URLField(_("link"), max_length=2000, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=TipStatus.choices, default=TipStatus.NEW
    )
    document = models.ForeignKey(
        "sources.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("document"),
    )
    story = models.ForeignKey(
        "stories.Story",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tips",
        verbose_name=_("matching story"),
    )
    factcheck = models.ForeignKey(
        "claims.FactCheck",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tips",
        verbose_name=_("matching fact-check"),
    )
    match_score = models.FloatField(_("match score"), null=True, blank=True)
    # Why the match is not certain, as the matcher found it ("number:300→3000"), like
    # ``ClaimMatch.findings``: empty for a confirmed match and for a match by link.
    match_findings = models.JSONField(_("match findings"), default=list, blank=True)
    # Set when a known collaborator sent the tip from their page: the unit they work with,
    # not who they are (the tip queue shows "from a collaborator of <unit>").
    collaborator_unit = models.ForeignKey(
        "org.OrgUnit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("from a collaborator of"),
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("tip")
        verbose_name_plural = _("tips")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return shorten(self.text or self.url, 80)

    @property
    def match_explanations(self) -> list[str]:
        """Why the match is not certain, in words ("số liệu khác: 300 → 3.000")."""
        return explain_all(self.match_findings or [])


class TipContact(models.Model):
    """Optional contact for a tip, in its own table, deleted after a retention period."""

    tip = models.OneToOneField(Tip, on_delete=models.CASCADE, related_name="contact")
    contact = models.CharField(_("contact"), max_length=200)
    purge_after = models.DateTimeField(_("delete after"), db_index=True)

    class Meta:
        verbose_name = _("tipster contact")
        verbose_name_plural = _("tipster contacts")

    def __str__(self) -> str:
        return f"contact for tip {self.tip_id}"
