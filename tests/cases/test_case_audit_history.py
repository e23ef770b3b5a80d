"""The audit history is insert-only: not the model, the queryset, nor raw SQL can rewrite it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.db import DatabaseError, connection, transaction
from django.test import Client

from kiemchung.cases.models import AuditError, AuditEvent
from kiemchung.org.models import Role
from kiemchung.testing.cases import make_case
from kiemchung.testing.org import make_unit_tree, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def event() -> AuditEvent:
    tree = make_unit_tree()
    make_case(tree.commune, make_user(Role.HEAD, tree.commune))
    return AuditEvent.objects.get()


def test_an_event_cannot_be_saved_again(event: AuditEvent) -> None:
    event.action = "case.forged"
    with pytest.raises(AuditError):
        event.save()
    assert AuditEvent.objects.get().action == "case.open"


def test_an_event_cannot_be_deleted(event: AuditEvent) -> None:
    with pytest.raises(AuditError):
        event.delete()
    assert AuditEvent.objects.count() == 1


def test_a_queryset_can_neither_update_nor_delete_events(event: AuditEvent) -> None:
    with pytest.raises(AuditError):
        AuditEvent.objects.filter(pk=event.pk).update(action="case.forged")
    with pytest.raises(AuditError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get().action == "case.open"


def test_raw_sql_cannot_update_an_event(event: AuditEvent) -> None:
    """SQLite and PostgreSQL (CI, with DATABASE_URL) both refuse it through a trigger."""
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE cases_auditevent SET action = %s", ["case.forged"])
    assert AuditEvent.objects.get().action == "case.open"


def test_the_admin_shows_the_history_but_offers_no_change(
    client: Client, event: AuditEvent
) -> None:
    admin = User.objects.create_superuser("quantri", "q@kiemchung.invalid", "mat-khau-dai-12")
    client.force_login(admin)
    assert client.get("/admin/cases/auditevent/").status_code == 200
    page = client.get(f"/admin/cases/auditevent/{event.pk}/change/")
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert client.get("/admin/cases/auditevent/add/").status_code == 403
    assert client.get(f"/admin/cases/auditevent/{event.pk}/delete/").status_code == 403
    response = client.post(f"/admin/cases/auditevent/{event.pk}/change/", {"action": "forged"})
    assert response.status_code == 403
    assert AuditEvent.objects.get().action == "case.open"


@pytest.mark.parametrize(
    "url", ["/admin/cases/case/", "/admin/cases/evidence/", "/admin/cases/comment/"]
)
def test_the_other_case_models_are_in_the_admin(client: Client, url: str) -> None:
    make_case(make_unit_tree().commune, User.objects.create_superuser("qt", "", "mat-khau-dai-12"))
    client.force_login(User.objects.get(username="qt"))
    assert client.get(url).status_code == 200
