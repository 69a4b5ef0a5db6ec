import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.api.models import ApiToken
from motcua.dossiers.models import Dossier, Status
from motcua.dossiers.tests.conftest import MINIMAL_PDF
from motcua.dossiers.tests.factories import DossierFactory
from motcua.dossiers.workflow import dossier_transition
from motcua.organisations.tests.helpers import make_staff


def bearer(user):
    _row, token = ApiToken.issue(user=user, name="tích hợp")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def submit_payload(version, unit, key="api-1"):
    return {
        "procedure_code": version.procedure.code,
        "unit": unit.slug,
        "applicant_name": "Lê Thị Hoa",
        "applicant_phone": "0987654321",
        "idempotency_key": key,
        "documents": [
            SimpleUploadedFile(f"{d.pk}.pdf", MINIMAL_PDF) for d in version.documents.all()
        ],
    }


@pytest.mark.django_db
def test_submit_through_the_api_is_idempotent(client, office, version):
    first = client.post("/api/v1/dossiers/", submit_payload(version, office.ward))
    assert first.status_code == 201
    again = client.post("/api/v1/dossiers/", submit_payload(version, office.ward))
    assert again.status_code == 200
    assert again.json()["code"] == first.json()["code"]
    assert Dossier.objects.count() == 1


@pytest.mark.django_db
def test_submit_with_a_missing_document_is_a_stable_error(client, office, version):
    payload = submit_payload(version, office.ward)
    payload["documents"] = payload["documents"][:1]
    response = client.post("/api/v1/dossiers/", payload)
    assert response.status_code == 400
    assert response.json()["code"] == "documents_missing"
    assert not Dossier.objects.exists()


@pytest.mark.django_db
def test_public_status_needs_the_secret(client, submitted):
    assert (
        client.get(
            "/api/v1/dossiers/status", {"code": submitted.code, "secret": "NOPE"}
        ).status_code
        == 404
    )
    body = client.get(
        "/api/v1/dossiers/status", {"code": submitted.code, "secret": submitted.secret}
    ).json()
    assert body["status"] == Status.SUBMITTED
    assert body["history"][0]["message"].startswith("Hồ sơ đã được nộp trực tuyến")


@pytest.mark.django_db
def test_staff_list_is_scoped_filtered_and_paginated(
    client, office, ward_b, django_assert_max_num_queries
):
    mine = [DossierFactory(unit=office.ward, processing=True) for _ in range(3)]
    DossierFactory(unit=office.ward, status=Status.SUBMITTED)
    other = DossierFactory(unit=ward_b, processing=True)
    headers = bearer(office.leader)
    with django_assert_max_num_queries(11):  # 1 of them: the caller's roles
        body = client.get("/api/v1/dossiers/", {"status": 4}, **headers).json()
    assert body["count"] == 3
    assert {item["code"] for item in body["items"]} == {d.code for d in mine}
    assert other.code not in str(body)
    outsider = make_staff(ward_b, "leader", username="lanhdao.b")
    assert client.get(f"/api/v1/dossiers/{mine[0].code}", **bearer(outsider)).status_code == 404


#: Where each dossier of a leader's list comes from: received by the ward, transferred to it
#: from another ward, or received elsewhere and handed to one of its departments.
ORIGINS = {
    "received": lambda office, elsewhere: {"unit": office.ward},
    "transferred": lambda office, elsewhere: {"unit": elsewhere, "processing_unit": office.ward},
    "department": lambda office, elsewhere: {
        "unit": elsewhere,
        "processing_unit": elsewhere,
        "department": office.department,
    },
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "origins",
    [
        ["received"] * 5,
        ["received", "transferred", "department", "received", "transferred"],
        ["department", "department", "received", "department", "department"],
    ],
    ids=["one source", "three sources", "mostly a department"],
)
def test_the_pages_of_the_staff_list_walk_it_newest_first(client, office, ward_b, origins):
    start = dt.datetime(2026, 3, 2, 8, tzinfo=dt.UTC)
    made = [
        DossierFactory(
            processing=True,
            submitted_at=start + dt.timedelta(hours=hour),
            **ORIGINS[origin](office, ward_b),
        )
        for hour, origin in enumerate(origins)
    ]
    DossierFactory(unit=ward_b, processing=True)  # not the leader's
    headers = bearer(office.leader)
    walked = []
    for page in (1, 2, 3):
        body = client.get(
            "/api/v1/dossiers/", {"status": 4, "page": page, "page_size": 2}, **headers
        ).json()
        assert body["count"] == 5
        walked += [item["code"] for item in body["items"]]
    assert walked == [d.code for d in reversed(made)]


@pytest.mark.django_db
def test_staff_api_requires_authentication(client, office):
    response = client.get("/api/v1/dossiers/")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"


@pytest.mark.django_db
def test_one_endpoint_per_transition(client, submitted, office):
    headers = bearer(office.officer)
    response = client.post(
        f"/api/v1/dossiers/{submitted.code}/receive",
        {"expected_status": 1},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 200
    assert response.json()["status"] == Status.RECEIVED
    conflict = client.post(
        f"/api/v1/dossiers/{submitted.code}/refuse",
        {"expected_status": 1, "reason": "x"},
        content_type="application/json",
        **headers,
    )
    assert conflict.status_code == 409
    assert conflict.json()["code"] == "conflict"
    detail = client.get(f"/api/v1/dossiers/{submitted.code}", **headers).json()
    assert detail["actions"] == ["send_to_department", "withdraw"]
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/dossiers/{code}/send-to-department" in schema["paths"]


@pytest.mark.django_db
def test_a_transition_the_role_may_not_do_is_forbidden(client, submitted, office):
    dossier_transition(dossier=submitted, action="receive", actor=office.officer)
    response = client.post(
        f"/api/v1/dossiers/{submitted.code}/approve",
        {},
        content_type="application/json",
        **bearer(office.officer),
    )
    assert response.status_code == 403
    assert response.json()["code"] == "not_allowed"
