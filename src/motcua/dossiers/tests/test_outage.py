"""The database fails in the middle of an online submission: a clear page in Vietnamese (503,
no traceback), no dossier without its documents, and what was typed comes back to send again."""

import pytest
from django.urls import reverse

from motcua.core.testing import database_fails_on, hidden_fields
from motcua.dossiers.models import Dossier, DossierDocument
from motcua.dossiers.tests.test_views import submission_data


@pytest.mark.django_db
def test_an_online_submission_during_an_outage(visitor, office, version, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    url = reverse("dossiers:submit", args=[version.procedure.slug])
    with database_fails_on(DossierDocument._meta.db_table):
        response = visitor.post(url, submission_data(version, office.ward))
    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "Hệ thống đang bận" in html
    assert "Traceback" not in html
    assert "OperationalError" not in html
    assert "chưa được lưu" in html
    assert "Tệp đính kèm không được giữ lại" in html
    assert not Dossier.objects.exists()  # no dossier without its documents
    assert not DossierDocument.objects.exists()
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]  # no file left without its row

    kept = hidden_fields(html)
    assert kept["name"] == "Trần Thị Bích"
    assert kept["address"] == "12 Nơ Trang Long"
    retry = submission_data(version, office.ward)  # the files chosen again
    retry.update(kept)
    assert visitor.post(url, retry).status_code == 302
    dossier = Dossier.objects.get()
    assert (dossier.applicant_name, dossier.documents.count()) == ("Trần Thị Bích", 2)
