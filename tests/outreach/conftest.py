"""Fixtures of the outreach tests: a unit tree, its people, a published fact-check."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import override_settings

from kiemchung.claims.models import FactCheck
from kiemchung.guides.models import Guide
from kiemchung.guides.services import change_status, create_guide
from kiemchung.org.models import Role
from kiemchung.publishing.services import publish_case
from kiemchung.testing.guides import TEXT
from kiemchung.testing.org import UnitTree, make_unit_tree, make_user
from kiemchung.testing.publishing import approved_case


@pytest.fixture(autouse=True)
def quiet(tmp_path: Path) -> Iterator[None]:
    with override_settings(
        EMBEDDER="none",
        DATA_DIR=tmp_path,
        PUBLIC_BASE_URL="https://kiemchung.hoalam.example",
    ):
        yield


@pytest.fixture
def tree(db: None) -> UnitTree:
    return make_unit_tree()


@pytest.fixture
def writer(tree: UnitTree) -> User:
    return make_user(Role.VERIFIER, tree.commune, "vietbai", first_name="Hoa", last_name="Lê Thị")


@pytest.fixture
def reviewer(tree: UnitTree) -> User:
    return make_user(Role.REVIEWER, tree.province, "kiemduyet", first_name="Nam", last_name="Phạm")


@pytest.fixture
def factcheck(db: None) -> FactCheck:
    return publish_case(approved_case())


@pytest.fixture
def draft(tree: UnitTree, writer: User) -> Guide:
    return create_guide(writer, tree.commune, TEXT)


@pytest.fixture
def published(draft: Guide, writer: User, reviewer: User, factcheck: FactCheck) -> Guide:
    draft.related_factchecks.add(factcheck)
    change_status(writer, draft, "in_review")
    return change_status(reviewer, draft, "published")
