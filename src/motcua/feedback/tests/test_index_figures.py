"""The feedback figures the indices and dashboards read, on hand-built reports."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from motcua.feedback.models import Rating, Status
from motcua.feedback.selectors import index_figures
from motcua.feedback.tests.factories import ReportFactory, category

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
MARCH = (dt.date(2026, 3, 1), dt.date(2026, 3, 31))


def at(day: int) -> dt.datetime:
    return dt.datetime(2026, 3, day, 9, 0, tzinfo=TZ)


@pytest.mark.django_db
def test_feedback_figures_for_a_ward_and_a_month(ward_a, ward_b):
    # Answered on time (due 20/3, answered 10/3), rated satisfied, public.
    ReportFactory(
        unit=ward_a,
        answered=True,
        received_at=at(2),
        answered_at=at(10),
        due_date=dt.date(2026, 3, 20),
        rating=Rating.SATISFIED,
    )
    # Answered late (due 5/3, answered 12/3), rated not satisfied, kept private.
    ReportFactory(
        unit=ward_a,
        answered=True,
        received_at=at(3),
        answered_at=at(12),
        due_date=dt.date(2026, 3, 5),
        rating=Rating.NOT_SATISFIED,
        is_public=False,
    )
    # A conduct report answered on time: resolved, but its answer is never published.
    ReportFactory(
        unit=ward_a,
        answered=True,
        received_at=at(4),
        answered_at=at(6),
        due_date=dt.date(2026, 3, 20),
        category=category("thai-do-phuc-vu"),
    )
    # Still being handled, past its due date.
    ReportFactory(
        unit=ward_a,
        accepted=True,
        status=Status.IN_PROGRESS,
        received_at=at(5),
        due_date=dt.date(2026, 3, 10),
    )
    # Rejected as spam: not counted as received.
    ReportFactory(unit=ward_a, status=Status.REJECTED, received_at=at(6))
    # Outside the month, and in another ward: not counted.
    ReportFactory(
        unit=ward_a,
        answered=True,
        received_at=dt.datetime(2026, 2, 27, 9, tzinfo=TZ),
        answered_at=at(2),
        due_date=dt.date(2026, 3, 20),
    )
    ReportFactory(
        unit=ward_b,
        answered=True,
        received_at=at(2),
        answered_at=at(3),
        due_date=dt.date(2026, 3, 20),
    )

    figures = index_figures(unit=ward_a, start=MARCH[0], end=MARCH[1], today=dt.date(2026, 3, 31))
    assert figures.received == 4
    assert figures.resolved == 3
    assert figures.resolved_on_time == 2
    assert figures.overdue == 1
    assert figures.answers_published == 1
    assert (figures.rated, figures.rated_satisfied) == (2, 1)
