"""The public catalogue: accent-insensitive search, filters, pagination, fragments."""

import re

import pytest
from django.urls import reverse

from motcua.organisations.tests.factories import UnitFactory
from motcua.procedures.tests.factories import ProcedureFactory, ProcedureVersionFactory

URL = reverse("procedures:catalogue")


def names(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'class="procedure-card__title"><a href="[^"]+">([^<]+)</a>', html)


@pytest.mark.parametrize(
    "query",
    ["khai sinh", "dang ky khai sinh", "ĐĂNG KÝ KHAI SINH", "Đăng ký khai sinh", "  khai   SINH "],
)
def test_search_ignores_accents_case_and_spaces(client, catalogue, query):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    assert names(response) == ["Đăng ký khai sinh"]


def test_every_word_must_match_in_any_order(client, catalogue):
    assert names(client.get(URL, {"q": "sinh dang"})) == ["Đăng ký khai sinh"]
    assert names(client.get(URL, {"q": "khai sinh ket hon"})) == []


@pytest.mark.parametrize("query", ["1.001193", "1.001193.000.00.00.H29", "001193"])
def test_search_by_national_or_local_code(client, catalogue, query):
    assert names(client.get(URL, {"q": query})) == ["Đăng ký khai sinh"]


def test_only_active_procedures_with_rules_in_force_are_listed(client, catalogue):
    listed = names(client.get(URL))
    assert "Đăng ký khai sinh cũ đã bãi bỏ" not in listed  # inactive
    assert "Đăng ký khai sinh điện tử" not in listed  # in force only from 2027
    # By field (in the fields' order), then by name.
    assert set(listed[:2]) == {"Đăng ký kết hôn", "Đăng ký khai sinh"}
    assert listed[2:] == ["Chứng thực bản sao từ bản chính", "Cấp Phiếu lý lịch tư pháp"]


def test_filter_by_field(client, catalogue):
    assert names(client.get(URL, {"linh_vuc": "chung-thuc"})) == ["Chứng thực bản sao từ bản chính"]


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        ("toan-trinh", ["Đăng ký khai sinh", "Cấp Phiếu lý lịch tư pháp"]),
        ("mot-phan", ["Đăng ký kết hôn"]),
        ("truc-tiep", ["Chứng thực bản sao từ bản chính"]),
    ],
)
def test_filter_by_online_level_of_the_version_in_force(client, catalogue, level, expected):
    # Khai sinh was only partly online before July 2025: its current version counts.
    assert names(client.get(URL, {"truc_tuyen": level})) == expected


def test_filter_by_unit_a_ward_lists_ward_procedures_the_city_its_own(client, catalogue):
    city = UnitFactory(province=True, name="Thành phố Thử Nghiệm", slug="tp-thu-nghiem")
    ward = UnitFactory(parent=city, name="Phường An Lạc", slug="phuong-an-lac")
    UnitFactory(parent=city, name="Phường Chưa Có Một Cửa", slug="phuong-khac", identifier_code="")

    page = client.get(URL).content.decode()
    assert '<option value="phuong-an-lac">Phường An Lạc</option>' in page
    assert "Phường Chưa Có Một Cửa" not in page  # no one-stop desk: not a choice

    at_ward = names(client.get(URL, {"don_vi": ward.slug}))
    assert "Cấp Phiếu lý lịch tư pháp" not in at_ward
    assert "Đăng ký khai sinh" in at_ward
    assert names(client.get(URL, {"don_vi": city.slug})) == ["Cấp Phiếu lý lịch tư pháp"]


def test_filters_combine_with_the_search(client, catalogue):
    response = client.get(URL, {"q": "dang ky", "linh_vuc": "ho-tich", "truc_tuyen": "mot-phan"})
    assert names(response) == ["Đăng ký kết hôn"]
    html = response.content.decode()
    assert 'value="dang ky"' in html  # what the citizen typed stays in the box
    assert '<option value="ho-tich" selected>' in html


def test_an_unknown_filter_value_shows_a_message_and_keeps_the_rest(client, catalogue):
    response = client.get(URL, {"q": "khai sinh", "linh_vuc": "khong-ton-tai"})
    assert response.status_code == 200
    assert names(response) == ["Đăng ký khai sinh"]
    assert "field__error" in response.content.decode()


def test_nothing_found_says_so_in_vietnamese(client, catalogue):
    html = client.get(URL, {"q": "giấy phép lái tàu vũ trụ"}).content.decode()
    assert "Không tìm thấy thủ tục phù hợp" in html


def test_results_show_code_field_level_online_service_and_time(client, catalogue):
    html = client.get(URL, {"q": "khai sinh"}).content.decode()
    assert "Mã 1.001193 · Hộ tịch · Cấp xã" in html
    assert "Trực tuyến toàn trình" in html
    assert "Trong ngày" in html
    html = client.get(URL, {"q": "ly lich"}).content.decode()
    assert "10 ngày làm việc" in html


def test_htmx_gets_only_the_results(client, catalogue):
    response = client.get(URL, {"q": "khai sinh"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="catalogue-results"')
    assert "<header" not in html
    assert names(response) == ["Đăng ký khai sinh"]


def test_the_list_is_paginated_keeping_the_filters(client, today, db):
    for n in range(25):
        ProcedureVersionFactory(procedure=ProcedureFactory(name=f"Thủ tục thử số {n:02d}"))
    first = client.get(URL, {"q": "thu tuc"})
    assert len(names(first)) == 20
    assert "25 thủ tục" in first.content.decode()
    assert 'href="?q=thu+tuc&amp;page=2"' in first.content.decode()
    second = client.get(URL, {"q": "thu tuc", "page": 2})
    assert len(names(second)) == 5


@pytest.mark.parametrize("count", [3, 30])
def test_the_list_costs_the_same_queries_however_many_procedures(
    client, today, db, count, django_assert_num_queries
):
    city = UnitFactory(province=True)
    UnitFactory(parent=city)
    for _n in range(count):
        ProcedureVersionFactory()
    client.get(URL)  # warm the portal-unit cache
    # fields, units, count, page
    with django_assert_num_queries(4):
        response = client.get(URL, {"q": "thu tuc", "truc_tuyen": "toan-trinh"})
    assert len(names(response)) == min(count, 20)


def test_the_public_menu_has_the_catalogue(client, db):
    html = client.get("/").content.decode()
    assert f'href="{URL}"' in html
    assert "Thủ tục hành chính" in html
