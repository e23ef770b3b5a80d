"""`kiemchung report stats|build|forecast`: the period review from the command line."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from kiemchung.reports.periods import HELP, Period, PeriodError, parse_period


class Command(BaseCommand):
    help = "Period review reports: figures, documents and the outlook."

    def add_arguments(self, parser: ArgumentParser) -> None:
        kinds = parser.add_subparsers(dest="kind", required=True)
        stats = kinds.add_parser("stats", help="The figures of a period, as one JSON object.")
        _period_arguments(stats)
        stats.add_argument("--json", action="store_true", help="Print JSON (the only form).")
        build = kinds.add_parser("build", help="The report document: DOCX, PDF or XLSX.")
        _period_arguments(build)
        build.add_argument("--format", choices=("docx", "pdf", "xlsx"), default="docx")
        build.add_argument("--output", type=Path, required=True, help="The file to write.")
        forecast = kinds.add_parser(
            "forecast", help="The outlook's forecaster against a naive forecast."
        )
        forecast.add_argument(
            "--backtest", action="store_true", help="Compare errors on the weekly series."
        )
        forecast.add_argument("--weeks", type=int, default=8, help="Weeks held out (default 8).")

    def handle(self, *args: Any, **options: Any) -> None:
        handler = {"stats": _stats, "build": _build, "forecast": _forecast}[options["kind"]]
        try:
            self.stdout.write(handler(options))
        except PeriodError as exc:
            # A malformed period exits 2, as argparse does for its own errors.
            self.stderr.write(f"kiemchung report: {exc}")
            raise SystemExit(2) from exc


def _period_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("--period", required=True, help=f"The period: {HELP}.")
    parser.add_argument("--unit", type=int, help="Organisation unit id (default: all units).")


def _period(options: dict[str, Any]) -> Period:
    return parse_period(options["period"])


def _unit(options: dict[str, Any]) -> Any:
    from kiemchung.org.models import OrgUnit

    if options["unit"] is None:
        return None
    unit = OrgUnit.objects.filter(pk=options["unit"]).first()
    if unit is None:
        raise CommandError(f"no organisation unit with id {options['unit']}")
    return unit


def _stats(options: dict[str, Any]) -> str:
    from kiemchung.reports.figures import period_stats

    return json.dumps(period_stats(_period(options), _unit(options)), ensure_ascii=False)


def _build(options: dict[str, Any]) -> str:
    from kiemchung.reports.documents import build_file

    period = _period(options)
    output: Path = options["output"]
    try:
        build_file(period, _unit(options), options["format"], output)
    except RuntimeError as exc:
        raise CommandError(str(exc)) from exc
    return str(output)


def _forecast(options: dict[str, Any]) -> str:
    from kiemchung.reports.outlook import backtest

    if options["weeks"] < 1:
        raise CommandError("--weeks must be at least 1")
    return json.dumps(backtest(options["weeks"]), ensure_ascii=False)
