"""Working-day deadlines per step and category, due soon / overdue, escalation to the leader,
closing after the rating window — with frozen time."""

import datetime as dt

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from motcua.audit.models import AuditEvent
from motcua.core.models import RuleValue
from motcua.feedback.models import Escalation, Rating, Report, Status
from motcua.feedback.services import close_unrated, escalate_overdue, report_rate, report_submit
from motcua.feedback.tests.factories import category
from motcua.feedback.workflow import Action, DueState, due_state, report_transition
from motcua.notifications.models import Notification

TZ = timezone.get_current_timezone()


def moment(day: str, hour: int = 9) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=TZ)


def submit(a, **kwargs):
    return report_submit(
        unit=a.ward,
        category=kwargs.pop("category", category()),
        description="Hàng quán lấn chiếm vỉa hè trước chợ, người đi bộ phải đi dưới lòng đường.",
        address="12 Nơ Trang Long",
        reporter_phone="0903123456",
        **kwargs,
    ).report


@pytest.mark.django_db
def test_received_on_friday_must_be_accepted_or_rejected_after_the_weekend_and_the_holiday(a):
    # Friday 20 November 2026, 2 working days: Monday 23, (Tuesday 24 is Vietnam Culture Day,
    # a holiday), Wednesday 25.
    with time_machine.travel(moment("2026-11-20", 16), tick=False):
        report = submit(a)
    assert report.step_due == dt.date(2026, 11, 25)
    assert due_state(report.step_due, today=dt.date(2026, 11, 20)) == DueState.ON_TIME
    assert due_state(report.step_due, today=dt.date(2026, 11, 23)) == DueState.DUE_SOON
    assert due_state(report.step_due, today=dt.date(2026, 11, 26)) == DueState.OVERDUE


@pytest.mark.django_db
def test_handling_takes_15_working_days_and_the_holidays_do_not_count(a):
    # Accepted Monday 27 April 2026: 30 April and 1 May are holidays.
    with time_machine.travel(moment("2026-04-27"), tick=False):
        report = submit(a)
        report = report_transition(report=report, action=Action.ACCEPT, actor=a.officer)
    assert report.info_due == dt.date(2026, 5, 6)  # 5 working days
    assert report.due_date == dt.date(2026, 5, 20)  # 15 working days
    assert report.step_due == report.due_date
    assert due_state(report.step_due, today=dt.date(2026, 5, 4)) == DueState.ON_TIME


@pytest.mark.django_db
def test_a_category_may_have_its_own_handling_time(a):
    noise = category("tieng-on")
    noise.handle_days = 5
    noise.save()
    with time_machine.travel(moment("2026-11-16"), tick=False):
        report = submit(a, category=noise, details={"nguon": "Karaoke, loa kéo"})
        report = report_transition(report=report, action=Action.ACCEPT, actor=a.officer)
    assert report.due_date == dt.date(2026, 11, 23)


@pytest.mark.django_db
def test_the_rule_can_be_changed_from_a_date(a):
    RuleValue.objects.create(
        key="feedback.handle_days", value=10, effective_from=dt.date(2026, 11, 1)
    )
    with time_machine.travel(moment("2026-11-16"), tick=False):
        report = report_transition(report=submit(a), action=Action.ACCEPT, actor=a.officer)
    assert report.due_date == dt.date(2026, 12, 1)


@pytest.mark.django_db
def test_waiting_for_the_reporters_information_pauses_the_clock(a):
    with time_machine.travel(moment("2026-11-16"), tick=False):
        report = report_transition(report=submit(a), action=Action.ACCEPT, actor=a.officer)
        report = report_transition(
            report=report, action=Action.ASSIGN, actor=a.officer, officer=a.leader
        )
        report = report_transition(report=report, action=Action.START, actor=a.leader)
    assert report.due_date == dt.date(2026, 12, 8)
    with time_machine.travel(moment("2026-11-17"), tick=False):
        report = report_transition(
            report=report, action=Action.REQUEST_INFO, actor=a.leader, note="Số nhà cụ thể?"
        )
    assert report.step_due is None
    with time_machine.travel(moment("2026-11-20"), tick=False):  # 3 working days later
        report = report_transition(
            report=report, action=Action.SUPPLY_INFO, as_reporter=True, note="Số 12."
        )
    assert report.due_date == dt.date(2026, 12, 11)
    assert report.step_due == dt.date(2026, 12, 11)


@pytest.mark.django_db
def test_the_answer_must_be_published_within_2_working_days(a):
    with time_machine.travel(moment("2026-11-16"), tick=False):
        report = report_transition(report=submit(a), action=Action.ACCEPT, actor=a.officer)
        report = report_transition(
            report=report, action=Action.ASSIGN, actor=a.officer, officer=a.leader
        )
        report = report_transition(report=report, action=Action.START, actor=a.leader)
    with time_machine.travel(moment("2026-11-20"), tick=False):
        report = report_transition(
            report=report,
            action=Action.SUBMIT_ANSWER,
            actor=a.leader,
            answer="Phường đã yêu cầu các hộ kinh doanh dọn dẹp, trả lại vỉa hè.",
        )
    assert report.status == Status.AWAITING_APPROVAL
    assert report.step_due == dt.date(2026, 11, 25)  # 24 November is a holiday


@pytest.mark.django_db
def test_a_late_step_is_escalated_once_to_the_leader_and_recorded(
    a, django_capture_on_commit_callbacks
):
    a.leader.email = "lanhdao@phuong.gov.vn"
    a.leader.save()
    with time_machine.travel(moment("2026-11-16"), tick=False):
        report = submit(a)
    assert report.step_due == dt.date(2026, 11, 18)
    with time_machine.travel(moment("2026-11-18", 18), tick=False):
        assert escalate_overdue() == []  # due today: not late yet
    with time_machine.travel(moment("2026-11-19", 7), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("feedback_escalate", verbosity=0)
        assert escalate_overdue() == []  # once per step and due date
    escalation = Escalation.objects.get(report=report)
    assert escalation.status == Status.RECEIVED
    assert "a.lanhdao" in escalation.notified
    message = Notification.objects.get(event="feedback.late", recipient="lanhdao@phuong.gov.vn")
    assert report.code in message.body
    assert AuditEvent.objects.filter(
        action="feedback.escalate", object_id=str(report.public_id)
    ).exists()
    # The next step, late in turn, is escalated again.
    with time_machine.travel(moment("2026-11-19", 8), tick=False):
        report = report_transition(report=report, action=Action.ACCEPT, actor=a.officer)
    with time_machine.travel(moment("2026-12-15"), tick=False):
        assert [e.status for e in escalate_overdue()] == [Status.ACCEPTED]


@pytest.mark.django_db
def test_the_reporter_can_reopen_within_the_window_and_not_after(a):
    with time_machine.travel(moment("2026-11-16"), tick=False):
        report = report_transition(report=submit(a), action=Action.ACCEPT, actor=a.officer)
        report = report_transition(
            report=report, action=Action.ASSIGN, actor=a.officer, officer=a.leader
        )
        report = report_transition(report=report, action=Action.START, actor=a.leader)
        report = report_transition(
            report=report,
            action=Action.SUBMIT_ANSWER,
            actor=a.leader,
            answer="Đã yêu cầu dọn dẹp vỉa hè ngay trong ngày.",
        )
        report = report_transition(report=report, action=Action.APPROVE, actor=a.leader)
    with time_machine.travel(moment("2026-11-25"), tick=False):
        report = report_rate(report=report, rating=Rating.NOT_SATISFIED, comment="Vẫn lấn chiếm.")
    assert report.status == Status.IN_PROGRESS
    assert report.reopen_count == 1
    assert report.due_date == dt.date(2026, 12, 16)
    with time_machine.travel(moment("2026-11-26"), tick=False):
        report = report_transition(
            report=report,
            action=Action.SUBMIT_ANSWER,
            actor=a.leader,
            answer="Đã xử phạt hộ kinh doanh tái phạm.",
        )
        report = report_transition(report=report, action=Action.APPROVE, actor=a.leader)
    with time_machine.travel(moment("2026-12-07"), tick=False):  # 11 days later
        from motcua.core.errors import DomainError

        with pytest.raises(DomainError):
            report_rate(report=report, rating=Rating.NOT_SATISFIED)
        closed = close_unrated()
    assert [r.pk for r in closed] == [report.pk]
    assert Report.objects.get(pk=report.pk).status == Status.CLOSED
