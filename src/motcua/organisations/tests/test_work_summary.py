import pytest
from django.urls import reverse

from motcua.dossiers.tests.factories import DossierFactory
from motcua.feedback.tests.factories import ReportFactory
from motcua.organisations.tests.helpers import make_staff, sign_in


@pytest.mark.django_db
def test_back_office_home_shows_what_is_waiting_with_links_to_the_queues(
    client, ward_a, ward_b, django_assert_max_num_queries
):
    leader = make_staff(ward_a, "leader", username="lanhdao.a")
    DossierFactory(unit=ward_a, overdue=True)
    DossierFactory(unit=ward_a, overdue=True)
    DossierFactory(unit=ward_b, overdue=True)  # another ward: not counted
    ReportFactory(unit=ward_a)  # received, to triage
    sign_in(client, leader)
    with django_assert_max_num_queries(30):
        html = client.get(reverse("organisations:staff-home")).content.decode()
    assert "Chờ bạn xử lý" in html
    assert '<span class="work-item__count">2</span> Hồ sơ quá hạn' in html
    assert "/can-bo/ho-so/?queue=overdue" in html
    assert "Phản ánh chờ phân loại" in html


@pytest.mark.django_db
def test_an_editor_sees_no_dossier_or_feedback_counts(client, ward_a):
    editor = make_staff(ward_a, "editor", username="bientap.a")
    DossierFactory(unit=ward_a, overdue=True)
    sign_in(client, editor)
    assert "Hồ sơ quá hạn" not in client.get(reverse("organisations:staff-home")).content.decode()
