"""What the admin may not change: records that only the audited services write."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


class ViewOnlyAdmin:
    """Shown in the admin, never added, changed or deleted there.

    For records whose every change must go through a service that checks the rights and
    the workflow and writes the audit history (cases, evidence, comments, tasks, alerts,
    the history itself). A change made here would leave no trace and could, for example,
    put another name on a verdict and so pass the four-eyes review.
    """

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
