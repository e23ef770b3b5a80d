"""Training sessions: who sees them, recording one with its participants, attendance and
quiz scores, and its materials. Every change is audited; permissions come from the one
table in ``kiemchung.org.permissions``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from kiemchung.cases.audit import audit
from kiemchung.core.uploads import ALLOWED, UploadRejected, check_upload
from kiemchung.org.models import OrgUnit
from kiemchung.org.permissions import Action, can, require, units_where
from kiemchung.training.models import Material, OutsideGroup, Participant, TrainingSession

# Case evidence's file types, plus slides.
MATERIAL_TYPES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    **{suffix: kind for suffix, kind in ALLOWED.items() if suffix != ".mp4"},
    ".pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        (b"PK\x03\x04",),
    ),
}
SESSION_FIELDS = (
    "topic",
    "description",
    "starts_at",
    "duration_minutes",
    "place",
    "online",
    "trainer",
    "audience",
)


class TrainingRefused(ValueError):
    """A change the desk refuses, with a message for the person asking."""


@dataclass(frozen=True)
class GroupRow:
    """Outside participants as typed in the form."""

    audience: str
    count: int
    description: str = ""
    score_before: int | None = None
    score_after: int | None = None


@dataclass(frozen=True)
class AttendanceRow:
    participant_id: int
    attended: bool
    score_before: int | None = None
    score_after: int | None = None


def visible_sessions(user: Any) -> QuerySet[TrainingSession]:
    """Sessions of the units the user sees (theirs and below), and those they attend."""
    units = units_where(user, Action.VIEW_TRAINING)
    mine = Q(participants__user_id=getattr(user, "pk", None))
    return (
        TrainingSession.objects.filter(Q(unit__in=units) | mine).select_related("unit").distinct()
    )


def managed_units(user: Any) -> QuerySet[OrgUnit]:
    return units_where(user, Action.MANAGE_TRAINING)


def choosable_members(unit: OrgUnit) -> QuerySet[Any]:
    """People who may be picked for a session: members of the unit and the units below."""
    return (
        get_user_model()
        .objects.filter(memberships__unit__path__startswith=unit.path, is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def _check_members(unit: OrgUnit, members: list[Any]) -> None:
    allowed = set(choosable_members(unit).values_list("pk", flat=True))
    if any(member.pk not in allowed for member in members):
        raise TrainingRefused(_("Pick members of this unit or the units below it."))


@transaction.atomic
def create_session(
    user: Any,
    unit: OrgUnit,
    *,
    members: list[Any] | None = None,
    groups: list[GroupRow] | None = None,
    **fields: Any,
) -> TrainingSession:
    """Record a session of ``unit`` with the members picked and the outside groups."""
    require(user, Action.MANAGE_TRAINING, unit)
    members = members or []
    _check_members(unit, members)
    session = TrainingSession.objects.create(
        unit=unit, created_by=user, **{k: v for k, v in fields.items() if k in SESSION_FIELDS}
    )
    Participant.objects.bulk_create(Participant(session=session, user=m) for m in members)
    _add_groups(session, groups or [])
    audit(
        user,
        None,
        "training.created",
        {
            "topic": [None, session.topic],
            "starts_at": [None, session.starts_at],
            "members": [None, len(members)],
            "outside": [None, sum(g.count for g in groups or [])],
        },
        obj=session,
    )
    return session


def _add_groups(session: TrainingSession, groups: list[GroupRow]) -> None:
    OutsideGroup.objects.bulk_create(
        OutsideGroup(
            session=session,
            audience=g.audience,
            count=g.count,
            description=g.description,
            score_before=g.score_before,
            score_after=g.score_after,
        )
        for g in groups
        if g.count > 0
    )


@transaction.atomic
def update_session(
    user: Any,
    session: TrainingSession,
    *,
    members: list[Any],
    groups: list[GroupRow],
    **fields: Any,
) -> TrainingSession:
    """Change a session: its details, the members picked (attendance of those kept stays)
    and its outside groups (replaced by the ones given)."""
    require(user, Action.MANAGE_TRAINING, session.unit)
    _check_members(session.unit, members)
    changes: dict[str, list[Any]] = {}
    for name in SESSION_FIELDS:
        if name in fields and fields[name] != getattr(session, name):
            changes[name] = [getattr(session, name), fields[name]]
            setattr(session, name, fields[name])
    if "starts_at" in changes:
        session.participants.update(reminded_at=None)
    session.save()
    wanted = {m.pk for m in members}
    current = set(session.participants.values_list("user_id", flat=True))
    session.participants.exclude(user_id__in=wanted).delete()
    Participant.objects.bulk_create(
        Participant(session=session, user=m) for m in members if m.pk not in current
    )
    if wanted != current:
        changes["members"] = [len(current), len(wanted)]
    session.groups.all().delete()
    _add_groups(session, groups)
    audit(user, None, "training.updated", changes, obj=session)
    return session


@transaction.atomic
def record_attendance(user: Any, session: TrainingSession, rows: list[AttendanceRow]) -> int:
    """Mark who came and their quiz scores; returns how many attended."""
    require(user, Action.MANAGE_TRAINING, session.unit)
    by_id = {p.pk: p for p in session.participants.all()}
    for row in rows:
        participant = by_id.get(row.participant_id)
        if participant is None:
            raise PermissionDenied(Action.MANAGE_TRAINING.value)
        participant.attended = row.attended
        participant.score_before = row.score_before
        participant.score_after = row.score_after
    Participant.objects.bulk_update(
        list(by_id.values()), ["attended", "score_before", "score_after"]
    )
    attended = sum(1 for p in by_id.values() if p.attended)
    audit(user, None, "training.attendance", {"attended": [None, attended]}, obj=session)
    return attended


@transaction.atomic
def delete_session(user: Any, session: TrainingSession) -> None:
    require(user, Action.MANAGE_TRAINING, session.unit)
    audit(user, None, "training.deleted", {"topic": [session.topic, None]}, obj=session)
    for material in session.materials.all():
        material.file.delete(save=False)
    session.delete()


# --- materials ---------------------------------------------------------------------------


def material_limit_bytes() -> int:
    return int(settings.TRAINING_MATERIAL_MAX_MB) * 1024 * 1024


def _display_name(filename: str) -> str:
    """The upload's own name without any folder part, for display and download only."""
    return filename.replace("\\", "/").rsplit("/", 1)[-1].strip()[:255] or "file"


@transaction.atomic
def add_material(
    user: Any, session: TrainingSession, uploaded: UploadedFile[bytes], title: str = ""
) -> Material:
    """Store an allow-listed file under a random name; the upload's name is only shown."""
    require(user, Action.MANAGE_TRAINING, session.unit)
    name = _display_name(uploaded.name or "")
    uploaded.seek(0)
    head = uploaded.read(512)
    uploaded.seek(0)
    size = uploaded.size or 0
    try:
        content_type = check_upload(name, head, size, material_limit_bytes(), MATERIAL_TYPES)
    except UploadRejected as exc:
        raise TrainingRefused(
            _("The file was not accepted: %(reason)s.") % {"reason": exc}
        ) from None
    material = Material(
        session=session,
        title=title.strip()[:300],
        original_name=name,
        content_type=content_type,
        size=size,
        uploaded_by=user,
    )
    material.file.save(name, uploaded, save=False)
    try:
        material.save()
        audit(user, None, "training.material", {"file": [None, name]}, obj=session)
    except BaseException:
        material.file.delete(save=False)
        raise
    return material


def may_manage(user: Any, session: TrainingSession) -> bool:
    return can(user, Action.MANAGE_TRAINING, session.unit)


def upcoming(user: Any, now: datetime, until: datetime, limit: int = 8) -> list[TrainingSession]:
    """The user's next sessions (of their units or attended by them), soonest first."""
    return list(
        visible_sessions(user)
        .filter(starts_at__gte=now, starts_at__lt=until)
        .order_by("starts_at", "pk")[:limit]
    )
