"""`kiemchung restore FILE`: verify a backup archive, then restore this installation from it."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from kiemchung.ops.archive import ArchiveError
from kiemchung.ops.databases import DatabaseCopyError
from kiemchung.ops.restore import RestoreRefused, restore

REFUSED = 2


class Command(BaseCommand):
    help = (
        "Restore a backup made by `kiemchung backup`. Every checksum is verified before "
        "anything is written; a damaged or foreign archive is refused (exit code 2), and a "
        "non-empty installation is only replaced with --force. Stop the web app and the "
        "worker first."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("archive", type=Path, help="The archive to restore.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace this installation's data even though it is not empty.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        try:
            result = restore(options["archive"], force=options["force"])
        except ArchiveError as exc:
            raise CommandError(f"refused: {exc}", returncode=REFUSED) from None
        except RestoreRefused as exc:
            raise CommandError(f"refused: {exc}", returncode=REFUSED) from None
        except (DatabaseCopyError, OSError) as exc:
            raise CommandError(str(exc)) from None
        manifest = result.manifest
        self.stdout.write(
            f"restored the backup of {manifest.created_at} (kiemchung "
            f"{manifest.kiemchung_version}, {len(manifest.files)} files, checksums verified) "
            f"in {time.perf_counter() - started:.1f} s"
        )
        for warning in result.warnings:
            self.stderr.write(f"warning: {warning}")
        if result.needs_migrate:
            self.stdout.write("the backup is older than this code: run `kiemchung migrate` now")
        self.stdout.write("restart the web app and the worker")
