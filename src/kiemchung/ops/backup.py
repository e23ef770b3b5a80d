"""Make a backup: the database copy, the secrets and the data folder's files in one archive."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from kiemchung.ops.archive import ArchiveWriter, Manifest
from kiemchung.ops.databases import copier


def file_areas() -> dict[str, Path]:
    """The data folder's parts a backup holds: the story index, models, uploaded evidence."""
    data = Path(settings.DATA_DIR)
    return {
        "story_index": data / "story_index",
        "models": data / "models",
        "media": Path(settings.MEDIA_ROOT),
    }


def secrets() -> dict[str, str]:
    """The installation's secrets in effect (from the data folder or the environment)."""
    return {"secret_key": settings.SECRET_KEY, "pseudonym_key": settings.PSEUDONYM_KEY}


def kiemchung_version() -> str:
    try:
        return version("kiemchung")
    except PackageNotFoundError:
        return "unknown"


def schema() -> dict[str, str]:
    """The latest applied migration of every app."""
    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        latest[app] = max(latest.get(app, ""), name)
    return dict(sorted(latest.items()))


def area_files(root: Path) -> Iterator[tuple[str, Path]]:
    """Regular files under ``root`` (sorted), with their path relative to it."""
    if not root.is_dir():
        return
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and not path.name.endswith(".partial"):
            yield path.relative_to(root).as_posix(), path


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: Manifest
    seconds: float
    size: int


def make_backup(output: Path) -> BackupResult:
    """Write the archive to ``output`` (atomically: a half-written file never has its name)."""
    started = time.perf_counter()
    output = output.expanduser().resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    db = copier()
    # The database copy is staged next to the archive: the system's /tmp may be small.
    with tempfile.TemporaryDirectory(prefix=".kiemchung-backup-", dir=output.parent) as work:
        dump = Path(work) / db.filename
        db.dump(dump)
        writer = ArchiveWriter(partial, gzip=output.name.endswith((".gz", ".tgz")))
        try:
            manifest = _write(writer, dump, db.vendor, db.filename)
        except BaseException:
            writer.abort()
            partial.unlink(missing_ok=True)
            raise
    os.replace(partial, output)
    return BackupResult(output, manifest, time.perf_counter() - started, output.stat().st_size)


def _write(writer: ArchiveWriter, dump: Path, vendor: str, filename: str) -> Manifest:
    writer.add_file(f"database/{filename}", dump)
    for name, value in secrets().items():
        writer.add_bytes(f"secrets/{name}", value.encode() + b"\n")
    for area, root in file_areas().items():
        for relative, path in area_files(root):
            writer.add_file(f"files/{area}/{relative}", path)
    manifest = Manifest(
        kiemchung_version=kiemchung_version(),
        created_at=timezone.now().isoformat(timespec="seconds"),
        database_vendor=vendor,
        database_file=filename,
        schema=schema(),
    )
    writer.close(manifest)
    return manifest
