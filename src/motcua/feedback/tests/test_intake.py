"""Filing a report: the public form, staff entry, idempotency, rate limits, lookup."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from motcua.audit.models import AuditEvent
from motcua.feedback.models import Channel, Report, ReportPhoto, Status
from motcua.feedback.tests.factories import SECRET, ReportFactory
from motcua.organisations.tests.helpers import sign_in


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x8825] = {1: "N", 2: (10.0, 48.0, 30.0)}  # GPS position
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def form_data(ward, **overrides):
    data = {
        "unit": ward.slug,
        "category": "lan-chiem-long-le-duong",
        "description": "Quán cà phê bày bàn ghế chiếm hết vỉa hè, người đi bộ phải xuống lòng đường.",
        "address": "120 Nơ Trang Long",
        "latitude": "10.81051",
        "longitude": "106.70112",
        "reporter_name": "Nguyễn Văn An",
        "reporter_phone": "0903 123 456",
        "reporter_email": "",
        "is_public": "on",
        "idempotency_key": "k-1",
        "q_hinh_thuc": "Buôn bán",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_a_citizen_files_a_report_with_a_photo_and_a_pin_and_gets_code_and_secret(
    client, a, ward_a
):
    photo = SimpleUploadedFile("IMG_2041.jpg", jpeg_with_gps(), content_type="image/jpeg")
    response = client.post(reverse("feedback:new"), {**form_data(ward_a), "photos": photo})
    report = Report.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("feedback:submitted", args=[report.code])
    assert report.status == Status.RECEIVED
    assert report.channel == Channel.WEB
    assert (report.latitude, report.longitude) == (10.81051, 106.70112)
    assert report.reporter_phone == "0903123456"
    assert report.details == {"hinh_thuc": "Buôn bán"}
    assert report.public_address == "Nơ Trang Long"
    assert report.handling_unit == ward_a  # no routing rule: the ward handles it
    stored = ReportPhoto.objects.get(report=report)
    with stored.image.open("rb") as handle, Image.open(handle) as image:
        assert not image.getexif()  # camera and GPS data removed
    page = client.get(response["Location"]).content.decode()
    assert report.code in page
    secret = page.split('data-testid="secret-code">')[1].split("<")[0]
    assert report.secret_hash
    assert secret not in report.secret_hash
    from motcua.feedback.services import secret_matches

    assert secret_matches(report, secret)
    assert AuditEvent.objects.filter(action="feedback.submit").exists()


@pytest.mark.django_db
def test_a_double_click_files_one_report(client, a, ward_a):
    first = client.post(reverse("feedback:new"), form_data(ward_a))
    second = client.post(reverse("feedback:new"), form_data(ward_a))
    assert Report.objects.count() == 1
    assert first["Location"] == second["Location"]
    assert 'data-testid="secret-code"' in client.get(second["Location"]).content.decode()


@pytest.mark.django_db
def test_the_form_keeps_what_was_typed_and_says_what_is_wrong(client, a, ward_a):
    response = client.post(
        reverse("feedback:new"),
        form_data(
            ward_a, description="Ồn", latitude="", longitude="", address="", reporter_phone="12"
        ),
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert Report.objects.count() == 0
    assert "Nhập số điện thoại Việt Nam" in html
    assert "Nguyễn Văn An" in html  # kept


@pytest.mark.django_db
def test_a_report_needs_a_pin_or_an_address(client, a, ward_a):
    response = client.post(
        reverse("feedback:new"), form_data(ward_a, latitude="", longitude="", address="")
    )
    assert response.status_code == 400
    assert "Hãy đánh dấu vị trí trên bản đồ hoặc nhập địa chỉ" in response.content.decode()
    response = client.post(
        reverse("feedback:new"),
        form_data(ward_a, latitude="", longitude="", idempotency_key="k-2"),
    )
    assert response.status_code == 302
    assert Report.objects.get().latitude is None


@pytest.mark.django_db
def test_a_required_extra_question_must_be_answered(client, a, ward_a):
    response = client.post(reverse("feedback:new"), form_data(ward_a, category="tieng-on"))
    assert response.status_code == 400
    assert Report.objects.count() == 0
    html = client.get(reverse("feedback:questions"), {"category": "tieng-on"}).content.decode()
    assert "Nguồn gây ồn" in html
    assert "Karaoke, loa kéo" in html


@pytest.mark.django_db
def test_a_bot_filling_the_hidden_field_files_nothing(client, a, ward_a):
    response = client.post(reverse("feedback:new"), form_data(ward_a, website="http://spam"))
    assert response.status_code == 400
    assert Report.objects.count() == 0


@pytest.mark.django_db
def test_submissions_are_rate_limited(client, a, ward_a):
    for n in range(10):
        client.post(reverse("feedback:new"), form_data(ward_a, idempotency_key=f"k{n}"))
    response = client.post(reverse("feedback:new"), form_data(ward_a, idempotency_key="k-last"))
    assert response.status_code == 429
    assert Report.objects.count() == 10


@pytest.mark.django_db
def test_an_anonymous_report_without_contact_is_accepted(client, a, ward_a):
    data = form_data(ward_a, reporter_name="", reporter_phone="")
    assert client.post(reverse("feedback:new"), data).status_code == 302
    report = Report.objects.get()
    assert not report.can_receive_updates


@pytest.mark.django_db
def test_a_unit_link_preselects_the_ward_of_that_unit(client, a, ward_a):
    html = client.get(reverse("feedback:new"), {"don-vi": a.economy.slug}).content.decode()
    assert f'<option value="{ward_a.slug}" selected>' in html
    assert a.economy.name in html


@pytest.mark.django_db
def test_the_reporter_looks_up_the_report_with_code_and_secret_only(client, a, ward_a):
    report = ReportFactory(unit=ward_a, status=Status.ACCEPTED)
    wrong = client.post(reverse("feedback:lookup"), {"code": report.code, "secret": "WXYZ-WXYZ"})
    assert wrong.status_code == 400
    assert "Không có phản ánh nào" in wrong.content.decode()
    assert client.get(reverse("feedback:track", args=[report.code])).status_code == 302
    right = client.post(
        reverse("feedback:lookup"), {"code": report.code.lower(), "secret": SECRET.lower()}
    )
    assert right["Location"] == reverse("feedback:track", args=[report.code])
    page = client.get(right["Location"]).content.decode()
    assert report.description in page


@pytest.mark.django_db
def test_lookups_are_rate_limited(client, a, ward_a):
    report = ReportFactory(unit=ward_a)
    for _ in range(10):
        client.post(reverse("feedback:lookup"), {"code": report.code, "secret": "AAAA-AAAA"})
    response = client.post(reverse("feedback:lookup"), {"code": report.code, "secret": SECRET})
    assert response.status_code == 429


@pytest.mark.django_db
def test_staff_record_a_hotline_report_with_its_channel(client, a, ward_a):
    sign_in(client, a.officer)
    response = client.post(
        reverse("feedback:staff-new"),
        {**form_data(ward_a, latitude="", longitude=""), "channel": Channel.HOTLINE},
    )
    assert response.status_code == 200
    report = Report.objects.get()
    assert report.channel == Channel.HOTLINE
    assert report.created_by == a.officer
    html = response.content.decode()
    assert report.code in html
    from motcua.feedback.services import secret_matches

    secret = html.split("<dt>Mã bí mật</dt><dd>")[1].split("<")[0]
    assert secret_matches(report, secret)


@pytest.mark.django_db
def test_a_specialist_may_not_record_reports_by_phone(client, a, ward_a):
    sign_in(client, a.specialist)
    response = client.post(
        reverse("feedback:staff-new"), {**form_data(ward_a), "channel": Channel.HOTLINE}
    )
    assert response.status_code == 403
    assert Report.objects.count() == 0
