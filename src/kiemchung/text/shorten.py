"""Shortening text for display: cut on a word boundary, never inside a word."""

from __future__ import annotations

ELLIPSIS = "…"
_TRAILING = " \t\n,;:.-–—(/"


def shorten(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, cut after a whole word and ended with
    "…" when it was longer. A single word longer than the limit is cut inside it."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    if limit <= 1:
        return ELLIPSIS[:limit]
    head = text[: limit - 1]
    if not text[limit - 1].isspace():
        cut = head.rfind(" ")
        if cut > 0:
            head = head[:cut]
    return head.rstrip(_TRAILING) + ELLIPSIS
