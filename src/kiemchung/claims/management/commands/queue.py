"""`kiemchung queue`: the priority queue, best first; `--evaluate FILE`: its ROC-AUC."""

from __future__ import annotations

import json
import time
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from kiemchung.claims.queue import QueueItem, priority_queue
from kiemchung.claims.queue_eval import evaluate_file
from kiemchung.sources.models import Document


class Command(BaseCommand):
    help = "Print the priority queue, best first, or measure its ranking on labelled posts."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--all", action="store_true", help="Rank every story.")
        parser.add_argument("--limit", type=int, default=30, help="Stories shown (default 30).")
        parser.add_argument("--json", action="store_true", help="One JSON object a line.")
        parser.add_argument(
            "--evaluate",
            type=Path,
            metavar="FILE",
            help="Labelled JSON lines (import schema plus 'label'): print the queue's ROC-AUC.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["evaluate"] is not None:
            self._evaluate(options["evaluate"])
            return
        limit = None if options["all"] and options["limit"] == 30 else options["limit"]
        started = time.perf_counter()
        items = priority_queue(limit=limit, every_story=options["all"])
        seconds = time.perf_counter() - started
        urls = _urls([item.story.pk for item in items]) if options["json"] else {}
        for item in items:
            self.stdout.write(
                _json_line(item, urls.get(item.story.pk, []))
                if options["json"]
                else _text_line(item)
            )
        if not options["json"]:
            self.stderr.write(f"{len(items)} stories in {seconds:.2f} s")

    def _evaluate(self, path: Path) -> None:
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        try:
            result = evaluate_file(path)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(json.dumps(result, ensure_ascii=False))


def _urls(story_ids: list[int]) -> dict[int, list[str]]:
    """The addresses of every document of the stories, in a few queries."""
    found: dict[int, list[str]] = {}
    for start in range(0, len(story_ids), 900):
        rows = (
            Document.objects.filter(story_id__in=story_ids[start : start + 900])
            .exclude(url="")
            .order_by("published_at", "pk")
            .values_list("story_id", "url")
        )
        for story_id, url in rows:
            found.setdefault(story_id, []).append(url)
    return found


def _json_line(item: QueueItem, urls: list[str]) -> str:
    return json.dumps(
        {
            "story": item.story.pk,
            "title": item.story.title,
            "priority": item.priority,
            "reasons": item.reasons,
            "urls": urls,
        },
        ensure_ascii=False,
    )


def _text_line(item: QueueItem) -> str:
    return f"{item.priority:.3f}  #{item.story.pk}  {item.story.title[:90]}\n    " + "\n    ".join(
        item.reasons
    )
