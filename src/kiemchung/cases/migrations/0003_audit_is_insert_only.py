"""Database triggers that refuse any UPDATE of the audit history.

Deletes are refused by the model and its queryset (and the admin offers none); the
database still allows them so that a test run's flush and an operator's retention purge
with the database's own tools keep working.
"""

from __future__ import annotations

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

TABLE = "cases_auditevent"

SQLITE = [
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_no_update BEFORE UPDATE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, 'audit events cannot be changed'); END""",
]
SQLITE_DROP = [f"DROP TRIGGER IF EXISTS {TABLE}_no_update"]

POSTGRES = [
    """CREATE OR REPLACE FUNCTION kiemchung_audit_is_insert_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'audit events cannot be changed'; END;
       $$ LANGUAGE plpgsql""",
    f"""CREATE TRIGGER {TABLE}_insert_only BEFORE UPDATE ON {TABLE}
        FOR EACH STATEMENT EXECUTE FUNCTION kiemchung_audit_is_insert_only()""",
]
POSTGRES_DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_insert_only ON {TABLE}",
    "DROP FUNCTION IF EXISTS kiemchung_audit_is_insert_only()",
]


def _run(schema_editor: BaseDatabaseSchemaEditor, statements: dict[str, list[str]]) -> None:
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def forwards(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _run(schema_editor, {"sqlite": SQLITE, "postgresql": POSTGRES})


def backwards(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _run(schema_editor, {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP})


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
