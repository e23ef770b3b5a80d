"""Tokens: fast syllables for bulk text, word segmentation for short texts.

``syllables`` runs one compiled regex over a match key (or an ASCII key) and
returns its tokens, left to right:

- URLs with a scheme or starting with "www." are one token (trailing
  punctuation stays out); bare domains with a common suffix are one token
  ("tuoitre.vn", "moh.gov.vn").
- A number keeps its inner separators . , : / - and a trailing %: "5.000",
  "2,5", "30/9/2024", "2-9", "0912.345.678", "50%". A number written in
  groups separated by spaces is several tokens ("0912 345 678" gives three).
  This keeps every token a plain substring of the key and never glues two
  neighbouring numbers of a sentence together.
- Money: the currency sign is its own token, so "5.000đ" and "5.000 đ" give
  the same ["5.000", "đ"] (as underthesea does).
- Clock times written with h are one token: "15h30", "9h".
- Words are letter runs; letters followed by digits stay together ("u23",
  "h5n1", "f0"). Hyphens split words ("covid-19" gives "covid", "19").
- Everything else (punctuation, symbols, emoji) is dropped. E-mail addresses
  split into their parts.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

__all__ = ["syllables", "words"]

_URL_END = r"""[^\s<>"'`.,;:!?)\]}]"""
_DOMAIN_SUFFIXES = "vn|com|net|org|gov|edu|info|io"

_TOKEN_RE = re.compile(
    rf"""
      https?://[^\s<>"'`]*{_URL_END}         # URL with a scheme
    | www\.[^\s<>"'`]*{_URL_END}             # URL starting with www.
    | \d\d?h(?:[0-5]\d)?(?![^\W_])           # clock time: 15h, 15h30
    | \d+(?:[.,:/-]\d+)*%?                   # number: 5.000, 2,5, 30/9/2024, 50%
    | [^\W\d_]+(?:\d+[^\W\d_]*)*             # word: hà, nội, u23, h5n1
      (?:\.(?:[a-z0-9-]+\.)*(?:{_DOMAIN_SUFFIXES})(?!\w))?  # ... or a domain
    """,
    re.VERBOSE,
)


def syllables(key: str) -> list[str]:
    """The tokens of a match key (see the module docstring for the rules)."""
    return _TOKEN_RE.findall(key)


DEFAULT_MAX_WORD_CHARS = 2000


def words(text: str, max_chars: int = DEFAULT_MAX_WORD_CHARS) -> list[str]:
    """Vietnamese words of a short text (claims, titles, queries), with underthesea.

    Compound words come back as one token with a space ("Hà Nội"). Word
    segmentation runs at about 85 news documents a second, so longer texts are
    refused: use ``syllables`` for bulk text.
    """
    if len(text) > max_chars:
        raise ValueError(f"text has {len(text)} characters; words() takes at most {max_chars}")
    segmented = _word_tokenize()(unicodedata.normalize("NFC", text))
    return [str(word) for word in segmented]


@cache
def _word_tokenize() -> Any:
    """underthesea's segmenter, imported on first use (the import takes 0.4 s)."""
    from underthesea import word_tokenize

    return word_tokenize
