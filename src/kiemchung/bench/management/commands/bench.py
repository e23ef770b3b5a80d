"""`kiemchung bench <name>`: each benchmark of ``kiemchung.bench.registry`` prints its
figures as one JSON line."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from kiemchung.bench.registry import BENCHMARKS


class Command(BaseCommand):
    help = "Benchmarks. Each prints its figures as one JSON line."

    def add_arguments(self, parser: ArgumentParser) -> None:
        kinds = parser.add_subparsers(dest="kind", required=True)
        for name, benchmark in BENCHMARKS.items():
            benchmark.arguments(kinds.add_parser(name, help=benchmark.help))

    def handle(self, *args: Any, **options: Any) -> None:
        benchmark = BENCHMARKS[options["kind"]]
        figures = benchmark.run(options)
        self.stdout.write(json.dumps(figures, ensure_ascii=benchmark.ascii_json))
