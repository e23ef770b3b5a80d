"""The priority queue: which stories staff should look at first, and why, in words.

A story ranks high when it spreads fast (documents in the last day of data, an open spike
alert), when the triage model scores it as likely to need a fact-check, and when its best
claim is check-worthy. A story whose claim matches a published fact-check is "already
checked": it drops down the queue and links to the fact-check instead of asking for work.
Models rank and suggest; nothing here labels or publishes anything.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import F, Max, Q, Sum
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kiemchung.claims.models import ClaimMatch
from kiemchung.claims.triage_words import translate_reason
from kiemchung.stories.models import Alert, AlertStatus, Story, StoryBucket
from kiemchung.stories.queries import data_now

SPREAD_WEIGHT = 0.45
TRIAGE_WEIGHT = 0.35
CLAIM_WEIGHT = 0.20
ALERT_BONUS = 0.2
ALREADY_CHECKED_FACTOR = 0.3
CANDIDATES = 400


@dataclass
class QueueItem:
    story: Story
    priority: float
    recent: int
    reasons: list[str] = field(default_factory=list)


def priority_queue(limit: int = 30, hours: int = 24) -> list[QueueItem]:
    end = data_now()
    if end is None:
        return []
    recent = _recent_counts(end - timedelta(hours=hours))
    alerted = set(Alert.objects.filter(status=AlertStatus.OPEN).values_list("story_id", flat=True))
    candidates = _candidates(set(recent) | alerted)
    for candidate in candidates:
        candidate.priority = _priority(
            candidate, recent.get(candidate.pk, 0), candidate.pk in alerted
        )
    candidates.sort(key=lambda candidate: (-candidate.priority, candidate.pk))
    # Only the stories shown are loaded whole, with their alerts, reasons and matches.
    shown = candidates[:limit]
    stories = Story.objects.select_related("already_checked").in_bulk([c.pk for c in shown])
    alerts = _open_alerts({c.pk for c in shown})
    items = [
        _item(stories[c.pk], c, recent.get(c.pk, 0), alerts.get(c.pk), hours)
        for c in shown
        if c.pk in stories
    ]
    _add_suggested_matches(items)
    return items


@dataclass(slots=True)
class _Candidate:
    pk: int
    triage_score: float | None
    already_checked_id: int | None
    best_claim: float
    priority: float = 0.0


def _recent_counts(since: object) -> dict[int, int]:
    rows = (
        StoryBucket.objects.filter(hour__gte=since)
        .values("story_id")
        .annotate(n=Sum("count"))
        .order_by("-n")[:CANDIDATES]
    )
    return {row["story_id"]: int(row["n"]) for row in rows}


def _candidates(ids: set[int]) -> list[_Candidate]:
    """The stories that may rank: spreading, alerted, or among the top triage scores."""
    scored = Story.objects.filter(triage_score__isnull=False).order_by("-triage_score")
    ids = ids | set(scored.values_list("pk", flat=True)[:CANDIDATES])
    rows = (
        Story.objects.filter(pk__in=ids)
        .annotate(
            best_claim=Max(
                "claims__checkworthiness",
                filter=Q(claims__is_factual__isnull=True) | Q(claims__is_factual=True),
            )
        )
        .values_list("pk", "triage_score", "already_checked_id", "best_claim")
    )
    return [
        _Candidate(pk, triage, checked, float(best or 0.0)) for pk, triage, checked, best in rows
    ]


def _open_alerts(story_ids: set[int]) -> dict[int, Alert]:
    alerts = Alert.objects.filter(status=AlertStatus.OPEN, story_id__in=story_ids)
    return {alert.story_id: alert for alert in alerts.order_by("window_end")}


def _priority(candidate: _Candidate, recent: int, alerted: bool) -> float:
    best_claim = candidate.best_claim
    triage = candidate.triage_score
    spread = 1.0 - math.exp(-recent / 10.0)
    priority = SPREAD_WEIGHT * spread + CLAIM_WEIGHT * best_claim
    priority += TRIAGE_WEIGHT * (triage if triage is not None else 0.8 * best_claim)
    if alerted:
        priority += ALERT_BONUS
    if candidate.already_checked_id is not None:
        priority *= ALREADY_CHECKED_FACTOR
    return round(priority, 4)


def _item(
    story: Story, candidate: _Candidate, recent: int, alert: Alert | None, hours: int
) -> QueueItem:
    best_claim = candidate.best_claim
    triage = story.triage_score
    reasons = _spread_reasons(recent, hours)
    if alert is not None:
        reasons.append(
            _("Spike: %(n)s documents in %(hours)s hours, ×%(ratio)s the usual pace.")
            % {
                "n": alert.count,
                "hours": _window_hours(alert),
                "ratio": number_format(alert.ratio, 1),
            }
        )
    reasons.extend(_model_reasons(story, triage, best_claim))
    if story.already_checked is not None:
        reasons.append(
            _("Already checked: %(claim)s (%(verdict)s).")
            % {
                "claim": story.already_checked.claim_reviewed[:120],
                "verdict": story.already_checked.get_verdict_display(),
            }
        )
    return QueueItem(story=story, priority=candidate.priority, recent=recent, reasons=reasons)


def _add_suggested_matches(items: list[QueueItem]) -> None:
    """Point stories not yet checked to their best matching fact-check, in one query.

    Only for the items shown: the match gives a reason, not a priority.
    """
    waiting = {item.story.pk: item for item in items if item.story.already_checked is None}
    if not waiting:
        return
    best: dict[int, ClaimMatch] = {}
    matches = (
        ClaimMatch.objects.filter(claim__story_id__in=list(waiting))
        .select_related("factcheck")
        .annotate(story_id=F("claim__story_id"))
        .order_by("-score", "pk")
    )
    for match in matches:
        best.setdefault(match.story_id, match)
    for story_id, suggested in best.items():
        waiting[story_id].reasons.append(
            _("May already be checked: %(claim)s (%(verdict)s, match %(score).0f%%).")
            % {
                "claim": suggested.factcheck.claim_reviewed[:120],
                "verdict": suggested.factcheck.get_verdict_display(),
                "score": 100 * suggested.score,
            }
        )


def _spread_reasons(recent: int, hours: int) -> list[str]:
    if not recent:
        return []
    return [
        ngettext(
            "%(n)s new document in the last %(hours)s hours of data.",
            "%(n)s new documents in the last %(hours)s hours of data.",
            recent,
        )
        % {"n": recent, "hours": hours}
    ]


def _model_reasons(story: Story, triage: float | None, best_claim: float) -> list[str]:
    reasons = []
    if triage is not None:
        reasons.append(
            _("Triage model: %(score).0f%% likely to need a fact-check.") % {"score": 100 * triage}
        )
        reasons.extend(translate_reason(str(reason)) for reason in (story.triage_reasons or [])[:3])
    if best_claim:
        reasons.append(_("Most check-worthy claim: %(score).0f%%.") % {"score": 100 * best_claim})
    return reasons


def _window_hours(alert: Alert) -> int:
    return int((alert.window_end - alert.window_start).total_seconds() // 3600)
