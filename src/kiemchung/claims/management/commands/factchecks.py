"""`kiemchung factchecks import FILE` and `kiemchung factchecks export`."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from kiemchung.claims.knowledge import (
    EXPORT_FORMATS,
    FORMATS,
    ImportRefused,
    ImportReport,
    export_factchecks,
    import_factchecks,
)
from kiemchung.claims.models import FactCheck

EXIT_REJECTED = 1
EXIT_REFUSED = 2


class Command(BaseCommand):
    help = (
        "Import or export the fact-check knowledge base (ClaimReview JSON-LD, saved pages, "
        "the Fact Check Tools API's JSON, or CSV)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        load = actions.add_parser(
            "import", help="Import fact-checks; re-importing changes nothing."
        )
        load.add_argument("file", type=Path)
        load.add_argument(
            "--format", choices=list(FORMATS), help="Default: recognised from the content."
        )
        load.add_argument("--local", action="store_true", help="Mark them as published by us.")
        load.add_argument("--json", action="store_true", help="Print the report as JSON.")
        dump = actions.add_parser("export", help="Export fact-checks to standard output.")
        dump.add_argument("--format", choices=list(EXPORT_FORMATS), default="jsonld")
        dump.add_argument("--local-only", action="store_true", help="Only our own fact-checks.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "import":
            self._import(options)
        else:
            queryset = FactCheck.objects.order_by("published_at", "pk")
            if options["local_only"]:
                queryset = queryset.filter(is_local=True)
            self.stdout.write(export_factchecks(queryset, options["format"]))

    def _import(self, options: dict[str, Any]) -> None:
        try:
            report = import_factchecks(
                options["file"], options["format"], is_local=options["local"]
            )
        except ImportRefused as exc:
            self.stderr.write(f"kiemchung factchecks import: refused: {exc}")
            raise SystemExit(EXIT_REFUSED) from exc
        for problem in report.problems:
            self.stderr.write(
                f"{options['file']}: record {problem.index}: {problem.level}: {problem.reason}"
            )
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False))
        else:
            self.stdout.write(summary(report))
        if report.has_errors:
            raise SystemExit(EXIT_REJECTED)


def summary(report: ImportReport) -> str:
    """The report in a few lines: counts, verdicts, and the ratings we could not read."""
    lines = [
        f"{report.records} records ({report.format}): {report.added} added, "
        f"{report.updated} updated, {report.unchanged} unchanged, {report.rejected} rejected.",
        "Verdicts: " + (", ".join(f"{v} {n}" for v, n in report.verdicts.most_common()) or "none"),
    ]
    if report.unrated:
        lines.append(
            f"Unknown ratings, kept as unrated ({len(report.unrated)} labels, "
            f"{sum(report.unrated.values())} records):"
        )
        lines += [f"  {n:5d}  {label}" for label, n in report.unrated.most_common()]
    return "\n".join(lines)
