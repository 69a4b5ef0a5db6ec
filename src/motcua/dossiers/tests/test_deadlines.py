"""Deadlines in working days: the 15:00 rule, Tết, supplements restarting the clock,
apology-extensions, pauses while waiting for payment, due-soon and overdue queues."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from motcua.core.errors import DomainError
from motcua.dossiers.models import Status
from motcua.dossiers.selectors import DossierFilters, dossier_timing, dossiers_for_staff
from motcua.dossiers.services import Attachment, dossier_supplement
from motcua.dossiers.tests.conftest import at_department, pdf_upload, submit
from motcua.dossiers.workflow import dossier_transition
from motcua.procedures.tests.factories import ProcedureVersionFactory

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
D = dt.date


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=HCM), tick=False)


def processing(office, days, received):
    """A dossier received at ``received`` and assigned to the specialist."""
    version = ProcedureVersionFactory(processing_days=days)
    with at(*received):
        dossier = at_department(submit(version, office.ward, key=f"k{received}"), office)
        dossier = dossier_transition(
            dossier=dossier,
            action="assign",
            actor=office.leader,
            data={"assignee": office.specialist},
        )
    return dossier


@pytest.mark.parametrize(
    ("received", "days", "due"),
    [
        ((2026, 4, 29, 10, 0), 3, D(2026, 5, 6)),  # Wednesday before 30/4 and 1/5
        ((2026, 4, 29, 15, 30), 3, D(2026, 5, 7)),  # after 15:00: counted from Monday 4/5
        ((2027, 2, 2, 9, 0), 5, D(2027, 2, 16)),  # across Tết 2027
        ((2026, 8, 28, 16, 0), 1, D(2026, 9, 4)),  # Friday after 15:00 before 31/8, 1/9, 2/9
        ((2026, 3, 4, 9, 0), 0, D(2026, 3, 4)),  # same-day procedure
    ],
)
def test_appointment_date_on_reception(office, received, days, due):
    dossier = processing(office, days, received)
    assert dossier.due_date == due
    assert dossier.effective_due_date == due
    slip = dossier.slips.get(kind="01")
    assert slip.data["due_date"] == due.isoformat()


def test_supplement_within_three_working_days_restarts_the_clock_from_zero(office):
    dossier = processing(office, 10, (2026, 3, 2, 9, 0))  # Monday
    assert dossier.due_date == D(2026, 3, 16)
    with at(2026, 3, 5, 10, 0):  # Thursday: the third working day after reception
        dossier = dossier_transition(
            dossier=dossier,
            action="request_supplement",
            actor=office.specialist,
            data={"items": ["Bản sao sổ hộ khẩu"]},
        )
    assert dossier.status == Status.SUPPLEMENT
    assert dossier_timing(dossier, today=D(2026, 3, 20)) == "", (
        "waiting for the applicant is not overdue"
    )
    with at(2026, 3, 10, 16, 0):  # the complete dossier comes back on Tuesday after 15:00
        dossier = dossier_supplement(
            dossier=dossier, attachments=[Attachment(upload=pdf_upload())], as_applicant=True
        )
    assert dossier.status == Status.PROCESSING
    assert dossier.clock_start == D(2026, 3, 11)
    assert dossier.due_date == D(2026, 3, 25)


def test_supplement_after_three_working_days_is_refused(office):
    dossier = processing(office, 10, (2026, 3, 2, 9, 0))
    with at(2026, 3, 6, 8, 0), pytest.raises(DomainError) as error:
        dossier_transition(
            dossier=dossier,
            action="request_supplement",
            actor=office.specialist,
            data={"items": ["Bản sao sổ hộ khẩu"]},
        )
    assert error.value.code == "supplement_too_late"
    dossier.refresh_from_db()
    assert dossier.status == Status.PROCESSING


def test_apology_sets_a_new_date_once_and_not_later_than_a_working_day_before_the_due_date(office):
    dossier = processing(office, 10, (2026, 3, 2, 9, 0))  # due Monday 16/3
    with at(2026, 3, 16, 8, 0), pytest.raises(DomainError) as too_late:
        dossier_transition(
            dossier=dossier,
            action="apologize",
            actor=office.leader,
            data={"reason": "Cần xác minh", "new_date": "2026-03-20"},
        )
    assert too_late.value.code == "apology_too_late"
    with at(2026, 3, 13, 9, 0):  # Friday, the working day before
        dossier = dossier_transition(
            dossier=dossier,
            action="apologize",
            actor=office.leader,
            data={"reason": "Cần xác minh", "new_date": "2026-03-20"},
        )
    assert dossier.extended_due_date == D(2026, 3, 20)
    assert dossier.effective_due_date == D(2026, 3, 20)
    assert dossier.slips.filter(kind="04").count() == 1
    with at(2026, 3, 13, 10, 0), pytest.raises(DomainError) as again:
        dossier_transition(
            dossier=dossier,
            action="apologize",
            actor=office.leader,
            data={"reason": "Lần nữa", "new_date": "2026-03-27"},
        )
    assert again.value.code == "already_extended"


def test_waiting_for_payment_pauses_the_clock(office):
    dossier = processing(office, 10, (2026, 3, 2, 9, 0))  # due 16/3
    with at(2026, 3, 4, 9, 0):
        dossier = dossier_transition(
            dossier=dossier,
            action="request_payment",
            actor=office.specialist,
            data={"amount": "120000"},
        )
    with at(2026, 3, 9, 9, 0):  # three working days later (5, 6, 9)
        dossier = dossier_transition(
            dossier=dossier, action="payment_received", actor=office.officer
        )
    assert dossier.due_date == D(2026, 3, 19)
    assert dossier.payments.get().amount == 120000


def test_due_soon_and_overdue_queues_follow_the_calendar(office):
    dossier = processing(office, 2, (2026, 3, 2, 9, 0))  # due Wednesday 4/3

    def queue(name, today):
        return list(dossiers_for_staff(office.leader, DossierFilters(queue=name), today=today))

    assert queue("due_soon", D(2026, 3, 2)) == [dossier]
    assert queue("overdue", D(2026, 3, 4)) == []
    assert queue("overdue", D(2026, 3, 5)) == [dossier]
    assert dossier_timing(dossier, today=D(2026, 3, 5)) == "overdue"


def test_control_slip_times_each_step(office):
    from motcua.dossiers.selectors import control_slip_rows

    dossier = processing(office, 3, (2026, 3, 2, 9, 0))  # due 5/3
    with at(2026, 3, 4, 9, 0):
        dossier = dossier_transition(
            dossier=dossier, action="submit_for_approval", actor=office.specialist
        )
    with at(2026, 3, 6, 9, 0):  # the leader signs a day late
        dossier = dossier_transition(dossier=dossier, action="approve", actor=office.leader)
    rows = control_slip_rows(dossier)
    assert [r.receiver for r in rows][:4] == [
        "Bộ phận một cửa, Phường An Lạc",
        "Phòng Văn hóa - Xã hội",
        "Trần Văn Minh",
        "Lãnh đạo Phường An Lạc",
    ]
    # The department assigned it on the day (early), the specialist submitted on the step's
    # due date (on time), the leader signed after the appointment date (late).
    assert [r.timing for r in rows[1:4]] == ["early", "on_time", "late"]
