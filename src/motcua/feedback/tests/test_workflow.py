"""Every transition, for every role: who may apply it (and it happens), who is refused (and
nothing changes)."""

import pytest

from motcua.audit.models import AuditEvent
from motcua.core.errors import Conflict, NotAllowed
from motcua.feedback.models import RejectReason, Report, ReportEvent, Status
from motcua.feedback.tests.factories import ReportFactory
from motcua.feedback.workflow import TRANSITIONS, Action, allowed_actions, report_transition

ACTORS = (
    "officer",
    "leader",
    "assignee",
    "other_specialist",
    "editor",
    "front_supervisor",
    "par_assessor",
    "administrator",
    "officer_of_ward_b",
    "reporter",
)

ALLOWED = {
    Action.ACCEPT: {"officer", "leader"},
    Action.REJECT: {"officer", "leader"},
    Action.ASSIGN: {"officer", "leader"},
    Action.TRANSFER: {"officer", "leader"},
    Action.START: {"assignee", "leader"},
    Action.REQUEST_INFO: {"assignee", "leader"},
    Action.SUPPLY_INFO: {"reporter", "assignee", "officer", "leader"},
    Action.SUBMIT_ANSWER: {"assignee", "leader"},
    Action.RETURN_ANSWER: {"leader"},
    Action.APPROVE: {"leader"},
    Action.CLOSE: {"reporter", "officer", "leader"},
    Action.REOPEN: {"reporter"},
}

SOURCE = {
    Action.ACCEPT: Status.RECEIVED,
    Action.REJECT: Status.RECEIVED,
    Action.ASSIGN: Status.ACCEPTED,
    Action.TRANSFER: Status.ACCEPTED,
    Action.START: Status.ASSIGNED,
    Action.REQUEST_INFO: Status.IN_PROGRESS,
    Action.SUPPLY_INFO: Status.AWAITING_INFO,
    Action.SUBMIT_ANSWER: Status.IN_PROGRESS,
    Action.RETURN_ANSWER: Status.AWAITING_APPROVAL,
    Action.APPROVE: Status.AWAITING_APPROVAL,
    Action.CLOSE: Status.ANSWERED,
    Action.REOPEN: Status.ANSWERED,
}

EXPECTED_TARGET = {
    Action.ACCEPT: Status.ACCEPTED,
    Action.REJECT: Status.REJECTED,
    Action.ASSIGN: Status.ASSIGNED,
    Action.TRANSFER: Status.ACCEPTED,
    Action.START: Status.IN_PROGRESS,
    Action.REQUEST_INFO: Status.AWAITING_INFO,
    Action.SUPPLY_INFO: Status.IN_PROGRESS,
    Action.SUBMIT_ANSWER: Status.AWAITING_APPROVAL,
    Action.RETURN_ANSWER: Status.IN_PROGRESS,
    Action.APPROVE: Status.ANSWERED,
    Action.CLOSE: Status.CLOSED,
    Action.REOPEN: Status.IN_PROGRESS,
}


def test_the_table_covers_every_transition():
    assert set(ALLOWED) == set(TRANSITIONS) == set(SOURCE)


def _inputs(action, a, b):
    return {
        Action.REJECT: {"reason": RejectReason.SPAM, "note": "Nội dung quảng cáo"},
        Action.ASSIGN: {"officer": a.specialist, "note": "Kiểm tra trong tuần"},
        Action.TRANSFER: {"unit": a.office, "note": "Thuộc thẩm quyền Văn phòng"},
        Action.REQUEST_INFO: {"note": "Đề nghị cho biết số nhà cụ thể."},
        Action.SUPPLY_INFO: {"note": "Trước nhà số 120, đầu hẻm 45."},
        Action.SUBMIT_ANSWER: {"answer": "Phường đã kiểm tra và yêu cầu dọn dẹp vỉa hè ngay."},
        Action.RETURN_ANSWER: {"note": "Bổ sung kết quả kiểm tra."},
        Action.APPROVE: {},
        Action.REOPEN: {"note": "Vẫn còn lấn chiếm."},
    }.get(action, {})


@pytest.mark.django_db
@pytest.mark.parametrize("action", list(ALLOWED))
@pytest.mark.parametrize("who", ACTORS)
def test_transition_per_role(action, who, a, b, administrator):
    report = ReportFactory(
        unit=a.ward,
        handling_unit=a.economy,
        status=SOURCE[action],
        assigned_to=a.specialist,
        answer_draft="Phường đã kiểm tra và yêu cầu dọn dẹp vỉa hè ngay.",
        answer="Phường đã kiểm tra và yêu cầu dọn dẹp vỉa hè ngay."
        if SOURCE[action] == Status.ANSWERED
        else "",
        answered_at=report_time() if SOURCE[action] == Status.ANSWERED else None,
    )
    actor = {
        "officer": a.officer,
        "leader": a.leader,
        "assignee": a.specialist,
        "other_specialist": a.other_specialist,
        "editor": a.editor,
        "front_supervisor": a.front_supervisor,
        "par_assessor": a.par_assessor,
        "administrator": administrator,
        "officer_of_ward_b": b.officer,
        "reporter": None,
    }[who]
    kwargs = {"actor": actor, "as_reporter": who == "reporter", **_inputs(action, a, b)}
    events_before = ReportEvent.objects.count()
    if who in ALLOWED[action]:
        result = report_transition(report=report, action=action, **kwargs)
        assert result.status == EXPECTED_TARGET[action]
        assert Report.objects.get(pk=report.pk).status == EXPECTED_TARGET[action]
        assert ReportEvent.objects.count() == events_before + 1
        assert AuditEvent.objects.filter(
            action=f"feedback.{action}", object_id=str(report.public_id)
        ).exists()
        if who != "reporter":
            assert action in allowed_actions(report, actor)
    else:
        with pytest.raises(NotAllowed):
            report_transition(report=report, action=action, **kwargs)
        assert Report.objects.get(pk=report.pk).status == SOURCE[action]
        assert ReportEvent.objects.count() == events_before
        if actor is not None:
            assert action not in allowed_actions(report, actor)


def report_time():
    from django.utils import timezone

    return timezone.now()


@pytest.mark.django_db
def test_an_action_from_the_wrong_state_is_a_conflict_and_changes_nothing(a):
    report = ReportFactory(unit=a.ward, status=Status.CLOSED)
    with pytest.raises(Conflict):
        report_transition(report=report, action=Action.ACCEPT, actor=a.leader)
    assert Report.objects.get(pk=report.pk).status == Status.CLOSED


@pytest.mark.django_db
def test_bad_input_leaves_nothing_half_written(a):
    report = ReportFactory(unit=a.ward, status=Status.RECEIVED)
    from motcua.core.errors import DomainError

    with pytest.raises(DomainError) as error:
        report_transition(report=report, action=Action.REJECT, actor=a.officer, reason="duplicate")
    assert error.value.field == "duplicate_of"
    assert Report.objects.get(pk=report.pk).status == Status.RECEIVED
    assert not ReportEvent.objects.filter(report=report).exists()
