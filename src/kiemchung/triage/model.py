"""The triage model: which posts most need a fact-check, as a calibrated probability.

Design (``train``):

1. Features (``features.TriageFeatures``): TF-IDF syllable n-grams over the match key,
   TF-IDF character n-grams over the accent-free key, and a standardised dense block of
   hand-made signals and meta (engagement, time).
2. A linear model: logistic regression (balanced classes) on all blocks. Its C comes from
   a small grid by grouped, stratified inner cross-validation (ROC-AUC); the inner
   folds also give out-of-fold linear scores ``z`` for every training post.
3. A stacker: gradient-boosted trees (``HistGradientBoostingClassifier``) on ``z`` plus
   the unscaled signals and meta (missing values left missing). It sees interactions
   the linear model cannot (few likes but many shares, night posts with links…).
   Its own out-of-fold scores ``h`` come from a second grouped split of the training posts.
4. A blender that is also the calibrator: Platt scaling (logistic regression on the
   logits) of ``[z]``, ``[z, h]`` or ``[z, h with a time trend]``, whichever has the
   lowest out-of-fold log-loss. So the stacker and the time trend are used only when
   cross-validation on the organisation's own data says they help.
5. The threshold for the yes/no flag is the one that maximises F1 on the out-of-fold
   calibrated scores of the training posts (never on held-out posts).

Folds are stratified and grouped by normalised text (``data.text_group``): identical
texts (reposts) never sit on both sides of a fold, neither in ``evaluate`` nor inside
``train``.

Scores rank posts for people; they never publish, label or remove anything.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from joblib import Parallel, delayed
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, log_loss, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from threadpoolctl import threadpool_limits

from kiemchung.triage.data import Dataset, MetaKind, MetaValue, parse_meta_value
from kiemchung.triage.features import (
    SIGNAL_NAMES,
    FeatureConfig,
    Post,
    TriageFeatures,
    char_document,
    describe_meta,
    describe_signal,
    domain_kind,
    hosts,
    lexicon_hits,
    missing_phrase,
    prepare,
)

__all__ = [
    "FORMAT_VERSION",
    "ModelConfig",
    "TriageModel",
    "evaluate",
    "fold_indices",
    "train",
]

FORMAT_VERSION = 1
FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
MetaInput = Sequence[Mapping[str, object]] | Mapping[str, Sequence[object]] | None


@dataclass(frozen=True)
class ModelConfig:
    """Training settings (stored with every saved model)."""

    features: FeatureConfig = field(default_factory=FeatureConfig)
    c_grid: tuple[float, ...] = (1.0, 4.0, 16.0)
    inner_folds: int = 5
    stack: bool = True
    trend: str = "auto"  # "auto": CV decides; "never"; "always" (when a timestamp exists)
    n_jobs: int = 2

    def as_dict(self) -> dict[str, Any]:
        return {
            "features": self.features.as_dict(),
            "c_grid": list(self.c_grid),
            "inner_folds": self.inner_folds,
            "stack": self.stack,
            "trend": self.trend,
        }


def _fit_booster(s: FloatArray, y: IntArray, seed: int) -> HistGradientBoostingClassifier:
    """Boosted trees on one thread: as fast on a few thousand rows, and immune to the
    slowdown of OpenMP threads spinning on a machine that is busy with other work."""
    with threadpool_limits(1, user_api="openmp"):
        return _booster(seed).fit(s, y)


def _booster(seed: int) -> HistGradientBoostingClassifier:
    return HistGradientBoostingClassifier(
        learning_rate=0.05,
        max_iter=200,
        max_leaf_nodes=15,
        min_samples_leaf=30,
        l2_regularization=1.0,
        early_stopping=False,
        random_state=seed,
    )


def _linear(c: float) -> LogisticRegression:
    return LogisticRegression(C=c, class_weight="balanced", max_iter=3000)


def _logit(p: FloatArray) -> FloatArray:
    clipped = np.clip(p, 1e-6, 1 - 1e-6)
    return np.asarray(np.log(clipped / (1 - clipped)), dtype=np.float64)


def _sigmoid(x: FloatArray) -> FloatArray:
    return np.asarray(1.0 / (1.0 + np.exp(-x)), dtype=np.float64)


def _splits(
    labels: IntArray, groups: Sequence[str], folds: int, seed: int
) -> list[tuple[IntArray, IntArray]]:
    """Stratified folds that keep every group on one side."""
    distinct = len(set(groups))
    smallest = int(min(labels.sum(), len(labels) - labels.sum()))
    k = max(2, min(folds, distinct, smallest))
    splitter = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=seed)
    dummy = np.zeros(len(labels))
    return [
        (np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64))
        for a, b in splitter.split(dummy, labels, groups)
    ]


def _fit_score_linear(
    x: sp.csr_matrix, y: IntArray, train: IntArray, test: IntArray, c: float
) -> FloatArray:
    if len(np.unique(y[train])) < 2:  # a tiny set: nothing to learn in this fold
        return np.zeros(len(test))
    model = _linear(c).fit(x[train], y[train])
    return np.asarray(model.decision_function(x[test]), dtype=np.float64)


def _fit_score_booster(
    s: FloatArray, y: IntArray, train: IntArray, test: IntArray, seed: int
) -> FloatArray:
    if len(np.unique(y[train])) < 2:
        return np.zeros(len(test))
    model = _fit_booster(s[train], y[train], seed)
    return _logit(np.asarray(model.predict_proba(s[test])[:, 1], dtype=np.float64))


def _best_f1_threshold(y: IntArray, p: FloatArray) -> float:
    order = np.argsort(-p)
    sorted_p, sorted_y = p[order], y[order]
    tp = np.cumsum(sorted_y)
    fp = np.cumsum(1 - sorted_y)
    positives = max(1, int(y.sum()))
    f1 = 2 * tp / (tp + fp + positives)
    # only cut between distinct scores
    last_of_run = np.r_[sorted_p[1:] != sorted_p[:-1], True]
    f1 = np.where(last_of_run, f1, -1.0)
    best = int(np.argmax(f1))
    below = sorted_p[best + 1] if best + 1 < len(sorted_p) else 0.0
    return float((sorted_p[best] + below) / 2)


def _parse_meta(
    meta: MetaInput, n: int, kinds: Mapping[str, MetaKind]
) -> list[dict[str, MetaValue]]:
    used = [name for name, kind in kinds.items() if kind != "ignored"]
    if meta is None:
        return [dict.fromkeys(used) for _ in range(n)]
    if isinstance(meta, Mapping):
        columns: Mapping[str, Sequence[object]] = meta
        for name, values in columns.items():
            if len(values) != n:
                raise ValueError(f"meta column {name!r} has {len(values)} values for {n} texts")
        return [
            {name: parse_meta_value(columns[name][i], kinds[name]) if name in columns else None
             for name in used}
            for i in range(n)
        ]  # fmt: skip
    if len(meta) != n:
        raise ValueError(f"{n} texts but {len(meta)} meta rows")
    return [{name: parse_meta_value(row.get(name), kinds[name]) for name in used} for row in meta]


class TriageModel:
    """A trained triage model: ``score`` ranks posts, ``explain`` says why."""

    def __init__(
        self,
        config: ModelConfig,
        kinds: Mapping[str, MetaKind],
        features: TriageFeatures,
        linear: LogisticRegression,
        booster: HistGradientBoostingClassifier | None,
        use_trend: bool,
        blender: LogisticRegression,
        threshold: float,
        z_reference: float,
        dense_typical: FloatArray,
        training: dict[str, Any],
    ) -> None:
        self.format_version = FORMAT_VERSION
        self.config = config
        self.kinds = dict(kinds)
        self.features = features
        self.linear = linear
        self.booster = booster
        self.use_trend = use_trend
        self.blender = blender
        self.threshold = threshold
        self.z_reference = z_reference
        self.dense_typical = dense_typical
        self.training = training

    # --- scoring ---------------------------------------------------------------

    def posts(self, texts: Sequence[str], meta: MetaInput = None) -> list[Post]:
        return prepare(texts, _parse_meta(meta, len(texts), self.kinds))

    def _blend(self, z: FloatArray, h: FloatArray | None) -> FloatArray:
        inputs = z[:, None] if h is None else np.column_stack([z, h])
        return np.asarray(self.blender.decision_function(inputs), dtype=np.float64)

    def _booster_input(self, z: FloatArray, dense: FloatArray) -> FloatArray:
        return np.column_stack([z, dense])

    def _parts(self, posts: Sequence[Post]) -> tuple[FloatArray, FloatArray | None, FloatArray]:
        x = self.features.transform(posts)
        z = np.asarray(self.linear.decision_function(x), dtype=np.float64)
        if self.booster is None:
            return z, None, np.empty((len(posts), 0))
        dense = self.features.dense_raw(posts, trend=self.use_trend)
        h = _logit(self.booster.predict_proba(self._booster_input(z, dense))[:, 1])
        return z, h, dense

    def score(self, texts: Sequence[str], meta: MetaInput = None) -> list[float]:
        """Calibrated probability (0..1) that each post needs a fact-check.

        ``meta``: one mapping per text (column name -> raw value such as 12, "12.0", an
        ISO date or Unix seconds), or one sequence per column, or None (all missing).
        """
        if not texts:
            return []
        z, h, _ = self._parts(self.posts(texts, meta))
        return [float(p) for p in _sigmoid(self._blend(z, h))]

    def flag(self, texts: Sequence[str], meta: MetaInput = None) -> list[bool]:
        """Whether each score reaches the F1-optimal threshold chosen in training."""
        return [p >= self.threshold for p in self.score(texts, meta)]

    # --- explaining ------------------------------------------------------------------

    def explain(
        self, text: str, meta: Mapping[str, object] | None = None, top: int = 5
    ) -> list[tuple[str, float]]:
        """The features behind one score, strongest first, as (phrase, effect).

        The effect is in log-odds of the final score: positive pushes towards "needs a
        fact-check", negative away. Text and signal effects through the linear model
        are coefficient x value (words and their spellings summed per word; signals
        relative to an average post), carried through the blender (and, by a secant,
        through the boosted stacker). The stacker's own use of a signal is measured by
        setting that signal to its typical training value and re-scoring.
        """
        post = self.posts([text], None if meta is None else [meta])[0]
        x = self.features.transform([post])
        z, h, dense = self._parts([post])
        weights = np.asarray(self.blender.coef_[0], dtype=np.float64)
        path = float(weights[0])
        effects: dict[tuple[str, str], float] = {}
        if self.booster is not None and h is not None:
            path += float(weights[1]) * self._secant(z[0], h[0], dense[0])
            self._booster_effects(post, z[0], h[0], dense[0], float(weights[1]), effects)
        self._linear_effects(post, x, path, effects)
        described = self._describe(post, effects)
        ranked = sorted(described.items(), key=lambda item: -abs(item[1]))
        return [(p, round(float(v), 4)) for p, v in ranked if abs(v) > 1e-4][:top]

    def _secant(self, z: float, h: float, dense: FloatArray) -> float:
        """How much the stacker's logit moves per unit of linear logit, for this post."""
        if self.booster is None or abs(z - self.z_reference) < 1e-6:
            return 0.0
        reference = self._booster_input(np.array([self.z_reference]), dense[None, :])
        h_ref = float(_logit(self.booster.predict_proba(reference)[:, 1])[0])
        return max(0.0, (h - h_ref) / (z - self.z_reference))

    def _booster_effects(
        self,
        post: Post,
        z: float,
        h: float,
        dense: FloatArray,
        weight: float,
        effects: dict[tuple[str, str], float],
    ) -> None:
        if self.booster is None:
            return
        names = self.features.dense_names(self.use_trend)
        groups: dict[str, list[int]] = {}
        for i, name in enumerate(names):
            groups.setdefault(_dense_group(name), []).append(i)
        rows = []
        for indices in groups.values():
            row = dense.copy()
            row[indices] = self.dense_typical[indices]
            rows.append(row)
        occluded = self._booster_input(np.full(len(rows), z), np.asarray(rows))
        h_occluded = _logit(self.booster.predict_proba(occluded)[:, 1])
        for key, h_without in zip(groups, h_occluded, strict=True):
            effects[("d", key)] = effects.get(("d", key), 0.0) + weight * (h - float(h_without))

    def _linear_effects(
        self, post: Post, x: sp.csr_matrix, path: float, effects: dict[tuple[str, str], float]
    ) -> None:
        coef = np.asarray(self.linear.coef_[0], dtype=np.float64)
        n_words, n_chars, _ = self.features.block_sizes
        words = self.features.word_.get_feature_names_out()
        chars = self.features.char_.get_feature_names_out()
        dense_names = self.features.dense_names()
        char_words = _char_words(post, self.features)
        row = x.tocoo()
        for j, value in zip(row.col, row.data, strict=True):
            effect = path * coef[j] * float(value)
            if j < n_words:
                token = str(words[j])
                kind = "dom" if token.startswith("dom:") else ("w" if " " not in token else "ws")
                key = (kind, token[4:] if kind == "dom" else token)
                effects[key] = effects.get(key, 0.0) + effect
            elif j < n_words + n_chars:
                gram = str(chars[j - n_words])
                owners = [shown for plain, shown in char_words if gram in f" {plain} "]
                for shown in owners:
                    key = ("w", shown)
                    effects[key] = effects.get(key, 0.0) + effect / len(owners)
            else:
                name = dense_names[j - n_words - n_chars]
                key = ("d", _dense_group(name))
                effects[key] = effects.get(key, 0.0) + effect

    def _describe(self, post: Post, effects: dict[tuple[str, str], float]) -> dict[str, float]:
        dense_names = self.features.dense_names(self.use_trend)
        raw = self.features.dense_raw([post], trend=self.use_trend)[0]
        typical = dict(zip(dense_names, self.dense_typical, strict=True))
        values = dict(zip(dense_names, raw, strict=True))
        out: dict[str, float] = {}
        for (kind, key), effect in effects.items():
            if kind == "w":
                phrase = f"word '{key}'"
            elif kind == "ws":
                phrase = f"words '{key}'"
            elif kind == "dom":
                phrase = f"link to {key} ({_domain_words(domain_kind(key))})"
            else:
                phrase = _describe_dense(post, key, values, typical)
            out[phrase] = out.get(phrase, 0.0) + effect
        return out

    def summary(self) -> dict[str, Any]:
        return {
            "format_version": self.format_version,
            "threshold": self.threshold,
            "uses_stacker": self.booster is not None,
            "uses_trend": self.use_trend,
            "kinds": self.kinds,
            **self.training,
        }


def _domain_words(kind: str) -> str:
    return {
        "news": "a known news site",
        "official": "an official site",
        "social": "a social network",
        "shop": "a shop",
        "shortener": "a shortened link",
        "unknown": "an unknown domain",
    }[kind]


_SIGNAL_GROUPS = {
    "exclaim_runs": "exclaims",
    "caps_words": "caps_share",
    "tokens": "length",
}


def _dense_group(name: str) -> str:
    """Dense features that read as one thing: a meta column's value and its missing flag,
    a timestamp's hour, weekday and trend, "!" and "!!!", capitals, length in characters
    and in words."""
    if name in _SIGNAL_GROUPS:
        return _SIGNAL_GROUPS[name]
    for prefix in ("log_", "missing_"):
        if name.startswith(prefix) and name != "log_engagement":
            return "count:" + name[len(prefix) :]
    for prefix in ("hour_sin_", "hour_cos_", "night_"):
        if name.startswith(prefix):
            return "hour:" + name[len(prefix) :]
    if name.startswith("weekday"):
        return "weekday:" + name[len("weekday0_") :]
    if name.startswith("trend_"):
        return "trend:" + name[len("trend_") :]
    return name


def _describe_dense(
    post: Post, group: str, values: Mapping[str, float], typical: Mapping[str, float]
) -> str:
    if group in SIGNAL_NAMES:
        above = values[group] > typical.get(group, 0.0)
        phrase = describe_signal(group, above)
        if above and group.startswith("lex_"):
            hits = lexicon_hits(post, group[4:])
            if hits:
                phrase += ": " + ", ".join(dict.fromkeys(hits[:3]))
        if above and group == "links_unknown":
            unknown = [h for h in hosts(post.match) if domain_kind(h) == "unknown"]
            phrase += f" ({', '.join(dict.fromkeys(unknown[:2]))})" if unknown else ""
        return phrase
    kind, _, column = group.partition(":")
    if kind == "count":
        value = values.get(f"log_{column}", math.nan)
        if math.isnan(value) or values.get(f"missing_{column}") == 1.0:
            return f"{missing_phrase(column)} unknown"
        return describe_meta(f"log_{column}", value > typical.get(f"log_{column}", 0.0))
    if kind == "hour":
        night = values.get(f"night_{column}", math.nan)
        if math.isnan(night):
            return "posting time unknown"
        return "posted at night (0-5h)" if night == 1.0 else "time of day of the post"
    if kind == "weekday":
        for d in range(7):
            if values.get(f"weekday{d}_{column}") == 1.0:
                return describe_meta(f"weekday{d}_{column}", True)
        return "posting time unknown"
    if kind == "trend":
        return "when it was posted (period)"
    value = values.get(group, math.nan)
    if math.isnan(value):
        return f"{missing_phrase(group)} unknown"
    return describe_meta(group, value > typical.get(group, 0.0))


def _char_words(post: Post, features: TriageFeatures) -> list[tuple[str, str]]:
    """(accent-free word, word as shown) pairs of the text seen by the char n-grams."""
    config = features.config or FeatureConfig()
    plain = char_document(post, config.char_max_chars).split()
    shown_doc = char_document(replace(post, ascii=post.match), config.char_max_chars).split()
    shown = shown_doc if len(shown_doc) == len(plain) else plain
    return [(p, s.strip(".,;:!?\"'()[]{}…“”‘’-*") or s) for p, s in zip(plain, shown, strict=True)]


# --- training ------------------------------------------------------------------------


def train(
    dataset: Dataset, seed: int = 0, config: ModelConfig | None = None, verbose: bool = False
) -> TriageModel:
    """Fit a triage model on a dataset (see the module docstring for the design)."""
    config = config or ModelConfig()
    started = time.perf_counter()
    if len(set(dataset.labels)) < 2:
        raise ValueError("training needs both labels (0 and 1)")
    y = np.asarray(dataset.labels, dtype=np.int64)
    groups = dataset.groups or dataset.text_groups()
    posts = prepare(dataset.texts, dataset.meta_rows())
    kinds = {name: kind for name, kind in dataset.kinds.items() if kind != "ignored"}
    features = TriageFeatures(config=config.features, kinds=kinds)
    x = features.fit_transform(posts)

    # 2. linear model: C by grouped inner CV; the inner folds give out-of-fold scores
    splits = _splits(y, groups, config.inner_folds, seed)
    tasks = [(c, i) for c in config.c_grid for i in range(len(splits))]
    scores = Parallel(n_jobs=config.n_jobs, prefer="processes")(
        delayed(_fit_score_linear)(x, y, splits[i][0], splits[i][1], c) for c, i in tasks
    )
    oof_by_c = {c: np.zeros(len(y)) for c in config.c_grid}
    for (c, i), fold_scores in zip(tasks, scores, strict=True):
        oof_by_c[c][splits[i][1]] = fold_scores
    auc_by_c = {c: float(roc_auc_score(y, oof_by_c[c])) for c in config.c_grid}
    best_c = max(config.c_grid, key=lambda c: (round(auc_by_c[c], 4), -c))
    z = oof_by_c[best_c]
    linear = _linear(best_c).fit(x, y)

    # 3./4. stacker and blender, chosen by out-of-fold log-loss
    candidates: dict[str, tuple[FloatArray, FloatArray | None]] = {"linear": (z[:, None], None)}
    has_time = any(kind == "timestamp" for kind in kinds.values())
    trend_options = {
        "auto": [False, True] if has_time else [False],
        "never": [False],
        "always": [has_time],
    }[config.trend]
    stack_splits = _splits(y, groups, config.inner_folds, seed + 1)
    dense_by_trend = {trend: features.dense_raw(posts, trend=trend) for trend in trend_options}
    if config.stack:
        for trend in trend_options:
            s = np.column_stack([z, dense_by_trend[trend]])
            h_parts = Parallel(n_jobs=config.n_jobs, prefer="threads")(
                delayed(_fit_score_booster)(s, y, train_idx, test_idx, seed)
                for train_idx, test_idx in stack_splits
            )
            h = np.zeros(len(y))
            for (_, test_idx), part in zip(stack_splits, h_parts, strict=True):
                h[test_idx] = part
            candidates["stack+trend" if trend else "stack"] = (np.column_stack([z, h]), h)
    losses: dict[str, float] = {}
    blenders: dict[str, LogisticRegression] = {}
    for name, (inputs, _) in candidates.items():
        blender = LogisticRegression(C=100.0, max_iter=1000).fit(inputs, y)
        blenders[name] = blender
        losses[name] = float(log_loss(y, blender.predict_proba(inputs)[:, 1]))
    choice = min(losses, key=lambda name: losses[name])
    use_trend = choice == "stack+trend"
    booster = None
    if choice != "linear":
        s = np.column_stack([z, dense_by_trend[use_trend]])
        booster = _fit_booster(s, y, seed)
    blender = blenders[choice]
    oof = _sigmoid(np.asarray(blender.decision_function(candidates[choice][0])))
    threshold = _best_f1_threshold(y, oof)
    dense = dense_by_trend[use_trend]
    typical = np.nan_to_num(_quietly_nanmedian(dense))
    seconds = time.perf_counter() - started
    training = {
        "n": len(y),
        "positives": int(y.sum()),
        "seed": seed,
        "config": config.as_dict(),
        "linear_c": best_c,
        "inner_auc_by_c": {str(c): round(a, 4) for c, a in auc_by_c.items()},
        "blend_logloss": {name: round(v, 4) for name, v in losses.items()},
        "choice": choice,
        "inner_auc": round(float(roc_auc_score(y, oof)), 4),
        "blender_coef": [round(float(v), 4) for v in blender.coef_[0]],
        "features": dict(zip(("words", "chars", "dense"), features.block_sizes, strict=True)),
        "train_seconds": round(seconds, 2),
    }
    if verbose:
        print(training)
    return TriageModel(
        config=config,
        kinds=kinds,
        features=features,
        linear=linear,
        booster=booster,
        use_trend=use_trend,
        blender=blender,
        threshold=threshold,
        z_reference=float(np.median(z)),
        dense_typical=typical,
        training=training,
    )


def _quietly_nanmedian(values: FloatArray) -> FloatArray:
    with np.errstate(all="ignore"):
        return np.asarray(np.nanmedian(values, axis=0), dtype=np.float64)


def fold_indices(
    dataset: Dataset, folds: int = 5, seed: int = 0
) -> list[tuple[IntArray, IntArray]]:
    """The (train, test) row indices ``evaluate`` uses: stratified by label and grouped by
    normalised text (or by ``dataset.groups`` when set), so that identical texts never sit
    on both sides of a fold."""
    y = np.asarray(dataset.labels, dtype=np.int64)
    return _splits(y, dataset.groups or dataset.text_groups(), folds, seed)


def evaluate(
    dataset: Dataset,
    folds: int = 5,
    seed: int = 0,
    config: ModelConfig | None = None,
    verbose: bool = False,
) -> dict[str, Any]:
    """Grouped, stratified k-fold figures of ``train`` on a dataset.

    Every fold trains a fresh model on the other folds only (features, C, stacker,
    calibration and threshold included) and scores the held-out fold.
    """
    started = time.perf_counter()
    y = np.asarray(dataset.labels, dtype=np.int64)
    splits = fold_indices(dataset, folds, seed)
    out_folds: list[dict[str, Any]] = []
    pooled = np.zeros(len(y))
    choices: list[str] = []
    for number, (train_idx, test_idx) in enumerate(splits, start=1):
        train_part = dataset.subset(train_idx.tolist())
        test_part = dataset.subset(test_idx.tolist())
        model = train(train_part, seed=seed, config=config)
        scores = np.asarray(model.score(test_part.texts, test_part.meta_rows()))
        pooled[test_idx] = scores
        y_test = y[test_idx]
        both = len(np.unique(y_test)) == 2
        fold = {
            "roc_auc": round(float(roc_auc_score(y_test, scores)), 4) if both else math.nan,
            "pr_auc": round(float(average_precision_score(y_test, scores)), 4)
            if both
            else math.nan,
            "f1": round(float(f1_score(y_test, scores >= model.threshold)), 4),
            "n_train": len(train_idx),
            "n_test": len(test_idx),
            "choice": model.training["choice"],
            "train_seconds": model.training["train_seconds"],
        }
        choices.append(model.training["choice"])
        out_folds.append(fold)
        if verbose:
            print(f"fold {number}: {fold}")
    return {
        "roc_auc": round(float(np.nanmean([f["roc_auc"] for f in out_folds])), 4),
        "pr_auc": round(float(np.nanmean([f["pr_auc"] for f in out_folds])), 4),
        "f1": round(float(np.mean([f["f1"] for f in out_folds])), 4),
        "roc_auc_std": round(float(np.nanstd([f["roc_auc"] for f in out_folds])), 4),
        "roc_auc_pooled": round(float(roc_auc_score(y, pooled)), 4),
        "folds": out_folds,
        "n": len(y),
        "positives": int(y.sum()),
        "seconds": round(time.perf_counter() - started, 1),
    }
