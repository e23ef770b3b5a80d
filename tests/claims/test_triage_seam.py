"""One seam: the shipped prior alone out of the box, blended with the organisation's
trained model once there is one, the more the more verdicts it learned from."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from kiemchung.claims import triage_service
from kiemchung.triage.prior import Post

HOAX = Post("Tin nội bộ: sắp đổi tiền, chia sẻ ngay cho người thân!", account_kind="private")


class FakeModel:
    def __init__(self, n: int, value: float) -> None:
        self.training = {"n": n}
        self.value = value

    def score(self, texts: Sequence[str], meta: Any = None) -> list[float]:
        return [self.value for _ in texts]


def test_without_a_trained_model_the_prior_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(triage_service, "latest_model", lambda: None)
    result = triage_service.suspicion([HOAX], [{}])[0]
    assert result.value > 0.8 and result.learned is None
    assert "share_call" in result.cues


def test_a_model_trained_on_more_verdicts_weighs_more(monkeypatch: pytest.MonkeyPatch) -> None:
    values = []
    for n in (30, 300, 3000):
        model = FakeModel(n, 0.05)  # the organisation's verdicts say: not this kind of post
        monkeypatch.setattr(triage_service, "latest_model", lambda model=model: model)
        values.append(triage_service.suspicion([HOAX], [{}])[0].value)
    assert values[0] > values[1] > values[2]
    assert triage_service.learned_weight(FakeModel(10**6, 0.5)) <= 0.85


def test_the_blend_is_a_weighted_average_of_the_two_probabilities(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    prior_alone = triage_service.prior.score(HOAX).value
    model = FakeModel(3000, 1e-9)  # a model all but certain, as it can be on unseen wordings
    monkeypatch.setattr(triage_service, "latest_model", lambda: model)
    weight = triage_service.learned_weight(model)
    result = triage_service.suspicion([HOAX], [{}])[0]
    assert result.value == pytest.approx((1 - weight) * prior_alone, abs=1e-4)
    assert result.value > 0.1  # the prior's cues still count
