"""`kiemchung members import FILE.xlsx|csv [--unit ID]` and `kiemchung members export FILE.xlsx`.

Import exits 0 when every row went in, 1 when some rows were rejected (each printed with
its row number and reason; the good rows went in), 2 when the file was refused.
"""

from __future__ import annotations

import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from kiemchung.org.member_import import FileRefused, export_members, import_members
from kiemchung.org.models import OrgUnit

FILE_REFUSED = 2


class Command(BaseCommand):
    help = (
        "Member lists. `import FILE.xlsx|FILE.csv [--unit ID]` creates or updates members "
        "(columns: họ và tên, chức vụ, đơn vị, vai trò, điện thoại, email); `export "
        "FILE.xlsx [--unit ID]` writes the list with contacts."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        load = actions.add_parser("import", help="Create or update members from a list.")
        load.add_argument("file", type=Path)
        load.add_argument(
            "--unit", type=int, help="Unit id: rows without a unit go here; others must be below."
        )
        dump = actions.add_parser("export", help="Write the member list to an .xlsx file.")
        dump.add_argument("file", type=Path)
        dump.add_argument("--unit", type=int, help="Only this unit and the units below it.")

    def handle(self, *args: Any, **options: Any) -> None:
        {"import": self.load, "export": self.dump}[options["action"]](options)

    def load(self, options: dict[str, Any]) -> None:
        path: Path = options["file"]
        try:
            unit = _unit(options["unit"])
            with path.open("rb") as data:
                report = import_members(None, path.name, data, unit)
        except (OSError, FileRefused, CommandError) as exc:
            self.stderr.write(f"File refused: {exc}")
            sys.exit(FILE_REFUSED)
        for number, reason in report.rejected:
            self.stderr.write(f"Row {number}: {reason}")
        self.stdout.write(
            f"{report.created} created, {report.updated} updated, "
            f"{report.unchanged} unchanged, {len(report.rejected)} rejected"
        )
        if report.exit_code:
            sys.exit(report.exit_code)

    def dump(self, options: dict[str, Any]) -> None:
        path: Path = options["file"]
        if path.suffix.lower() != ".xlsx":
            raise CommandError("The export is an .xlsx file.")
        with path.open("wb") as out:
            count = export_members(None, _unit(options["unit"]), out)
        self.stdout.write(f"{count} rows written to {path}")


def _unit(unit_id: int | None) -> OrgUnit | None:
    if unit_id is None:
        return None
    unit = OrgUnit.objects.filter(pk=unit_id).first()
    if unit is None:
        raise CommandError(f"No organisation unit has id {unit_id}.")
    return unit
