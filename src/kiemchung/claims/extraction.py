"""Claims from stories: the check-worthy sentences of each story's representative documents.

Only the representative document and the most-shared copy are read — not every repost.
Sentences are scored for check-worthiness (the default scorer, blended with the
organisation's learned one when it exists); the best few become the story's claims.
Idempotent: a claim is unique per story by its identity (``claims.identity``): two
sentences that differ only in diacritics, case, emoji or decoration are one claim, shown
in its best wording, and extracting again reuses the claim already stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kiemchung.claims import checkworthy, checkworthy_learned
from kiemchung.claims.identity import claim_key, preference
from kiemchung.claims.models import Claim
from kiemchung.sources.models import Document
from kiemchung.stories.models import Story
from kiemchung.text import themes
from kiemchung.text.content import content
from kiemchung.text.langid import detect
from kiemchung.text.normalize import match_key
from kiemchung.text.sentences import split_sentences
from kiemchung.text.tokens import syllables

MAX_CLAIMS_PER_STORY = 5
MIN_SYLLABLES = 5
MAX_SENTENCE_CHARS = 600


def learned_path() -> Path:
    return Path(settings.DATA_DIR) / "models" / "checkworthiness.pickle"


@lru_cache(maxsize=1)
def _learned() -> checkworthy_learned.LearnedCheckworthiness | None:
    return checkworthy_learned.load(learned_path())


def forget_learned_model() -> None:
    _learned.cache_clear()


def score_sentence(sentence: str) -> checkworthy.Score:
    default = checkworthy.score(sentence)
    learned = _learned()
    if learned is None:
        return default
    blended = learned.blend(sentence, default)
    value = checkworthy.cap(blended.value, blended.reasons)  # an opinion stays one
    return checkworthy.Score(value=value, reasons=blended.reasons, features=blended.features)


def representative_documents(story: Story) -> list[Document]:
    docs: list[Document] = []
    if story.representative_id:
        docs.extend(Document.objects.filter(pk=story.representative_id))
    most_shared = story.documents.order_by("-shares", "-likes", "id").first()
    if most_shared is not None and all(d.pk != most_shared.pk for d in docs):
        docs.append(most_shared)
    return docs


def candidate_sentences(document: Document) -> Iterable[str]:
    return text_sentences(document.text, document.title)


def text_sentences(text: str, title: str = "") -> Iterable[str]:
    pieces = [title] if title else []
    pieces.extend(split_sentences(text))
    for piece in pieces:
        sentence = content(piece)  # hashtags, links and emoji are not content
        if len(syllables(match_key(sentence))) >= MIN_SYLLABLES:
            yield sentence[:MAX_SENTENCE_CHARS]


def best_checkworthiness(text: str, title: str = "") -> float:
    """The check-worthiness of a text's best sentence (0 when none is long enough)."""
    return max((score_sentence(s).value for s in text_sentences(text, title)), default=0.0)


def extract_for_story(story: Story) -> list[Claim]:
    """Create the story's claims (best first) and mark the story as extracted."""
    scored: dict[str, tuple[str, Document, checkworthy.Score]] = {}
    for document in representative_documents(story):
        for sentence in candidate_sentences(document):
            key = claim_key(sentence)
            known = scored.get(key)
            if known is None or preference(sentence) > preference(known[0]):
                scored[key] = (sentence, document, score_sentence(sentence))
    best = sorted(scored.items(), key=lambda item: -item[1][2].value)[:MAX_CLAIMS_PER_STORY]
    theme = themes.classify(" ".join(sentence for sentence, _, _ in scored.values()))
    with transaction.atomic():
        claims = [_save_claim(story, key, *value) for key, value in best]
        Story.objects.filter(pk=story.pk).update(claims_extracted_at=timezone.now(), theme=theme)
    story.theme = theme
    return claims


def _save_claim(
    story: Story, key: str, sentence: str, document: Document, result: checkworthy.Score
) -> Claim:
    claim, _ = Claim.objects.get_or_create(
        story=story,
        key=key,
        defaults={
            "document": document,
            "text": sentence,
            "language": detect(sentence).code,
            "checkworthiness": result.value,
            "reasons": list(result.reasons),
        },
    )
    return claim


def extract_pending(limit: int = 200) -> int:
    """Extract claims for stories that have none yet, newest first. Returns stories done."""
    stories = Story.objects.filter(claims_extracted_at__isnull=True).order_by("-last_seen")[:limit]
    done = 0
    for story in stories:
        extract_for_story(story)
        done += 1
    return done
