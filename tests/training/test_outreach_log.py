"""The outreach log: what a unit published where and how."""

from __future__ import annotations

import pytest

from kiemchung.org.models import Role
from kiemchung.testing.training import World, client_for
from kiemchung.training.models import OutreachActivity

pytestmark = pytest.mark.django_db


def _entry(world: World, **extra: object) -> dict[str, object]:
    data: dict[str, object] = {
        "unit": world.tree.commune.pk,
        "day": "2030-03-06",
        "channel": "loudspeaker",
        "title": "Cảnh giác cuộc gọi giả danh công an",
        "place": "Đài truyền thanh xã An Phú",
        "details": "Phát 3 buổi sáng trong tuần",
        "reach": "2500",
        "link": "",
    }
    data.update(extra)
    return data


def test_a_member_adds_a_loudspeaker_bulletin_to_the_log(world: World) -> None:
    client = client_for(world.team[Role.MEMBER])
    assert client.post("/training/outreach/", _entry(world)).status_code == 302
    entry = OutreachActivity.objects.get()
    assert (entry.channel, entry.reach, entry.created_by) == (
        "loudspeaker",
        2500,
        world.team[Role.MEMBER],
    )
    assert (
        "Cảnh giác cuộc gọi giả danh công an" in client.get("/training/outreach/").content.decode()
    )


def test_read_only_sees_the_log_but_cannot_add(world: World) -> None:
    client = client_for(world.team[Role.READONLY])
    assert client.get("/training/outreach/").status_code == 200
    assert client.post("/training/outreach/", _entry(world)).status_code == 403
    assert not OutreachActivity.objects.exists()


def test_a_commune_neither_sees_nor_writes_another_communes_log(world: World) -> None:
    client_for(world.team[Role.MEMBER]).post("/training/outreach/", _entry(world))
    entry = OutreachActivity.objects.get()
    other = client_for(world.sibling_head)
    assert entry.title not in other.get("/training/outreach/").content.decode()
    other.post("/training/outreach/", _entry(world))  # the commune is not among the choices
    assert OutreachActivity.objects.count() == 1
    assert other.post(f"/training/outreach/{entry.pk}/remove").status_code == 404
    assert OutreachActivity.objects.count() == 1


def test_an_entry_is_removed_by_the_unit(world: World) -> None:
    client = client_for(world.team[Role.MEMBER])
    client.post("/training/outreach/", _entry(world))
    entry = OutreachActivity.objects.get()
    assert client.post(f"/training/outreach/{entry.pk}/remove").status_code == 302
    assert not OutreachActivity.objects.exists()


def test_only_web_links_are_kept(world: World) -> None:
    client_for(world.team[Role.MEMBER]).post(
        "/training/outreach/", _entry(world, link="javascript:alert(1)")
    )
    assert not OutreachActivity.objects.exists()


def test_people_reached_are_written_with_a_thousands_dot(world: World) -> None:
    client = client_for(world.team[Role.MEMBER])
    client.post("/training/outreach/", _entry(world))
    assert '<td class="num">2.500</td>' in client.get("/training/outreach/").content.decode()
