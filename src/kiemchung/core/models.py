"""Counters of the rate limits, when no Redis is configured (see ``kiemchung.core.ratelimit``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class RateCounter(models.Model):
    """How many attempts one subject (an HMAC, never a raw address) made in its window."""

    subject = models.CharField(_("subject"), max_length=100, primary_key=True)
    hits = models.PositiveIntegerField(_("hits"), default=0)
    # Seconds since the epoch at which the window ends and the count starts again.
    resets_at = models.FloatField(_("window ends"), db_index=True)

    class Meta:
        verbose_name = _("rate-limit counter")
        verbose_name_plural = _("rate-limit counters")

    def __str__(self) -> str:
        return f"{self.subject}: {self.hits}"
