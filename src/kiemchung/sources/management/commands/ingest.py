"""`kiemchung ingest PATH_OR_URL [--source NAME]`."""

from __future__ import annotations

import json
import os
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from kiemchung.sources.services import InputRefused, ingest_target

EXIT_REJECTED = 1
EXIT_REFUSED = 2


class Command(BaseCommand):
    help = (
        "Ingest a file (JSON lines, CSV, RSS/Atom, HTML; .gz accepted) or an http(s) URL. "
        "Exit code 0: all records accepted; 1: some records rejected (the good ones are in); "
        "2: the input was refused as a whole (nothing stored)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("target", help="A local file path or an http(s) URL.")
        parser.add_argument("--source", help="Source name (default: the file name or host).")
        parser.add_argument(
            "--workers",
            type=int,
            default=min(2, os.cpu_count() or 1),
            help="Processes for the text stage of large files (default: up to 2).",
        )
        parser.add_argument("--json", action="store_true", help="Print the report as JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = ingest_target(options["target"], options["source"], options["workers"])
        except InputRefused as exc:
            self.stderr.write(f"kiemchung ingest: refused: {exc}")
            raise SystemExit(EXIT_REFUSED) from exc
        except OSError as exc:  # unreadable file (permissions, a device): refused as a whole
            self.stderr.write(f"kiemchung ingest: refused: cannot read {options['target']}: {exc}")
            raise SystemExit(EXIT_REFUSED) from exc
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False))
        else:
            for rejection in report.rejections:
                self.stderr.write(f"{report.origin}: {rejection}")
            self.stdout.write(
                f"{report.received} records read, {report.added} added, "
                f"{report.duplicates} already present, {report.rejected} rejected, "
                f"{report.new_stories} new stories."
            )
        if report.rejected:
            raise SystemExit(EXIT_REJECTED)
