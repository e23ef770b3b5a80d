"""Links a published page shows, made safe: only http(s) addresses become links."""

from __future__ import annotations

from typing import Any

from kiemchung.claims.claimreview import clean_url


def evidence_links(evidence: Any) -> list[dict[str, str]]:
    """Evidence as shown: ``href`` only for an http(s) address, never anything else."""
    shown = []
    for item in evidence or []:
        if not isinstance(item, dict):
            continue
        written = str(item.get("url") or "")
        href = (clean_url(written) or "") if written else ""
        shown.append({"href": href, "url": written, "title": str(item.get("title") or "")})
    return shown
