"""Every change to a case goes through here, checked and written to the audit history.

Each function checks the permission table (``kiemchung.org.permissions``) in the case's
unit, changes the rows in one transaction, and writes one ``AuditEvent`` per changed
object with ``{"field": [before, after]}``. State changes go through the workflow table
(``kiemchung.cases.workflow``). Problems a person can fix raise ``ServiceError`` or
``TransitionError`` with a translated message; missing rights raise ``PermissionDenied``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Model, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kiemchung.cases.audit import Changes, audit
from kiemchung.cases.models import (
    AuditEvent,
    Case,
    CaseState,
    Comment,
    Evidence,
    EvidenceKind,
)
from kiemchung.cases.workflow import Transition, TransitionError, transition, transitions_from
from kiemchung.claims.extraction import score_sentence
from kiemchung.claims.models import CASE_VERDICTS, Claim, FactCheck, MatchDecision, Verdict
from kiemchung.core import events
from kiemchung.core.events import emit
from kiemchung.core.uploads import UploadRejected, check_upload
from kiemchung.org.models import Membership, OrgUnit
from kiemchung.org.permissions import Action, can, require, visible_units
from kiemchung.publishing.models import Tip, TipStatus
from kiemchung.publishing.services import (
    FACTUAL_VERDICTS,
    PublishRefused,
    public_evidence,
    publish_case,
)
from kiemchung.sources.models import Document
from kiemchung.stories.models import Story
from kiemchung.text.shorten import shorten

UserLike = User

HTTP_URL = URLValidator(schemes=["http", "https"])
TITLE_LENGTH = 300


class ServiceError(Exception):
    """A request the case desk refuses, with a message for the person who made it."""


class CaseAlreadyOpen(ServiceError):
    """An open case already covers this story or claim: work on it instead."""

    def __init__(self, case: Case) -> None:
        super().__init__(_("An open case already covers this: case #%(id)s.") % {"id": case.pk})
        self.case = case


# --- the audit history -------------------------------------------------------------


def _apply(obj: Model, **values: Any) -> Changes:
    """Set attributes and return only those that changed, as {field: [before, after]}."""
    changes: Changes = {}
    for field, new in values.items():
        old = getattr(obj, field)
        if old != new:
            changes[field] = [old, new]
            setattr(obj, field, new)
    return changes


def _locked(case: Case) -> Case:
    """The case row, re-read and locked for the rest of the transaction."""
    return Case.objects.select_for_update().select_related("unit").get(pk=case.pk)


def _sync(case: Case, fresh: Case) -> Case:
    """Bring the caller's instance up to date with what was saved."""
    if case is not fresh:
        case.refresh_from_db()
    return fresh


def _require_open(case: Case) -> None:
    if not case.is_open:
        raise ServiceError(_("This case is closed: it cannot be changed any more."))


# --- opening ------------------------------------------------------------------------


def find_open_duplicate(user: UserLike, *, story: Story | None, claim: Claim | None) -> Case | None:
    """An open case the user can see that already covers this claim (or this story)."""
    if claim is not None:
        found = Case.objects.open().filter(claim=claim)
    elif story is not None:
        found = Case.objects.open().filter(story=story)
    else:
        return None
    return found.filter(unit__in=visible_units(user)).order_by("created_at").first()


@transaction.atomic
def open_case(
    user: UserLike,
    unit: OrgUnit,
    *,
    title: str,
    claim_text: str,
    story: Story | None = None,
    claim: Claim | None = None,
    tip: Tip | None = None,
) -> Case:
    """Open a case in ``unit``. Raises ``CaseAlreadyOpen`` when one covers the claim."""
    require(user, Action.OPEN_CASE, unit)
    claim_text = claim_text.strip()
    if not claim_text:
        raise ServiceError(_("A case needs a claim to check."))
    title = (title.strip() or shorten(claim_text, 120))[:TITLE_LENGTH]
    existing = find_open_duplicate(user, story=story, claim=claim)
    if existing is not None:
        raise CaseAlreadyOpen(existing)
    case = Case.objects.create(
        unit=unit,
        title=title,
        claim_text=claim_text,
        story=story,
        claim=claim,
        tip=tip,
        created_by=user,
    )
    opened: dict[str, Any] = {
        "unit": unit.name,
        "title": title,
        "claim_text": claim_text,
        "state": case.state,
    }
    linked = {"story": story, "claim": claim, "tip": tip}
    opened |= {field: value for field, value in linked.items() if value is not None}
    audit(user, case, "case.open", {field: [None, value] for field, value in opened.items()})
    return case


def best_claim(story: Story) -> Claim | None:
    """The story's claim that best states a verifiable fact, scored again now (a stored
    score may predate the scorer), never one staff marked as not a factual claim."""
    claims = list(story.claims.exclude(is_factual=False).order_by("-checkworthiness", "pk"))
    if not claims:
        return None
    return max(claims, key=lambda claim: score_sentence(claim.text).value)


def open_from_story(user: UserLike, story: Story, unit: OrgUnit) -> Case:
    """A case for the story's most check-worthy claim (or its title when it has none)."""
    claim = best_claim(story)
    text = claim.text if claim is not None else story.title
    return open_case(user, unit, title=story.title, claim_text=text, story=story, claim=claim)


def open_from_claim(user: UserLike, claim: Claim, unit: OrgUnit) -> Case:
    title = shorten(claim.text, 120)
    return open_case(user, unit, title=title, claim_text=claim.text, story=claim.story, claim=claim)


@transaction.atomic
def open_from_tip(user: UserLike, tip: Tip, unit: OrgUnit) -> Case:
    """A case for a citizen's tip; the tip is marked "case opened"."""
    text = tip.text.strip() or tip.url
    title = shorten(text, 120) or _("Tip #%(id)s") % {"id": tip.pk}
    case = open_case(user, unit, title=title, claim_text=text or title, story=tip.story, tip=tip)
    changes = _apply(tip, status=TipStatus.CASE_OPENED)
    if changes:
        tip.save(update_fields=["status"])
        audit(user, case, "tip.status", changes, obj=tip)
    return case


# --- the claim and the public title ------------------------------------------------

CLAIM_EDIT_STATES = (CaseState.NEW, CaseState.VERIFYING)


@transaction.atomic
def edit_claim(user: UserLike, case: Case, claim_text: str, public_title: str) -> Case:
    """Reword the claim to check and write the public title, before the review only.

    The claim text is what the fact-check reviews (``claimReviewed``); the public title
    is the heading readers see. Each change is audited with the text before and after."""
    fresh = _locked(case)
    require(user, Action.WORK_CASE, fresh.unit)
    if fresh.state not in CLAIM_EDIT_STATES:
        raise ServiceError(_("The claim can only be changed before the case is sent for review."))
    claim_text = claim_text.strip()
    if not claim_text:
        raise ServiceError(_("A case needs a claim to check."))
    changes = _apply(fresh, claim_text=claim_text, public_title=public_title.strip()[:TITLE_LENGTH])
    if changes:
        fresh.save(update_fields=[*changes, "updated_at"])
        audit(user, fresh, "case.claim", changes)
    return _sync(case, fresh)


# --- assignment ---------------------------------------------------------------------


def assignable_users(case: Case) -> QuerySet[User]:
    """People who may work on the case: roles with case work in its unit or above it."""
    members = Membership.objects.filter(unit_id__in=case.unit.ancestor_ids())
    candidates = User.objects.filter(is_active=True, pk__in=members.values("user_id"))
    allowed = [u.pk for u in candidates if can(u, Action.WORK_CASE, case.unit)]
    return User.objects.filter(pk__in=allowed).order_by("first_name", "username")


@transaction.atomic
def assign(user: UserLike, case: Case, assignee: User | None) -> Case:
    """Assign (or unassign, with ``None``). Someone who works cases may take a free one."""
    fresh = _locked(case)
    taking = assignee is not None and assignee.pk == user.pk and fresh.assignee_id is None
    if not can(user, Action.ASSIGN_CASE, fresh.unit) and not (
        taking and can(user, Action.WORK_CASE, fresh.unit)
    ):
        raise PermissionDenied(Action.ASSIGN_CASE.value)
    _require_open(fresh)
    if assignee is not None and not can(assignee, Action.WORK_CASE, fresh.unit):
        raise ServiceError(_("This person cannot work on the cases of this unit."))
    changes = _apply(fresh, assignee=assignee)
    if changes:
        fresh.save(update_fields=["assignee", "updated_at"])
        audit(user, fresh, "case.take" if taking else "case.assign", changes)
    return _sync(case, fresh)


# --- the verdict --------------------------------------------------------------------


@transaction.atomic
def set_verdict(user: UserLike, case: Case, verdict: str, rationale: str, summary: str) -> Case:
    """Write the verdict. A new case moves to verifying: writing a verdict is verifying."""
    fresh = _locked(case)
    require(user, Action.WORK_CASE, fresh.unit)
    if fresh.state not in (CaseState.NEW, CaseState.VERIFYING):
        raise ServiceError(_("The verdict can only be changed while the case is being verified."))
    if verdict not in {code for code, _label in CASE_VERDICTS}:
        raise ServiceError(_("Choose a verdict from the list."))
    changes = _apply(
        fresh,
        state=CaseState.VERIFYING,
        verdict=verdict,
        rationale=rationale.strip(),
        summary=summary.strip(),
        verdict_by=user,
    )
    if changes:
        fresh.save()
        audit(user, fresh, "case.verdict", changes)
    return _sync(case, fresh)


def verdict_authors(case: Case) -> set[int]:
    """Everyone who wrote a version of the verdict: none of them may approve it."""
    authors = set(
        AuditEvent.objects.filter(case=case, action="case.verdict", actor__isnull=False)
        .values_list("actor_id", flat=True)
        .distinct()
    )
    if case.verdict_by_id is not None:
        authors.add(case.verdict_by_id)
    return authors


# --- state changes ------------------------------------------------------------------


def _check_in_review(case: Case) -> None:
    if not case.verdict or not case.rationale.strip():
        raise TransitionError(_("Write the verdict and its rationale before sending for review."))
    if not case.evidence.exists():
        raise TransitionError(_("Add at least one piece of evidence before sending for review."))
    if case.verdict in FACTUAL_VERDICTS and not public_evidence(case):
        raise TransitionError(
            _("A factual verdict needs at least one public link or cited document as evidence.")
        )


def _check_published(user: UserLike, case: Case) -> None:
    if not case.verdict:
        raise TransitionError(_("A case without a verdict cannot be published."))
    if user.pk in verdict_authors(case):
        raise TransitionError(
            _("Four eyes: the verdict must be approved by a reviewer who did not write it.")
        )


def _check_duplicate(user: UserLike, case: Case, duplicate_of: Case | None) -> None:
    if duplicate_of is None:
        raise TransitionError(_("Say which case this one duplicates."))
    if duplicate_of.pk == case.pk or duplicate_of.duplicate_of_id == case.pk:
        raise TransitionError(_("A case cannot be a duplicate of itself."))
    if not visible_units(user).filter(pk=duplicate_of.unit_id).exists():
        raise TransitionError(_("Case #%(id)s was not found.") % {"id": duplicate_of.pk})


@transaction.atomic
def change_state(
    user: UserLike,
    case: Case,
    target: str,
    *,
    duplicate_of: Case | None = None,
    factcheck: FactCheck | None = None,
    note: str = "",
) -> Case:
    """Move the case along the workflow, checking the transition's right and conditions.

    Closing as already checked needs ``factcheck``: the existing fact-check that answers
    the claim."""
    fresh = _locked(case)
    source = fresh.state
    try:
        step = transition(source, target)
    except TransitionError:
        raise TransitionError(
            _("A case cannot go from “%(source)s” to “%(target)s”.")
            % {"source": CaseState(source).label, "target": _label(target)}
        ) from None
    require(user, step.action, fresh.unit)
    changes = _enter(user, fresh, target, duplicate_of, factcheck)
    changes |= _apply(fresh, state=target)
    if note.strip():
        changes["note"] = [None, note.strip()]
    fresh.save()
    audit(user, fresh, "case.state", changes)
    if target == CaseState.PUBLISHED:
        _after_publishing(user, fresh)
    elif target == CaseState.OUT_OF_SCOPE:
        _mark_claim(user, fresh, is_factual=False)
    elif target == CaseState.ALREADY_CHECKED:
        _answer_with(user, fresh)
    _announce_state(fresh, source)
    return _sync(case, fresh)


def _announce_state(case: Case, source: str) -> None:
    data = {"case_id": case.pk, "from": source, "to": case.state, "title": case.title}
    emit(events.CASE_STATE_CHANGED, unit_id=case.unit_id, data=data)
    factcheck = case.factcheck
    if case.state == CaseState.PUBLISHED and factcheck is not None:
        published = {
            "case_id": case.pk,
            "factcheck_id": factcheck.pk,
            "claim": factcheck.claim_reviewed,
            "verdict": factcheck.verdict,
            "url": factcheck.url,
        }
        emit(events.FACTCHECK_PUBLISHED, unit_id=case.unit_id, data=published)


def _label(state: str) -> str:
    return str(CaseState(state).label) if state in CaseState.values else state


def _enter(
    user: UserLike,
    case: Case,
    target: str,
    duplicate_of: Case | None,
    factcheck: FactCheck | None,
) -> Changes:
    """Check the target state's conditions and set the fields that go with it."""
    if target == CaseState.IN_REVIEW:
        _check_in_review(case)
    elif target == CaseState.PUBLISHED:
        _check_published(user, case)
        return _apply(case, reviewed_by=user, published_at=timezone.now())
    elif target == CaseState.DUPLICATE:
        _check_duplicate(user, case, duplicate_of)
        return _apply(case, duplicate_of=duplicate_of)
    elif target == CaseState.ALREADY_CHECKED:
        _check_answer(case, factcheck)
        return _apply(case, answered_by=factcheck)
    elif target == CaseState.VERIFYING:
        return _apply(case, duplicate_of=None, answered_by=None)
    return {}


def _check_answer(case: Case, factcheck: FactCheck | None) -> None:
    if factcheck is None:
        raise TransitionError(_("Choose the fact-check that already answers this claim."))
    if case.factcheck_id is not None and factcheck.pk == case.factcheck_id:
        raise TransitionError(_("A case cannot be answered by its own fact-check."))


def _answer_with(user: UserLike, case: Case) -> None:
    """After closing as already checked: the story, the claim and the tip point to the
    existing fact-check, which is now their published answer."""
    factcheck = case.answered_by
    if factcheck is None:
        return
    if case.story is not None:
        story = case.story
        story_changes = _apply(story, already_checked=factcheck)
        if story_changes:
            story.save(update_fields=["already_checked"])
            audit(user, case, "story.already_checked", story_changes, obj=story)
    if case.claim is not None:
        claim = case.claim
        stored = claim.matches.filter(factcheck=factcheck).values_list("score", flat=True)
        claim_changes = _apply(
            claim,
            matched=factcheck,
            match_decision=MatchDecision.CONFIRMED,
            match_score=stored.first() if claim.matched_id != factcheck.pk else claim.match_score,
        )
        if claim_changes:
            claim.save(update_fields=["matched", "match_decision", "match_score"])
            audit(user, case, "claim.match", claim_changes, obj=claim)
    if case.tip is not None:
        tip = case.tip
        tip_changes = _apply(tip, factcheck=factcheck, status=TipStatus.ALREADY_CHECKED)
        if tip_changes:
            tip.save(update_fields=list(tip_changes))
            audit(user, case, "tip.status", tip_changes, obj=tip)


def _after_publishing(user: UserLike, case: Case) -> None:
    before = case.factcheck
    try:
        factcheck = publish_case(case)  # sets and saves case.factcheck
    except PublishRefused as exc:
        raise TransitionError(
            _("The fact-check cannot be published: %(reason)s.") % {"reason": exc}
        ) from exc
    audit(user, case, "case.factcheck", {"factcheck": [before, factcheck]})
    _mark_claim(user, case, is_factual=case.verdict != Verdict.OUT_OF_SCOPE)
    if case.story is not None:
        story = case.story
        story_changes = _apply(story, already_checked=factcheck)
        if story_changes:
            story.save(update_fields=["already_checked"])
            audit(user, case, "story.already_checked", story_changes, obj=story)


def _mark_claim(user: UserLike, case: Case, *, is_factual: bool) -> None:
    if case.claim is None:
        return
    claim = case.claim
    changes = _apply(claim, is_factual=is_factual)
    if changes:
        claim.save(update_fields=["is_factual"])
        audit(user, case, "claim.is_factual", changes, obj=claim)


# --- evidence and comments ----------------------------------------------------------


def _add_evidence(user: UserLike, case: Case, **fields: Any) -> Evidence:
    fresh = _locked(case)
    require(user, Action.WORK_CASE, fresh.unit)
    _require_open(fresh)
    evidence = Evidence.objects.create(case=fresh, added_by=user, **fields)
    recorded = {k: v for k, v in fields.items() if k != "file" and v not in ("", None, 0)}
    audit(
        user,
        fresh,
        "evidence.add",
        {field: [None, value] for field, value in recorded.items()},
        obj=evidence,
    )
    fresh.save(update_fields=["updated_at"])
    return evidence


@transaction.atomic
def add_evidence_link(
    user: UserLike, case: Case, url: str, title: str = "", note: str = ""
) -> Evidence:
    url = url.strip()
    try:
        HTTP_URL(url)
    except ValidationError:
        raise ServiceError(_("Only http:// and https:// links can be added.")) from None
    return _add_evidence(
        user,
        case,
        kind=EvidenceKind.LINK,
        url=url,
        title=title.strip()[:TITLE_LENGTH],
        note=note.strip(),
    )


@transaction.atomic
def add_evidence_note(user: UserLike, case: Case, text: str, title: str = "") -> Evidence:
    if not text.strip():
        raise ServiceError(_("The note is empty."))
    return _add_evidence(
        user, case, kind=EvidenceKind.NOTE, title=title.strip()[:TITLE_LENGTH], note=text.strip()
    )


def upload_limit_bytes() -> int:
    return int(settings.UPLOAD_MAX_MB) * 1024 * 1024


@transaction.atomic
def add_evidence_file(
    user: UserLike, case: Case, uploaded_file: UploadedFile[bytes], title: str = ""
) -> Evidence:
    """Store an allow-listed file under a random name; the upload's name is only shown."""
    require(user, Action.WORK_CASE, case.unit)
    _require_open(case)
    name = _display_name(uploaded_file.name or "")
    uploaded_file.seek(0)
    head = uploaded_file.read(512)
    uploaded_file.seek(0)
    try:
        content_type = check_upload(name, head, uploaded_file.size or 0, upload_limit_bytes())
    except UploadRejected as exc:
        raise ServiceError(_("The file was not accepted: %(reason)s.") % {"reason": exc}) from None
    evidence = Evidence(case=case)
    evidence.file.save(name, uploaded_file, save=False)
    stored = evidence.file
    try:
        return _add_evidence(
            user,
            case,
            kind=EvidenceKind.FILE,
            title=title.strip()[:TITLE_LENGTH],
            file=stored.name,
            original_name=name,
            content_type=content_type,
            size=uploaded_file.size or 0,
        )
    except BaseException:
        stored.delete(save=False)
        raise


def _display_name(filename: str) -> str:
    """The upload's own name without any folder part, for display and download only."""
    return filename.replace("\\", "/").rsplit("/", 1)[-1].strip()[:255] or "file"


@transaction.atomic
def add_evidence_document(
    user: UserLike, case: Case, document: Document, note: str = ""
) -> Evidence:
    """Cite an ingested document (found with the full-text search)."""
    if case.evidence.filter(document=document).exists():
        raise ServiceError(_("This document is already cited."))
    url = document.url if document.url.startswith(("http://", "https://")) else ""
    title = document.title or shorten(document.text, 120)
    return _add_evidence(
        user,
        case,
        kind=EvidenceKind.DOCUMENT,
        document=document,
        url=url[:2000],
        title=title[:TITLE_LENGTH],
        note=note.strip(),
    )


@transaction.atomic
def add_comment(user: UserLike, case: Case, text: str) -> Comment:
    require(user, Action.COMMENT_CASE, case.unit)
    text = text.strip()
    if not text:
        raise ServiceError(_("The comment is empty."))
    comment = Comment.objects.create(case=case, author=user, text=text)
    audit(user, case, "comment.add", {"text": [None, text]}, obj=comment)
    return comment


# --- reading ------------------------------------------------------------------------


def visible_cases(user: UserLike) -> QuerySet[Case]:
    return Case.objects.filter(unit__in=visible_units(user))


def allowed_transitions(user: UserLike, case: Case) -> list[Transition]:
    """The workflow steps from the case's state that this user may take."""
    return [t for t in transitions_from(case.state) if can(user, t.action, case.unit)]
