"""The learned triage model: which social-media posts most need a fact-check.

Pure Python (scikit-learn, numpy, scipy), no Django. Scores rank posts for people to
look at; they never publish, label or remove anything (docs/principles.md).

- ``data``: ``Dataset`` and a forgiving ``load_csv``.
- ``features``: the scikit-learn feature pipeline (n-grams, signals, meta).
- ``model``: ``train``, ``evaluate`` and ``TriageModel`` (``score``, ``explain``).
- ``store``: versioned models on disk (``save``, ``load_latest``, ``versions``).
- ``devdata``: a synthetic development set and the demo corpus as a dataset.
- ``prior``: the shipped prior (hand-weighted cues), plain Python; ``devposts``: the
  queue's harder development set of Facebook-shaped posts.

The names below are loaded on first use, so that the prior (and the pages that show the
queue) do not import scikit-learn.

Command line: ``python -m kiemchung.triage --help``.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiemchung.triage.data import Dataset, RowProblem, from_records, load_csv
    from kiemchung.triage.model import ModelConfig, TriageModel, evaluate, train
    from kiemchung.triage.store import load_latest, save, versions

_HOMES = {
    "Dataset": "data",
    "RowProblem": "data",
    "from_records": "data",
    "load_csv": "data",
    "ModelConfig": "model",
    "TriageModel": "model",
    "evaluate": "model",
    "train": "model",
    "load_latest": "store",
    "save": "store",
    "versions": "store",
}

__all__ = [
    "Dataset",
    "ModelConfig",
    "RowProblem",
    "TriageModel",
    "evaluate",
    "from_records",
    "load_csv",
    "load_latest",
    "save",
    "train",
    "versions",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"kiemchung.triage.{home}"), name)
