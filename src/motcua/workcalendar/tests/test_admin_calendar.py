import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from motcua.audit.models import AuditEvent
from motcua.organisations.tests.helpers import sign_in
from motcua.workcalendar.models import CalendarOverride, DayKind
from motcua.workcalendar.selectors import add_working_days, due_date_from_reception, is_working_day

TZ = dt.timezone(dt.timedelta(hours=7))


@pytest.mark.django_db
def test_administrator_enters_a_make_up_saturday_and_deadlines_change_at_once(
    client, administrator, django_capture_on_commit_callbacks
):
    saturday = dt.date(2026, 8, 22)
    assert not is_working_day(saturday)
    sign_in(client, administrator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("workcalendar:admin"),
            {
                "date": "2026-08-22",
                "kind": DayKind.WORKING_DAY,
                "name": "Làm bù cho thứ Hai 31/8",
                "legal_basis": "Thông báo 2026",
            },
        )
    assert response.status_code == 302
    assert is_working_day(saturday)
    assert add_working_days(dt.date(2026, 8, 21), 1) == saturday
    assert AuditEvent.objects.filter(action="calendar.override_set").count() == 1
    page = client.get(reverse("workcalendar:admin") + "?year=2026").content.decode()
    assert "Làm bù cho thứ Hai 31/8" in page


@pytest.mark.django_db
def test_a_make_up_day_on_a_normal_working_day_is_refused_with_the_input_kept(
    client, administrator
):
    sign_in(client, administrator)
    response = client.post(
        reverse("workcalendar:admin"),
        {"date": "2026-08-20", "kind": DayKind.WORKING_DAY, "name": "Nhầm ngày"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ngày này đã là ngày làm việc." in html
    assert 'value="Nhầm ngày"' in html
    assert not CalendarOverride.objects.exists()


@pytest.mark.django_db
def test_officer_cannot_change_the_calendar(client, officer_a):
    sign_in(client, officer_a)
    assert client.get(reverse("workcalendar:admin")).status_code == 403
    response = client.post(
        reverse("workcalendar:admin"),
        {"date": "2026-08-22", "kind": DayKind.WORKING_DAY, "name": "x"},
    )
    assert response.status_code == 403
    assert not CalendarOverride.objects.exists()


@pytest.mark.django_db
def test_due_date_from_reception_applies_the_15_hour_rule_in_local_time():
    before = timezone.make_aware(dt.datetime(2026, 3, 4, 14, 30), TZ)
    after = timezone.make_aware(dt.datetime(2026, 3, 4, 15, 30), TZ)
    assert due_date_from_reception(before, 2) == dt.date(2026, 3, 6)
    assert due_date_from_reception(after, 2) == dt.date(2026, 3, 9)
    assert due_date_from_reception(after, 2, apply_cutoff=False) == dt.date(2026, 3, 6)
