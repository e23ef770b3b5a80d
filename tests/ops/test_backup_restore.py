"""`kiemchung backup` and `kiemchung restore`: one verified archive, a faithful round trip.

The round trip runs on whichever database the suite runs on (SQLite, and PostgreSQL in
CI's second pass); the PostgreSQL-marked test checks what only pg_dump/pg_restore do.
"""

from __future__ import annotations

import io
import json
import shutil
import tarfile
from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from kiemchung.cases.models import AuditEvent, Evidence
from kiemchung.ops.restore import installation_contents
from kiemchung.testing.ops import (
    audit_history,
    build_installation,
    empty_search_index,
    row_counts,
)

pytestmark = pytest.mark.django_db(transaction=True)

AREAS = ("story_index", "models", "media")


def backup(target: Path) -> Path:
    call_command("backup", output=target, stdout=io.StringIO())
    return target


def restore(archive: Path, *, force: bool = False) -> str:
    out = io.StringIO()
    call_command("restore", str(archive), force=force, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def refusal(archive: Path, *, force: bool = False) -> CommandError:
    with pytest.raises(CommandError) as caught:
        restore(archive, force=force)
    assert caught.value.returncode == 2
    return caught.value


def data_files(data_dir: Path) -> dict[str, bytes]:
    found = {}
    for area in AREAS:
        for path in sorted((data_dir / area).rglob("*")):
            if path.is_file():
                found[path.relative_to(data_dir).as_posix()] = path.read_bytes()
    return found


def wipe(data_dir: Path) -> None:
    """Turn the installation into a new, empty one (migrated, no data, no files)."""
    call_command("flush", interactive=False, verbosity=0)
    empty_search_index()
    for area in AREAS:
        shutil.rmtree(data_dir / area, ignore_errors=True)


def rewrite(archive: Path, target: Path, change: Callable[[str, bytes], bytes | None]) -> Path:
    """Copy the archive member by member, changing (or dropping, on None) members."""
    with tarfile.open(archive) as source, tarfile.open(target, "w:gz") as out:
        for member in source.getmembers():
            handle = source.extractfile(member)
            assert handle is not None
            data = change(member.name, handle.read())
            if data is None:
                continue
            member.size = len(data)
            out.addfile(member, io.BytesIO(data))
    return target


def edit_manifest(key: str, value: object) -> Callable[[str, bytes], bytes]:
    def change(name: str, data: bytes) -> bytes:
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest[key] = value
        return json.dumps(manifest).encode()

    return change


@pytest.fixture
def archive(data_dir: Path, tmp_path: Path) -> Path:
    build_installation()
    return backup(tmp_path / "backup.tar.gz")


def test_a_round_trip_gives_the_same_counts_audit_history_files_and_secrets(
    data_dir: Path, tmp_path: Path
) -> None:
    build_installation()
    counts, history, files = row_counts(), audit_history(), data_files(data_dir)
    assert counts["cases.AuditEvent"] >= 5
    assert any(name.startswith("media/") for name in files)
    assert any(name.startswith("story_index/") for name in files)
    archive = backup(tmp_path / "backup.tar.gz")
    wipe(data_dir)
    assert installation_contents() == []

    output = restore(archive)

    assert "checksums verified" in output
    assert row_counts() == counts
    assert audit_history() == history
    assert data_files(data_dir) == files
    evidence = Evidence.objects.exclude(file="").get()
    assert evidence.file.read() == files[f"media/{evidence.file.name}"]
    assert (data_dir / "pseudonym_key").read_text().strip() == settings.PSEUDONYM_KEY
    assert (data_dir / "secret_key").read_text().strip() == settings.SECRET_KEY


def test_the_restored_audit_history_still_refuses_updates(archive: Path, data_dir: Path) -> None:
    wipe(data_dir)
    restore(archive)
    assert AuditEvent.objects.exists()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE cases_auditevent SET action = 'changed'")


def test_the_manifest_lists_versions_schema_and_checksums(archive: Path) -> None:
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        handle = tar.extractfile("manifest.json")
        assert handle is not None
        manifest = json.loads(handle.read())
    assert names[0] == "kiemchung-backup.json"
    assert names[-1] == "manifest.json"
    assert manifest["format"] == "kiemchung-backup"
    assert manifest["format_version"] == 1
    assert manifest["database_vendor"] == connection.vendor
    assert manifest["schema"]["cases"].startswith("00")
    listed = {entry["path"] for entry in manifest["files"]}
    assert listed == set(names[1:-1])
    assert all(len(entry["sha256"]) == 64 for entry in manifest["files"])


def test_it_refuses_to_overwrite_a_non_empty_installation_without_force(
    archive: Path, data_dir: Path
) -> None:
    User.objects.create_user("added-after-the-backup")
    error = refusal(archive)
    assert "not empty" in str(error)
    assert "--force" in str(error)
    assert User.objects.filter(username="added-after-the-backup").exists()


def test_with_force_it_replaces_a_non_empty_installation(archive: Path, data_dir: Path) -> None:
    User.objects.create_user("added-after-the-backup")
    (data_dir / "models").mkdir(exist_ok=True)
    (data_dir / "models" / "newer.pickle").write_bytes(b"newer")
    restore(archive, force=True)
    assert not User.objects.filter(username="added-after-the-backup").exists()
    assert not (data_dir / "models" / "newer.pickle").exists()


def test_it_refuses_a_tampered_archive_and_changes_nothing(
    archive: Path, data_dir: Path, tmp_path: Path
) -> None:
    def tamper(name: str, data: bytes) -> bytes:
        return data + b"x" if name.startswith("files/media/") else data

    tampered = rewrite(archive, tmp_path / "tampered.tar.gz", tamper)
    wipe(data_dir)
    error = refusal(tampered)
    assert "checksum mismatch" in str(error)
    assert installation_contents() == []


def test_it_refuses_an_archive_missing_a_listed_file(
    archive: Path, data_dir: Path, tmp_path: Path
) -> None:
    def drop(name: str, data: bytes) -> bytes | None:
        return None if name.startswith("secrets/") else data

    wipe(data_dir)
    assert "does not match its manifest" in str(refusal(rewrite(archive, tmp_path / "d.tgz", drop)))


def test_it_refuses_a_foreign_tar(data_dir: Path, tmp_path: Path) -> None:
    foreign = tmp_path / "photos.tar"
    with tarfile.open(foreign, "w") as tar:
        info = tarfile.TarInfo("database/kiemchung.sqlite3")
        info.size = 5
        tar.addfile(info, io.BytesIO(b"hello"))
    assert "not a kiemchung backup" in str(refusal(foreign))


def test_it_refuses_a_file_that_is_not_an_archive(data_dir: Path, tmp_path: Path) -> None:
    junk = tmp_path / "notes.tar.gz"
    junk.write_bytes(b"these are not the bytes of a tar file" * 100)
    assert "damaged" in str(refusal(junk))


def cut_points(archive: Path) -> list[int]:
    """Where to cut: inside the database copy and inside the manifest (a plain tar), or
    anywhere in the compressed stream, its length-and-CRC trailer included (gzip)."""
    size = archive.stat().st_size
    if archive.suffix == ".gz":
        return [size // 3, 2 * size // 3, size - 4]
    with tarfile.open(archive) as tar:
        members = {member.name: member for member in tar.getmembers()}
    database = next(m for name, m in members.items() if name.startswith("database/"))
    manifest = members["manifest.json"]
    return [database.offset_data + database.size // 2, manifest.offset_data + 10]


@pytest.mark.parametrize("suffix", [".tar.gz", ".tar"])
def test_it_refuses_a_truncated_archive(data_dir: Path, tmp_path: Path, suffix: str) -> None:
    build_installation()
    archive = backup(tmp_path / f"backup{suffix}")
    wipe(data_dir)
    for point in cut_points(archive):
        truncated = tmp_path / f"truncated{suffix}"
        truncated.write_bytes(archive.read_bytes()[:point])
        message = str(refusal(truncated))
        assert "damaged or truncated" in message or "no manifest" in message
        assert installation_contents() == []


def test_it_says_so_when_the_archive_does_not_exist(data_dir: Path, tmp_path: Path) -> None:
    assert "no such file" in str(refusal(tmp_path / "missing.tar.gz"))


def test_it_refuses_a_backup_of_another_database_vendor(
    archive: Path, data_dir: Path, tmp_path: Path
) -> None:
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    foreign = rewrite(archive, tmp_path / "other.tar.gz", edit_manifest("database_vendor", other))
    wipe(data_dir)
    error = refusal(foreign)
    assert f"holds a {other} database" in str(error)


def test_it_refuses_a_backup_made_by_a_newer_release(
    archive: Path, data_dir: Path, tmp_path: Path
) -> None:
    newer = rewrite(
        archive,
        tmp_path / "newer.tar.gz",
        edit_manifest("schema", {"cases": "9999_from_the_future"}),
    )
    wipe(data_dir)
    assert "newer kiemchung" in str(refusal(newer))


def test_an_uncompressed_archive_works_too(data_dir: Path, tmp_path: Path) -> None:
    build_installation()
    counts = row_counts()
    archive = backup(tmp_path / "backup.tar")
    with tarfile.open(archive, "r:") as tar:  # plain tar, no compression
        assert tar.getnames()[0] == "kiemchung-backup.json"
    wipe(data_dir)
    restore(archive)
    assert row_counts() == counts


@pytest.mark.postgres
def test_on_postgresql_the_database_copy_is_a_pg_dump_that_restores(
    archive: Path, data_dir: Path
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("runs when the suite runs on PostgreSQL (DATABASE_URL=postgres://…)")
    with tarfile.open(archive) as tar:
        handle = tar.extractfile("database/kiemchung.pgdump")
        assert handle is not None
        assert handle.read(5) == b"PGDMP"
    counts, history = row_counts(), audit_history()
    User.objects.create_user("added-after-the-backup")
    restore(archive, force=True)
    assert row_counts() == counts
    assert audit_history() == history
