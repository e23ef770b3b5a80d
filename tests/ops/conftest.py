"""Each operations test gets its own data folder (story index, models, evidence, secrets)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import override_settings

from kiemchung.testing.ops import empty_search_index


@pytest.fixture
def data_dir(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "data"
    folder.mkdir()
    with override_settings(DATA_DIR=folder, MEDIA_ROOT=folder / "media", EMBEDDER="none"):
        yield folder
    empty_search_index()
