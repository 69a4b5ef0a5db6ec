import re

import pytest
from django.urls import reverse

from motcua.api.models import ApiToken
from motcua.organisations.tests.helpers import sign_in


@pytest.mark.django_db
def test_openapi_document_and_docs_page_are_served_without_external_assets(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "Một Cửa API"
    assert "/api/v1/units/" in schema["paths"]
    html = client.get("/api/v1/docs").content.decode()
    assert not re.findall(r'(?:src|href)="(?:https?:)?//', html)


@pytest.mark.django_db
def test_units_list_is_paginated_and_public(client, city, ward_a, ward_b):
    body = client.get("/api/v1/units/", {"parent": city.slug}).json()
    assert body["count"] == 2
    assert {u["name"] for u in body["items"]} == {"Phường An Lạc", "Phường Bình Đông"}
    assert body["items"][0]["parent"] == city.slug


@pytest.mark.django_db
def test_errors_are_problem_json_with_stable_codes(client):
    response = client.get("/api/v1/units/khong-ton-tai")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "not_found"
    invalid = client.get("/api/v1/units/", {"page": "abc"})
    assert invalid.status_code == 422
    assert invalid.json()["code"] == "validation_error"
    assert invalid.json()["errors"][0]["field"] == "page"


@pytest.mark.django_db
def test_api_errors_speak_vietnamese_by_default_and_english_on_request(client):
    assert client.get("/api/v1/units/x").json()["detail"] == "Không tìm thấy."
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert client.get("/api/v1/units/x").json()["detail"] == "Not found."


@pytest.mark.django_db
def test_tokens_are_stored_hashed_and_can_be_revoked(officer_a):
    from django.utils import timezone

    from motcua.api.auth import TokenAuth

    row, token = ApiToken.issue(user=officer_a, name="Cổng DVC quốc gia")
    assert token not in (row.key_hash, row.prefix)
    request = type("Request", (), {})()
    assert TokenAuth().authenticate(request, token) == officer_a
    row.revoked_at = timezone.now()
    row.save()
    assert TokenAuth().authenticate(request, token) is None
    assert TokenAuth().authenticate(request, "mc_guess") is None


@pytest.mark.django_db
def test_staff_session_counts_only_after_the_second_factor(client, officer_a):
    from motcua.api.auth import StaffSessionAuth

    client.force_login(officer_a)
    request = client.get("/").wsgi_request
    assert StaffSessionAuth().authenticate(request, "session") is None
    sign_in(client, officer_a)
    request = client.get("/").wsgi_request
    assert StaffSessionAuth().authenticate(request, "session") == officer_a
