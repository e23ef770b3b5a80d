"""Test training: a province with two communes, a team in the first commune, and helpers
to make sessions (for tests/training, tests/reports and the browser tests)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from kiemchung.org.models import Role
from kiemchung.testing.org import UnitTree, make_team, make_unit_tree, make_user
from kiemchung.training.models import TrainingSession
from kiemchung.training.services import GroupRow, create_session


@dataclass
class World:
    tree: UnitTree
    team: dict[str, User]  # one user per role in the commune
    sibling_head: User  # the head of the neighbouring commune
    trainee: User  # a member of the commune, with a full name


def make_world() -> World:
    tree = make_unit_tree()
    team = make_team(tree.commune)
    sibling_head = make_user(Role.HEAD, tree.sibling, "sibling-head")
    trainee = make_user(
        Role.MEMBER, tree.commune, "trainee", first_name="Lan", last_name="Trần Thị"
    )
    return World(tree, team, sibling_head, trainee)


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def soon(days: float = 1) -> datetime:
    return timezone.now() + timedelta(days=days)


def make_session(
    world: World, *, starts_at: datetime | None = None, **fields: Any
) -> TrainingSession:
    values: dict[str, Any] = {
        "topic": "Nhận diện tin giả trên mạng xã hội",
        "starts_at": starts_at or soon(),
        "duration_minutes": 120,
        "place": "Hội trường UBND xã",
        "trainer": "Đ/c Nguyễn Văn An, Phó Trưởng ban",
        "audience": "members",
    }
    values.update(fields)
    members = values.pop("members", [world.trainee])
    groups = values.pop("groups", [GroupRow("pupils", 120, "Học sinh trường THCS An Phú")])
    unit = values.pop("unit", world.tree.commune)
    return create_session(world.team[Role.HEAD], unit, members=members, groups=groups, **values)
