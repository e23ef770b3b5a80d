"""Check-worthy claims, the fact-check knowledge base, and the matches between them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Verdict(models.TextChoices):
    """The factual scale (principles.md). Opinion, satire and criticism are out of scope."""

    TRUE = "true", _("True")
    MOSTLY_TRUE = "mostly_true", _("Mostly true")
    MISLEADING = "misleading", _("Misleading")
    FALSE = "false", _("False")
    UNVERIFIABLE = "unverifiable", _("Unverifiable")
    OUT_OF_SCOPE = "out_of_scope", _("Not a factual claim (out of scope)")


class MatchDecision(models.TextChoices):
    CONFIRMED = "confirmed", _("confirmed")
    SUGGESTED = "suggested", _("suggested")
    NONE = "none", _("no match")


class FactCheck(models.Model):
    url = models.CharField(_("URL"), max_length=2000, unique=True)
    claim_reviewed = models.TextField(_("claim reviewed"))
    verdict = models.CharField(_("verdict"), max_length=16, choices=Verdict.choices)
    original_rating = models.CharField(
        _("publisher's rating"),
        max_length=200,
        blank=True,
        help_text=_("The rating as the publisher wrote it, before mapping to our scale."),
    )
    summary = models.TextField(_("summary"), blank=True)
    publisher = models.CharField(_("publisher"), max_length=300)
    publisher_url = models.CharField(_("publisher URL"), max_length=2000, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    language = models.CharField(_("language"), max_length=16, default="vi")
    evidence = models.JSONField(
        _("evidence links"), default=list, blank=True, help_text=_("[{'url': …, 'title': …}]")
    )
    appearances = models.JSONField(
        _("where the claim appeared"), default=list, blank=True, help_text=_("URLs")
    )
    extra = models.JSONField(
        _("other fields"), default=dict, blank=True, help_text=_("Imported fields we do not map.")
    )
    is_local = models.BooleanField(
        _("published by us"), default=False, help_text=_("False for imported fact-checks.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("fact-check")
        verbose_name_plural = _("fact-checks")
        ordering = ["-published_at"]

    def __str__(self) -> str:
        return self.claim_reviewed[:120]


class Claim(models.Model):
    story = models.ForeignKey(
        "stories.Story",
        on_delete=models.CASCADE,
        related_name="claims",
        null=True,
        blank=True,
        verbose_name=_("story"),
    )
    document = models.ForeignKey(
        "sources.Document",
        on_delete=models.SET_NULL,
        related_name="claims",
        null=True,
        blank=True,
        verbose_name=_("document"),
    )
    text = models.TextField(_("claim"))
    key = models.CharField(_("match key hash"), max_length=32, db_index=True)
    language = models.CharField(_("language"), max_length=16, blank=True)
    checkworthiness = models.FloatField(_("check-worthiness"), default=0.0, db_index=True)
    reasons = models.JSONField(_("why"), default=list, blank=True)
    is_factual = models.BooleanField(
        _("factual claim"),
        null=True,
        blank=True,
        help_text=_("Set by staff: no means 'not a factual claim' (opinion, question, advert)."),
    )
    matched = models.ForeignKey(
        FactCheck,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("best matching fact-check"),
    )
    match_score = models.FloatField(_("match score"), null=True, blank=True)
    match_decision = models.CharField(
        _("match decision"), max_length=16, blank=True, choices=MatchDecision.choices
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        ordering = ["-checkworthiness"]
        constraints = [
            models.UniqueConstraint(fields=["story", "key"], name="claim_once_per_story")
        ]

    def __str__(self) -> str:
        return self.text[:120]


class ClaimMatch(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="matches")
    factcheck = models.ForeignKey(FactCheck, on_delete=models.CASCADE, related_name="matches")
    score = models.FloatField(_("score"))
    decision = models.CharField(_("decision"), max_length=16, choices=MatchDecision.choices)
    reasons = models.JSONField(_("why"), default=list, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("claim match")
        verbose_name_plural = _("claim matches")
        ordering = ["-score"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "factcheck"], name="claim_match_once")
        ]

    def __str__(self) -> str:
        return f"{self.claim_id} ~ {self.factcheck_id}: {self.score:.2f} {self.decision}"
