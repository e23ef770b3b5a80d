"""Restore a backup: verify everything first, then load the database, files and secrets.

Nothing in the installation is touched until the whole archive has been streamed into a
staging folder and every checksum matched. A non-empty installation is only overwritten
with ``force``; a backup of another database vendor, or made by a newer kiemchung (with
migrations this code does not know), is refused.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

from kiemchung.ops.archive import ArchiveError, Manifest, extract_verified
from kiemchung.ops.backup import area_files, file_areas, secrets
from kiemchung.ops.databases import copier

SECRET_FILES = {"secret_key": "secret_key", "pseudonym_key": "pseudonym_key"}
SECRET_SETTINGS = {"secret_key": "KIEMCHUNG_SECRET_KEY", "pseudonym_key": "KIEMCHUNG_PSEUDONYM_KEY"}


class RestoreRefused(Exception):
    """The archive is fine but does not fit this installation (or it is not empty)."""


@dataclass
class RestoreResult:
    manifest: Manifest
    needs_migrate: bool
    warnings: list[str] = field(default_factory=list)


def restore(archive: Path, *, force: bool = False) -> RestoreResult:
    data = Path(settings.DATA_DIR)
    staging = Path(tempfile.mkdtemp(dir=data, prefix=".restore-"))
    try:
        manifest = extract_verified(archive, staging)
        check_fits(manifest)
        if not force:
            found = installation_contents()
            if found:
                raise RestoreRefused(
                    "the installation is not empty ("
                    + "; ".join(found[:5])
                    + "): restoring would replace it. Make a backup of it first, then "
                    "run the restore again with --force."
                )
        copier(manifest.database_vendor).load(staging / "database" / manifest.database_file)
        ContentType.objects.clear_cache()
        _place_files(staging)
        warnings = _write_secrets(staging)
        return RestoreResult(manifest, _needs_migrate(), warnings)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def check_fits(manifest: Manifest) -> None:
    if manifest.database_vendor != connection.vendor:
        raise RestoreRefused(
            f"this backup holds a {manifest.database_vendor} database but this installation "
            f"uses {connection.vendor}: restore it into an installation of the same kind "
            "(set DATABASE_URL accordingly)"
        )
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = sorted(
        f"{app}.{name}" for app, name in manifest.schema.items() if (app, name) not in known
    )
    if unknown:
        raise RestoreRefused(
            f"this backup was made by a newer kiemchung ({manifest.kiemchung_version}; "
            f"unknown migrations: {', '.join(unknown[:5])}): install that version first"
        )


def installation_contents() -> list[str]:
    """What makes this installation non-empty: rows in the project's tables, data files."""
    found = [f"{count} rows in {label}" for label, count in _row_counts() if count]
    found += [f"files in {area}" for area, root in file_areas().items() if any(area_files(root))]
    return found


def _row_counts() -> list[tuple[str, int]]:
    counts: list[tuple[str, int]] = []
    for model in apps.get_models():
        config = model._meta.app_config
        if config is None or config.label == "ops":
            continue
        if not (config.name.startswith("kiemchung.") or model._meta.label == "auth.User"):
            continue
        try:
            counts.append((model._meta.label, model._default_manager.count()))
        except DatabaseError:  # not migrated yet: nothing there
            continue
    return counts


def _place_files(staging: Path) -> None:
    """Swap each data area for the archive's copy (an area absent from it ends up empty)."""
    for area, target in file_areas().items():
        incoming = staging / "files" / area
        if target.exists():
            old = staging / "replaced" / area
            old.parent.mkdir(parents=True, exist_ok=True)
            os.replace(target, old)
        if incoming.is_dir():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(incoming), str(target))


def _write_secrets(staging: Path) -> list[str]:
    warnings: list[str] = []
    current = secrets()
    for name, filename in SECRET_FILES.items():
        source = staging / "secrets" / name
        if not source.is_file():
            continue
        value = source.read_text(encoding="ascii").strip()
        target = Path(settings.DATA_DIR) / filename
        partial = target.with_name(filename + ".partial")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(value + "\n")
        os.replace(partial, target)
        variable = SECRET_SETTINGS[name]
        overridden = variable in os.environ or f"{variable}_FILE" in os.environ
        if overridden and current[name] != value:
            warnings.append(
                f"{variable} is set in the environment and differs from the restored "
                f"{filename}: unset it (or set it to the restored value) before restarting"
            )
    return warnings


def _needs_migrate() -> bool:
    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


__all__ = ["ArchiveError", "RestoreRefused", "RestoreResult", "restore"]
