"""Why a match was only suggested, in the reader's language.

The matcher's guard gives findings, "code" or "code:detail" ("number:300→3000",
"entity:y tế→giáo dục", "negation"); one registry entry per code turns them into a
short phrase ("số liệu khác: 300 → 3.000"). An unknown code is shown as written; a
bare code (matches stored before findings were kept) gets its phrase without detail.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

ARROW = "→"
_LONG_NUMBER = re.compile(r"(?<![\d.,])\d{4,}(?![\d])")


def _arrow(detail: str) -> str:
    """ "y tế→giáo dục" → "y tế → giáo dục"; an empty side shows as "—"."""
    return f" {ARROW} ".join(side.strip() or "—" for side in detail.split(ARROW))


def _figures(detail: str) -> str:
    """``_arrow`` with thousands grouped as Vietnamese writes them: "3000" → "3.000"."""
    return _LONG_NUMBER.sub(
        lambda found: f"{int(found.group()):,}".replace(",", "."), _arrow(detail)
    )


@dataclass(frozen=True)
class Explanation:
    """A reason's phrase with its detail (``%(detail)s``), and without one."""

    detailed: Promise
    bare: Promise
    shape: Callable[[str], str] = _arrow


EXPLANATIONS: dict[str, Explanation] = {
    "negation": Explanation(_("negated in one: %(detail)s"), _("one of them is negated")),
    "number": Explanation(_("different figures: %(detail)s"), _("different figures"), _figures),
    "date": Explanation(_("different date or time: %(detail)s"), _("different date or time")),
    "place": Explanation(_("different place: %(detail)s"), _("different place")),
    "entity": Explanation(
        _("different agency, place or name: %(detail)s"), _("different agency, place or name")
    ),
    "antonym": Explanation(_("opposite meaning: %(detail)s"), _("opposite meaning")),
    "changed": Explanation(_("different details: %(detail)s"), _("different details")),
    "added": Explanation(_("added details: %(detail)s"), _("added details")),
    "too_short": Explanation(_("too short to compare: %(detail)s"), _("too short to compare")),
}


def explain(finding: str) -> str:
    """One finding in words: "number:300→3000" → "số liệu khác: 300 → 3.000"."""
    code, _sep, detail = finding.partition(":")
    explanation = EXPLANATIONS.get(code)
    if explanation is None:
        return finding
    if not detail.strip():
        return str(explanation.bare)
    return str(explanation.detailed) % {"detail": explanation.shape(detail)}


def explain_all(findings: Iterable[str]) -> list[str]:
    """Every finding in words, in the matcher's order."""
    return [explain(finding) for finding in findings]
