"""Complaints and denunciations: who may do what, the statutory deadlines (frozen time),
extensions, anonymous denunciations, citizen reception."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from motcua.audit.models import AuditEvent
from motcua.complaints.models import Case, CaseStatus, Complexity, VisitOutcome, VisitTopic
from motcua.complaints.services import session_save, visit_record, visit_reply
from motcua.complaints.tests.factories import complaint, denunciation
from motcua.complaints.workflow import (
    CASE_TRANSITIONS,
    CaseAction,
    allowed_case_actions,
    case_transition,
)
from motcua.core.errors import DomainError, NotAllowed
from motcua.organisations.tests.helpers import sign_in

TZ = timezone.get_current_timezone()


def moment(day: str, hour: int = 9) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=TZ)


ALLOWED = {
    CaseAction.ACCEPT: {"leader"},
    CaseAction.REJECT: {"leader"},
    CaseAction.TRANSFER: {"leader", "handler"},
    CaseAction.EXTEND_INITIAL: {"leader"},
    CaseAction.ASSIGN: {"leader"},
    CaseAction.EXTEND: {"leader"},
    CaseAction.CONCLUDE: {"leader"},
    CaseAction.CLOSE: {"leader", "handler"},
}
SOURCE = {
    CaseAction.ACCEPT: CaseStatus.RECEIVED,
    CaseAction.REJECT: CaseStatus.RECEIVED,
    CaseAction.TRANSFER: CaseStatus.RECEIVED,
    CaseAction.EXTEND_INITIAL: CaseStatus.RECEIVED,
    CaseAction.ASSIGN: CaseStatus.ACCEPTED,
    CaseAction.EXTEND: CaseStatus.VERIFYING,
    CaseAction.CONCLUDE: CaseStatus.VERIFYING,
    CaseAction.CLOSE: CaseStatus.CONCLUDED,
}
TARGET = {
    CaseAction.ACCEPT: CaseStatus.ACCEPTED,
    CaseAction.REJECT: CaseStatus.REJECTED,
    CaseAction.TRANSFER: CaseStatus.TRANSFERRED,
    CaseAction.EXTEND_INITIAL: CaseStatus.RECEIVED,
    CaseAction.ASSIGN: CaseStatus.VERIFYING,
    CaseAction.EXTEND: CaseStatus.VERIFYING,
    CaseAction.CONCLUDE: CaseStatus.CONCLUDED,
    CaseAction.CLOSE: CaseStatus.CLOSED,
}
INPUTS = {
    CaseAction.REJECT: {"note": "Đơn không đủ điều kiện thụ lý."},
    CaseAction.TRANSFER: {"transferred_to": "Thanh tra Thành phố"},
    CaseAction.EXTEND_INITIAL: {"note": "Cần xác minh ở nhiều nơi."},
    CaseAction.EXTEND: {"note": "Vụ việc phức tạp.", "complexity": Complexity.COMPLEX},
    CaseAction.CONCLUDE: {
        "outcome_number": "15/KL-UBND",
        "outcome_summary": "Tố cáo đúng một phần.",
    },
}


def test_the_table_covers_every_transition():
    assert set(ALLOWED) == set(CASE_TRANSITIONS)


@pytest.mark.django_db
@pytest.mark.parametrize("action", list(ALLOWED))
@pytest.mark.parametrize(
    "who",
    ["leader", "handler", "verifier", "colleague", "officer", "front_supervisor", "other_leader"],
)
def test_transition_per_role(p, q, action, who):
    case = denunciation(p)
    Case.objects.filter(pk=case.pk).update(
        status=SOURCE[action],
        handler=p.handler,
        handling_unit=p.justice,
        accepted_at=timezone.now(),
        resolve_due=timezone.localdate() + dt.timedelta(days=30),
    )
    case.refresh_from_db()
    case.verifiers.set([p.verifier])
    actor = q.leader if who == "other_leader" else getattr(p, who)
    kwargs = INPUTS.get(action, {})
    if action == CaseAction.ASSIGN:
        kwargs = {"handler": p.handler}
    if who in ALLOWED[action]:
        assert action in allowed_case_actions(case, actor)
        result = case_transition(case=case, action=action, actor=actor, **kwargs)
        assert result.status == TARGET[action]
        assert AuditEvent.objects.filter(action=f"complaints.{action}").exists()
    else:
        assert action not in allowed_case_actions(case, actor)
        with pytest.raises(NotAllowed):
            case_transition(case=case, action=action, actor=actor, **kwargs)
        assert Case.objects.get(pk=case.pk).status == SOURCE[action]


@pytest.mark.django_db
def test_a_complaint_is_accepted_within_10_days_and_resolved_within_30_or_45(p):
    with time_machine.travel(moment("2026-11-02"), tick=False):
        case = complaint(p, received_at=moment("2026-11-02"))
        assert case.accept_due == dt.date(2026, 11, 12)
        case = case_transition(case=case, action=CaseAction.ACCEPT, actor=p.leader)
    assert case.resolve_due == dt.date(2026, 12, 2)
    case = case_transition(case=case, action=CaseAction.ASSIGN, actor=p.leader, handler=p.handler)
    with time_machine.travel(moment("2026-11-10"), tick=False):
        case = case_transition(
            case=case, action=CaseAction.EXTEND, actor=p.leader, note="Phức tạp."
        )
    assert case.complexity == Complexity.COMPLEX
    assert case.resolve_due == dt.date(2026, 12, 17)  # 45 days from acceptance
    with pytest.raises(DomainError):
        case_transition(case=case, action=CaseAction.EXTEND, actor=p.leader, note="Lần nữa.")


@pytest.mark.django_db
def test_a_complaint_in_a_remote_area_has_45_or_60_days(p):
    with time_machine.travel(moment("2026-11-02"), tick=False):
        case = complaint(p, received_at=moment("2026-11-02"), remote_area=True)
        case = case_transition(case=case, action=CaseAction.ACCEPT, actor=p.leader)
    assert case.resolve_due == dt.date(2026, 12, 17)
    case = case_transition(case=case, action=CaseAction.ASSIGN, actor=p.leader, handler=p.handler)
    with time_machine.travel(moment("2026-11-05"), tick=False):
        case = case_transition(
            case=case, action=CaseAction.EXTEND, actor=p.leader, note="Phức tạp."
        )
    assert case.resolve_due == dt.date(2027, 1, 1)


@pytest.mark.django_db
def test_denunciation_deadlines_in_working_days_then_days_with_extensions(p):
    # Received Friday 20 November 2026; 24 November (Vietnam Culture Day) is a holiday.
    case = denunciation(p, received_at=moment("2026-11-20"))
    assert case.transfer_due == dt.date(2026, 11, 30)  # 5 working days
    assert case.accept_due == dt.date(2026, 12, 2)  # 7 working days
    case = case_transition(
        case=case, action=CaseAction.EXTEND_INITIAL, actor=p.leader, note="Xác minh nhiều nơi."
    )
    assert case.accept_due == dt.date(2026, 12, 7)  # at most 10 working days
    with pytest.raises(DomainError):
        case_transition(
            case=case, action=CaseAction.EXTEND_INITIAL, actor=p.leader, note="Lần nữa."
        )
    with time_machine.travel(moment("2026-12-01"), tick=False):
        case = case_transition(case=case, action=CaseAction.ACCEPT, actor=p.leader)
    assert case.resolve_due == dt.date(2026, 12, 31)  # 30 days
    case = case_transition(case=case, action=CaseAction.ASSIGN, actor=p.leader, handler=p.handler)
    case = case_transition(
        case=case,
        action=CaseAction.EXTEND,
        actor=p.leader,
        note="Rất phức tạp.",
        complexity=Complexity.VERY_COMPLEX,
    )
    assert case.resolve_due == dt.date(2027, 1, 30)
    case = case_transition(
        case=case, action=CaseAction.EXTEND, actor=p.leader, note="Gia hạn lần hai."
    )
    assert case.resolve_due == dt.date(2027, 3, 1)
    with pytest.raises(DomainError):
        case_transition(case=case, action=CaseAction.EXTEND, actor=p.leader, note="Lần ba.")


@pytest.mark.django_db
def test_a_complex_denunciation_is_extended_only_once(p):
    case = denunciation(p)
    case = case_transition(case=case, action=CaseAction.ACCEPT, actor=p.leader)
    case = case_transition(case=case, action=CaseAction.ASSIGN, actor=p.leader, handler=p.handler)
    case = case_transition(
        case=case,
        action=CaseAction.EXTEND,
        actor=p.leader,
        note="Phức tạp.",
        complexity=Complexity.COMPLEX,
    )
    with pytest.raises(DomainError):
        case_transition(case=case, action=CaseAction.EXTEND, actor=p.leader, note="Lần hai.")


@pytest.mark.django_db
def test_an_anonymous_denunciation_is_recorded_not_processed(client, p):
    case = denunciation(
        p, person_name="", person_id_number="", person_address="", person_phone="", person_email=""
    )
    assert case.status == CaseStatus.RECORDED
    assert case.accept_due is None
    assert allowed_case_actions(case, p.leader) == []
    sign_in(client, p.leader)
    assert "Nặc danh." in client.get(reverse("complaints:case", args=[case.code])).content.decode()


@pytest.mark.django_db
def test_a_complaint_without_a_name_is_refused_with_a_message(client, p):
    sign_in(client, p.officer)
    response = client.post(
        reverse("complaints:case-new"),
        {
            "kind": "complaint",
            "unit": p.ward.slug,
            "received_via": "direct",
            "subject": "Khiếu nại",
            "content": "Nội dung khiếu nại về quyết định hành chính.",
        },
    )
    assert response.status_code == 400
    assert "Đơn khiếu nại phải ghi họ tên người khiếu nại." in response.content.decode()
    assert not Case.objects.exists()


@pytest.mark.django_db
def test_reception_schedule_published_and_replies_due_in_10_working_days(
    client, p, reception_session
):
    session = reception_session
    hidden = session_save(
        actor=p.leader,
        unit=p.ward,
        date=dt.date(2026, 11, 26),
        starts_at=dt.time(8),
        ends_at=dt.time(11),
        host_title="Buổi tiếp nội bộ",
        location="Phòng họp",
        is_published=False,
    )
    with time_machine.travel(moment("2026-11-16"), tick=False):
        page = client.get(reverse("complaints:schedule")).content.decode()
    assert session.host_title in page
    assert hidden.host_title not in page
    visit = visit_record(
        actor=p.officer,
        session=session,
        visitor_name="Nguyễn Văn Tư",
        topic=VisitTopic.PETITION,
        content="Kiến nghị sửa chữa hẻm ngập nước.",
        outcome=VisitOutcome.PENDING,
    )
    assert visit.reply_due == dt.date(2026, 12, 4)  # 10 working days, 24/11 excluded
    visit = visit_reply(
        actor=p.leader, visit=visit, reply="Phường đã lên kế hoạch nâng cấp hẻm trong quý I."
    )
    assert visit.replied_at is not None
    answered = visit_record(
        actor=p.officer,
        session=session,
        visitor_name="Lâm Quốc Thái",
        topic=VisitTopic.OTHER,
        content="Hỏi thủ tục đăng ký thường trú.",
        outcome=VisitOutcome.ANSWERED,
    )
    assert answered.reply_due is None


@pytest.mark.django_db
def test_a_visitor_who_denounces_is_protected_like_a_denouncer(client, p, reception_session):
    visit_record(
        actor=p.officer,
        session=reception_session,
        visitor_name="Huỳnh Văn Lợi",
        topic=VisitTopic.DENUNCIATION,
        content="Tố cáo việc bao che xây dựng trái phép.",
        outcome=VisitOutcome.GUIDED,
    )
    url = reverse("complaints:session", args=[reception_session.public_id])
    sign_in(client, p.officer)
    assert "Huỳnh Văn Lợi" not in client.get(url).content.decode()
    sign_in(client, p.leader)
    assert "Huỳnh Văn Lợi" in client.get(url).content.decode()
    assert AuditEvent.objects.filter(action="complaints.visitor_identity_view").count() == 1


@pytest.mark.django_db
def test_the_case_list_costs_a_fixed_number_of_queries(client, p, django_assert_max_num_queries):
    for _ in range(8):
        case = denunciation(p)
        case_transition(case=case, action=CaseAction.ACCEPT, actor=p.leader)
    sign_in(client, p.leader)
    client.get(reverse("complaints:cases"))
    with django_assert_max_num_queries(12):
        html = client.get(reverse("complaints:cases")).content.decode()
    assert html.count('class="cp-row"') == 8
