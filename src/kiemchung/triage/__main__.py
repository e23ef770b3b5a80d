"""``python -m kiemchung.triage``: make the development set, evaluate, train and save.

Examples::

    python -m kiemchung.triage devdata --rows 5000 --seed 0 --out dev.csv
    python -m kiemchung.triage evaluate dev.csv --text post_message --label label \
        --meta timestamp_post,num_like_post,num_comment_post,num_share_post
    python -m kiemchung.triage evaluate-demo [--by-story]
    python -m kiemchung.triage train dev.csv --text post_message --label label \
        --meta num_like_post,num_share_post --models data/triage-models [--cv]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kiemchung.triage import devdata, store
from kiemchung.triage.data import Dataset, load_csv
from kiemchung.triage.model import evaluate, train


def _load(args: argparse.Namespace) -> Dataset:
    meta = [name.strip() for name in args.meta.split(",") if name.strip()] if args.meta else []
    dataset = load_csv(args.file, args.text, args.label, meta)
    print(dataset.summary())
    for note in dataset.notes:
        print("  " + note)
    for problem in dataset.problems[:20]:
        print(f"  skipped {problem}")
    if len(dataset.problems) > 20:
        print(f"  … and {len(dataset.problems) - 20} more skipped rows")
    return dataset


def _print(result: dict[str, Any]) -> None:
    print(json.dumps(result, ensure_ascii=False, indent=1))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m kiemchung.triage")
    commands = parser.add_subparsers(dest="command", required=True)

    make = commands.add_parser("devdata", help="write the synthetic development CSV")
    make.add_argument("--rows", type=int, default=5000)
    make.add_argument("--seed", type=int, default=0)
    make.add_argument("--out", type=Path, default=Path("triage-dev.csv"))

    for name in ("evaluate", "train"):
        sub = commands.add_parser(name, help=f"{name} on a labelled CSV")
        sub.add_argument("file", type=Path)
        sub.add_argument("--text", default="post_message")
        sub.add_argument("--label", default="label")
        sub.add_argument("--meta", default="", help="comma-separated meta columns")
        sub.add_argument("--seed", type=int, default=0)
        sub.add_argument("--folds", type=int, default=5)
        if name == "train":
            sub.add_argument("--models", type=Path, required=True, help="model folder")
            sub.add_argument("--cv", action="store_true", help="store CV figures too")

    demo = commands.add_parser("evaluate-demo", help="cross-validate on the demo corpus")
    demo.add_argument("--by-story", action="store_true", help="group folds by story")
    demo.add_argument("--seed", type=int, default=0)
    demo.add_argument("--folds", type=int, default=5)

    args = parser.parse_args(argv)
    if args.command == "devdata":
        devdata.main(["--rows", str(args.rows), "--seed", str(args.seed), "--out", str(args.out)])
    elif args.command == "evaluate":
        _print(evaluate(_load(args), folds=args.folds, seed=args.seed, verbose=True))
    elif args.command == "evaluate-demo":
        dataset = devdata.demo_dataset(group_by_story=args.by_story)
        print(dataset.summary())
        _print(evaluate(dataset, folds=args.folds, seed=args.seed, verbose=True))
    elif args.command == "train":
        dataset = _load(args)
        cv = evaluate(dataset, folds=args.folds, seed=args.seed) if args.cv else None
        started = time.perf_counter()
        model = train(dataset, seed=args.seed)
        print(f"trained on {len(dataset)} posts in {time.perf_counter() - started:.1f} s")
        print(f"saved {store.save(model, args.models, cv=cv)}")


if __name__ == "__main__":
    main()
