"""The hand-written stories of the demo corpus, read from the TOML files in ``stories/``.

Everything in them is invented: the province (tỉnh Hòa Lâm), its wards and communes,
outlets, pages, handles, phone numbers, links (reserved ``.example`` domain) and events.
`build_corpus.py` turns these stories into ``corpus.jsonl``: it keeps every hand-written
document and adds reposts derived from them (small edits, emoji, calls to share, copies
typed without diacritics, old-style tone marks).

A story is one family of near-duplicate texts. An official correction of a rumour is a
story of its own (theme ``true_news``) that names the rumour in ``related``. A field left
out of a file takes the default below.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

STORIES = Path(__file__).parent / "stories"
# the files of stories/, in the order the corpus is built (it is seeded: order matters)
GROUPS = ("scams", "fake_notices", "health", "disasters", "price_policy", "true_news", "opinions")
CORRECTIONS_FILE = "corrections"


@dataclass
class Doc:
    """One hand-written document; ``at`` is hours after the story's start."""

    text: str
    at: float = 0.0
    platform: str = "facebook"
    account: str = ""
    kind: str = "private"
    title: str | None = None
    verdict: str | None = None
    variant: str = "original"
    group: str | None = None


@dataclass
class Story:
    slug: str
    theme: str
    verdict: str
    start: str
    register: str  # misinfo | news | official | opinion
    docs: list[Doc]
    # derived reposts: ("burst" | "spread", start hour, count, span in hours)
    segments: list[tuple[str, float, int, float]] = field(default_factory=list)
    related: str | None = None
    strip_p: float = 0.3
    pages: list[str] | None = None  # public pages that repost this story
    notes: list[str] = field(default_factory=list)  # what people write when sharing


@dataclass
class Correction:
    slug: str
    related: str
    start: str
    page: str
    text: str  # first line: the heading of the page post
    outlet: str
    title: str
    lead: str  # the outlet's opening sentence
    at: float  # hours until the outlet's reprint
    extra: int  # derived reposts
    span: float


def _read(folder: Path, name: str) -> dict[str, Any]:
    with (folder / f"{name}.toml").open("rb") as source:
        return tomllib.load(source)


def _story(raw: dict[str, Any]) -> Story:
    fields = dict(raw)
    docs = [Doc(**doc) for doc in fields.pop("docs")]
    segments = [
        (str(kind), start, int(count), span)
        for kind, start, count, span in fields.pop("segments", [])
    ]
    return Story(docs=docs, segments=segments, **fields)


def load_stories(folder: Path = STORIES) -> list[Story]:
    """Every story of every group, in the order of ``GROUPS`` and of each file."""
    return [_story(raw) for name in GROUPS for raw in _read(folder, name).get("story", [])]


def load_corrections(folder: Path = STORIES) -> list[Correction]:
    return [Correction(**raw) for raw in _read(folder, CORRECTIONS_FILE).get("correction", [])]


PRIMARY_STORIES: list[Story] = load_stories()
CORRECTIONS: list[Correction] = load_corrections()
