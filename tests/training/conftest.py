"""The training tests' world: see ``kiemchung.testing.training``."""

from __future__ import annotations

from typing import Any

import pytest

from kiemchung.testing.training import World, make_world


@pytest.fixture
def world(db: Any) -> World:
    return make_world()
