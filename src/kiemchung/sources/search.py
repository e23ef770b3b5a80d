"""Full-text search over documents: SQLite FTS5 by default, PostgreSQL text search at scale.

Each document is indexed twice: by its match key (diacritics kept, tone marks
canonical) and by its accent-free key. A query typed with diacritics searches the first,
so "hòa" does not find "hoa"; a query typed without them searches the second and finds
both. One backend per database vendor, chosen through ``BACKENDS``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Protocol

from django.db import connection
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from kiemchung.text.normalize import has_diacritics, keys
from kiemchung.text.tokens import syllables

TABLE = "sources_document_search"
WORD_PART = re.compile(r"\w+")
Row = tuple[int, str, str]  # document id, match text, accent-free text


class SearchBackend(Protocol):
    def create(self, schema_editor: BaseDatabaseSchemaEditor) -> None: ...

    def add(self, rows: Sequence[Row]) -> None: ...

    def search(self, query: str, limit: int = 50) -> list[int]: ...


def query_terms(query: str) -> tuple[str, list[str]]:
    """The column to search and the query's tokens in that column's form."""
    normalised = keys(query)
    if has_diacritics(query):
        return "body", syllables(normalised.match)
    return "ascii", syllables(normalised.ascii)


class SqliteSearch:
    def create(self, schema_editor: BaseDatabaseSchemaEditor) -> None:
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
            "body, ascii, content='', detail=column, tokenize='unicode61 remove_diacritics 0')"
        )

    def add(self, rows: Sequence[Row]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {TABLE}(rowid, body, ascii) VALUES (%s, %s, %s)", rows)  # noqa: S608  (table and column names are constants)

    def search(self, query: str, limit: int = 50) -> list[int]:
        column, terms = query_terms(query)
        if not terms:
            return []
        expression = " AND ".join(f'{column} : "{part}"' for part in _word_parts(terms))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s ORDER BY rank LIMIT %s",  # noqa: S608  (table and column names are constants)
                [expression, limit],
            )
            return [row[0] for row in cursor.fetchall()]


def _word_parts(terms: list[str]) -> list[str]:
    """Split "5.000đ" into "5", "000đ": the index keeps no positions, so no phrases."""
    return [part for term in terms for part in WORD_PART.findall(term)]


class PostgresSearch:
    def create(self, schema_editor: BaseDatabaseSchemaEditor) -> None:
        schema_editor.execute(
            f"CREATE TABLE IF NOT EXISTS {TABLE} ("
            # No foreign key: Django's flush truncates sources_document without CASCADE.
            " document_id bigint PRIMARY KEY,"
            " body tsvector NOT NULL, ascii tsvector NOT NULL)"
        )
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {TABLE}_body ON {TABLE} USING gin (body)"
        )
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {TABLE}_ascii ON {TABLE} USING gin (ascii)"
        )

    def add(self, rows: Sequence[Row]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {TABLE}(document_id, body, ascii) VALUES "  # noqa: S608  (table and column names are constants)
                "(%s, to_tsvector('simple', %s), to_tsvector('simple', %s))",
                rows,
            )

    def search(self, query: str, limit: int = 50) -> list[int]:
        column, terms = query_terms(query)
        if not terms:
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT document_id FROM {TABLE}, plainto_tsquery('simple', %s) AS q"  # noqa: S608  (table and column names are constants)
                f" WHERE {column} @@ q ORDER BY ts_rank({column}, q) DESC LIMIT %s",
                [" ".join(terms), limit],
            )
            return [row[0] for row in cursor.fetchall()]


BACKENDS: dict[str, Any] = {"sqlite": SqliteSearch, "postgresql": PostgresSearch}


def search_backend(vendor: str | None = None) -> SearchBackend:
    backend: SearchBackend = BACKENDS[vendor or connection.vendor]()
    return backend
