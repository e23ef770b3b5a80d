"""What in a post is content: not its hashtags, links or emoji.

``content`` removes them (and the white space they leave), so that a string of hashtags
or a bare link is no sentence, and a sentence is scored on its words only.
"""

from __future__ import annotations

import re

__all__ = ["content"]

_URL_RE = re.compile(r"(?:https?://|www\.)\S+|(?<![\w@.])(?:[a-z0-9-]+\.)+(?:vn|com|net|org|xyz|"
                     r"top|ly|gl|me|co|info|online|site|link|click)(?:/\S*)?(?![\w-])",
                     re.IGNORECASE)  # fmt: skip
_HASHTAG_RE = re.compile(r"(?<![\w#])#[^\W_][\w]*")
_MENTION_RE = re.compile(r"(?<![\w@])@[\w.]+")
_EMOJI_RE = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u203c\u2049\u3030\u303d"
    "\ufe0f\u200d\U0001f1e6-\U0001f1ff]+"
)
_SPACES_RE = re.compile(r"[ \t]{2,}")


def content(text: str) -> str:
    """The text without hashtags, links, mentions and emoji, spaces tidied."""
    for pattern in (_URL_RE, _HASHTAG_RE, _MENTION_RE, _EMOJI_RE):
        text = pattern.sub(" ", text)
    text = _SPACES_RE.sub(" ", text)
    return re.sub(r"\s+([.,!?;:])", r"\1", text).strip(" \t-–|·:")
