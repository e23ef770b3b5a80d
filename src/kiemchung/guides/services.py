"""Every change to a guide goes through here, checked and written to the audit history.

Rights come from ``kiemchung.org.permissions`` in the guide's unit: writing needs
``guide.write``, reviewing ``guide.review``. Like a verdict, a guide is published only by
a reviewer who wrote none of it (``authors``). Text is edited only in draft.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kiemchung.cases.audit import audit
from kiemchung.cases.models import AuditEvent
from kiemchung.claims.models import FactCheck
from kiemchung.guides.models import Guide, GuideStatus
from kiemchung.guides.workflow import (
    GuideTransitionError,
    Transition,
    transition,
    transitions_from,
)
from kiemchung.org.models import OrgUnit
from kiemchung.org.permissions import Action, can, require, visible_units

SLUG_LENGTH = 80
TEXT_FIELDS = ("title", "summary", "body", "topic")


@dataclass(frozen=True)
class GuideText:
    title: str
    summary: str
    body: str
    topic: str


def vietnamese_slug(title: str) -> str:
    """An ASCII address from a Vietnamese title: "Nhận diện tin nhắn" → "nhan-dien-tin-nhan"."""
    plain = title.replace("đ", "d").replace("Đ", "D")
    plain = unicodedata.normalize("NFKD", plain)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    slug = slugify(plain)[:SLUG_LENGTH].strip("-")
    return slug or "cam-nang"


def unique_slug(title: str, exclude: int | None = None) -> str:
    base = vietnamese_slug(title)
    others = Guide.objects.filter(slug__startswith=base)
    if exclude is not None:
        others = others.exclude(pk=exclude)
    taken = set(others.values_list("slug", flat=True))
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def visible_guides(user: Any) -> QuerySet[Guide]:
    """Guides of the units whose desk the user sees."""
    return Guide.objects.filter(unit__in=visible_units(user))


def published_guides() -> QuerySet[Guide]:
    return Guide.objects.published().order_by("-published_at", "-pk")


def guides_for(factcheck: FactCheck) -> QuerySet[Guide]:
    """The published guides that name this fact-check as related."""
    return published_guides().filter(related_factchecks=factcheck)


def authors(guide: Guide) -> set[int]:
    """Everyone who wrote a version of the guide: none of them may approve it."""
    found = set(
        AuditEvent.objects.filter(
            object_type="guide",
            object_id=str(guide.pk),
            action__in=("guide.create", "guide.edit"),
            actor__isnull=False,
        ).values_list("actor_id", flat=True)
    )
    found.add(guide.author_id)
    return found


def history(guide: Guide) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(object_type="guide", object_id=str(guide.pk)).select_related(
        "actor"
    )


@transaction.atomic
def create_guide(
    user: User, unit: OrgUnit, text: GuideText, related: Iterable[FactCheck] = ()
) -> Guide:
    require(user, Action.WRITE_GUIDE, unit)
    guide = Guide.objects.create(
        unit=unit,
        slug=unique_slug(text.title),
        author=user,
        **{name: getattr(text, name).strip() for name in TEXT_FIELDS},
    )
    guide.related_factchecks.set(list(related))
    audit(user, None, "guide.create", {"title": ["", guide.title]}, obj=guide)
    return guide


@transaction.atomic
def edit_guide(
    user: User, guide: Guide, text: GuideText, related: Iterable[FactCheck] = ()
) -> Guide:
    require(user, Action.WRITE_GUIDE, guide.unit)
    if guide.status != GuideStatus.DRAFT:
        raise GuideTransitionError(_("Only a draft can be edited: send it back to draft first."))
    changes: dict[str, list[Any]] = {}
    for name in TEXT_FIELDS:
        value = getattr(text, name).strip()
        if getattr(guide, name) != value:
            changes[name] = [getattr(guide, name), value]
            setattr(guide, name, value)
    before = sorted(guide.related_factchecks.values_list("pk", flat=True))
    after = sorted(factcheck.pk for factcheck in related)
    if before != after:
        changes["related_factchecks"] = [before, after]
        guide.related_factchecks.set(after)
    if changes:
        if guide.published_at is None and "title" in changes:
            guide.slug = unique_slug(guide.title, exclude=guide.pk)
        guide.save()
        audit(user, None, "guide.edit", _short(changes), obj=guide)
    return guide


def _short(changes: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """The history keeps the long texts' change, not the texts themselves."""
    long_fields = {"body", "summary"}
    return {name: ["…", "…"] if name in long_fields else values for name, values in changes.items()}


def allowed_transitions(user: User, guide: Guide) -> list[Transition]:
    """The workflow steps this user may take; publishing never for one of its authors."""
    steps = [t for t in transitions_from(guide.status) if can(user, t.action, guide.unit)]
    if user.pk in authors(guide):
        steps = [t for t in steps if t.target != GuideStatus.PUBLISHED]
    return steps


@transaction.atomic
def change_status(user: User, guide: Guide, target: str) -> Guide:
    step = transition(guide.status, target)
    require(user, step.action, guide.unit)
    before = guide.status
    if target == GuideStatus.PUBLISHED:
        _check_publishable(user, guide)
        guide.reviewer = user
        guide.published_at = guide.published_at or timezone.now()
    if target == GuideStatus.DRAFT:
        guide.reviewer = None
    if target == GuideStatus.IN_REVIEW:
        _check_complete(guide)
    guide.status = target
    guide.save()
    audit(user, None, "guide.status", {"status": [before, target]}, obj=guide)
    return guide


def _check_complete(guide: Guide) -> None:
    if not (guide.title.strip() and guide.summary.strip() and guide.body.strip()):
        raise GuideTransitionError(_("Write the title, the summary and the text first."))


def _check_publishable(user: User, guide: Guide) -> None:
    _check_complete(guide)
    if user.pk in authors(guide):
        raise GuideTransitionError(
            _("Four eyes: a guide must be approved by a reviewer who did not write it.")
        )
