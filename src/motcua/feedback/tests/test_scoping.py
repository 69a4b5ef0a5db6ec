"""Staff of ward A see nothing of ward B, in the back-office and in the API."""

import pytest
from django.urls import reverse

from motcua.feedback.models import RoutingRule, Status
from motcua.feedback.tests.factories import ReportFactory, category
from motcua.organisations.tests.helpers import sign_in


@pytest.fixture
def report_b(b):
    return ReportFactory(
        unit=b.ward,
        handling_unit=b.economy,
        status=Status.IN_PROGRESS,
        assigned_to=b.specialist,
        description="Ổ gà lớn trên đường Bình Đông, xe máy té ngã.",
    )


@pytest.fixture
def rule_b(b):
    return RoutingRule.objects.create(
        unit=b.ward, position=1, category=category(), handling_unit=b.economy
    )


def staff_urls_of(report, rule):
    code = report.code
    return [
        ("get", reverse("feedback:staff-detail", args=[code]), {}),
        ("post", reverse("feedback:act", args=[code, "start"]), {}),
        ("post", reverse("feedback:act", args=[code, "submit_answer"]), {"answer": "x" * 30}),
        ("post", reverse("feedback:note", args=[code]), {"body": "Ghi chú"}),
        ("post", reverse("feedback:correct", args=[code]), {}),
        ("get", reverse("feedback:answer-template", args=[code, 1]), {}),
        ("get", reverse("feedback:rule-edit", args=[rule.public_id]), {}),
        ("post", reverse("feedback:rule-move", args=[rule.public_id, "len"]), {}),
        ("post", reverse("feedback:rule-delete", args=[rule.public_id]), {}),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["officer", "leader", "specialist", "front_supervisor"])
def test_staff_of_ward_a_reach_nothing_of_ward_b(client, a, report_b, rule_b, who):
    user = getattr(a, who)
    sign_in(client, user)
    for method, url, data in staff_urls_of(report_b, rule_b):
        response = getattr(client, method)(url, data)
        assert response.status_code in (403, 404), (url, response.status_code)
    report_b.refresh_from_db()
    assert report_b.status == Status.IN_PROGRESS
    assert not report_b.notes.exists()
    assert RoutingRule.objects.filter(pk=rule_b.pk).exists()
    queue = client.get(reverse("feedback:queue"), {"q": "Bình Đông"}).content.decode()
    assert report_b.code not in queue
    api = client.get("/api/v1/feedback/staff/reports").json()
    assert report_b.code not in {r["code"] for r in api["items"]}
    assert client.get(f"/api/v1/feedback/staff/reports/{report_b.code}").status_code == 404
    assert (
        client.post(
            f"/api/v1/feedback/staff/reports/{report_b.code}/actions/start",
            {},
            content_type="application/json",
        ).status_code
        == 404
    )


@pytest.mark.django_db
def test_staff_of_ward_b_reach_their_own(client, b, report_b, rule_b):
    sign_in(client, b.specialist)
    assert client.get(reverse("feedback:staff-detail", args=[report_b.code])).status_code == 200
    assert report_b.code in client.get(reverse("feedback:queue")).content.decode()
    sign_in(client, b.leader)
    assert client.get(reverse("feedback:rule-edit", args=[rule_b.public_id])).status_code == 200


@pytest.mark.django_db
def test_the_queue_costs_a_fixed_number_of_queries(client, a, django_assert_max_num_queries):
    for _ in range(15):
        ReportFactory(
            unit=a.ward,
            handling_unit=a.economy,
            assigned_to=a.specialist,
            status=Status.IN_PROGRESS,
        )
    sign_in(client, a.officer)
    client.get(reverse("feedback:queue"))
    with django_assert_max_num_queries(16):
        response = client.get(reverse("feedback:queue"))
    assert response.content.decode().count('<li class="fb-row') == 15


@pytest.mark.django_db
def test_a_specialist_sees_only_the_reports_of_their_department(client, a):
    mine = ReportFactory(unit=a.ward, handling_unit=a.economy)
    office = ReportFactory(unit=a.ward, handling_unit=a.office)
    sign_in(client, a.specialist)
    html = client.get(reverse("feedback:queue")).content.decode()
    assert mine.code in html
    assert office.code not in html
