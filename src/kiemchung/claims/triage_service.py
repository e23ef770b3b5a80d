"""The triage model inside the application: versions in the data folder, story scores,
and retraining from the organisation's own verdicts.

Labels come from people: a story matched (confirmed) to a fact-check rated false or
misleading is 1, one rated true, mostly true or out of scope is 0. Unverifiable stories
teach nothing and are left out. Scores only rank the queue; they never label anything.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone

from kiemchung.claims import checkworthy_learned
from kiemchung.claims.extraction import forget_learned_model, learned_path
from kiemchung.claims.models import Claim, Verdict
from kiemchung.sources.models import Document
from kiemchung.stories.models import Story
from kiemchung.triage import Dataset, TriageModel, from_records, load_latest, save, train
from kiemchung.triage.store import versions

POSITIVE = (Verdict.FALSE, Verdict.MISLEADING)
NEGATIVE = (Verdict.TRUE, Verdict.MOSTLY_TRUE, Verdict.OUT_OF_SCOPE)
META_COLUMNS = ("likes", "comments", "shares", "posted_at")
MIN_PER_CLASS = 10


def model_folder() -> Path:
    return Path(settings.DATA_DIR) / "models" / "triage"


@lru_cache(maxsize=1)
def _latest(version_count: int) -> TriageModel | None:
    return load_latest(model_folder()) if version_count else None


def latest_model() -> TriageModel | None:
    """The newest saved model (reloaded when a new version appears)."""
    return _latest(len(versions(model_folder())))


def document_meta(document: Document) -> dict[str, object]:
    return {
        "likes": document.likes,
        "comments": document.comments,
        "shares": document.shares,
        "posted_at": document.published_at.isoformat(),
    }


def score_stories(limit: int = 500, rescore: bool = False) -> int:
    """Score stories without a triage score (all of them with ``rescore``)."""
    model = latest_model()
    if model is None:
        return 0
    stories = Story.objects.select_related("representative").exclude(representative=None)
    if not rescore:
        stories = stories.filter(triage_score__isnull=True)
    batch = list(stories.order_by("-last_seen")[:limit])
    if not batch:
        return 0
    docs = [story.representative for story in batch if story.representative is not None]
    scores = model.score([d.text for d in docs], [document_meta(d) for d in docs])
    for story, document, value in zip(batch, docs, scores, strict=True):
        reasons = [
            phrase
            for phrase, effect in model.explain(document.text, document_meta(document), top=3)
            if effect > 0
        ]
        Story.objects.filter(pk=story.pk).update(triage_score=value, triage_reasons=reasons)
    return len(batch)


def verdict_dataset() -> Dataset:
    """Every document of every story people matched to a rated fact-check."""
    texts: list[str] = []
    labels: list[int] = []
    meta: dict[str, list[object]] = {name: [] for name in META_COLUMNS}
    stories = Story.objects.filter(already_checked__verdict__in=POSITIVE + NEGATIVE)
    for story in stories.select_related("already_checked"):
        label = 1 if story.already_checked and story.already_checked.verdict in POSITIVE else 0
        for document in story.documents.all():
            texts.append(document.text)
            labels.append(label)
            for name, value in document_meta(document).items():
                meta[name].append(value)
    return from_records(texts, labels, meta)


def retrain(seed: int = 0) -> dict[str, Any]:
    """Rebuild the triage model and the learned check-worthiness from people's labels."""
    report: dict[str, Any] = {"triage": None, "checkworthiness": None}
    dataset = verdict_dataset()
    positives = sum(dataset.labels)
    if min(positives, len(dataset.labels) - positives) >= MIN_PER_CLASS:
        model = train(dataset, seed=seed)
        path = save(
            model, model_folder(), note=f"retrained from verdicts {timezone.now():%Y-%m-%d}"
        )
        report["triage"] = {
            "version": path.name,
            "posts": len(dataset.labels),
            "positives": positives,
        }
        _latest.cache_clear()
    labelled = Claim.objects.exclude(is_factual=None).values_list("text", "is_factual")
    learned = checkworthy_learned.fit([t for t, _ in labelled], [int(bool(f)) for _, f in labelled])
    if learned is not None:
        checkworthy_learned.save(learned, learned_path())
        forget_learned_model()
        report["checkworthiness"] = {"labels": learned.labels}
    return report
