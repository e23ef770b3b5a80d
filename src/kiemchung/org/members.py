"""Members and their accounts, without the admin: the directory, new accounts, the
set-password link, (de)activation and roles. Every change is audited; every permission
comes from ``kiemchung.org.permissions``."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from kiemchung.cases.audit import audit
from kiemchung.org.member_rows import MemberRow, fold
from kiemchung.org.models import MemberProfile, Membership, OrgUnit, Role
from kiemchung.org.names import display_name
from kiemchung.org.permissions import (
    Action,
    can,
    may_grant,
    may_manage_account,
    units_where,
    visible_units,
)
from kiemchung.org.services import MembershipRefused

User = get_user_model()


# --- the directory ----------------------------------------------------------------------


@dataclass
class DirectoryRow:
    """A person in one unit, with the roles they hold there."""

    person: Any
    unit: OrgUnit
    roles: list[Membership] = field(default_factory=list)
    contacts: bool = False

    @property
    def profile(self) -> MemberProfile | None:
        return getattr(self.person, "member_profile", None)


def directory_units(viewer: Any, unit: OrgUnit | None = None) -> QuerySet[OrgUnit]:
    """Units whose people the viewer sees: ``unit`` and below, if the viewer sees it."""
    units = visible_units(viewer) | units_where(viewer, Action.MANAGE_MEMBERS)
    if unit is not None:
        units = units.filter(path__startswith=unit.path)
    return units.distinct()


def directory(
    viewer: Any, unit: OrgUnit | None = None, role: str = "", query: str = ""
) -> list[DirectoryRow]:
    """Everyone in the viewer's units (or ``unit`` and below), by unit then full name."""
    units = directory_units(viewer, unit)
    held = Membership.objects.filter(unit__in=units).select_related(
        "user", "user__member_profile", "unit", "agency"
    )
    if role:
        held = held.filter(role=role)
    if query:
        held = held.filter(
            Q(user__first_name__icontains=query)
            | Q(user__last_name__icontains=query)
            | Q(user__member_profile__position__icontains=query)
        )
    return _rows(held, viewer)


def rows_in(units: QuerySet[OrgUnit]) -> list[DirectoryRow]:
    """Everyone in ``units``, with contacts (for the list export)."""
    held = Membership.objects.filter(unit__in=units).select_related(
        "user", "user__member_profile", "unit"
    )
    return _rows(held, None)


def _rows(held: QuerySet[Membership], viewer: Any) -> list[DirectoryRow]:
    rows: dict[tuple[int, int], DirectoryRow] = {}
    for membership in held:
        key = (membership.unit_id, membership.user_id)
        row = rows.get(key)
        if row is None:
            contacts = viewer is None or can(viewer, Action.SEE_MEMBER_CONTACTS, membership.unit)
            row = rows[key] = DirectoryRow(membership.user, membership.unit, contacts=contacts)
        row.roles.append(membership)
    return sorted(rows.values(), key=lambda r: (r.unit.path, fold(display_name(r.person))))


def visible_person(viewer: Any, person_id: int) -> Any:
    """A person the viewer may see in the directory, or ``None``."""
    units = directory_units(viewer)
    return (
        User.objects.filter(pk=person_id, memberships__unit__in=units)
        .select_related("member_profile")
        .distinct()
        .first()
    )


def profile_of(person: Any) -> MemberProfile:
    profile, _created = MemberProfile.objects.get_or_create(user=person)
    return profile


# --- accounts ----------------------------------------------------------------------------


def find_person(row: MemberRow) -> Any:
    """The account a list's row names: by email, else phone, else full name in the unit.

    A row whose email no account has yet may still be someone known by phone or by name
    who had no email (a list that adds an email updates, it does not duplicate).
    """
    people = User.objects.select_related("member_profile").order_by("pk")
    if row.email:
        found = people.filter(email__iexact=row.email).first()
        if found is not None:
            return found
        people = people.filter(email="")
    if row.phone:
        found = people.filter(member_profile__phone=row.phone).first()
        if found is not None:
            return found
    wanted = fold(row.full_name)
    for person in people.filter(memberships__unit=row.unit).distinct():
        phone = getattr(getattr(person, "member_profile", None), "phone", "")
        if fold(display_name(person)) == wanted and not (row.phone and phone):
            return person
    return None


def login_name_for(row: MemberRow) -> str:
    """A free login name: the email, else the phone, else the name written plainly."""
    base = row.email.lower() or row.phone or _plain(row.full_name) or "thanh-vien"
    name, serial = base[:140], 1
    while User.objects.filter(username__iexact=name).exists():
        serial += 1
        name = f"{base[:140]}-{serial}"
    return name


def _plain(text: str) -> str:
    stripped = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = stripped.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", ".", ascii_text).strip(".")


def _may_give(actor: Any, role: str, unit: OrgUnit) -> None:
    if actor is not None and not may_grant(actor, role, unit):
        raise PermissionDenied(Action.MANAGE_MEMBERS.value)


@transaction.atomic
def create_account(actor: Any, row: MemberRow) -> Any:
    """A new account with no password (it is set from the emailed link) and its role."""
    _may_give(actor, row.role, row.unit)
    if row.role == Role.LIAISON:
        raise MembershipRefused(_("A liaison is added from the organisation page."))
    if row.email and User.objects.filter(email__iexact=row.email).exists():
        raise MembershipRefused(_("An account already uses this email address."))
    person = User(username=login_name_for(row), first_name=row.full_name, email=row.email)
    person.set_unusable_password()
    person.save()
    MemberProfile.objects.create(user=person, position=row.position, phone=row.phone)
    membership = Membership.objects.create(user=person, unit=row.unit, role=row.role)
    audit(
        actor,
        None,
        "member.created",
        {"user": [None, person], "unit": [None, row.unit.name], "role": [None, row.role]},
        obj=membership,
    )
    return person


@transaction.atomic
def update_details(actor: Any, person: Any, row: MemberRow) -> list[str]:
    """Name, position, phone and email from a list's row; the fields that changed."""
    if actor is not None and not may_manage_account(actor, person):
        raise PermissionDenied(Action.MANAGE_MEMBERS.value)
    profile = profile_of(person)
    changes: dict[str, list[Any]] = {}
    for obj, name, value in (
        (person, "first_name", row.full_name),
        (person, "email", row.email or person.email),
        (profile, "position", row.position),
        (profile, "phone", row.phone or profile.phone),
    ):
        if getattr(obj, name) != value:
            changes[name] = [getattr(obj, name), value]
            setattr(obj, name, value)
    if changes:
        person.save()
        profile.save()
        audit(actor, None, "member.updated", _without_contacts(changes), obj=person)
    return list(changes)


CONTACT_FIELDS = ("email", "phone")


def _without_contacts(changes: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """The history says a contact changed, never what it was or became (least data)."""
    hidden = [None, "…"]
    return {name: hidden if name in CONTACT_FIELDS else values for name, values in changes.items()}


@transaction.atomic
def give_role(actor: Any, person: Any, unit: OrgUnit, role: str) -> bool:
    """Add ``role`` in ``unit`` if the person does not hold it yet; True when added."""
    _may_give(actor, role, unit)
    if role == Role.LIAISON:
        raise MembershipRefused(_("A liaison is added from the organisation page."))
    membership, created = Membership.objects.get_or_create(user=person, unit=unit, role=role)
    if created:
        audit(
            actor,
            None,
            "membership.added",
            {"role": [None, role], "user": [None, person]},
            obj=membership,
        )
    return created


@transaction.atomic
def change_role(actor: Any, membership: Membership, role: str) -> Membership:
    """Replace a role by another in the same unit; never your own head role."""
    if role == membership.role:
        return membership
    if role not in Role.values or role == Role.LIAISON:
        raise MembershipRefused(_("Choose a role from the list."))
    _may_give(actor, membership.role, membership.unit)
    _may_give(actor, role, membership.unit)
    if membership.user_id == getattr(actor, "pk", None) and membership.role == Role.HEAD:
        raise MembershipRefused(_("You cannot remove your own head role."))
    if Membership.objects.filter(user=membership.user, unit=membership.unit, role=role).exists():
        raise MembershipRefused(
            _("%(user)s already has this role here.") % {"user": display_name(membership.user)}
        )
    before = membership.role
    membership.role = role
    membership.agency = None
    membership.save(update_fields=["role", "agency"])
    audit(actor, None, "membership.changed", {"role": [before, role]}, obj=membership)
    return membership


@transaction.atomic
def set_active(actor: Any, person: Any, active: bool) -> None:
    """Deactivate (the person can no longer log in) or reactivate an account."""
    if not may_manage_account(actor, person):
        raise PermissionDenied(Action.MANAGE_MEMBERS.value)
    if person.pk == getattr(actor, "pk", None):
        raise MembershipRefused(_("You cannot deactivate your own account."))
    if person.is_active == active:
        return
    person.is_active = active
    person.save(update_fields=["is_active"])
    audit(actor, None, "member.active", {"is_active": [not active, active]}, obj=person)


# --- the set-password link ----------------------------------------------------------------


def set_password_link(person: Any, site_url: str) -> str:
    """The one-time link to choose a password (Django's password-reset token)."""
    uid = urlsafe_base64_encode(force_bytes(person.pk))
    token = default_token_generator.make_token(person)
    path = reverse("org:set_password", kwargs={"uidb64": uid, "token": token})
    return site_url.rstrip("/") + path


def send_set_password_link(actor: Any, person: Any, site_url: str) -> None:
    """Email the person a link to choose their password (new account or forgotten one)."""
    if not may_manage_account(actor, person):
        raise PermissionDenied(Action.MANAGE_MEMBERS.value)
    if not person.is_active:
        raise MembershipRefused(_("Reactivate the account first."))
    if not person.email:
        raise MembershipRefused(_("This person has no email address."))
    link = set_password_link(person, site_url)
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Choose your password for Kiểm chứng")
        body = "\n\n".join(
            (
                _("Hello %(name)s,") % {"name": display_name(person)},
                _("An account was opened for you. Your login name is: %(login)s")
                % {"login": person.get_username()},
                _("Choose your password with this link (it works once, for %(days)d days):")
                % {"days": max(settings.PASSWORD_RESET_TIMEOUT // 86400, 1)},
                link,
            )
        )
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [person.email])
    audit(actor, None, "member.link_sent", {"link": [None, "email"]}, obj=person)
