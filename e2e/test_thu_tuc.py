"""A citizen finds a procedure (thủ tục) on the phone; the lobby kiosk resets itself when left
alone."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from motcua.procedures.models import DocumentRequirement
from motcua.procedures.tests.factories import (
    ProcedureFactory,
    ProcedureFieldFactory,
    ProcedureVersionFactory,
    RequiredDocumentFactory,
)


@pytest.fixture
def khai_sinh(transactional_db):
    ho_tich = ProcedureFieldFactory(code="ho-tich", name="Hộ tịch")
    procedure = ProcedureFactory(
        code="1.001193", name="Đăng ký khai sinh", slug="dang-ky-khai-sinh", field=ho_tich
    )
    version = ProcedureVersionFactory(
        procedure=procedure,
        effective_from=dt.date(2025, 7, 1),
        same_day=True,
        example_fee=True,
        result="Giấy khai sinh (bản chính)",
        documents=[],
    )
    RequiredDocumentFactory(
        version=version, name="Tờ khai đăng ký khai sinh theo mẫu", sort_order=0
    )
    RequiredDocumentFactory(
        version=version,
        name="Giấy chứng sinh",
        requirement=DocumentRequirement.ORIGINAL,
        sort_order=1,
    )
    other = ProcedureFactory(code="1.000894", name="Đăng ký kết hôn", field=ho_tich)
    ProcedureVersionFactory(procedure=other, effective_from=dt.date(2025, 7, 1))
    return procedure


def test_a_citizen_finds_khai_sinh_typed_without_accents_and_reads_documents_and_fee(
    phone, khai_sinh
):
    page = phone
    page.goto("/")
    page.get_by_role("link", name="Thủ tục hành chính").first.click()
    page.get_by_role("heading", name="Thủ tục hành chính", level=1).wait_for()

    expect(page.get_by_role("link", name="Đăng ký kết hôn")).to_be_visible()
    page.get_by_label("Tên hoặc mã thủ tục").fill("dang ky khai sinh")
    page.get_by_role("main").get_by_role("button", name="Tìm kiếm").click()  # not the header's
    page.wait_for_url(lambda url: "q=dang" in url)  # the search is in the address
    expect(page.get_by_text("1 thủ tục", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Đăng ký kết hôn")).to_have_count(0)

    page.get_by_role("link", name="Đăng ký khai sinh").click()
    page.get_by_role("heading", name="Đăng ký khai sinh", level=1).wait_for()
    documents = page.locator(".documents")
    assert documents.get_by_text("Tờ khai đăng ký khai sinh theo mẫu").is_visible()
    assert documents.get_by_text("Giấy chứng sinh").is_visible()
    fees = page.locator(".facts__item", has_text="Phí, lệ phí")
    assert "15.000 đồng" in fees.inner_text()
    assert "Mức thu là ví dụ" in fees.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_the_kiosk_goes_back_to_its_start_screen_when_left_alone(desktop, khai_sinh, settings):
    settings.KIOSK_IDLE_SECONDS = 2
    page = desktop
    page.goto("/thu-tuc/kiosk/")
    page.get_by_role("link", name="Hộ tịch").click()
    page.get_by_role("link", name="Đăng ký khai sinh").click()
    page.get_by_role("heading", name="Đăng ký khai sinh").wait_for()
    assert "/thu-tuc/kiosk/dang-ky-khai-sinh/" in page.url
    assert page.locator(".kiosk-qr svg").is_visible()

    # Nobody touches the screen: it returns to the start by itself.
    page.wait_for_url("**/thu-tuc/kiosk/", timeout=6000)
    page.get_by_role("heading", name="Tra cứu thủ tục hành chính").wait_for()
    assert page.get_by_role("link", name="Hộ tịch").is_visible()
