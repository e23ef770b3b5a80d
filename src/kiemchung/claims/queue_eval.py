"""How well the queue ranks: ROC-AUC of its priority against labelled posts.

A labelled file is JSON lines in the import schema plus ``label`` (1 or "unreliable":
needs a fact-check; 0 or "reliable": does not). Two ways to measure, chosen by what the
database holds:

- ``stories``: the file was imported (``kiemchung ingest``) and its claims extracted
  (``kiemchung worker --batch``). Every story holding a labelled post is ranked by the
  queue's own priority; a story is unreliable when any of its labelled posts is.
- ``posts``: nothing of the file is in the database. Each post is scored as a story of
  one post would be (the same seam, the same priority, no spread), without touching the
  database.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sklearn.metrics import roc_auc_score

from kiemchung.claims.extraction import best_checkworthiness
from kiemchung.claims.queue import priority, priority_queue
from kiemchung.claims.triage_service import suspicion
from kiemchung.sources.canonical import canonical_url
from kiemchung.sources.models import Document
from kiemchung.sources.records import Record, record_from_mapping
from kiemchung.triage import prior
from kiemchung.triage.data import parse_label

_WORD_LABELS = {"unreliable": 1, "fake": 1, "reliable": 0, "real": 0}


@dataclass(frozen=True, slots=True)
class Labelled:
    row: dict[str, Any]
    label: int


def read_labelled(path: Path) -> Iterator[Labelled]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            label = _label(row.get("label"))
            if label is not None and isinstance(row.get("text"), str):
                yield Labelled(row, label)


def _label(raw: object) -> int | None:
    if isinstance(raw, str) and raw.strip().casefold() in _WORD_LABELS:
        return _WORD_LABELS[raw.strip().casefold()]
    return parse_label(raw)


def evaluate_file(path: Path) -> dict[str, Any]:
    rows = list(read_labelled(path))
    if len({r.label for r in rows}) < 2:
        raise ValueError(f"{path}: the file needs both labels, reliable and unreliable")
    by_story = _story_labels(rows)
    if by_story:
        return _figures("stories", *_rank_stories(by_story))
    return _figures("posts", *_rank_posts(rows))


def _figures(
    mode: str, labels: list[int], scores: list[float], seconds: float, ranked: int
) -> dict[str, Any]:
    """``seconds``: the time to score and rank ``ranked`` stories (or posts)."""
    return {
        "mode": mode,
        "n": len(labels),
        "unreliable": sum(labels),
        "roc_auc": round(float(roc_auc_score(labels, scores)), 4),
        "ranked": ranked,
        "seconds": round(seconds, 2),
        "per_second": round(ranked / seconds, 1) if seconds else None,
    }


def _story_labels(rows: list[Labelled]) -> dict[int, int]:
    urls: dict[str, int] = {}
    for line, item in enumerate(rows, start=1):
        record = record_from_mapping(item.row, line)  # a private handle becomes its pseudonym
        url = canonical_url(record.url) if isinstance(record, Record) else ""
        if url:
            urls[url] = max(urls.get(url, 0), item.label)
    found: dict[int, int] = {}
    chunk = list(urls)
    for start in range(0, len(chunk), 900):
        part = chunk[start : start + 900]
        for url, story_id in Document.objects.filter(url__in=part).values_list("url", "story_id"):
            if story_id is not None:
                found[story_id] = max(found.get(story_id, 0), urls[url])
    return found


def _rank_stories(labels: dict[int, int]) -> tuple[list[int], list[float], float, int]:
    started = time.perf_counter()
    queue = priority_queue(limit=None, every_story=True)
    seconds = time.perf_counter() - started
    ranked = {item.story.pk: item.priority for item in queue}
    kept = [pk for pk in labels if pk in ranked]
    return [labels[pk] for pk in kept], [ranked[pk] for pk in kept], seconds, len(ranked)


def _rank_posts(rows: list[Labelled]) -> tuple[list[int], list[float], float, int]:
    started = time.perf_counter()
    posts = [_post(item.row) for item in rows]
    meta = [
        {
            "likes": p.likes,
            "comments": p.comments,
            "shares": p.shares,
            "posted_at": item.row.get("posted_at"),
        }
        for p, item in zip(posts, rows, strict=True)
    ]
    scored = suspicion(posts, meta)
    scores = [priority(s.value, 0) for s in scored]
    return [item.label for item in rows], scores, time.perf_counter() - started, len(rows)


def _count(raw: object) -> int:
    try:
        return max(0, int(float(str(raw))))
    except ValueError:
        return 0


def _post(row: dict[str, Any]) -> prior.Post:
    text, title = str(row.get("text") or ""), str(row.get("title") or "")
    kind = str(row.get("account_kind") or "public")
    return prior.Post(
        text=text,
        title=title,
        url=str(row.get("url") or ""),
        account_kind=kind if kind in ("public", "private") else "public",
        shares=_count(row.get("shares")),
        likes=_count(row.get("likes")),
        comments=_count(row.get("comments")),
        checkworthiness=best_checkworthiness(text, title),
    )
