"""The administrators' import / export page in the back-office."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from motcua.audit.models import AuditEvent
from motcua.organisations.tests.helpers import sign_in
from motcua.procedures import selectors, transfer
from motcua.procedures.models import Procedure
from motcua.procedures.tests.test_transfer import csv_text, row, wipe

PAGE = reverse("procedures:transfer")


@pytest.fixture
def admin_client(client, administrator):
    return sign_in(client, administrator)


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def test_only_administrators_may_use_the_page(client, officer_a, db):
    assert client.get(PAGE).status_code == 302  # to the sign-in page
    sign_in(client, officer_a)
    assert client.get(PAGE).status_code == 403
    assert client.get(reverse("procedures:export", args=["json"])).status_code == 403
    assert client.post(PAGE, {"file": upload("a.csv", csv_text([row()]))}).status_code == 403
    assert Procedure.objects.count() == 0


def test_the_staff_menu_shows_the_page_to_administrators_only(client, administrator, officer_a):
    sign_in(client, administrator)
    assert f'href="{PAGE}"' in client.get(reverse("organisations:staff-home")).content.decode()
    sign_in(client, officer_a)
    assert f'href="{PAGE}"' not in client.get(reverse("organisations:staff-home")).content.decode()


def test_an_administrator_downloads_the_catalogue(admin_client, catalogue):
    response = admin_client.get(reverse("procedures:export", args=["json"]))
    assert response.status_code == 200
    assert (
        response["Content-Disposition"] == 'attachment; filename="thu-tuc-hanh-chinh-20260302.json"'
    )
    assert len(json.loads(response.content)["procedures"]) == 6
    response = admin_client.get(reverse("procedures:export", args=["csv"]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.decode("utf-8-sig").startswith("code,local_code,name")


def test_an_administrator_imports_a_file_and_the_import_is_audited(
    admin_client, administrator, catalogue
):
    data = transfer.export_json(selectors.procedures_for_export()).encode()
    wipe()
    response = admin_client.post(PAGE, {"file": upload("danh-muc.json", data)})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Đã nhập dữ liệu từ tệp." in html
    assert "Thủ tục thêm mới" in html
    assert Procedure.objects.count() == 6
    event = AuditEvent.objects.get(action="procedures.import")
    assert event.actor == administrator
    assert event.after["procedures_created"] == 6
    assert event.reason == "danh-muc.json"

    again = admin_client.post(PAGE, {"file": upload("danh-muc.json", data)}).content.decode()
    assert "Danh mục đã có sẵn các dữ liệu này; không có thay đổi." in again


def test_a_file_with_errors_lists_them_by_line_and_writes_nothing(admin_client, db):
    data = csv_text([row(), row(code="1.000894", fee_kind="bogus", name="Đăng ký kết hôn")])
    html = admin_client.post(PAGE, {"file": upload("loi.csv", data)}).content.decode()
    assert "Chưa nhập dữ liệu: có 1 lỗi cần sửa." in html  # next to the file field
    assert "Dòng 3: cột “fee_kind”: “bogus” không thuộc các giá trị" in html
    assert Procedure.objects.count() == 0


def test_checking_only_writes_nothing(admin_client, db):
    html = admin_client.post(
        PAGE, {"file": upload("a.csv", csv_text([row()])), "dry_run": "on"}
    ).content.decode()
    assert "Tệp hợp lệ. Chưa ghi dữ liệu." in html
    assert "Kết quả kiểm tra (chưa ghi dữ liệu)" in html
    assert Procedure.objects.count() == 0


def test_a_file_that_is_not_csv_or_json_is_refused_by_its_content(admin_client, db):
    image = io.BytesIO()
    Image.new("RGB", (4, 4)).save(image, "PNG")
    html = admin_client.post(
        PAGE, {"file": upload("danh-muc.csv", image.getvalue())}
    ).content.decode()
    assert "Loại tệp này không được chấp nhận. Chấp nhận: CSV, JSON." in html
    assert Procedure.objects.count() == 0
