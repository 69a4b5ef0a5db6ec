"""The database fails in the middle of filing a feedback report: a clear page in Vietnamese,
nothing recorded, and what was typed comes back to send again."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from motcua.core.testing import database_fails_on, hidden_fields
from motcua.feedback.models import Report, ReportEvent
from motcua.feedback.tests.test_intake import form_data, jpeg_with_gps


@pytest.mark.django_db
def test_a_feedback_report_during_an_outage(visitor, a, ward_a, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    data = form_data(ward_a)
    photo = SimpleUploadedFile("IMG_2041.jpg", jpeg_with_gps(), content_type="image/jpeg")
    with database_fails_on(ReportEvent._meta.db_table):
        response = visitor.post(reverse("feedback:new"), {**data, "photos": photo})
    html = response.content.decode()
    assert response.status_code == 503
    assert "Hệ thống đang bận" in html
    assert not Report.objects.exists()
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]  # the photo went with the rows

    kept = hidden_fields(html)
    assert kept["description"] == data["description"]
    assert kept["reporter_phone"] == "0903 123 456"
    assert visitor.post(reverse("feedback:new"), kept).status_code == 302
    assert Report.objects.get().description == data["description"]


@pytest.mark.django_db
def test_other_errors_still_show_the_general_error_page(visitor, a, ward_a):
    """Only an unreachable database gets the 503 page; a bug is a 500 with no details."""

    def bug(execute, sql, params, many, context):
        raise ZeroDivisionError

    with connection.execute_wrapper(bug):
        response = visitor.post(reverse("feedback:new"), form_data(ward_a))
    assert response.status_code == 500
    assert "Hệ thống gặp sự cố" in response.content.decode()
