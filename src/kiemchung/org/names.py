"""How a person is shown: by full name everywhere, never by login name, when one is set."""

from __future__ import annotations

from typing import Any


def display_name(user: Any) -> str:
    """The user's full name, else their login name; empty for no user."""
    if user is None:
        return ""
    return str(user.get_full_name() or user.get_username())
