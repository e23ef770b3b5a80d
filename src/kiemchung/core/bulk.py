"""Fast batch writes for the ingest path: explicit ids and plain multi-row statements.

Django's ``bulk_create`` spends more time preparing values than SQLite spends writing
them. The ingest path writes thousands of rows a second, so it allocates ids itself and
sends plain parameterised statements. Callers hold the clustering lock (an IMMEDIATE
transaction on SQLite, an advisory lock on PostgreSQL), so ids cannot race.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from functools import partial
from typing import Any

from django.db import connection
from django.db.models import Model


def allocate_ids(model: type[Model], count: int) -> list[int]:
    """Reserve ``count`` primary keys for ``model``."""
    if count == 0:
        return []
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [table, count],
            )
            return [row[0] for row in cursor.fetchall()]
        # Like AUTOINCREMENT: never reuse the id of a deleted row.
        cursor.execute(
            f'SELECT MAX(COALESCE((SELECT MAX(id) FROM "{table}"), 0), '  # noqa: S608
            "COALESCE((SELECT seq FROM sqlite_sequence WHERE name = %s), 0))",
            [table],
        )
        start = int(cursor.fetchone()[0]) + 1
    return list(range(start, start + count))


def insert_rows(model: type[Model], columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    if not rows:
        return
    table = model._meta.db_table
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)  # noqa: S608


def db_time(value: datetime) -> Any:
    """A datetime as the database driver wants it in a plain statement.

    On SQLite this is Django's own text form (naive UTC, ``isoformat(" ")``), computed
    without the per-call settings lookups of ``adapt_datetimefield_value``.
    """
    return time_adapter()(value)


def time_adapter() -> Callable[[datetime], Any]:
    """``db_time`` for the current database, looked up once: a batch converts thousands
    of times, and asking the connection its vendor costs more than the conversion."""
    if connection.vendor == "sqlite":
        return partial(_sqlite_time, connection.ops.adapt_datetimefield_value)
    adapt: Callable[[datetime], Any] = connection.ops.adapt_datetimefield_value
    return adapt


def _sqlite_time(fallback: Callable[[datetime], Any], value: datetime) -> Any:
    if value.tzinfo is None:
        return fallback(value)
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ")


def least_greatest() -> tuple[str, str]:
    """The scalar minimum and maximum functions of the database."""
    return ("LEAST", "GREATEST") if connection.vendor == "postgresql" else ("MIN", "MAX")
