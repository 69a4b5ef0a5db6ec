"""Duplicate suggestions on fixed data, and linking a duplicate so its reporter follows the
original."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from motcua.core.testing import run_tasks
from motcua.feedback.duplicates import distance_m, duplicate_candidates, text_similarity
from motcua.feedback.models import RejectReason, Status
from motcua.feedback.tests.factories import ReportFactory, category
from motcua.feedback.workflow import Action, report_transition
from motcua.notifications.models import Notification
from motcua.organisations.tests.helpers import sign_in

ORIGINAL = (
    "Quán cà phê bày bàn ghế lấn chiếm vỉa hè trước chợ, người đi bộ phải đi xuống lòng đường."
)
NEW_TEXT = "Lan chiem via he truoc cho: quan ca phe bay ban ghe, nguoi di bo phai xuong long duong"


def test_similarity_ignores_accents_and_stopwords():
    assert text_similarity(ORIGINAL, NEW_TEXT) > 0.5
    assert text_similarity(ORIGINAL, "Đèn đường không sáng ba ngày nay, buổi tối rất tối.") < 0.1
    assert 105 < distance_m(10.8100, 106.7000, 10.8100, 106.7010) < 115


@pytest.fixture
def reports(a):
    now = timezone.now()
    base = {"unit": a.ward, "status": Status.ACCEPTED, "category": category()}
    return {
        "near": ReportFactory(
            **base,
            description=ORIGINAL,
            latitude=10.81000,
            longitude=106.70000,
            received_at=now - dt.timedelta(days=3),
        ),
        "far": ReportFactory(
            **base,
            description=ORIGINAL,
            latitude=10.81200,
            longitude=106.70000,
            received_at=now - dt.timedelta(days=3),
        ),
        "old": ReportFactory(
            **base,
            description=ORIGINAL,
            latitude=10.81001,
            longitude=106.70001,
            received_at=now - dt.timedelta(weeks=10),
        ),
        "other_text": ReportFactory(
            **base,
            description="Bảng hiệu của cửa hàng điện thoại che khuất biển báo.",
            latitude=10.81002,
            longitude=106.70002,
            received_at=now - dt.timedelta(days=2),
        ),
        "other_category": ReportFactory(
            unit=a.ward,
            status=Status.ACCEPTED,
            category=category("chieu-sang"),
            description=ORIGINAL,
            latitude=10.81000,
            longitude=106.70000,
        ),
        "spam": ReportFactory(
            **{**base, "status": Status.REJECTED},
            reject_reason=RejectReason.SPAM,
            description=ORIGINAL,
            latitude=10.81000,
            longitude=106.70000,
        ),
        "by_address": ReportFactory(
            **base,
            description=ORIGINAL,
            latitude=None,
            longitude=None,
            address="Chợ Bà Chiểu, Nơ Trang Long",
        ),
    }


@pytest.mark.django_db
def test_same_category_within_100_m_recently_with_similar_text_is_suggested(a, reports):
    found = duplicate_candidates(
        category=category(), description=NEW_TEXT, latitude=10.81040, longitude=106.70020
    )
    assert [c.report for c in found] == [reports["near"]]
    assert found[0].distance < 60
    assert found[0].similarity > 0.5


@pytest.mark.django_db
def test_without_a_pin_the_same_ward_and_a_similar_address_count(a, reports):
    found = duplicate_candidates(
        category=category(),
        description=NEW_TEXT,
        unit=a.ward,
        address="chợ Bà Chiểu, đường Nơ Trang Long",
    )
    assert [c.report for c in found] == [reports["by_address"]]
    assert (
        duplicate_candidates(
            category=category(), description=NEW_TEXT, unit=a.ward, address="Vạn Kiếp"
        )
        == []
    )


@pytest.mark.django_db
def test_the_intake_form_suggests_published_duplicates(client, a, reports):
    html = client.post(
        reverse("feedback:suggest"),
        {
            "description": NEW_TEXT,
            "category": category().code,
            "latitude": "10.8104",
            "longitude": "106.7002",
        },
    ).content.decode()
    assert reports["near"].code in html
    assert reports["far"].code not in html


@pytest.mark.django_db
def test_triage_shows_the_candidates_of_the_officers_scope(client, a, reports):
    new = ReportFactory(unit=a.ward, description=NEW_TEXT, latitude=10.81040, longitude=106.70020)
    sign_in(client, a.officer)
    html = client.get(reverse("feedback:staff-detail", args=[new.code])).content.decode()
    assert reports["near"].code in html
    assert reports["far"].code not in html


@pytest.mark.django_db
def test_the_reporter_of_a_duplicate_follows_the_original(
    a, reports, django_capture_on_commit_callbacks
):
    original = reports["near"]
    original.assigned_to = a.specialist
    original.reporter_phone = "0903000001"
    original.status = Status.AWAITING_APPROVAL
    original.answer_draft = "Phường đã yêu cầu quán dọn bàn ghế, trả lại vỉa hè cho người đi bộ."
    original.save()
    duplicate = ReportFactory(unit=a.ward, description=NEW_TEXT, reporter_phone="0903000002")
    with django_capture_on_commit_callbacks(execute=True):
        report_transition(
            report=duplicate,
            action=Action.REJECT,
            actor=a.officer,
            reason=RejectReason.DUPLICATE,
            duplicate_of=original,
        )
    duplicate.refresh_from_db()
    assert duplicate.duplicate_of == original
    assert duplicate.status == Status.REJECTED
    with django_capture_on_commit_callbacks(execute=True):
        report_transition(report=original, action=Action.APPROVE, actor=a.leader)
    run_tasks()
    answered = Notification.objects.filter(event="feedback.answered")
    assert set(answered.values_list("recipient", flat=True)) == {"0903000001", "0903000002"}
    assert all(n.status == "sent" for n in answered)
