"""`kiemchung similarity --pairs FILE.csv`: the matcher's score, decision and guard
reasons for sentence pairs."""

from __future__ import annotations

import io
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kiemchung.matching.pairs import score_pairs_csv


class Command(BaseCommand):
    help = (
        "Read a CSV with columns id, sentence1, sentence2 and print CSV "
        "id,score,decision,reasons: the same fused score the claim matcher uses, in [0, 1], "
        "its decision (confirmed, suggested, none) and the guard's reasons."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--pairs", required=True, type=Path, help="CSV: id,sentence1,sentence2")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["pairs"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        embedder = settings.EMBEDDER if settings.EMBEDDER != "none" else None
        output = io.StringIO()
        with path.open(encoding="utf-8-sig", newline="") as source:
            score_pairs_csv(source, output, embedder=embedder)
        self.stdout.write(output.getvalue(), ending="")
