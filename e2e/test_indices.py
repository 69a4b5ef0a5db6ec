"""Indices as their users live them: a citizen rates a returned dossier from the receipt's
link on a phone; the leader's dashboard shows the satisfaction figure change and the leader
prints the report; the Fatherland Front scores its criterion of the PAR index; the assessor
publishes; the public ranking shows it."""

import datetime as dt
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from motcua.core.testing import run_tasks
from motcua.organisations.models import UnitKind
from motcua.organisations.tests.factories import UnitFactory
from motcua.organisations.tests.helpers import make_staff
from motcua.par.services import assessment_start, framework_from_data, score_set
from motcua.par.workflow import assessment_transition
from motcua.surveys.tests.factories import returned

TREE = [
    {
        "code": "1",
        "title": "Công tác chỉ đạo, điều hành cải cách hành chính",
        "children": [
            {"code": "1.1", "title": "Kế hoạch cải cách hành chính năm", "points": 60},
            {
                "code": "1.2",
                "title": "Tuyên truyền cải cách hành chính",
                "points": 20,
                "front": True,
            },
            {"code": "1.3", "title": "Sự hài lòng của người dân", "points": 20, "survey": True},
        ],
    }
]


@pytest.fixture
def world(transactional_db):
    city = UnitFactory(
        kind=UnitKind.PROVINCE, name="Thành phố Hồ Chí Minh", slug="tphcm", gso_code="79"
    )
    ward = UnitFactory(parent=city, name="Phường Bình Thạnh", slug="phuong-binh-thanh")
    interior = UnitFactory(
        parent=city, kind=UnitKind.DEPARTMENT, name="Sở Nội vụ", slug="so-noi-vu", gso_code=""
    )
    front_body = UnitFactory(
        parent=ward,
        kind=UnitKind.FRONT,
        name="Ủy ban MTTQ phường Bình Thạnh",
        slug="mttq",
        gso_code="",
    )
    people = {
        "leader": make_staff(
            ward, "leader", username="binhthanh.lanhdao", full_name="Lê Hoàng Nam"
        ),
        "front": make_staff(
            front_body, "front_supervisor", username="binhthanh.mttq", full_name="Đặng Thị Mai"
        ),
        "assessor": make_staff(
            interior, "par_assessor", username="noivu", full_name="Hoàng Minh Tuấn"
        ),
    }
    today = timezone.localdate()
    dossier = returned(
        ward,
        received=today - dt.timedelta(days=6),
        due=today - dt.timedelta(days=1),
        finished=today - dt.timedelta(days=2),
        returned_on=today - dt.timedelta(days=1),
        applicant_name="Phạm Thị Lan",
    )
    framework = framework_from_data(
        year=today.year, name="Bộ chỉ số thử nghiệm", legal_basis="", tree=TREE
    )
    assessment = assessment_start(framework=framework, unit=ward, actor=people["assessor"])
    for code, points in (("1.1", "55"), ("1.2", "18")):
        score_set(
            assessment=assessment,
            criterion=framework.criteria.get(code=code),
            actor=people["leader"],
            points=points,
        )
    assessment_transition(assessment=assessment, action="submit", actor=people["leader"])
    assessment_transition(
        assessment=assessment, action="finish_appraisal", actor=people["assessor"]
    )
    return {"ward": ward, "dossier": dossier, "assessment": assessment, **people}


def test_rating_dashboard_front_scoring_and_publication(
    browser, live_server, phone, world, staff_sign_in
):
    def desk_page():
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": 1280, "height": 900}, locale="vi-VN"
        )
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    leader = desk_page()
    staff_sign_in(leader, world["leader"], "/can-bo/bang-dieu-khien/")
    satisfaction = leader.locator("#kpi-satisfaction .kpi__value")
    assert satisfaction.inner_text() == "không có dữ liệu"

    # The citizen scans the receipt's QR code: the status page, then the rating link.
    dossier = world["dossier"]
    phone.goto(f"/tra-cuu-ho-so/{dossier.code}/?ma={dossier.secret}")
    phone.get_by_role("link", name="Đánh giá mức độ hài lòng").click()
    phone.get_by_text("Rất hài lòng").click()
    phone.get_by_text("Cán bộ lịch sự, nhiệt tình").click()
    phone.get_by_role("button", name="Gửi đánh giá").click()
    phone.get_by_role("heading", name="Cảm ơn Ông/Bà đã đánh giá").wait_for()

    leader.reload()
    assert satisfaction.inner_text() == "100,0%"
    assert "1 lượt đánh giá" in leader.locator("#kpi-satisfaction").inner_text()

    # The leader prints the report: the task worker renders it while the page waits.
    leader.get_by_role("link", name="Báo cáo PDF").click()
    leader.get_by_text("Báo cáo đang được lập").wait_for()
    opened = leader.expect_response(lambda r: r.headers["content-type"] == "application/pdf")
    with opened as report:
        assert run_tasks() == 1  # the page, asking every second, then opens the report
    year = timezone.localdate().year
    assert report.value.headers["content-disposition"] == (
        f'inline; filename="bao-cao-phuong-binh-thanh-{year}.pdf"'
    )
    # What the browser's viewer shows, fetched again with the leader's cookies.
    pdf = leader.request.get(report.value.url).body()
    printed = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Phường Bình Thạnh" in printed
    assert "100,0" in printed

    # The Front supervisor scores the Front's criterion, then closes the Front's review.
    front = desk_page()
    path = f"/can-bo/chi-so-cchc/{world['assessment'].public_id}/"
    staff_sign_in(front, world["front"], path)
    form = front.locator("form.score-form")
    assert form.count() == 1  # only the Front's criterion can be scored
    form.get_by_label("Điểm").fill("15,5")
    form.get_by_label("Ý kiến của Mặt trận").fill("Tuyên truyền chưa đến được khu phố 3.")
    form.get_by_role("button", name="Lưu điểm 1.2").click()
    front.get_by_text("Đã lưu điểm tiêu chí 1.2.").wait_for()
    front.get_by_label("Ghi chú").fill("Ủy ban MTTQ thống nhất kết quả.")
    front.get_by_role("button", name="Hoàn thành chấm điểm của Mặt trận").click()
    front.get_by_text("Đã thực hiện: Hoàn thành chấm điểm của Mặt trận.").wait_for()

    # The assessor publishes: survey points from the rating (100% of 20), total 55 + 15.5 + 20.
    assessor = desk_page()
    staff_sign_in(assessor, world["assessor"], path)
    assessor.get_by_role("button", name="Công bố chỉ số").click()
    assessor.get_by_text("Đã thực hiện: Công bố chỉ số.").wait_for()
    assert "90,50" in assessor.locator(".score-summary").inner_text()

    phone.goto("/chi-so/cai-cach-hanh-chinh/")
    row = phone.get_by_role("row", name="Phường Bình Thạnh")
    assert "90,50" in row.inner_text()
    assert "Xuất sắc" in row.inner_text()
