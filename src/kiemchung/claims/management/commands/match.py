"""`kiemchung match "TEXT" [--top K]`: ranked fact-checks for a text, as one JSON object."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from kiemchung.claims.matching_service import match_text


class Command(BaseCommand):
    help = (
        "Find fact-checks (and with --claims, earlier claims) that a text repeats. Prints "
        '{"query": ..., "results": [{"id", "url", "claim", "verdict", "score", "decision"}, ...]}.'
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("text")
        parser.add_argument("--top", type=int, default=5, help="How many results (default 5).")
        parser.add_argument("--claims", action="store_true", help="Include earlier claims.")

    def handle(self, *args: Any, **options: Any) -> None:
        results = match_text(options["text"], options["top"], include_claims=options["claims"])
        payload = {"query": options["text"], "results": [r.as_dict() for r in results]}
        self.stdout.write(json.dumps(payload, ensure_ascii=False))
