"""Candidate generation for the claim index: BM25 and character n-grams, fast at 100k.

``Segment`` is an immutable index over a batch of claims:

- BM25 (bm25s, Lucene variant) over our own tokens: the syllables of the match key
  plus those of the accent-free key, so a query typed without diacritics finds the
  claim, and one-letter syllables ("Y" in "Bộ Y tế") are kept (bm25s's own tokenizer
  drops them). bm25s builds the score matrix; queries sum its postings with
  ``np.bincount``, about ten times faster than bm25s's ``np.add.at`` loop.
- TF-IDF over character 3–4-grams of the accent-free key (scikit-learn,
  ``analyzer="char_wb"``), for typos, glued words and teencode. Columns are kept in
  CSC form so a query only touches the postings of its own n-grams; n-grams in more
  than a tenth of the claims (and more than 20) are dropped at build time.

Query terms of BM25 in more than a tenth of the claims are skipped when three rarer
ones remain: they carry most of the postings and barely change the ranking. At
100,000 claims this halves the time of candidate generation.

``Recent`` holds the claims added since the segment was built, in a plain inverted
map, until the next rebuild.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from kiemchung.matching.lexicon import is_stop
from kiemchung.text.normalize import keys
from kiemchung.text.tokens import syllables

__all__ = ["Recent", "Segment", "retrieval_tokens"]

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float32]
CHAR_RANGE = (3, 4)
_MAX_DF = 0.1
_RRF_K = 60
_COMMON_SHARE = 0.1
_MIN_TERMS = 3


def retrieval_tokens(text: str) -> list[str]:
    """Syllables of the match key, then those of the accent-free key."""
    both = keys(text)
    tokens = syllables(both.match)
    if both.ascii != both.match:
        tokens += syllables(both.ascii)
    return tokens


def _top(scores: FloatArray, count: int) -> IntArray:
    """Positions of the ``count`` highest positive scores, best first."""
    positive = np.flatnonzero(scores > 0)
    if len(positive) > count:
        keep = np.argpartition(scores[positive], -count)[-count:]
        positive = positive[keep]
    return positive[np.argsort(-scores[positive], kind="stable")]


@dataclass(frozen=True)
class _Postings:
    """A CSC-like matrix: for term t, rows ``rows[start[t]:start[t+1]]`` with ``values``."""

    start: IntArray
    rows: IntArray
    values: FloatArray

    def selective(self, terms: list[int], size: int) -> list[int]:
        """``terms`` without those in more than a tenth of the rows, unless fewer than
        ``_MIN_TERMS`` would remain: common syllables ("của", "người") barely change the
        ranking but carry most of the postings."""
        limit = max(_COMMON_SHARE * size, 1.0)
        rare = [t for t in terms if self.start[t + 1] - self.start[t] <= limit]
        if len(rare) >= _MIN_TERMS:
            return rare
        by_length = sorted(terms, key=lambda t: self.start[t + 1] - self.start[t])
        return by_length[: max(_MIN_TERMS, len(rare))]

    def scores(self, terms: Sequence[int], weights: Sequence[float], size: int) -> FloatArray:
        if not terms:
            return np.zeros(size, dtype=np.float32)
        parts = [(self.start[t], self.start[t + 1]) for t in terms]
        rows = np.concatenate([self.rows[a:b] for a, b in parts])
        values = np.concatenate(
            [self.values[a:b] * w for (a, b), w in zip(parts, weights, strict=True)]
        )
        return np.bincount(rows, weights=values, minlength=size).astype(np.float32)


class Segment:
    """BM25 and character n-gram retrieval over a fixed list of texts."""

    def __init__(self, texts: Sequence[str], plain_keys: Sequence[str]) -> None:
        self.size = len(texts)
        self._vocab, self._bm25 = _build_bm25([retrieval_tokens(t) for t in texts])
        self._grams, self._analyzer, self._char = _build_char(plain_keys)

    def candidates(self, query_tokens: Sequence[str], plain_key: str, count: int) -> list[int]:
        """Rows from BM25 and from character n-grams, merged by reciprocal rank fusion.

        Each list contributes its top ``count``; a row scores Σ 1 / (60 + rank) over
        the lists it is in, the usual RRF constant. Ties keep BM25's order.
        """
        fused: dict[int, float] = defaultdict(float)
        for ranked in (self.bm25(query_tokens, count), self.char(plain_key, count)):
            for rank, row in enumerate(ranked.tolist()):
                fused[row] += 1.0 / (_RRF_K + rank)
        return sorted(fused, key=lambda row: -fused[row])

    def bm25(self, query_tokens: Sequence[str], count: int) -> IntArray:
        terms = [self._vocab[t] for t in dict.fromkeys(query_tokens) if t in self._vocab]
        terms = self._bm25.selective(terms, self.size)
        scores = self._bm25.scores(terms, [1.0] * len(terms), self.size)
        return _top(scores, count)

    def char(self, plain_key: str, count: int) -> IntArray:
        grams = self._analyzer(plain_key)
        counts: dict[int, int] = defaultdict(int)
        for gram in grams:
            term = self._grams.get(gram)
            if term is not None:
                counts[term] += 1
        terms = list(counts)
        weights = [1.0 + np.log(c) for c in counts.values()]
        return _top(self._char.scores(terms, weights, self.size), count)


def _build_bm25(corpus: list[list[str]]) -> tuple[dict[str, int], _Postings]:
    import bm25s

    # bm25s sets its own logger to DEBUG and logs every build.
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    model = bm25s.BM25(method="lucene", k1=1.2, b=0.75)
    model.index([tokens or [""] for tokens in corpus], show_progress=False)
    scores = model.scores
    postings = _Postings(
        start=np.asarray(scores["indptr"], dtype=np.int64),
        rows=np.asarray(scores["indices"], dtype=np.int64),
        values=np.asarray(scores["data"], dtype=np.float32),
    )
    return dict(model.vocab_dict), postings


def _build_char(
    plain_keys: Sequence[str],
) -> tuple[dict[str, int], Callable[[str], Any], _Postings]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=CHAR_RANGE,
        lowercase=False,
        sublinear_tf=True,
        max_df=max(int(_MAX_DF * len(plain_keys)), 20),
        dtype=np.float32,
    )
    matrix = vectorizer.fit_transform(plain_keys).tocsc()
    postings = _Postings(
        start=matrix.indptr.astype(np.int64),
        rows=matrix.indices.astype(np.int64),
        values=matrix.data.astype(np.float32),
    )
    idf = vectorizer.idf_.astype(np.float32)
    # Fold the query-side idf into the postings: score = Σ q_tf · idf² · d_tfidf / |d|.
    for term in range(len(idf)):
        a, b = postings.start[term], postings.start[term + 1]
        postings.values[a:b] *= idf[term]
    return dict(vectorizer.vocabulary_), vectorizer.build_analyzer(), postings


class Recent:
    """Claims added since the last build: an inverted map of content tokens to rows."""

    def __init__(self) -> None:
        self._rows: dict[str, set[int]] = defaultdict(set)
        self._tokens: dict[int, set[str]] = {}

    def __len__(self) -> int:
        return len(self._tokens)

    def add(self, row: int, text: str) -> None:
        tokens = {t for t in retrieval_tokens(text) if not is_stop(t)}
        self._tokens[row] = tokens
        for token in tokens:
            self._rows[token].add(row)

    def discard(self, row: int) -> None:
        for token in self._tokens.pop(row, set()):
            self._rows[token].discard(row)

    def rows(self) -> list[int]:
        return list(self._tokens)

    def search(self, query_tokens: Sequence[str], count: int) -> list[int]:
        """Rows sharing the most content tokens with the query."""
        shared: dict[int, int] = defaultdict(int)
        for token in set(query_tokens):
            for row in self._rows.get(token, ()):
                shared[row] += 1
        return sorted(shared, key=lambda row: (-shared[row], row))[:count]
