"""The reporter hears at acceptance, answer and closure; staff when assigned and when late."""

import pytest

from motcua.core.testing import run_tasks
from motcua.feedback.models import Status
from motcua.feedback.tests.factories import ReportFactory
from motcua.feedback.workflow import Action, report_transition
from motcua.notifications.models import Notification


def step(report, action, **kwargs):
    return report_transition(report=report, action=action, **kwargs)


@pytest.mark.django_db
def test_the_reporter_and_the_officer_are_told_at_each_step(a, django_capture_on_commit_callbacks):
    a.specialist.email = "kinhte@phuong.gov.vn"
    a.specialist.save()
    report = ReportFactory(unit=a.ward, reporter_phone="0903123456", reporter_email="an@example.vn")
    with django_capture_on_commit_callbacks(execute=True):
        report = step(report, Action.ACCEPT, actor=a.officer)
        report = step(
            report, Action.ASSIGN, actor=a.officer, officer=a.specialist, note="Kiểm tra ngay"
        )
        report = step(report, Action.START, actor=a.specialist)
        report = step(
            report,
            Action.SUBMIT_ANSWER,
            actor=a.specialist,
            answer="Phường đã yêu cầu dọn dẹp vỉa hè.",
        )
        report = step(report, Action.APPROVE, actor=a.leader)
        report = step(report, Action.CLOSE, actor=a.officer)
    run_tasks()
    sent = {(n.event, n.recipient) for n in Notification.objects.all()}
    assert sent == {
        ("feedback.accepted", "0903123456"),
        ("feedback.accepted", "an@example.vn"),
        ("feedback.assigned", "kinhte@phuong.gov.vn"),
        ("feedback.answered", "0903123456"),
        ("feedback.answered", "an@example.vn"),
        ("feedback.closed", "0903123456"),
        ("feedback.closed", "an@example.vn"),
    }
    answered = Notification.objects.get(event="feedback.answered", recipient="an@example.vn")
    assert "Phường đã yêu cầu dọn dẹp vỉa hè." in answered.body
    assert report.code in answered.subject
    sms = Notification.objects.get(event="feedback.accepted", recipient="0903123456")
    assert sms.body.startswith(f"Phan anh {report.code} da duoc tiep nhan")
    assert Notification.objects.filter(status="sent").count() == len(sent)


@pytest.mark.django_db
def test_an_anonymous_reporter_gets_nothing_and_nothing_breaks(a):
    report = ReportFactory(unit=a.ward, reporter_phone="", reporter_email="")
    step(report, Action.ACCEPT, actor=a.officer)
    assert not Notification.objects.exists()


@pytest.mark.django_db
def test_a_reopened_report_tells_its_officer(a):
    a.specialist.email = "kinhte@phuong.gov.vn"
    a.specialist.save()
    report = ReportFactory(unit=a.ward, answered=True, assigned_to=a.specialist)
    step(report, Action.REOPEN, as_reporter=True, note="Vẫn chưa dọn.")
    message = Notification.objects.get(event="feedback.reopened")
    assert message.recipient == "kinhte@phuong.gov.vn"
    assert "Vẫn chưa dọn." in message.body
    assert report.__class__.objects.get(pk=report.pk).status == Status.IN_PROGRESS
