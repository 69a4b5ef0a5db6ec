"""The catalogue in the API: search and filters like the public page, a procedure by code."""

import pytest

from motcua.organisations.tests.factories import UnitFactory
from motcua.procedures.tests.factories import ProcedureFactory, ProcedureVersionFactory

LIST = "/api/v1/procedures/"


def codes(body) -> list[str]:
    return [item["code"] for item in body["items"]]


@pytest.mark.parametrize("query", ["khai sinh", "Đăng ký khai sinh", "1.001193"])
def test_search_ignores_accents_and_finds_codes(client, catalogue, query):
    body = client.get(LIST, {"q": query}).json()
    assert codes(body) == ["1.001193"]
    item = body["items"][0]
    assert item == {
        "code": "1.001193",
        "local_code": "1.001193.000.00.00.H29",
        "name": "Đăng ký khai sinh",
        "slug": "dang-ky-khai-sinh",
        "field": {"code": "ho-tich", "name": "Hộ tịch"},
        "level": "ward",
        "online_level": "full",
        "processing_days": 0,
        "url": "http://testserver/thu-tuc/dang-ky-khai-sinh/",
    }


def test_filters_by_field_online_level_and_unit(client, catalogue):
    assert codes(client.get(LIST, {"field": "chung-thuc"}).json()) == ["2.000815"]
    assert codes(client.get(LIST, {"online": "partial"}).json()) == ["1.000894"]
    city = UnitFactory(province=True, slug="tp")
    UnitFactory(parent=city, slug="phuong-a")
    assert codes(client.get(LIST, {"unit": "tp"}).json()) == ["2.000488"]
    assert "2.000488" not in codes(client.get(LIST, {"unit": "phuong-a"}).json())


def test_an_unknown_unit_or_level_is_a_problem_with_a_stable_code(client, catalogue):
    response = client.get(LIST, {"unit": "khong-co"})
    assert response.status_code == 400
    assert response.json()["code"] == "unknown_unit"
    assert response.json()["field"] == "unit"
    assert client.get(LIST, {"online": "level-4"}).json()["code"] == "validation_error"


def test_the_list_is_paginated_and_its_queries_do_not_grow(
    client, today, db, django_assert_num_queries
):
    for _n in range(25):
        ProcedureVersionFactory(procedure=ProcedureFactory())
    with django_assert_num_queries(2):  # count, page
        body = client.get(LIST).json()
    assert body["count"] == 25
    assert len(body["items"]) == 20
    assert len(client.get(LIST, {"page": 2}).json()["items"]) == 5


def test_fields_with_their_counts(client, catalogue):
    assert client.get(LIST + "fields").json() == [
        {"code": "ho-tich", "name": "Hộ tịch", "procedure_count": 2},
        {"code": "chung-thuc", "name": "Chứng thực", "procedure_count": 1},
        {"code": "ly-lich-tu-phap", "name": "Lý lịch tư pháp", "procedure_count": 1},
    ]


def test_a_procedure_by_code_with_its_rules_documents_and_fee(client, catalogue):
    body = client.get(LIST + "1.001193").json()
    assert body["name"] == "Đăng ký khai sinh"
    version = body["version"]
    assert version["effective_from"] == "2025-07-01"
    assert version["processing_days"] == 0
    assert version["steps"] == ["Nộp hồ sơ tại Bộ phận Một cửa.", "Nhận kết quả."]
    assert version["legal_basis"] == ["Luật Hộ tịch số 60/2014/QH13", "Nghị định số 123/2015/NĐ-CP"]
    assert version["fee"]["kind"] == "free"
    assert version["fee"]["description"] == ["Không thu phí, lệ phí."]
    documents = version["documents"]
    assert [d["name"] for d in documents] == [
        "Tờ khai đăng ký khai sinh theo mẫu",
        "Giấy chứng sinh",
        "Văn bản ủy quyền",
    ]
    assert documents[0]["form_url"].startswith("http://testserver/thu-tuc/mau-don/to-khai")
    assert documents[2] | {"form_url": None} == {
        "name": "Văn bản ủy quyền",
        "requirement": "certified_copy",
        "requirement_label": "Bản sao chứng thực hoặc bản sao kèm bản chính để đối chiếu",
        "quantity": 2,
        "is_optional": True,
        "note": "Khi ủy quyền cho người khác đi đăng ký.",
        "form_url": None,
    }
    assert body["versions"] == [
        {"effective_from": "2025-07-01", "effective_to": None},
        {"effective_from": "2016-01-01", "effective_to": "2025-06-30"},
    ]


def test_fees_are_computed_and_examples_flagged(client, catalogue):
    fee = client.get(LIST + "2.000815").json()["version"]["fee"]
    assert fee | {"description": None} == {
        "kind": "per_page",
        "amount": 2000,
        "unit_amount": 2000,
        "first_pages": 2,
        "later_amount": 1000,
        "cap": 200000,
        "is_example": False,
        "note": "",
        "description": None,
    }
    assert client.get(LIST + "1.000894").json()["version"]["fee"]["is_example"] is True


def test_a_procedure_by_local_code_and_on_a_past_date(client, catalogue):
    body = client.get(LIST + "1.001193.000.00.00.H29", {"on": "2020-01-01"}).json()
    assert body["code"] == "1.001193"
    assert body["version"]["result"] == "Giấy khai sinh (bản cũ)"


def test_unknown_and_inactive_procedures_are_not_found(client, catalogue):
    for code in ("9.999999", catalogue.inactive.code):
        response = client.get(LIST + code)
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"


def test_the_openapi_document_describes_the_catalogue(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/procedures/", "/api/v1/procedures/fields", "/api/v1/procedures/{code}"} <= set(
        schema["paths"]
    )
    components = schema["components"]["schemas"]
    assert {"ProcedureSummary", "ProcedureDetail", "VersionOut", "DocumentOut", "FeeOut"} <= set(
        components
    )
    assert (
        "toàn trình" in components["ProcedureSummary"]["properties"]["online_level"]["description"]
    )
    parameters = {p["name"] for p in schema["paths"]["/api/v1/procedures/"]["get"]["parameters"]}
    assert {"q", "field", "unit", "online", "page"} <= parameters
