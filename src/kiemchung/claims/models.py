"""Check-worthy claims, the fact-check knowledge base, and the matches between them."""

from __future__ import annotations

import hashlib

from django.db import models
from django.utils.translation import gettext_lazy as _

from kiemchung.text.normalize import match_key
from kiemchung.text.shorten import shorten


class Verdict(models.TextChoices):
    """The factual scale (principles.md). Opinion, satire and criticism are out of scope."""

    TRUE = "true", _("True")
    MOSTLY_TRUE = "mostly_true", _("Mostly true")
    MISLEADING = "misleading", _("Misleading")
    FALSE = "false", _("False")
    UNVERIFIABLE = "unverifiable", _("Unverifiable")
    OUT_OF_SCOPE = "out_of_scope", _("Not a factual claim (out of scope)")
    # Only for imported fact-checks whose rating we could not read: not a verdict.
    UNRATED = "unrated", _("Unrated")


# The verdicts a case may reach: "unrated" is never ours to give.
CASE_VERDICTS = [choice for choice in Verdict.choices if choice[0] != Verdict.UNRATED]


def claim_key(text: str) -> str:
    """The identity of a claim's text: case, Unicode form and spacing do not count."""
    return hashlib.sha1(match_key(text).encode("utf-8"), usedforsecurity=False).hexdigest()


class MatchDecision(models.TextChoices):
    CONFIRMED = "confirmed", _("confirmed")
    SUGGESTED = "suggested", _("suggested")
    NONE = "none", _("no match")


class FactCheck(models.Model):
    """A fact-check of one claim. One article may review several claims: its identity is
    its URL together with its claim (``claim_key``), not the URL alone."""

    url = models.CharField(_("URL"), max_length=2000, db_index=True)
    claim_reviewed = models.TextField(_("claim reviewed"))
    claim_key = models.CharField(_("claim identity"), max_length=40, editable=False)
    verdict = models.CharField(_("verdict"), max_length=16, choices=Verdict.choices)
    original_rating = models.TextField(
        _("publisher's rating"),
        blank=True,
        help_text=_("The rating as the publisher wrote it, before mapping to our scale."),
    )
    review_rating = models.JSONField(
        _("publisher's rating object"),
        default=dict,
        blank=True,
        help_text=_("The ClaimReview reviewRating as published (value, best, worst, name)."),
    )
    review_author = models.JSONField(
        _("publisher's author"),
        default=dict,
        blank=True,
        help_text=_("The ClaimReview author as published (a person or an organisation)."),
    )
    date_published = models.CharField(
        _("date as published"),
        max_length=100,
        blank=True,
        help_text=_("The publication date exactly as the publisher wrote it."),
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
        constraints = [
            models.UniqueConstraint(fields=["url", "claim_key"], name="factcheck_url_claim_once")
        ]

    def __str__(self) -> str:
        return shorten(self.claim_reviewed, 120)

    def save(self, *args: object, **kwargs: object) -> None:
        self.claim_key = claim_key(self.claim_reviewed)
        update_fields = kwargs.get("update_fields")
        if isinstance(update_fields, list | tuple | set) and "claim_reviewed" in update_fields:
            kwargs["update_fields"] = {*update_fields, "claim_key"}
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def is_rated(self) -> bool:
        """False for an imported fact-check whose rating we could not read."""
        return self.verdict != Verdict.UNRATED


class FactCheckEmbedding(models.Model):
    """The stored sentence embedding of a fact-check's claim, computed by the worker, so
    no process (a command, a web worker) embeds the knowledge base again."""

    factcheck = models.OneToOneField(
        FactCheck, on_delete=models.CASCADE, primary_key=True, related_name="embedding"
    )
    embedder = models.CharField(_("embedder"), max_length=32)
    text_key = models.CharField(_("text identity"), max_length=40)
    vector = models.BinaryField(_("vector"))

    class Meta:
        verbose_name = _("fact-check embedding")
        verbose_name_plural = _("fact-check embeddings")

    def __str__(self) -> str:
        return f"{self.factcheck_id} ({self.embedder})"


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
        return shorten(self.text, 120)


class ClaimMatch(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="matches")
    factcheck = models.ForeignKey(FactCheck, on_delete=models.CASCADE, related_name="matches")
    score = models.FloatField(_("score"))
    decision = models.CharField(_("decision"), max_length=16, choices=MatchDecision.choices)
    reasons = models.JSONField(_("why"), default=list, blank=True)
    # the same reasons with what each found ("number:300→3000"), to show people
    findings = models.JSONField(_("findings"), default=list, blank=True)
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
