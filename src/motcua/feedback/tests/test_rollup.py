"""The feedback figures kept per unit and month (``feedback.rollup``): every step of a report's
life, as the staff and the reporter take it, moves the published figures at once, exactly as
recounting the reports would."""

import datetime as dt
import io

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from motcua.feedback import rollup
from motcua.feedback.models import Category, Rating, RejectReason, Report, ReportMonth
from motcua.feedback.selectors import index_figures
from motcua.feedback.services import report_rate, report_submit
from motcua.feedback.tests.factories import category
from motcua.feedback.workflow import Action, report_transition

TZ = timezone.get_current_timezone()
MARCH = (dt.date(2026, 3, 1), dt.date(2026, 3, 31))
ANSWER = "Phường đã kiểm tra, yêu cầu quán dọn bàn ghế, trả lại vỉa hè thông thoáng."
FIGURES = ("received", "resolved", "resolved_on_time", "answers_published", "rated")


def at(day: int, month: int = 3) -> dt.datetime:
    return dt.datetime(2026, month, day, 9, 0, tzinfo=TZ)


def submit(a, code="lan-chiem-long-le-duong", **kwargs):
    return report_submit(
        unit=a.ward,
        category=category(code),
        description="Quán cà phê bày bàn ghế chiếm hết vỉa hè, người đi bộ phải xuống lòng đường.",
        address="120 Nơ Trang Long",
        reporter_phone="0903123456",
        **kwargs,
    ).report


def act(report, action, actor, **kwargs):
    return report_transition(report=report, action=action, actor=actor, **kwargs)


def answer(a, report):
    """Accept, assign, start, answer and approve, as the officers would."""
    return handle(a, act(report, Action.ACCEPT, a.officer))


def handle(a, report):
    """Assign an accepted report, start, answer and approve."""
    report = act(report, Action.ASSIGN, a.officer, officer=a.specialist, note="Kiểm tra ngay")
    report = act(report, Action.START, a.specialist)
    report = act(report, Action.SUBMIT_ANSWER, a.specialist, answer=ANSWER)
    return act(report, Action.APPROVE, a.leader)


def figures(unit) -> tuple:
    shown = index_figures(unit=unit, start=MARCH[0], end=MARCH[1], today=dt.date(2026, 3, 31))
    return tuple(getattr(shown, name) for name in FIGURES)


def same_as_recounted() -> bool:
    """The kept slices are those a count of the reports from scratch gives."""
    kept = {}
    for row in ReportMonth.objects.all():
        counts = {name: getattr(row, name) for name in rollup.MEASURES if getattr(row, name)}
        if counts:
            kept[(row.unit_id, row.month)] = counts
    recounted = rollup.slices_of(Report.objects.all())
    return kept == {key: dict(counts) for key, counts in recounted.items()}


def reject(a, report):
    return act(report, Action.REJECT, a.officer, reason=RejectReason.SPAM, note="Quảng cáo")


def rate(rating):
    def step(a, report):
        return report_rate(report=report, rating=rating, now=at(6))

    return step


def make_private(a, report):
    report.is_public = False
    report.save(update_fields=["is_public"])
    return report


# (what happens, in ward A in March: received, resolved, on time, answer published, rated)
LIFE = [
    ("received on the web", lambda a, r: r, (1, 0, 0, 0, 0)),
    ("rejected as spam", reject, (0, 0, 0, 0, 0)),
    ("answered on time", answer, (1, 1, 1, 1, 0)),
    ("answered, then kept private", lambda a, r: make_private(a, answer(a, r)), (1, 1, 1, 0, 0)),
    ("answered, rated satisfied (closed)", lambda a, r: rate(Rating.SATISFIED)(a, answer(a, r)),
     (1, 1, 1, 1, 1)),
    ("answered, rated not satisfied (reopened)",
     lambda a, r: rate(Rating.NOT_SATISFIED)(a, answer(a, r)), (1, 0, 0, 0, 1)),
]  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize(("story", "live", "expected"), LIFE, ids=[row[0] for row in LIFE])
def test_each_step_of_a_report_moves_the_published_figures_at_once(a, story, live, expected):
    with time_machine.travel(at(2), tick=False):
        report = submit(a)
    with time_machine.travel(at(5), tick=False):
        live(a, report)
    assert figures(a.ward) == expected
    assert figures(a.ward.parent) == expected  # the city counts its wards' reports
    assert same_as_recounted()


@pytest.mark.django_db
def test_a_report_transferred_to_another_ward_counts_there(a, b):
    with time_machine.travel(at(2), tick=False):
        report = act(submit(a), Action.ACCEPT, a.officer)
        act(report, Action.TRANSFER, a.officer, unit=b.ward, note="Thuộc phường B")
    assert figures(a.ward) == (0, 0, 0, 0, 0)
    assert figures(b.ward) == (1, 0, 0, 0, 0)
    assert same_as_recounted()


@pytest.mark.django_db
def test_an_answer_late_counts_as_resolved_not_on_time(a):
    with time_machine.travel(at(2), tick=False):
        report = act(submit(a), Action.ACCEPT, a.officer)  # due in 15 working days
    with time_machine.travel(at(30, month=4), tick=False):
        handle(a, report)
    assert figures(a.ward) == (1, 1, 0, 1, 0)
    assert same_as_recounted()


@pytest.mark.django_db
def test_a_category_that_becomes_about_conduct_unpublishes_its_answers(a):
    with time_machine.travel(at(2), tick=False):
        answer(a, submit(a))
        answer(a, submit(a, code="thai-do-phuc-vu"))  # about an officer's conduct already
    assert figures(a.ward) == (2, 2, 2, 1, 0)
    sidewalks = Category.objects.get(code="lan-chiem-long-le-duong")
    sidewalks.is_conduct = True
    sidewalks.save()
    assert figures(a.ward) == (2, 2, 2, 0, 0)
    sidewalks.is_conduct = False
    sidewalks.save()
    assert figures(a.ward) == (2, 2, 2, 1, 0)
    assert same_as_recounted()


@pytest.mark.django_db
def test_a_deleted_report_is_no_longer_counted(a):
    with time_machine.travel(at(2), tick=False):
        answer(a, submit(a))
        kept_report = answer(a, submit(a))
    Report.objects.exclude(pk=kept_report.pk).get().delete()
    assert figures(a.ward) == (1, 1, 1, 1, 0)
    assert same_as_recounted()


@pytest.mark.django_db
def test_the_rebuild_recounts_what_bulk_loads_bypassed(a):
    with time_machine.travel(at(2), tick=False):
        answer(a, submit(a))
        submit(a)
    ReportMonth.objects.all().delete()  # as after a bulk load (COPY, bulk_create)
    assert figures(a.ward) == (0, 0, 0, 0, 0)
    call_command("rebuild_feedback_statistics", stdout=io.StringIO())
    assert figures(a.ward) == (2, 1, 1, 1, 0)
    assert same_as_recounted()


@pytest.mark.django_db
def test_the_figures_refuse_a_period_that_is_not_whole_months(a):
    with pytest.raises(ValueError, match="whole months"):
        index_figures(unit=a.ward, start=dt.date(2026, 3, 2), end=dt.date(2026, 3, 31))
