"""The learned triage model: which social-media posts most need a fact-check.

Pure Python (scikit-learn, numpy, scipy), no Django. Scores rank posts for people to
look at; they never publish, label or remove anything (docs/principles.md).

- ``data``: ``Dataset`` and a forgiving ``load_csv``.
- ``features``: the scikit-learn feature pipeline (n-grams, signals, meta).
- ``model``: ``train``, ``evaluate`` and ``TriageModel`` (``score``, ``explain``).
- ``store``: versioned models on disk (``save``, ``load_latest``, ``versions``).
- ``devdata``: a synthetic development set and the demo corpus as a dataset.

Command line: ``python -m kiemchung.triage --help``.
"""

from kiemchung.triage.data import Dataset, RowProblem, from_records, load_csv
from kiemchung.triage.model import ModelConfig, TriageModel, evaluate, train
from kiemchung.triage.store import load_latest, save, versions

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
