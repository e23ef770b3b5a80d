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
        for item in items:
            self.stdout.write(_json_line(item) if options["json"] else _text_line(item))
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


def _json_line(item: QueueItem) -> str:
    urls = [url for url in item.story.documents.values_list("url", flat=True) if url]
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
