"""The whole life of a dossier, as its users live it: a citizen files online from a phone, the
desk receives it, a specialist asks for a document, the citizen adds it from the lookup page,
the leader approves, the desk returns the result."""

import re

import pytest

from motcua.organisations.models import UnitKind
from motcua.organisations.tests.factories import UnitFactory
from motcua.organisations.tests.helpers import make_staff
from motcua.procedures.tests.factories import ProcedureVersionFactory, RequiredDocumentFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def ward(transactional_db):
    city = UnitFactory(
        kind=UnitKind.PROVINCE, name="Thành phố Hồ Chí Minh", slug="tphcm", gso_code="79"
    )
    ward = UnitFactory(
        parent=city,
        name="Phường Bình Thạnh",
        slug="phuong-binh-thanh",
        identifier_code="000.31.26.H29",
    )
    department = UnitFactory(
        parent=ward,
        kind=UnitKind.DEPARTMENT,
        name="Phòng Văn hóa - Xã hội",
        slug="vhxh",
        gso_code="",
    )
    version = ProcedureVersionFactory(
        procedure__name="Đăng ký khai sinh",
        procedure__slug="dang-ky-khai-sinh",
        processing_days=3,
        documents=[],
    )
    RequiredDocumentFactory(version=version, name="Tờ khai đăng ký khai sinh")
    return {
        "ward": ward,
        "officer": make_staff(
            ward, "one_stop_officer", username="binhthanh.motcua", full_name="Nguyễn Thị Thu Hà"
        ),
        "specialist": make_staff(
            department, "specialist", username="binhthanh.chuyenvien", full_name="Trần Văn Minh"
        ),
        "leader": make_staff(
            ward, "leader", username="binhthanh.lanhdao", full_name="Lê Hoàng Nam"
        ),
    }


def act(page, action: str, **fields) -> None:
    page.locator("details.action summary", has_text=action).click()
    form = page.locator("details.action[open] form")
    for label, value in fields.items():
        target = form.get_by_label(label)
        if target.evaluate("el => el.tagName") == "SELECT":
            target.select_option(label=value)
        else:
            target.fill(value)
    form.get_by_role("button", name=action).click()
    page.get_by_text(f"Đã thực hiện: {action}.").wait_for()


def test_the_whole_life_of_a_dossier(browser, live_server, phone, ward, staff_sign_in, tmp_path):
    scan = tmp_path / "to-khai.pdf"
    scan.write_bytes(PDF)

    # A citizen files the dossier online from a phone.
    phone.goto("/ho-so/nop/dang-ky-khai-sinh/")
    phone.get_by_label("Phường, xã nơi nộp hồ sơ").select_option(label="Phường Bình Thạnh")
    phone.get_by_label("Họ và tên").fill("Phạm Thị Lan")
    phone.get_by_label("Số điện thoại di động").fill("0903 123 456")
    phone.get_by_label("Địa chỉ").fill("25 Nơ Trang Long")
    phone.get_by_label("Tờ khai đăng ký khai sinh").set_input_files(str(scan))
    phone.get_by_label("Tôi cam đoan").check()
    phone.get_by_role("button", name="Nộp hồ sơ").click()
    phone.get_by_role("heading", name="Hồ sơ của bạn đã được gửi").wait_for()
    code = phone.locator(".big-code").first.inner_text().strip()
    assert re.fullmatch(r"000\.31\.26\.H29-\d{6}-0001", code)

    def desk_page():
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": 1280, "height": 900}
        )
        return context.new_page()

    # The one-stop officer receives it; the receipt appears as a PDF.
    officer = desk_page()
    staff_sign_in(officer, ward["officer"], "/can-bo/ho-so/")
    officer.get_by_role("link", name="Chờ tiếp nhận").click()
    officer.get_by_role("link", name=code).click()
    act(officer, "Tiếp nhận và cấp phiếu hẹn")
    receipt = officer.get_by_role("link", name=re.compile("Giấy tiếp nhận hồ sơ"))
    with officer.expect_response(lambda r: "/phieu/" in r.url) as pdf:
        officer.goto(receipt.get_attribute("href"))
    assert pdf.value.headers["content-type"] == "application/pdf"
    officer.go_back()
    act(officer, "Chuyển phòng chuyên môn", **{"Phòng, ban": "Phòng Văn hóa - Xã hội"})

    # The specialist takes it and asks for one more document.
    specialist = desk_page()
    staff_sign_in(specialist, ward["specialist"], f"/can-bo/ho-so/{code}/")
    act(specialist, "Phân công chuyên viên", **{"Chuyên viên": "Trần Văn Minh"})
    act(
        specialist,
        "Yêu cầu bổ sung hồ sơ",
        **{
            "Giấy tờ cần bổ sung, mỗi giấy tờ một dòng": "Bản sao giấy chứng nhận kết hôn của cha mẹ"
        },
    )

    # The citizen sees it on the lookup page and sends the document.
    phone.goto("/tra-cuu-ho-so/")
    phone.get_by_label("Mã hồ sơ").fill(code)
    phone.get_by_label("Mã tra cứu hoặc số điện thoại").fill("0903123456")
    phone.get_by_role("button", name="Tra cứu").click()
    phone.get_by_text("Yêu cầu bổ sung").first.wait_for()
    assert phone.get_by_text("Bản sao giấy chứng nhận kết hôn của cha mẹ").first.is_visible()
    phone.get_by_label("Giấy tờ bổ sung").set_input_files(str(scan))
    phone.get_by_role("button", name="Gửi giấy tờ").click()
    phone.get_by_text("Cảm ơn bạn: giấy tờ bổ sung đã được gửi.").wait_for()

    # The specialist submits, the leader approves, the desk returns the result.
    specialist.reload()
    act(specialist, "Trình lãnh đạo")
    leader = desk_page()
    staff_sign_in(leader, ward["leader"], f"/can-bo/ho-so/{code}/")
    act(leader, "Phê duyệt, ký kết quả")
    officer.goto(f"/can-bo/ho-so/{code}/")
    act(officer, "Trả kết quả")

    phone.reload()
    assert phone.locator(".status-line").get_by_text("Đã trả kết quả").is_visible()
