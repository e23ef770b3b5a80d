"""Make the small SQLite database that the upgrade test migrates, with a release's code.

    .venv/bin/python tests/ops/make_release_database.py --commit 5842d8f --version 0.1.0

It exports the release's ``src`` from git (``git archive``, nothing in the checkout
changes), migrates a fresh SQLite database with those migrations, fills it through the
release's own services (``kiemchung.testing.ops.build_installation``: units, staff,
documents, a story with claims, a tip, a case with its audit history, a published
fact-check) and writes ``tests/ops/data/release-<version>.sqlite3``. Run it again for
each release, and keep the older files: each is a release an installation may upgrade
from.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
BUILDER = ROOT / "src" / "kiemchung" / "testing" / "ops.py"

BUILD = """
import django
django.setup()
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
from django.test import override_settings
from kiemchung.testing.ops import build_installation
with override_settings(EMBEDDER="none"):
    case = build_installation()
print("built case", case.pk, "state", case.state)
"""


def export_release(commit: str, target: Path) -> Path:
    archive = target / "release.tar"
    subprocess.run(  # noqa: S603
        ["git", "-C", str(ROOT), "archive", "--format=tar", "-o", str(archive), commit, "src"],  # noqa: S607
        check=True,
    )
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    source = target / "src"
    builder = source / "kiemchung" / "testing" / "ops.py"
    if not builder.exists():  # the first release predates the builder: it uses only its APIs
        shutil.copy(BUILDER, builder)
    return source


def build(source: Path, database: Path, data: Path) -> None:
    env = dict(os.environ)
    env.update(
        PYTHONPATH=str(source),
        DJANGO_SETTINGS_MODULE="kiemchung.settings",
        KIEMCHUNG_DATA_DIR=str(data),
        DATABASE_URL=f"sqlite:///{database}",
        KIEMCHUNG_STORY_INDEX="file",
        KIEMCHUNG_BACKUP_EVERY="off",
    )
    subprocess.run([sys.executable, "-c", BUILD], env=env, check=True, cwd=data)  # noqa: S603


def compact(database: Path) -> None:
    """One file with small pages: a test fixture of about 150 KB instead of 600."""
    with sqlite3.connect(database) as db:
        db.execute("PRAGMA journal_mode=DELETE")
        db.execute("PRAGMA page_size=1024")
        db.execute("VACUUM")
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--commit", required=True, help="The release's commit or tag.")
    parser.add_argument("--version", required=True, help="The release's version, e.g. 0.1.0.")
    args = parser.parse_args()
    output = HERE / "data" / f"release-{args.version}.sqlite3"
    with tempfile.TemporaryDirectory(prefix="kiemchung-release-") as work:
        folder = Path(work)
        (folder / "data").mkdir()
        database = folder / "release.sqlite3"
        build(export_release(args.commit, folder), database, folder / "data")
        compact(database)
        output.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(database, output)
    print(f"wrote {output} ({output.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
