"""How a person is shown: by full name everywhere, never by login name, when one is set.

Vietnamese names read family name first ("Nguyễn Thị Lan"): Django's ``last_name`` holds
the family (and middle) name, ``first_name`` the given name, so the family name comes
first. The member pages keep the whole name in ``first_name``, which shows as written.
"""

from __future__ import annotations

from typing import Any


def display_name(user: Any) -> str:
    """The user's full name, family name first, else their login name; empty for none."""
    if user is None:
        return ""
    family = str(getattr(user, "last_name", "") or "").strip()
    given = str(getattr(user, "first_name", "") or "").strip()
    full = f"{family} {given}".strip()
    return full or str(user.get_username())
