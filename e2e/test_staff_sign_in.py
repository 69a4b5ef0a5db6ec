"""An officer signs in with password and authenticator code, lands on the back-office,
switches the language and signs out."""

import pytest
from django_otp.oath import totp

from motcua.accounts.tests.factories import PASSWORD
from motcua.organisations.tests.factories import UnitFactory
from motcua.organisations.tests.helpers import make_staff


@pytest.fixture
def officer(transactional_db):
    ward = UnitFactory(name="Phường Bình Thạnh", slug="phuong-binh-thanh")
    return make_staff(
        ward, "one_stop_officer", username="binhthanh.motcua", full_name="Nguyễn Thị Thu Hà"
    )


def test_officer_signs_in_with_two_factors_switches_language_and_signs_out(desktop, officer):
    page = desktop
    device = officer.totpdevice_set.get()

    page.goto("/can-bo/")
    assert "/dang-nhap/" in page.url
    page.get_by_label("Tên đăng nhập").fill("binhthanh.motcua")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()

    page.get_by_role("heading", name="Xác thực hai lớp").wait_for()
    page.get_by_label("Mã").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Xác nhận").click()

    page.get_by_role("heading", name="Xin chào, Nguyễn Thị Thu Hà").wait_for()
    assert page.url.endswith("/can-bo/")
    assert page.get_by_text("Bạn đang làm việc tại Phường Bình Thạnh.").is_visible()

    page.get_by_role("button", name="English").click()
    page.get_by_role("heading", name="Hello, Nguyễn Thị Thu Hà").wait_for()
    assert page.locator("html").get_attribute("lang") == "en"

    page.locator(".user-menu summary").click()
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/")
    page.goto("/can-bo/")
    assert "/dang-nhap/" in page.url
