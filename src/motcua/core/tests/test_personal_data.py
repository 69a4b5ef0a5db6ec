"""The data subject's export and the retention period."""

import datetime as dt
import io
import json

import pytest
import time_machine
from django.core.management import call_command

from motcua.audit.models import AuditEvent
from motcua.feedback.models import Report, Status
from motcua.feedback.tests.factories import ReportFactory

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_a_citizen_gets_everything_held_about_them_and_the_export_is_audited(administrator, ward_a):
    mine = ReportFactory(unit=ward_a, reporter_name="Nguyễn Văn An", reporter_phone="0903123456")
    ReportFactory(unit=ward_a, reporter_name="Người khác", reporter_phone="0987654321")
    data = json.loads(
        run("export_personal_data", "--phone", "+84 903 123 456", "--actor", administrator.username)
    )
    assert [r["code"] for r in data["feedback"]] == [mine.code]
    assert data["feedback"][0]["reporter_name"] == "Nguyễn Văn An"
    assert "Người khác" not in json.dumps(data, ensure_ascii=False)
    assert {"dossiers", "complaints", "consultation_comments", "ratings"} <= set(data)
    event = AuditEvent.objects.get(action="privacy.export")
    assert event.actor == administrator
    assert event.after["records"]["feedback"] == 1
    assert event.after["person"]["phone"] == "***456"  # the trail itself holds no number


def test_closed_feedback_is_anonymised_after_the_retention_period(settings, ward_a):
    settings.PERSONAL_DATA_RETENTION_MONTHS = 24
    with time_machine.travel(dt.datetime(2024, 3, 1, 9, tzinfo=dt.UTC)):
        old = ReportFactory(
            unit=ward_a,
            status=Status.CLOSED,
            reporter_name="Nguyễn Văn An",
            reporter_email="an@example.vn",
            description="Gọi tôi: 0903 123 456",
            address="120 Nơ Trang Long",
            latitude=10.810512,
            longitude=106.701123,
            answer="Đã xử lý",
        )
        open_report = ReportFactory(unit=ward_a, status=Status.IN_PROGRESS)
    with time_machine.travel(dt.datetime(2025, 12, 1, 9, tzinfo=dt.UTC)):
        assert run("apply_retention").startswith("complaints: 0")  # not yet 24 months
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)):
        assert "feedback: 1" in run("apply_retention")
        assert "feedback: 0" in run("apply_retention")  # idempotent
    old.refresh_from_db()
    assert (old.reporter_name, old.reporter_phone, old.reporter_email) == ("", "", "")
    assert old.address == ""
    assert old.description == "Gọi tôi: ***456"
    assert (old.latitude, old.longitude) == (10.811, 106.701)
    assert (old.status, old.answer, old.category_id) == (Status.CLOSED, "Đã xử lý", old.category_id)
    assert old.public_address == "Nơ Trang Long"
    assert Report.objects.get(pk=open_report.pk).reporter_phone == "0903123456"  # still open
    assert AuditEvent.objects.filter(action="privacy.retention").count() == 1
