"""`kiemchung backup --output FILE`: one archive with the database, secrets and data files."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from kiemchung.ops.backup import make_backup
from kiemchung.ops.databases import DatabaseCopyError


class Command(BaseCommand):
    help = (
        "Write a backup archive (tar, gzip when FILE ends in .gz): a consistent copy of the "
        "database, the secrets, the story index, the trained models and the uploaded "
        "evidence, with a manifest of SHA-256 checksums."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--output", "-o", required=True, type=Path, help="The archive to write."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = make_backup(options["output"])
        except (DatabaseCopyError, OSError) as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"backup written: {result.path} ({result.size:,} bytes, "
            f"{len(result.manifest.files)} files, {result.seconds:.1f} s)"
        )
