"""The lobby kiosk: large-type pages without the site's chrome, reset when idle."""

import re

import pytest
import segno
from django.urls import reverse

KIOSK = reverse("procedures:kiosk")


def test_the_start_screen_offers_a_search_box_and_a_button_per_field(client, catalogue, settings):
    settings.KIOSK_IDLE_SECONDS = 45
    html = client.get(KIOSK).content.decode()
    assert "Tra cứu thủ tục hành chính" in html
    assert 'class="kiosk-search__input" type="search" name="q"' in html
    assert re.search(r'href="/thu-tuc/kiosk/\?linh_vuc=ho-tich">.*Hộ tịch.*2 thủ tục', html, re.S)
    assert 'href="/thu-tuc/kiosk/?linh_vuc=chung-thuc"' in html
    # No header, menu or footer of the portal; the idle reset is configured on the page.
    assert "site-header" not in html
    assert "site-footer" not in html
    assert "site-nav" not in html
    assert f'data-kiosk-idle="45" data-kiosk-home="{KIOSK}"' in html
    assert '<script src="/static/procedures/kiosk.js" defer></script>' in html
    assert "<script>" not in html
    assert "style=" not in html


def test_the_idle_script_and_large_type_styles_are_served(client):
    assert client.get("/static/procedures/kiosk.js").status_code == 200
    assert client.get("/static/procedures/kiosk.css").status_code == 200


def test_touching_a_field_lists_its_procedures_as_big_buttons_to_the_kiosk_pages(client, catalogue):
    html = client.get(KIOSK, {"linh_vuc": "ho-tich"}).content.decode()
    assert '<h1 class="kiosk__title">Hộ tịch</h1>' in html
    assert 'href="/thu-tuc/kiosk/dang-ky-khai-sinh/"' in html
    assert 'href="/thu-tuc/kiosk/dang-ky-ket-hon/"' in html
    assert "Chứng thực bản sao" not in html


def test_searching_without_accents_finds_the_procedure(client, catalogue):
    html = client.get(KIOSK, {"q": "dang ky khai sinh"}).content.decode()
    assert "Kết quả tìm kiếm “dang ky khai sinh”" in html
    assert 'href="/thu-tuc/kiosk/dang-ky-khai-sinh/"' in html
    assert 'value="dang ky khai sinh"' in html


def test_the_procedure_in_large_type_with_a_qr_code_to_the_public_page(client, catalogue, settings):
    settings.PUBLIC_BASE_URL = "https://dichvucong.phuong.example.vn"
    html = client.get(
        reverse("procedures:kiosk-detail", args=["dang-ky-khai-sinh"])
    ).content.decode()
    assert "<h1>Đăng ký khai sinh</h1>" in html
    assert "Giấy chứng sinh" in html
    assert "Thời hạn giải quyết" in html
    public_url = "https://dichvucong.phuong.example.vn/thu-tuc/dang-ky-khai-sinh/"
    expected_qr = segno.make(public_url, error="m").svg_inline(
        scale=6, border=2, omitsize=True, title="Mã QR: mở thủ tục này trên điện thoại"
    )
    assert expected_qr in html
    # Nothing to download on a lobby screen; the way back stays in the kiosk.
    assert "/thu-tuc/mau-don/" not in html
    assert 'href="/thu-tuc/kiosk/?linh_vuc=ho-tich"' in html
    assert "site-header" not in html


def test_an_unknown_procedure_on_the_kiosk_is_not_found(client, catalogue):
    assert client.get(reverse("procedures:kiosk-detail", args=["khong-co"])).status_code == 404


@pytest.mark.parametrize("count", [2, 12])
def test_the_kiosk_lists_cost_the_same_queries(
    client, city, catalogue, count, django_assert_num_queries
):
    from motcua.procedures.tests.factories import ProcedureFactory, ProcedureVersionFactory

    for n in range(count):
        ProcedureVersionFactory(
            procedure=ProcedureFactory(field=catalogue.khai_sinh.field, name=f"Hộ tịch thử {n}")
        )
    client.get(KIOSK)
    with django_assert_num_queries(3):  # fields, count, page
        client.get(KIOSK, {"linh_vuc": "ho-tich"})
