"""Development pairs: claims written from sentences, restated or contradicted by one
edit, split by document, and the same-claim figures computed on them."""

from __future__ import annotations

import random

import pytest

from kiemchung.matching.devbench import same_claim_figures
from kiemchung.matching.devpairs import (
    CONTRADICT_KINDS,
    DEMO_FILE,
    Sentence,
    contradict,
    make_pairs,
    restate,
    source_sentences,
)
from kiemchung.matching.pairs import pair_details

SENTENCE = (
    "Sáng 5/9, Sở Y tế tỉnh Hòa Lâm đã cho phép 300 nhà thuốc bán thuốc kháng sinh, theo báo cáo."
)


@pytest.mark.parametrize("kind", sorted(CONTRADICT_KINDS))
def test_each_contradicting_edit_changes_the_sentence(kind: str) -> None:
    edited = contradict(SENTENCE, kind, random.Random(3), ["Sở Giáo dục", "Phú Hưng"])
    assert edited is not None
    assert edited != SENTENCE


def test_a_restatement_without_diacritics_is_the_sentence_typed_plainly() -> None:
    assert (
        restate("Giá xăng tăng mạnh.", "no_diacritics", random.Random(1)) == "gia xang tang manh."
    )


def test_pairs_of_one_document_stay_in_one_split() -> None:
    sentences = [
        Sentence(SENTENCE, "doc-1", "t"),
        Sentence("Giá xăng tăng mạnh từ chiều nay.", "doc-1", "t"),
    ]
    assert len({pair.split for pair in make_pairs(sentences)}) == 1


def test_the_demo_corpus_gives_pairs_of_both_labels_and_the_guard_holds_on_them() -> None:
    sentences = source_sentences(documents=120, paths=[DEMO_FILE])
    pairs = make_pairs(sentences)
    assert {0, 1} == {pair.label for pair in pairs}
    results = pair_details([(p.sentence, p.claim) for p in pairs], embedder=None)
    figures = same_claim_figures(pairs, results)
    assert figures["contradicting_confirmed"] <= 0.05
    assert figures["restating_found"] >= 0.92
