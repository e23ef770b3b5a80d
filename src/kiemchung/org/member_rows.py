"""The checks a row of a member list must pass, one function each.

The page's upload, the ``kiemchung members import`` command and the account form use the
same checks: each returns the clean value or raises ``RowRefused`` with the reason in
words, so the import report can say which row failed and why.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext as _

from kiemchung.org.models import OrgUnit, Role

MAX_NAME = 150
MAX_POSITION = 200


class RowRefused(ValueError):
    """A row (or a form's value) the member list cannot take, with the reason."""


@dataclass(frozen=True)
class MemberRow:
    """One person of a member list, checked and cleaned."""

    number: int
    full_name: str
    position: str
    unit: OrgUnit
    role: str
    phone: str
    email: str
    role_given: bool = True  # False: the cell was empty, and member is only the default

    def identity(self) -> tuple[str, ...]:
        """Who the row is: email, else phone, else name and unit."""
        if self.email:
            return ("email", self.email.lower())
        if self.phone:
            return ("phone", self.phone)
        return ("name", fold(self.full_name), str(self.unit.pk))


def fold(text: str) -> str:
    """Text compared loosely: composed Unicode, lower case, single spaces."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def check_name(value: str) -> str:
    name = " ".join(unicodedata.normalize("NFC", value).split())
    if not name:
        raise RowRefused(_("The full name is missing."))
    if len(name) > MAX_NAME:
        raise RowRefused(_("The full name is too long."))
    return name


def check_position(value: str) -> str:
    position = " ".join(value.split())
    if len(position) > MAX_POSITION:
        raise RowRefused(_("The position is too long."))
    return position


def check_email(value: str) -> str:
    email = value.strip()
    if not email:
        return ""
    try:
        validate_email(email)
    except ValidationError as exc:
        raise RowRefused(_("“%(email)s” is not an email address.") % {"email": email}) from exc
    return email


# Mobile numbers: 0 and nine digits (03…, 05…, 07…, 08…, 09…); landlines: 02 and nine.
_PHONE = re.compile(r"0(?:[35789]\d{8}|2\d{9})")


def check_phone(value: str) -> str:
    """A Vietnamese phone number, written 0xxxxxxxxx (from +84…, 84… or with spaces)."""
    raw = value.strip()
    if not raw:
        return ""
    digits = re.sub(r"[\s.\-()]", "", raw)
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    elif len(digits) in (9, 10) and digits[0] in "2356789":
        digits = "0" + digits  # a spreadsheet dropped the leading zero
    if not _PHONE.fullmatch(digits):
        raise RowRefused(_("“%(phone)s” is not a Vietnamese phone number.") % {"phone": raw})
    return digits


def role_names() -> dict[str, str]:
    """Every way a list may write a role: code, English and Vietnamese names, and aliases."""
    names: dict[str, str] = {fold(code): code for code in Role.values}
    for language in ("en", "vi"):
        with translation.override(language):
            names.update({fold(str(label)): code for code, label in Role.choices})
    names.update({fold(alias): code for alias, code in ROLE_ALIASES.items()})
    return names


ROLE_ALIASES: dict[str, str] = {
    "trưởng ban": Role.HEAD,
    "phó ban": Role.DEPUTY,
    "phó trưởng ban": Role.DEPUTY,
    "ủy viên": Role.MEMBER,
    "uỷ viên": Role.MEMBER,
    "thành viên": Role.MEMBER,
    "thư ký": Role.SECRETARIAT,
    "tổ thư ký": Role.SECRETARIAT,
    "cộng tác viên": Role.COLLABORATOR,
    "ctv": Role.COLLABORATOR,
}


def check_role(value: str, names: dict[str, str] | None = None) -> str:
    """A role by name; an empty cell is the least rights: member."""
    if not value.strip():
        return Role.MEMBER
    role = (names or role_names()).get(fold(value))
    if role is None:
        raise RowRefused(_("Unknown role “%(role)s”.") % {"role": value.strip()})
    return role


def check_unit(value: str, units: QuerySet[OrgUnit], default: OrgUnit | None) -> OrgUnit:
    """A unit by number or exact name, among ``units`` (those the importer manages)."""
    text = value.strip()
    if not text:
        if default is None:
            raise RowRefused(_("The unit is missing."))
        return default
    if text.isdigit():
        found = list(units.filter(pk=int(text)))
    else:
        wanted = fold(text)
        found = [unit for unit in units if fold(unit.name) == wanted]
    if not found:
        raise RowRefused(_("Unknown unit “%(unit)s”.") % {"unit": text})
    if len(found) > 1:
        raise RowRefused(
            _("Several units are called “%(unit)s”: write the unit's number.") % {"unit": text}
        )
    return found[0]


def check_not_seen(row: MemberRow, seen: dict[tuple[str, ...], int]) -> None:
    """The same person twice in one list: the first row counts."""
    first = seen.get(row.identity())
    if first is not None:
        raise RowRefused(_("The same person as row %(row)d.") % {"row": first})
    seen[row.identity()] = row.number


def check_row(
    number: int,
    cells: dict[str, Any],
    *,
    units: QuerySet[OrgUnit],
    default_unit: OrgUnit | None,
    roles: dict[str, str],
) -> MemberRow:
    """Every check on one row, in the order a person would read the columns."""

    def cell(name: str) -> str:
        value = cells.get(name)
        return "" if value is None else str(value).strip()

    return MemberRow(
        number=number,
        full_name=check_name(cell("full_name")),
        position=check_position(cell("position")),
        unit=check_unit(cell("unit"), units, default_unit),
        role=check_role(cell("role"), roles),
        phone=check_phone(cell("phone")),
        email=check_email(cell("email")),
        role_given=bool(cell("role")),
    )
