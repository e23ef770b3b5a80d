"""Shared people for the API tests: a commune's verifier, a member of the neighbouring
commune, a person with no role; a client that sends a bearer token."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User

from kiemchung.org.models import Role
from kiemchung.testing.api import ApiClient, bearer
from kiemchung.testing.org import UnitTree, make_unit_tree, make_user


@pytest.fixture(autouse=True)
def _matching_is_lexical(lexical_matching: None) -> None:
    """Every API test matches without the embedder, on a fresh cache."""


@pytest.fixture
def tree(db: Any) -> UnitTree:
    return make_unit_tree()


@pytest.fixture
def verifier(tree: UnitTree) -> User:
    return make_user(Role.VERIFIER, tree.commune, "kiem-chung-vien")


@pytest.fixture
def neighbour(tree: UnitTree) -> User:
    return make_user(Role.VERIFIER, tree.sibling, "xa-ben-canh")


@pytest.fixture
def nobody(tree: UnitTree) -> User:
    return make_user(None, None, "khong-vai-tro")


@pytest.fixture
def as_verifier(verifier: User) -> ApiClient:
    return ApiClient(bearer(verifier))


@pytest.fixture
def anonymous(db: Any) -> ApiClient:
    return ApiClient()
