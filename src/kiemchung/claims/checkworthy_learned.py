"""The check-worthiness scorer, adapted to an organisation's own labels.

Staff mark claims as factual or "not a factual claim". Once there are enough of both, a
logistic regression over the default scorer's signals plus character n-grams of the
accent-free key learns the organisation's sense of check-worthy, and its probability is
blended with the default score (more weight as labels accumulate).
"""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from kiemchung.claims.checkworthy import FEATURE_CODES, Score, score
from kiemchung.text.normalize import ascii_key

if TYPE_CHECKING:  # scikit-learn loads on first use, not with every command
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

MIN_PER_CLASS = 10
FULL_WEIGHT_AT = 300
MAX_WEIGHT = 0.8
FORMAT = 2  # 2: the ``shouting`` signal was added to the features


@cache
def _vectorizer() -> Any:
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(
        analyzer="char_wb", ngram_range=(2, 4), n_features=2**18, alternate_sign=False, norm="l2"
    )


def _features(sentences: Sequence[str]) -> sparse.csr_matrix:
    from scipy import sparse

    signals = np.array(
        [[score(s).features.get(code, 0.0) for code in FEATURE_CODES] for s in sentences]
    )
    grams = _vectorizer().transform([ascii_key(s) for s in sentences])
    return sparse.hstack([sparse.csr_matrix(signals), grams], format="csr")


@dataclass
class LearnedCheckworthiness:
    model: LogisticRegression
    labels: int

    @property
    def weight(self) -> float:
        return MAX_WEIGHT * min(1.0, self.labels / FULL_WEIGHT_AT)

    def blend(self, sentence: str, default: Score) -> Score:
        learned = float(self.model.predict_proba(_features([sentence]))[0, 1])
        value = (1 - self.weight) * default.value + self.weight * learned
        return Score(value=value, reasons=default.reasons, features=default.features)


def fit(sentences: Sequence[str], labels: Sequence[int]) -> LearnedCheckworthiness | None:
    """Learn from labelled sentences (1 = factual claim); None when labels are too few."""
    positives = sum(1 for label in labels if label)
    if min(positives, len(labels) - positives) < MIN_PER_CLASS:
        return None
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000)
    model.fit(_features(sentences), np.array(labels))
    return LearnedCheckworthiness(model=model, labels=len(labels))


def save(learned: LearnedCheckworthiness, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(pickle.dumps((FORMAT, learned)))
    tmp.replace(path)


def load(path: Path) -> LearnedCheckworthiness | None:
    if not path.exists():
        return None
    version, learned = pickle.loads(path.read_bytes())  # noqa: S301 (our own data folder)
    return learned if version == FORMAT else None
