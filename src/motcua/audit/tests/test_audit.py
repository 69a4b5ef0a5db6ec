import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError
from django.urls import reverse

from motcua.audit.models import AppendOnlyError, AuditEvent
from motcua.audit.services import audit_record
from motcua.organisations.tests.helpers import sign_in


@pytest.fixture
def event(officer_a):
    return audit_record(actor=officer_a, action="test.something", obj=officer_a, after={"x": 1})


@pytest.mark.django_db
def test_editing_an_audit_event_fails(event):
    event.action = "test.rewritten"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(action="test.rewritten")
    assert AuditEvent.objects.get(pk=event.pk).action == "test.something"


@pytest.mark.django_db
def test_deleting_an_audit_event_fails(event):
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.postgres_only
@pytest.mark.django_db
def test_postgresql_refuses_update_and_delete_under_the_orm(event):
    table = AuditEvent._meta.db_table
    for statement in (
        f"UPDATE {table} SET action = 'x' WHERE id = %s",
        f"DELETE FROM {table} WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement, [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).action == "test.something"


@pytest.mark.django_db
def test_audit_event_records_who_what_and_from_where(client, officer_a):
    sign_in(client, officer_a)
    client.post(reverse("accounts:logout"), REMOTE_ADDR="203.0.113.7")
    event = AuditEvent.objects.get(action="account.logout")
    assert event.actor == officer_a
    assert event.actor_label == "officer.a"
    assert event.ip == "203.0.113.7"
    assert event.request_id


@pytest.mark.django_db
def test_audit_page_is_for_administrators_and_filters(
    client, administrator, officer_a, event, django_assert_max_num_queries
):
    audit_record(actor=administrator, action="other.thing")
    sign_in(client, officer_a)
    assert client.get(reverse("audit:log")).status_code == 403
    sign_in(client, administrator)
    html = client.get(reverse("audit:log"), {"action": "test."}).content.decode()
    assert "test.something" in html
    assert "other.thing" not in html
    with django_assert_max_num_queries(12):
        client.get(reverse("audit:log"))
    bad = client.get(
        reverse("audit:log"), {"date_from": "2026-05-02", "date_to": "2026-05-01"}
    ).content.decode()
    assert "Ngày kết thúc trước ngày bắt đầu." in bad
