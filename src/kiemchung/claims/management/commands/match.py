"""`kiemchung match "TEXT" [--top K]`: ranked fact-checks for a text, as one JSON object.

The command embeds only its query: the fact-checks' embeddings are those the worker
stored. It runs no system checks (they would load every page's code for nothing).
"""

from __future__ import annotations

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from kiemchung.claims.matching_service import match_payload


class Command(BaseCommand):
    help = (
        "Find fact-checks (and with --claims, earlier claims) that a text repeats. Prints "
        '{"query": ..., "results": [{"id", "url", "claim", "verdict", "rating", "score", '
        '"decision"}, ...], "index": {"fact_checks", "embedded", "missing", "embedder"}}.'
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("text")
        parser.add_argument("--top", type=int, default=5, help="How many results (default 5).")
        parser.add_argument("--claims", action="store_true", help="Include earlier claims.")

    def handle(self, *args: Any, **options: Any) -> None:
        payload = match_payload(
            options["text"], options["top"], include_claims=options["claims"], embed_on_build=0
        )
        index = payload["index"]
        if index["missing"]:
            self.stderr.write(
                f"kiemchung match: {index['missing']} of {index['fact_checks']} fact-checks have "
                "no stored embedding yet and were matched by their words only; the worker "
                "embeds them (kiemchung worker, or kiemchung worker --batch once)."
            )
        self.stdout.write(json.dumps(payload, ensure_ascii=False))
