"""The printed case record: the claim, the evidence, the comments, the verdict, who wrote
and who approved it, and the history, every person by name (``display_name``).

Staff only (whoever may see the case). Uploaded files are listed by name, never
embedded; a tipster's contact is never part of the record.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from kiemchung.cases.history import entry, model_field
from kiemchung.cases.models import AuditEvent, Case, Evidence, EvidenceKind
from kiemchung.claims.templatetags.vietnamese import verdict_label
from kiemchung.org.names import display_name
from kiemchung.publishing.printdoc import Item, PrintDocument, Section


def _when(moment: object) -> str:
    if moment is None:
        return ""
    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")  # type: ignore[arg-type]


def case_document(case: Case) -> PrintDocument:
    facts = [
        (_("Unit"), case.unit.name),
        (_("State"), str(case.get_state_display())),
        (_("Opened by"), f"{display_name(case.created_by)}, {_when(case.created_at)}"),
        (_("Assigned to"), display_name(case.assignee)),
        (_("Verdict written by"), display_name(case.verdict_by)),
        (_("Approved by"), display_name(case.reviewed_by)),
        (_("Published"), _when(case.published_at)),
        (_("Printed"), _when(timezone.now())),
    ]
    verdict = (
        Section(_("Rationale"), paragraphs=_paragraphs(case.rationale)),
        Section(_("Public summary"), paragraphs=_paragraphs(case.summary)),
    )
    sections = (
        Section(_("Claim to check"), paragraphs=_paragraphs(case.claim_text)),
        *(part for part in verdict if part.paragraphs),
        Section(
            _("Evidence"),
            items=tuple(evidence_item(item) for item in _evidence(case)),
            numbered=True,
            empty=_("No evidence yet."),
        ),
        Section(_("Comments"), items=_comments(case), empty=_("No comment.")),
        Section(_("History"), items=_history(case), empty=_("No history.")),
    )
    return PrintDocument(
        kicker=_("Case record"),
        title=f"#{case.pk} {case.title}",
        label=verdict_label(case.verdict) if case.verdict else "",
        label_class=f"verdict-{case.verdict}" if case.verdict else "",
        facts=tuple((name, value) for name, value in facts if value.strip(", ")),
        sections=sections,
        filename=f"ho-so-{case.pk}",
    )


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip())


def _evidence(case: Case) -> list[Evidence]:
    return list(case.evidence.select_related("added_by", "document"))


def evidence_item(item: Evidence) -> Item:
    """One piece of evidence: its title and address, the kind, who added it and when."""
    document = item.document
    url = item.url or (document.url if document is not None else "")
    title = item.title or (document.title if document is not None else "") or item.original_name
    if item.kind == EvidenceKind.FILE:
        title = _("File: %(name)s") % {"name": item.original_name or title}
    added = _("%(kind)s, added by %(who)s, %(when)s") % {
        "kind": item.get_kind_display(),
        "who": display_name(item.added_by),
        "when": _when(item.created_at),
    }
    note = f"{item.note}\n{added}" if item.note else added
    return Item(title or item.note[:120] or url, url, note)


def _comments(case: Case) -> tuple[Item, ...]:
    return tuple(
        Item(comment.text, note=f"{display_name(comment.author)}, {_when(comment.created_at)}")
        for comment in case.comments.select_related("author")
    )


def _history(case: Case) -> tuple[Item, ...]:
    events = list(
        AuditEvent.objects.filter(case=case).select_related("actor").order_by("created_at", "pk")
    )
    names = _names_of_logins(events)
    items = []
    for event in events:
        shown = entry(event)
        who = display_name(event.actor) or names.get(event.actor_name, event.actor_name) or "—"
        changes = []
        for (name, _values), change in zip(
            (event.changes or {}).items(), shown.changes, strict=True
        ):
            people = names if _is_person(event.object_type, name) else {}
            before, after = (
                people.get(change.before, change.before),
                people.get(change.after, change.after),
            )
            changes.append(f"{change.field}: {before} → {after}")
        items.append(Item(f"{_when(shown.when)} — {who} — {shown.action}", note="; ".join(changes)))
    return tuple(items)


def _is_person(object_type: str, name: str) -> bool:
    field = model_field(object_type, name)
    related = getattr(field, "related_model", None)
    return related is not None and related is get_user_model()


def _names_of_logins(events: list[AuditEvent]) -> dict[str, str]:
    """The history records people by login name (assignee, verdict author…): the printed
    record shows their names instead."""
    logins = {event.actor_name for event in events if event.actor_name}
    for event in events:
        for name, values in (event.changes or {}).items():
            if _is_person(event.object_type, name):
                logins.update(value for value in values if isinstance(value, str) and value)
    people = get_user_model().objects.filter(username__in=logins)
    return {person.get_username(): display_name(person) for person in people}
