"""Consistent database copies, one strategy per database vendor (``DATABASES`` registry).

SQLite: the online backup API copies the live database page by page into a file (and
back), consistent even while the web app and worker write. PostgreSQL: ``pg_dump
--format=custom`` and ``pg_restore``, whose major version must be at least the server's.
Loading never replays changes row by row through the ORM, so the audit history's
insert-only trigger never fires: rows are loaded, not updated.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any, ClassVar, Protocol

from django.db import connection


class DatabaseCopyError(Exception):
    """The database could not be copied or loaded (tool missing, wrong version, failure)."""


class DatabaseCopier(Protocol):
    vendor: ClassVar[str]
    filename: ClassVar[str]

    def dump(self, target: Path) -> None: ...

    def load(self, source: Path) -> None: ...


class SqliteCopier:
    vendor: ClassVar[str] = "sqlite"
    filename: ClassVar[str] = "kiemchung.sqlite3"

    def dump(self, target: Path) -> None:
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            _raw().backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        copy.close()

    def load(self, source: Path) -> None:
        connection.ensure_connection()
        with sqlite3.connect(source) as copy:
            copy.backup(_raw())
        copy.close()


def _raw() -> sqlite3.Connection:
    raw = connection.connection
    if not isinstance(raw, sqlite3.Connection):
        raise DatabaseCopyError("the SQLite connection is not open")
    return raw


class PostgresCopier:
    vendor: ClassVar[str] = "postgresql"
    filename: ClassVar[str] = "kiemchung.pgdump"

    def dump(self, target: Path) -> None:
        self._check_tool("pg_dump")
        args = [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            "--file",
            str(target),
        ]
        self._run([*args, *_connection_args()])

    def load(self, source: Path) -> None:
        """Replace the database by the dump's, all or nothing.

        pg_restore first turns the whole dump into a script (reading every block, so a
        damaged dump fails here, before anything is dropped); psql then drops the tables
        and runs the script in one transaction: a failure rolls the drops back too.
        """
        self._check_tool("pg_restore")
        self._check_tool("psql")
        drops = source.with_name(source.name + ".drop.sql")
        script = source.with_name(source.name + ".sql")
        try:
            args = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges"]
            self._run([*args, "--exit-on-error", "--file", str(script), str(source)])
            drops.write_text(_drop_all_tables_sql(), encoding="utf-8")
            connection.close()
            args = ["psql", "--no-psqlrc", "--quiet", "--single-transaction"]
            args += ["--set", "ON_ERROR_STOP=1", "--file", str(drops), "--file", str(script)]
            self._run([*args, *_connection_args(dbname_flag=True)])
        finally:
            drops.unlink(missing_ok=True)
            script.unlink(missing_ok=True)

    def _check_tool(self, name: str) -> None:
        path = shutil.which(name)
        if path is None:
            raise DatabaseCopyError(
                f"{name} is not on PATH: install the PostgreSQL client "
                "(Debian: apt-get install postgresql-client)"
            )
        found = subprocess.run(  # noqa: S603  (fixed program, no shell)
            [path, "--version"], capture_output=True, text=True, check=False
        ).stdout
        match = re.search(r"(\d+)(?:\.\d+)?", found)
        tool_major = int(match.group(1)) if match else 0
        connection.ensure_connection()
        server_major = int(connection.pg_version) // 10000  # type: ignore[attr-defined]
        if tool_major < server_major:
            raise DatabaseCopyError(
                f"{name} is version {tool_major} but the server is PostgreSQL {server_major}: "
                f"install postgresql-client-{server_major} and put its bin folder first on PATH"
            )

    def _run(self, args: list[str]) -> None:
        env = dict(os.environ)
        password = connection.settings_dict.get("PASSWORD")
        if password:
            env["PGPASSWORD"] = str(password)
        done = subprocess.run(  # noqa: S603  (fixed programs, arguments from settings)
            args, env=env, capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise DatabaseCopyError(f"{args[0]} failed: {done.stderr.strip()[-2000:]}")


def _connection_args(*, dbname_flag: bool = False) -> list[str]:
    params: dict[str, Any] = connection.settings_dict
    args: list[str] = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if params.get(key):
            args += [flag, str(params[key])]
    name = str(params["NAME"])
    return [*args, "--dbname", name] if dbname_flag else [*args, name]


def _drop_all_tables_sql() -> str:
    """Statements emptying the target first, so that tables unknown to the backup cannot
    linger (run in the restore's transaction)."""
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    quote = connection.ops.quote_name
    return "".join(f"DROP TABLE IF EXISTS {quote(table)} CASCADE;\n" for table in tables)


COPIERS: dict[str, type[SqliteCopier] | type[PostgresCopier]] = {
    SqliteCopier.vendor: SqliteCopier,
    PostgresCopier.vendor: PostgresCopier,
}


def copier(vendor: str | None = None) -> SqliteCopier | PostgresCopier:
    name = vendor or connection.vendor
    try:
        return COPIERS[name]()
    except KeyError:
        raise DatabaseCopyError(f"backups of {name} databases are not supported") from None
