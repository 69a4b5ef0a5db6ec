"""The public side: list, map, report page, photos and the reporter's rating — without any
personal data."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone

from motcua.feedback.models import Report, Status
from motcua.feedback.privacy import mask_contacts, strip_house_number
from motcua.feedback.services import report_submit
from motcua.feedback.tests.factories import SECRET, ReportFactory, category
from motcua.feedback.workflow import Action, report_transition


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("45/12 Nơ Trang Long, Phường Bình Thạnh", "Nơ Trang Long, Phường Bình Thạnh"),
        ("Số 12 Đường số 6, Phường Cát Lái", "Đường số 6, Phường Cát Lái"),
        ("nhà số 7A Vạn Kiếp", "Vạn Kiếp"),
        ("Căn hộ 12.05, Lô B, 1 Mai Chí Thọ", "Mai Chí Thọ"),
        ("Hẻm 288 Nơ Trang Long", "Hẻm 288 Nơ Trang Long"),
        ("Trước cổng chợ Bà Chiểu", "Trước cổng chợ Bà Chiểu"),
        ("12-14 Phan Đăng Lưu, 120", "Phan Đăng Lưu"),
    ],
)
def test_house_numbers_are_removed_from_public_addresses(address, public):
    assert strip_house_number(address) == public


def test_contacts_typed_into_the_text_are_masked():
    text = "Gọi tôi 0903 123 456 hoặc +84 912.345.678, thư an.nguyen@gmail.com, CCCD 079080001234."
    masked = mask_contacts(text)
    for secret in ("0903 123 456", "912.345.678", "an.nguyen@gmail.com", "079080001234"):
        assert secret not in masked
    assert masked.startswith("Gọi tôi […]")


def full_report(a, **kwargs):
    report = report_submit(
        unit=a.ward,
        category=kwargs.pop("category", category()),
        description="Quán nhậu lấn chiếm vỉa hè trước nhà tôi, gọi 0903 123 456 để biết thêm.",
        address="45/12 Nơ Trang Long",
        latitude=10.812345,
        longitude=106.701234,
        reporter_name="Nguyễn Văn An",
        reporter_phone="0903123456",
        reporter_email="an.nguyen@gmail.com",
        **kwargs,
    ).report
    return report_transition(report=report, action=Action.ACCEPT, actor=a.officer)


PERSONAL = ("Nguyễn Văn An", "0903123456", "0903 123 456", "an.nguyen@gmail.com", "45/12")


@pytest.mark.django_db
def test_public_pages_and_apis_never_show_personal_data(client, a):
    report = full_report(a)
    pages = [
        client.get(reverse("feedback:list")).content.decode(),
        client.get(reverse("feedback:detail", args=[report.code])).content.decode(),
        json.dumps(
            client.get(f"/api/v1/feedback/reports/{report.code}").json(), ensure_ascii=False
        ),
        json.dumps(client.get("/api/v1/feedback/reports").json(), ensure_ascii=False),
        client.get("/open311/v2/requests.json").content.decode(),
        client.get(f"/open311/v2/requests/{report.code}.xml").content.decode(),
    ]
    for page in pages:
        assert "Nơ Trang Long" in page
        for value in PERSONAL:
            assert value not in page
    points = json.loads(
        pages[0].split('id="fb-points" type="application/json">')[1].split("</script>")[0]
    )
    assert points == [
        {
            "code": report.code,
            "lat": 10.8123,
            "lng": 106.7012,
            "category": report.category.name,
            "status": "Đã tiếp nhận",
            "answered": False,
        }
    ]


@pytest.mark.django_db
def test_only_triaged_public_reports_not_about_officials_are_published(client, a):
    received = ReportFactory(unit=a.ward)
    private = ReportFactory(unit=a.ward, status=Status.ACCEPTED, is_public=False)
    rejected = ReportFactory(unit=a.ward, status=Status.REJECTED)
    conduct = ReportFactory(
        unit=a.ward, status=Status.ACCEPTED, category=category("thai-do-phuc-vu")
    )
    shown = ReportFactory(unit=a.ward, status=Status.ACCEPTED)
    listing = client.get(reverse("feedback:list")).content.decode()
    assert shown.code in listing
    for hidden in (received, private, rejected, conduct):
        assert hidden.code not in listing
        assert client.get(reverse("feedback:detail", args=[hidden.code])).status_code == 404


@pytest.mark.django_db
def test_the_public_list_costs_a_fixed_number_of_queries(client, a, django_assert_max_num_queries):
    for _ in range(12):
        ReportFactory(unit=a.ward, status=Status.ACCEPTED)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("feedback:list")).status_code == 200


@pytest.mark.django_db
def test_a_photo_is_served_only_with_a_public_report_or_to_its_reporter(client, a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from motcua.core.uploads import IMAGE_KINDS, clean_upload
    from motcua.feedback.tests.test_intake import jpeg_with_gps

    photo = clean_upload(SimpleUploadedFile("a.jpg", jpeg_with_gps()), kinds=IMAGE_KINDS)
    report = report_submit(
        unit=a.ward,
        category=category(),
        description="Vỉa hè bị chiếm dụng để bán hàng suốt cả ngày.",
        address="Nơ Trang Long",
        photos=[photo],
    ).report
    url = reverse("feedback:photo", args=[report.code, report.photos.get().public_id])
    assert client.get(url).status_code == 404  # not triaged yet
    report_transition(report=report, action=Action.ACCEPT, actor=a.officer)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"


@pytest.mark.django_db
def test_the_public_page_shows_the_approved_answer_and_the_reporter_can_reopen(client, a):
    report = full_report(a)
    for action, kwargs in (
        (Action.ASSIGN, {"actor": a.officer, "officer": a.specialist}),
        (Action.START, {"actor": a.specialist}),
        (
            Action.SUBMIT_ANSWER,
            {
                "actor": a.specialist,
                "answer": "Phường đã yêu cầu quán dọn bàn ghế, trả lại vỉa hè.",
            },
        ),
    ):
        report = report_transition(report=report, action=action, **kwargs)
    page = client.get(reverse("feedback:detail", args=[report.code])).content.decode()
    assert "Phường đã yêu cầu quán dọn bàn ghế" not in page  # not approved yet
    report_transition(report=report, action=Action.APPROVE, actor=a.leader)
    page = client.get(reverse("feedback:detail", args=[report.code])).content.decode()
    assert "Phường đã yêu cầu quán dọn bàn ghế" in page

    client.post(reverse("feedback:lookup"), {"code": report.code, "secret": "x"})
    assert (
        client.post(
            reverse("feedback:rate", args=[report.code]), {"rating": "not_satisfied"}
        ).status_code
        == 302
    )
    assert (
        Report.objects.get(pk=report.pk).status == Status.ANSWERED
    )  # no access without the secret


@pytest.mark.django_db
def test_the_reporter_rates_not_satisfied_and_the_report_reopens(client, a):
    report = ReportFactory(unit=a.ward, answered=True, assigned_to=a.specialist)
    client.post(reverse("feedback:lookup"), {"code": report.code, "secret": SECRET})
    page = client.get(reverse("feedback:track", args=[report.code])).content.decode()
    assert "Không hài lòng" in page
    response = client.post(
        reverse("feedback:rate", args=[report.code]),
        {"rating": "not_satisfied", "comment": "Quán vẫn bày bàn ghế."},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.IN_PROGRESS
    assert report.rating == "not_satisfied"
    assert report.reopen_count == 1
    page = client.get(reverse("feedback:track", args=[report.code])).content.decode()
    assert "Đánh giá kết quả trả lời" not in page  # rated once per answer


@pytest.mark.django_db
def test_the_reporter_supplies_the_information_asked_for(client, a):
    report = ReportFactory(
        unit=a.ward, status=Status.AWAITING_INFO, paused_at=timezone.now(), assigned_to=a.specialist
    )
    client.post(reverse("feedback:lookup"), {"code": report.code, "secret": SECRET})
    response = client.post(
        reverse("feedback:supply", args=[report.code]), {"note": "Trước nhà số 120."}
    )
    assert response.status_code == 302
    assert Report.objects.get(pk=report.pk).status == Status.IN_PROGRESS


@pytest.mark.django_db
def test_the_directory_links_each_unit_to_the_intake_form(client, a):
    a.ward.hotline = "028 3841 1001"
    a.ward.save()
    html = client.get(reverse("organisations:unit", args=[a.ward.slug])).content.decode()
    assert f'href="/phan-anh/gui/?don-vi={a.ward.slug}"' in html
    assert "Gửi phản ánh đến đơn vị này" in html
