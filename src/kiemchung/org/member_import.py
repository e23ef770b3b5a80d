"""Member lists in and out: the Excel or CSV lists offices already keep.

``import_members`` reads a list whose columns are named in Vietnamese (họ và tên, chức
vụ, đơn vị, vai trò, điện thoại, email), checks each row with
``kiemchung.org.member_rows``, creates or updates the good rows and reports each bad one
with its number and reason. Re-importing updates and never duplicates: a row is the
same person as an account with its email, else its phone, else its full name in its
unit. A list never takes a role away: that is done on the page, with confirmation.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from kiemchung.org import members
from kiemchung.org.member_rows import (
    MemberRow,
    RowRefused,
    check_not_seen,
    check_row,
    fold,
    role_names,
)
from kiemchung.org.models import OrgUnit, Role
from kiemchung.org.names import display_name
from kiemchung.org.permissions import Action, may_manage_account, units_where
from kiemchung.org.services import MembershipRefused

# Column names as offices write them, and the field each one fills.
HEADERS: dict[str, str] = {
    "họ và tên": "full_name",
    "họ tên": "full_name",
    "full name": "full_name",
    "chức vụ": "position",
    "position": "position",
    "đơn vị": "unit",
    "unit": "unit",
    "vai trò": "role",
    "role": "role",
    "điện thoại": "phone",
    "số điện thoại": "phone",
    "sđt": "phone",
    "phone": "phone",
    "email": "email",
    "thư điện tử": "email",
}
EXPORT_HEADERS = ("Họ và tên", "Chức vụ", "Đơn vị", "Vai trò", "Điện thoại", "Email", "Hoạt động")
MAX_ROWS = 5000
HEADER_SEARCH_ROWS = 10  # a title or a date line may stand above the header row
SUFFIXES = (".xlsx", ".csv")


class FileRefused(ValueError):
    """A file the import cannot read at all, with the reason."""


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0: every row went in; 1: some rows were rejected (the others went in)."""
        return 1 if self.rejected else 0


# --- reading -------------------------------------------------------------------------------


def read_rows(name: str, data: IO[bytes]) -> Iterator[tuple[int, dict[str, Any]]]:
    """The rows of an .xlsx or .csv list as (row number, {field: value})."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise FileRefused(_("Send an Excel (.xlsx) or CSV (.csv) file."))
    table = _xlsx_cells(data) if suffix == ".xlsx" else _csv_cells(data)
    return _records(table)


def _xlsx_cells(data: IO[bytes]) -> Iterator[list[Any]]:
    try:
        book = load_workbook(data, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not xlsx
        raise FileRefused(_("This is not a readable Excel file.")) from exc
    sheet = book.worksheets[0]
    for values in sheet.iter_rows(values_only=True):
        yield [_cell(value) for value in values]


def _cell(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)  # a phone number typed as a number
    return value


def _csv_cells(data: IO[bytes]) -> Iterator[list[Any]]:
    raw = data.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileRefused(_("Save the CSV file as UTF-8.")) from exc
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    yield from csv.reader(io.StringIO(text), dialect)


def _records(table: Iterable[list[Any]]) -> Iterator[tuple[int, dict[str, Any]]]:
    rows = iter(table)
    columns: dict[int, str] = {}
    number = 0
    for number, values in enumerate(rows, start=1):
        columns = {
            index: HEADERS[fold(str(value))]
            for index, value in enumerate(values)
            if value is not None and fold(str(value)) in HEADERS
        }
        if "full_name" in columns.values():
            break
        if number >= HEADER_SEARCH_ROWS:
            break
    if "full_name" not in columns.values():
        raise FileRefused(_("No “Họ và tên” column: the first rows name no columns."))
    for count, (row_number, values) in enumerate(enumerate(rows, start=number + 1)):
        if count >= MAX_ROWS:
            raise FileRefused(_("The list has more than %(max)d rows.") % {"max": MAX_ROWS})
        cells = {name: values[i] for i, name in columns.items() if i < len(values)}
        if any(str(v).strip() for v in cells.values() if v is not None):
            yield row_number, cells


# --- importing -----------------------------------------------------------------------------


def importable_units(actor: Any, unit: OrgUnit | None) -> QuerySet[OrgUnit]:
    """Units a list may name: those the actor manages (all for the operator's command)."""
    units = OrgUnit.objects.all() if actor is None else units_where(actor, Action.MANAGE_MEMBERS)
    if unit is not None:
        units = units.filter(path__startswith=unit.path)
    return units


def import_members(
    actor: Any, name: str, data: IO[bytes], unit: OrgUnit | None = None
) -> ImportReport:
    """Import a list; ``actor`` None is the operator's command (every unit)."""
    allowed = importable_units(actor, None)
    if actor is not None and unit is not None and not allowed.filter(pk=unit.pk).exists():
        raise PermissionDenied(Action.MANAGE_MEMBERS.value)
    rows = read_rows(name, data)
    units = importable_units(actor, unit)
    roles = role_names()
    report = ImportReport()
    seen: dict[tuple[str, ...], int] = {}
    for number, cells in rows:
        try:
            row = check_row(number, cells, units=units, default_unit=unit, roles=roles)
            check_not_seen(row, seen)
            with transaction.atomic():
                _import_row(actor, row, report)
        except (RowRefused, MembershipRefused) as exc:
            report.rejected.append((number, str(exc)))
        except PermissionDenied:
            report.rejected.append(
                (number, _("You may not give this role in this unit, or manage this person."))
            )
    return report


def _import_row(actor: Any, row: MemberRow, report: ImportReport) -> None:
    if row.role == Role.LIAISON:
        raise RowRefused(_("A liaison is added from the organisation page."))
    person = members.find_person(row)
    if person is None:
        members.create_account(actor, row)
        report.created += 1
        return
    if not _may_update(actor, person):
        raise PermissionDenied(Action.MANAGE_MEMBERS.value)
    added = False
    if row.role_given or not person.memberships.filter(unit=row.unit).exists():
        added = members.give_role(actor, person, row.unit, row.role)
    changed = members.update_details(actor, person, row)
    if added or changed:
        report.updated += 1
    else:
        report.unchanged += 1


def _may_update(actor: Any, person: Any) -> bool:
    """A list may update someone whose every role the importer could give; an account
    without a role only when it is no administrator's."""
    if actor is None:
        return True
    if not person.memberships.exists():
        return not (person.is_staff or person.is_superuser)
    return may_manage_account(actor, person)


# --- exporting -----------------------------------------------------------------------------


def export_members(actor: Any, unit: OrgUnit | None, out: IO[bytes]) -> int:
    """Write the list (with contacts) of the units whose contacts the actor sees."""
    units = (
        OrgUnit.objects.all() if actor is None else units_where(actor, Action.SEE_MEMBER_CONTACTS)
    )
    if unit is not None:
        units = units.filter(path__startswith=unit.path)
    book = Workbook()
    sheet = book.worksheets[0]
    sheet.title = "Thành viên"
    sheet.append(EXPORT_HEADERS)
    count = 0
    for row in members.rows_in(units):
        profile = row.profile
        for membership in row.roles:
            sheet.append(
                (
                    display_name(row.person),
                    profile.position if profile else "",
                    row.unit.name,
                    _role_label(membership.role),
                    profile.phone if profile else "",
                    row.person.email,
                    "có" if row.person.is_active else "không",
                )
            )
            count += 1
    book.save(out)
    return count


def _role_label(role: str) -> str:
    from django.utils import translation

    with translation.override("vi"):
        return str(Role(role).label)
