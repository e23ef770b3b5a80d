"""Organisation units form a tree of any depth; the levels are data, not code."""

from __future__ import annotations

import pytest

from kiemchung.org.models import OrgUnit

pytestmark = pytest.mark.django_db


def test_a_unit_knows_its_ancestors_and_its_subtree_at_any_depth() -> None:
    province = OrgUnit.objects.create(name="Tỉnh Hòa Lâm", level="Tỉnh")
    commune = OrgUnit.objects.create(name="Xã Đông Hòa", level="Xã", parent=province)
    hamlet = OrgUnit.objects.create(name="Thôn 3", level="Thôn", parent=commune)
    team = OrgUnit.objects.create(name="Tổ tuyên truyền", level="Tổ", parent=hamlet)
    assert team.ancestor_ids() == [province.pk, commune.pk, hamlet.pk, team.pk]
    assert team.depth == 3
    assert set(commune.subtree()) == {commune, hamlet, team}
    assert set(province.subtree()) == {province, commune, hamlet, team}


def test_moving_a_unit_moves_everything_below_it() -> None:
    north = OrgUnit.objects.create(name="Cụm Bắc")
    south = OrgUnit.objects.create(name="Cụm Nam")
    commune = OrgUnit.objects.create(name="Xã Tân Phú", parent=north)
    hamlet = OrgUnit.objects.create(name="Ấp 1", parent=commune)
    commune.parent = south
    commune.save()
    hamlet.refresh_from_db()
    assert hamlet.path.startswith(south.path)
    assert hamlet not in north.subtree()
    assert hamlet in south.subtree()


def test_a_unit_cannot_be_moved_below_itself() -> None:
    top = OrgUnit.objects.create(name="Tỉnh")
    child = OrgUnit.objects.create(name="Xã", parent=top)
    top.parent = child
    with pytest.raises(ValueError, match="own ancestor"):
        top.save()


def test_sibling_subtrees_do_not_overlap_when_ids_share_digits() -> None:
    units = [OrgUnit.objects.create(name=f"Đơn vị {n}") for n in range(12)]
    for unit in units:
        assert set(unit.subtree()) == {unit}
