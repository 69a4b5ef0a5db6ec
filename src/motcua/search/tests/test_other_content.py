"""Procedures and answered feedback are found from the one search box."""

import pytest
from django.urls import reverse

from motcua.feedback.models import Status
from motcua.feedback.tests.factories import ReportFactory
from motcua.procedures.tests.factories import ProcedureVersionFactory


@pytest.mark.django_db
def test_a_procedure_is_found_without_accents(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        version = ProcedureVersionFactory(
            procedure__name="Đăng ký khai sinh", procedure__slug="dang-ky-khai-sinh"
        )
    html = client.get(reverse("search:search"), {"q": "dang ky khai sinh"}).content.decode()
    assert "/thu-tuc/dang-ky-khai-sinh/" in html
    assert version.procedure.code in html


@pytest.mark.django_db
def test_an_answered_report_is_found_by_its_answer_and_never_shows_the_reporter(
    client, ward_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = ReportFactory(
            unit=ward_a,
            answered=True,
            reporter_name="Nguyễn Văn Bí Mật",
            answer="Phường đã tháo dỡ mái che lấn chiếm vỉa hè.",
        )
        waiting = ReportFactory(
            unit=ward_a, accepted=True, description="Mái che lấn chiếm chưa được xử lý"
        )
    html = client.get(reverse("search:search"), {"q": "thao do mai che"}).content.decode()
    assert f"/phan-anh/{report.code}/" in html
    assert "Bí Mật" not in html
    assert waiting.code not in html
    with django_capture_on_commit_callbacks(execute=True):
        report.status = Status.CLOSED
        report.is_public = False
        report.save()
    assert (
        f"/phan-anh/{report.code}/"
        not in client.get(reverse("search:search"), {"q": "thao do mai che"}).content.decode()
    )
