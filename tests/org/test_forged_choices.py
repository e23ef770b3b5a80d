"""The server checks every id a form sends against what the user may choose.

A page offers some units, agencies, people and cases; a hand-made request may send any
other id. Each is refused, and nothing is stored.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import timezone

from kiemchung.cases.models import Case, CaseState
from kiemchung.org import services
from kiemchung.org.models import Membership, PartnerAgency, Role, Task
from kiemchung.testing.cases import make_case
from kiemchung.testing.org import UnitTree, make_unit_tree, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree() -> UnitTree:
    return make_unit_tree()


@pytest.fixture
def province_police(tree: UnitTree) -> PartnerAgency:
    return PartnerAgency.objects.create(name="Công an tỉnh", unit=tree.province)


def due() -> str:
    return (timezone.localdate() + timedelta(days=3)).isoformat()


def test_a_commune_head_cannot_make_a_liaison_for_an_agency_the_page_does_not_offer(
    client: Client, tree: UnitTree, province_police: PartnerAgency
) -> None:
    task = Task.objects.create(agency=province_police, title="Xác minh", due_date=due())
    client.force_login(make_user(Role.HEAD, tree.commune))
    would_be_liaison = make_user(None, None, "lien-lac")
    page = client.get("/org/").content.decode()
    assert f'<option value="{province_police.pk}">' not in page
    client.post(
        f"/org/units/{tree.commune.pk}/members/add",
        {"username": "lien-lac", "role": "liaison", "agency": province_police.pk},
    )
    assert not Membership.objects.filter(user__username="lien-lac").exists()
    liaison = Client()
    liaison.force_login(would_be_liaison)
    assert liaison.get(f"/org/tasks/{task.pk}/").status_code == 404


def test_a_commune_head_names_a_liaison_for_an_agency_of_the_commune(
    client: Client, tree: UnitTree
) -> None:
    commune_police = PartnerAgency.objects.create(name="Công an xã", unit=tree.commune)
    client.force_login(make_user(Role.HEAD, tree.commune))
    make_user(None, None, "lien-lac")
    assert f'<option value="{commune_police.pk}">' in client.get("/org/").content.decode()
    client.post(
        f"/org/units/{tree.commune.pk}/members/add",
        {"username": "lien-lac", "role": "liaison", "agency": commune_police.pk},
    )
    assert Membership.objects.get(user__username="lien-lac").agency == commune_police


def test_the_membership_service_refuses_an_agency_the_head_does_not_manage(
    tree: UnitTree, province_police: PartnerAgency
) -> None:
    head = make_user(Role.HEAD, tree.commune)
    with pytest.raises(PermissionDenied):
        services.add_member(
            head, tree.commune, make_user(None, None), Role.LIAISON, province_police
        )


def test_an_inactive_agency_cannot_be_chosen(tree: UnitTree) -> None:
    closed = PartnerAgency.objects.create(name="Cũ", unit=tree.commune, is_active=False)
    head = make_user(Role.HEAD, tree.province)
    assert closed not in services.choosable_agencies(head)


def test_a_task_cannot_go_to_another_units_agency_or_owner(client: Client, tree: UnitTree) -> None:
    secretary = make_user(Role.SECRETARIAT, tree.commune)
    other_agency = PartnerAgency.objects.create(name="Công an xã bên", unit=tree.sibling)
    own_agency = PartnerAgency.objects.create(name="Công an xã", unit=tree.commune)
    outsider = make_user(Role.MEMBER, tree.sibling)
    client.force_login(secretary)
    for agency, owner in ((other_agency, ""), (own_agency, outsider.pk)):
        response = client.post(
            "/org/tasks/new/",
            {"agency": agency.pk, "title": "Xác minh", "due_date": due(), "owner": owner},
        )
        assert response.status_code == 200  # the form again, with its error
    assert not Task.objects.exists()


def test_a_task_cannot_be_attached_to_a_case_of_another_unit(
    client: Client, tree: UnitTree
) -> None:
    other_case = make_case(tree.sibling, make_user(Role.VERIFIER, tree.sibling))
    client.force_login(make_user(Role.SECRETARIAT, tree.commune))
    assert client.get(f"/org/tasks/new/?case={other_case.pk}").status_code == 404


def test_a_case_cannot_be_assigned_to_someone_outside_its_unit(
    client: Client, tree: UnitTree
) -> None:
    case = make_case(tree.commune, make_user(Role.VERIFIER, tree.commune))
    outsider = make_user(Role.VERIFIER, tree.sibling)
    client.force_login(make_user(Role.SECRETARIAT, tree.commune))
    client.post(f"/cases/{case.pk}/assign/", {"assignee": outsider.pk})
    case.refresh_from_db()
    assert case.assignee is None


def test_a_case_cannot_be_opened_in_a_unit_the_user_does_not_work_in(
    client: Client, tree: UnitTree
) -> None:
    from kiemchung.testing.cases import make_story

    story = make_story()
    client.force_login(make_user(Role.VERIFIER, tree.commune))
    response = client.post("/cases/open/", {"story_id": story.pk, "unit": tree.sibling.pk})
    assert response.status_code == 403
    assert not Case.objects.exists()


def test_a_case_cannot_be_closed_as_a_duplicate_of_an_invisible_case(
    client: Client, tree: UnitTree
) -> None:
    verifier = make_user(Role.VERIFIER, tree.commune)
    case = make_case(tree.commune, verifier)
    hidden = make_case(tree.sibling, make_user(Role.VERIFIER, tree.sibling), title="Khác")
    client.force_login(verifier)
    client.post(
        f"/cases/{case.pk}/state/",
        {"target": CaseState.DUPLICATE, "duplicate_of": hidden.pk},
    )
    case.refresh_from_db()
    assert case.state == CaseState.NEW
