"""Object ids from query strings and forms, read the one safe way.

``"²".isdigit()`` is true and ``int("²")`` fails; ``int("99999999999999999999")`` works
and then overflows the database's integer. An id is ASCII digits, from 1 to the largest
primary key the database holds; anything else is no id at all.
"""

from __future__ import annotations

from django import forms

MAX_ID = 2**63 - 1  # BigAutoField's largest value, on SQLite and PostgreSQL alike
_MAX_DIGITS = len(str(MAX_ID))


def parse_id(value: object) -> int | None:
    """The id written in ``value``, or None when it is not one."""
    text = str(value if value is not None else "").strip()
    if not text or len(text) > _MAX_DIGITS or not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if 1 <= number <= MAX_ID else None


class IdField(forms.IntegerField):
    """A form field for an object's id: a whole number within the database's range."""

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(**kwargs)  # type: ignore[arg-type]
