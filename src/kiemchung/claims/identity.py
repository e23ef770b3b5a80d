"""When two claims of a story are the same claim.

Two sentences that differ only in diacritics, letter case, emoji or decoration ("‼️",
"★★★", "!!!") are one claim: a post copied without accents, or shouted in capitals with
a fire emoji, repeats the claim, it does not make a new one. ``identity_text`` is that
normal form and ``claim_key`` its short hash, stored as ``Claim.key`` (unique per story).
Plain Python: the data migration that merged the older duplicates uses it too.
"""

from __future__ import annotations

import hashlib
import re

from kiemchung.claims.checkworthy import is_shouted, undecorated
from kiemchung.text.normalize import ascii_key, has_diacritics

_TRAILING_MARKS_RE = re.compile(r"[\s.!?…:;,]+$")


def identity_text(text: str) -> str:
    """The claim without diacritics, case, emoji, decoration or closing marks."""
    return _TRAILING_MARKS_RE.sub("", ascii_key(undecorated(text)))


def claim_key(text: str) -> str:
    return hashlib.blake2b(identity_text(text).encode("utf-8"), digest_size=16).hexdigest()


def preference(text: str) -> tuple[bool, bool, int]:
    """How good a wording of a claim is to show (higher is better): with diacritics, not
    shouted, then the longer one."""
    return has_diacritics(text), not is_shouted(undecorated(text)), len(text)
