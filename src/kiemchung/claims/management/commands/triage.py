"""`kiemchung triage train|evaluate|retrain|score`: the learned triage model."""

from __future__ import annotations

import json
import time
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from kiemchung.claims.triage_service import model_folder, retrain, score_stories
from kiemchung.triage import evaluate, load_csv, save, train


def _columns(value: str | None) -> list[str]:
    return [name.strip() for name in (value or "").split(",") if name.strip()]


class Command(BaseCommand):
    help = "Train, evaluate and apply the triage model (CPU only; scores rank, never label)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        for name, text in (
            ("train", "Train on a labelled CSV and save a new model version."),
            ("evaluate", "Grouped, stratified k-fold figures as one JSON line."),
        ):
            sub = actions.add_parser(name, help=text)
            sub.add_argument("--data", required=True, type=Path)
            sub.add_argument("--text-column", required=True)
            sub.add_argument("--label-column", required=True, help="0/1; 1 = needs a fact-check.")
            sub.add_argument("--meta-columns", help="Comma-separated counts or timestamps.")
            sub.add_argument("--seed", type=int, default=0)
            if name == "evaluate":
                sub.add_argument("--folds", type=int, default=5)
        retrain_parser = actions.add_parser(
            "retrain", help="Rebuild from the organisation's verdicts."
        )
        retrain_parser.add_argument("--seed", type=int, default=0)
        rescore = actions.add_parser("score", help="Score stories with the newest model.")
        rescore.add_argument("--all", action="store_true", help="Rescore every story.")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "retrain":
            self._print(retrain(seed=options["seed"]))
        elif action == "score":
            self._print({"scored": score_stories(limit=10**9, rescore=options["all"])})
        else:
            self._with_data(action, options)

    def _with_data(self, action: str, options: dict[str, Any]) -> None:
        path: Path = options["data"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        dataset = load_csv(
            path, options["text_column"], options["label_column"], _columns(options["meta_columns"])
        )
        for problem in dataset.problems[:50]:
            self.stderr.write(f"{path}: {problem}")
        if len(set(dataset.labels)) < 2:
            raise CommandError(f"{path}: the data needs both labels, 0 and 1")
        if action == "evaluate":
            self._print(evaluate(dataset, folds=options["folds"], seed=options["seed"]))
            return
        started = time.perf_counter()
        model = train(dataset, seed=options["seed"])
        version = save(model, model_folder(), note=f"trained on {path.name}")
        self._print(
            {
                "version": version.name,
                "posts": len(dataset.labels),
                "seconds": round(time.perf_counter() - started, 1),
            }
        )

    def _print(self, payload: dict[str, Any]) -> None:
        self.stdout.write(json.dumps(payload, ensure_ascii=False, default=str))
