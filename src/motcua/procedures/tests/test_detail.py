"""The procedure page, its printable version and the forms to download."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from motcua.procedures.tests.factories import ProcedureVersionFactory


def page(client, procedure, **params):
    response = client.get(reverse("procedures:detail", args=[procedure.slug]), params)
    assert response.status_code == 200
    return response.content.decode()


def text(html: str) -> str:
    """The visible text, in one line."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_page_says_everything_a_citizen_needs_before_applying(client, catalogue):
    html = page(client, catalogue.khai_sinh)
    words = text(html)
    assert "<h1>Đăng ký khai sinh</h1>" in html
    assert "Mã thủ tục: 1.001193" in words
    assert "Mã địa phương: 1.001193.000.00.00.H29" in words
    assert "Hộ tịch" in words
    assert "Cấp xã" in words
    assert "Đối tượng thực hiện Công dân" in words
    assert "Thời hạn giải quyết Trong ngày" in words
    assert "Phí, lệ phí Không thu phí, lệ phí." in words
    assert "Kết quả Giấy khai sinh (bản chính)" in words
    assert "Trực tuyến toàn trình" in words
    assert "Trước đây: mức độ 4" in words
    assert "Hồ sơ tiếp nhận sau 15:00 được tính thời hạn từ ngày làm việc tiếp theo." in words
    assert "Hiệu lực Từ ngày 01/07/2025" in words
    # Steps one per line, legal basis one per line.
    assert "<li>Nộp hồ sơ tại Bộ phận Một cửa.</li><li>Nhận kết quả.</li>" in html
    assert "<li>Luật Hộ tịch số 60/2014/QH13</li><li>Nghị định số 123/2015/NĐ-CP</li>" in html


def test_documents_show_original_or_copy_number_optional_and_the_form(client, catalogue):
    words = text(page(client, catalogue.khai_sinh))
    assert "Tờ khai đăng ký khai sinh theo mẫu Bản chính Số lượng: 1 bản" in words
    assert (
        "Văn bản ủy quyền Bản sao chứng thực hoặc bản sao kèm bản chính để đối chiếu "
        "Số lượng: 2 bản Tùy trường hợp Khi ủy quyền cho người khác đi đăng ký." in words
    )
    form = catalogue.khai_sinh.versions.get(effective_from=dt.date(2025, 7, 1)).documents.get(
        sort_order=0
    )
    name = form.form_template.name.rsplit("/", 1)[-1]
    assert f'href="/thu-tuc/mau-don/{name}"' in page(client, catalogue.khai_sinh)
    assert "Tải mẫu đơn, tờ khai (PDF)" in words


@pytest.mark.parametrize(
    ("attribute", "expected"),
    [
        ("ket_hon", "Phí, lệ phí 15.000 đồng ví dụ Mức thu là ví dụ, chưa được xác nhận."),
        ("ly_lich", "Phí, lệ phí 8.000 đồng"),
        (
            "ban_sao",
            "Phí, lệ phí 2.000 đồng/trang cho 2 trang đầu từ trang thứ 3 trở đi: 1.000 đồng/trang "
            "tối đa 200.000 đồng Chẳng hạn, bản 10 trang: 12.000 đồng",
        ),
    ],
)
def test_fees_are_computed_and_examples_marked(client, catalogue, attribute, expected):
    assert expected in text(page(client, getattr(catalogue, attribute)))


def test_processing_time_in_working_days_and_desk_only_level(client, catalogue):
    words = text(page(client, catalogue.ly_lich))
    assert "Thời hạn giải quyết 10 ngày làm việc" in words
    assert "Cấp tỉnh" in words
    assert "Trung tâm Phục vụ hành chính công Thành phố." in words
    words = text(page(client, catalogue.ban_sao))
    assert "Không trực tuyến" in words
    assert "Trước đây: mức độ 2" in words


def test_an_online_procedure_links_to_the_online_submission_page(client, catalogue):
    html = page(client, catalogue.khai_sinh)
    assert '<a class="btn btn--primary btn--large" href="/ho-so/nop/dang-ky-khai-sinh/">' in html
    assert "Nộp hồ sơ trực tuyến" not in page(client, catalogue.ban_sao)  # desk only


def test_an_earlier_version_can_be_read_by_date_and_the_versions_are_listed(client, catalogue):
    html = page(client, catalogue.khai_sinh, ngay="2020-05-01")
    words = text(html)
    assert "Bạn đang xem quy định áp dụng ngày 01/05/2020." in words
    assert "Giấy khai sinh (bản cũ)" in words
    assert "1 ngày làm việc" in words
    assert "Từ ngày 01/01/2016 đến ngày 30/06/2025" in words
    assert "Các lần sửa đổi quy định của thủ tục" in words


def test_a_new_version_published_ahead_is_announced(client, catalogue):
    ProcedureVersionFactory(
        procedure=catalogue.khai_sinh, effective_from=dt.date(2026, 6, 1), documents=[]
    )
    words = text(page(client, catalogue.khai_sinh))
    assert "Từ ngày 01/06/2026, thủ tục này áp dụng quy định mới." in words
    assert "Giấy khai sinh (bản chính)" in words  # today's rules still shown


def test_a_procedure_without_rules_in_force_yet_says_so(client, catalogue):
    words = text(page(client, catalogue.future))
    assert "Thủ tục chưa có quy định áp dụng vào ngày này." in words
    assert "Xem quy định áp dụng từ ngày 01/01/2027" in words


def test_an_inactive_or_unknown_procedure_is_not_found(client, catalogue):
    assert (
        client.get(reverse("procedures:detail", args=[catalogue.inactive.slug])).status_code == 404
    )
    assert client.get("/thu-tuc/khong-co-thu-tuc-nay/").status_code == 404


def test_the_page_costs_a_fixed_number_of_queries(
    client, city, catalogue, django_assert_num_queries
):
    client.get("/")  # warm the portal-unit cache
    # procedure, versions, version in force, its documents, the 15:00 rule
    with django_assert_num_queries(5):
        client.get(reverse("procedures:detail", args=[catalogue.khai_sinh.slug]))


def test_the_printable_version_has_no_site_chrome_and_a_qr_code_to_the_page(
    client, catalogue, settings
):
    settings.PUBLIC_BASE_URL = ""  # not set: the address the page was asked on
    response = client.get(reverse("procedures:print", args=[catalogue.khai_sinh.slug]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "site-header" not in html
    assert "site-footer" not in html
    assert "<svg" in html
    assert 'viewBox="' in html
    assert "http://testserver/thu-tuc/dang-ky-khai-sinh/" in html
    assert "In ngày 02/03/2026." in html
    assert "procedures/procedures.css" in html  # its @media print rules
    assert "<script>" not in html  # the print button is wired by a static file


def test_the_regular_page_prints_without_menus_and_buttons(client, catalogue):
    css = client.get("/static/procedures/procedures.css")
    rules = b"".join(css.streaming_content).decode()
    assert "@media print" in rules
    assert ".no-print" in rules.split("@media print", 1)[1]
    html = page(client, catalogue.khai_sinh)
    assert 'class="procedure__actions no-print"' in html


def test_a_form_is_downloaded_as_an_attachment(client, catalogue):
    document = catalogue.khai_sinh.versions.get(effective_from=dt.date(2025, 7, 1)).documents.get(
        sort_order=0
    )
    name = document.form_template.name.rsplit("/", 1)[-1]
    response = client.get(reverse("procedures:form", args=[name]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_only_forms_of_active_procedures_can_be_downloaded(client, catalogue):
    assert client.get("/thu-tuc/mau-don/khong-co.pdf").status_code == 404
    assert client.get("/thu-tuc/mau-don/..%2Fsettings.py").status_code == 404
    document = catalogue.khai_sinh.versions.get(effective_from=dt.date(2025, 7, 1)).documents.get(
        sort_order=0
    )
    name = document.form_template.name.rsplit("/", 1)[-1]
    catalogue.khai_sinh.is_active = False
    catalogue.khai_sinh.save()
    assert client.get(reverse("procedures:form", args=[name])).status_code == 404


def test_a_visitor_gets_the_cached_page_and_an_edit_of_the_procedure_shows_at_once(
    client, catalogue, django_assert_num_queries, django_capture_on_commit_callbacks
):
    procedure = catalogue.khai_sinh
    assert "<h1>Đăng ký khai sinh</h1>" in page(client, procedure)
    with django_assert_num_queries(0):  # from the cache
        assert "<h1>Đăng ký khai sinh</h1>" in page(client, procedure)
    with django_capture_on_commit_callbacks(execute=True):
        procedure.name = "Đăng ký khai sinh (có yếu tố nước ngoài)"
        procedure.save()
    assert "<h1>Đăng ký khai sinh (có yếu tố nước ngoài)</h1>" in page(client, procedure)
