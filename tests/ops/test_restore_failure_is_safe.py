"""A restore that fails on PostgreSQL leaves the installation's data as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.db import connection

from kiemchung.ops import databases
from kiemchung.ops.databases import DatabaseCopyError, copier

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]


@pytest.fixture
def damaged_dump(tmp_path: Path) -> Path:
    if connection.vendor != "postgresql":
        pytest.skip("runs when the suite runs on PostgreSQL (DATABASE_URL=postgres://…)")
    User.objects.create_user("in-the-backup")
    dump = tmp_path / "kiemchung.pgdump"
    copier().dump(dump)
    data = dump.read_bytes()
    dump.write_bytes(data[: len(data) * 2 // 3])  # the table of contents is whole, the data cut
    return dump


def test_a_damaged_dump_fails_and_leaves_the_database_as_it_was(damaged_dump: Path) -> None:
    User.objects.create_user("added-after-the-backup")
    with pytest.raises(DatabaseCopyError):
        copier().load(damaged_dump)
    names = set(User.objects.values_list("username", flat=True))
    assert {"in-the-backup", "added-after-the-backup"} <= names


def test_a_failure_while_loading_rolls_back_the_dropped_tables_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("runs when the suite runs on PostgreSQL (DATABASE_URL=postgres://…)")
    User.objects.create_user("in-the-database")
    dump = tmp_path / "kiemchung.pgdump"
    copier().dump(dump)
    drop_all = databases._drop_all_tables_sql
    monkeypatch.setattr(databases, "_drop_all_tables_sql", lambda: drop_all() + "SELECT 1/0;\n")
    with pytest.raises(DatabaseCopyError, match="division by zero"):
        copier().load(dump)
    assert User.objects.filter(username="in-the-database").exists()
