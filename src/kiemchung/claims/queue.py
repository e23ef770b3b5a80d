"""The priority queue: which stories staff should look at first, and why, in words.

A story ranks high when it looks suspicious (``triage_service.suspicion``: the shipped
prior's cues of hoaxes and scams, with check-worthiness as one factor among them, blended
with the organisation's trained model once there is one) and when it spreads fast
(documents in the last day of data, an open spike alert). A story whose claim matches a
published fact-check is "already checked": it drops down the queue and links to the
fact-check instead of asking for work. Stories are scored in batches; only the stories
shown are explained. Models rank and suggest; nothing here labels or publishes anything.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import F, Max, Q, Sum
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kiemchung.claims.match_reasons import explain_all
from kiemchung.claims.models import ClaimMatch
from kiemchung.claims.triage_service import story_suspicion
from kiemchung.claims.triage_words import cue_reason
from kiemchung.stories.models import Alert, AlertStatus, Story, StoryBucket
from kiemchung.stories.queries import data_now
from kiemchung.text.shorten import shorten

SUSPICION_WEIGHT = 0.7
SPREAD_WEIGHT = 0.3
ALERT_BONUS = 0.2
ALREADY_CHECKED_FACTOR = 0.3
CANDIDATES = 400
SHOWN_CUES = 4


@dataclass
class QueueItem:
    story: Story
    priority: float
    recent: int
    reasons: list[str] = field(default_factory=list)


def priority_queue(
    limit: int | None = 30, hours: int = 24, every_story: bool = False
) -> list[QueueItem]:
    """The queue, best first: ``limit`` stories (None: all candidates); ``every_story``
    ranks every story, not only the spreading, alerted and most suspicious ones."""
    end = data_now()
    if end is None and not Story.objects.exists():
        return []
    recent = _recent_counts(end - timedelta(hours=hours)) if end is not None else {}
    alerted = set(Alert.objects.filter(status=AlertStatus.OPEN).values_list("story_id", flat=True))
    candidates = _candidates(set(recent) | alerted, every_story)
    _score_missing(candidates)
    for candidate in candidates:
        candidate.priority = priority(
            candidate.triage_score,
            recent.get(candidate.pk, 0),
            alerted=candidate.pk in alerted,
            already_checked=candidate.already_checked_id is not None,
        )
    candidates.sort(key=lambda candidate: (-candidate.priority, candidate.pk))
    # Only the stories shown are loaded whole, with their alerts, reasons and matches.
    shown = candidates if limit is None else candidates[:limit]
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
    cues: tuple[str, ...] | None = None


def _recent_counts(since: object) -> dict[int, int]:
    rows = (
        StoryBucket.objects.filter(hour__gte=since)
        .values("story_id")
        .annotate(n=Sum("count"))
        .order_by("-n")[:CANDIDATES]
    )
    return {row["story_id"]: int(row["n"]) for row in rows}


def _candidates(ids: set[int], every_story: bool = False) -> list[_Candidate]:
    """The stories that may rank: spreading, alerted, or among the most suspicious."""
    if every_story:
        stories = Story.objects.all()
    else:
        # Stories not scored yet first (they are scored below), then the most suspicious.
        ranked = Story.objects.order_by(F("triage_score").desc(nulls_first=True), "-last_seen")
        ids = ids | set(ranked.values_list("pk", flat=True)[: 2 * CANDIDATES])
        stories = Story.objects.filter(pk__in=ids)
    rows = stories.annotate(
        best_claim=Max(
            "claims__checkworthiness",
            filter=Q(claims__is_factual__isnull=True) | Q(claims__is_factual=True),
        )
    ).values_list("pk", "triage_score", "already_checked_id", "best_claim")
    return [
        _Candidate(pk, triage, checked, float(best or 0.0)) for pk, triage, checked, best in rows
    ]


def _score_missing(candidates: list[_Candidate]) -> None:
    """Stories the worker has not scored yet are scored now, in one batch (not saved)."""
    missing = [c for c in candidates if c.triage_score is None]
    for start in range(0, len(missing), 1000):
        chunk = missing[start : start + 1000]
        scored = story_suspicion([c.pk for c in chunk])
        for candidate in chunk:
            result = scored.get(candidate.pk)
            if result is not None:
                candidate.triage_score, candidate.cues = result.value, result.cues


def _open_alerts(story_ids: set[int]) -> dict[int, Alert]:
    alerts = Alert.objects.filter(status=AlertStatus.OPEN, story_id__in=story_ids)
    return {alert.story_id: alert for alert in alerts.order_by("window_end")}


def spread(recent: int) -> float:
    """0..1: documents in the last window of data, saturating."""
    return 1.0 - math.exp(-recent / 10.0)


def priority(
    suspicion: float | None, recent: int, alerted: bool = False, already_checked: bool = False
) -> float:
    """The queue's order: suspicion first, then spread; an open spike adds a bonus and a
    story already checked drops."""
    value = SUSPICION_WEIGHT * (suspicion or 0.0) + SPREAD_WEIGHT * spread(recent)
    if alerted:
        value += ALERT_BONUS
    if already_checked:
        value *= ALREADY_CHECKED_FACTOR
    return round(value, 4)


def _item(
    story: Story, candidate: _Candidate, recent: int, alert: Alert | None, hours: int
) -> QueueItem:
    best_claim = candidate.best_claim
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
    cues = candidate.cues if candidate.cues is not None else tuple(story.triage_reasons or ())
    reasons.extend(_model_reasons(candidate.triage_score, cues, best_claim))
    if story.already_checked is not None:
        reasons.append(
            _("Already checked: %(claim)s (%(verdict)s).")
            % {
                "claim": shorten(story.already_checked.claim_reviewed, 120),
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
        reason = _("May already be checked: %(claim)s (%(verdict)s, match %(score).0f%%).") % {
            "claim": shorten(suggested.factcheck.claim_reviewed, 120),
            "verdict": suggested.factcheck.get_verdict_display(),
            "score": 100 * suggested.score,
        }
        why = explain_all(suggested.findings or suggested.reasons or [])
        if why:
            reason += " " + _("Not certain: %(why)s.") % {"why": "; ".join(why)}
        waiting[story_id].reasons.append(reason)


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


def _model_reasons(suspicion: float | None, cues: Sequence[str], best_claim: float) -> list[str]:
    reasons = []
    if suspicion is not None:
        shown = ", ".join(cue_reason(str(code)) for code in list(cues)[:SHOWN_CUES])
        reasons.append(
            _("Suspicion: %(score).0f%% likely to need a fact-check.") % {"score": 100 * suspicion}
            + (" " + _("Cues: %(cues)s.") % {"cues": shown} if shown else "")
        )
    if best_claim:
        reasons.append(_("Most check-worthy claim: %(score).0f%%.") % {"score": 100 * best_claim})
    return reasons


def _window_hours(alert: Alert) -> int:
    return int((alert.window_end - alert.window_start).total_seconds() // 3600)
