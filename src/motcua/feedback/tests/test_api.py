"""The feedback API under /api/v1/feedback/."""

import pytest

from motcua.feedback.models import Report, Status
from motcua.feedback.tests.factories import ReportFactory
from motcua.organisations.tests.helpers import sign_in

BASE = "/api/v1/feedback"


@pytest.mark.django_db
def test_categories_and_filing_a_report_idempotently(client, a):
    categories = {c["code"]: c for c in client.get(f"{BASE}/categories").json()}
    assert categories["thai-do-phuc-vu"]["is_conduct"] is True
    payload = {
        "ward": a.ward.slug,
        "category": "chieu-sang",
        "description": "Đèn đường trong hẻm 45 không sáng ba ngày nay.",
        "address": "Hẻm 45 Vạn Kiếp",
        "phone": "0903123456",
    }
    first = client.post(
        f"{BASE}/reports",
        payload,
        content_type="application/json",
        headers={"Idempotency-Key": "abc"},
    )
    again = client.post(
        f"{BASE}/reports",
        payload,
        content_type="application/json",
        headers={"Idempotency-Key": "abc"},
    )
    assert first.status_code == 201
    assert again.status_code == 200
    assert first.json()["code"] == again.json()["code"]
    assert first.json()["secret"]
    assert again.json()["secret"] is None
    assert Report.objects.count() == 1
    lookup = client.post(
        f"{BASE}/reports/{first.json()['code']}/lookup",
        {"secret": first.json()["secret"]},
        content_type="application/json",
    )
    assert lookup.status_code == 200
    assert lookup.json()["status"] == "received"
    wrong = client.post(
        f"{BASE}/reports/{first.json()['code']}/lookup",
        {"secret": "AAAA"},
        content_type="application/json",
    )
    assert wrong.status_code == 404


@pytest.mark.django_db
def test_bad_input_is_a_problem_with_the_field(client, a):
    response = client.post(
        f"{BASE}/reports",
        {"ward": a.ward.slug, "category": "chieu-sang", "description": "Tối"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["field"] == "description"


@pytest.mark.django_db
def test_staff_work_the_queue_through_the_api(client, a):
    report = ReportFactory(unit=a.ward, handling_unit=a.economy)
    assert client.get(f"{BASE}/staff/reports").status_code == 401
    sign_in(client, a.officer)
    items = client.get(f"{BASE}/staff/reports").json()["items"]
    assert [i["code"] for i in items] == [report.code]
    assert items[0]["reporter_phone"] == "0903123456"
    accepted = client.post(
        f"{BASE}/staff/reports/{report.code}/actions/accept",
        {"note": ""},
        content_type="application/json",
    )
    assert accepted.status_code == 200
    assert accepted.json()["status"] == Status.ACCEPTED
    refused = client.post(
        f"{BASE}/staff/reports/{report.code}/actions/approve", {}, content_type="application/json"
    )
    assert refused.status_code == 403
    assert refused.json()["code"] == "not_allowed"
    assigned = client.post(
        f"{BASE}/staff/reports/{report.code}/actions/assign",
        {"officer": a.specialist.username},
        content_type="application/json",
    )
    assert assigned.json()["assigned_to"] == a.specialist.username


@pytest.mark.django_db
def test_the_front_supervisor_gets_no_reporter_identity_through_the_api(client, a):
    from motcua.feedback.tests.factories import category

    report = ReportFactory(
        unit=a.ward, category=category("thai-do-phuc-vu"), reporter_name="Trần Thị Bình"
    )
    sign_in(client, a.front_supervisor)
    items = client.get(f"{BASE}/staff/reports").json()["items"]
    assert [i["code"] for i in items] == [report.code]
    assert items[0]["reporter_name"] is None
    assert items[0]["reporter_phone"] is None
