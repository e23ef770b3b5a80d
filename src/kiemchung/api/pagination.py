"""Pages by id: newest first, ``before`` an id, so inserts never shift a page."""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Model, QuerySet

from kiemchung.api.schemas import ListParams

M = TypeVar("M", bound=Model)


def page(queryset: QuerySet[M], params: ListParams, time_field: str) -> tuple[list[M], int | None]:
    """One page of ``queryset`` filtered by ``params``; the cursor for the next page."""
    if params.before is not None:
        queryset = queryset.filter(pk__lt=params.before)
    if params.since is not None:
        queryset = queryset.filter(**{f"{time_field}__gte": params.since})
    if params.until is not None:
        queryset = queryset.filter(**{f"{time_field}__lt": params.until})
    rows = list(queryset.order_by("-pk")[: params.limit + 1])
    more = len(rows) > params.limit
    rows = rows[: params.limit]
    return rows, (rows[-1].pk if more and rows else None)
