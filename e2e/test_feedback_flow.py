"""A citizen reports a problem from a phone (photo + map pin) and gets a code; the one-stop
officer accepts and assigns it, the specialist answers, the leader approves; the public page
shows the answer without personal data; the citizen is not satisfied and the report reopens."""

import io
import re

import pytest
from django_otp.oath import totp
from PIL import Image

from motcua.accounts.tests.factories import PASSWORD
from motcua.feedback.models import Category, Report, RoutingRule, Status
from motcua.organisations.models import UnitKind
from motcua.organisations.tests.factories import UnitFactory
from motcua.organisations.tests.helpers import make_staff

ANSWER = "Ngày 20/11, phường đã kiểm tra, yêu cầu quán cà phê dọn bàn ghế, trả lại vỉa hè."


@pytest.fixture
def ward(transactional_db):
    city = UnitFactory(province=True, name="Thành phố Hồ Chí Minh", slug="tphcm", gso_code="79")
    ward = UnitFactory(parent=city, name="Phường Bình Thạnh", slug="phuong-binh-thanh")
    economy = UnitFactory(
        parent=ward, department=True, name="Phòng Kinh tế, Hạ tầng và Đô thị", slug="pbt-kt"
    )
    center = UnitFactory(
        parent=ward,
        kind=UnitKind.SERVICE_CENTER,
        gso_code="",
        name="Trung tâm Phục vụ hành chính công",
        slug="pbt-tt",
    )
    people = {
        "officer": make_staff(
            center, "one_stop_officer", username="bt.motcua", full_name="Nguyễn Thị Thu Hà"
        ),
        "specialist": make_staff(
            economy, "specialist", username="bt.kinhte", full_name="Phạm Quốc Bảo"
        ),
        "leader": make_staff(ward, "leader", username="bt.lanhdao", full_name="Lê Hoàng Nam"),
    }
    RoutingRule.objects.create(
        unit=ward,
        position=1,
        category=Category.objects.get(code="trat-tu-do-thi"),
        handling_unit=economy,
        officer=people["specialist"],
    )
    return people


def photo_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 240), (180, 60, 40)).save(out, "JPEG")
    return out.getvalue()


def staff_page(browser, live_server, user):
    """A phone-sized page signed in as ``user`` (password and authenticator code)."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, base_url=live_server.url, locale="vi-VN"
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto("/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_label("Mã").fill(f"{totp(user.totpdevice_set.get().bin_key):06d}")
    page.get_by_role("button", name="Xác nhận").click()
    page.get_by_role("heading", name=re.compile("Xin chào")).wait_for()
    return page


def act(page, label: str, **fields):
    page.locator("summary", has_text=re.compile(f"^{re.escape(label)}$")).click()
    for name, value in fields.items():
        field = page.get_by_label(name)
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(label=value)
        else:
            field.fill(value)
    page.get_by_role("button", name=label, exact=True).click()
    page.get_by_text(f"Đã thực hiện: {label}.").wait_for()


def test_a_report_from_a_phone_is_answered_approved_published_and_reopened(
    phone, browser, live_server, ward
):
    page = phone
    # The citizen files the report.
    page.goto("/phan-anh/gui/")
    page.get_by_label("Phường, xã nơi xảy ra sự việc").select_option(label="Phường Bình Thạnh")
    page.get_by_label("Lĩnh vực").select_option(label="Lấn chiếm lòng đường, lề đường, vỉa hè")
    page.get_by_label("Hình thức lấn chiếm").select_option(label="Buôn bán")  # extra question
    page.get_by_label("Mô tả sự việc").fill(
        "Quán cà phê bày bàn ghế chiếm hết vỉa hè trước chợ, người đi bộ phải xuống lòng đường."
    )
    page.get_by_label("Hình ảnh").set_input_files(
        {"name": "via-he.jpg", "mimeType": "image/jpeg", "buffer": photo_bytes()}
    )
    page.locator("#fb-map").click(position={"x": 160, "y": 150})
    page.get_by_text("Đã đánh dấu:").wait_for()
    page.get_by_label("Địa chỉ hoặc địa điểm").fill("120 Nơ Trang Long")
    page.get_by_label("Họ và tên").fill("Nguyễn Văn An")
    page.get_by_label("Số điện thoại").fill("0903 123 456")
    page.get_by_role("button", name="Gửi phản ánh").click()
    page.get_by_role("heading", name="Phản ánh đã được gửi").wait_for()
    code = page.get_by_test_id("tracking-code").inner_text()
    secret = page.get_by_test_id("secret-code").inner_text()
    report = Report.objects.get(code=code)
    assert report.has_location
    assert report.photos.count() == 1
    assert report.handling_unit.name == "Phòng Kinh tế, Hạ tầng và Đô thị"

    # The one-stop officer accepts and assigns it.
    officer = staff_page(browser, live_server, ward["officer"])
    officer.goto(f"/can-bo/phan-anh/{code}/")
    act(officer, "Tiếp nhận")
    act(officer, "Phân công cán bộ xử lý", **{"Cán bộ xử lý": "Phạm Quốc Bảo"})
    # The specialist handles and answers.
    specialist = staff_page(browser, live_server, ward["specialist"])
    specialist.goto(f"/can-bo/phan-anh/{code}/")
    act(specialist, "Bắt đầu xử lý")
    act(
        specialist,
        "Trình lãnh đạo duyệt trả lời",
        **{"Nội dung trả lời người phản ánh (được công khai)": ANSWER},
    )
    # The leader approves: the answer is published.
    leader = staff_page(browser, live_server, ward["leader"])
    leader.goto(f"/can-bo/phan-anh/{code}/")
    act(leader, "Duyệt và công khai trả lời")
    assert Report.objects.get(code=code).status == Status.ANSWERED

    # The public page shows the answer and nothing personal.
    page.goto(f"/phan-anh/{code}/")
    page.get_by_text(ANSWER).wait_for()
    html = page.content()
    for personal in ("Nguyễn Văn An", "0903", "120 Nơ Trang Long"):
        assert personal not in html
    assert "Nơ Trang Long" in html

    # The citizen is not satisfied: the report reopens.
    page.goto("/phan-anh/tra-cuu/")
    page.get_by_label("Mã phản ánh").fill(code)
    page.get_by_label("Mã bí mật").fill(secret)
    page.get_by_role("button", name="Tra cứu").click()
    page.get_by_label("Không hài lòng").check()
    page.get_by_label("Ý kiến").fill("Quán vẫn bày bàn ghế ra vỉa hè vào buổi tối.")
    page.get_by_role("button", name="Gửi đánh giá").click()
    page.get_by_text("Phản ánh đã được mở lại").wait_for()
    reopened = Report.objects.get(code=code)
    assert reopened.status == Status.IN_PROGRESS
    assert reopened.rating == "not_satisfied"
    for extra in (officer, specialist, leader):
        extra.context.close()
