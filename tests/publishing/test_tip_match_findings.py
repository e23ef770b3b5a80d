"""Why a tip's fact-check was only suggested: the matcher's findings are kept with the tip
and shown to staff on the tip list, in words, the way the case page shows them."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from kiemchung.claims.models import FactCheck, Verdict
from kiemchung.org.models import Membership, OrgUnit, Role
from kiemchung.publishing.intake import receive_tip
from kiemchung.publishing.models import TipStatus
from kiemchung.publishing.services import match_tip

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lexical_matching")]

RUMOUR = "Từ 0h đêm nay giá xăng RON95 tăng gấp đôi lên 45.000 đồng mỗi lít"
CHANGED = RUMOUR.replace("45.000", "54.000")  # another number: never the same claim


@pytest.fixture
def petrol_check() -> FactCheck:
    return FactCheck.objects.create(
        url="https://factcheck.example/xang",
        claim_reviewed=RUMOUR,
        verdict=Verdict.FALSE,
        publisher="Báo Kiểm Chứng",
    )


def desk_member(client: Client) -> Client:
    unit, _ = OrgUnit.objects.get_or_create(name="Tỉnh Hòa Lâm")
    user = User.objects.create_user("thanh-vien", password="mat-khau-dai-12")
    Membership.objects.create(user=user, unit=unit, role=Role.VERIFIER)
    client.force_login(user)
    client.cookies["django_language"] = "vi"
    return client


def test_a_suggested_tip_keeps_what_the_matcher_found_different(
    petrol_check: FactCheck,
) -> None:
    tip = receive_tip(CHANGED, "")
    tip.refresh_from_db()
    assert tip.factcheck == petrol_check
    assert tip.status == TipStatus.NEW
    assert tip.match_findings == ["number:54000→45000"]


def test_a_confirmed_tip_keeps_no_findings(petrol_check: FactCheck) -> None:
    tip = receive_tip(RUMOUR, "")
    tip.refresh_from_db()
    assert tip.status == TipStatus.ALREADY_CHECKED
    assert tip.match_findings == []


def test_a_better_match_replaces_the_findings_of_the_earlier_one(
    petrol_check: FactCheck,
) -> None:
    tip = receive_tip(CHANGED, "")
    tip.text = RUMOUR
    assert match_tip(tip) is not None
    tip.refresh_from_db()
    assert tip.status == TipStatus.ALREADY_CHECKED
    assert tip.match_findings == []


def test_staff_see_on_the_tip_list_why_the_match_is_not_certain_in_vietnamese(
    client: Client, petrol_check: FactCheck
) -> None:
    tip = receive_tip(CHANGED, "")
    page = desk_member(client).get("/tips/").content.decode()
    assert f'id="why-tip-{tip.pk}"' in page
    assert "Chưa chắc chắn: số liệu khác: 54.000 → 45.000" in page


def test_the_tip_list_says_nothing_of_doubt_for_a_confirmed_tip(
    client: Client, petrol_check: FactCheck
) -> None:
    receive_tip(RUMOUR, "")
    page = desk_member(client).get("/tips/").content.decode()
    assert "Chưa chắc chắn" not in page
